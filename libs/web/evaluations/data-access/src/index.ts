export { EvaluationsApi, type ObjectiveChoice } from './lib/evaluations.api';
