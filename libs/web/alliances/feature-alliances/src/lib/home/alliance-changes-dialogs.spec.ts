import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { aMember, translocoWithAlliances } from '../../testing/alliances-testing';
import { CloseAllianceDialog, HandOverDialog } from './alliance-changes-dialogs';

async function render<T>(
  component: new (...args: never[]) => T,
  data: unknown,
): Promise<{ el: HTMLElement; close: jest.Mock; detectChanges: () => void }> {
  localStorage.clear();
  browserLanguage('fr-FR');
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [translocoWithAlliances()],
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(component);
  fixture.detectChanges();
  await settle();
  await fixture.whenStable();
  fixture.detectChanges();
  return { el: fixture.nativeElement as HTMLElement, close, detectChanges: () => fixture.detectChanges() };
}

describe('HandOverDialog', () => {
  it('offers only the partners that accepted, and closes with the one chosen', async () => {
    const { el, close, detectChanges } = await render(HandOverDialog, [
      aMember({ organisationId: 'o1', organisationName: 'Pilote', role: 'lead' }),
      aMember({ organisationId: 'o2', organisationName: 'Partenaire Actif', role: 'partner' }),
      aMember({ organisationId: 'o3', organisationName: 'Partenaire Invité', role: 'partner', status: 'invited' }),
      aMember({ organisationId: 'o4', organisationName: 'Partenaire Parti', role: 'partner', status: 'left' }),
      aMember({ organisationId: 'o5', organisationName: 'Fondation', role: 'funder' }),
    ]);
    const options = [...el.querySelectorAll('mat-radio-button')].map((b) => b.textContent?.trim());
    expect(options).toEqual(['Partenaire Actif']);

    (el.querySelector('[data-testid="hand-over-confirm"]') as HTMLElement).click();
    detectChanges();
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector('#hand-over-error')?.textContent).toContain('Choisissez une organisation partenaire.');

    (el.querySelector('mat-radio-button input') as HTMLInputElement).click();
    (el.querySelector('[data-testid="hand-over-confirm"]') as HTMLElement).click();
    expect(close).toHaveBeenCalledWith('o2');
  });

  it('says when no partner can take the lead yet', async () => {
    const { el } = await render(HandOverDialog, [aMember({ organisationId: 'o1', role: 'lead' })]);
    expect(el.querySelector('[data-testid="hand-over-none"]')?.textContent).toContain("Aucune organisation partenaire n'a encore accepté");
    expect(el.querySelector('[data-testid="hand-over-confirm"]')).toBeNull();
  });
});

describe('CloseAllianceDialog', () => {
  it('closes with the final note, trimmed', async () => {
    const { el, close } = await render(CloseAllianceDialog, undefined);
    const note = el.querySelector('[data-testid="closing-note"]') as HTMLTextAreaElement;
    note.value = '  Merci à toutes et tous.  ';
    note.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="close-alliance-confirm"]') as HTMLElement).click();
    expect(close).toHaveBeenCalledWith({ closingNote: 'Merci à toutes et tous.' });
  });
});
