export * from './lib/meetings.module';
export * from './lib/meetings-reader';
export * from './lib/meeting.entities';
