import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { aCaseStudy } from '../../testing/fixtures';
import { libraryTranslocoTesting } from '../../testing/library-testing';
import { LibraryPage } from './library-page';

describe('LibraryPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [libraryTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(inputs: Record<string, string>, answer: unknown[]) {
    const fixture = TestBed.createComponent(LibraryPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === '/api/case-studies');
    req.flush(answer);
    await settle();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement, params: req.request.params };
  }

  it('searches with the words and filters of the address and shows each card with its tags', async () => {
    const { el, params } = await render({ q: 'collectivite', profile: 'company', domain: 'carers' }, [
      aCaseStudy({ status: 'published', publishedAt: '2026-03-03T10:00:00.000Z' }),
    ]);
    expect(params.get('q')).toBe('collectivite');
    expect(params.get('profile')).toBe('company');
    expect(params.get('domain')).toBe('carers');
    expect(params.has('scale')).toBe(false);
    expect((el.querySelector('[data-testid="library-search"]') as HTMLInputElement).value).toBe('collectivite');
    expect(el.querySelector('[data-testid="library-count"]')?.textContent).toContain('Fiches trouvées : 1');
    const card = el.querySelector('[data-testid="library-card"]')!;
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/library/cs-1');
    const tags = [...card.querySelectorAll('.tag')].map((t) => t.textContent?.trim());
    expect(tags).toEqual(['Mobilité', 'Aidants', 'Entreprise', 'Collectivité territoriale']);
    expect(card.textContent).toContain('Innovation sociétale');
    expect(card.textContent).toContain('Publiée le 3 mars 2026');
  });

  it('tells apart an empty library and a search that finds nothing', async () => {
    const { el } = await render({}, []);
    expect(el.querySelector('[data-testid="library-empty"]')?.textContent).toContain('ne contient encore aucune fiche');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [libraryTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    const filtered = await render({ scale: 'national' }, []);
    expect(filtered.el.querySelector('[data-testid="library-empty"]')?.textContent).toContain('Aucune fiche ne correspond');
  });

  it('puts the typed words in the address, keeping the filters', async () => {
    const { fixture, el } = await render({ scale: 'local' }, []);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const input = el.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
    input.value = '  aidants ';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid="library-search-submit"]')!.click();
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { q: 'aidants' }, queryParamsHandling: 'merge' });
  });
});
