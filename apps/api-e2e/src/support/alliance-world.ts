import { randomSiren, type ApiClient, type ApiProcess, type Session } from '@alliances/e2e/support';
import { CollabClient } from '@alliances/e2e/support';

/**
 * One tenant with a row in every alliance-scoped table, made through the API as people would: a lead
 * and a partner organisation, a funder organisation, the live charter with a signed version,
 * objectives and their measures, an evaluation answered and closed, funding, a case-study card and a
 * discussion. Used by the robustness specs (row-level security, fuzzing, concurrency).
 */
export interface AllianceWorld {
  lead: Session;
  partner: Session;
  funder: Session;
  leadOrg: string;
  partnerOrg: string;
  funderOrg: string;
  allianceId: string;
  /** Ids of one object of each kind: objective, indicator, checkin, milestone, evaluation, question, action, template, grant, tranche, report, contribution, caseStudy, comment, meeting. */
  ids: Record<string, string>;
  name: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- setup answers are read field by field
const ok = async <T = any>(res: Promise<{ status: number; body: T; text: string }>): Promise<T> => {
  const r = await res;
  if (r.status >= 300) throw new Error(`setup call answered ${r.status}: ${r.text.slice(0, 300)}`);
  return r.body;
};

export async function buildAllianceWorld(
  api: ApiClient,
  proc: ApiProcess,
  admin: Session,
  label: string,
  options: { publishCaseStudy?: boolean } = {},
): Promise<AllianceWorld> {
  const [lead, partner, funder] = await Promise.all(
    ['Pilote', 'Partenaire', 'Fondation'].map((who) => api.signUp({ displayName: `${who} ${label}` })),
  );
  const org = async (s: Session, name: string, profile: string) => {
    const o = await api.applyOrganisation(s, {
      name,
      profile,
      ...(profile === 'association' ? {} : { rna: undefined, siren: randomSiren() }),
    });
    await api.approveOrganisation(admin, o.id);
    return o.id as string;
  };
  const [leadOrg, partnerOrg, funderOrg] = await Promise.all([
    org(lead, `Association ${label}`, 'association'),
    org(partner, `Entreprise ${label}`, 'company'),
    org(funder, `Fondation ${label}`, 'foundation'),
  ]);
  const name = `Alliance ${label}`;
  const alliance = await ok(
    api.post(
      '/api/alliances',
      {
        name,
        purpose: `Raison d’être ${label}`,
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
  const allianceId: string = alliance.id;
  const A = `/api/alliances/${allianceId}`;
  for (const [o, role, s] of [
    [partnerOrg, 'partner', partner],
    [funderOrg, 'funder', funder],
  ] as const) {
    await ok(api.post(`${A}/members`, { organisationId: o, role }, { token: lead.accessToken }));
    await ok(api.post(`${A}/members/${o}/accept`, undefined, { token: s.accessToken }));
  }
  const ids: Record<string, string> = {};

  // Charter: a paragraph written live, frozen and signed by the lead.
  const writer = await CollabClient.join(proc.url, lead.accessToken, allianceId);
  writer.paragraph('context', `Contexte partagé ${label}`);
  await writer.flush();
  writer.close();
  const v1 = await ok(api.post(`${A}/charter/versions`, undefined, { token: lead.accessToken }));
  await ok(api.post(`${A}/charter/versions/1/signatures`, { organisationId: leadOrg, sha256: v1.sha256 }, { token: lead.accessToken }));

  // Objectives and their measures.
  const objective = await ok(
    api.post(
      `${A}/objectives`,
      { title: `Objectif ${label}`, collectiveObjective: 'engagement', description: 'Accompagner les aidants' },
      { token: lead.accessToken },
    ),
  );
  ids['objective'] = objective.id;
  const indicator = await ok(
    api.post(
      `/api/objectives/${objective.id}/indicators`,
      {
        name: `Aidants ${label}`,
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
        { value: 60, date: '2026-06-30', note: 'Note', confidence: 4 },
        { token: partner.accessToken },
      ),
    )
  ).id;
  ids['milestone'] = (
    await ok(
      api.post(
        `/api/objectives/${objective.id}/milestones`,
        { title: 'Lancement', ownerOrganisationId: partnerOrg, dueDate: '2026-09-01' },
        { token: lead.accessToken },
      ),
    )
  ).id;
  await ok(
    api.call('PUT', `/api/objectives/${objective.id}/benefits/${partnerOrg}`, {
      token: partner.accessToken,
      body: { squares: ['processes'] },
    }),
  );

  // An evaluation answered and closed, an action, an adapted template.
  const campaign = await ok(
    api.post(
      `${A}/evaluations`,
      { title: `Bilan ${label}`, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      { token: lead.accessToken },
    ),
  );
  ids['evaluation'] = campaign.id;
  ids['question'] = campaign.questions[0].id;
  const answers = campaign.questions.map((q: { id: string }) => ({ questionId: q.id, score: 4 }));
  for (const s of [lead, partner])
    await ok(api.call('PUT', `/api/evaluations/${campaign.id}/responses/me`, { token: s.accessToken, body: { answers, submit: true } }));
  await ok(api.post(`/api/evaluations/${campaign.id}/close`, undefined, { token: lead.accessToken }));
  ids['action'] = (
    await ok(
      api.post(
        `/api/evaluations/${campaign.id}/actions`,
        { title: 'Comité trimestriel', ownerOrganisationId: partnerOrg, dueDate: '2027-03-01' },
        { token: partner.accessToken },
      ),
    )
  ).id;
  ids['template'] = (await ok(api.post(`${A}/evaluation-templates`, { title: `Questionnaire ${label}` }, { token: lead.accessToken }))).id;

  // Funding.
  const grant = await ok(
    api.post(
      `${A}/grants`,
      {
        funderOrganisationId: funderOrg,
        amount: 40_000,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        reports: [{ title: 'Rapport', dueOn: '2026-06-30' }],
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
  ids['contribution'] = (
    await ok(
      api.post(
        `${A}/contributions`,
        { organisationId: partnerOrg, kind: 'skills', description: 'Mécénat de compétences', valuation: 6000 },
        { token: partner.accessToken },
      ),
    )
  ).id;

  // A case-study card (published when asked: both partners consent) and a discussion.
  ids['caseStudy'] = (
    await ok(
      api.call('PUT', `${A}/case-study`, {
        token: lead.accessToken,
        body: { title: `Étude ${label}`, summary: `Résumé de l’étude de cas ${label}`, indicatorIds: [ids['indicator']] },
      }),
    )
  ).id;
  if (options.publishCaseStudy) {
    for (const [s, o] of [
      [lead, leadOrg],
      [partner, partnerOrg],
    ] as const)
      await ok(api.post(`/api/case-studies/${ids['caseStudy']}/consents`, { organisationId: o }, { token: s.accessToken }));
  }
  ids['comment'] = (
    await ok(
      api.post(
        '/api/comments',
        { allianceId, target: { type: 'alliance', id: allianceId }, body: `Discussion ${label}` },
        { token: partner.accessToken },
      ),
    )
  ).id;

  // A meeting (issue 17): attendance recorded, minutes written live, frozen and approved by both organisations.
  const meeting = await ok(
    api.post(
      `${A}/meetings`,
      { title: `Comité ${label}`, startsAt: '2026-03-02T09:00:00Z', endsAt: '2026-03-02T11:00:00Z', agenda: [{ title: 'Bilan' }] },
      { token: lead.accessToken },
    ),
  );
  ids['meeting'] = meeting.id;
  await ok(
    api.post(
      `/api/meetings/${meeting.id}/attendance`,
      { organisationId: partnerOrg, present: [partner.user.id] },
      { token: partner.accessToken },
    ),
  );
  const minutesWriter = await CollabClient.joinMinutes(proc.url, partner.accessToken, meeting.id);
  minutesWriter.paragraph('minutes', `Compte rendu ${label}`);
  await minutesWriter.flush();
  minutesWriter.close();
  const minutes = await ok(api.post(`/api/meetings/${meeting.id}/minutes/finalise`, undefined, { token: lead.accessToken }));
  for (const s of [lead, partner])
    await ok(api.post(`/api/meetings/${meeting.id}/minutes/approve`, { sha256: minutes.current.sha256 }, { token: s.accessToken }));

  return { lead, partner, funder, leadOrg, partnerOrg, funderOrg, allianceId, ids, name };
}
