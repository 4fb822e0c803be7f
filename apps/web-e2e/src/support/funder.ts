import type { ApiClient } from '@alliances/e2e/support';

type Session = Awaited<ReturnType<ApiClient['signUp']>>;

/**
 * Through the API: Dominique Fondation's "Fondation Solidaire" joins the alliance as a funder (invited by the
 * lead, accepted) and grants it 40 000 € with one report to hand in, "Rapport intermédiaire".
 */
export async function fundedByAFoundation(
  client: ApiClient,
  adminEmail: string,
  allianceId: string,
  lead: Session,
): Promise<{ foundation: Session; funderOrg: string; grantId: string }> {
  const admin = await client.login(adminEmail);
  const foundation = await client.signUp({ displayName: 'Dominique Fondation' });
  const funderOrg = (await client.applyOrganisation(foundation, { name: 'Fondation Solidaire', profile: 'foundation' })).id as string;
  await client.approveOrganisation(admin, funderOrg);
  const A = `/api/alliances/${allianceId}`;
  expect((await client.post(`${A}/members`, { organisationId: funderOrg, role: 'funder' }, { token: lead.accessToken })).status).toBe(201);
  expect((await client.post(`${A}/members/${funderOrg}/accept`, undefined, { token: foundation.accessToken })).status).toBe(200);
  const grant = await client.post(
    `${A}/grants`,
    {
      funderOrganisationId: funderOrg,
      amount: 40_000,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      reports: [{ title: 'Rapport intermédiaire', dueOn: '2026-06-30' }],
      tranches: [{ amount: 40_000, dueOn: '2026-02-01' }],
    },
    { token: foundation.accessToken },
  );
  expect(grant.status).toBe(201);
  return { foundation, funderOrg, grantId: grant.body.id as string };
}
