import type {
  AllianceRole,
  AllianceMemberStatus,
  AllianceStatus,
  CollectiveObjective,
  InnovationStage,
  PartnerObjective,
  PartnershipCategory,
  TerritorialScale,
} from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Alliance d'intérêt général. */
@Entity('alliances')
export class AllianceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'text' }) category!: PartnershipCategory;
  @Column({ type: 'text', default: 'draft' }) status!: AllianceStatus;
  @Column({ type: 'text', array: true }) collectiveObjectives!: CollectiveObjective[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) domains!: string[];
  @Column({ type: 'text' }) scale!: TerritorialScale;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) territoryCodes!: string[];
  @Column({ type: 'text', nullable: true }) innovationStage!: InnovationStage | null;
  /** UN Sustainable Development Goals and targets (contracts' `sdg.ts`). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) sdgs!: string[];
  /** Optimistic concurrency for edits of the profile (conditional UPDATE on it). */
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ type: 'int', nullable: true }) inForceVersion!: number | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  /** The lead's final note when it closed the alliance. */
  @Column({ type: 'text', nullable: true }) closingNote!: string | null;
}

/** An organisation's place in an alliance: its role, whether it accepted, and its own objective. */
@Entity('alliance_members')
@Index(['organisationId'])
export class AllianceMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) allianceId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) role!: AllianceRole;
  @Column({ type: 'text' }) status!: AllianceMemberStatus;
  /** Carré magique, attentes et apports of this partner. */
  @Column({ type: 'jsonb', nullable: true }) objective!: PartnerObjective | null;
  @Column({ type: 'uuid', nullable: true }) invitedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) invitedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
}
