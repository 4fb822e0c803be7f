import type { Meeting, Minutes } from '@alliances/shared/contracts';

/** Spec-only: a steering meeting of two organisations; the caller represents the Coopérative Solaire. */
export const MEETING: Meeting = {
  id: 'm-1',
  allianceId: 'all-1',
  title: 'Comité de pilotage',
  startsAt: '2027-01-14T13:00:00.000Z',
  endsAt: '2027-01-14T15:00:00.000Z',
  location: 'Maison des associations, Lyon',
  videoUrl: null,
  agenda: [{ title: 'Bilan du trimestre' }],
  status: 'scheduled',
  minutesStatus: 'final',
  version: 1,
  invited: [
    {
      organisationId: 'org-lead',
      organisationName: 'Les Jardins Partagés',
      allianceRole: 'lead',
      present: null,
      attendanceSetAt: null,
      canRepresent: false,
    },
    {
      organisationId: 'org-partner',
      organisationName: 'Coopérative Solaire',
      allianceRole: 'partner',
      present: null,
      attendanceSetAt: null,
      canRepresent: true,
    },
  ],
  createdBy: { userId: 'u-lead', displayName: 'Camille Martin' },
  createdAt: '2026-12-03T10:00:00.000Z',
  updatedAt: '2026-12-03T10:00:00.000Z',
  canEdit: true,
};

export const FINAL_MINUTES: Minutes = {
  meetingId: 'm-1',
  allianceId: 'all-1',
  status: 'final',
  current: {
    version: 1,
    text: 'Le comité valide le budget 2027.\n',
    sha256: '8061cdd91dd6a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890',
    createdAt: '2026-12-03T11:00:00.000Z',
    createdBy: { userId: 'u-lead', displayName: 'Camille Martin' },
  },
  approvals: [
    {
      organisationId: 'org-lead',
      organisationName: 'Les Jardins Partagés',
      approvedBy: { userId: 'u-lead', displayName: 'Camille Martin' },
      approvedAt: '2026-12-03T11:05:00.000Z',
      sha256: '8061cdd91dd6a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890',
    },
  ],
  awaiting: ['org-partner'],
  canFinalise: true,
  approveFor: ['org-partner'],
};
