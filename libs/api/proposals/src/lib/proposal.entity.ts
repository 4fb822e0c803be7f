import type { PartnershipCategory, ProposalStatus } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A proposal of alliance from one organisation to another, or an introduction of two by a catalyst. */
@Entity('proposals')
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) fromOrganisationId!: string;
  @Column({ type: 'uuid' }) toOrganisationId!: string;
  @Column({ type: 'uuid', nullable: true }) introducedByOrganisationId!: string | null;
  @Column({ type: 'boolean', default: false }) fromAccepted!: boolean;
  @Column({ type: 'boolean', default: false }) toAccepted!: boolean;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', nullable: true }) category!: PartnershipCategory | null;
  @Column({ type: 'uuid', nullable: true }) allianceId!: string | null;
  @Column({ type: 'text', default: 'pending' }) status!: ProposalStatus;
  @Column({ type: 'text', nullable: true }) declineReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
}

/** `organisationId` refuses proposals (and introductions) involving `blockedOrganisationId`. */
@Entity('organisation_blocks')
export class OrganisationBlockEntity {
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ type: 'uuid' }) blockedOrganisationId!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A territory (département or région) a catalyst organisation animates (catalyseur territorial). */
@Entity('catalyst_territories')
export class CatalystTerritoryEntity {
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ type: 'text' }) territoryCode!: string;
  @Column({ type: 'uuid', nullable: true }) grantedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) grantedAt!: Date;
}

/** An alliance's invitation to an organisation not yet on the platform; only the token's SHA-256 is kept. */
@Entity('alliance_external_invitations')
export class AllianceExternalInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) organisationName!: string;
  @Column({ type: 'text' }) tokenHash!: string;
  @Column({ type: 'uuid', nullable: true }) invitedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'uuid', nullable: true }) appliedOrganisationId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) appliedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) joinedAt!: Date | null;
}
