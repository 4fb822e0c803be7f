import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation questionnaire (issue 18): a campaign keeps the magic-square objective of each partner as
 * it stood at launch (what its square question asked) and, when the schedule launched it, the due
 * date it was launched for: one campaign per alliance and due date, whatever the instances. An
 * alliance's evaluation schedule (rhythm, next launch, duration), row-level security as for every
 * alliance-scoped table (docs/decisions/0007). Hand-written (docs/decisions/0004).
 */
export class EvaluationQuestionnaire1795711000000 implements MigrationInterface {
  name = 'EvaluationQuestionnaire1795711000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_campaigns" ADD "square_objectives" jsonb`);
    await queryRunner.query(`ALTER TABLE "evaluation_campaigns" ADD "scheduled_for" date`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "evaluation_campaigns_scheduled_uq" ON "evaluation_campaigns" ("alliance_id", "scheduled_for") WHERE "scheduled_for" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "evaluation_schedules" (
        "alliance_id" uuid NOT NULL,
        "rhythm" text NOT NULL,
        "next_launch_on" date,
        "duration_days" int NOT NULL,
        "updated_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "evaluation_schedules_pk" PRIMARY KEY ("alliance_id"),
        CONSTRAINT "evaluation_schedules_rhythm_ck" CHECK ("rhythm" IN ('yearly', 'half_yearly', 'none')),
        CONSTRAINT "evaluation_schedules_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "evaluation_schedules_due_idx" ON "evaluation_schedules" ("next_launch_on") WHERE "rhythm" <> 'none'`);
    const visible = (column: string) =>
      `((SELECT app_is_platform_admin()) OR ${column} = ANY ((SELECT app_visible_alliances())::uuid[]))`;
    await queryRunner.query(`ALTER TABLE "evaluation_schedules" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_rows ON "evaluation_schedules" FOR ALL TO PUBLIC USING (${visible('alliance_id')}) WITH CHECK (${visible('alliance_id')})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evaluation_schedules"`);
    await queryRunner.query(`DROP INDEX "evaluation_campaigns_scheduled_uq"`);
    await queryRunner.query(`ALTER TABLE "evaluation_campaigns" DROP COLUMN "scheduled_for"`);
    await queryRunner.query(`ALTER TABLE "evaluation_campaigns" DROP COLUMN "square_objectives"`);
  }
}
