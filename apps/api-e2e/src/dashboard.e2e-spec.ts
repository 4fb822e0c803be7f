import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  randomSiren,
  sql,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Dashboard, TodoItem } from '@alliances/shared/contracts';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENV = {
  ADMIN_EMAIL: 'admin@dashboard.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * GET /api/me/dashboard (issue 16): what needs each person across their alliances, for the right people
 * only, gone once done; each alliance's health; and a number of SQL statements that does not grow with
 * the number of alliances (counted by preloading support/count-sql.cjs into the API).
 */
describe('the signed-in person’s home: GET /api/me/dashboard', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let admin: Session;
  let lead: Session;
  let partner: Session;
  let partnerMember: Session;
  let funder: Session;
  let outsider: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let funderOrg: string;
  let outsiderOrg: string;
  let allianceId: string;
  let indicatorId: string;
  let campaignId: string;
  let questions: { id: string }[];
  let actionId: string;
  let reportId: string;
  const countFile = join(mkdtempSync(join(tmpdir(), 'dashboard-sql-')), 'statements.jsonl');

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- setup answers are read field by field
  const ok = async <T = any>(res: Promise<{ status: number; body: T; text: string }>): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`setup call answered ${r.status}: ${r.text.slice(0, 300)}`);
    return r.body;
  };
  const dashboard = async (who: Session): Promise<Dashboard> => ok(api.get('/api/me/dashboard', { token: who.accessToken }));
  const kinds = async (who: Session, kind: TodoItem['kind']): Promise<TodoItem[]> =>
    (await dashboard(who)).todo.filter((t) => t.kind === kind);
  const organisation = async (owner: Session, name: string, profile = 'association'): Promise<string> => {
    const o = await api.applyOrganisation(owner, {
      name,
      profile,
      ...(profile === 'association' ? {} : { rna: undefined, siren: randomSiren() }),
    });
    await api.approveOrganisation(admin, o.id);
    return o.id;
  };
  const createAlliance = async (who: Session, organisationId: string, name: string): Promise<string> =>
    (
      await ok(
        api.post(
          '/api/alliances',
          {
            name,
            purpose: 'Aidants du territoire',
            category: 'societal_innovation',
            collectiveObjectives: ['engagement'],
            domains: ['carers'],
            scale: 'local',
            territoryCodes: ['69123'],
            organisationId,
          },
          { token: who.accessToken },
        ),
      )
    ).id;
  const seat = async (id: string, by: Session, organisationId: string, role: string, accepter: Session) => {
    await ok(api.post(`/api/alliances/${id}/members`, { organisationId, role }, { token: by.accessToken }));
    await ok(api.post(`/api/alliances/${id}/members/${organisationId}/accept`, undefined, { token: accepter.accessToken }));
  };
  let counter = 0;
  /** The SQL statements of one dashboard request (row-level security's session switches left out). */
  const statementsOf = async (who: Session): Promise<string[]> => {
    const key = `k${++counter}`;
    await ok(api.get('/api/me/dashboard', { token: who.accessToken, headers: { 'x-count-sql': key } }));
    // The line is written once the response is sent: the client may read the answer just before.
    for (let attempt = 0; attempt < 50; attempt++) {
      const line = (existsSync(countFile) ? readFileSync(countFile, 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { key: string; statements: string[] })
        .find((l) => l.key === key);
      if (line) return line.statements.filter((s) => !/set_config\('role'/.test(s));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no statements recorded for ${key}`);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({
      databaseUrl: db.url,
      env: { ...ENV, NODE_OPTIONS: `--require ${join(__dirname, 'support/count-sql.cjs')}`, COUNT_SQL_FILE: countFile },
    });
    api = new ApiClient(proc.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, funder, outsider] = await Promise.all(
      ['Léa Pilote', 'Paul Partenaire', 'Fanny Fondation', 'Omar Ailleurs'].map((displayName) => api.signUp({ displayName })),
    );
    [leadOrg, partnerOrg, funderOrg, outsiderOrg] = await Promise.all([
      organisation(lead, 'Association Pilote'),
      organisation(partner, 'Entreprise Partenaire', 'company'),
      organisation(funder, 'Fondation Solidaire', 'foundation'),
      organisation(outsider, 'Association Ailleurs'),
    ]);
    partnerMember = await api.addMember(partner, partnerOrg, 'member', proc.dataDir, { displayName: 'Mia Membre' });
    allianceId = await createAlliance(lead, leadOrg, 'Alliance des aidants');
    await seat(allianceId, lead, partnerOrg, 'partner', partner);
    await seat(allianceId, lead, funderOrg, 'funder', funder);
    // The outsider is a partner elsewhere: the lead of another alliance.
    await createAlliance(outsider, outsiderOrg, 'Alliance d’ailleurs');

    const objective = await ok(
      api.post(
        `/api/alliances/${allianceId}/objectives`,
        { title: 'Accompagner les aidants', collectiveObjective: 'engagement', description: 'Ensemble' },
        { token: lead.accessToken },
      ),
    );
    indicatorId = (
      await ok(
        api.post(
          `/api/objectives/${objective.id}/indicators`,
          {
            name: 'Aidants accompagnés',
            unit: 'personnes',
            baseline: 0,
            target: 100,
            startDate: day(-60),
            targetDate: day(60),
            direction: 'increase',
            ownerOrganisationId: partnerOrg,
          },
          { token: lead.accessToken },
        ),
      )
    ).id;
    await ok(
      api.post(
        `/api/objectives/${objective.id}/milestones`,
        { title: 'Forum des aidants', ownerOrganisationId: leadOrg, dueDate: day(20) },
        { token: lead.accessToken },
      ),
    );
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('asks the partner’s admin to sign a proposed charter version, not its plain member, the lead once signed, the funder or an outsider; gone once signed', async () => {
    const version = await ok(api.post(`/api/alliances/${allianceId}/charter/versions`, undefined, { token: lead.accessToken }));
    expect((await kinds(lead, 'sign_charter')).length).toBe(1);
    await ok(
      api.post(
        `/api/alliances/${allianceId}/charter/versions/${version.version}/signatures`,
        { organisationId: leadOrg, sha256: version.sha256 },
        { token: lead.accessToken },
      ),
    );
    expect(await kinds(lead, 'sign_charter')).toEqual([]);
    expect(await kinds(partner, 'sign_charter')).toEqual([
      {
        kind: 'sign_charter',
        allianceId,
        allianceName: 'Alliance des aidants',
        title: String(version.version),
        link: `/alliances/${allianceId}/charter/signatures`,
      },
    ]);
    for (const other of [partnerMember, funder, outsider]) expect(await kinds(other, 'sign_charter')).toEqual([]);
    const before = (await dashboard(funder)).alliances.find((a) => a.id === allianceId);
    expect(before?.charter).toEqual({ status: 'proposed', inForceVersion: null, awaitingSignatures: 1 });

    await ok(
      api.post(
        `/api/alliances/${allianceId}/charter/versions/${version.version}/signatures`,
        { organisationId: partnerOrg, sha256: version.sha256 },
        { token: partner.accessToken },
      ),
    );
    expect(await kinds(partner, 'sign_charter')).toEqual([]);
    const after = (await dashboard(partner)).alliances.find((a) => a.id === allianceId);
    expect(after?.charter).toEqual({ status: 'in_force', inForceVersion: version.version, awaitingSignatures: 0 });
  });

  it('tells the people of the indicator’s owner organisation that a check-in is due, and no one else; gone once measured', async () => {
    const due = await kinds(partner, 'checkin_due');
    expect(due).toEqual([
      expect.objectContaining({
        allianceId,
        title: 'Aidants accompagnés',
        dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        link: `/alliances/${allianceId}/indicators/${indicatorId}`,
      }),
    ]);
    expect((due[0].dueAt ?? '') < day(0)).toBe(true);
    expect((await kinds(partnerMember, 'checkin_due')).length).toBe(1);
    for (const other of [lead, funder, outsider]) expect(await kinds(other, 'checkin_due')).toEqual([]);
    expect((await dashboard(lead)).alliances.find((a) => a.id === allianceId)?.objectives).toEqual({
      onTrack: 0,
      atRisk: 0,
      offTrack: 0,
      achieved: 0,
      noData: 1,
    });

    await ok(api.post(`/api/indicators/${indicatorId}/checkins`, { value: 50, date: day(0) }, { token: partner.accessToken }));
    expect(await kinds(partner, 'checkin_due')).toEqual([]);
    expect((await dashboard(funder)).alliances.find((a) => a.id === allianceId)?.objectives).toMatchObject({ onTrack: 1, noData: 0 });
  });

  it('asks each invited person to answer an open evaluation until they submit, not the funder or an outsider; assigns actions to their organisation', async () => {
    const campaign = await ok(
      api.post(
        `/api/alliances/${allianceId}/evaluations`,
        { title: 'Bilan de printemps', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
        { token: lead.accessToken },
      ),
    );
    campaignId = campaign.id;
    questions = campaign.questions;
    for (const who of [lead, partner, partnerMember])
      expect(await kinds(who, 'answer_evaluation')).toEqual([
        expect.objectContaining({
          allianceId,
          title: 'Bilan de printemps',
          dueAt: new Date(campaign.closesAt).toISOString(),
          link: `/evaluations/${campaignId}`,
        }),
      ]);
    for (const other of [funder, outsider]) expect(await kinds(other, 'answer_evaluation')).toEqual([]);
    await ok(
      api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: partner.accessToken,
        body: { answers: questions.map((q) => ({ questionId: q.id, score: 4 })), submit: true },
      }),
    );
    expect(await kinds(partner, 'answer_evaluation')).toEqual([]);
    expect((await kinds(partnerMember, 'answer_evaluation')).length).toBe(1);

    actionId = (
      await ok(
        api.post(
          `/api/evaluations/${campaignId}/actions`,
          { title: 'Réunir les bénévoles', ownerOrganisationId: partnerOrg, dueDate: day(5) },
          { token: lead.accessToken },
        ),
      )
    ).id;
    expect(await kinds(partner, 'action_due')).toEqual([
      {
        kind: 'action_due',
        allianceId,
        allianceName: 'Alliance des aidants',
        title: 'Réunir les bénévoles',
        dueAt: day(5),
        link: `/evaluations/${campaignId}/results`,
      },
    ]);
    for (const other of [lead, funder, outsider]) expect(await kinds(other, 'action_due')).toEqual([]);
    await ok(api.call('PATCH', `/api/evaluation-actions/${actionId}`, { token: partner.accessToken, body: { done: true } }));
    expect(await kinds(partner, 'action_due')).toEqual([]);
  });

  it('lists the actions assigned to a person (issue 17) for that person only; gone once done', async () => {
    const created = await ok(
      api.post(
        `/api/alliances/${allianceId}/actions`,
        { title: 'Envoyer le compte rendu', assigneeUserId: partnerMember.user.id, dueOn: day(3) },
        { token: lead.accessToken },
      ),
    );
    expect(await kinds(partnerMember, 'action_due')).toEqual([
      {
        kind: 'action_due',
        allianceId,
        allianceName: 'Alliance des aidants',
        title: 'Envoyer le compte rendu',
        dueAt: day(3),
        link: `/alliances/${allianceId}/actions`,
      },
    ]);
    // Not the colleague of the same organisation, nor the lead who assigned it, the funder or an outsider.
    for (const other of [partner, lead, funder, outsider]) expect(await kinds(other, 'action_due')).toEqual([]);
    await ok(
      api.call('PATCH', `/api/actions/${created.id}`, {
        token: partnerMember.accessToken,
        body: { status: 'done', version: created.version },
      }),
    );
    expect(await kinds(partnerMember, 'action_due')).toEqual([]);
  });

  it('shows the last evaluation’s mean and its trend against the one before', async () => {
    await ok(
      api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: lead.accessToken,
        body: { answers: questions.map((q) => ({ questionId: q.id, score: 2 })), submit: true },
      }),
    );
    await ok(api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: lead.accessToken }));
    expect(await kinds(partnerMember, 'answer_evaluation')).toEqual([]);
    const first = (await dashboard(funder)).alliances.find((a) => a.id === allianceId);
    expect(first?.lastEvaluation).toEqual({
      id: campaignId,
      title: 'Bilan de printemps',
      closedAt: expect.any(String),
      mean: 3,
      trend: null,
    });

    const second = await ok(
      api.post(
        `/api/alliances/${allianceId}/evaluations`,
        { title: 'Bilan d’automne', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
        { token: lead.accessToken },
      ),
    );
    await ok(
      api.call('PUT', `/api/evaluations/${second.id}/responses/me`, {
        token: partner.accessToken,
        body: { answers: second.questions.map((q: { id: string }) => ({ questionId: q.id, score: 5 })), submit: true },
      }),
    );
    await ok(api.post(`/api/evaluations/${second.id}/close`, undefined, { token: lead.accessToken }));
    const health = (await dashboard(partner)).alliances.find((a) => a.id === allianceId);
    expect(health).toMatchObject({
      name: 'Alliance des aidants',
      lastEvaluation: { id: second.id, mean: 5, trend: 'up' },
      nextMilestone: { title: 'Forum des aidants', dueDate: day(20) },
    });
  });

  it('reminds the lead of a grant report due soon, not the partner, the funder or an outsider; gone once submitted', async () => {
    const grant = await ok(
      api.post(
        `/api/alliances/${allianceId}/grants`,
        {
          funderOrganisationId: funderOrg,
          amount: 10_000,
          startsOn: day(-30),
          endsOn: day(300),
          reports: [
            { title: 'Rapport d’étape', dueOn: day(10) },
            { title: 'Rapport final', dueOn: day(290) },
          ],
          tranches: [{ amount: 10_000, dueOn: day(1) }],
        },
        { token: funder.accessToken },
      ),
    );
    reportId = grant.reports.find((r: { title: string }) => r.title === 'Rapport d’étape').id;
    expect(await kinds(lead, 'report_due')).toEqual([
      {
        kind: 'report_due',
        allianceId,
        allianceName: 'Alliance des aidants',
        title: 'Rapport d’étape',
        dueAt: day(10),
        link: `/alliances/${allianceId}/funding`,
      },
    ]);
    for (const other of [partner, funder, outsider]) expect(await kinds(other, 'report_due')).toEqual([]);
    await ok(api.post(`/api/reports/${reportId}/submission`, { submission: 'Quarante aidants accompagnés.' }, { token: lead.accessToken }));
    expect(await kinds(lead, 'report_due')).toEqual([]);
  });

  it('shows a received proposal to the admins of the organisation it was sent to, not to its plain members or others', async () => {
    await sql(proc, db, `UPDATE organisations SET listed = true WHERE id = $1`, [partnerOrg]);
    await ok(
      api.post(
        '/api/proposals',
        { fromOrganisationId: outsiderOrg, toOrganisationId: partnerOrg, message: 'Faisons alliance' },
        { token: outsider.accessToken },
      ),
    );
    expect(await kinds(partner, 'proposal_received')).toEqual([
      {
        kind: 'proposal_received',
        allianceId: null,
        allianceName: null,
        title: 'Association Ailleurs',
        link: `/organisations/${partnerOrg}/proposals`,
      },
    ]);
    for (const other of [partnerMember, outsider, lead, funder]) expect(await kinds(other, 'proposal_received')).toEqual([]);
  });

  it('lists unread mentions for the person mentioned only, gone once read; the todo is sorted by due date, undated last', async () => {
    await ok(
      api.post(
        '/api/comments',
        {
          allianceId,
          target: { type: 'alliance', id: allianceId },
          body: '@Paul Partenaire peux-tu relire ?',
          mentions: [partner.user.id],
        },
        { token: lead.accessToken },
      ),
    );
    const mentions = await kinds(partner, 'mention');
    expect(mentions).toEqual([
      expect.objectContaining({ allianceId, title: expect.stringContaining('peux-tu relire'), link: expect.stringMatching(/^\//) }),
    ]);
    for (const other of [lead, partnerMember, funder, outsider]) expect(await kinds(other, 'mention')).toEqual([]);

    const todo = (await dashboard(partner)).todo;
    const dated = todo.filter((t) => t.dueAt);
    expect(todo.slice(0, dated.length)).toEqual(dated);
    expect(todo.map((t) => t.kind)).toEqual(expect.arrayContaining(['proposal_received', 'mention']));

    await ok(api.post('/api/notifications/read', {}, { token: partner.accessToken }));
    expect(await kinds(partner, 'mention')).toEqual([]);
  });

  it('lists only the alliances the person has a seat in; an outsider never sees this one', async () => {
    expect((await dashboard(outsider)).alliances.map((a) => a.name)).toEqual(['Alliance d’ailleurs']);
    expect((await dashboard(funder)).alliances.map((a) => a.name)).toEqual(['Alliance des aidants']);
    expect((await dashboard(partnerMember)).alliances.map((a) => a.name)).toEqual(['Alliance des aidants']);
  });

  it('runs the same number of SQL statements with one alliance and with several', async () => {
    const one = await statementsOf(partner);
    // The memberships, the alliances and seats, one per domain (six), the proposers' names when there are proposals.
    expect(one.length).toBeGreaterThanOrEqual(8);
    expect(one.length).toBeLessThanOrEqual(12);
    for (const name of ['Alliance deux', 'Alliance trois', 'Alliance quatre']) {
      const id = await createAlliance(lead, leadOrg, name);
      await seat(id, lead, partnerOrg, 'partner', partner);
      const version = await ok(api.post(`/api/alliances/${id}/charter/versions`, undefined, { token: lead.accessToken }));
      expect(version.version).toBe(1);
    }
    const several = await statementsOf(partner);
    expect((await dashboard(partner)).alliances).toHaveLength(4);
    expect((await kinds(partner, 'sign_charter')).length).toBe(3);
    expect(several.length).toBe(one.length);
  });

  describe('what the app no longer shows', () => {
    let pilot: Session;
    let member: Session;
    let pilotOrg: string;
    let memberOrg: string;
    let otherId: string;
    const mention = async (body: string) =>
      ok(
        api.post(
          '/api/comments',
          { allianceId: otherId, target: { type: 'alliance', id: otherId }, body, mentions: [member.user.id] },
          { token: pilot.accessToken },
        ),
      );
    const mentionTitles = async (who: Session) => (await kinds(who, 'mention')).map((t) => t.title);

    beforeAll(async () => {
      [pilot, member] = await Promise.all(['Pia Pilote', 'Marius Partant'].map((displayName) => api.signUp({ displayName })));
      [pilotOrg, memberOrg] = await Promise.all([
        organisation(pilot, 'Association Éphémère'),
        organisation(member, 'Association Partante'),
      ]);
      otherId = await createAlliance(pilot, pilotOrg, 'Alliance éphémère');
      await seat(otherId, pilot, memberOrg, 'partner', member);
    });

    it('leaves out a mention whose in-app notification the person turned off', async () => {
      await ok(api.call('PUT', '/api/me/notification-preferences', { token: member.accessToken, body: { mention: { inApp: false } } }));
      await mention('@Marius Partant mention discrète');
      expect(await kinds(member, 'mention')).toEqual([]);

      await ok(api.call('PUT', '/api/me/notification-preferences', { token: member.accessToken, body: { mention: { inApp: true } } }));
      await mention('@Marius Partant mention visible');
      const titles = await mentionTitles(member);
      expect(titles).toEqual([expect.stringContaining('mention visible')]);
    });

    it('leaves out the mentions of an alliance the person’s organisation left', async () => {
      await mention('@Marius Partant mention avant le départ');
      expect(await mentionTitles(member)).toContainEqual(expect.stringContaining('mention avant le départ'));
      expect((await api.delete(`/api/alliances/${otherId}/members/${memberOrg}`, { token: member.accessToken })).status).toBe(204);
      const after = await dashboard(member);
      expect(after.alliances).toEqual([]);
      expect(after.todo.filter((t) => t.kind === 'mention')).toEqual([]);
    });

    it('asks no one to answer an open evaluation once its alliance is closed', async () => {
      const campaign = await ok(
        api.post(
          `/api/alliances/${otherId}/evaluations`,
          { title: 'Bilan de clôture', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
          { token: pilot.accessToken },
        ),
      );
      expect(await kinds(pilot, 'answer_evaluation')).toEqual([
        expect.objectContaining({ title: 'Bilan de clôture', link: `/evaluations/${campaign.id}` }),
      ]);
      const { version } = await ok(api.get(`/api/alliances/${otherId}`, { token: pilot.accessToken }));
      await ok(api.patch(`/api/alliances/${otherId}`, { status: 'closed', version }, { token: pilot.accessToken }));
      const after = await dashboard(pilot);
      expect(after.alliances.map((a) => a.name)).toEqual(['Alliance éphémère']);
      expect(after.todo.filter((t) => t.kind === 'answer_evaluation')).toEqual([]);
    });
  });
});
