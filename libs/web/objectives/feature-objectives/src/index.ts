export { objectivesRoutes } from './lib/objectives.routes';
