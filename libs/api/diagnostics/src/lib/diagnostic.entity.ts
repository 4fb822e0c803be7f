import type {
  CollectiveObjective,
  DiagnosticAnswer,
  DiagnosticAxisResult,
  MagicSquare,
  PartnershipCategory,
} from '@alliances/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionnaireProfile } from './questionnaires';

/** What the answers pointed to, kept as keys: the reasons are written when read, in the reader's language. */
export interface StoredSuggestions {
  categories: PartnershipCategory[];
  square: MagicSquare[];
  objectives: CollectiveObjective[];
}

/** One self-diagnostic of an organisation: its answers, the levels they gave and the suggestions drawn from them. */
@Entity('diagnostics')
export class DiagnosticEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  /** The questionnaire answered: the organisation's profile, or `generic`. */
  @Column({ type: 'text' }) profile!: QuestionnaireProfile;
  @Column({ type: 'int' }) questionnaireVersion!: number;
  @Column({ type: 'jsonb' }) answers!: DiagnosticAnswer[];
  @Column({ type: 'jsonb' }) axes!: DiagnosticAxisResult[];
  @Column({ type: 'jsonb' }) suggested!: StoredSuggestions;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
