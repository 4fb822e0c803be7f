import type { LogoType, OrganisationProfile, OrganisationStatus, PartnerNeed, SocioEconomicProfile } from '@alliances/shared/contracts';
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
  // The partnering profile (issue 14). The logo's bytes are read by their own route only, never with the entity.
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'text', nullable: true }) logoType!: LogoType | null;
  @Column({ type: 'timestamptz', nullable: true }) logoUpdatedAt!: Date | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) domains!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) seeks!: PartnerNeed[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) offers!: PartnerNeed[];
  @Column({ type: 'boolean', default: false }) openToAlliances!: boolean;
  @Column({ type: 'boolean', default: false }) listed!: boolean;
  /** Its admins and signatories must use two-step sign-in (issue 15): identity reads it through `TwoFactorRules`. */
  @Column({ type: 'boolean', default: false }) requireTwoFactor!: boolean;
  /** Derived from `territoryCode` at each write (TerritoriesService.locate), for the directory's indexed filters. */
  @Column({ type: 'text', nullable: true }) departementCode!: string | null;
  @Column({ type: 'text', nullable: true }) regionCode!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
