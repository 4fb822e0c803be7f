export { charterRoutes } from './lib/charter.routes';
