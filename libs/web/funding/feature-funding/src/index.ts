export { fundingRoutes } from './lib/funding.routes';
