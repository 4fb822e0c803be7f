import { Injectable } from '@nestjs/common';
import { AlliancesReader } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationsReader } from '@alliances/api/organisations';
import type { AssignablePerson } from '@alliances/shared/contracts';

export interface SeatedOrganisation {
  organisationId: string;
  organisationName: string;
  role: 'lead' | 'partner';
}

/** The lead and partner organisations of an alliance and their people, through their owners' readers. */
@Injectable()
export class AlliancePeople {
  constructor(
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly users: UsersReader,
  ) {}

  /** Active lead and partner organisations, the lead first, then by name. */
  async organisationsOf(allianceId: string): Promise<SeatedOrganisation[]> {
    const members = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const roles = new Map(members.map((m) => [m.organisationId, m.role as 'lead' | 'partner']));
    const names = await this.organisations.names(members.map((m) => m.organisationId));
    return names
      .map((n) => ({ organisationId: n.id, organisationName: n.name, role: roles.get(n.id) as 'lead' | 'partner' }))
      .sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  }

  /** Organisation names by id (seated or not), in one statement. */
  async organisationNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    return new Map((await this.organisations.names(ids)).map((n) => [n.id, n.name]));
  }

  /** Whether the alliance is closed (read-only): scheduled jobs close and recall silently there. */
  async isClosed(allianceId: string): Promise<boolean> {
    return (await this.alliances.leadOf(allianceId))?.status === 'closed';
  }

  /** Every person of those organisations (one row per person and organisation), by name. */
  async peopleOf(allianceId: string): Promise<AssignablePerson[]> {
    const organisations = await this.organisationsOf(allianceId);
    const byId = new Map(organisations.map((o) => [o.organisationId, o]));
    const members = await this.organisations.members(organisations.map((o) => o.organisationId));
    const people = await this.users.contacts(members.map((m) => m.user_id));
    return members
      .filter((m) => people.has(m.user_id) && !people.get(m.user_id)?.deletedAt)
      .map((m) => ({
        userId: m.user_id,
        name: people.get(m.user_id)?.displayName as string,
        organisationId: m.organisation_id,
        organisationName: byId.get(m.organisation_id)?.organisationName ?? '',
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.organisationName.localeCompare(b.organisationName, 'fr'));
  }
}

/** A LIKE pattern matching `q` anywhere, its own % and _ taken literally. */
export const containing = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
