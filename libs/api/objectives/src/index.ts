export * from './lib/objectives.module';
export * from './lib/objectives.service';
export * from './lib/objective.entities';
