import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { Alliance, CharterVersion, SignatureBoard } from '@alliances/shared/contracts';
import { charterTranslocoTesting } from '../../testing/charter-testing';
import { SignatureBoardPage } from './signature-board-page';

const SHA = 'a'.repeat(64);
const BOARD: SignatureBoard = {
  latestVersion: 2,
  inForceVersion: 1,
  rows: [
    { organisationId: 'org-lead', organisationName: 'Les Jardins Partagés', role: 'lead', lastSignedVersion: 1, latest: 'awaited' },
    { organisationId: 'org-partner', organisationName: 'Coopérative Solaire', role: 'partner', lastSignedVersion: 2, latest: 'signed' },
  ],
};
const VERSION: CharterVersion = {
  version: 2,
  sha256: SHA,
  createdAt: '2026-03-02T10:00:00.000Z',
  createdBy: { id: 'user-camille', displayName: 'Camille Martin' },
  status: 'awaiting_signatures',
  signatures: [],
  sections: [],
};
const ALLIANCE = {
  id: 'all-1',
  name: 'Alliance des aidants',
  myRoles: [{ organisationId: 'org-lead', role: 'lead', status: 'active' }],
  can: { edit: true, invite: true, writeCharter: true, sign: true },
  members: [],
} as unknown as Alliance;

// Two cores shared with builds: the dialog round trip can take a while.
jest.setTimeout(20_000);

describe('SignatureBoardPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [charterTranslocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(
      aMe({}, [
        { organisationId: 'org-lead', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'signatory' },
      ]),
    );
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function render() {
    const fixture = TestBed.createComponent(SignatureBoardPage);
    fixture.componentRef.setInput('id', 'all-1');
    fixture.detectChanges();
    http.expectOne('/api/alliances/all-1/charter/signatures').flush(BOARD);
    http.expectOne('/api/alliances/all-1').flush(ALLIANCE);
    await settle();
    fixture.detectChanges();
    http.expectOne('/api/alliances/all-1/charter/versions/2').flush(VERSION);
    http
      .expectOne((r) => r.url === '/api/alliances/all-1/charter/diff')
      .flush({
        from: 1,
        to: 2,
        sections: [{ key: 'values', title: 'Valeurs', changed: true, parts: [{ kind: 'added', text: 'La confiance.' }] }],
      });
    await settle();
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the fingerprint, what each organisation signed, and a sign button only where the user may sign', async () => {
    const { el } = await render();

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Signatures de la charte');
    expect(el.querySelector('[data-testid="version-sha256"]')?.textContent).toBe(SHA);
    const rows = [...el.querySelectorAll('[data-testid="signature-row"]')];
    expect(rows.map((r) => r.querySelector('[data-testid="row-state"]')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '… En attente',
      '✓ Signée',
    ]);
    expect(el.querySelector('[data-testid="sign-org-lead"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="sign-org-partner"]')).toBeNull();
    expect(el.querySelector('[data-testid="in-force"]')?.textContent).toContain('Version 1 en vigueur');
    expect(el.querySelector('[data-testid="changes-since-signed"]')?.textContent).toContain('ajouté');
  });

  it('signs with the version’s SHA-256 after saying what is signed', async () => {
    const { el, fixture } = await render();

    el.querySelector<HTMLElement>('[data-testid="sign-org-lead"]')?.click();
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container');
    expect(dialog?.textContent).toContain(SHA);
    expect(dialog?.textContent).toContain('Les Jardins Partagés');
    dialog?.querySelector<HTMLElement>('[data-testid="confirm-accept"]')?.click();
    await settle();
    await fixture.whenStable();

    const sign = http.expectOne('/api/alliances/all-1/charter/versions/2/signatures');
    expect(sign.request.body).toEqual({ organisationId: 'org-lead', sha256: SHA });
    sign.flush({ ...VERSION, status: 'in_force' });
    await settle();
    fixture.detectChanges();
    await settle();
    http
      .expectOne('/api/alliances/all-1/charter/signatures')
      .flush({ ...BOARD, inForceVersion: 2, rows: BOARD.rows.map((r) => ({ ...r, latest: 'signed', lastSignedVersion: 2 })) });
    await settle();
    fixture.detectChanges();
    http.match('/api/alliances/all-1/charter/versions/2').forEach((r) => r.flush(VERSION));
    await settle();
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="signature-feedback"]')?.textContent?.trim()).toBe('Les Jardins Partagés a signé la version 2.');
    expect(el.querySelector('[data-testid="sign-org-lead"]')).toBeNull();
  });
});
