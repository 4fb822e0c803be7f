/** Migrations in the order they run. Generated, reviewed, and never edited once applied. */
export const migrations = [];
