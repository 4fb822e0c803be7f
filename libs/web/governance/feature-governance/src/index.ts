export { governanceRoutes } from './lib/governance.routes';
