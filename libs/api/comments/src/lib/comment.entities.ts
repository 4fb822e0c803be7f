import type { CharterAnchor, CommentTargetType } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A comment or a reply. Its id may come from the client, so a retried POST never makes two. */
@Entity('comments')
// The unique constraint's index serves the catch-up by sequence too (a second, plain one was dropped).
@Unique('comments_seq_unique', ['allianceId', 'seq'])
@Index(['allianceId', 'targetType', 'targetId', 'createdAt'])
export class CommentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  /** The alliance's sequence number of the last change to this comment. */
  @Column({ type: 'bigint' }) seq!: string;
  @Column({ type: 'text' }) targetType!: CommentTargetType;
  @Column({ type: 'text' }) targetId!: string;
  @Column({ type: 'jsonb', nullable: true }) anchor!: CharterAnchor | null;
  @Column({ type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ type: 'text', nullable: true }) bodyHtml!: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) mentions!: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) editedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) resolvedBy!: string | null;
}

/** Per-alliance monotonic counter: every comment event takes the next number under a row lock. */
@Entity('alliance_sequences')
export class AllianceSequenceEntity {
  @PrimaryColumn({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'bigint', default: 0 }) lastSeq!: string;
}

/** Transactional outbox: written with the comment, published to sockets after commit (and by any instance after a crash). */
@Entity('comment_events')
@Index(['publishedAt', 'id'])
export class CommentEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'bigint' }) seq!: string;
  @Column({ type: 'text' }) type!: 'comment:created' | 'comment:updated' | 'comment:deleted' | 'comment:resolved';
  @Column({ type: 'uuid' }) commentId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}
