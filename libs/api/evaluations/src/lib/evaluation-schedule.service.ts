import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, InvalidInputException, returnedRows, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader } from '@alliances/api/alliances';
import { CharterReader } from '@alliances/api/charter';
import type { EvaluationRhythm, EvaluationSchedule, FieldError, UpdateEvaluationScheduleRequest } from '@alliances/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { EvaluationScheduleEntity } from './evaluation-schedule.entity';
import { MONTHS, addDays, addMonths, nextAfter, rhythmInCharter, today } from './evaluation-rhythm';
import { EvaluationsService } from './evaluations.service';

const DEFAULT_DURATION_DAYS = 21;
/** Without a previous campaign, the first scheduled one is suggested this many days ahead. */
const FIRST_LAUNCH_IN_DAYS = 30;
const MAX_AHEAD_MONTHS = 36;

/**
 * An alliance's evaluation rhythm (issue 18): the lead sets it, its partners read it; a scheduled job
 * launches the due campaign with the default template and every block, then moves the date on.
 */
@Injectable()
export class EvaluationScheduleService {
  private readonly logger = new Logger('EvaluationSchedule');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly alliances: AlliancesReader,
    private readonly charter: CharterReader,
    private readonly evaluations: EvaluationsService,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser, allianceId: string): Promise<EvaluationSchedule> {
    const access = await this.policy.partnerReadable(user, allianceId);
    const saved = await this.dataSource.manager.findOne(EvaluationScheduleEntity, { where: { allianceId } });
    if (saved)
      return {
        allianceId,
        rhythm: saved.rhythm,
        nextLaunchOn: saved.nextLaunchOn ? String(saved.nextLaunchOn).slice(0, 10) : null,
        durationDays: saved.durationDays,
        configured: true,
        source: 'saved',
        canEdit: access.canEdit,
      };
    return { ...(await this.suggestion(allianceId)), allianceId, configured: false, canEdit: access.canEdit };
  }

  /** Until the lead saves one: the charter's rhythm when it states one, yearly otherwise, a year (or half) after the latest campaign. */
  private async suggestion(allianceId: string): Promise<Pick<EvaluationSchedule, 'rhythm' | 'nextLaunchOn' | 'durationDays' | 'source'>> {
    const profile = await this.alliances.evaluationProfile(allianceId);
    const section =
      profile?.inForceVersion !== null && profile?.inForceVersion !== undefined
        ? await this.charter.sectionOf(allianceId, profile.inForceVersion, 'evaluation')
        : null;
    const fromCharter = section ? rhythmInCharter(section) : null;
    const rhythm = fromCharter ?? 'yearly';
    const [latest]: { created_on: string | null }[] = await this.dataSource.query(
      `SELECT max(created_at)::date::text AS created_on FROM evaluation_campaigns WHERE alliance_id = $1`,
      [allianceId],
    );
    const afterLatest = latest?.created_on ? addMonths(latest.created_on, MONTHS[rhythm]) : null;
    const soonest = addDays(today(), FIRST_LAUNCH_IN_DAYS);
    return {
      rhythm,
      nextLaunchOn: afterLatest && afterLatest > soonest ? afterLatest : soonest,
      durationDays: DEFAULT_DURATION_DAYS,
      source: fromCharter ? 'charter' : 'default',
    };
  }

  async set(user: AuthUser, allianceId: string, input: UpdateEvaluationScheduleRequest, ip: string | null): Promise<EvaluationSchedule> {
    await this.policy.editable(user, allianceId);
    const errors: FieldError[] = [];
    if (input.rhythm !== 'none' && !input.nextLaunchOn)
      errors.push({ field: 'nextLaunchOn', messages: ['a date is needed for a rhythm'], codes: ['required'] });
    if (input.nextLaunchOn && input.nextLaunchOn.slice(0, 10) < today())
      errors.push({ field: 'nextLaunchOn', messages: ['nextLaunchOn must be today or later'], codes: ['inPast'] });
    if (input.nextLaunchOn && input.nextLaunchOn.slice(0, 10) > addMonths(today(), MAX_AHEAD_MONTHS))
      errors.push({ field: 'nextLaunchOn', messages: [`nextLaunchOn must be within ${MAX_AHEAD_MONTHS / 12} years`], codes: ['tooFar'] });
    if (errors.length) throw new InvalidInputException(errors);
    const nextLaunchOn = input.rhythm === 'none' ? null : (input.nextLaunchOn as string).slice(0, 10);
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        EvaluationScheduleEntity,
        { allianceId, rhythm: input.rhythm, nextLaunchOn, durationDays: input.durationDays, updatedBy: user.id },
        ['allianceId'],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'evaluation.schedule_set',
          objectType: 'evaluation_schedule',
          objectId: allianceId,
          allianceId,
          ip,
          details: { rhythm: input.rhythm, nextLaunchOn, durationDays: input.durationDays },
        },
        manager,
      );
    });
    return this.get(user, allianceId);
  }

  /**
   * A scheduled job: launches each due campaign and moves the date on. The move is claimed by a
   * conditional UPDATE in the launch's transaction, and a unique (alliance, due date) index backs it:
   * two instances, or a retried run, never launch twice for one date.
   */
  async launchDue(): Promise<{ launched: number; failed: number }> {
    const due: { alliance_id: string; rhythm: Exclude<EvaluationRhythm, 'none'>; next_launch_on: string; duration_days: number }[] =
      await this.dataSource.query(
        `SELECT alliance_id, rhythm, next_launch_on::text AS next_launch_on, duration_days FROM evaluation_schedules
          WHERE rhythm <> 'none' AND next_launch_on <= current_date ORDER BY next_launch_on`,
      );
    let launched = 0;
    let failed = 0;
    for (const s of due) {
      const profile = await this.alliances.evaluationProfile(s.alliance_id);
      // A closed alliance is read-only: nothing launches, the schedule stays as it was.
      if (!profile || profile.status === 'closed') continue;
      const next = nextAfter(s.next_launch_on, s.rhythm);
      const claim = async (manager: EntityManager) =>
        returnedRows(
          await manager.query(
            `UPDATE evaluation_schedules SET next_launch_on = $3, updated_at = now()
              WHERE alliance_id = $1 AND next_launch_on = $2 AND rhythm <> 'none' RETURNING alliance_id`,
            [s.alliance_id, s.next_launch_on, next],
          ),
        ).length > 0;
      try {
        const id = await this.evaluations.startCampaign({
          allianceId: s.alliance_id,
          actorId: null,
          ip: null,
          title: `Évaluation partenariale ${s.next_launch_on}`,
          closesAt: new Date(Date.now() + s.duration_days * 86_400_000),
          scheduledFor: s.next_launch_on,
          claim,
        });
        if (id) launched++;
      } catch (error) {
        // Another instance's launch for the same date (the unique index) is not a failure of this one.
        if ((error as { code?: string }).code === '23505') continue;
        failed++;
        this.logger.warn(`scheduled evaluation of ${s.alliance_id} failed: ${(error as Error).message}`);
      }
    }
    if (failed) throw new Error(`${failed} scheduled evaluation(s) could not be launched`);
    return { launched, failed };
  }
}
