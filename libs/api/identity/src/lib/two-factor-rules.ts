import type { TwoFactorRequirement } from '@alliances/shared/contracts';

/**
 * The organisations' side of the two-step sign-in rule, which identity may not import: the
 * organisations domain owns `organisations.require_two_factor` and the memberships, and provides this
 * reader (see `OrganisationsModule`); the gate finds it in the application.
 */
export abstract class TwoFactorRules {
  /** Organisations whose rule covers the person: it is on, and they are an admin or a signatory of it. */
  abstract coveringOrganisations(userId: string): Promise<TwoFactorRequirement['organisations']>;
}
