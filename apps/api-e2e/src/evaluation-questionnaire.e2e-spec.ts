import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  sql,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

/** Two instances running the scheduled jobs every 300 ms, on one database: a due schedule must still launch once. */
const ENV = {
  ADMIN_EMAIL: 'admin@questionnaire.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '300',
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Question {
  id: string;
  block?: string;
  square?: string[];
  text: { fr: string; en: string };
}

describe('evaluation questionnaire: objective blocks, magic-square question, scheduled campaigns', () => {
  let db: TestDatabase;
  let first: ApiProcess;
  let second: ApiProcess;
  let api: ApiClient;
  let leadPeople: Session[];
  let squarePeople: Session[];
  let smallPeople: Session[];
  let funder: Session;
  let squareOrg: string;
  let smallOrg: string;
  let allianceId: string;

  const questionsOf = async (s: Session, campaignId: string): Promise<Question[]> =>
    (await api.get(`/api/evaluations/${campaignId}`, { token: s.accessToken })).body.questions;
  const launch = (body: Record<string, unknown>) =>
    api.post(
      `/api/alliances/${allianceId}/evaluations`,
      { title: 'Bilan annuel', closesAt: inDays(10), ...body },
      { token: leadPeople[0].accessToken },
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    [first, second] = await Promise.all([
      startApiProcess({ databaseUrl: db.url, env: ENV }),
      startApiProcess({ databaseUrl: db.url, env: ENV }),
    ]);
    api = new ApiClient(first.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const [leadAdmin, squareAdmin, smallAdmin, funderAdmin] = await Promise.all([
      api.signUp(),
      api.signUp({ locale: 'en' }),
      api.signUp(),
      api.signUp(),
    ]);
    const approve = async (s: Session, name: string, profile = 'association') => {
      const o = await api.applyOrganisation(s, { name, profile });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    const leadOrg = await approve(leadAdmin, 'Pilote');
    squareOrg = await approve(squareAdmin, 'Association Carrée');
    smallOrg = await approve(smallAdmin, 'Petite Structure');
    const funderOrg = await approve(funderAdmin, 'Fondation', 'foundation');
    // Lead: 3 people, no magic-square objective; squareOrg: 3 people (threshold reached); smallOrg: 2 (below it).
    leadPeople = [
      leadAdmin,
      await api.addMember(leadAdmin, leadOrg, 'member', first.dataDir),
      await api.addMember(leadAdmin, leadOrg, 'member', first.dataDir),
    ];
    squarePeople = [
      squareAdmin,
      await api.addMember(squareAdmin, squareOrg, 'member', first.dataDir),
      await api.addMember(squareAdmin, squareOrg, 'member', first.dataDir),
    ];
    smallPeople = [smallAdmin, await api.addMember(smallAdmin, smallOrg, 'member', first.dataDir)];
    funder = funderAdmin;
    allianceId = (
      await api.post(
        '/api/alliances',
        {
          name: 'Alliance Questionnaire',
          purpose: 'Tester les blocs',
          category: 'philanthropy',
          collectiveObjectives: ['engagement', 'territory'],
          domains: [],
          scale: 'local',
          territoryCodes: [],
          organisationId: leadOrg,
        },
        { token: leadAdmin.accessToken },
      )
    ).body.id;
    for (const [org, role, s] of [
      [squareOrg, 'partner', squareAdmin],
      [smallOrg, 'partner', smallAdmin],
      [funderOrg, 'funder', funderAdmin],
    ] as const) {
      await api.post(`/api/alliances/${allianceId}/members`, { organisationId: org, role }, { token: leadAdmin.accessToken });
      await api.post(`/api/alliances/${allianceId}/members/${org}/accept`, undefined, { token: s.accessToken });
    }
    for (const [org, s, square] of [
      [squareOrg, squareAdmin, ['business_model']],
      [smallOrg, smallAdmin, ['positioning', 'processes']],
    ] as const) {
      const set = await api.call('PUT', `/api/alliances/${allianceId}/members/${org}/objective`, {
        token: s.accessToken,
        body: { square, expectations: 'Des résultats', contributions: {} },
      });
      expect(set.status).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await db?.drop();
  });

  it('adds a block for each collective objective of the alliance, and the launcher can leave one out', async () => {
    const all = await launch({});
    expect(all.status).toBe(201);
    // The lead's people see the blocks; the magic-square question is for organisations with such an objective.
    const blocks = (all.body.questions as Question[]).map((q) => q.block).filter(Boolean);
    expect(new Set(blocks)).toEqual(new Set(['engagement', 'territory']));
    expect((await questionsOf(squarePeople[0], all.body.id)).filter((q) => q.block === 'magic_square')).toHaveLength(1);
    expect(blocks.filter((b) => b === 'engagement').length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b === 'territory').length).toBeLessThanOrEqual(4);
    for (const q of all.body.questions as Question[]) {
      expect(q.text.fr.length).toBeGreaterThan(10);
      expect(q.text.en.length).toBeGreaterThan(10);
    }

    const territoryOnly = await launch({ blocks: ['territory'] });
    expect(territoryOnly.status).toBe(201);
    const kept = (territoryOnly.body.questions as Question[]).map((q) => q.block);
    expect(kept).toContain('territory');
    expect(kept).not.toContain('engagement');
    expect(territoryOnly.body.questions.length).toBe(all.body.questions.length - blocks.filter((b) => b === 'engagement').length);

    const none = await launch({ blocks: [] });
    expect((none.body.questions as Question[]).filter((q) => q.block)).toHaveLength(0);

    // A block the alliance does not pursue, or not a collective objective at all: 400 on the field.
    const notPursued = await launch({ blocks: ['innovation'] });
    expect(notPursued.status).toBe(400);
    expect(notPursued.body.details[0]).toMatchObject({ field: 'blocks', codes: ['notPursued'] });
    const unknown = await launch({ blocks: ['world_peace'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field)).toContain('blocks');
    // A partner does not launch.
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/evaluations`,
          { title: 'Pas moi', closesAt: inDays(10) },
          { token: squarePeople[0].accessToken },
        )
      ).status,
    ).toBe(403);
  });

  it('asks each respondent about their own organisation’s magic-square objective, and shows its mean from 3 respondents', async () => {
    const campaignId = (await launch({ title: 'Carré magique' })).body.id as string;
    const square = (qs: Question[]) => qs.find((q) => q.block === 'magic_square');

    const forSquareOrg = square(await questionsOf(squarePeople[1], campaignId));
    expect(forSquareOrg?.square).toEqual(['business_model']);
    expect(forSquareOrg?.text.fr).toContain('faire évoluer notre modèle économique');
    expect(forSquareOrg?.text.en).toContain('evolving our business model');
    const forSmallOrg = square(await questionsOf(smallPeople[0], campaignId));
    expect(forSmallOrg?.id).toBe(forSquareOrg?.id);
    expect(forSmallOrg?.text.fr).toContain('renforcer notre positionnement et améliorer nos processus');
    // The lead has no objective on the square: no such question for its people, and they can still send.
    const leadQuestions = await questionsOf(leadPeople[0], campaignId);
    expect(square(leadQuestions)).toBeUndefined();

    const answerAll = async (s: Session, squareScore: number, base = 3) => {
      const qs = await questionsOf(s, campaignId);
      const res = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: s.accessToken,
        body: { answers: qs.map((q) => ({ questionId: q.id, score: q.block === 'magic_square' ? squareScore : base })), submit: true },
      });
      expect(res.status).toBe(200);
    };
    // A lead person answering the square question: not a question asked to them.
    const wrong = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: leadPeople[0].accessToken,
      body: { answers: [{ questionId: forSquareOrg?.id, score: 4 }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0]).toMatchObject({ field: 'answers.0.questionId', codes: ['unknownQuestion'] });
    // A square-org person sending without the square question: incomplete.
    const squareQs = await questionsOf(squarePeople[0], campaignId);
    const incomplete = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: squarePeople[0].accessToken,
      body: { answers: squareQs.filter((q) => q.block !== 'magic_square').map((q) => ({ questionId: q.id, score: 3 })), submit: true },
    });
    expect(incomplete.status).toBe(400);

    for (const s of leadPeople) await answerAll(s, 0);
    await answerAll(squarePeople[0], 5);
    await answerAll(squarePeople[1], 4);
    await answerAll(smallPeople[0], 2);
    await answerAll(smallPeople[1], 1);
    const close = async () => {
      expect((await api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: leadPeople[0].accessToken })).status).toBe(200);
      return (await api.get(`/api/evaluations/${campaignId}/results`, { token: leadPeople[0].accessToken })).body;
    };

    // squareOrg: its third respondent reaches the threshold; smallOrg stays below it.
    const byOrg = (results: { squareServed: { organisationId: string; mean: number | null; square: string[]; respondents: number }[] }) =>
      Object.fromEntries(results.squareServed.map((s) => [s.organisationId, s]));
    await answerAll(squarePeople[2], 3);
    const results = await close();
    expect(byOrg(results)[squareOrg]).toEqual({ organisationId: squareOrg, square: ['business_model'], mean: 4, respondents: 3 });
    expect(byOrg(results)[smallOrg]).toMatchObject({ square: ['positioning', 'processes'], mean: null, respondents: 2 });
    expect(results.squareServed).toHaveLength(2);
    // The funder reads the same aggregates.
    const funderView = (await api.get(`/api/evaluations/${campaignId}/results`, { token: funder.accessToken })).body;
    expect(byOrg(funderView)[squareOrg].mean).toBe(4);
  });

  it('with 2 respondents of an organisation, its square mean stays hidden', async () => {
    const campaignId = (await launch({ title: 'Deux réponses' })).body.id as string;
    for (const s of squarePeople.slice(0, 2)) {
      const qs = await questionsOf(s, campaignId);
      await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: s.accessToken,
        body: { answers: qs.map((q) => ({ questionId: q.id, score: 5 })), submit: true },
      });
    }
    await api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: leadPeople[0].accessToken });
    const results = (await api.get(`/api/evaluations/${campaignId}/results`, { token: leadPeople[0].accessToken })).body;
    expect(results.squareServed.find((s: { organisationId: string }) => s.organisationId === squareOrg)).toMatchObject({
      mean: null,
      respondents: 2,
    });
  });

  it('with one respondent answering the square question, the results show nothing drawn from it', async () => {
    const campaignId = (await launch({ title: 'Une seule réponse au carré' })).body.id as string;
    const answer = async (s: Session, squareScore: number) => {
      const qs = await questionsOf(s, campaignId);
      const res = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: s.accessToken,
        body: { answers: qs.map((q) => ({ questionId: q.id, score: q.block === 'magic_square' ? squareScore : 3 })), submit: true },
      });
      expect(res.status).toBe(200);
    };
    for (const s of leadPeople) await answer(s, 0);
    // The only square answer: 1, where everything else is 3.
    await answer(squarePeople[0], 1);
    const squareId = (await questionsOf(squarePeople[0], campaignId)).find((q) => q.block === 'magic_square')?.id as string;
    expect((await api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: leadPeople[0].accessToken })).status).toBe(200);
    const results = (await api.get(`/api/evaluations/${campaignId}/results`, { token: leadPeople[0].accessToken })).body;
    expect(results.respondents).toBe(4);
    // No question from it, no distribution holding its 1, no mean pulled below 3.
    expect(results.questions.map((q: { questionId: string }) => q.questionId)).not.toContain(squareId);
    expect(results.questions.length).toBeGreaterThan(0);
    for (const q of results.questions) {
      expect(q.mean).toBe(3);
      expect(q.distribution[0]).toBe(0);
    }
    for (const m of [...results.dimensions, ...results.focuses, ...results.groups]) expect(m.mean).toBe(3);
    for (const d of results.dimensions) expect(d.distribution[0]).toBe(0);
    expect(results.byProfile.find((b: { profile: string }) => b.profile === 'association')).toMatchObject({ mean: 3, respondents: 3 });
    expect(results.squareServed.find((s: { organisationId: string }) => s.organisationId === squareOrg)).toMatchObject({
      mean: null,
      respondents: 1,
    });
    // Nor in the export.
    const csv = await api.get(`/api/evaluations/${campaignId}/results/export?format=csv`, { token: leadPeople[0].accessToken });
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain('carré magique');
    expect(csv.text).not.toContain('magic square');
    // Nor in the trend.
    const trend = (await api.get(`/api/alliances/${allianceId}/evaluation-trend`, { token: leadPeople[0].accessToken })).body;
    const own = trend.campaigns.find((c: { campaignId: string }) => c.campaignId === campaignId);
    for (const m of [...own.dimensions, ...own.focuses, ...own.groups]) expect(m.mean).toBe(3);
  });

  it('validates the evaluation schedule: lead only, fields named on a 400', async () => {
    const suggested = await api.get(`/api/alliances/${allianceId}/evaluation-schedule`, { token: squarePeople[0].accessToken });
    expect(suggested.status).toBe(200);
    expect(suggested.body).toMatchObject({ configured: false, rhythm: 'yearly', source: 'default', canEdit: false });
    expect(suggested.body.nextLaunchOn > today()).toBe(true);
    const put = (s: Session, body: unknown) =>
      api.call('PUT', `/api/alliances/${allianceId}/evaluation-schedule`, { token: s.accessToken, body });
    expect((await put(squarePeople[0], { rhythm: 'yearly', nextLaunchOn: today(), durationDays: 14 })).status).toBe(403);
    const bad = await put(leadPeople[0], { rhythm: 'weekly', nextLaunchOn: 'tomorrow', durationDays: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['durationDays', 'nextLaunchOn', 'rhythm']);
    const past = await put(leadPeople[0], { rhythm: 'half_yearly', nextLaunchOn: '2020-01-01', durationDays: 14 });
    expect(past.status).toBe(400);
    expect(past.body.details[0]).toMatchObject({ field: 'nextLaunchOn', codes: ['inPast'] });
    const missing = await put(leadPeople[0], { rhythm: 'yearly', durationDays: 14 });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0]).toMatchObject({ field: 'nextLaunchOn', codes: ['required'] });
    // The funder does not read the partners' planning.
    expect((await api.get(`/api/alliances/${allianceId}/evaluation-schedule`, { token: funder.accessToken })).status).toBe(404);
  });

  it('launches exactly one campaign when the schedule is due, notifies the partners, then sets the next date', async () => {
    const before = (await api.get(`/api/alliances/${allianceId}/evaluations`, { token: leadPeople[0].accessToken })).body.length;
    const set = await api.call('PUT', `/api/alliances/${allianceId}/evaluation-schedule`, {
      token: leadPeople[0].accessToken,
      body: { rhythm: 'yearly', nextLaunchOn: today(), durationDays: 14 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ configured: true, source: 'saved', rhythm: 'yearly', nextLaunchOn: today(), canEdit: true });

    const title = `Évaluation partenariale ${today()}`;
    const scheduled = async () =>
      (
        (await api.get(`/api/alliances/${allianceId}/evaluations`, { token: leadPeople[0].accessToken })).body as {
          id: string;
          title: string;
        }[]
      ).filter((c) => c.title === title);
    const deadline = Date.now() + 30_000;
    while (!(await scheduled()).length && Date.now() < deadline) await sleep(300);
    // Many more ticks on both instances: still one.
    await sleep(3_000);
    const launched = await scheduled();
    expect(launched).toHaveLength(1);
    expect((await api.get(`/api/alliances/${allianceId}/evaluations`, { token: leadPeople[0].accessToken })).body).toHaveLength(before + 1);

    const campaign = (await api.get(`/api/evaluations/${launched[0].id}`, { token: squarePeople[0].accessToken })).body;
    expect(campaign.status).toBe('open');
    expect(campaign.canRespond).toBe(true);
    expect(new Set(campaign.questions.map((q: Question) => q.block).filter(Boolean))).toEqual(
      new Set(['engagement', 'territory', 'magic_square']),
    );
    const closesInDays = (Date.parse(campaign.closesAt) - Date.now()) / 86_400_000;
    expect(closesInDays).toBeGreaterThan(13.9);
    expect(closesInDays).toBeLessThan(14.1);
    const notifications = (await api.get('/api/notifications?limit=200', { token: smallPeople[1].accessToken })).body.items as {
      type: string;
      link: string;
    }[];
    expect(notifications.filter((n) => n.type === 'evaluation_launched' && n.link === `/evaluations/${launched[0].id}`)).toHaveLength(1);

    const next = new Date();
    next.setUTCFullYear(next.getUTCFullYear() + 1);
    const after = (await api.get(`/api/alliances/${allianceId}/evaluation-schedule`, { token: squarePeople[0].accessToken })).body;
    expect(after).toMatchObject({ configured: true, rhythm: 'yearly', nextLaunchOn: next.toISOString().slice(0, 10) });
    const rows = await sql<{ n: number }>(
      second,
      db,
      `SELECT count(*)::int AS n FROM evaluation_campaigns WHERE alliance_id = $1 AND scheduled_for = $2`,
      [allianceId, today()],
    );
    expect(rows[0].n).toBe(1);
  });

  it('launches nothing with rhythm none', async () => {
    const set = await api.call('PUT', `/api/alliances/${allianceId}/evaluation-schedule`, {
      token: leadPeople[0].accessToken,
      body: { rhythm: 'none', durationDays: 14 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ rhythm: 'none', nextLaunchOn: null });
  });
});
