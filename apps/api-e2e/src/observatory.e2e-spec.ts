import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  randomSiren,
  sql,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

/**
 * The observatory of alliances and the benchmark (issue 18, docs/api.md "Observatory",
 * docs/decisions/0026-observatory-aggregates.md): an alliance counts only once its lead opted in and every
 * lead/partner organisation consented; never a group, total or mean of fewer than 5 alliances; a funder's
 * portfolio and a catalyst's territory; the open data without sign-in; the benchmark against 5 peers at least.
 * The bulk of the alliances is seeded through SQL (creating dozens of evaluated alliances over HTTP is slow);
 * the aggregates are then rebuilt by the `observatory_refresh` job, which the specs wait for.
 */

const ENV = {
  ADMIN_EMAIL: 'admin@observatory.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '300',
};

// The aggregates are rebuilt by a scheduled job: on a loaded machine a rebuild may take a while.
jest.setTimeout(120_000);

describe(`observatory (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let admin: Session;
  let lead: Session;
  let partner: Session;
  let funder: Session;
  let outsider: Session;
  let catalyst: Session;
  let seeder: Session;
  const org: Record<string, string> = {};
  let allianceId: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- setup answers are read field by field
  const ok = async <T = any>(res: Promise<{ status: number; body: T; text: string }>): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`setup call answered ${r.status}: ${r.text.slice(0, 300)}`);
    return r.body;
  };
  const organisation = async (s: Session, name: string, profile: string) => {
    const o = await api.applyOrganisation(s, {
      name,
      profile,
      ...(profile === 'association' ? {} : { rna: undefined, siren: randomSiren() }),
    });
    await api.approveOrganisation(admin, o.id);
    return o.id as string;
  };
  const observatory = async (query: string, session: Session | null = lead) => {
    const res = await api.get(`/api/observatory${query}`, session ? { token: session.accessToken } : {});
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Polls until `check` holds (the aggregates are rebuilt by the scheduled job every few hundred ms here). */
  const eventually = async <T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (check(value) || Date.now() > until) return value;
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  /**
   * `count` alliances led by the seeder's organisation, opted in with its consent: counted at the next rebuild.
   * `scores` gives the evaluated ones (in order) a closed campaign of 3 respondents with that `trust` mean.
   */
  const seed = async (
    count: number,
    p: { domain: string; category?: string; objective?: string; territory?: string; funder?: string; scores?: number[] },
  ): Promise<string[]> => {
    const rows = await sql<{ id: string }>(
      proc,
      db,
      `WITH a AS (INSERT INTO alliances (name, purpose, category, status, collective_objectives, domains, scale, territory_codes)
                  SELECT 'Semis ' || $1 || ' ' || g, 'Semis', $2, 'active', ARRAY[$3], ARRAY[$1], 'local', ARRAY[$4]
                    FROM generate_series(1, $5::int) g RETURNING id),
            m AS (INSERT INTO alliance_members (alliance_id, organisation_id, role, status) SELECT id, $6::uuid, 'lead', 'active' FROM a),
            f AS (INSERT INTO alliance_members (alliance_id, organisation_id, role, status) SELECT id, $7::uuid, 'funder', 'active' FROM a WHERE $7::uuid IS NOT NULL),
            p AS (INSERT INTO observatory_participations (alliance_id) SELECT id FROM a),
            c AS (INSERT INTO observatory_consents (alliance_id, organisation_id) SELECT id, $6::uuid FROM a)
       SELECT id FROM a ORDER BY id`,
      [
        p.domain,
        p.category ?? 'societal_innovation',
        p.objective ?? 'engagement',
        p.territory ?? '69123',
        count,
        org['seed'],
        p.funder ?? null,
      ],
    );
    const ids = rows.map((r) => r.id);
    if (p.scores?.length) await evaluate(ids.slice(0, p.scores.length), p.scores);
    return ids;
  };
  /** A closed campaign of 3 respondents for each alliance, with `trust` (and the `product` focus) at the given mean. */
  const evaluate = (ids: string[], scores: number[]) =>
    sql(
      proc,
      db,
      `WITH c AS (INSERT INTO evaluation_campaigns (alliance_id, title, status, closes_at, closed_at, min_respondents, questions)
                  SELECT id, 'Bilan semé', 'closed', now(), now(), 3, '[]' FROM unnest($1::uuid[]) id RETURNING id, alliance_id)
       INSERT INTO evaluation_summaries (campaign_id, alliance_id, closed_at, respondents, dimension_means, focus_means)
       SELECT c.id, c.alliance_id, now(), 3, jsonb_build_object('trust', s.score, 'governance', 3), jsonb_build_object('product', s.score)
         FROM c JOIN unnest($1::uuid[], $2::float8[]) AS s(id, score) ON s.id = c.alliance_id`,
      [ids, scores],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, funder, outsider, catalyst, seeder] = await Promise.all(
      ['Pilote', 'Partenaire', 'Fondation', 'Passant', 'Catalyseur', 'Semeur'].map((who) =>
        api.signUp({ displayName: `${who} Observatoire` }),
      ),
    );
    [org['lead'], org['partner'], org['funder'], org['catalyst'], org['seed']] = await Promise.all([
      organisation(lead, 'Association Observatoire', 'association'),
      organisation(partner, 'Entreprise Observatoire', 'company'),
      organisation(funder, 'Fondation Observatoire', 'foundation'),
      organisation(catalyst, 'Catalyseur Observatoire', 'association'),
      organisation(seeder, 'Semeur Observatoire', 'association'),
    ]);
    const alliance = await ok(
      api.post(
        '/api/alliances',
        {
          name: 'Alliance Observatoire',
          purpose: 'Mesurer ensemble',
          category: 'societal_innovation',
          collectiveObjectives: ['engagement'],
          domains: ['obs_part'],
          scale: 'local',
          territoryCodes: ['69123'],
          organisationId: org['lead'],
        },
        { token: lead.accessToken },
      ),
    );
    allianceId = alliance.id;
    for (const [o, role, s] of [
      [org['partner'], 'partner', partner],
      [org['funder'], 'funder', funder],
    ] as const) {
      await ok(api.post(`/api/alliances/${allianceId}/members`, { organisationId: o, role }, { token: lead.accessToken }));
      await ok(api.post(`/api/alliances/${allianceId}/members/${o}/accept`, undefined, { token: s.accessToken }));
    }
  }, 120_000);
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  describe('participation', () => {
    const P = () => `/api/alliances/${allianceId}/observatory`;
    const partTotal = async () => (await observatory('?domain=obs_part')).total?.alliances ?? null;

    it('counts the alliance only once every lead and partner organisation consented; a withdrawal removes it at once', async () => {
      // Four alliances of the same domain already count: the fifth makes the group visible.
      await seed(4, { domain: 'obs_part' });
      const before = await eventually(
        () => observatory('?domain=obs_part&groupBy=domain'),
        (v) => v.withheld === 1,
      );
      expect(before.total).toBeNull();
      expect(before.groups).toEqual([]);
      expect(before.withheld).toBe(1);

      // Outsiders see nothing; the funder reads but may not change it; a partner may not opt in.
      expect((await api.get(P(), { token: outsider.accessToken })).status).toBe(404);
      expect((await api.get(P(), { token: funder.accessToken })).body.status).toBe('off');
      expect((await api.call('PUT', P(), { token: funder.accessToken, body: { optIn: true } })).status).toBe(403);
      expect((await api.call('PUT', P(), { token: partner.accessToken, body: { optIn: true } })).status).toBe(403);
      expect((await api.call('PUT', P(), { token: outsider.accessToken, body: { optIn: true } })).status).toBe(404);

      const asked = await api.call('PUT', P(), { token: lead.accessToken, body: { optIn: true } });
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({ status: 'awaiting_consent', canRequest: true, canConsentFor: [org['lead']] });
      expect(
        asked.body.consents.map((c: { organisationName: string; consentedAt: string | null }) => [c.organisationName, c.consentedAt]),
      ).toEqual([
        ['Association Observatoire', null],
        ['Entreprise Observatoire', null],
      ]);
      // The funder organisation is not asked; an admin consents only for their own organisation.
      expect((await api.post(`${P()}/consents`, { organisationId: org['funder'] }, { token: funder.accessToken })).status).toBe(403);
      expect((await api.post(`${P()}/consents`, { organisationId: org['partner'] }, { token: lead.accessToken })).status).toBe(403);

      const leadConsent = await api.post(`${P()}/consents`, { organisationId: org['lead'] }, { token: lead.accessToken });
      expect(leadConsent.status).toBe(200);
      expect(leadConsent.body.status).toBe('awaiting_consent');
      expect(await partTotal()).toBeNull();

      const partnerConsent = await api.post(`${P()}/consents`, { organisationId: org['partner'] }, { token: partner.accessToken });
      expect(partnerConsent.body.status).toBe('in');
      // Counted at once, without waiting for the job.
      expect(await partTotal()).toBe(5);

      const withdrawn = await api.delete(`${P()}/consents/${org['partner']}`, { token: partner.accessToken });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('awaiting_consent');
      expect(await partTotal()).toBeNull();

      // Consents again; the journal keeps each step.
      await ok(api.post(`${P()}/consents`, { organisationId: org['partner'] }, { token: partner.accessToken }));
      expect(await partTotal()).toBe(5);
      const journal = await api.get(`/api/alliances/${allianceId}/audit`, { token: lead.accessToken });
      const actions = ((journal.body?.items ?? journal.body ?? []) as { action: string }[]).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['observatory.requested', 'observatory.consented', 'observatory.consent_withdrawn']));
    });

    it('a partner joining later must consent before the alliance counts again', async () => {
      const [late] = await Promise.all([api.signUp({ displayName: 'Nouveau partenaire' })]);
      const lateOrg = await organisation(late, 'Coopérative Tardive', 'association');
      await ok(api.post(`/api/alliances/${allianceId}/members`, { organisationId: lateOrg, role: 'partner' }, { token: lead.accessToken }));
      await ok(api.post(`/api/alliances/${allianceId}/members/${lateOrg}/accept`, undefined, { token: late.accessToken }));
      expect((await api.get(P(), { token: late.accessToken })).body.status).toBe('awaiting_consent');
      // The next rebuild drops it from the observatory.
      expect(await eventually(partTotal, (v) => v === null)).toBeNull();
      await ok(api.post(`${P()}/consents`, { organisationId: lateOrg }, { token: late.accessToken }));
      expect(await partTotal()).toBe(5);
    });
  });

  describe('aggregates', () => {
    beforeAll(async () => {
      // Domain obs_k: 6 alliances in Auvergne-Rhône-Alpes (84, Lyon), 3 in Île-de-France (11, Paris);
      // evaluated: 4 in 84, 1 in 11. All 9 funded by the funder organisation.
      await seed(6, { domain: 'obs_k', territory: '69123', funder: org['funder'], scores: [1, 2, 3, 4] });
      await seed(3, { domain: 'obs_k', territory: '75056', funder: org['funder'], scores: [5] });
      // The alliances and their evaluations are seeded by separate statements: a rebuild may fall between them,
      // so wait until the 5 evaluated ones are counted too.
      await eventually(
        () => observatory('?domain=obs_k'),
        (v) => v.total?.alliances === 9 && v.total?.evaluated === 5,
      );
    });

    it('never returns a group of fewer than 5 alliances; says how many were withheld', async () => {
      const view = await observatory('?domain=obs_k');
      expect(view).toMatchObject({ scope: 'platform', groupBy: 'region', minAlliances: 5, filters: { domain: 'obs_k' } });
      expect(view.total).toMatchObject({
        key: 'all',
        alliances: 9,
        evaluated: 5,
        statuses: { active: 9, draft: 0, chartering: 0, closed: 0 },
      });
      // Région 11 holds 3: withheld; région 84 (6) too, or 9 − 6 would give the 3 of Paris.
      expect(view.groups).toEqual([]);
      expect(view.withheld).toBe(2);
      for (const groupBy of ['domain', 'category', 'collectiveObjective', 'region'])
        for (const g of (await observatory(`?groupBy=${groupBy}`)).groups) expect(g.alliances).toBeGreaterThanOrEqual(5);
    });

    it('a filter combination that isolates a few alliances returns no total and no group', async () => {
      const view = await observatory('?domain=obs_k&region=11');
      expect(view.total).toBeNull();
      expect(view.groups).toEqual([]);
      const one = await observatory('?domain=obs_k&region=11&category=societal_innovation&collectiveObjective=engagement&groupBy=category');
      expect(one.total).toBeNull();
      expect(one.groups).toEqual([]);
    });

    it('shows a mean only from 5 evaluated alliances', async () => {
      const view = await observatory('?domain=obs_k');
      // 5 evaluated in all: (1+2+3+4+5)/5; only 4 in région 84: hidden.
      expect(view.total.meanByDimension.trust).toBe(3);
      expect(view.total.meanByFocus.product).toBe(3);
      expect(view.total.meanByFocus.valorisation).toBeNull();
      expect(view.total.meanByDimension.shared_vision).toBeNull();
      // The région 84 cell (4 evaluated) is withheld in every view that would show it.
      expect(view.groups.find((g: { key: string }) => g.key === '84')).toBeUndefined();
      expect((await observatory('?domain=obs_k&region=84')).total).toBeNull();
    });

    it('a funder sees its portfolio; a catalyst its territories; others are refused', async () => {
      const portfolio = await observatory(`?scope=portfolio&organisationId=${org['funder']}&domain=obs_k`, funder);
      expect(portfolio.scope).toBe('portfolio');
      // The portfolio holds 10 alliances (the 9 of obs_k and the observatory alliance): 10 − 9 would give that
      // alliance, so its obs_k part is withheld (a normal scoped view: the catalyst's below).
      expect(portfolio.total).toBeNull();
      // The observatory alliance is funded too, alone in its domain: withheld, and obs_k (9 of the 10) with it,
      // or 10 − 9 would give it.
      const byDomain = await observatory(`?scope=portfolio&organisationId=${org['funder']}&groupBy=domain`, funder);
      expect(byDomain.groups).toEqual([]);
      expect(byDomain.withheld).toBe(2);
      expect(
        (await api.get(`/api/observatory?scope=portfolio&organisationId=${org['funder']}`, { token: outsider.accessToken })).status,
      ).toBe(404);
      expect((await api.get(`/api/observatory?scope=portfolio`, { token: funder.accessToken })).status).toBe(400);

      // Not a catalyst yet: 404; granted Île-de-France: the 3 alliances of Paris are too few.
      const T = `/api/observatory?scope=territory&organisationId=${org['catalyst']}`;
      expect((await api.get(T, { token: catalyst.accessToken })).status).toBe(404);
      await ok(
        api.call('PUT', `/api/admin/organisations/${org['catalyst']}/catalyst`, {
          token: admin.accessToken,
          body: { territoryCodes: ['R11'] },
        }),
      );
      expect((await api.get(`${T}&domain=obs_k`, { token: catalyst.accessToken })).body.total).toBeNull();
      await ok(
        api.call('PUT', `/api/admin/organisations/${org['catalyst']}/catalyst`, {
          token: admin.accessToken,
          body: { territoryCodes: ['69'] },
        }),
      );
      // The Rhône holds 6 of the 9 obs_k alliances: 9 − 6 would give the 3 of Paris, withheld.
      const rhone = (await api.get(`${T}&domain=obs_k`, { token: catalyst.accessToken })).body;
      expect(rhone).toMatchObject({ scope: 'territory', total: null, groups: [], withheld: 1 });
      await ok(
        api.call('PUT', `/api/admin/organisations/${org['catalyst']}/catalyst`, {
          token: admin.accessToken,
          body: { territoryCodes: ['69', '75'] },
        }),
      );
      const territory = (await api.get(`${T}&domain=obs_k`, { token: catalyst.accessToken })).body;
      expect(territory).toMatchObject({ scope: 'territory', total: { alliances: 9, evaluated: 5 } });
      expect(territory.total.meanByDimension.trust).toBe(3);
      expect((await api.get(T, { token: outsider.accessToken })).status).toBe(404);
      expect((await api.get(T, { token: funder.accessToken })).status).toBe(404);
    });

    it('publishes the platform aggregates as open data without sign-in, with the licence, k ≥ 5', async () => {
      expect((await api.get('/api/observatory?domain=obs_k')).status).toBe(401);
      const json = await api.get('/api/public/observatory.json?domain=obs_k');
      expect(json.status).toBe(200);
      expect(json.body.licence.name).toBe('Licence Ouverte / Open Licence 2.0 (Etalab)');
      expect(json.body.scope).toBe('platform');
      expect(json.body.total.alliances).toBe(9);
      expect(json.body.groups).toEqual([]);
      expect(json.body.withheld).toBe(2);
      // The scope is the platform's, whatever is asked.
      expect((await api.get(`/api/public/observatory.json?scope=portfolio&organisationId=${org['funder']}`)).status).toBe(400);

      const csv = await api.get('/api/public/observatory.csv?domain=obs_k');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('link')).toContain('rel="license"');
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('Licence Ouverte / Open Licence 2.0 (Etalab)');
      expect(lines[1].split(',').slice(0, 2)).toEqual(['region', 'alliances']);
      expect(lines.slice(2).map((l) => l.split(',').slice(0, 2))).toEqual([['all', '9']]);
      expect((await api.get('/api/public/observatory.csv?domain=obs_k&region=11')).text).not.toContain('\r\n11,');
      expect((await api.get('/api/public/observatory.csv?domain=%3Dcmd')).status).toBe(400);
    });
  });

  describe('benchmark', () => {
    it('compares with the median and quartiles of 5 similar alliances, never fewer', async () => {
      const B = `/api/alliances/${allianceId}/benchmark`;
      expect((await api.get(B, { token: outsider.accessToken })).status).toBe(404);
      expect((await api.get(B, { token: funder.accessToken })).status).toBe(404);

      // The alliance's own campaign: 3 respondents, trust 4.5. It need not be opted in to see its benchmark.
      await evaluate([allianceId], [4.5]);
      // Philanthropy peers: 4 first (too few), then a 5th.
      await sql(proc, db, `UPDATE alliances SET category = 'philanthropy' WHERE id = $1`, [allianceId]);
      await seed(4, { domain: 'obs_bench', category: 'philanthropy', scores: [1, 2, 3, 4] });
      // Similar but not counted: opted out (no participation) — never a peer.
      const [hidden] = await seed(1, { domain: 'obs_bench', category: 'philanthropy', scores: [5] });
      await sql(proc, db, `DELETE FROM observatory_participations WHERE alliance_id = $1`, [hidden]);
      await eventually(
        () => observatory('?domain=obs_bench'),
        (v) => v.withheld === 1,
      );
      const few = await eventually(
        async () => (await api.get(B, { token: partner.accessToken })).body,
        (b) => b.campaignId !== null,
      );
      expect(few).toMatchObject({ allianceId, category: 'philanthropy', peers: 0 });
      expect(few.dimensions.find((d: { key: string }) => d.key === 'trust')).toEqual({ key: 'trust', mean: 4.5, peers: null });

      await seed(1, { domain: 'obs_bench', category: 'philanthropy', scores: [10] });
      const five = await eventually(
        async () => (await api.get(B, { token: lead.accessToken })).body,
        (b) => b.peers === 5,
      );
      // Scores 1, 2, 3, 4, 10: median 3, quartiles 2 and 4 (linear interpolation).
      expect(five.dimensions.find((d: { key: string }) => d.key === 'trust')).toEqual({
        key: 'trust',
        mean: 4.5,
        peers: { q1: 2, median: 3, q3: 4 },
      });
      expect(five.dimensions.find((d: { key: string }) => d.key === 'governance').peers).toEqual({ q1: 3, median: 3, q3: 3 });
      expect(five.dimensions.find((d: { key: string }) => d.key === 'shared_vision')).toEqual({
        key: 'shared_vision',
        mean: null,
        peers: null,
      });
      expect(five.focuses.map((f: { key: string }) => f.key)).toEqual(['product', 'balance', 'valorisation']);
      expect(five.focuses[0]).toEqual({ key: 'product', mean: 4.5, peers: { q1: 2, median: 3, q3: 4 } });
    });

    it('writes the summary of a campaign with its close; under 3 respondents it is not counted', async () => {
      const campaign = await ok(
        api.post(
          `/api/alliances/${allianceId}/evaluations`,
          { title: 'Bilan réel', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
          { token: lead.accessToken },
        ),
      );
      const answers = campaign.questions.map((q: { id: string; focus: string }) => ({
        questionId: q.id,
        score: q.focus === 'contribution_value' ? 2 : 4,
      }));
      for (const s of [lead, partner])
        await ok(
          api.call('PUT', `/api/evaluations/${campaign.id}/responses/me`, { token: s.accessToken, body: { answers, submit: true } }),
        );
      await ok(api.post(`/api/evaluations/${campaign.id}/close`, undefined, { token: lead.accessToken }));
      const [summary] = await sql(
        proc,
        db,
        `SELECT respondents, dimension_means, focus_means FROM evaluation_summaries WHERE campaign_id = $1`,
        [campaign.id],
      );
      expect(summary.respondents).toBe(2);
      expect(summary.focus_means).toMatchObject({ valorisation: 2 });
      // Two respondents: the benchmark keeps the previous counted campaign.
      const bench = (await api.get(`/api/alliances/${allianceId}/benchmark`, { token: lead.accessToken })).body;
      expect(bench.campaignId).not.toBe(campaign.id);
      expect(bench.dimensions.find((d: { key: string }) => d.key === 'trust').mean).toBe(4.5);
    });
  });

  /**
   * The privacy review of issue 18: no subtraction of what the observatory shows may isolate 1 to 4 alliances —
   * the groups against their total, a cell against its parent (one filter less), a territory against the platform.
   */
  describe('differencing', () => {
    // Two more obs_k alliances in Paris: région 11 holds 5 (with 3, the total minus the shown régions would give them).
    beforeAll(() => seed(2, { domain: 'obs_k', territory: '75056' }));
    const pub = async (query: string) => {
      const res = await api.get(`/api/public/observatory.json${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    type G = { key: string; alliances: number; evaluated: number; meanByDimension: Record<string, number | null> };
    /** What the shown groups leave of the total: 0 or at least 5, never 1–4 alliances. */
    const leftOver = (view: { total: G | null; groups: G[] }) =>
      (view.total?.alliances ?? 0) - view.groups.reduce((sum, g) => sum + g.alliances, 0);

    it('groups by category: the total minus the shown groups never leaves 1–4 alliances', async () => {
      await seed(7, { domain: 'obs_d1', category: 'responsible_practices', territory: '35238', scores: [1, 2, 3, 4, 5] });
      await seed(5, { domain: 'obs_d1', category: 'economic_cooperation', territory: '35238', scores: [2, 2, 2, 2, 2] });
      await seed(1, { domain: 'obs_d1', category: 'philanthropy', territory: '35238', scores: [5] });
      const view = await eventually(
        () => pub('?domain=obs_d1&groupBy=category'),
        (v) => v.total?.alliances === 13,
      );
      // Shown: 7 and 5, withheld 1 would give the philanthropy alliance (13 − 7 − 5): the 5 are withheld too.
      expect(view.groups.map((g: G) => [g.key, g.alliances])).toEqual([['responsible_practices', 7]]);
      expect(view.withheld).toBe(2);
      expect(leftOver(view)).toBe(6);
      // Nor by asking for the category alone: the same cell is withheld in every view.
      expect((await pub('?domain=obs_d1&category=economic_cooperation')).total).toBeNull();
      expect((await pub('?domain=obs_d1&category=philanthropy')).total).toBeNull();
      expect((await pub('?domain=obs_d1&category=responsible_practices')).total.alliances).toBe(7);
      // 11 evaluated in all, 5 behind the shown group's mean: the rest (6) is no single alliance.
      expect(view.total.meanByDimension.trust).not.toBeNull();
      expect(view.total.evaluated - view.groups[0].evaluated).toBe(6);
    });

    it('a group 1–4 evaluated alliances from its parent shows no mean; a normal case still shows its groups', async () => {
      // obs_d4: 8 responsible_practices (5 evaluated), 6 economic_cooperation (3 evaluated).
      await seed(8, { domain: 'obs_d4', category: 'responsible_practices', territory: '35238', scores: [1, 1, 1, 1, 1] });
      await seed(6, { domain: 'obs_d4', category: 'economic_cooperation', territory: '35238', scores: [4, 4, 4] });
      const view = await eventually(
        () => pub('?domain=obs_d4&groupBy=category'),
        (v) => v.total?.alliances === 14,
      );
      expect(view.groups.map((g: G) => [g.key, g.alliances, g.evaluated])).toEqual([
        ['responsible_practices', 8, 5],
        ['economic_cooperation', 6, 3],
      ]);
      expect(view.withheld).toBe(0);
      expect(view.total.meanByDimension.trust).toBe(2.13);
      // Its mean (1, from 5) beside the total's (from 8) would give the mean of the 3 others: not shown.
      expect(view.groups[0].meanByDimension.trust).toBeNull();
      expect((await pub('?domain=obs_d4&category=responsible_practices')).total.meanByDimension.trust).toBeNull();
    });

    it('a filter one step below its parent by 1–4 alliances is withheld', async () => {
      // Région 93 (Marseille): 6 alliances of obs_d2, 2 of obs_d2b.
      await seed(6, { domain: 'obs_d2', territory: '13055' });
      await seed(2, { domain: 'obs_d2b', territory: '13055' });
      const parent = await eventually(
        () => pub('?region=93'),
        (v) => v.total?.alliances === 8,
      );
      expect(parent.total.alliances).toBe(8);
      // ?region=93 minus ?region=93&domain=obs_d2 would give the 2 alliances of obs_d2b.
      expect((await pub('?region=93&domain=obs_d2')).total).toBeNull();
      const byDomain = await pub('?region=93&groupBy=domain');
      expect(byDomain.groups).toEqual([]);
      expect(byDomain.withheld).toBe(2);
      const byRegion = await pub('?domain=obs_d2');
      expect(byRegion.total.alliances).toBe(6);
      // Its région 93 cell is the same cell as ?region=93&domain=obs_d2: withheld there too.
      expect(byRegion.groups).toEqual([]);
      expect(byRegion.withheld).toBe(1);
    });

    it("a catalyst's territory is never 1–4 alliances from the platform cell that holds it", async () => {
      // Région 28 (Normandie): 5 alliances of obs_d3 in the Calvados (14118 Caen), 1 in the Seine-Maritime (76540 Rouen).
      await seed(5, { domain: 'obs_d3', territory: '14118' });
      await seed(1, { domain: 'obs_d3', territory: '76540' });
      await eventually(
        () => pub('?domain=obs_d3'),
        (v) => v.total?.alliances === 6,
      );
      expect((await pub('?domain=obs_d3&region=28')).total.alliances).toBe(6);
      await ok(
        api.call('PUT', `/api/admin/organisations/${org['catalyst']}/catalyst`, {
          token: admin.accessToken,
          body: { territoryCodes: ['14'] },
        }),
      );
      const T = `?scope=territory&organisationId=${org['catalyst']}`;
      // The Calvados holds 5: région 28 (6) minus it would give the alliance of Rouen.
      for (const groupBy of ['region', 'category', 'domain']) {
        const view = await observatory(`${T}&domain=obs_d3&groupBy=${groupBy}`, catalyst);
        expect(view.total).toBeNull();
        expect(view.groups).toEqual([]);
      }
      const all = await observatory(T, catalyst);
      expect(all.total).toBeNull();
      expect(all.groups).toEqual([]);
    });
  });
});
