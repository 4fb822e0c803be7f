import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Meeting, MeetingInvitee, MeetingPerson } from '@alliances/shared/contracts';
import { MeetingsApi } from '@alliances/web/meetings/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';

/** The ticks of one organisation's form: its people, and who is ticked present. */
export interface AttendanceDraft {
  people: MeetingPerson[];
  present: Set<string>;
}

/** Everyone the organisation's list may name: its current people, plus anyone already recorded who has since left. */
export function attendanceDraft(invitee: MeetingInvitee, people: MeetingPerson[]): AttendanceDraft {
  const recorded = invitee.present ?? [];
  const all = [...people, ...recorded.filter((p) => !people.some((q) => q.userId === p.userId))];
  return { people: all, present: new Set(recorded.map((p) => p.userId)) };
}

/**
 * Attendance per invited organisation: a person ticks who of their own organisation was present;
 * the other organisations' lists are read only.
 */
@Component({
  selector: 'all-attendance-block',
  imports: [MatButton, MatCheckbox, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <section aria-labelledby="attendance-title" data-testid="attendance">
      <h2 id="attendance-title">{{ 'meetings.attendance.title' | transloco }}</h2>
      @if (error(); as e) {
        <all-notice kind="error">{{ e | transloco }}</all-notice>
      }
      <ul class="organisations">
        @for (invitee of meeting().invited; track invitee.organisationId) {
          <li [attr.data-testid]="'attendance-' + invitee.organisationId">
            <h3 [id]="'attendance-org-' + invitee.organisationId">{{ invitee.organisationName }}</h3>
            @if (invitee.canRepresent && editable() && drafts()[invitee.organisationId]; as draft) {
              <fieldset [attr.aria-labelledby]="'attendance-org-' + invitee.organisationId">
                <legend class="visually-hidden">{{ 'meetings.attendance.who' | transloco: { name: invitee.organisationName } }}</legend>
                @for (person of draft.people; track person.userId) {
                  <mat-checkbox
                    [checked]="draft.present.has(person.userId)"
                    (change)="tick(invitee.organisationId, person.userId, $event.checked)"
                    [attr.data-testid]="'present-' + person.userId"
                    >{{ person.displayName }}</mat-checkbox
                  >
                }
              </fieldset>
              <button
                matButton="outlined"
                type="button"
                [disabled]="saving() === invitee.organisationId"
                (click)="save(invitee.organisationId)"
                [attr.data-testid]="'save-attendance-' + invitee.organisationId"
              >
                {{ 'meetings.attendance.save' | transloco }}
              </button>
              @if (saved() === invitee.organisationId) {
                <span role="status" class="saved">{{ 'meetings.attendance.saved' | transloco }}</span>
              }
            } @else if (invitee.present; as present) {
              @if (present.length) {
                <p>{{ names(present) }}</p>
              } @else {
                <p class="hint">{{ 'meetings.attendance.nobody' | transloco }}</p>
              }
            } @else {
              <p class="hint">{{ 'meetings.attendance.notRecorded' | transloco }}</p>
            }
            @if (invitee.attendanceSetAt) {
              <p class="hint">
                {{ 'meetings.attendance.recordedAt' | transloco: { when: (invitee.attendanceSetAt | localDate: 'dateTime') } }}
              </p>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .organisations {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .organisations li {
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    h3 {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    fieldset {
      display: flex;
      flex-direction: column;
      margin: 0 0 0.5rem;
      padding: 0;
      border: 0;
    }
    .hint {
      margin: 0.25rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .saved {
      margin-left: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttendanceBlock {
  private readonly api = inject(MeetingsApi);

  readonly meeting = input.required<Meeting>();
  /** False once the meeting is cancelled or the alliance closed. */
  readonly editable = input(true);
  readonly changed = output<Meeting>();

  protected readonly drafts = signal<Record<string, AttendanceDraft>>({});
  protected readonly saving = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const meeting = this.meeting();
      for (const invitee of meeting.invited.filter((i) => i.canRepresent)) void this.loadPeople(invitee);
    });
  }

  protected names(people: MeetingPerson[]): string {
    return people.map((p) => p.displayName).join(', ');
  }

  protected tick(organisationId: string, userId: string, present: boolean): void {
    this.saved.set(null);
    this.drafts.update((drafts) => {
      const draft = drafts[organisationId];
      if (!draft) return drafts;
      const next = new Set(draft.present);
      if (present) next.add(userId);
      else next.delete(userId);
      return { ...drafts, [organisationId]: { ...draft, present: next } };
    });
  }

  protected async save(organisationId: string): Promise<void> {
    const draft = this.drafts()[organisationId];
    if (!draft) return;
    this.saving.set(organisationId);
    this.error.set(null);
    try {
      const meeting = await firstValueFrom(this.api.setAttendance(this.meeting().id, { organisationId, present: [...draft.present] }));
      this.saved.set(organisationId);
      this.changed.emit(meeting);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(null);
    }
  }

  private async loadPeople(invitee: MeetingInvitee): Promise<void> {
    try {
      const people = await firstValueFrom(this.api.people(invitee.organisationId));
      const draft = attendanceDraft(
        invitee,
        people.map((p) => ({ userId: p.userId, displayName: p.displayName })),
      );
      this.drafts.update((drafts) => ({ ...drafts, [invitee.organisationId]: draft }));
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }
}
