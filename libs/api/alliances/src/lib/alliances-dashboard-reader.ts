import { Injectable } from '@nestjs/common';
import type { AllianceMemberStatus, AllianceRole, AllianceStatus } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

/** An alliance where one of the given organisations has an active seat, as the home page shows it. */
export interface SeatedAlliance {
  id: string;
  name: string;
  status: AllianceStatus;
  inForceVersion: number | null;
  /** The seats of the given organisations in it (any status). */
  seats: { organisationId: string; role: AllianceRole; status: AllianceMemberStatus }[];
  /** Its active lead and partner organisations: those who sign the charter. */
  signingOrganisations: string[];
}

/** Read access for the signed-in person's home page (libs/api/workspace). */
@Injectable()
export class AlliancesDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The alliances where one of `organisationIds` has an active seat, by name, with those seats, in one statement. */
  async seatedAlliances(organisationIds: string[]): Promise<SeatedAlliance[]> {
    if (!organisationIds.length) return [];
    const rows: {
      id: string;
      name: string;
      status: AllianceStatus;
      in_force_version: number | null;
      seats: SeatedAlliance['seats'];
      signing: string[];
    }[] = await this.dataSource.query(
      `SELECT a.id, a.name, a.status, a.in_force_version,
              json_agg(json_build_object('organisationId', am.organisation_id, 'role', am.role, 'status', am.status))
                FILTER (WHERE am.organisation_id = ANY($1::uuid[])) AS seats,
              coalesce(array_agg(am.organisation_id) FILTER (WHERE am.status = 'active' AND am.role IN ('lead', 'partner')), '{}') AS signing
         FROM alliances a JOIN alliance_members am ON am.alliance_id = a.id
        WHERE a.id IN (SELECT alliance_id FROM alliance_members WHERE organisation_id = ANY($1::uuid[]) AND status = 'active')
        GROUP BY a.id ORDER BY a.name, a.id`,
      [organisationIds],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      inForceVersion: r.in_force_version,
      seats: r.seats ?? [],
      signingOrganisations: r.signing,
    }));
  }
}
