export * from './lib/errors';
export * from './lib/health';
export * from './lib/identifiers';
export * from './lib/identity';
export * from './lib/pagination';
export * from './lib/alliances';
export * from './lib/charter';
export * from './lib/objectives';
