import type { AuthUser } from '@alliances/api/core';
import type { MembershipSummary } from '@alliances/shared/contracts';
import type { EntityManager } from 'typeorm';

/** What the RGPD export holds about the person's organisations: rows as the database gives them. */
export interface MembershipsExport {
  memberships: unknown[];
  invitationsSent: unknown[];
  invitationsReceived: unknown[];
}

/**
 * The organisations side of `/me`, which identity may not import: the organisations domain provides
 * it (see `AccountModule.register`).
 */
export abstract class AccountMemberships {
  /** The person's memberships, as `/me` shows them. */
  abstract mine(user: AuthUser): Promise<MembershipSummary[]>;
  /** Memberships and invitations (sent, and addressed to the person's `email`), for the RGPD export. */
  abstract exportOf(userId: string, email: string | null): Promise<MembershipsExport>;
  /** Names of the organisations where the person is the only admin while other members remain. */
  abstract lastAdminOf(userId: string, manager: EntityManager): Promise<{ name: string }[]>;
  /** Removes every membership of the person (RGPD erasure), in the caller's transaction. */
  abstract removeAll(userId: string, manager: EntityManager): Promise<void>;
}
