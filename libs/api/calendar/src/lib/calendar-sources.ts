import { Injectable } from '@nestjs/common';
import { EvaluationsDashboardReader } from '@alliances/api/evaluations';
import { FundingDashboardReader } from '@alliances/api/funding';
import { ObjectivesDashboardReader } from '@alliances/api/objectives';
import type { CalendarEntry } from '@alliances/shared/contracts';
import type { CalendarScope, CalendarSource } from './calendar-source';

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** Milestones of every alliance the person reads (all-day). */
@Injectable()
export class MilestonesCalendarSource implements CalendarSource {
  constructor(private readonly objectives: ObjectivesDashboardReader) {}

  calendarEntries(_userId: string, scope: CalendarScope): Promise<CalendarEntry[]> {
    return this.objectives.calendarEntries(scope.alliances, dayOf(scope.since));
  }
}

/** Report due dates of open alliances (as on the home page): every grant for the lead's people, its own grants for a funder's people (all-day). */
@Injectable()
export class ReportsCalendarSource implements CalendarSource {
  constructor(private readonly funding: FundingDashboardReader) {}

  calendarEntries(_userId: string, scope: CalendarScope): Promise<CalendarEntry[]> {
    const open = new Set(scope.alliances.filter((a) => a.status !== 'closed').map((a) => a.id));
    const leads = [...new Set(scope.seats.filter((s) => s.role === 'lead' && open.has(s.allianceId)).map((s) => s.allianceId))];
    const funders = scope.seats.filter((s) => s.role === 'funder' && open.has(s.allianceId));
    return this.funding.calendarEntries(scope.alliances, leads, funders, dayOf(scope.since));
  }
}

/** Closings of the evaluation campaigns the person is invited to. */
@Injectable()
export class EvaluationsCalendarSource implements CalendarSource {
  constructor(private readonly evaluations: EvaluationsDashboardReader) {}

  calendarEntries(userId: string, scope: CalendarScope): Promise<CalendarEntry[]> {
    return this.evaluations.calendarEntries(userId, scope.alliances, scope.since.toISOString());
  }
}
