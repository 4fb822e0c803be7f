import { Injectable } from '@nestjs/common';
import type { OrganisationRole } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

/** Read access for the signed-in person's home page (libs/api/workspace): whom they act for. */
@Injectable()
export class OrganisationsDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The organisations `userId` belongs to, with their role in each, in one statement. */
  async membershipsOf(userId: string): Promise<{ organisationId: string; role: OrganisationRole }[]> {
    const rows: { organisation_id: string; role: OrganisationRole }[] = await this.dataSource.query(
      `SELECT organisation_id, role FROM memberships WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, role: r.role }));
  }
}
