import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `comments` had two identical (alliance_id, seq) indexes: the plain one the entity declared and the
 * one behind the `comments_seq_unique` constraint. The unique one serves the same lookups; the other
 * only cost every write. Hand-written (docs/decisions/0004).
 */
export class DropDuplicateCommentSeqIndex1795694000000 implements MigrationInterface {
  name = 'DropDuplicateCommentSeqIndex1795694000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_bf4a0bf9c6265b81880b006fa7"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_bf4a0bf9c6265b81880b006fa7" ON "comments" ("alliance_id", "seq")`);
  }
}
