import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance's public page shows a snapshot taken when its lead opens it, on which the partners consent
 * (issue 18, docs/decisions/0027-public-pages.md). A page opened before has no snapshot: it stays offline
 * until the lead opens it again (and the partners consent to what it shows). Hand-written (docs/decisions/0004).
 */
export class AlliancePageSnapshot1795714100000 implements MigrationInterface {
  name = 'AlliancePageSnapshot1795714100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_studies" ADD COLUMN "alliance_page_content" jsonb`);
    await queryRunner.query(`UPDATE "case_studies" SET "alliance_page" = false WHERE "alliance_page"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_studies" DROP COLUMN "alliance_page_content"`);
  }
}
