import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TwoFactorRules } from '@alliances/api/identity';
import type { TwoFactorRequirement } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

/**
 * The organisations' two-step sign-in rule, read by identity's gate: an organisation whose admins
 * turned it on covers its admins and signatories (who sign the charter in its name), not its members.
 */
@Injectable()
export class OrganisationTwoFactorRules extends TwoFactorRules {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  coveringOrganisations(userId: string): Promise<TwoFactorRequirement['organisations']> {
    return this.dataSource.query(
      `SELECT o.id AS "organisationId", o.name AS "organisationName" FROM memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.user_id = $1 AND m.role IN ('admin', 'signatory') AND o.require_two_factor ORDER BY o.name, o.id`,
      [userId],
    );
  }
}
