import { TestBed } from '@angular/core/testing';
import { LanguageService } from '@alliances/web/core';
import { browserLanguage, translocoTesting } from '../../../testing/i18n-testing';
import { HomePage } from './home-page';

describe('HomePage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
  });

  afterEach(() => jest.restoreAllMocks());

  async function render() {
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const title = () => el.querySelector('[data-testid="home-title"]')?.textContent?.trim();
    return { fixture, el, title };
  }

  it('greets a French visitor in French and presents the charter, objectives and evaluation', async () => {
    browserLanguage('fr-FR');
    const { el, title } = await render();

    expect(title()).toBe("Faire alliance pour l'intérêt général");
    expect(el.querySelector('h1')?.getAttribute('data-testid')).toBe('home-title');
    expect(el.textContent).toContain('co-écrivent et signent leur charte');
    expect([...el.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual([
      "Charte d'alliance",
      'Objectifs partagés',
      'Évaluation partenariale',
    ]);
  });

  it('shows the title in English once the visitor chooses English', async () => {
    browserLanguage('fr-FR');
    const { fixture, title } = await render();

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();

    expect(title()).toBe('Join forces for the general interest');
  });
});
