import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisations' self-diagnostics (docs/domain.md "Self-diagnostic"). Organisation-scoped, like
 * memberships: no row-level security policy (those guard alliance-scoped tables); every read goes
 * through OrganisationPolicy. Hand-written (docs/decisions/0004).
 */
export class Diagnostics1795696000000 implements MigrationInterface {
  name = 'Diagnostics1795696000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "diagnostics" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "profile" text NOT NULL,
        "questionnaire_version" integer NOT NULL,
        "answers" jsonb NOT NULL,
        "axes" jsonb NOT NULL,
        "suggested" jsonb NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "diagnostics_pk" PRIMARY KEY ("id"),
        CONSTRAINT "diagnostics_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE,
        CONSTRAINT "diagnostics_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "diagnostics_profile_check" CHECK ("profile" IN ('association', 'company', 'foundation', 'local_authority', 'generic')),
        CONSTRAINT "diagnostics_answers_array" CHECK (jsonb_typeof("answers") = 'array'),
        CONSTRAINT "diagnostics_axes_array" CHECK (jsonb_typeof("axes") = 'array')
      )
    `);
    // The history, newest first, per organisation (the keyset of the list).
    await queryRunner.query(`CREATE INDEX "diagnostics_organisation_created_idx" ON "diagnostics" ("organisation_id", "created_at" DESC, "id" DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "diagnostics"`);
  }
}
