import type { EvaluationRhythm } from '@alliances/shared/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An alliance's evaluation rhythm, saved by its lead: campaigns then launch by themselves (issue 18). */
@Entity('evaluation_schedules')
export class EvaluationScheduleEntity {
  @PrimaryColumn({ type: 'uuid' }) allianceId!: string;
  @Column({ type: 'text' }) rhythm!: EvaluationRhythm;
  @Column({ type: 'date', nullable: true }) nextLaunchOn!: string | null;
  @Column({ type: 'int' }) durationDays!: number;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
