export { ObjectivesApi, type CheckInAttempt } from './lib/objectives.api';
