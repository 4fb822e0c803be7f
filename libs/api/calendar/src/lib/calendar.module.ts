import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesDashboardReader } from '@alliances/api/alliances';
import { EvaluationsDashboardReader } from '@alliances/api/evaluations';
import { FundingDashboardReader } from '@alliances/api/funding';
import { ActionsReader, GovernanceModule } from '@alliances/api/governance';
import { IdentityModule } from '@alliances/api/identity';
import { MeetingsModule, MeetingsReader } from '@alliances/api/meetings';
import { ObjectivesDashboardReader } from '@alliances/api/objectives';
import { OrganisationsDashboardReader } from '@alliances/api/organisations';
import { CalendarFeedController, CalendarTokenController, MeetingCalendarController } from './calendar.controller';
import { CALENDAR_SOURCES, type CalendarSource } from './calendar-source';
import { EvaluationsCalendarSource, MilestonesCalendarSource, ReportsCalendarSource } from './calendar-sources';
import { CalendarTokenEntity } from './calendar-token.entity';
import { CalendarService } from './calendar.service';

/**
 * The personal iCalendar feed (issue 17): owns `calendar_tokens`, reads every other domain through its
 * dashboard reader (they need only the DataSource, so they are provided here, as in WorkspaceModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarTokenEntity]), IdentityModule, MeetingsModule, GovernanceModule],
  controllers: [CalendarTokenController, CalendarFeedController, MeetingCalendarController],
  providers: [
    CalendarService,
    OrganisationsDashboardReader,
    AlliancesDashboardReader,
    ObjectivesDashboardReader,
    FundingDashboardReader,
    EvaluationsDashboardReader,
    MilestonesCalendarSource,
    ReportsCalendarSource,
    EvaluationsCalendarSource,
    {
      provide: CALENDAR_SOURCES,
      // A reader with `calendarEntries(userId)` is a CalendarSource as it is: meetings and actions come from their owners.
      inject: [MilestonesCalendarSource, ReportsCalendarSource, EvaluationsCalendarSource, MeetingsReader, ActionsReader],
      useFactory: (...sources: CalendarSource[]): CalendarSource[] => sources,
    },
  ],
  exports: [CalendarService],
})
export class CalendarModule {}
