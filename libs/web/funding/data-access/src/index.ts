export { FundingApi, type CreateContributionRequest, type PortfolioFilters } from './lib/funding.api';
