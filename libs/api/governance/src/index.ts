export * from './lib/governance.module';
export * from './lib/governance-readers';
