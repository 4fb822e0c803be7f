export { evaluationsRoutes } from './lib/evaluations.routes';
