import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the list and search routes that the scale benchmark (bench/scale.bench.ts, 10,000
 * organisations and accounts) showed reading whole tables:
 *  - the platform console's accounts, newest first, keyset-paginated on (created_at, id);
 *  - `ILIKE '%…%'` searches on organisation names (the directory a lead invites from) and on account
 *    names and emails (the console): trigram GIN indexes (pg_trgm, a trusted extension of the standard
 *    contrib package). Where the extension cannot be created (the embedded database loads no
 *    extension; a managed server may refuse), those two are skipped: the searches stay correct, only
 *    slower on large tables.
 * Hand-written (docs/decisions/0004).
 */
export class SearchIndexes1795691000000 implements MigrationInterface {
  name = 'SearchIndexes1795691000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "users_created_at_id_idx" ON "users" ("created_at" DESC, "id" DESC)`);
    await queryRunner.query(`SAVEPOINT search_trigram`);
    try {
      await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS "organisations_name_trgm_idx" ON "organisations" USING gin ("name" gin_trgm_ops)`);
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS "users_search_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops, "display_name" gin_trgm_ops)`);
      await queryRunner.query(`RELEASE SAVEPOINT search_trigram`);
    } catch {
      await queryRunner.query(`ROLLBACK TO SAVEPOINT search_trigram`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "users_search_trgm_idx"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "organisations_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "users_created_at_id_idx"`);
  }
}
