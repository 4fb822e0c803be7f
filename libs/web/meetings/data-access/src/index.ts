export { MeetingsApi } from './lib/meetings.api';
export { MinutesConnection } from './lib/minutes-connection';
export { meetingPhase, splitMeetings, type MeetingPhase } from './lib/meeting-phase';
