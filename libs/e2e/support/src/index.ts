export * from './lib/api-process';
export * from './lib/paths';
export * from './lib/test-database';
