import { MigrationInterface, QueryRunner } from 'typeorm';

/** A check-in's note may be private to its author's organisation (docs/domain.md "Visibility"). */
export class PrivateCheckInNotes1795692000000 implements MigrationInterface {
  name = 'PrivateCheckInNotes1795692000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "checkins" ADD "note_organisation_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "checkins" DROP COLUMN "note_organisation_id"`);
  }
}
