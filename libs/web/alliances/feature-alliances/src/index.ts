export { alliancesRoutes } from './lib/alliances.routes';
