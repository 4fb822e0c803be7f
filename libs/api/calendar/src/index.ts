export * from './lib/calendar.module';
export * from './lib/calendar.service';
export * from './lib/calendar-source';
export * from './lib/icalendar';
export * from './lib/calendar-token.entity';
export * from './lib/calendar-scope';
