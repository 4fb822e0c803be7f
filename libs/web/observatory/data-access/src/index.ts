export { OBSERVATORY_OPEN_DATA, ObservatoryApi, observatoryParams } from './lib/observatory.api';
export { observatoryTitle, provideObservatoryI18n } from './lib/observatory-i18n';
export { FRENCH_REGIONS, regionName } from './lib/regions';
