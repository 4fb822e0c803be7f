import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What another domain may do when an organisation applies or is approved, inside that transaction. */
export interface OrganisationHook {
  /** The applicant brought an alliance invitation token; throw a domain exception to refuse the application. */
  applied?(
    event: { organisationId: string; userId: string; allianceInvitationToken: string; ip: string | null },
    manager: EntityManager,
  ): Promise<void>;
  /** A platform admin approved the organisation. */
  approved?(event: { organisationId: string; adminId: string; ip: string | null }, manager: EntityManager): Promise<void>;
}

/**
 * Lets other domains react to an application and its approval in the same transaction (proposals
 * turns an external alliance invitation into a pending partner seat) without organisations naming
 * their tables or importing them (docs/decisions/0012-table-ownership.md).
 */
@Injectable()
export class OrganisationHooks {
  private readonly hooks: OrganisationHook[] = [];

  register(hook: OrganisationHook): void {
    this.hooks.push(hook);
  }

  async applied(event: Parameters<NonNullable<OrganisationHook['applied']>>[0], manager: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook.applied?.(event, manager);
  }

  async approved(event: Parameters<NonNullable<OrganisationHook['approved']>>[0], manager: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook.approved?.(event, manager);
  }
}
