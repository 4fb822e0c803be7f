import type { CreateMeetingRequest } from '@alliances/shared/contracts';
import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';

export const MAX_AGENDA_ITEMS = 30;

export type AgendaItemForm = FormGroup<{ title: FormControl<string> }>;

export type ScheduleForm = FormGroup<{
  title: FormControl<string>;
  startDate: FormControl<string>;
  startTime: FormControl<string>;
  endDate: FormControl<string>;
  endTime: FormControl<string>;
  location: FormControl<string>;
  agenda: FormArray<AgendaItemForm>;
  invited: FormControl<string[]>;
}>;

/** A date (`yyyy-mm-dd`) and a time (`hh:mm`) typed in the person's own time zone, as an instant; null when incomplete. */
export function localInstant(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const instant = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const dateInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const timeInput = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * The end must come after the start: the error sits on the end time control (and is cleared from it
 * once fixed), so it shows under the field a person has to change.
 */
export const endsAfterStart: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const form = group as ScheduleForm;
  const { startDate, startTime, endDate, endTime } = form.controls;
  const start = localInstant(startDate.value, startTime.value);
  const end = localInstant(endDate.value, endTime.value);
  const wrong = !!start && !!end && end.getTime() <= start.getTime();
  const errors = { ...(endTime.errors ?? {}) };
  const had = 'endsBeforeStart' in errors;
  if (wrong && !had) endTime.setErrors({ ...errors, endsBeforeStart: true });
  if (!wrong && had) {
    delete errors['endsBeforeStart'];
    endTime.setErrors(Object.keys(errors).length ? errors : null);
  }
  return null;
};

export const agendaItem = (title = ''): AgendaItemForm =>
  new FormGroup({ title: new FormControl(title, { nonNullable: true, validators: [Validators.maxLength(200)] }) });

/** A new meeting's form: next week's same hour by default, two hours long, every partner invited. */
export function scheduleForm(invited: string[], now = new Date()): ScheduleForm {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7, 14, 0);
  const end = new Date(start.getTime() + 2 * 3600_000);
  const text = (value: string, ...validators: ValidatorFn[]) => new FormControl(value, { nonNullable: true, validators });
  return new FormGroup(
    {
      title: text('', Validators.required, Validators.maxLength(200)),
      startDate: text(dateInput(start), Validators.required),
      startTime: text(timeInput(start), Validators.required),
      endDate: text(dateInput(end), Validators.required),
      endTime: text(timeInput(end), Validators.required),
      location: text('', Validators.maxLength(500)),
      agenda: new FormArray<AgendaItemForm>([agendaItem()]),
      invited: new FormControl<string[]>(invited, { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [endsAfterStart] },
  );
}

/** Moves an agenda item up (-1) or down (+1); nothing when it is already at that end. */
export function moveAgendaItem(agenda: FormArray<AgendaItemForm>, index: number, by: -1 | 1): boolean {
  const to = index + by;
  if (to < 0 || to >= agenda.length) return false;
  const item = agenda.at(index);
  agenda.removeAt(index);
  agenda.insert(to, item);
  return true;
}

export const isVideoLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/** What the API receives: instants in UTC, empty agenda rows and an empty place left out. */
export function scheduleRequest(form: ScheduleForm): CreateMeetingRequest {
  const v = form.getRawValue();
  const start = localInstant(v.startDate, v.startTime);
  const end = localInstant(v.endDate, v.endTime);
  const place = v.location.trim();
  return {
    title: v.title.trim(),
    startsAt: start?.toISOString() ?? '',
    endsAt: end?.toISOString() ?? '',
    // One field for both: a web address is the video link, anything else the place.
    ...(isVideoLink(place) ? { videoUrl: place } : place ? { location: place } : {}),
    agenda: v.agenda.map((a) => ({ title: a.title.trim() })).filter((a) => a.title),
    invitedOrganisationIds: v.invited,
  };
}
