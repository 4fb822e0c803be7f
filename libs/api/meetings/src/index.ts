export * from './lib/meeting.entities';
