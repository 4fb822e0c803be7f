import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScheduledJobs } from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { NotificationsService } from '@alliances/api/notifications';
import { OrganisationsReader } from '@alliances/api/organisations';
import { DataSource } from 'typeorm';

/** How far ahead a grant report is recalled to the alliance. */
const REPORT_DUE_WITHIN_DAYS = 7;

/**
 * A scheduled job: a grant report not yet submitted and due within seven days is recalled once to the
 * people of the alliance's lead and partner organisations (who submit it); the notifications' once-key
 * keeps every later run, on any instance, from telling them again.
 */
@Injectable()
export class GrantReportReminders implements OnModuleInit {
  private readonly logger = new Logger('GrantReportReminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ScheduledJobs,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: 'grant_report_reminders',
      run: async () => {
        const recalled = await this.remindDueReports();
        if (recalled) this.logger.log(`recalled ${recalled} report(s) due`);
        return { recalled };
      },
    });
  }

  async remindDueReports(): Promise<number> {
    const due: { id: string; title: string; due_on: string; alliance_id: string }[] = await this.dataSource.query(
      `SELECT r.id, r.title, r.due_on::text AS due_on, g.alliance_id FROM grant_reports r JOIN grants g ON g.id = r.grant_id
        WHERE r.status IN ('pending', 'returned') AND r.due_on BETWEEN current_date AND current_date + $1::int`,
      [REPORT_DUE_WITHIN_DAYS],
    );
    let recalled = 0;
    for (const report of due) {
      const members = await this.alliances.activeMembers(report.alliance_id, ['lead', 'partner']);
      const people = await this.organisations.memberRoles(members.map((m) => m.organisationId));
      const notified = await this.notifications.notify({
        userIds: people.map((p) => p.user_id),
        type: 'report_due',
        allianceId: report.alliance_id,
        excerpt: `${report.title} (${report.due_on})`,
        link: `/alliances/${report.alliance_id}/funding`,
        onceFor: report.id,
      });
      this.notifications.changed(notified);
      if (notified.length) recalled++;
    }
    return recalled;
  }
}
