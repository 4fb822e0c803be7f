import type { Alliance, MembershipSummary } from '@alliances/shared/contracts';

export interface OrganisationOption {
  organisationId: string;
  organisationName: string;
}

function nameOf(alliance: Alliance, organisationId: string): string {
  return alliance.members.find((m) => m.organisationId === organisationId)?.organisationName ?? '';
}

/**
 * The funder organisations (financeurs) the caller acts for in this alliance: an active `funder` seat
 * of an organisation the caller administers (the API's rule for grants, payments and reviews).
 */
export function funderAdminOrganisations(alliance: Alliance, memberships: MembershipSummary[]): OrganisationOption[] {
  return alliance.myRoles
    .filter(
      (r) =>
        r.role === 'funder' &&
        r.status === 'active' &&
        memberships.some((m) => m.organisationId === r.organisationId && m.role === 'admin'),
    )
    .map((r) => ({ organisationId: r.organisationId, organisationName: nameOf(alliance, r.organisationId) }));
}

/** The caller's organisations that are lead or partner here: they record their own contributions (apports). */
export function partnerOrganisations(alliance: Alliance): OrganisationOption[] {
  return alliance.myRoles
    .filter((r) => (r.role === 'lead' || r.role === 'partner') && r.status === 'active')
    .map((r) => ({ organisationId: r.organisationId, organisationName: nameOf(alliance, r.organisationId) }));
}
