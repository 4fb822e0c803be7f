import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { confirmAction } from './confirm-dialog';

describe('confirmAction', () => {
  // A ui lib knows no app dictionary: the texts come as keys from the caller.
  const fr = {
    common: { cancel: 'Annuler' },
    members: { removeTitle: 'Retirer {{ name }} ?', removeText: '{{ name }} quittera {{ organisation }}.', remove: 'Retirer' },
  };
  beforeEach(() =>
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { fr },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
    }),
  );

  async function ask() {
    const answer = confirmAction(TestBed.inject(MatDialog), {
      title: 'members.removeTitle',
      message: 'members.removeText',
      confirm: 'members.remove',
      params: { name: 'Camille Martin', organisation: 'Les Jardins' },
      destructive: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    return { answer, dialog };
  }

  it('asks in words and resolves to true when the person confirms', async () => {
    const { answer, dialog } = await ask();

    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe('Retirer Camille Martin ?');
    expect(dialog.querySelector('p')?.textContent?.trim()).toBe('Camille Martin quittera Les Jardins.');
    dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-accept"]')?.click();

    await expect(answer).resolves.toBe(true);
  });

  it('resolves to false when the person cancels', async () => {
    const { answer, dialog } = await ask();

    expect(dialog.querySelector('[data-testid="confirm-cancel"]')?.textContent?.trim()).toBe('Annuler');
    dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-cancel"]')?.click();

    await expect(answer).resolves.toBe(false);
  });
});
