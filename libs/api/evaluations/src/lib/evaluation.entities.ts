import type { AnswerInput, EvaluationDimension, EvaluationFocus, EvaluationQuestion, MagicSquare } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('evaluation_templates')
@Index(['allianceId'])
export class EvaluationTemplateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Null for the platform default. */
  @Column({ type: 'uuid', nullable: true }) allianceId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('evaluation_template_questions')
@Index(['templateId', 'position'])
export class EvaluationTemplateQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) templateId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'text' }) dimension!: EvaluationDimension;
  @Column({ type: 'text' }) focus!: EvaluationFocus;
  @Column({ type: 'text' }) textFr!: string;
  @Column({ type: 'text' }) textEn!: string;
}

/** A campaign freezes its questions at launch: later template edits do not change what was asked. */
@Entity('evaluation_campaigns')
@Index(['allianceId', 'createdAt'])
@Index(['status', 'closesAt'])
export class EvaluationCampaignEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: 'open' }) status!: 'open' | 'closed';
  @Column({ type: 'timestamptz' }) closesAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'int' }) minRespondents!: number;
  @Column({ type: 'jsonb' }) questions!: EvaluationQuestion[];
  @Column({ type: 'uuid', nullable: true }) templateId!: string | null;
  @Column({ type: 'uuid', nullable: true }) launchedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /** Each partner's magic-square objective at launch, by organisation: what its square question asked. */
  @Column({ type: 'jsonb', nullable: true }) squareObjectives!: Record<string, MagicSquare[]> | null;
  /** The due date of the evaluation schedule this campaign was launched for (one campaign per date). */
  @Column({ type: 'date', nullable: true }) scheduledFor!: string | null;
}

/** Who was invited to answer, and for which organisation. */
@Entity('evaluation_participants')
export class EvaluationParticipantEntity {
  @PrimaryColumn({ type: 'uuid' }) campaignId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) invitedAt!: Date;
}

/** One person's answers. Stored to let them change their mind until the close; never exposed to anyone else. */
@Entity('evaluation_responses')
export class EvaluationResponseEntity {
  @PrimaryColumn({ type: 'uuid' }) campaignId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'jsonb' }) answers!: AnswerInput[];
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** The action plan: results turned into actions, linked to an objective or a charter section. */
@Entity('evaluation_actions')
@Index(['campaignId'])
export class EvaluationActionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) campaignId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'uuid' }) ownerOrganisationId!: string;
  @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'uuid', nullable: true }) objectiveId!: string | null;
  @Column({ type: 'text', nullable: true }) charterSection!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
