export { AlliancesApi } from './lib/alliances.api';
