export { DirectoryApi, directoryParams, type DirectoryFilters, type DirectorySearch } from './lib/directory.api';
export { OrganisationProfileApi, organisationLogoUrl } from './lib/organisation-profile.api';
export { ProposalsApi } from './lib/proposals.api';
