import { agendaItem, localInstant, moveAgendaItem, scheduleForm, scheduleRequest } from './schedule-form';

describe('the schedule form', () => {
  const NOW = new Date(2026, 11, 3, 9, 30);

  it('reads a date and a time as an instant of the person’s own time zone', () => {
    expect(localInstant('2026-12-10', '14:30')?.getTime()).toBe(new Date(2026, 11, 10, 14, 30).getTime());
    expect(localInstant('2026-12-10', '')).toBeNull();
    expect(localInstant('', '14:30')).toBeNull();
  });

  it('starts a week ahead, two hours long, with every partner invited', () => {
    const form = scheduleForm(['org-a', 'org-b'], NOW);
    const v = form.getRawValue();
    expect([v.startDate, v.startTime, v.endDate, v.endTime]).toEqual(['2026-12-10', '14:00', '2026-12-10', '16:00']);
    expect(v.invited).toEqual(['org-a', 'org-b']);
    expect(form.controls.title.hasError('required')).toBe(true);
  });

  it('puts "the end must come after the start" on the end time, and takes it away once fixed', () => {
    const form = scheduleForm(['org-a'], NOW);
    form.patchValue({ title: 'Comité de pilotage', endTime: '13:00' });
    expect(form.controls.endTime.hasError('endsBeforeStart')).toBe(true);
    expect(form.invalid).toBe(true);

    form.controls.endTime.setValue('14:00');
    expect(form.controls.endTime.hasError('endsBeforeStart')).toBe(true);

    form.controls.endDate.setValue('2026-12-11');
    expect(form.controls.endTime.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('moves agenda items up and down, never past either end', () => {
    const form = scheduleForm([], NOW);
    const agenda = form.controls.agenda;
    agenda.at(0).controls.title.setValue('Bilan');
    agenda.push(agendaItem('Budget'));
    agenda.push(agendaItem('Questions diverses'));

    expect(moveAgendaItem(agenda, 2, -1)).toBe(true);
    expect(agenda.getRawValue().map((a) => a.title)).toEqual(['Bilan', 'Questions diverses', 'Budget']);
    expect(moveAgendaItem(agenda, 0, -1)).toBe(false);
    expect(moveAgendaItem(agenda, 2, 1)).toBe(false);
  });

  it('sends instants in UTC, a web address as the video link, and leaves out empty agenda rows', () => {
    const form = scheduleForm(['org-a'], NOW);
    form.patchValue({ title: '  Comité de pilotage ', location: 'https://visio.example.org/comite' });
    form.controls.agenda.push(agendaItem('  '));
    form.controls.agenda.at(0).controls.title.setValue('Bilan du trimestre');

    const request = scheduleRequest(form);
    expect(request).toEqual({
      title: 'Comité de pilotage',
      startsAt: new Date(2026, 11, 10, 14, 0).toISOString(),
      endsAt: new Date(2026, 11, 10, 16, 0).toISOString(),
      videoUrl: 'https://visio.example.org/comite',
      agenda: [{ title: 'Bilan du trimestre' }],
      invitedOrganisationIds: ['org-a'],
    });

    form.controls.location.setValue('Maison des associations, Lyon');
    expect(scheduleRequest(form)).toMatchObject({ location: 'Maison des associations, Lyon' });
    expect(scheduleRequest(form)).not.toHaveProperty('videoUrl');
  });
});
