import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Emails are unique case-insensitively: `users_email_unique` on lower(email), in the migration. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased and trimmed; unique case-insensitively. */
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) displayName!: string;
  /** argon2id PHC string; null once the account is deleted. */
  @Column({ type: 'text', nullable: true, select: false }) passwordHash!: string | null;
  @Column({ type: 'text', default: 'fr' }) locale!: 'fr' | 'en';
  @Column({ type: 'boolean', default: false }) isPlatformAdmin!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  /** Set when the person deleted their account: the row stays, anonymised, for what must remain. */
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  /** When the last notification digest was mailed: at most one an hour. */
  @Column({ type: 'timestamptz', nullable: true }) lastDigestAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
