import type { CollectiveObjective, Direction, MagicSquare } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A shared objective of an alliance (objectif partagé), tied to one collective objective. */
@Entity('objectives')
@Index(['allianceId', 'createdAt'])
export class ObjectiveEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) collectiveObjective!: CollectiveObjective;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  /** Optimistic concurrency: every edit bumps it; a PATCH naming the version read is a conditional UPDATE. */
  @Column({ type: 'int', default: 1 }) version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** Which part of a partner's magic square an objective serves (one cell of the mutual-benefit matrix). */
@Entity('objective_benefits')
export class ObjectiveBenefitEntity {
  @PrimaryColumn({ type: 'uuid' }) objectiveId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text', array: true }) squares!: MagicSquare[];
}

@Entity('indicators')
@Index(['objectiveId'])
@Index(['allianceId'])
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) objectiveId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column({ type: 'double precision' }) baseline!: number;
  @Column({ type: 'double precision' }) target!: number;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) targetDate!: string;
  @Column({ type: 'text' }) direction!: Direction;
  @Column({ type: 'uuid' }) ownerOrganisationId!: string;
  /** Optimistic concurrency, as for objectives. */
  @Column({ type: 'int', default: 1 }) version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A measured value. The id may come from the client, so a retried POST never makes two. */
@Entity('checkins')
@Index(['indicatorId', 'date', 'createdAt'])
export class CheckInEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) indicatorId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** When set, the note is private to this organisation (its author's): others see the value only. */
  @Column({ type: 'uuid', nullable: true }) noteOrganisationId!: string | null;
  @Column({ type: 'smallint', nullable: true }) confidence!: number | null;
  @Column({ type: 'uuid', nullable: true }) authorId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A milestone or action (jalon) with its owner organisation and due date. */
@Entity('milestones')
@Index(['objectiveId'])
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) objectiveId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'uuid' }) ownerOrganisationId!: string;
  @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
