import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searches that ignore accents and case ("Helene" finds "Hélène"): the console's people search, the
 * directory a lead invites from, and mention suggestions. `fold_accents(text)` lowers and strips
 * accents: with the `unaccent` extension (contrib, present on the embedded server and on standard
 * PostgreSQL packages) when it can be created, else with the same French-letters translation as the
 * library's `unaccent_fr`, so the searches stay correct on a server that refuses extensions. It is
 * IMMUTABLE (unaccent names its dictionary explicitly), so trigram indexes can use it; those indexes
 * are created where pg_trgm is (see SearchIndexes). Hand-written (docs/decisions/0004).
 */
export class AccentFoldingSearch1795693000000 implements MigrationInterface {
  name = 'AccentFoldingSearch1795693000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SAVEPOINT fold_with_unaccent`);
    try {
      await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
      await queryRunner.query(`
        CREATE FUNCTION fold_accents(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
        $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
      await queryRunner.query(`RELEASE SAVEPOINT fold_with_unaccent`);
    } catch {
      await queryRunner.query(`ROLLBACK TO SAVEPOINT fold_with_unaccent`);
      await queryRunner.query(`
        CREATE FUNCTION fold_accents(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
        $$ SELECT replace(replace(translate(lower($1), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'), 'œ', 'oe'), 'æ', 'ae') $$`);
    }
    const [{ trigram }]: { trigram: boolean }[] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trigram`);
    if (!trigram) return;
    await queryRunner.query(`DROP INDEX IF EXISTS "users_search_trgm_idx"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "organisations_name_trgm_idx"`);
    await queryRunner.query(`CREATE INDEX "users_search_trgm_idx" ON "users" USING gin (fold_accents("email") gin_trgm_ops, fold_accents("display_name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin (fold_accents("name") gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "users_search_trgm_idx"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "organisations_name_trgm_idx"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS fold_accents(text)`);
    const [{ trigram }]: { trigram: boolean }[] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trigram`);
    if (!trigram) return;
    await queryRunner.query(`CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "users_search_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops, "display_name" gin_trgm_ops)`);
  }
}
