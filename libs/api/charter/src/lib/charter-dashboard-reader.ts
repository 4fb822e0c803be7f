import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The latest version of an alliance's charter and who answered it. */
export interface LatestCharterVersion {
  allianceId: string;
  version: number;
  status: 'awaiting_signatures' | 'in_force' | 'superseded' | 'changes_requested';
  proposedAt: string;
  /** Organisations that signed this version. */
  signed: string[];
  /** Organisations that signed it or asked for changes. */
  answered: string[];
}

/** Read access for the signed-in person's home page (libs/api/workspace): charter versions and signatures. */
@Injectable()
export class CharterDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /** For each alliance with a proposed version: its latest one and the organisations that answered it, in one statement. */
  async latestVersions(allianceIds: string[]): Promise<Map<string, LatestCharterVersion>> {
    const latest = new Map<string, LatestCharterVersion>();
    if (!allianceIds.length) return latest;
    const rows: {
      alliance_id: string;
      version: number;
      status: LatestCharterVersion['status'];
      created_at: Date;
      signed: string[];
      answered: string[];
    }[] = await this.dataSource.query(
      `SELECT v.alliance_id, v.version, v.status, v.created_at,
              coalesce((SELECT array_agg(s.organisation_id) FROM charter_signatures s
                         WHERE s.alliance_id = v.alliance_id AND s.version = v.version AND s.kind = 'signed'), '{}') AS signed,
              coalesce((SELECT array_agg(s.organisation_id) FROM charter_signatures s
                         WHERE s.alliance_id = v.alliance_id AND s.version = v.version), '{}') AS answered
         FROM (SELECT DISTINCT ON (alliance_id) alliance_id, version, status, created_at FROM charter_versions
                WHERE alliance_id = ANY($1::uuid[]) ORDER BY alliance_id, version DESC) v`,
      [allianceIds],
    );
    for (const r of rows)
      latest.set(r.alliance_id, {
        allianceId: r.alliance_id,
        version: r.version,
        status: r.status,
        proposedAt: new Date(r.created_at).toISOString(),
        signed: r.signed,
        answered: r.answered,
      });
    return latest;
  }
}
