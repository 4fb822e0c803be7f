import type { CharterSection } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Every Yjs update a client sent, appended before it is relayed: the live draft's journal. */
@Entity('charter_updates')
@Index(['allianceId', 'id'])
export class CharterUpdateEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'bytea' }) update!: Buffer;
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** Compaction of the journal: the merged state of every update up to `lastUpdateId`. */
@Entity('charter_snapshots')
export class CharterSnapshotEntity {
  @PrimaryColumn({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'bytea' }) state!: Buffer;
  @Column({ type: 'bigint' }) lastUpdateId!: string;
  /** Updates folded into this snapshot since the charter began: with the journal, the draft revision. */
  @Column({ type: 'int' }) updateCount!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** A frozen, immutable version proposed for signature. */
@Entity('charter_versions')
export class CharterVersionEntity {
  @PrimaryColumn({ type: 'uuid' }) allianceId!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) sections!: CharterSection[];
  @Column({ type: 'bytea' }) state!: Buffer;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'text', default: 'awaiting_signatures' }) status!:
    'awaiting_signatures' | 'in_force' | 'superseded' | 'changes_requested';
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** An organisation's signature of a version (or its request for changes). Kept as a legal record. */
@Entity('charter_signatures')
@Index(['allianceId', 'version', 'organisationId'], { unique: true })
export class CharterSignatureEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) kind!: 'signed' | 'changes_requested';
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  /** The signer's name at the time of signing: stays even if the account is later erased. */
  @Column({ type: 'text' }) signerName!: string;
  @Column({ type: 'text' }) organisationName!: string;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'text' }) sha256!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
