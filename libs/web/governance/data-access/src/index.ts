export { GovernanceApi, type ActionFilters, type DecisionFilters } from './lib/governance.api';
