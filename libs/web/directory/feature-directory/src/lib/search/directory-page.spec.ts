import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { A_MAP, aCard } from '../../testing/fixtures';
import { configureDirectoryPage, stubResizeObserver } from '../../testing/directory-testing';
import { DirectoryPage } from './directory-page';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const isList = (r: { url: string }) => r.url === '/api/directory';
const isMap = (r: { url: string }) => r.url === '/api/directory/map';

describe('DirectoryPage', () => {
  let http: HttpTestingController;

  beforeAll(stubResizeObserver);

  beforeEach(async () => {
    http = configureDirectoryPage('annuaire', DirectoryPage);
    await signInAs(
      aMe({}, [
        { organisationId: 'org-mine', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'admin' },
        { organisationId: 'org-pending', organisationName: 'En attente', organisationStatus: 'pending', role: 'admin' },
      ]),
    );
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function open(url = '/annuaire', page = { items: [aCard()], nextCursor: null as string | null }) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    const list = http.expectOne(isList);
    list.flush(page);
    const map = http.expectOne(isMap);
    map.flush(A_MAP);
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    const one = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const all = (id: string) => [...el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
    return { harness, el, one, all, list, map };
  }

  /** The debounced filters reach the URL, then the new search goes out (however long that takes under load). */
  async function afterFilters(harness: RouterTestingHarness): Promise<{ list: TestRequest; map: TestRequest }> {
    const next = async (predicate: (r: { url: string }) => boolean): Promise<TestRequest> => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const [found] = http.match(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
        harness.detectChanges();
      }
      throw new Error('The search did not go out');
    };
    return { list: await next(isList), map: await next(isMap) };
  }

  it('shows a card with its name, profile, territory, domains and needs, and the count', async () => {
    const { el, one, all } = await open();
    expect(text(el.querySelector('h1'))).toBe('Trouver des partenaires');
    expect(all('directory-card')).toHaveLength(1);
    const card = text(one('directory-card'));
    expect(card).toContain('Épicerie solidaire de Villeurbanne');
    expect(card).toContain('Association');
    expect(card).toContain('Villeurbanne (69)');
    expect(card).toContain('Alimentation');
    expect(card).toContain('circular_economy');
    const chips = (id: string) => [...(one(id)?.querySelectorAll('li') ?? [])].map((li) => text(li));
    expect(chips('directory-card-seeks')).toEqual(['Apport financier', 'Compétences']);
    expect(chips('directory-card-offers')).toEqual(['Réseau', 'Positionnement']);
    expect(one('directory-card-link')?.getAttribute('href')).toBe('/annuaire/org-epicerie');
    expect(text(one('directory-count'))).toBe('3 organisation(s) correspondent.');
    expect(one('directory-more')).toBeNull();
  });

  it('reads the filters from the URL and asks the API with them, the map without the order only', async () => {
    const { list, map } = await open(
      '/annuaire?q=epicerie&territory=84&domain=food&domain=health&seeks=skills&open=true&as=org-mine&sort=match',
    );
    expect(list.request.params.get('q')).toBe('epicerie');
    expect(list.request.params.get('territory')).toBe('84');
    expect(list.request.params.getAll('domain')).toEqual(['food', 'health']);
    expect(list.request.params.get('seeks')).toBe('skills');
    expect(list.request.params.get('open')).toBe('true');
    expect(list.request.params.get('as')).toBe('org-mine');
    expect(list.request.params.get('sort')).toBe('match');
    expect(list.request.params.get('limit')).toBe('20');
    expect(map.request.params.get('territory')).toBe('84');
    expect(map.request.params.get('as')).toBe('org-mine');
    expect(map.request.params.has('sort')).toBe(false);
    // The territory code is named once the territories API answers.
    http.expectOne((r) => r.url === '/api/territories').flush([{ code: '84', name: 'Auvergne-Rhône-Alpes', kind: 'region' }]);
  });

  it('puts the typed search into the URL and searches again', async () => {
    const { harness, one } = await open();
    const q = one('directory-q') as HTMLInputElement;
    q.value = 'épicerie';
    q.dispatchEvent(new Event('input'));
    const { list, map } = await afterFilters(harness);
    expect(TestBed.inject(Router).url).toBe('/annuaire?q=%C3%A9picerie');
    expect(list.request.params.get('q')).toBe('épicerie');
    expect(map.request.params.get('q')).toBe('épicerie');
    list.flush({ items: [], nextCursor: null });
    map.flush({ total: 0, departements: [] });
    await settle();
    harness.detectChanges();
    expect(text(one('directory-empty'))).toContain('Aucune organisation ne correspond à ces filtres.');
  });

  it('appends the next page after the first with "Voir plus"', async () => {
    const { harness, one, all } = await open('/annuaire', { items: [aCard()], nextCursor: 'cursor-2' });
    one('directory-more')?.click();
    const next = http.expectOne(isList);
    expect(next.request.params.get('cursor')).toBe('cursor-2');
    next.flush({ items: [aCard({ id: 'org-garage', name: 'Garage solidaire' })], nextCursor: null });
    await settle();
    harness.detectChanges();
    expect(all('directory-card').map((c) => text(c.querySelector('h3')))).toEqual([
      'Épicerie solidaire de Villeurbanne',
      'Garage solidaire',
    ]);
    expect(one('directory-more')).toBeNull();
  });

  it('shows the match and its reasons when searching as one of my organisations', async () => {
    const card = aCard({ match: { score: 3, theySeekYouOffer: ['skills'], youSeekTheyOffer: ['network', 'positioning'] } });
    const { one } = await open('/annuaire?as=org-mine&sort=match', { items: [card], nextCursor: null });
    expect(text(one('directory-match-score'))).toBe('Complémentarité : 3');
    expect(text(one('directory-match'))).toContain('Elle cherche ce que vous apportez : Compétences');
    expect(text(one('directory-match'))).toContain("Vous cherchez ce qu'elle apporte : Réseau, Positionnement");
    expect(one('directory-card-link')?.getAttribute('href')).toBe('/annuaire/org-epicerie?as=org-mine');
  });

  it('lists the counts by département and filters on one picked from the table', async () => {
    const { harness, all } = await open();
    const rows = all('map-row');
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['69', '38']);
    expect(text(rows[0])).toContain('Rhône (69)');
    expect(text(rows[0].querySelector('[data-testid="map-count"]'))).toBe('2');
    (rows[1].querySelector('[data-testid="map-filter"]') as HTMLElement).click();
    const { list, map } = await afterFilters(harness);
    expect(TestBed.inject(Router).url).toBe('/annuaire?territory=38');
    expect(list.request.params.get('territory')).toBe('38');
    expect(map.request.params.get('territory')).toBe('38');
  });
});
