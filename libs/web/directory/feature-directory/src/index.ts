export { directoryRoutes } from './lib/directory.routes';
export { OrganisationLogo } from './lib/shared/organisation-logo';
export { TerritoryField, territoryChosen, territoryCode, type TerritoryValue } from './lib/shared/territory-field';
export { DOMAIN_SLUG, DomainKeyPipe, PARTNER_NEEDS, partneringTitle, providePartneringI18n } from './lib/shared/partnering-labels';
