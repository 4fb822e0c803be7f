export { observatoryRoutes } from './lib/observatory.routes';
