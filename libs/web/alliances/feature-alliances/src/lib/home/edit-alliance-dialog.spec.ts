import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { COLLECTIVE_OBJECTIVES } from '@alliances/shared/contracts';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { anAlliance, translocoWithAlliances } from '../../testing/alliances-testing';
import { EditAllianceDialog } from './edit-alliance-dialog';

describe('EditAllianceDialog', () => {
  it('shows every field of the profile filled in, and sends back the name, the purpose and what changed', async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    const close = jest.fn();
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: anAlliance() },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(EditAllianceDialog);
    fixture.detectChanges();
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

    for (const id of [
      'edit-alliance-category',
      'edit-alliance-objectives',
      'edit-alliance-domains',
      'edit-alliance-scale',
      'edit-alliance-stage',
    ])
      expect(byTestId(id)).not.toBeNull();
    expect(byTestId('edit-alliance-territory')?.textContent).toContain('Lyon (69123)');

    const alliance = anAlliance();
    const other = alliance.collectiveObjectives.includes('performance') ? 'territory' : 'performance';
    (byTestId(`edit-objective-${other}`)?.querySelector('input') as HTMLInputElement).click();
    fixture.detectChanges();
    byTestId('edit-alliance-save')?.click();
    fixture.detectChanges();

    expect(close).toHaveBeenCalledWith({
      name: alliance.name,
      purpose: alliance.purpose,
      collectiveObjectives: COLLECTIVE_OBJECTIVES.filter((k) => alliance.collectiveObjectives.includes(k) || k === other),
    });
  });
});
