export { diagnosticsRoutes } from './lib/diagnostics.routes';
