import type { ContributionKind, ReportStatus, TrancheStatus } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Amounts are numeric(14,2) in the database, read back as strings and converted at the edge. */
@Entity('grants')
@Index(['allianceId'])
@Index(['funderOrganisationId'])
export class GrantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'uuid' }) funderOrganisationId!: string;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) amount!: string;
  @Column({ type: 'text', default: 'EUR' }) currency!: string;
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date' }) endsOn!: string;
  @Column({ type: 'text', nullable: true }) conditions!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('grant_reports')
@Index(['grantId'])
export class GrantReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) grantId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'text', default: 'pending' }) status!: ReportStatus;
  @Column({ type: 'text', nullable: true }) submission!: string | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
}

@Entity('grant_tranches')
@Index(['grantId'])
export class GrantTrancheEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) grantId!: string;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) amount!: string;
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'text', default: 'planned' }) status!: TrancheStatus;
  @Column({ type: 'uuid', nullable: true }) requiresReportId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) paidAt!: Date | null;
}

/** Apports non financiers: skills, volunteer time, in kind, valued beside the money. */
@Entity('contributions')
@Index(['allianceId'])
export class ContributionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) kind!: ContributionKind;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) valuation!: string;
  @Column({ type: 'text', default: 'EUR' }) currency!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
