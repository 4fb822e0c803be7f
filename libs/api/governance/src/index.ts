export * from './lib/governance.module';
export * from './lib/governance-readers';
export { ActionEntity, DecisionEntity, DecisionPositionEntity } from './lib/governance.entities';
export * from './lib/governance-dashboard-reader';
