import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Meeting } from '@alliances/shared/contracts';
import { MeetingsApi } from '@alliances/web/meetings/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError } from '../shared/meeting-errors';
import { MAX_AGENDA_ITEMS, agendaItem, moveAgendaItem, scheduleForm, scheduleRequest } from './schedule-form';

export interface ScheduleDialogData {
  allianceId: string;
  /** The alliance's active lead and partners, all invited by default. */
  organisations: { organisationId: string; organisationName: string }[];
}

/** "Planifier une réunion": title, start and end, place or video link, agenda, invited organisations. */
@Component({
  selector: 'all-schedule-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatIconButton,
    MatCheckbox,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslocoPipe,
    Notice,
  ],
  templateUrl: './schedule-dialog.html',
  styleUrl: './schedule-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScheduleDialog {
  protected readonly data = inject<ScheduleDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ScheduleDialog, Meeting>>(MatDialogRef);
  private readonly api = inject(MeetingsApi);

  protected readonly form = scheduleForm(this.data.organisations.map((o) => o.organisationId));
  protected readonly agenda = this.form.controls.agenda;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly maxAgenda = MAX_AGENDA_ITEMS;
  protected readonly fieldError = fieldError;
  /** Announced after an agenda row moved, for screen readers. */
  protected readonly moved = signal('');

  protected isInvited(organisationId: string): boolean {
    return this.form.controls.invited.value.includes(organisationId);
  }

  protected toggleInvited(organisationId: string, checked: boolean): void {
    const control = this.form.controls.invited;
    const others = control.value.filter((id) => id !== organisationId);
    control.setValue(checked ? [...others, organisationId] : others);
    control.markAsTouched();
  }

  protected addItem(): void {
    if (this.agenda.length >= MAX_AGENDA_ITEMS) return;
    this.agenda.push(agendaItem());
  }

  protected removeItem(index: number): void {
    this.agenda.removeAt(index);
  }

  protected move(index: number, by: -1 | 1): void {
    if (moveAgendaItem(this.agenda, index, by)) this.moved.set(`${index + by + 1}`);
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    this.form.updateValueAndValidity();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const meeting = await firstValueFrom(this.api.schedule(this.data.allianceId, scheduleRequest(this.form)));
      this.ref.close(meeting);
    } catch (error) {
      const matched = applyFieldErrors(this.form, error, { startsAt: 'startTime', endsAt: 'endTime', invitedOrganisationIds: 'invited' });
      if (!matched) this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
