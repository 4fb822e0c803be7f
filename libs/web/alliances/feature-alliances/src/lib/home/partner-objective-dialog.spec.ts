import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { browserLanguage } from '@alliances/web/core/testing';
import { aDiagnostic } from '@alliances/web/diagnostics/data-access/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { translocoWithAlliances } from '../../testing/alliances-testing';
import { PartnerObjectiveDialog, type PartnerObjectiveDialogData } from './partner-objective-dialog';

describe('PartnerObjectiveDialog', () => {
  let http: HttpTestingController;

  async function open(data: PartnerObjectiveDialogData): Promise<HTMLElement> {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PartnerObjectiveDialog);
    fixture.detectChanges();
    await settle();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  const checked = (el: HTMLElement, key: string) =>
    (el.querySelector(`[data-testid="objective-square-${key}"] input`) as HTMLInputElement).checked;

  it('pre-fills an empty square from the organisation’s latest self-diagnostic, and says so', async () => {
    const el = await open({ organisationName: 'Les Jardins Partagés', objective: null, organisationId: 'o1' });
    http.expectOne((r) => r.url === '/api/organisations/o1/diagnostics').flush({ items: [aDiagnostic()], nextCursor: null });
    await settle();
    TestBed.tick();

    expect(el.querySelector('[data-testid="diagnostic-prefill"]')?.textContent).toContain('Pré-rempli d’après votre autodiagnostic');
    expect(['business_model', 'value_proposition', 'positioning', 'processes'].map((k) => checked(el, k))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('leaves a square the partner already chose as it is, without asking', async () => {
    const el = await open({
      organisationName: 'Les Jardins Partagés',
      objective: { square: ['processes'], expectations: '', contributions: {} },
      organisationId: 'o1',
    });
    http.expectNone((r) => r.url.includes('/diagnostics'));
    expect(el.querySelector('[data-testid="diagnostic-prefill"]')).toBeNull();
    expect(checked(el, 'processes')).toBe(true);
  });
});
