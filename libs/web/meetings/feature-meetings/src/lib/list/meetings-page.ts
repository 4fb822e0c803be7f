import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Meeting } from '@alliances/shared/contracts';
import { MeetingsApi, meetingPhase, splitMeetings } from '@alliances/web/meetings/data-access';
import { LocalDatePipe } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { canSchedule, invitableOrganisations } from '../shared/roles';
import { ScheduleDialog, type ScheduleDialogData } from './schedule-dialog';

/** Réunions of an alliance: upcoming first, past below, cancelled ones marked; leads and partners plan new ones. */
@Component({
  selector: 'all-meetings-page',
  imports: [NgTemplateOutlet, MatButton, RouterLink, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './meetings-page.html',
  styleUrl: './meetings-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingsPage {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly list = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.meetings(params) });
  protected readonly sections = computed(() => {
    const list = this.list.value();
    return list ? splitMeetings(list) : null;
  });
  protected readonly canSchedule = computed(() => {
    const alliance = this.alliance.value();
    return !!alliance && canSchedule(alliance);
  });
  protected readonly scheduled = signal<Meeting | null>(null);
  protected readonly phase = (meeting: Meeting) => meetingPhase(meeting);

  protected async schedule(): Promise<void> {
    const alliance = this.alliance.value();
    if (!alliance) return;
    const data: ScheduleDialogData = { allianceId: alliance.id, organisations: invitableOrganisations(alliance) };
    const ref = this.dialog.open<ScheduleDialog, ScheduleDialogData, Meeting>(ScheduleDialog, {
      data,
      width: '44rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    const meeting = await firstValueFrom(ref.afterClosed());
    if (!meeting) return;
    this.scheduled.set(meeting);
    this.list.reload();
  }
}
