import type { Alliance } from '@alliances/shared/contracts';

/** The alliance's active lead and partner organisations: whom a meeting invites by default. */
export function invitableOrganisations(alliance: Alliance): { organisationId: string; organisationName: string }[] {
  return alliance.members
    .filter((m) => (m.role === 'lead' || m.role === 'partner') && m.status === 'active')
    .map((m) => ({ organisationId: m.organisationId, organisationName: m.organisationName }));
}

/** Leads and partners of an open alliance schedule meetings (observers and funders follow them). */
export function canSchedule(alliance: Alliance): boolean {
  return alliance.status !== 'closed' && alliance.myRoles.some((r) => (r.role === 'lead' || r.role === 'partner') && r.status === 'active');
}
