import {
  ApiClient,
  createTestDatabase,
  randomSiren,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type ApiResponse,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { DirectoryCard, DirectoryMap, OrganisationWithProfile, Page } from '@alliances/shared/contracts';
import { randomUUID } from 'node:crypto';

/**
 * THE ORGANISATION PROFILE AND THE PARTNER DIRECTORY (issue 14 items 1 and 3, docs/decisions/0014):
 * an organisation's admins edit its profile and logo; the directory shows listed, approved
 * organisations only, public fields only, filtered by territory (a région matches every commune
 * inside it), profile, domain, seeks, offers and openness, searched without accents, sorted by name
 * or by complementarity, keyset-paginated.
 */

const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';
const CARD_FIELDS = [
  'description',
  'domains',
  'hasLogo',
  'id',
  'name',
  'offers',
  'openToAlliances',
  'profile',
  'seeks',
  'territory',
  'website',
];

const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();
/** The names of a page, as a sorted set: the order by name is the database's collation, checked by the paging test. */
const names = (page: { items: { name: string }[] }) => page.items.map((c) => c.name).sort();
const sorted = (values: string[]) => [...values].sort();

/** A minimal PNG (1×1), JPEG and WebP header, enough for the magic-byte check. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

describe(`organisation profile and partner directory (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let admin: Session;

  /** The caller's organisation: an association of Lyon that seeks money and skills and offers its network and people. */
  let me: Session;
  let mine: { id: string; name: string };
  let member: Session;
  let outsider: Session;
  const orgs: Record<string, { id: string; name: string; owner: Session }> = {};

  const patch = (session: Session, id: string, body: unknown) =>
    client.patch(`/api/organisations/${id}`, body, { token: session.accessToken });
  const directory = (query: string, session: Session = outsider): Promise<ApiResponse<Page<DirectoryCard>>> =>
    client.get(`/api/directory${query ? `?${query}` : ''}`, { token: session.accessToken });
  const putLogo = (session: Session, id: string, body: Buffer | string, contentType: string) =>
    fetch(`${api.url}/api/organisations/${id}/logo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': contentType },
      body: new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body),
    });

  /** An approved (or pending) organisation with its profile set by its own admin. */
  async function organisation(
    key: string,
    apply: Record<string, unknown>,
    profile: Record<string, unknown>,
    options: { approve?: boolean } = {},
  ): Promise<void> {
    const owner = await client.signUp();
    const org = await client.applyOrganisation(owner, apply);
    if (options.approve !== false) await client.approveOrganisation(admin, org.id);
    const res = await patch(owner, org.id, profile);
    expect(res.status).toBe(200);
    orgs[key] = { id: org.id, name: org.name, owner };
  }

  /** Every page of a directory query, following nextCursor. */
  async function allPages(query: string, limit: number): Promise<DirectoryCard[]> {
    const items: DirectoryCard[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res: ApiResponse<Page<DirectoryCard>> = await directory(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('endless pages');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url, env: { ADMIN_EMAIL, ADMIN_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000' } });
    client = new ApiClient(api.url);
    admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);

    me = await client.signUp();
    mine = await client.applyOrganisation(me, { name: 'Réseau des Aidants Lyonnais', territoryCode: '69123' });
    await client.approveOrganisation(admin, mine.id);
    member = await client.addMember(me, mine.id, 'member', api.dataDir);
    outsider = await client.signUp();

    const company = (name: string, territoryCode: string) => ({ name, profile: 'company', siren: randomSiren(), territoryCode });
    // Scores against mine (seeks financial, skills; offers network, human), docs/decisions/0014:
    await organisation('villeurbanne', company('Entreprise Rhône Solidaire', '69266'), {
      description: 'Une PME qui soutient les associations du Rhône.',
      domains: ['employment'],
      seeks: ['network'],
      offers: ['financial', 'skills'],
      listed: true,
    }); // 50 × 1/1 + 50 × 2/2 = 100
    await organisation(
      'grenoble',
      { name: 'École des Aidants', territoryCode: '38185' },
      {
        description: 'Formation des proches aidants, à Grenoble et en Isère.',
        domains: ['education', 'carers'],
        seeks: ['human', 'material'],
        offers: ['skills'],
        listed: true,
      },
    ); // 50 × 1/2 + 50 × 1/2 = 50
    await organisation(
      'marseille',
      { name: 'Fondation Océan', profile: 'foundation', territoryCode: '13055' },
      {
        domains: ['environment'],
        offers: ['financial'],
        openToAlliances: true,
        listed: true,
      },
    ); // 0 + 50 × 1/2 = 25
    await organisation(
      'nantes',
      { name: 'Collectif Zéro Déchet', profile: 'citizen_group', territoryCode: '44109' },
      {
        domains: ['food'],
        seeks: ['positioning'],
        offers: ['processes'],
        listed: true,
      },
    ); // 0
    await organisation('region', { name: 'Agence Régionale Alpes', profile: 'public_institution', territoryCode: 'R84' }, { listed: true });
    // Two of the same name: the id breaks the tie in the keyset order.
    await organisation('twin1', { name: 'Jumelles Solidaires', territoryCode: '75056' }, { listed: true });
    await organisation('twin2', { name: 'Jumelles Solidaires', territoryCode: '75056' }, { listed: true });
    // Never in the directory: approved but not listed; listed but pending.
    await organisation(
      'unlisted',
      { name: 'Association Discrète de Lyon', territoryCode: '69123' },
      { domains: ['education'], listed: false },
    );
    await organisation(
      'pending',
      { name: 'École en Attente de Lyon', territoryCode: '69123' },
      { domains: ['education'], listed: true },
      { approve: false },
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  describe('the profile', () => {
    it('refuses bad input with every failing field named, and stores nothing', async () => {
      const before = (await client.get(`/api/organisations/${mine.id}`, { token: me.accessToken })).body;
      const res = await patch(me, mine.id, {
        website: 'javascript:alert(1)',
        territoryCode: '99999',
        domains: ['Not A Slug'],
        seeks: ['money'],
        offers: ['skills', 'skills'],
        listed: 'yes',
        houseModel: { humanResources: { staff: -1 } },
        description: 'Changed while the rest is wrong',
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([
        'domains',
        'houseModel.humanResources.staff',
        'listed',
        'offers',
        'seeks',
        'territoryCode',
        'website',
      ]);
      expect(res.body.details.find((d: { field: string }) => d.field === 'territoryCode').codes).toEqual(['invalidTerritory']);

      for (const body of [
        { website: 'ftp://example.org' },
        { website: 'example.org' },
        { territoryCode: 'R99' },
        { domains: Array.from({ length: 11 }, (_, i) => `domain_${i}`) },
        { seeks: null },
        { listed: null },
        { name: 'Renamed' },
        { status: 'approved' },
      ]) {
        const r = await patch(me, mine.id, body);
        expect(r.status).toBe(400);
        expect(fieldsOf(r.body)).toEqual([Object.keys(body)[0]]);
      }
      const after = (await client.get(`/api/organisations/${mine.id}`, { token: me.accessToken })).body;
      expect(after).toEqual(before);
    });

    it('lets its admins edit it, derives the territory, audits the change, and shows it to members', async () => {
      const res = await patch(me, mine.id, {
        description: 'Permanences, groupes de parole et répit pour les aidants de la métropole.',
        website: 'https://aidants-lyon.example.org',
        territoryCode: '69123',
        domains: ['carers', 'health'],
        seeks: ['financial', 'skills'],
        offers: ['network', 'human'],
        openToAlliances: true,
        listed: true,
        houseModel: { humanResources: { staff: 9, volunteers: 64 }, alliances: { count: 6 } },
      });
      expect(res.status).toBe(200);
      const expected = {
        id: mine.id,
        website: 'https://aidants-lyon.example.org',
        territoryCode: '69123',
        domains: ['carers', 'health'],
        seeks: ['financial', 'skills'],
        offers: ['network', 'human'],
        openToAlliances: true,
        listed: true,
        hasLogo: false,
        socioEconomicProfile: { humanResources: { staff: 9, volunteers: 64 }, alliances: { count: 6 } },
      };
      expect(res.body).toMatchObject(expected);
      const seen: ApiResponse<OrganisationWithProfile> = await client.get(`/api/organisations/${mine.id}`, { token: member.accessToken });
      expect(seen.body).toMatchObject(expected);

      // null empties what may be emptied; the fields left out stay.
      const cleared = await patch(me, mine.id, { website: null });
      expect(cleared.body).toMatchObject({ website: null, domains: ['carers', 'health'], listed: true });

      const audit = await client.get(`/api/admin/audit?organisationId=${mine.id}&limit=200`, { token: admin.accessToken });
      const entries = (audit.body.items as { action: string; actorId: string }[]).filter(
        (e) => e.action === 'organisation.profile_updated',
      );
      expect(entries).toHaveLength(2);
      expect(entries.every((e) => e.actorId === me.user.id)).toBe(true);
    });

    it('is edited by its admins only: 403 for a member, 404 for anyone else', async () => {
      const byMember = await patch(member, mine.id, { description: 'Not allowed' });
      expect(byMember.status).toBe(403);
      expect(byMember.body.code).toBe('organisation.admin_required');
      for (const session of [outsider, admin, orgs['villeurbanne'].owner]) {
        const res = await patch(session, mine.id, { description: 'Not allowed' });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('organisation.not_found');
      }
      expect((await patch(outsider, randomUUID(), { description: 'x' })).body.code).toBe('organisation.not_found');
      const org = await client.get(`/api/organisations/${mine.id}`, { token: me.accessToken });
      expect(org.body.description).not.toBe('Not allowed');
    });
  });

  describe('the logo', () => {
    it('takes PNG, JPEG and WebP by their bytes whatever Content-Type says, and serves them with safe headers', async () => {
      for (const [bytes, declared, type] of [
        [JPEG, 'image/png', 'image/jpeg'],
        [WEBP, 'application/octet-stream', 'image/webp'],
        [PNG, 'image/jpeg', 'image/png'],
      ] as const) {
        expect((await putLogo(me, mine.id, bytes, declared)).status).toBe(204);
        const res = await fetch(`${api.url}/api/organisations/${mine.id}/logo`, {
          headers: { authorization: `Bearer ${outsider.accessToken}` },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe(type);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      }
      expect((await client.get(`/api/directory/${mine.id}`, { token: outsider.accessToken })).body.hasLogo).toBe(true);
    });

    it('refuses SVG, other formats and non-images (415), and images over 512 kB (413), keeping the logo it had', async () => {
      for (const [body, declared] of [
        [SVG, 'image/png'],
        [SVG, 'image/svg+xml'],
        [GIF, 'image/gif'],
        ['{"logo": "x"}', 'application/json'],
        [Buffer.alloc(0), 'image/png'],
      ] as const) {
        const res = await putLogo(me, mine.id, body, declared);
        expect(res.status).toBe(415);
        if (declared !== 'application/json') expect((await res.json()).code).toBe('logo.unsupported_type');
      }
      // Raw image bodies are for this route only: any other answers 415 as it always did.
      const elsewhere = await fetch(`${api.url}/api/organisations/${mine.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${me.accessToken}`, 'content-type': 'image/png' },
        body: new Uint8Array(PNG),
      });
      expect(elsewhere.status).toBe(415);
      const big = Buffer.concat([PNG, Buffer.alloc(512 * 1024)]);
      expect((await putLogo(me, mine.id, big, 'image/png')).status).toBe(413);
      const still = await fetch(`${api.url}/api/organisations/${mine.id}/logo`, { headers: { authorization: `Bearer ${me.accessToken}` } });
      expect(still.headers.get('content-type')).toBe('image/png');
    });

    it('is changed by admins only, and shown to others only while the organisation is listed', async () => {
      expect((await putLogo(member, mine.id, PNG, 'image/png')).status).toBe(403);
      expect((await putLogo(outsider, mine.id, PNG, 'image/png')).status).toBe(404);
      expect((await client.delete(`/api/organisations/${mine.id}/logo`, { token: outsider.accessToken })).status).toBe(404);

      const unlisted = orgs['unlisted'];
      expect((await putLogo(unlisted.owner, unlisted.id, PNG, 'image/png')).status).toBe(204);
      expect((await client.get(`/api/organisations/${unlisted.id}/logo`, { token: unlisted.owner.accessToken })).status).toBe(200);
      const hidden = await client.get(`/api/organisations/${unlisted.id}/logo`, { token: outsider.accessToken });
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('organisation.not_found');

      expect((await client.delete(`/api/organisations/${unlisted.id}/logo`, { token: unlisted.owner.accessToken })).status).toBe(204);
      const gone = await client.get(`/api/organisations/${unlisted.id}/logo`, { token: unlisted.owner.accessToken });
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('logo.not_found');
    });
  });

  describe('the directory', () => {
    it('shows listed, approved organisations only, with public fields only', async () => {
      const all = await allPages('', 200);
      expect(all.map((c) => c.name).sort()).toEqual(
        sorted([
          'Agence Régionale Alpes',
          'Collectif Zéro Déchet',
          'École des Aidants',
          'Entreprise Rhône Solidaire',
          'Fondation Océan',
          'Jumelles Solidaires',
          'Jumelles Solidaires',
          'Réseau des Aidants Lyonnais',
        ]),
      );
      for (const card of all) expect(Object.keys(card).sort()).toEqual(CARD_FIELDS);
      const text = JSON.stringify(all);
      for (const secret of [
        'siren',
        'siret',
        'rna',
        'socioEconomicProfile',
        'houseModel',
        'rejectionReason',
        'status',
        me.email,
        member.email,
      ])
        expect(text).not.toContain(secret);
      expect(all.find((c) => c.id === orgs['villeurbanne'].id)?.territory).toEqual({
        code: '69266',
        name: 'Villeurbanne (69)',
        departementCode: '69',
        regionCode: 'R84',
      });
    });

    it('answers 404 for an organisation not listed, not approved or not existing, the same way', async () => {
      const answers = [];
      for (const id of [orgs['unlisted'].id, orgs['pending'].id, randomUUID()]) {
        const res = await client.get(`/api/directory/${id}`, { token: orgs['unlisted'].owner.accessToken });
        answers.push([res.status, res.body.code, res.body.message]);
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0][0]).toBe(404);
      const card = await client.get(`/api/directory/${orgs['grenoble'].id}`, { token: outsider.accessToken });
      expect(card.status).toBe(200);
      expect(Object.keys(card.body).sort()).toEqual(CARD_FIELDS);
      // Searches never find them either.
      expect(names((await directory('q=discrete')).body)).toEqual([]);
      expect(names((await directory('q=attente')).body)).toEqual([]);
      expect((await client.get('/api/directory/map?territory=69123', { token: outsider.accessToken })).body.total).toBe(1);
    });

    it('filters by territory: a région or a département matches every commune inside it', async () => {
      expect(names((await directory('territory=R84')).body)).toEqual(
        sorted(['Agence Régionale Alpes', 'École des Aidants', 'Entreprise Rhône Solidaire', 'Réseau des Aidants Lyonnais']),
      );
      expect(names((await directory('territory=69')).body)).toEqual(sorted(['Entreprise Rhône Solidaire', 'Réseau des Aidants Lyonnais']));
      expect(names((await directory('territory=69266')).body)).toEqual(sorted(['Entreprise Rhône Solidaire']));
      expect(names((await directory('territory=r93')).body)).toEqual(sorted(['Fondation Océan']));
      for (const code of ['99999', 'R99', '20', 'Lyon']) {
        const res = await directory(`territory=${code}`);
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body as never)).toEqual(['territory']);
      }
    });

    it('searches words in name, description and domains, accents and case ignored, prefixes included', async () => {
      expect(names((await directory('q=ecole')).body)).toEqual(sorted(['École des Aidants']));
      expect(names((await directory('q=ÉCOLE%20aid')).body)).toEqual(sorted(['École des Aidants']));
      expect(names((await directory('q=isere')).body)).toEqual(sorted(['École des Aidants']));
      expect(names((await directory('q=educat')).body)).toEqual(sorted(['École des Aidants']));
      expect(names((await directory('q=ocean')).body)).toEqual(sorted(['Fondation Océan']));
      expect(names((await directory('q=aidants')).body)).toEqual(sorted(['École des Aidants', 'Réseau des Aidants Lyonnais']));
      expect(names((await directory('q=aidants%20grenoble')).body)).toEqual(sorted(['École des Aidants']));
      expect(names((await directory('q=introuvable')).body)).toEqual([]);
      // tsquery syntax is only text.
      expect((await directory(`q=${encodeURIComponent("l'ecole & | ! :* (")}`)).status).toBe(200);
    });

    it('filters by profile, domain, seeks, offers and openness; repeated values match any of them', async () => {
      expect(names((await directory('profile=company&profile=foundation')).body)).toEqual(
        sorted(['Entreprise Rhône Solidaire', 'Fondation Océan']),
      );
      expect(names((await directory('domain=education')).body)).toEqual(sorted(['École des Aidants']));
      expect(names((await directory('domain=food&domain=environment')).body)).toEqual(sorted(['Collectif Zéro Déchet', 'Fondation Océan']));
      expect(names((await directory('seeks=network')).body)).toEqual(sorted(['Entreprise Rhône Solidaire']));
      expect(names((await directory('offers=financial&offers=skills')).body)).toEqual(
        sorted(['École des Aidants', 'Entreprise Rhône Solidaire', 'Fondation Océan']),
      );
      expect(names((await directory('open=true')).body)).toEqual(sorted(['Fondation Océan', 'Réseau des Aidants Lyonnais']));
      expect(names((await directory('open=true&territory=R84')).body)).toEqual(sorted(['Réseau des Aidants Lyonnais']));
      for (const bad of [
        'profile=charity',
        'seeks=money',
        'domain=Not%20Slug',
        'open=maybe',
        'sort=best',
        'limit=0',
        'limit=201',
        'cursor=abc',
      ]) {
        expect((await directory(bad)).status).toBe(400);
      }
    });

    it('scores complementarity with one of the caller’s organisations, leaves it out, and sorts by it', async () => {
      const res = await directory(`as=${mine.id}&sort=match`, me);
      expect(res.status).toBe(200);
      const scores = res.body.items.map((c) => [c.name, c.match?.score]);
      expect(scores.slice(0, 4)).toEqual([
        ['Entreprise Rhône Solidaire', 100],
        ['École des Aidants', 50],
        ['Fondation Océan', 25],
        ['Agence Régionale Alpes', 0],
      ]);
      expect(res.body.items.map((c) => c.id)).not.toContain(mine.id);
      expect(res.body.items.find((c) => c.name === 'École des Aidants')?.match).toEqual({
        score: 50,
        theySeekYouOffer: ['human'],
        youSeekTheyOffer: ['skills'],
      });
      // By name, the match is there too.
      const byName = await directory(`as=${mine.id}`, me);
      expect(byName.body.items.every((c) => typeof c.match?.score === 'number')).toBe(true);
      expect(
        (await client.get(`/api/directory/${orgs['villeurbanne'].id}?as=${mine.id}`, { token: me.accessToken })).body.match.score,
      ).toBe(100);

      // sort=match needs as; as must be one of the caller's organisations.
      const noAs = await directory('sort=match', me);
      expect(noAs.status).toBe(400);
      expect(fieldsOf(noAs.body as never)).toEqual(['sort']);
      for (const as of [mine.id, orgs['grenoble'].id, randomUUID()]) {
        const other = await directory(`as=${as}&sort=match`, outsider);
        expect(other.status).toBe(404);
        expect((other.body as unknown as { code: string }).code).toBe('organisation.not_found');
      }
    });

    it('pages by keyset for both sorts without duplicates or gaps', async () => {
      const byName = await allPages('', 2);
      const full = (await directory('limit=200')).body.items;
      expect(byName.map((c) => c.id)).toEqual(full.map((c) => c.id));
      expect(new Set(byName.map((c) => c.id)).size).toBe(full.length);

      const matchQuery = `as=${mine.id}&sort=match`;
      const pages: DirectoryCard[] = [];
      let cursor: string | null = null;
      do {
        const res: ApiResponse<Page<DirectoryCard>> = await directory(`${matchQuery}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, me);
        expect(res.status).toBe(200);
        pages.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const whole = (await directory(`${matchQuery}&limit=200`, me)).body.items;
      expect(pages.map((c) => c.id)).toEqual(whole.map((c) => c.id));
      expect(whole).toHaveLength(full.length - 1);
      const scores = pages.map((c) => c.match?.score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // A name-sort cursor is not a match-sort cursor.
      const nameCursor = (await directory('limit=1')).body.nextCursor;
      expect((await directory(`${matchQuery}&cursor=${nameCursor}`, me)).status).toBe(400);
    });

    it('maps the matching organisations per département, with the same filters', async () => {
      const map: ApiResponse<DirectoryMap> = await client.get('/api/directory/map', { token: outsider.accessToken });
      expect(map.status).toBe(200);
      expect(map.body.total).toBe(8);
      expect(map.body.departements).toEqual([
        { code: '13', name: 'Bouches-du-Rhône', count: 1 },
        { code: '38', name: 'Isère', count: 1 },
        { code: '44', name: 'Loire-Atlantique', count: 1 },
        { code: '69', name: 'Rhône', count: 2 },
        { code: '75', name: 'Paris', count: 2 },
      ]);
      const alpes: ApiResponse<DirectoryMap> = await client.get('/api/directory/map?territory=R84&domain=education&domain=carers', {
        token: outsider.accessToken,
      });
      expect(alpes.body).toEqual({
        total: 2,
        departements: [
          { code: '38', name: 'Isère', count: 1 },
          { code: '69', name: 'Rhône', count: 1 },
        ],
      });
      expect((await client.get('/api/directory/map?territory=00', { token: outsider.accessToken })).status).toBe(400);
    });

    it('drops an organisation as soon as it is unlisted', async () => {
      const fondation = orgs['marseille'];
      expect((await patch(fondation.owner, fondation.id, { listed: false })).status).toBe(200);
      expect(names((await directory('q=ocean')).body)).toEqual([]);
      expect((await client.get(`/api/directory/${fondation.id}`, { token: outsider.accessToken })).status).toBe(404);
      expect((await client.get(`/api/organisations/${fondation.id}/logo`, { token: outsider.accessToken })).status).toBe(404);
      expect((await patch(fondation.owner, fondation.id, { listed: true })).status).toBe(200);
    });

    it('needs a signed-in user', async () => {
      for (const path of ['/api/directory', '/api/directory/map', `/api/directory/${orgs['grenoble'].id}`]) {
        expect((await client.get(path)).status).toBe(401);
      }
    });
  });
});
