import {
  ApiClient,
  createTestDatabase,
  fillPath,
  GOOD_PASSWORD,
  listOperations,
  operationKey,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Operation,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { CollabClient } from '@alliances/e2e/support';
import { pdfBytes, upload } from './support/uploads';

/**
 * FUNDER VISIBILITY (docs/domain.md "Visibility", "Funding"). A funder organisation's members see, for the
 * alliances it funds, the profile, the charter's status and the text in force, objectives with their
 * progress, evaluation aggregates and the funding; never the draft, the proposals, the discussion, the
 * live charter or anyone's answers. Every alliance-scoped route of the OpenAPI document is classified
 * below; a route added later without a decision fails this suite.
 */

const ENV = {
  ADMIN_EMAIL: 'admin@visibility.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

/** Written by the partners only; none of it may reach the funder. */
const SECRETS = {
  proposal: 'Clause proposée, pas encore signée',
  draft: 'Brouillon de travail des partenaires',
  checkInNote: 'Note interne : retard de recrutement',
  answerComment: 'Avis individuel très franc',
  comment: 'Discussion entre partenaires',
  caseStudy: 'Fiche en attente du consentement des partenaires',
  otherGrant: 'Conditions de l’autre financeur',
  meeting: 'Comité de pilotage entre partenaires',
  minutes: 'Compte rendu rédigé entre partenaires',
  document: 'Compte rendu interne des partenaires',
};
const SIGNED_TEXT = 'Texte signé par tous les partenaires';

/** How the funder is expected to fare on one call. */
type Expectation = 'visible' | 'hidden' | 'own';

interface Probe {
  params: Record<string, string>;
  query?: string;
  body?: unknown;
  expect: Expectation;
  /** For `own` actions: the statuses the domain rules give (the funder reaches the route). */
  statuses?: number[];
}

describe(`funder visibility (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partner: Session;
  let funder: Session;
  let funderMember: Session;
  let otherFunder: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let funderOrg: string;
  let otherFunderOrg: string;
  const ids: Record<string, string> = {};

  const ok = async <T>(res: Promise<{ status: number; body: T; text: string }>, expected = [200, 201]): Promise<T> => {
    const r = await res;
    if (!expected.includes(r.status)) throw new Error(`setup call answered ${r.status}: ${r.text.slice(0, 300)}`);
    return r.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, funder, otherFunder] = await Promise.all(
      ['Léa Pilote', 'Paul Partenaire', 'Fanny Fondation', 'Omar Autre'].map((displayName) => api.signUp({ displayName })),
    );
    const org = async (s: Session, name: string, profile: string, ident: Record<string, unknown>) => {
      const o = await api.applyOrganisation(s, { name, profile, ...ident });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    leadOrg = await org(lead, 'Association Pilote', 'association', {});
    partnerOrg = await org(partner, 'Entreprise Partenaire', 'company', { rna: undefined, siren: '732829320' });
    funderOrg = await org(funder, 'Fondation Visible', 'foundation', { rna: undefined, siren: '775672272' });
    otherFunderOrg = await org(otherFunder, 'Fondation Voisine', 'foundation', { rna: undefined, siren: '552081317' });
    funderMember = await api.addMember(funder, funderOrg, 'member', proc.dataDir, { displayName: 'Membre Fondation' });

    const alliance = await ok(
      api.post(
        '/api/alliances',
        {
          name: 'Alliance observée',
          purpose: 'Soutenir les aidants salariés',
          category: 'societal_innovation',
          collectiveObjectives: ['engagement'],
          domains: ['carers'],
          scale: 'local',
          territoryCodes: ['69123'],
          organisationId: leadOrg,
        },
        { token: lead.accessToken },
      ),
    );
    ids['alliance'] = alliance.id;
    const A = `/api/alliances/${ids['alliance']}`;
    for (const [o, role, s] of [
      [partnerOrg, 'partner', partner],
      [funderOrg, 'funder', funder],
      [otherFunderOrg, 'funder', otherFunder],
    ] as const) {
      await ok(api.post(`${A}/members`, { organisationId: o, role }, { token: lead.accessToken }));
      await ok(api.post(`${A}/members/${o}/accept`, undefined, { token: s.accessToken }));
    }

    // Charter: v1 signed by both partners (in force), then v2 proposed, then a newer draft.
    const writer = await CollabClient.join(proc.url, lead.accessToken, ids['alliance']);
    writer.paragraph('context', SIGNED_TEXT);
    await writer.flush();
    const v1 = await ok(api.post(`${A}/charter/versions`, undefined, { token: lead.accessToken }));
    for (const [s, o] of [
      [lead, leadOrg],
      [partner, partnerOrg],
    ] as const)
      await ok(api.post(`${A}/charter/versions/1/signatures`, { organisationId: o, sha256: v1.sha256 }, { token: s.accessToken }));
    writer.paragraph('governance', SECRETS.proposal);
    await writer.flush();
    await ok(api.post(`${A}/charter/versions`, undefined, { token: lead.accessToken }));
    writer.paragraph('resources', SECRETS.draft);
    await writer.flush();
    writer.close();

    // Objectives, with a check-in whose note is the partners' own.
    const objective = await ok(
      api.post(
        `${A}/objectives`,
        { title: 'Aidants accompagnés', collectiveObjective: 'engagement', description: 'Accompagner les aidants salariés du territoire' },
        { token: lead.accessToken },
      ),
    );
    ids['objective'] = objective.id;
    const indicator = await ok(
      api.post(
        `/api/objectives/${objective.id}/indicators`,
        {
          name: 'Aidants accompagnés',
          unit: 'personnes',
          baseline: 0,
          target: 200,
          startDate: '2026-01-01',
          targetDate: '2027-12-31',
          direction: 'increase',
          ownerOrganisationId: leadOrg,
        },
        { token: lead.accessToken },
      ),
    );
    ids['indicator'] = indicator.id;
    ids['checkin'] = (
      await ok(
        api.post(
          `/api/indicators/${indicator.id}/checkins`,
          { value: 60, date: '2026-06-30', note: SECRETS.checkInNote, confidence: 4 },
          { token: partner.accessToken },
        ),
      )
    ).id;
    ids['milestone'] = (
      await ok(
        api.post(
          `/api/objectives/${objective.id}/milestones`,
          { title: 'Lancement des permanences', ownerOrganisationId: partnerOrg, dueDate: '2026-09-01' },
          { token: lead.accessToken },
        ),
      )
    ).id;

    // An evaluation, answered with comments and closed; an action plan; an adapted template.
    const campaign = await ok(
      api.post(
        `${A}/evaluations`,
        { title: 'Bilan 2026', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
        { token: lead.accessToken },
      ),
    );
    ids['evaluation'] = campaign.id;
    const answers = (score: number) =>
      campaign.questions.map((q: { id: string }, i: number) => ({
        questionId: q.id,
        score,
        ...(i === 0 ? { comment: SECRETS.answerComment } : {}),
      }));
    for (const [s, score] of [
      [lead, 4],
      [partner, 2],
    ] as const)
      await ok(
        api.call('PUT', `/api/evaluations/${campaign.id}/responses/me`, {
          token: s.accessToken,
          body: { answers: answers(score), submit: true },
        }),
      );
    await ok(api.post(`/api/evaluations/${campaign.id}/close`, undefined, { token: lead.accessToken }));
    ids['question'] = campaign.questions[0].id;
    ids['action'] = (
      await ok(
        api.post(
          `/api/evaluations/${campaign.id}/actions`,
          { title: 'Comité trimestriel', ownerOrganisationId: partnerOrg, dueDate: '2027-03-01' },
          { token: partner.accessToken },
        ),
      )
    ).id;
    ids['template'] = (await ok(api.post(`${A}/evaluation-templates`, { title: 'Notre questionnaire' }, { token: lead.accessToken }))).id;

    // Funding: the funder's grant (a report submitted by the partners), another funder's grant.
    const grant = await ok(
      api.post(
        `${A}/grants`,
        {
          funderOrganisationId: funderOrg,
          amount: 40_000,
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          reports: [{ title: 'Rapport intermédiaire', dueOn: '2026-06-30' }],
          tranches: [
            { amount: 15_000, dueOn: '2026-02-01' },
            { amount: 25_000, dueOn: '2026-09-01', requiresReport: 0 },
          ],
        },
        { token: funder.accessToken },
      ),
    );
    ids['grant'] = grant.id;
    ids['tranche'] = grant.tranches[0].id;
    ids['report'] = grant.reports[0].id;
    await ok(
      api.post(
        `/api/reports/${ids['report']}/submission`,
        { submission: '80 aidants accompagnés au premier semestre.' },
        { token: partner.accessToken },
      ),
    );
    await ok(
      api.post(
        `${A}/grants`,
        {
          funderOrganisationId: otherFunderOrg,
          amount: 9_000,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          conditions: SECRETS.otherGrant,
          reports: [],
          tranches: [],
        },
        { token: otherFunder.accessToken },
      ),
    );
    await ok(
      api.post(
        `${A}/contributions`,
        { organisationId: partnerOrg, kind: 'skills', description: 'Mécénat de compétences RH', valuation: 6000 },
        { token: partner.accessToken },
      ),
    );

    // A case-study card awaiting the partners' consent, and a comment.
    ids['caseStudy'] = (
      await ok(
        api.call('PUT', `${A}/case-study`, {
          token: lead.accessToken,
          body: { title: 'Aidants salariés à Lyon', summary: SECRETS.caseStudy, indicatorIds: [ids['indicator']] },
        }),
      )
    ).id;
    ids['comment'] = (
      await ok(
        api.post(
          '/api/comments',
          { allianceId: ids['alliance'], target: { type: 'alliance', id: ids['alliance'] }, body: SECRETS.comment },
          { token: partner.accessToken },
        ),
      )
    ).id;

    // Governance (issue 17): the partners' decisions and actions are theirs, not the funder's.
    ids['decision'] = (
      await ok(
        api.post(
          `${A}/decisions`,
          {
            title: 'Ouvrir une permanence',
            proposal: 'Proposition des partenaires',
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            rule: 'consent',
          },
          { token: lead.accessToken },
        ),
      )
    ).id;
    ids['governanceAction'] = (
      await ok(
        api.post(
          `${A}/actions`,
          { title: 'Préparer la permanence', assigneeUserId: partner.user.id, dueOn: '2027-03-01' },
          { token: lead.accessToken },
        ),
      )
    ).id;

    // Meetings (issue 17) are the partners' work: a funder follows grants, not the steering committee's minutes.
    ids['meeting'] = (
      await ok(
        api.post(
          `${A}/meetings`,
          { title: SECRETS.meeting, startsAt: '2027-02-01T09:00:00Z', endsAt: '2027-02-01T11:00:00Z', agenda: [{ title: 'Budget' }] },
          { token: lead.accessToken },
        ),
      )
    ).id;
    const minutesWriter = await CollabClient.joinMinutes(proc.url, partner.accessToken, ids['meeting']);
    minutesWriter.paragraph('minutes', SECRETS.minutes);
    await minutesWriter.flush();
    minutesWriter.close();
    // Documents (issue 17): one for the partners, one attached to the report for the funders too.
    const documents = `${proc.url}/api/alliances/${ids['alliance']}/documents`;
    const partnersOnly = await upload(
      documents,
      partner.accessToken,
      { visibility: 'alliance' },
      { name: `${SECRETS.document}.pdf`, bytes: pdfBytes() },
    );
    const forFunders = await upload(
      documents,
      partner.accessToken,
      { visibility: 'funders', targetType: 'grant_report', targetId: ids['report'] },
      { name: 'Rapport intermédiaire.pdf', bytes: pdfBytes() },
    );
    if (partnersOnly.status !== 201 || forFunders.status !== 201)
      throw new Error(`document upload answered ${partnersOnly.status}/${forFunders.status}`);
    ids['document'] = partnersOnly.body.id;
    ids['funderDocument'] = forFunders.body.id;
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  /**
   * Every alliance-scoped route, and how the funder fares on it. Bodies are valid, so that a refusal is
   * the access rule speaking and not validation. `own` are the funder's own acts (its grant, its seat).
   */
  function probesOf(key: string): Probe[] | undefined {
    const a = { id: ids['alliance'] };
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const table: Record<string, Probe[]> = {
      // Alliance
      'GET /api/alliances/{id}': [{ params: a, expect: 'visible' }],
      'PATCH /api/alliances/{id}': [{ params: a, body: { name: 'Renommée par le financeur', version: 1 }, expect: 'hidden' }],
      'POST /api/alliances/{id}/members': [{ params: a, body: { organisationId: otherFunderOrg, role: 'observer' }, expect: 'hidden' }],
      // A funder neither removes a partner nor takes the lead (its own seat's leaving is in alliance-changes.e2e-spec.ts:
      // probed here it would end the funder's access before the other writes run).
      'DELETE /api/alliances/{id}/members/{organisationId}': [{ params: { ...a, organisationId: partnerOrg }, expect: 'hidden' }],
      'POST /api/alliances/{id}/lead': [{ params: a, body: { organisationId: funderOrg }, expect: 'hidden' }],
      'POST /api/alliances/{id}/members/{organisationId}/accept': [
        { params: { ...a, organisationId: funderOrg }, expect: 'own', statuses: [409] },
        { params: { ...a, organisationId: partnerOrg }, expect: 'hidden' },
      ],
      'POST /api/alliances/{id}/members/{organisationId}/decline': [
        { params: { ...a, organisationId: funderOrg }, expect: 'own', statuses: [409] },
        { params: { ...a, organisationId: partnerOrg }, expect: 'hidden' },
      ],
      'PUT /api/alliances/{id}/members/{organisationId}/objective': [
        {
          params: { ...a, organisationId: funderOrg },
          body: { square: ['positioning'], expectations: 'Un impact mesuré', contributions: { financial: '40 000 €' } },
          expect: 'own',
          statuses: [200],
        },
        {
          params: { ...a, organisationId: partnerOrg },
          body: { square: [], expectations: 'Réécrit', contributions: {} },
          expect: 'hidden',
        },
      ],
      'GET /api/alliances/{id}/audit': [{ params: a, expect: 'visible' }],
      // Organisations not yet on the platform: the lead's admins invite them; a funder neither sees nor sends these.
      'GET /api/alliances/{id}/invitations': [{ params: a, expect: 'hidden' }],
      'POST /api/alliances/{id}/invitations': [
        { params: a, body: { email: 'nouvelle@financeur.test', organisationName: 'Invitée par le financeur' }, expect: 'hidden' },
      ],
      // Charter
      'GET /api/alliances/{id}/charter': [{ params: a, expect: 'visible' }],
      'GET /api/alliances/{id}/charter/signatures': [{ params: a, expect: 'visible' }],
      'GET /api/alliances/{id}/charter/versions': [{ params: a, expect: 'visible' }],
      'POST /api/alliances/{id}/charter/versions': [{ params: a, expect: 'hidden' }],
      'GET /api/alliances/{id}/charter/versions/{version}': [
        { params: { ...a, version: '1' }, expect: 'visible' },
        { params: { ...a, version: '2' }, expect: 'hidden' },
      ],
      'GET /api/alliances/{id}/charter/versions/{version}/export': [
        { params: { ...a, version: '1' }, query: 'format=md', expect: 'visible' },
        { params: { ...a, version: '2' }, query: 'format=md', expect: 'hidden' },
        { params: { ...a, version: '2' }, query: 'format=pdf', expect: 'hidden' },
      ],
      'GET /api/alliances/{id}/charter/diff': [
        { params: a, query: 'from=1', expect: 'hidden' },
        { params: a, query: 'from=1&to=2', expect: 'hidden' },
      ],
      'POST /api/alliances/{id}/charter/versions/{version}/signatures': [
        { params: { ...a, version: '2' }, body: { organisationId: funderOrg, sha256: '0'.repeat(64) }, expect: 'hidden' },
      ],
      'POST /api/alliances/{id}/charter/versions/{version}/change-requests': [
        { params: { ...a, version: '2' }, body: { organisationId: funderOrg, comment: 'Le financeur demande' }, expect: 'hidden' },
      ],
      // Objectives
      'GET /api/alliances/{id}/objectives': [{ params: a, expect: 'visible' }],
      'POST /api/alliances/{id}/objectives': [
        { params: a, body: { title: 'Objectif du financeur', collectiveObjective: 'performance', description: '' }, expect: 'hidden' },
      ],
      'GET /api/alliances/{id}/objectives/matrix': [{ params: a, expect: 'visible' }],
      'GET /api/alliances/{id}/objectives/export': [{ params: a, expect: 'visible' }],
      'PATCH /api/objectives/{id}': [{ params: { id: ids['objective'] }, body: { title: 'Réécrit par le financeur' }, expect: 'hidden' }],
      'PUT /api/objectives/{id}/benefits/{organisationId}': [
        { params: { id: ids['objective'], organisationId: funderOrg }, body: { squares: ['positioning'] }, expect: 'hidden' },
      ],
      'POST /api/objectives/{id}/indicators': [
        {
          params: { id: ids['objective'] },
          body: {
            name: 'Indicateur imposé',
            unit: '%',
            baseline: 0,
            target: 10,
            startDate: '2026-01-01',
            targetDate: '2027-01-01',
            direction: 'increase',
            ownerOrganisationId: funderOrg,
          },
          expect: 'hidden',
        },
      ],
      'POST /api/objectives/{id}/milestones': [
        {
          params: { id: ids['objective'] },
          body: { title: 'Jalon imposé', ownerOrganisationId: funderOrg, dueDate: '2026-12-01' },
          expect: 'hidden',
        },
      ],
      'PATCH /api/milestones/{id}': [{ params: { id: ids['milestone'] }, body: { done: true }, expect: 'hidden' }],
      'GET /api/indicators/{id}': [{ params: { id: ids['indicator'] }, expect: 'visible' }],
      'PATCH /api/indicators/{id}': [{ params: { id: ids['indicator'] }, body: { target: 100 }, expect: 'hidden' }],
      'POST /api/indicators/{id}/checkins': [
        { params: { id: ids['indicator'] }, body: { value: 190, date: '2026-07-01' }, expect: 'hidden' },
      ],
      'PATCH /api/checkins/{id}': [{ params: { id: ids['checkin'] }, body: { value: 1 }, expect: 'hidden' }],
      // Evaluation
      'GET /api/alliances/{id}/evaluations': [{ params: a, expect: 'visible' }],
      'POST /api/alliances/{id}/evaluations': [{ params: a, body: { title: 'Campagne du financeur', closesAt: future }, expect: 'hidden' }],
      'GET /api/alliances/{id}/evaluation-templates': [{ params: a, expect: 'hidden' }],
      'POST /api/alliances/{id}/evaluation-templates': [{ params: a, body: { title: 'Questionnaire du financeur' }, expect: 'hidden' }],
      'PUT /api/evaluation-templates/{id}/questions': [
        {
          params: { id: ids['template'] },
          body: { questions: [{ dimension: 'trust', focus: 'balance', text: { fr: 'Question imposée ?', en: 'Imposed question?' } }] },
          expect: 'hidden',
        },
      ],
      'GET /api/evaluations/{id}': [{ params: { id: ids['evaluation'] }, expect: 'visible' }],
      'GET /api/evaluations/{id}/responses/me': [{ params: { id: ids['evaluation'] }, expect: 'hidden' }],
      'PUT /api/evaluations/{id}/responses/me': [
        { params: { id: ids['evaluation'] }, body: { answers: [{ questionId: ids['question'], score: 5 }] }, expect: 'hidden' },
      ],
      'POST /api/evaluations/{id}/close': [{ params: { id: ids['evaluation'] }, expect: 'hidden' }],
      'GET /api/evaluations/{id}/results': [{ params: { id: ids['evaluation'] }, expect: 'visible' }],
      'GET /api/evaluations/{id}/results/export': [
        { params: { id: ids['evaluation'] }, query: 'format=csv', expect: 'visible' },
        { params: { id: ids['evaluation'] }, query: 'format=pdf', expect: 'visible' },
      ],
      'GET /api/evaluations/{id}/actions': [{ params: { id: ids['evaluation'] }, expect: 'visible' }],
      // Issue 18: the multi-year trend and the value created are aggregates a funder follows (its own grants only).
      'GET /api/alliances/{id}/evaluation-trend': [{ params: a, expect: 'visible' }],
      'GET /api/alliances/{id}/value-created': [{ params: a, expect: 'visible' }],
      'POST /api/evaluations/{id}/actions': [
        {
          params: { id: ids['evaluation'] },
          body: { title: 'Action imposée', ownerOrganisationId: partnerOrg, dueDate: '2027-03-01' },
          expect: 'hidden',
        },
      ],
      'PATCH /api/evaluation-actions/{id}': [{ params: { id: ids['action'] }, body: { done: true }, expect: 'hidden' }],
      // Funding
      'GET /api/alliances/{id}/grants': [{ params: a, expect: 'visible' }],
      'POST /api/alliances/{id}/grants': [
        {
          params: a,
          body: {
            funderOrganisationId: funderOrg,
            amount: 5000,
            startsOn: '2027-01-01',
            endsOn: '2027-12-31',
            reports: [],
            tranches: [{ amount: 5000, dueOn: '2027-02-01' }],
          },
          expect: 'own',
          statuses: [201],
        },
        {
          params: a,
          body: {
            funderOrganisationId: otherFunderOrg,
            amount: 5000,
            startsOn: '2027-01-01',
            endsOn: '2027-12-31',
            reports: [],
            tranches: [],
          },
          expect: 'hidden',
        },
      ],
      'PATCH /api/tranches/{id}': [{ params: { id: ids['tranche'] }, body: { status: 'paid' }, expect: 'own', statuses: [200] }],
      'POST /api/reports/{id}/submission': [
        { params: { id: ids['report'] }, body: { submission: 'Écrit par le financeur' }, expect: 'hidden' },
      ],
      'POST /api/reports/{id}/review': [{ params: { id: ids['report'] }, body: { approved: true }, expect: 'own', statuses: [200] }],
      'GET /api/alliances/{id}/contributions': [{ params: a, expect: 'visible' }],
      'POST /api/alliances/{id}/contributions': [
        {
          params: a,
          body: { organisationId: partnerOrg, kind: 'in_kind', description: 'Déclaré par le financeur', valuation: 1 },
          expect: 'hidden',
        },
      ],
      // Case-study library: the card is the partners' until every one of them consents.
      'GET /api/alliances/{id}/case-study': [{ params: a, expect: 'hidden' }],
      'PUT /api/alliances/{id}/case-study': [
        {
          params: a,
          body: {
            title: 'Fiche du financeur',
            summary: 'Une fiche rédigée par le financeur seul, sans les partenaires.',
            indicatorIds: [],
          },
          expect: 'hidden',
        },
      ],
      'POST /api/case-studies/{id}/consents': [{ params: { id: ids['caseStudy'] }, body: { organisationId: funderOrg }, expect: 'hidden' }],
      'DELETE /api/case-studies/{id}/consents/{organisationId}': [
        { params: { id: ids['caseStudy'], organisationId: funderOrg }, expect: 'hidden' },
      ],
      'GET /api/case-studies/{id}': [{ params: { id: ids['caseStudy'] }, expect: 'hidden' }],
      // The alliance's public page (issue 18): the lead's switch, never a funder's.
      'PUT /api/alliances/{id}/public-page': [{ params: a, body: { enabled: true }, expect: 'hidden' }],
      // Observatory (issue 18): the funder reads the participation, never opts in nor consents; the benchmark is the partners'.
      'GET /api/alliances/{id}/observatory': [{ params: a, expect: 'visible' }],
      'PUT /api/alliances/{id}/observatory': [{ params: a, body: { optIn: true }, expect: 'hidden' }],
      'POST /api/alliances/{id}/observatory/consents': [{ params: a, body: { organisationId: funderOrg }, expect: 'hidden' }],
      'DELETE /api/alliances/{id}/observatory/consents/{organisationId}': [
        { params: { ...a, organisationId: funderOrg }, expect: 'hidden' },
      ],
      'GET /api/alliances/{id}/benchmark': [{ params: a, expect: 'hidden' }],
      // Discussion
      'GET /api/comments': [{ params: {}, query: `allianceId=${ids['alliance']}`, expect: 'hidden' }],
      'POST /api/comments': [
        {
          params: {},
          body: { allianceId: ids['alliance'], target: { type: 'alliance', id: ids['alliance'] }, body: 'Le financeur s’invite' },
          expect: 'hidden',
        },
      ],
      'GET /api/comments/mentionable': [{ params: {}, query: `allianceId=${ids['alliance']}`, expect: 'hidden' }],
      'PATCH /api/comments/{id}': [{ params: { id: ids['comment'] }, body: { body: 'Réécrit' }, expect: 'hidden' }],
      'POST /api/comments/{id}/resolve': [{ params: { id: ids['comment'] }, body: { resolved: true }, expect: 'hidden' }],
      'DELETE /api/comments/{id}': [{ params: { id: ids['comment'] }, expect: 'hidden' }],
      // Governance (issue 17): decisions and actions are the lead's and partners' work; a funder sees none of it.
      'POST /api/alliances/{id}/decisions': [
        {
          params: a,
          body: { title: 'Décision du financeur', proposal: 'Imposée', closesAt: '2030-01-01T00:00:00Z', rule: 'majority' },
          expect: 'hidden',
        },
      ],
      'GET /api/alliances/{id}/decisions': [{ params: a, expect: 'hidden' }],
      'GET /api/alliances/{id}/decisions/export': [{ params: a, query: 'format=csv', expect: 'hidden' }],
      'GET /api/decisions/{id}': [{ params: { id: ids['decision'] }, expect: 'hidden' }],
      'PUT /api/decisions/{id}/positions/me': [
        { params: { id: ids['decision'] }, body: { organisationId: funderOrg, position: 'agree' }, expect: 'hidden' },
      ],
      'POST /api/decisions/{id}/close': [{ params: { id: ids['decision'] }, expect: 'hidden' }],
      'GET /api/alliances/{id}/people': [{ params: a, expect: 'hidden' }],
      'POST /api/alliances/{id}/actions': [
        { params: a, body: { title: 'Action du financeur', assigneeUserId: partner.user.id, dueOn: '2027-03-01' }, expect: 'hidden' },
      ],
      'GET /api/alliances/{id}/actions': [{ params: a, expect: 'hidden' }],
      'PATCH /api/actions/{id}': [{ params: { id: ids['governanceAction'] }, body: { status: 'done', version: 1 }, expect: 'hidden' }],
      // Meetings and their minutes (issue 17): the partners' (and observers') only.
      'GET /api/alliances/{id}/meetings': [{ params: a, expect: 'hidden' }],
      'POST /api/alliances/{id}/meetings': [
        {
          params: a,
          body: {
            title: 'Réunion du financeur',
            startsAt: future,
            endsAt: new Date(Date.parse(future) + 3_600_000).toISOString(),
            agenda: [],
          },
          expect: 'hidden',
        },
      ],
      'GET /api/meetings/{id}': [{ params: { id: ids['meeting'] }, expect: 'hidden' }],
      'PATCH /api/meetings/{id}': [{ params: { id: ids['meeting'] }, body: { title: 'Réécrit par le financeur' }, expect: 'hidden' }],
      'POST /api/meetings/{id}/cancel': [{ params: { id: ids['meeting'] }, expect: 'hidden' }],
      'POST /api/meetings/{id}/attendance': [
        { params: { id: ids['meeting'] }, body: { organisationId: funderOrg, present: [] }, expect: 'hidden' },
      ],
      'GET /api/meetings/{id}/minutes': [{ params: { id: ids['meeting'] }, expect: 'hidden' }],
      // The meeting as an `.ics` file (issue 17, calendar lib): as hidden as the meeting itself.
      'GET /api/meetings/{id}/ics': [{ params: { id: ids['meeting'] }, expect: 'hidden' }],
      'POST /api/meetings/{id}/minutes/finalise': [{ params: { id: ids['meeting'] }, expect: 'hidden' }],
      'POST /api/meetings/{id}/minutes/reopen': [{ params: { id: ids['meeting'] }, expect: 'hidden' }],
      'POST /api/meetings/{id}/minutes/approve': [
        { params: { id: ids['meeting'] }, body: { sha256: '0'.repeat(64), organisationId: funderOrg }, expect: 'hidden' },
      ],
      // Documents: the funder sees those whose visibility says funders, never the partners' own.
      'GET /api/alliances/{id}/documents': [{ params: a, expect: 'visible' }],
      'POST /api/alliances/{id}/documents': [{ params: a, body: { visibility: 'funders' }, expect: 'hidden' }],
      'GET /api/documents/{id}': [
        { params: { id: ids['funderDocument'] }, expect: 'visible' },
        { params: { id: ids['document'] }, expect: 'hidden' },
      ],
      'GET /api/documents/{id}/content': [
        { params: { id: ids['funderDocument'] }, expect: 'visible' },
        { params: { id: ids['document'] }, expect: 'hidden' },
      ],
      'POST /api/documents/{id}/versions': [
        { params: { id: ids['funderDocument'] }, body: {}, expect: 'hidden' },
        { params: { id: ids['document'] }, body: {}, expect: 'hidden' },
      ],
      'DELETE /api/documents/{id}': [
        { params: { id: ids['funderDocument'] }, expect: 'hidden' },
        { params: { id: ids['document'] }, expect: 'hidden' },
      ],
      // The evaluation schedule (issue 18): the partners' planning, neither read nor set by the funder.
      'GET /api/alliances/{id}/evaluation-schedule': [{ params: a, expect: 'hidden' }],
      'PUT /api/alliances/{id}/evaluation-schedule': [
        { params: a, body: { rhythm: 'yearly', nextLaunchOn: '2099-01-01', durationDays: 14 }, expect: 'hidden' },
      ],
    };
    return table[key];
  }

  /** A route that reaches into one alliance or one of its objects. */
  const allianceScoped = (op: Operation): boolean =>
    /^\/api\/alliances\/\{id\}/.test(op.path) ||
    /^\/api\/(objectives|indicators|checkins|milestones|evaluations|evaluation-templates|evaluation-actions|tranches|reports|case-studies|decisions|actions|meetings|documents)\/\{/.test(
      op.path,
    ) ||
    op.path.startsWith('/api/comments');

  it('classifies every alliance-scoped route and lets the funder reach exactly what it may see', async () => {
    const operations = (await listOperations(proc.url)).filter(allianceScoped);
    const unclassified = operations.map(operationKey).filter((key) => !probesOf(key));
    expect(unclassified).toEqual([]);
    // Writes run last, so that a refused write shows on its own and the reads see the world as set up.
    const ordered = [...operations.filter((o) => o.method === 'GET'), ...operations.filter((o) => o.method !== 'GET')];

    const failures: string[] = [];
    const journal: string[] = [];
    const tally: Record<Expectation, Record<number, number>> = { visible: {}, hidden: {}, own: {} };
    let probed = 0;
    for (const op of ordered) {
      for (const probe of probesOf(operationKey(op)) as Probe[]) {
        const url = fillPath(op.path, probe.params) + (probe.query ? `?${probe.query}` : '');
        // Reads are checked for every member of the funder organisation; acts by its admin.
        const callers = op.method === 'GET' ? [funder, funderMember] : [funder];
        for (const caller of callers) {
          const res = await api.call(op.method, url, { token: caller.accessToken, body: probe.body });
          probed += 1;
          tally[probe.expect][res.status] = (tally[probe.expect][res.status] ?? 0) + 1;
          const where = `${op.method} ${url} (${caller === funder ? 'funder admin' : 'funder member'}) → ${res.status}`;
          journal.push(
            `${probe.expect.padEnd(7)} ${operationKey(op)}${probe.query ? `?${probe.query}` : ''} [${Object.entries(probe.params)
              .filter(([k]) => k !== 'id')
              .map(([k, v]) => `${k}=${v === funderOrg ? 'funder' : v === partnerOrg ? 'partner' : v}`)
              .join(' ')}] ${caller === funder ? 'admin' : 'member'} → ${res.status}`,
          );
          const allowed = probe.expect === 'visible' ? [200] : probe.expect === 'hidden' ? [403, 404] : (probe.statuses as number[]);
          if (!allowed.includes(res.status)) failures.push(`${where}, expected ${allowed.join('/')}: ${res.text.slice(0, 200)}`);
          const leaked = Object.entries(SECRETS).filter(([, secret]) => res.text.includes(secret));
          if (leaked.length) failures.push(`${where} shows ${leaked.map(([k]) => k).join(', ')}`);
        }
      }
    }
    const line = (e: Expectation) => `${e} ${JSON.stringify(tally[e])}`;
    console.log(
      `funder visibility: ${operations.length} alliance-scoped routes, ${probed} probes — ${line('visible')}, ${line('hidden')}, ${line('own')}; ${failures.length} failures`,
    );
    if (process.env['FUNDER_VISIBILITY_VERBOSE']) console.log(journal.join('\n'));
    expect(failures).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(60);
    // One call per probe and caller over every alliance-scoped route (more with each issue): the 60 s default leaves
    // no headroom on the loaded, shared test machine. Three minutes do.
  }, 180_000);

  it('refuses the funder at the door of the live charter, where a partner gets in', async () => {
    await expect(CollabClient.join(proc.url, funder.accessToken, ids['alliance'])).rejects.toMatchObject({
      answer: { error: 'not_found' },
    });
    await expect(CollabClient.join(proc.url, funderMember.accessToken, ids['alliance'])).rejects.toMatchObject({
      answer: { error: 'not_found' },
    });
    const partnerSide = await CollabClient.join(proc.url, partner.accessToken, ids['alliance']);
    expect(partnerSide.text('resources')).toContain(SECRETS.draft);
    partnerSide.close();
    console.log(
      'funder visibility: /collab charter:join → funder admin {error: not_found}, funder member {error: not_found}, partner {ok: true}',
    );
  });

  it('refuses the funder at the door of a meeting’s minutes, as for an unknown meeting, where a partner gets in (issue 17)', async () => {
    for (const s of [funder, funderMember]) {
      await expect(CollabClient.joinMinutes(proc.url, s.accessToken, ids['meeting'])).rejects.toMatchObject({
        answer: { error: 'not_found' },
      });
    }
    const partnerSide = await CollabClient.joinMinutes(proc.url, partner.accessToken, ids['meeting']);
    expect(partnerSide.text('minutes')).toContain(SECRETS.minutes);
    partnerSide.close();
  });

  it('shows the funder the status and the text in force, not the proposal or the draft', async () => {
    const A = `/api/alliances/${ids['alliance']}`;
    const charter = (await api.get(`${A}/charter`, { token: funderMember.accessToken })).body;
    expect(charter).toMatchObject({ state: 'proposed', inForceVersion: 1, latestVersion: 2 });
    expect(charter.sections.find((s: { key: string }) => s.key === 'context').markdown).toContain(SIGNED_TEXT);
    const versions = (await api.get(`${A}/charter/versions`, { token: funderMember.accessToken })).body;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'in_force']]);
    const board = (await api.get(`${A}/charter/signatures`, { token: funderMember.accessToken })).body;
    expect(board).toMatchObject({ latestVersion: 2, inForceVersion: 1 });
    // The partners still see everything.
    expect((await api.get(`${A}/charter/versions`, { token: partner.accessToken })).body).toHaveLength(2);
    expect((await api.get(`${A}/charter`, { token: partner.accessToken })).text).toContain(SECRETS.draft);
  });

  it('shows progress and aggregates, without the notes and answers behind them', async () => {
    const A = `/api/alliances/${ids['alliance']}`;
    const objectives = (await api.get(`${A}/objectives`, { token: funderMember.accessToken })).body;
    expect(objectives[0].indicators[0]).toMatchObject({ latest: { value: 60, date: '2026-06-30' } });
    expect(objectives[0].progress).toBeCloseTo(0.3);
    const indicator = (await api.get(`/api/indicators/${ids['indicator']}`, { token: funderMember.accessToken })).body;
    expect(indicator.checkIns).toEqual([expect.objectContaining({ value: 60, note: null })]);
    expect((await api.get(`/api/indicators/${ids['indicator']}`, { token: partner.accessToken })).body.checkIns[0].note).toBe(
      SECRETS.checkInNote,
    );

    const results = (await api.get(`/api/evaluations/${ids['evaluation']}/results`, { token: funderMember.accessToken })).body;
    expect(results.respondents).toBe(2);
    expect(results.dimensions[0].mean).toBeCloseTo(3);
    expect(results.questions.every((q: { comments: string[] }) => q.comments.length === 0)).toBe(true);
    const partnerView = (await api.get(`/api/evaluations/${ids['evaluation']}/results`, { token: partner.accessToken })).body;
    expect(partnerView.questions[0].comments).toEqual([SECRETS.answerComment, SECRETS.answerComment]);
  });

  it('shows the funder its own grants and the alliance log of what it may follow', async () => {
    const A = `/api/alliances/${ids['alliance']}`;
    const grants = (await api.get(`${A}/grants`, { token: funderMember.accessToken })).body;
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g: { funderOrganisationId: string }) => g.funderOrganisationId === funderOrg)).toBe(true);
    expect(
      (await api.get(`${A}/grants`, { token: partner.accessToken })).body.map(
        (g: { funderOrganisationId: string }) => g.funderOrganisationId,
      ),
    ).toContain(otherFunderOrg);
    const audit = (await api.get(`${A}/audit?limit=200`, { token: funderMember.accessToken })).body.items.map(
      (i: { action: string }) => i.action,
    );
    expect(audit).toEqual(expect.arrayContaining(['charter.in_force', 'grant.created', 'evaluation.closed']));
    for (const hidden of ['comment.created', 'charter.version_proposed', 'evaluation.response_submitted'])
      expect(audit).not.toContain(hidden);
  });

  it('counts in the value created the funder’s own grants, never another funder’s (issue 18)', async () => {
    const A = `/api/alliances/${ids['alliance']}`;
    const seen = (await api.get(`${A}/value-created`, { token: funderMember.accessToken })).body;
    expect(seen.organisations.map((o: { organisationId: string }) => o.organisationId)).not.toContain(otherFunderOrg);
    expect(
      seen.organisations.find((o: { organisationId: string }) => o.organisationId === funderOrg)?.grantsCommitted,
    ).toBeGreaterThanOrEqual(40_000);
    expect(seen.totals.contributions).toBe(6000);
    const partnerView = (await api.get(`${A}/value-created`, { token: partner.accessToken })).body;
    expect(partnerView.organisations.find((o: { organisationId: string }) => o.organisationId === otherFunderOrg)?.grantsCommitted).toBe(
      9000,
    );
    expect(partnerView.totals.grantsCommitted - seen.totals.grantsCommitted).toBe(9000);
    // The trend is the aggregates the funder already reads on the results: no comment, no answer.
    const trend = (await api.get(`${A}/evaluation-trend`, { token: funderMember.accessToken })).body;
    expect(trend.campaigns.map((c: { campaignId: string }) => c.campaignId)).toEqual([ids['evaluation']]);
  });
});
