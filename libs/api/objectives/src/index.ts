export * from './lib/objectives.module';
export * from './lib/objectives.service';
export * from './lib/objectives-reader';
export * from './lib/objective.entities';
export * from './lib/objectives-dashboard-reader';
