import type { OrganisationProfile, OrganisationStatus, SocioEconomicProfile } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('organisations')
@Index(['status', 'createdAt'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) profile!: OrganisationProfile;
  @Column({ type: 'text', nullable: true }) siren!: string | null;
  @Column({ type: 'text', nullable: true }) siret!: string | null;
  @Column({ type: 'text', nullable: true }) rna!: string | null;
  @Column({ type: 'text', nullable: true }) territoryCode!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'jsonb', nullable: true }) socioEconomicProfile!: SocioEconomicProfile | null;
  @Column({ type: 'text', default: 'pending' }) status!: OrganisationStatus;
  @Column({ type: 'text', nullable: true }) rejectionReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
