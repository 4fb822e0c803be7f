import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Read access for the signed-in person's home page (libs/api/workspace): proposals awaiting an answer. */
@Injectable()
export class ProposalsDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Pending proposals that `organisationIds` (those the person administers) received and have not
   * accepted yet: sent to them, or introductions naming them, newest first, in one statement.
   */
  async awaitingAnswer(
    organisationIds: string[],
  ): Promise<{ proposalId: string; organisationId: string; fromOrganisationId: string; allianceId: string | null; receivedAt: string }[]> {
    if (!organisationIds.length) return [];
    const rows: { id: string; to_id: string; from_id: string; alliance_id: string | null; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT p.id, p.alliance_id, p.created_at,
              CASE WHEN p.to_organisation_id = ANY($1::uuid[]) AND NOT p.to_accepted THEN p.to_organisation_id ELSE p.from_organisation_id END AS to_id,
              CASE WHEN p.to_organisation_id = ANY($1::uuid[]) AND NOT p.to_accepted
                   THEN coalesce(p.introduced_by_organisation_id, p.from_organisation_id) ELSE p.introduced_by_organisation_id END AS from_id
         FROM proposals p
        WHERE p.status = 'pending'
          AND ((p.to_organisation_id = ANY($1::uuid[]) AND NOT p.to_accepted)
            OR (p.introduced_by_organisation_id IS NOT NULL AND p.from_organisation_id = ANY($1::uuid[]) AND NOT p.from_accepted))
        ORDER BY p.created_at DESC, p.id LIMIT 50`,
        [organisationIds],
      );
    return rows.map((r) => ({
      proposalId: r.id,
      organisationId: r.to_id,
      fromOrganisationId: r.from_id,
      allianceId: r.alliance_id,
      receivedAt: new Date(r.created_at).toISOString(),
    }));
  }
}
