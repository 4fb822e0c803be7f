import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alliances that change (docs/decisions/0020-leaving-and-closing.md): an organisation that leaves, or
 * that the lead removes, keeps its seat as history with the status `left` or `removed` (its charter
 * signatures stay with the versions it signed); a closed alliance keeps the lead's final note.
 * Hand-written (docs/decisions/0004).
 */
export class AllianceLeavingAndClosing1795702000000 implements MigrationInterface {
  name = 'AllianceLeavingAndClosing1795702000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliance_members" DROP CONSTRAINT "alliance_members_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_status_check" CHECK ("status" IN ('invited', 'active', 'declined', 'left', 'removed'))`,
    );
    await queryRunner.query(`ALTER TABLE "alliances" ADD "closing_note" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliances" DROP COLUMN "closing_note"`);
    await queryRunner.query(`UPDATE "alliance_members" SET "status" = 'declined' WHERE "status" IN ('left', 'removed')`);
    await queryRunner.query(`ALTER TABLE "alliance_members" DROP CONSTRAINT "alliance_members_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_status_check" CHECK ("status" IN ('invited', 'active', 'declined'))`,
    );
  }
}
