import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MembershipSummary } from '@alliances/shared/contracts';
import { aMe, signInAs } from '@alliances/web/identity/data-access/testing';
import { browserLanguage, translocoTesting } from '../testing/i18n-testing';
import { App } from './app';
import { appRoutes } from './app.routes';

describe('App shell', () => {
  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  async function render() {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const button = (lang: string) => el.querySelector<HTMLButtonElement>(`[data-testid="lang-${lang}"]`);
    const navLinks = () => [...el.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    return { fixture, el, button, navLinks };
  }

  it('shows the product name, the French navigation and a skip link to the content', async () => {
    const { el, navLinks } = await render();

    expect(el.querySelector('header a[href="/"]')?.textContent?.trim()).toBe('Alliances');
    expect(navLinks()).toEqual(['Se connecter', 'Créer un compte']);
    expect(el.querySelector('nav a')?.getAttribute('href')).toBe('/sign-in');
    const skip = el.querySelector('a.skip-link');
    expect(skip?.textContent?.trim()).toBe('Aller au contenu');
    expect(skip?.getAttribute('href')).toBe('#main');
    expect(el.querySelector('main#main')).not.toBeNull();
  });

  it('offers French and English, French being pressed', async () => {
    const { button } = await render();

    expect(button('fr')?.textContent?.trim()).toBe('FR');
    expect(button('fr')?.getAttribute('aria-label')).toBe('Français');
    expect(button('fr')?.getAttribute('aria-pressed')).toBe('true');
    expect(button('en')?.textContent?.trim()).toBe('EN');
    expect(button('en')?.getAttribute('aria-label')).toBe('English');
    expect(button('en')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('switches the interface to English and back to French', async () => {
    const { fixture, button, navLinks, el } = await render();

    button('en')?.click();
    await fixture.whenStable();

    expect(navLinks()).toEqual(['Sign in', 'Sign up']);
    expect(button('en')?.getAttribute('aria-pressed')).toBe('true');
    expect(button('fr')?.getAttribute('aria-pressed')).toBe('false');
    expect(el.querySelector('a.skip-link')?.textContent?.trim()).toBe('Skip to content');
    expect(document.documentElement.lang).toBe('en');

    button('fr')?.click();
    await fixture.whenStable();

    expect(navLinks()).toEqual(['Se connecter', 'Créer un compte']);
    expect(document.documentElement.lang).toBe('fr');
  });

  it('moves keyboard focus to the main content through the skip link', async () => {
    const { fixture, el } = await render();

    el.querySelector<HTMLAnchorElement>('a.skip-link')?.click();
    await fixture.whenStable();

    expect(document.activeElement).toBe(el.querySelector('main'));
  });
});

describe('routes', () => {
  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['/', "Faire alliance pour l'intérêt général"],
    ['/sign-in', 'Connexion'],
    ['/sign-up', 'Créer votre compte'],
    ['/no-such-page', 'Page introuvable'],
  ])('%s shows exactly one h1: %s', async (url, heading) => {
    const harness = await RouterTestingHarness.create(url);

    const headings = harness.fixture.debugElement.queryAll(By.css('h1'));
    expect(headings.map((h) => (h.nativeElement as HTMLElement).textContent?.trim())).toEqual([heading]);
  });
});

describe('App shell, signed in', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
      // The notifications bell is deferred and has its own specs (feature-comments).
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  /** `catalysts`: the organisations that are territorial catalysts (the top bar asks for each approved one). */
  async function render(isPlatformAdmin: boolean, memberships: MembershipSummary[] = [], catalysts: string[] = []) {
    await signInAs(aMe({ displayName: 'Camille Martin', isPlatformAdmin }, memberships));
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const request of http.match((r) => r.url === '/api/catalyst')) {
      const organisationId = request.request.params.get('organisationId') ?? '';
      const territories = catalysts.includes(organisationId) ? [{ code: '69', name: 'Rhône', kind: 'departement' }] : [];
      request.flush({ organisationId, territories, grantedAt: null });
    }
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    return { fixture, el, byTestId };
  }

  it("shows the person's name, opening their links", async () => {
    const { fixture, el, byTestId } = await render(false);
    const trigger = byTestId<HTMLButtonElement>('user-menu');

    expect([...el.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual([
      'Mes alliances',
      'Mes organisations',
      'Annuaire',
      'Bibliothèque',
      'Observatoire',
    ]);
    expect(trigger?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Camille Martin, menu du compte▾');
    expect(trigger?.getAttribute('aria-expanded')).toBe('false');

    trigger?.click();
    await fixture.whenStable();

    expect(trigger?.getAttribute('aria-expanded')).toBe('true');
    expect([...el.querySelectorAll('#user-menu-panel li')].map((li) => li.textContent?.trim())).toEqual([
      'Mes organisations',
      'Mon compte',
      'Se déconnecter',
    ]);

    trigger?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(el.querySelector('#user-menu-panel')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('leads the people of a funding organisation to its portfolio', async () => {
    const { el, byTestId } = await render(false, [
      { organisationId: 'org-asso', organisationName: 'Association', organisationStatus: 'approved', role: 'admin', funds: false },
      { organisationId: 'org-fondation', organisationName: 'Fondation', organisationStatus: 'approved', role: 'member', funds: true },
    ]);
    expect([...el.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual([
      'Mes alliances',
      'Mes organisations',
      'Portefeuille',
      'Annuaire',
      'Bibliothèque',
      'Observatoire',
    ]);
    expect(byTestId('nav-portfolio')?.getAttribute('href')).toBe('/organisations/org-fondation/portfolio');
    // Neither is a territorial catalyst: no catalyst page.
    expect(byTestId('nav-catalyst')).toBeNull();
  });

  it('offers the catalyst page to the people of a territorial catalyst', async () => {
    const { el, byTestId } = await render(
      false,
      [
        { organisationId: 'org-asso', organisationName: 'Association', organisationStatus: 'approved', role: 'member' },
        { organisationId: 'org-pending', organisationName: 'En attente', organisationStatus: 'pending', role: 'admin' },
      ],
      ['org-asso'],
    );

    expect(byTestId('nav-catalyst')?.getAttribute('href')).toBe('/catalyst');
    expect([...el.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toContain('Catalyseur');
  });

  it('offers the review queue to platform administrators', async () => {
    const { fixture, el, byTestId } = await render(true);

    byTestId('user-menu')?.click();
    await fixture.whenStable();

    expect(byTestId('menu-review-queue')?.getAttribute('href')).toBe('/admin/organisations');
    expect([...el.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual([
      'Mes alliances',
      'Mes organisations',
      'Annuaire',
      'Bibliothèque',
      'Observatoire',
      'Administration',
      'Demandes à examiner',
    ]);
  });

  it('signs out: the session ends on the server and the sign-in links come back', async () => {
    const { fixture, el, byTestId } = await render(false);

    byTestId('user-menu')?.click();
    await fixture.whenStable();
    byTestId('sign-out')?.click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(byTestId('user-menu')).toBeNull();
    expect([...el.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual(['Se connecter', 'Créer un compte']);
  });
});

describe('protected routes', () => {
  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it.each(['/organisations', '/organisations/apply', '/account', '/admin/organisations'])(
    '%s sends a visitor to the sign-in page, to come back afterwards',
    async (url) => {
      const harness = await RouterTestingHarness.create(url);

      expect(TestBed.inject(Router).url).toBe(`/sign-in?returnUrl=${encodeURIComponent(url)}`);
      expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Connexion');
    },
  );
});
