import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One secret feed address per person (docs/decisions/0025-calendar-feed.md): looked up by the SHA-256
 * of the token, which is kept encrypted (AES-256-GCM) so the account page can show the address again.
 */
@Entity('calendar_tokens')
export class CalendarTokenEntity {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) tokenHash!: string;
  @Column({ type: 'text' }) tokenSealed!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
