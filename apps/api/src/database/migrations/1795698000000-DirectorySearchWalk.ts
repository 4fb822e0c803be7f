import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner directory's search by name, flat in its number of matches (issue 14, docs/decisions/0014,
 * "Search plan"): a second partial (name, id) index of the directory's rows that includes the search
 * document, so that a common word's first page walks the name order, filters each index entry and
 * stops at the page's end without reading table rows. The first (name, id) index stays as it is: it
 * includes the masks only, and `sort=match` reads all of it. Hand-written (docs/decisions/0004).
 */
export class DirectorySearchWalk1795698000000 implements MigrationInterface {
  name = 'DirectorySearchWalk1795698000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "organisations_directory_name_search_idx" ON "organisations" ("name", "id") INCLUDE ("search_document") WHERE "listed" AND "status" = 'approved'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "organisations_directory_name_search_idx"`);
  }
}
