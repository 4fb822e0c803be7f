import { Identity1795672820155 } from './1795672820155-Identity';
import { AlliancesAndCharter1795673936813 } from './1795673936813-AlliancesAndCharter';

/** Migrations in the order they run. Generated, reviewed, and never edited once applied. */
export const migrations = [Identity1795672820155, AlliancesAndCharter1795673936813];
