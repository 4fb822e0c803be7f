import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  readOutbox,
  sql,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

const ENV = {
  ADMIN_EMAIL: 'admin@evaluations.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '300',
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

interface Question {
  id: string;
  dimension: string;
}

describe('partnership evaluation', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let leadPeople: Session[];
  let partnerPeople: Session[];
  let funder: Session;
  let outsider: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let allianceId: string;
  let campaignId: string;
  let questions: Question[];

  /** Every question answered with `score`, and one comment on the first. */
  const answers = (score: number, comment?: string) =>
    questions.map((q, i) => ({ questionId: q.id, score, ...(i === 0 && comment ? { comment } : {}) }));

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const [leadAdmin, partnerAdmin, funderAdmin] = await Promise.all([api.signUp({ locale: 'en' }), api.signUp(), api.signUp()]);
    outsider = await api.signUp();
    const approve = async (s: Session, name: string, profile = 'association') => {
      const o = await api.applyOrganisation(s, { name, profile });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    leadOrg = await approve(leadAdmin, 'Pilote');
    partnerOrg = await approve(partnerAdmin, 'Partenaire');
    const funderOrg = await approve(funderAdmin, 'Fondation', 'foundation');
    await approve(outsider, 'Ailleurs');
    // Lead: 3 people (threshold reached); partner: 2 people (below it).
    leadPeople = [
      leadAdmin,
      await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir),
      await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir),
    ];
    partnerPeople = [partnerAdmin, await api.addMember(partnerAdmin, partnerOrg, 'member', proc.dataDir)];
    funder = funderAdmin;
    allianceId = (
      await api.post(
        '/api/alliances',
        {
          name: 'Alliance Évaluée',
          purpose: 'Tester',
          category: 'philanthropy',
          collectiveObjectives: ['engagement'],
          domains: [],
          scale: 'local',
          territoryCodes: [],
          organisationId: leadOrg,
        },
        { token: leadAdmin.accessToken },
      )
    ).body.id;
    for (const [org, role, s] of [
      [partnerOrg, 'partner', partnerAdmin],
      [funderOrg, 'funder', funderAdmin],
    ] as const) {
      await api.post(`/api/alliances/${allianceId}/members`, { organisationId: org, role }, { token: leadAdmin.accessToken });
      await api.post(`/api/alliances/${allianceId}/members/${org}/accept`, undefined, { token: s.accessToken });
    }
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('offers a default template of at least 20 questions, in French and English, each tagged', async () => {
    const templates = (await api.get(`/api/alliances/${allianceId}/evaluation-templates`, { token: leadPeople[0].accessToken })).body;
    const byDefault = templates.find((t: { allianceId: string | null }) => t.allianceId === null);
    expect(byDefault.questions.length).toBeGreaterThanOrEqual(20);
    for (const q of byDefault.questions) {
      expect(q.text.fr.length).toBeGreaterThan(10);
      expect(q.text.en.length).toBeGreaterThan(10);
      expect(['product', 'balance', 'contribution_value']).toContain(q.focus);
    }
    expect(new Set(byDefault.questions.map((q: Question) => q.dimension)).size).toBe(13);
  });

  it('lets the alliance copy and adapt a template before launching', async () => {
    const copy = await api.post(
      `/api/alliances/${allianceId}/evaluation-templates`,
      { title: 'Notre grille 2026' },
      { token: partnerPeople[0].accessToken },
    );
    expect(copy.status).toBe(201);
    const kept = copy.body.questions
      .slice(0, 4)
      .map((q: { dimension: string; focus: string; text: unknown }) => ({ dimension: q.dimension, focus: q.focus, text: q.text }));
    kept.push({
      dimension: 'trust',
      focus: 'balance',
      text: { fr: 'Nous nous rendons service spontanément.', en: 'We help each other spontaneously.' },
    });
    const edited = await api.call('PUT', `/api/evaluation-templates/${copy.body.id}/questions`, {
      token: leadPeople[0].accessToken,
      body: { questions: kept },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.questions).toHaveLength(5);
    expect(edited.body.questions[4].text.fr).toBe('Nous nous rendons service spontanément.');
    expect(
      (
        await api.call('PUT', `/api/evaluation-templates/${copy.body.id}/questions`, {
          token: outsider.accessToken,
          body: { questions: kept },
        })
      ).status,
    ).toBe(404);
  });

  it('is launched by the lead only, inviting every member of lead and partner organisations by mail', async () => {
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/evaluations`,
          { title: 'Bilan', closesAt: inDays(7) },
          { token: partnerPeople[0].accessToken },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/evaluations`,
          { title: 'Bilan', closesAt: inDays(-1) },
          { token: leadPeople[0].accessToken },
        )
      ).status,
    ).toBe(400);
    const before = readOutbox(proc.dataDir).length;
    const res = await api.post(
      `/api/alliances/${allianceId}/evaluations`,
      { title: 'Bilan annuel', closesAt: inDays(7) },
      { token: leadPeople[0].accessToken },
    );
    expect(res.status).toBe(201);
    campaignId = res.body.id;
    questions = res.body.questions;
    expect(res.body).toMatchObject({ status: 'open', invitedCount: 5, submittedCount: 0, minRespondents: 3 });
    const mails = readOutbox(proc.dataDir).slice(before);
    expect(mails).toHaveLength(5);
    expect(mails.some((m) => m.subject.startsWith('Partnership evaluation'))).toBe(true);
    expect(mails.some((m) => m.subject.startsWith('Évaluation partenariale'))).toBe(true);
    expect(mails.every((m) => m.text.includes(`/evaluations/${campaignId}`))).toBe(true);
    expect((await api.get(`/api/evaluations/${campaignId}`, { token: funder.accessToken })).body.canRespond).toBe(false);
  });

  it('keeps drafts, requires every answer to submit, and lets a respondent change their mind until the close', async () => {
    const me = leadPeople[0];
    const draft = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: me.accessToken,
      body: { answers: [{ questionId: questions[0].id, score: 2 }] },
    });
    expect(draft.status).toBe(200);
    expect(draft.body.submittedAt).toBeNull();
    const incomplete = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: me.accessToken,
      body: { answers: [{ questionId: questions[0].id, score: 2 }], submit: true },
    });
    expect(incomplete.status).toBe(400);
    const bad = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: me.accessToken,
      body: { answers: [{ questionId: questions[0].id, score: 6 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('answers.0.score');
    const submitted = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: me.accessToken,
      body: { answers: answers(3), submit: true },
    });
    expect(submitted.body.submittedAt).not.toBeNull();
    const changed = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: me.accessToken,
      body: { answers: answers(5, 'Très bonne dynamique'), submit: true },
    });
    expect(changed.status).toBe(200);
    expect((await api.get(`/api/evaluations/${campaignId}/responses/me`, { token: me.accessToken })).body.answers[0]).toEqual({
      questionId: questions[0].id,
      score: 5,
      comment: 'Très bonne dynamique',
    });
    // After sending, a save that drops answers is refused: a counted response stays complete.
    expect(
      (
        await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
          token: me.accessToken,
          body: { answers: [{ questionId: questions[0].id, score: 1 }] },
        })
      ).status,
    ).toBe(400);
    expect((await api.get(`/api/evaluations/${campaignId}/responses/me`, { token: me.accessToken })).body.answers).toHaveLength(
      questions.length,
    );
    expect(
      (
        await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
          token: funder.accessToken,
          body: { answers: answers(1), submit: true },
        })
      ).status,
    ).toBe(403);
  });

  it('stays blind until closed: no result, and nobody sees another person’s answers', async () => {
    await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: leadPeople[1].accessToken,
      body: { answers: answers(4, 'Gouvernance à clarifier'), submit: true },
    });
    await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: leadPeople[2].accessToken,
      body: { answers: answers(3), submit: true },
    });
    await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: partnerPeople[0].accessToken,
      body: { answers: answers(1, 'Nous donnons plus que nous recevons'), submit: true },
    });
    await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
      token: partnerPeople[1].accessToken,
      body: { answers: answers(2), submit: true },
    });
    for (const s of [leadPeople[0], partnerPeople[0], funder])
      expect((await api.get(`/api/evaluations/${campaignId}/results`, { token: s.accessToken })).status).toBe(409);
    const campaign = (await api.get(`/api/evaluations/${campaignId}`, { token: funder.accessToken })).body;
    expect(campaign.submittedCount).toBe(5);
    // "me" is always the caller: another person's draft cannot be reached.
    const mine = await api.get(`/api/evaluations/${campaignId}/responses/me`, { token: leadPeople[1].accessToken });
    expect(mine.body.answers[0].score).toBe(4);
  });

  it('closes early by the lead, then reveals aggregates with the threshold and the perception gap', async () => {
    expect((await api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: partnerPeople[0].accessToken })).status).toBe(403);
    expect((await api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: leadPeople[0].accessToken })).status).toBe(200);
    expect(
      (
        await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
          token: leadPeople[0].accessToken,
          body: { answers: answers(1), submit: true },
        })
      ).status,
    ).toBe(409);
    const results = (await api.get(`/api/evaluations/${campaignId}/results`, { token: funder.accessToken })).body;
    expect(results.respondents).toBe(5);
    const dim = results.dimensions[0];
    expect(dim.mean).toBeCloseTo((5 + 4 + 3 + 1 + 2) / 5);
    // shared_vision has two questions; each of the five people gave one score to all questions.
    expect(dim.key).toBe('shared_vision');
    expect(dim.distribution).toEqual([2, 2, 2, 2, 2]);
    const lead = dim.byOrganisation.find((o: { organisationId: string }) => o.organisationId === leadOrg);
    const partner = dim.byOrganisation.find((o: { organisationId: string }) => o.organisationId === partnerOrg);
    expect(lead).toMatchObject({ respondents: 3, mean: 4 });
    // Two respondents only: the partner's own mean is hidden, so nobody can be singled out.
    expect(partner).toMatchObject({ respondents: 2, mean: null });
    expect(dim.gap).toBeNull();
    // The anonymous comments are for the partners; a funder reads the figures only (docs/domain.md "Visibility").
    expect(results.questions.every((q: { comments: string[] }) => q.comments.length === 0)).toBe(true);
    const first = (await api.get(`/api/evaluations/${campaignId}/results`, { token: partnerPeople[0].accessToken })).body.questions[0];
    expect(first.comments).toEqual(['Gouvernance à clarifier', 'Nous donnons plus que nous recevons', 'Très bonne dynamique']);
  });

  it('never exposes an individual answer or its author through any route', async () => {
    const forbidden = [...leadPeople, ...partnerPeople].flatMap((s) => [s.user.id, s.email, s.user.displayName]);
    const paths = [
      `/api/evaluations/${campaignId}`,
      `/api/evaluations/${campaignId}/results`,
      `/api/evaluations/${campaignId}/results/export?format=csv`,
      `/api/alliances/${allianceId}/evaluations`,
      `/api/alliances/${allianceId}/audit?limit=200`,
    ];
    for (const path of paths) {
      const res = await api.get(path, { token: funder.accessToken });
      expect(res.status).toBe(200);
      const audit = path.includes('/audit');
      for (const value of forbidden) if (!audit) expect(res.text).not.toContain(value);
      expect(res.text).not.toMatch(/"score"\s*:/);
    }
    const pdf = await fetch(`${proc.url}/api/evaluations/${campaignId}/results/export?format=pdf`, {
      headers: { authorization: `Bearer ${leadPeople[0].accessToken}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await api.get(`/api/evaluations/${campaignId}/results`, { token: outsider.accessToken })).status).toBe(404);
    expect((await api.get(`/api/evaluations/${campaignId}`, { token: outsider.accessToken })).status).toBe(404);
  });

  it('shows the perception gap once two organisations pass the threshold, and the trend against the previous campaign', async () => {
    // A second campaign where the partner has 3 respondents: threshold 3 needs a third partner member.
    const partnerThird = await api.addMember(partnerPeople[0], partnerOrg, 'member', proc.dataDir);
    const second = (
      await api.post(
        `/api/alliances/${allianceId}/evaluations`,
        { title: 'Bilan 2', closesAt: inDays(7) },
        { token: leadPeople[0].accessToken },
      )
    ).body;
    questions = second.questions;
    for (const s of leadPeople)
      await api.call('PUT', `/api/evaluations/${second.id}/responses/me`, {
        token: s.accessToken,
        body: { answers: answers(5), submit: true },
      });
    for (const s of [...partnerPeople, partnerThird])
      await api.call('PUT', `/api/evaluations/${second.id}/responses/me`, {
        token: s.accessToken,
        body: { answers: answers(2), submit: true },
      });
    await api.post(`/api/evaluations/${second.id}/close`, undefined, { token: leadPeople[0].accessToken });
    const results = (await api.get(`/api/evaluations/${second.id}/results`, { token: partnerPeople[1].accessToken })).body;
    expect(results.dimensions[0].gap).toBe(3);
    expect(results.previous.campaignId).toBe(campaignId);
    expect(results.previous.dimensions[0].delta).toBeCloseTo(3.5 - 3);
  });

  it('closes at its date and reminds those who have not answered (scheduled job)', async () => {
    const third = (
      await api.post(
        `/api/alliances/${allianceId}/evaluations`,
        { title: 'Bilan 3', closesAt: inDays(5) },
        { token: leadPeople[0].accessToken },
      )
    ).body;
    questions = third.questions;
    await api.call('PUT', `/api/evaluations/${third.id}/responses/me`, {
      token: leadPeople[0].accessToken,
      body: { answers: answers(4), submit: true },
    });
    const before = readOutbox(proc.dataDir).length;
    // Closing within 48 hours: the next run of the scheduler sends the reminders.
    await sql(proc, db, "UPDATE evaluation_campaigns SET closes_at = now() + interval '1 day' WHERE id = $1", [third.id]);
    const isReminder = (m: { subject: string }) => m.subject.startsWith('Rappel') || m.subject.startsWith('Reminder');
    const deadline = Date.now() + 10_000;
    while (readOutbox(proc.dataDir).slice(before).filter(isReminder).length < 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const reminders = readOutbox(proc.dataDir).slice(before).filter(isReminder);
    expect(reminders).toHaveLength(5); // six invited, one answered
    expect(reminders.some((m) => m.to.includes(leadPeople[0].email))).toBe(false);

    await sql(proc, db, "UPDATE evaluation_campaigns SET closes_at = now() - interval '1 second' WHERE id = $1", [third.id]);
    const closeDeadline = Date.now() + 10_000;
    let status = 'open';
    while (status === 'open' && Date.now() < closeDeadline) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await api.get(`/api/evaluations/${third.id}`, { token: leadPeople[0].accessToken })).body.status;
    }
    expect(status).toBe('closed');
  });

  it('turns results into an action plan linked to an objective or a charter section', async () => {
    const objective = (
      await api.post(
        `/api/alliances/${allianceId}/objectives`,
        { title: 'Gouvernance partagée', collectiveObjective: 'engagement', description: '' },
        { token: leadPeople[0].accessToken },
      )
    ).body;
    const action = await api.post(
      `/api/evaluations/${campaignId}/actions`,
      {
        title: 'Comité de pilotage trimestriel',
        ownerOrganisationId: partnerOrg,
        dueDate: '2027-03-01',
        objectiveId: objective.id,
        charterSection: 'governance',
      },
      { token: partnerPeople[0].accessToken },
    );
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ objectiveId: objective.id, charterSection: 'governance', done: false });
    expect(
      (
        await api.post(
          `/api/evaluations/${campaignId}/actions`,
          { title: 'Ailleurs', ownerOrganisationId: partnerOrg, dueDate: '2027-03-01', charterSection: 'nowhere' },
          { token: partnerPeople[0].accessToken },
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api.post(
          `/api/evaluations/${campaignId}/actions`,
          { title: 'Le financeur agit', ownerOrganisationId: partnerOrg, dueDate: '2027-03-01' },
          { token: funder.accessToken },
        )
      ).status,
    ).toBe(403);
    const done = await api.patch(`/api/evaluation-actions/${action.body.id}`, { done: true }, { token: leadPeople[1].accessToken });
    expect(done.body.done).toBe(true);
    expect((await api.get(`/api/evaluations/${campaignId}/actions`, { token: funder.accessToken })).body).toHaveLength(1);
  });
});
