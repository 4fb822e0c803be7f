import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of who did what to which object, when, and from where (journal d'audit). */
@Entity('audit_log')
@Index(['organisationId', 'at'])
@Index(['allianceId', 'at'])
@Index(['action', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) objectType!: string;
  @Column({ type: 'uuid', nullable: true }) objectId!: string | null;
  @Column({ type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ type: 'uuid', nullable: true }) allianceId!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ type: 'jsonb', nullable: true }) details!: Record<string, unknown> | null;
}
