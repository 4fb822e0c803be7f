import { MigrationInterface, QueryRunner } from 'typeorm';

/** Optimistic concurrency for objectives and indicators: a version every edit bumps, compared by a conditional UPDATE. */
export class ObjectiveVersions1795689000000 implements MigrationInterface {
  name = 'ObjectiveVersions1795689000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "objectives" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "indicators" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "objectives" DROP COLUMN "version"`);
  }
}
