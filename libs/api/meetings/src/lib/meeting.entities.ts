import type { AgendaItem, MeetingStatus, MinutesStatus } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('meetings')
@Index(['allianceId', 'startsAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ type: 'text', nullable: true }) videoUrl!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) agenda!: AgendaItem[];
  @Column({ type: 'text', default: 'scheduled' }) status!: MeetingStatus;
  @Column({ type: 'text', default: 'draft' }) minutesStatus!: MinutesStatus;
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** An invited organisation and, once recorded by one of its people, who of them was present. */
@Entity('meeting_invitees')
export class MeetingInviteeEntity {
  @PrimaryColumn({ type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'uuid', array: true, nullable: true }) present!: string[] | null;
  @Column({ type: 'uuid', nullable: true }) attendanceSetBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) attendanceSetAt!: Date | null;
}

/** Every Yjs update of a meeting's minutes, appended before it is relayed (docs/decisions/0022-live-documents.md). */
@Entity('minutes_updates')
@Index(['meetingId', 'id'])
export class MinutesUpdateEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) meetingId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'bytea' }) update!: Buffer;
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('minutes_snapshots')
export class MinutesSnapshotEntity {
  @PrimaryColumn({ type: 'uuid' }) meetingId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'bytea' }) state!: Buffer;
  @Column({ type: 'bigint' }) lastUpdateId!: string;
  @Column({ type: 'int' }) updateCount!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** A frozen rendering of the minutes, proposed for approval. */
@Entity('minutes_versions')
export class MinutesVersionEntity {
  @PrimaryColumn({ type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('minutes_approvals')
export class MinutesApprovalEntity {
  @PrimaryColumn({ type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'uuid', nullable: true }) approvedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) approvedAt!: Date;
}

export const MEETING_ENTITIES = [
  MeetingEntity,
  MeetingInviteeEntity,
  MinutesUpdateEntity,
  MinutesSnapshotEntity,
  MinutesVersionEntity,
  MinutesApprovalEntity,
];
