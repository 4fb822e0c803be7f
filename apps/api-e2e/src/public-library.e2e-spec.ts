import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { parseXml, readPage, type XmlElement } from './support/public-pages';

const ENV = {
  ADMIN_EMAIL: 'admin@public-library.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  PUBLIC_URL: 'https://alliances.example.org',
};

const TITLE = 'Café des aidants <script>alert("x")</script> & \'Lyon\'';
const SUMMARY = 'Un café chaque semaine pour les aidants familiaux de Lyon, tenu ensemble par la ville et une entreprise.';
const PURPOSE = 'Raison d’être confidentielle PRIVATE-PURPOSE-7731';

const dom = readPage;
const meta = (doc: ReturnType<typeof readPage>, key: string) => doc.meta(key);
const texts = (root: XmlElement, name: string): string[] => root.all(name).map((e) => e.text);

describe('public library: pages without sign-in, Open Graph, sitemap, feed, alliance pages, SDG tags', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partner: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let allianceId: string;
  let caseStudyId: string;
  let slug: string;
  let draftSlug: string;

  const put = (path: string, body: unknown, options: { token: string }) => api.call('PUT', path, { ...options, body });
  const consentAll = async () => {
    for (const [s, o] of [
      [lead, leadOrg],
      [partner, partnerOrg],
    ] as const) {
      const r = await api.post(`/api/case-studies/${caseStudyId}/consents`, { organisationId: o }, { token: s.accessToken });
      expect(r.status).toBe(200);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner] = await Promise.all([api.signUp(), api.signUp()]);
    leadOrg = (await api.applyOrganisation(lead, { name: 'Ville de Lyon', profile: 'local_authority' })).id;
    partnerOrg = (await api.applyOrganisation(partner, { name: 'Entreprise Solidaire', profile: 'company', siren: '552100554' })).id;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, partnerOrg);
    const created = await api.post(
      '/api/alliances',
      {
        name: 'Alliance des aidants lyonnais',
        purpose: PURPOSE,
        category: 'societal_innovation',
        collectiveObjectives: ['territory'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        sdgs: ['17.17', '3'],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    expect(created.status).toBe(201);
    allianceId = created.body.id;
    expect(created.body.sdgs).toEqual(['3', '17.17']);
    await api.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: lead.accessToken });
    await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken });

    // A second alliance whose card stays a draft: never public.
    const other = await api.post(
      '/api/alliances',
      {
        name: 'Alliance discrète',
        purpose: 'Une alliance qui ne publie rien',
        category: 'philanthropy',
        collectiveObjectives: ['engagement'],
        domains: ['health'],
        scale: 'local',
        territoryCodes: ['69123'],
        sdgs: ['17.16'],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    const draft = await put(
      `/api/alliances/${other.body.id}/case-study`,
      { title: 'Brouillon jamais publié', summary: 'Une fiche qui attend encore les accords des partenaires.', indicatorIds: [] },
      { token: lead.accessToken },
    );
    expect(draft.status).toBe(200);
    draftSlug = draft.body.slug;
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('lets the lead tag the alliance with SDGs and refuses codes outside the UN list', async () => {
    const current = await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken });
    const bad = await api.patch(
      `/api/alliances/${allianceId}`,
      { sdgs: ['18'], version: current.body.version },
      { token: lead.accessToken },
    );
    expect(bad.status).toBe(400);
    const patched = await api.patch(
      `/api/alliances/${allianceId}`,
      { sdgs: ['17.17', '3', '17'], version: current.body.version },
      { token: lead.accessToken },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.sdgs).toEqual(['3', '17', '17.17']);
  });

  it('gives the card a readable slug from its title and copies the alliance SDGs; unpublished it is a 404 page', async () => {
    const prepared = await put(
      `/api/alliances/${allianceId}/case-study`,
      { title: TITLE, summary: SUMMARY, indicatorIds: [] },
      { token: lead.accessToken },
    );
    expect(prepared.status).toBe(200);
    caseStudyId = prepared.body.id;
    slug = prepared.body.slug;
    expect(slug).toBe('cafe-des-aidants-script-alert-x-script-lyon');
    expect(prepared.body.sdgs).toEqual(['3', '17', '17.17']);
    expect(draftSlug).toBe('brouillon-jamais-publie');

    const page = await fetch(`${proc.url}/public/library/${slug}`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const doc = dom(await page.text());
    expect(doc.rootH1).toBe('Page introuvable');
    expect(meta(doc, 'robots')).toBe('noindex');
    expect((await api.get(`/api/public/case-studies/${slug}`)).status).toBe(404);
    expect((await api.get('/api/public/case-studies')).body).toEqual([]);
  });

  it('serves the published card as a complete HTML page: escaped title, description, Open Graph tags, readable body', async () => {
    await consentAll();
    const res = await fetch(`${proc.url}/public/library/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    // The content security policy of the app stays as it is.
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Café des aidants &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Lyon&#39;');
    const doc = dom(html);
    expect(doc.lang).toBe('fr');
    expect(doc.title).toBe(`${TITLE} · Bibliothèque des alliances`);
    expect(meta(doc, 'og:title')).toBe(`${TITLE} · Bibliothèque des alliances`);
    expect(meta(doc, 'description')).toBe(SUMMARY);
    expect(meta(doc, 'og:description')).toBe(SUMMARY);
    expect(meta(doc, 'og:type')).toBe('article');
    expect(meta(doc, 'og:url')).toBe(`https://alliances.example.org/public/library/${slug}`);
    expect(meta(doc, 'og:locale')).toBe('fr_FR');
    expect(meta(doc, 'twitter:card')).toBe('summary');
    expect(doc.link('canonical')).toBe(`https://alliances.example.org/public/library/${slug}`);
    expect(doc.link('alternate', 'application/atom+xml')).toBe('https://alliances.example.org/public/library/feed.atom');
    // Only one description: the page's, not the app's default.
    expect(doc.count(/<meta name="description"/g)).toBe(1);
    const ld = doc.jsonLd();
    expect(ld).toMatchObject({ '@type': 'Article', headline: TITLE });
    // The readable copy inside the app root, for people and crawlers without JavaScript.
    expect(doc.rootH1).toBe(TITLE);
    const text = doc.rootText;
    expect(text).toContain(SUMMARY);
    expect(text).toContain('ODD 17.17');
    expect(text).toContain('ODD 3 — Bonne santé et bien-être');
    expect(text).toContain('Lyon');
    // Nothing private: not the alliance's purpose (its page is not open), no ids.
    expect(html).not.toContain('PRIVATE-PURPOSE');
    expect(html).not.toContain(allianceId);
    expect(html).not.toContain(caseStudyId);
    expect(html).not.toContain(leadOrg);
  });

  it('answers in English with ?lang=en or the browser language, French otherwise', async () => {
    const en = dom(await (await fetch(`${proc.url}/public/library/${slug}?lang=en`)).text());
    expect(en.lang).toBe('en');
    expect(en.rootText).toContain('SDG 3 — Good health and well-being');
    expect(meta(en, 'og:locale')).toBe('en_GB');
    const accept = dom(
      await (await fetch(`${proc.url}/public/library/${slug}`, { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } })).text(),
    );
    expect(accept.lang).toBe('en');
    const french = dom(
      await (await fetch(`${proc.url}/public/library/${slug}`, { headers: { 'accept-language': 'de-DE,fr;q=0.8,en;q=0.5' } })).text(),
    );
    expect(french.lang).toBe('fr');
  });

  it('serves the public JSON without sign-in, published and consented fields only, filtered by SDG (a goal matches its targets)', async () => {
    const one = await api.get(`/api/public/case-studies/${slug}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ slug, title: TITLE, sdgs: ['3', '17', '17.17'], territories: [{ code: '69123' }] });
    for (const key of ['id', 'allianceId', 'consents', 'purpose']) expect(one.body).not.toHaveProperty(key);
    expect(JSON.stringify(one.body)).not.toContain(leadOrg);

    const slugs = async (query: string) =>
      ((await api.get(`/api/public/case-studies${query}`)).body as { slug: string }[]).map((c) => c.slug);
    expect(await slugs('')).toEqual([slug]);
    expect(await slugs('?sdg=17')).toEqual([slug]);
    expect(await slugs('?sdg=17.17')).toEqual([slug]);
    expect(await slugs('?sdg=3')).toEqual([slug]);
    expect(await slugs('?sdg=17.16')).toEqual([]);
    expect(await slugs('?sdg=4')).toEqual([]);
    expect(await slugs('?sdg=17&q=aidants&domain=carers')).toEqual([slug]);
    for (const bad of ['18', '17.99', 'abc', '3.1']) expect((await api.get(`/api/public/case-studies?sdg=${bad}`)).status).toBe(400);
    // The same filter in the signed-in library.
    const signedIn = await api.get('/api/case-studies?sdg=17', { token: partner.accessToken });
    expect(signedIn.body.map((c: { id: string }) => c.id)).toEqual([caseStudyId]);
    expect((await api.get('/api/case-studies?sdg=17.16', { token: partner.accessToken })).body).toEqual([]);
    expect((await api.get('/api/case-studies?sdg=18', { token: partner.accessToken })).status).toBe(400);
  });

  it('lists the published cards in the library page, the sitemap and the Atom feed, never the drafts', async () => {
    const library = dom(await (await fetch(`${proc.url}/public/library`)).text());
    expect(meta(library, 'og:type')).toBe('website');
    expect(library.rootLinks).toContain(`/public/library/${slug}`);

    const sitemap = await fetch(`${proc.url}/sitemap.xml`);
    expect(sitemap.headers.get('content-type')).toContain('application/xml');
    const urls = parseXml(await sitemap.text());
    expect(urls.name).toBe('urlset');
    const locs = texts(urls, 'loc');
    expect(locs).toEqual(['https://alliances.example.org/public/library', `https://alliances.example.org/public/library/${slug}`]);
    expect(texts(urls, 'lastmod')[1]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(locs.join(' ')).not.toContain(draftSlug);

    const feed = await fetch(`${proc.url}/public/library/feed.atom`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const atom = parseXml(await feed.text());
    expect(atom.name).toBe('feed');
    expect(atom.attributes['xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = atom.all('entry');
    expect(entries).toHaveLength(1);
    expect(texts(entries[0], 'title')).toEqual([TITLE]);
    expect(texts(entries[0], 'id')).toEqual([`https://alliances.example.org/public/library/${slug}`]);

    const robots = await (await fetch(`${proc.url}/robots.txt`)).text();
    expect(robots).toContain('Allow: /public/');
    expect(robots).toContain('Sitemap: https://alliances.example.org/sitemap.xml');
  });

  it('answers a 404 page for an unknown or malformed slug', async () => {
    for (const path of ['/public/library/nothing-here', '/public/library/Not%20a%20slug', '/public/alliances/nothing-here']) {
      const res = await fetch(`${proc.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      // The page never repeats the address asked for.
      expect(await res.text()).not.toMatch(/nothing-here|Not%20a%20slug/);
    }
    expect((await api.get('/api/public/alliance-pages/nothing-here')).status).toBe(404);
  });

  it('opens the alliance page only with every partner consent, and closing it answers 404 at once', async () => {
    const refused = await put(`/api/alliances/${allianceId}/public-page`, { enabled: true }, { token: partner.accessToken });
    expect(refused.status).toBe(403);
    const opened = await put(`/api/alliances/${allianceId}/public-page`, { enabled: true }, { token: lead.accessToken });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      alliancePage: true,
      status: 'awaiting_consent',
      alliancePageSlug: 'alliance-des-aidants-lyonnais',
    });
    const pageSlug = opened.body.alliancePageSlug;
    // Every partner is asked again: nothing of the alliance is public meanwhile.
    expect((await fetch(`${proc.url}/public/alliances/${pageSlug}`)).status).toBe(404);
    expect((await fetch(`${proc.url}/public/library/${slug}`)).status).toBe(404);

    await consentAll();
    const res = await fetch(`${proc.url}/public/alliances/${pageSlug}`);
    expect(res.status).toBe(200);
    const doc = dom(await res.text());
    expect(doc.title).toBe('Alliance des aidants lyonnais · Bibliothèque des alliances');
    expect(meta(doc, 'og:url')).toBe(`https://alliances.example.org/public/alliances/${pageSlug}`);
    expect(meta(doc, 'og:description')).toBe(PURPOSE);
    const text = doc.rootText;
    expect(text).toContain(PURPOSE);
    expect(text).toContain('Ville de Lyon');
    expect(text).toContain('Entreprise Solidaire');
    expect(text).toContain('ODD 17.17');
    expect(doc.rootLinks).toContain(`/public/library/${slug}`);
    const json = await api.get(`/api/public/alliance-pages/${pageSlug}`);
    expect(json.body.partners.map((p: { name: string }) => p.name).sort()).toEqual(['Entreprise Solidaire', 'Ville de Lyon']);
    expect(JSON.stringify(json.body)).not.toContain(allianceId);
    const card = dom(await (await fetch(`${proc.url}/public/library/${slug}`)).text());
    expect(card.rootLinks).toContain(`/public/alliances/${pageSlug}`);
    expect(await (await fetch(`${proc.url}/sitemap.xml`)).text()).toContain(`/public/alliances/${pageSlug}`);

    const closed = await put(`/api/alliances/${allianceId}/public-page`, { enabled: false }, { token: lead.accessToken });
    expect(closed.status).toBe(200);
    expect((await fetch(`${proc.url}/public/alliances/${pageSlug}`)).status).toBe(404);
    expect((await api.get(`/api/public/alliance-pages/${pageSlug}`)).status).toBe(404);
    expect((await fetch(`${proc.url}/public/library/${slug}`)).status).toBe(200);
    expect(await (await fetch(`${proc.url}/sitemap.xml`)).text()).not.toContain('/public/alliances/');
  });

  it('keeps the slug when the title changes, and a withdrawn consent takes the card offline at once', async () => {
    const renamed = await put(
      `/api/alliances/${allianceId}/case-study`,
      { title: 'Un tout autre titre', summary: SUMMARY, indicatorIds: [], sdgs: ['17.16'] },
      { token: lead.accessToken },
    );
    expect(renamed.body).toMatchObject({ slug, sdgs: ['17.16'] });
    await consentAll();
    const page = dom(await (await fetch(`${proc.url}/public/library/${slug}`)).text());
    expect(page.rootH1).toBe('Un tout autre titre');
    const withdrawn = await api.delete(`/api/case-studies/${caseStudyId}/consents/${partnerOrg}`, { token: partner.accessToken });
    expect(withdrawn.status).toBe(200);
    expect((await fetch(`${proc.url}/public/library/${slug}`)).status).toBe(404);
    expect(await (await fetch(`${proc.url}/sitemap.xml`)).text()).not.toContain(slug);
  });

  it('shows on the alliance page only the snapshot consented to: a later partner and a rename never reach it', async () => {
    const opened = await put(`/api/alliances/${allianceId}/public-page`, { enabled: true }, { token: lead.accessToken });
    expect(opened.status).toBe(200);
    const pageSlug = opened.body.alliancePageSlug as string;
    // The partners consent on what the page will show, and the consent screen can show it.
    expect(opened.body.alliancePageContent).toMatchObject({
      name: 'Alliance des aidants lyonnais',
      purpose: PURPOSE,
      sdgs: ['3', '17', '17.17'], // as tagged by the lead in the first test
    });
    expect(opened.body.alliancePageContent.partners.map((p: { name: string }) => p.name).sort()).toEqual([
      'Entreprise Solidaire',
      'Ville de Lyon',
    ]);
    await consentAll();
    expect((await fetch(`${proc.url}/public/alliances/${pageSlug}`)).status).toBe(200);

    // A third partner joins after the consents, then the lead renames the alliance and rewrites its purpose.
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const newcomer = await api.signUp();
    const newcomerOrg = (await api.applyOrganisation(newcomer, { name: 'Nouvelle Venue Discrète', profile: 'association' })).id;
    await api.approveOrganisation(admin, newcomerOrg);
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/members`,
          { organisationId: newcomerOrg, role: 'partner' },
          { token: lead.accessToken },
        )
      ).status,
    ).toBeLessThan(300);
    expect(
      (await api.post(`/api/alliances/${allianceId}/members/${newcomerOrg}/accept`, undefined, { token: newcomer.accessToken })).status,
    ).toBeLessThan(300);
    const renamed = await api.call('PATCH', `/api/alliances/${allianceId}`, {
      token: lead.accessToken,
      body: {
        name: 'Nom jamais consenti',
        purpose: 'Raison jamais consentie NEVER-CONSENTED-42',
        version: (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body.version,
      },
    });
    expect(renamed.status).toBe(200);

    const res = await fetch(`${proc.url}/public/alliances/${pageSlug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const doc = dom(html);
    expect(doc.title).toBe('Alliance des aidants lyonnais · Bibliothèque des alliances');
    expect(doc.rootText).toContain(PURPOSE);
    expect(doc.rootText).toContain('Entreprise Solidaire');
    expect(html).not.toContain('Nouvelle Venue Discrète');
    expect(html).not.toContain('Nom jamais consenti');
    expect(html).not.toContain('NEVER-CONSENTED-42');
    const json = await api.get(`/api/public/alliance-pages/${pageSlug}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ name: 'Alliance des aidants lyonnais', purpose: PURPOSE });
    expect(json.body.partners.map((p: { name: string }) => p.name).sort()).toEqual(['Entreprise Solidaire', 'Ville de Lyon']);
    expect(JSON.stringify(json.body)).not.toMatch(/Nouvelle Venue|jamais consenti|NEVER-CONSENTED/);

    // Re-opening the page takes a new snapshot and asks every organisation it names, the newcomer included.
    await put(`/api/alliances/${allianceId}/public-page`, { enabled: false }, { token: lead.accessToken });
    const reopened = await put(`/api/alliances/${allianceId}/public-page`, { enabled: true }, { token: lead.accessToken });
    expect(reopened.body).toMatchObject({ status: 'awaiting_consent', alliancePageContent: { name: 'Nom jamais consenti' } });
    expect(reopened.body.consents.map((c: { organisationId: string }) => c.organisationId)).toContain(newcomerOrg);
    expect((await api.get(`/api/public/alliance-pages/${pageSlug}`)).status).toBe(404);
  });
});
