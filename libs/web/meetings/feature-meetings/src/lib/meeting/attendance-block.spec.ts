import type { MeetingInvitee } from '@alliances/shared/contracts';
import { attendanceDraft } from './attendance-block';

const invitee = (present: MeetingInvitee['present']) =>
  ({
    organisationId: 'org-a',
    organisationName: 'Coopérative Solaire',
    allianceRole: 'partner',
    present,
    attendanceSetAt: null,
    canRepresent: true,
  }) as MeetingInvitee;

describe('attendanceDraft', () => {
  const people = [
    { userId: 'u-1', displayName: 'Sacha Petit' },
    { userId: 'u-2', displayName: 'Lou Bernard' },
  ];

  it('offers the organisation’s people, none ticked before anything was recorded', () => {
    const draft = attendanceDraft(invitee(null), people);
    expect(draft.people.map((p) => p.userId)).toEqual(['u-1', 'u-2']);
    expect([...draft.present]).toEqual([]);
  });

  it('ticks who was recorded, and keeps someone recorded who has since left the organisation', () => {
    const draft = attendanceDraft(
      invitee([
        { userId: 'u-2', displayName: 'Lou Bernard' },
        { userId: 'u-9', displayName: 'Alex Ancien' },
      ]),
      people,
    );
    expect(draft.people.map((p) => p.userId)).toEqual(['u-1', 'u-2', 'u-9']);
    expect([...draft.present]).toEqual(['u-2', 'u-9']);
  });
});
