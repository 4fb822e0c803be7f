import type {
  ActionSourceType,
  ActionStatus,
  DecisionCounts,
  DecisionPositionKind,
  DecisionRule,
  DecisionStatus,
} from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A proposal the lead and partner organisations take a position on (décision), closed at its date. */
@Entity('decisions')
@Index(['allianceId', 'createdAt', 'id'])
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) proposal!: string;
  @Column({ type: 'text' }) rule!: DecisionRule;
  @Column({ type: 'text', default: 'open' }) status!: DecisionStatus;
  @Column({ type: 'timestamptz' }) closesAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  /** The counts the outcome was computed from, frozen at the close. */
  @Column({ type: 'jsonb', nullable: true }) outcome!: DecisionCounts | null;
  @Column({ type: 'uuid', nullable: true }) meetingId!: string | null;
  @Column({ type: 'uuid', nullable: true }) proposedBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) proposerOrganisationId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** One organisation's position on a decision, changeable until the close. */
@Entity('decision_positions')
export class DecisionPositionEntity {
  @PrimaryColumn({ type: 'uuid' }) decisionId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) position!: DecisionPositionKind;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'uuid', nullable: true }) setBy!: string | null;
  @Column({ type: 'timestamptz' }) setAt!: Date;
}

/** Something a person of a partner organisation has to do by a date (action). */
@Entity('actions')
@Index(['allianceId', 'dueOn', 'id'])
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'uuid', nullable: true }) assigneeUserId!: string | null;
  @Column({ type: 'uuid', nullable: true }) assigneeOrganisationId!: string | null;
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'text', default: 'open' }) status!: ActionStatus;
  @Column({ type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'text', nullable: true }) sourceType!: ActionSourceType | null;
  @Column({ type: 'uuid', nullable: true }) sourceId!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) creatorOrganisationId!: string | null;
  @Column({ type: 'int', default: 1 }) version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
