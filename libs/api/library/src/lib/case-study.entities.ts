import type { AlliancePageContent, CaseStudy } from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Fiche d'expérience: an alliance's published case study. Its `search` tsvector (French) is generated in the migration. */
@Entity('case_studies')
export class CaseStudyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text', array: true }) collectiveObjectives!: string[];
  @Column({ type: 'text', array: true }) domains!: string[];
  @Column({ type: 'text' }) scale!: string;
  @Column({ type: 'text', array: true }) territoryCodes!: string[];
  @Column({ type: 'text', array: true }) partnerProfiles!: string[];
  @Column({ type: 'jsonb' }) results!: CaseStudy['results'];
  /** UN Sustainable Development Goals and targets, copied from the alliance when prepared. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) sdgs!: string[];
  /** Its public address, from the title when first prepared; kept when the title changes (links stay valid). */
  @Column({ type: 'text', nullable: true, unique: true }) slug!: string | null;
  /** The lead opened the alliance's public page; it is online while the card is published. */
  @Column({ type: 'boolean', default: false }) alliancePage!: boolean;
  @Column({ type: 'text', nullable: true, unique: true }) alliancePageSlug!: string | null;
  /** What the public page shows, taken when the lead opened it; the consents are given on it (issue 18). */
  @Column({ type: 'jsonb', nullable: true }) alliancePageContent!: AlliancePageContent | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /** Accent-insensitive French full text of the card (unaccent_fr is created in the migration). */
  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('french', unaccent_fr("title" || ' ' || "summary"))`,
  })
  search!: string;
}

/** Every partner organisation consents before the card is visible. */
@Entity('case_study_consents')
export class CaseStudyConsentEntity {
  @PrimaryColumn({ type: 'uuid' }) caseStudyId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'timestamptz', nullable: true }) consentedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) consentedBy!: string | null;
}
