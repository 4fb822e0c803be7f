import type { OrganisationRole } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An invitation to join an organisation: a single-use token valid 7 days, stored hashed. */
@Entity('invitations')
@Index(['organisationId', 'createdAt'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) role!: OrganisationRole;
  @Index({ unique: true }) @Column({ type: 'text' }) tokenHash!: string;
  @Column({ type: 'uuid' }) invitedBy!: string;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) acceptedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
