import { Identity1795672820155 } from './1795672820155-Identity';

/** Migrations in the order they run. Generated, reviewed, and never edited once applied. */
export const migrations = [Identity1795672820155];
