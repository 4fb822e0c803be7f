export * from './lib/library';
export * from './lib/case-study.entities';
