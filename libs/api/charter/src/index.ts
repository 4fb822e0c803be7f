export * from './lib/charter.module';
export * from './lib/charter.service';
export * from './lib/charter.entities';
export * from './lib/markdown';
export * from './lib/charter-template';
export * from './lib/charter-reader';
export * from './lib/charter-dashboard-reader';
export * from './lib/charter-erasure';
