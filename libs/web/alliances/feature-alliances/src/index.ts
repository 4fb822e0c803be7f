export { alliancesRoutes } from './lib/alliances.routes';
export { alliancesScopeLoaded, provideAlliancesScope } from './lib/shared/alliances-scope';
export { dashboardRoutes, signedInHome } from './lib/dashboard/dashboard.routes';
