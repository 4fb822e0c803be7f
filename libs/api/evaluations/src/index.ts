export * from './lib/evaluations.module';
export * from './lib/evaluations.service';
export * from './lib/evaluations-reader';
export * from './lib/evaluation.entities';
export * from './lib/default-template';
export * from './lib/evaluations-dashboard-reader';
export { SUMMARY_MIN_RESPONDENTS, type EvaluationSummary } from './lib/evaluation-summaries';
export * from './lib/evaluation-schedule.entity';
