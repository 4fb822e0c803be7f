import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { AllianceAuditEntry } from '@alliances/shared/contracts';
import { translocoWithAlliances } from '../../testing/alliances-testing';
import { AllianceJournal } from './alliance-journal';

jest.setTimeout(30000);

const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3600_000).toISOString();
const daysAgo = (days: number): string => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - days, 12).toISOString();
};

const entry = (overrides: Partial<AllianceAuditEntry>): AllianceAuditEntry => ({
  id: 'e1',
  at: daysAgo(0),
  actorName: 'Marie Dupont',
  action: 'alliance.created',
  objectType: 'alliance',
  objectId: 'a1',
  details: null,
  organisationName: null,
  link: null,
  ...overrides,
});

describe('AllianceJournal', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AllianceJournal>;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  async function step(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
  }

  async function render(items: AllianceAuditEntry[], nextCursor: string | null = null): Promise<void> {
    fixture = TestBed.createComponent(AllianceJournal);
    fixture.componentRef.setInput('allianceId', 'a1');
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/alliances/a1/audit').flush({ items, nextCursor });
    await step();
  }

  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const all = (selector: string) => [...el.querySelectorAll(selector)];

  it('tells each entry in a sentence, grouped by day, with a link to its object', async () => {
    await render([
      entry({
        id: 'e3',
        at: hoursAgo(0),
        action: 'alliance.updated',
        details: { changes: { category: { before: 'philanthropy', after: 'societal_innovation' } } },
      }),
      entry({
        id: 'e2',
        at: daysAgo(1),
        action: 'charter.signed',
        objectType: 'charter_version',
        organisationName: 'Les Jardins Partagés',
        details: { version: 2 },
        link: '/alliances/a1/charter/signatures',
      }),
      entry({
        id: 'e1',
        at: '2026-01-20T10:00:00.000Z',
        action: 'tranche.something_new',
        objectType: 'tranche',
        link: '/alliances/a1/funding',
      }),
    ]);

    expect(all('[data-testid="journal-day"]').map(text)).toEqual(["Aujourd'hui", 'Hier', 'mardi 20 janvier 2026']);
    const entries = all('[data-testid="journal-entry"]');
    expect(text(entries[0])).toContain('Marie Dupont a changé la catégorie : Mécénat → Innovation sociétale');
    expect(text(entries[1])).toContain('Marie Dupont a signé la version 2 de la charte au nom de Les Jardins Partagés.');
    expect(entries[1].querySelector('a')?.getAttribute('href')).toBe('/alliances/a1/charter/signatures');
    expect(text(entries[1].querySelector('a'))).toBe('Voir la charte');
    // Never a raw code.
    expect(text(entries[2])).toContain("Marie Dupont a fait une modification dans l'alliance.");
    expect(text(el)).not.toContain('something_new');
  });

  it('filters by kind and shows more entries of that kind on demand', async () => {
    await render([entry({})]);
    const charter = all('mat-button-toggle button').find((b) => text(b) === 'Charte') as HTMLButtonElement;
    expect(el.querySelector('mat-button-toggle-group')?.getAttribute('aria-label')).toBe("Type d'événements");
    charter.click();
    await step();
    http
      .expectOne('/api/alliances/a1/audit?kind=charter')
      .flush({ items: [entry({ id: 'c2', action: 'charter.version_proposed', details: { version: 2 } })], nextCursor: 'next' });
    await step();
    expect(all('[data-testid="journal-entry"]').map(text)[0]).toContain('Marie Dupont a proposé la version 2 de la charte.');

    (el.querySelector('[data-testid="journal-more"]') as HTMLButtonElement).click();
    http
      .expectOne('/api/alliances/a1/audit?cursor=next&kind=charter')
      .flush({ items: [entry({ id: 'c1', action: 'charter.in_force', details: { version: 1 } })], nextCursor: null });
    await step();
    expect(all('[data-testid="journal-entry"]')).toHaveLength(2);
    expect(el.querySelector('[data-testid="journal-more"]')).toBeNull();
  });

  it('says when nothing of a kind was recorded', async () => {
    await render([]);
    expect(text(el)).toContain("Rien n'a encore été enregistré.");
  });
});
