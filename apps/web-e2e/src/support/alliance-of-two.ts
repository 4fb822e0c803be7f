import type { ApiClient } from '@alliances/e2e/support';

type Session = Awaited<ReturnType<ApiClient['signUp']>>;

/**
 * The browser specs' usual alliance, set up through the API: Camille Martin leads "Alliance des aidants"
 * for Les Jardins Partagés; Sacha Petit's Coopérative Solaire is invited and has accepted as a partner.
 */
export async function allianceOfTwo(
  client: ApiClient,
  adminEmail: string,
): Promise<{ camille: Session; sacha: Session; leadOrg: string; partnerOrg: string; allianceId: string }> {
  const admin = await client.login(adminEmail);
  const [camille, sacha] = await Promise.all([
    client.signUp({ displayName: 'Camille Martin' }),
    client.signUp({ displayName: 'Sacha Petit' }),
  ]);
  const leadOrg = (await client.applyOrganisation(camille, { name: 'Les Jardins Partagés' })).id as string;
  const partnerOrg = (await client.applyOrganisation(sacha, { name: 'Coopérative Solaire' })).id as string;
  await client.approveOrganisation(admin, leadOrg);
  await client.approveOrganisation(admin, partnerOrg);
  const created = await client.post(
    '/api/alliances',
    {
      name: 'Alliance des aidants',
      purpose: 'Soutenir les aidants salariés',
      category: 'societal_innovation',
      collectiveObjectives: ['engagement'],
      domains: ['carers'],
      scale: 'local',
      territoryCodes: ['69123'],
      organisationId: leadOrg,
    },
    { token: camille.accessToken },
  );
  expect(created.status).toBe(201);
  const allianceId = created.body.id as string;
  const A = `/api/alliances/${allianceId}`;
  expect((await client.post(`${A}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: camille.accessToken })).status).toBe(
    201,
  );
  expect((await client.post(`${A}/members/${partnerOrg}/accept`, undefined, { token: sacha.accessToken })).status).toBe(200);
  return { camille, sacha, leadOrg, partnerOrg, allianceId };
}
