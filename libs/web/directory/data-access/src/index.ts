export { DirectoryApi, directoryParams, type DirectoryFilters, type DirectoryQuery } from './lib/directory.api';
export {
  OrganisationProfileApi,
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  organisationLogoUrl,
  type EditableOrganisation,
} from './lib/organisation-profile.api';
export { ProposalsApi } from './lib/proposals.api';
