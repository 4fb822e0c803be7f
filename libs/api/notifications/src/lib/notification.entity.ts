import type { NotificationType } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A notification: shown in the app unless its person turned that off, mailed as they chose (the mail outbox too). */
@Entity('notifications')
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) type!: NotificationType;
  @Column({ type: 'uuid', nullable: true }) allianceId!: string | null;
  @Column({ type: 'uuid', nullable: true }) commentId!: string | null;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) excerpt!: string | null;
  @Column({ type: 'text' }) link!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) mailedAt!: Date | null;
  /** False: kept only for the mail, hidden from the list and the count (in-app off for its kind). */
  @Column({ type: 'boolean', default: true }) inApp!: boolean;
}
