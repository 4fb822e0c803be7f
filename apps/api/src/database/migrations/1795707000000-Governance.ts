import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions by organisation and actions assigned to a person (issue 17, libs/api/governance,
 * docs/decisions/0023-actions-one-list.md). `meeting_id` has no foreign key: meetings are another
 * domain's table, checked through its reader. Row-level security as on every alliance-scoped table
 * (docs/decisions/0007-row-level-security.md). Hand-written (docs/decisions/0004).
 */
const visible = (allianceColumn: string) => `((SELECT app_is_platform_admin()) OR ${allianceColumn} = ANY ((SELECT app_visible_alliances())::uuid[]))`;

export class Governance1795707000000 implements MigrationInterface {
  name = 'Governance1795707000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "decisions" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "alliance_id" uuid NOT NULL REFERENCES "alliances"("id") ON DELETE CASCADE,
        "title" text NOT NULL,
        "proposal" text NOT NULL,
        "rule" text NOT NULL CHECK ("rule" IN ('consent', 'majority')),
        "status" text NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'adopted', 'rejected')),
        "closes_at" timestamptz NOT NULL,
        "closed_at" timestamptz,
        "closed_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "outcome" jsonb,
        "meeting_id" uuid,
        "proposed_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "proposer_organisation_id" uuid REFERENCES "organisations"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("status" = 'open') = ("closed_at" IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "decisions_alliance" ON "decisions" ("alliance_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "decisions_due" ON "decisions" ("closes_at") WHERE "status" = 'open'`);
    await queryRunner.query(`CREATE INDEX "decisions_meeting" ON "decisions" ("meeting_id") WHERE "meeting_id" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "decision_positions" (
        "decision_id" uuid NOT NULL REFERENCES "decisions"("id") ON DELETE CASCADE,
        "organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
        "alliance_id" uuid NOT NULL REFERENCES "alliances"("id") ON DELETE CASCADE,
        "position" text NOT NULL CHECK ("position" IN ('agree', 'abstain', 'disagree', 'block')),
        "reason" text,
        "set_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "set_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("decision_id", "organisation_id"),
        CHECK ("position" IN ('agree', 'abstain') OR "reason" IS NOT NULL)
      )`);

    await queryRunner.query(`
      CREATE TABLE "actions" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "alliance_id" uuid NOT NULL REFERENCES "alliances"("id") ON DELETE CASCADE,
        "title" text NOT NULL,
        "description" text,
        "assignee_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "assignee_organisation_id" uuid REFERENCES "organisations"("id") ON DELETE SET NULL,
        "due_on" date NOT NULL,
        "status" text NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'done')),
        "done_at" timestamptz,
        "source_type" text CHECK ("source_type" IN ('meeting', 'decision', 'evaluation')),
        "source_id" uuid,
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "creator_organisation_id" uuid REFERENCES "organisations"("id") ON DELETE SET NULL,
        "version" int NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("source_type" IS NULL) = ("source_id" IS NULL)),
        CHECK (("status" = 'done') = ("done_at" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "actions_alliance_due" ON "actions" ("alliance_id", "due_on", "id")`);
    await queryRunner.query(`CREATE INDEX "actions_assignee_open" ON "actions" ("assignee_user_id", "due_on") WHERE "status" = 'open'`);
    await queryRunner.query(`CREATE INDEX "actions_source" ON "actions" ("source_type", "source_id") WHERE "source_id" IS NOT NULL`);

    for (const table of ['decisions', 'decision_positions', 'actions']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_rows ON "${table}" FOR ALL TO PUBLIC USING (${visible('alliance_id')}) WITH CHECK (${visible('alliance_id')})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "actions"`);
    await queryRunner.query(`DROP TABLE "decision_positions"`);
    await queryRunner.query(`DROP TABLE "decisions"`);
  }
}
