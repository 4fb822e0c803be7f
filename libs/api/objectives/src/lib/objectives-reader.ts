import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { latestCheckIn } from './latest-checkin';
import { IndicatorEntity, ObjectiveEntity } from './objective.entities';

/** An indicator with its latest measured value, as another domain quotes it (a case study's results). */
export interface IndicatorLatestValue {
  indicatorId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  latest: number | null;
}

/**
 * Read access to objectives, indicators and check-ins for other domains (docs/decisions/0012-table-ownership.md):
 * they never name these tables. Every method answers for a list of ids in one statement.
 */
@Injectable()
export class ObjectivesReader {
  constructor(
    @InjectRepository(ObjectiveEntity) private readonly objectives: Repository<ObjectiveEntity>,
    @InjectRepository(IndicatorEntity) private readonly indicators: Repository<IndicatorEntity>,
  ) {}

  /** The alliance's indicators among `indicatorIds`, with their latest check-in value. */
  async latestValues(allianceId: string, indicatorIds: string[]): Promise<IndicatorLatestValue[]> {
    if (!indicatorIds.length) return [];
    const rows: { id: string; name: string; unit: string; baseline: number; target: number; latest: number | null }[] =
      await this.indicators.query(
        `SELECT i.id, i.name, i.unit, i.baseline, i.target, c.value AS latest
         FROM indicators i ${latestCheckIn('i', 'c')}
        WHERE i.alliance_id = $1 AND i.id = ANY($2::uuid[])`,
        [allianceId, indicatorIds],
      );
    return rows.map((r) => ({
      indicatorId: r.id,
      name: r.name,
      unit: r.unit,
      baseline: Number(r.baseline),
      target: Number(r.target),
      latest: r.latest === null ? null : Number(r.latest),
    }));
  }

  /**
   * For each alliance, how many indicators are in each status (by their latest check-in, with the same
   * rule as the board), computed in SQL. Alliances without an indicator are absent from the map.
   */
  async statusCounts(allianceIds: string[]): Promise<Map<string, Record<string, number>>> {
    const counts = new Map<string, Record<string, number>>();
    if (!allianceIds.length) return counts;
    const rows: { alliance_id: string; status: string }[] = await this.indicators.query(
      `SELECT i.alliance_id, CASE
                WHEN c.value IS NULL THEN 'no_data'
                WHEN (c.value - i.baseline) / (i.target - i.baseline) >= 1 THEN 'achieved'
                WHEN (c.value - i.baseline) / (i.target - i.baseline) >= e.elapsed - 0.1 THEN 'on_track'
                WHEN (c.value - i.baseline) / (i.target - i.baseline) >= e.elapsed - 0.25 THEN 'at_risk'
                ELSE 'off_track' END AS status
         FROM indicators i
         CROSS JOIN LATERAL (SELECT LEAST(1, GREATEST(0, (current_date - i.start_date)::float / NULLIF(i.target_date - i.start_date, 0))) AS elapsed) e
         ${latestCheckIn('i', 'c')}
        WHERE i.alliance_id = ANY($1::uuid[])`,
      [allianceIds],
    );
    for (const r of rows) {
      const own = counts.get(r.alliance_id) ?? {};
      own[r.status] = (own[r.status] ?? 0) + 1;
      counts.set(r.alliance_id, own);
    }
    return counts;
  }

  /** The objective exists in this alliance. */
  async objectiveExists(allianceId: string, objectiveId: string): Promise<boolean> {
    return this.objectives.exists({ where: { id: objectiveId, allianceId } });
  }

  /** The indicator exists in this alliance. */
  async indicatorExists(allianceId: string, indicatorId: string): Promise<boolean> {
    return this.indicators.exists({ where: { id: indicatorId, allianceId } });
  }
}
