import type { OrganisationRole } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A user's place in an organisation. The applicant of an organisation is its first admin. */
@Entity('memberships')
@Index(['userId'])
export class MembershipEntity {
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) role!: OrganisationRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
