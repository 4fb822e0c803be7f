import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings of an alliance (issue 17): the meeting, its invited organisations with their attendance,
 * the minutes' live Yjs journal and snapshot (the same shape as the charter's, docs/decisions/0022-live-documents.md),
 * the frozen versions of the minutes and each organisation's approval. Every table carries `alliance_id`
 * and row-level security as the other alliance-scoped tables (docs/decisions/0007). Hand-written (docs/decisions/0004).
 */
const TABLES = ['meetings', 'meeting_invitees', 'minutes_updates', 'minutes_snapshots', 'minutes_versions', 'minutes_approvals'];
const visible = `((SELECT app_is_platform_admin()) OR alliance_id = ANY ((SELECT app_visible_alliances())::uuid[]))`;

export class Meetings1795706000000 implements MigrationInterface {
  name = 'Meetings1795706000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "meetings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "alliance_id" uuid NOT NULL,
        "title" text NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "location" text,
        "video_url" text,
        "agenda" jsonb NOT NULL DEFAULT '[]',
        "status" text NOT NULL DEFAULT 'scheduled',
        "minutes_status" text NOT NULL DEFAULT 'draft',
        "version" int NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "meetings_pk" PRIMARY KEY ("id"),
        CONSTRAINT "meetings_status_check" CHECK ("status" IN ('scheduled', 'cancelled')),
        CONSTRAINT "meetings_minutes_status_check" CHECK ("minutes_status" IN ('draft', 'final', 'approved')),
        CONSTRAINT "meetings_times_check" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "meetings_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "meetings_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX "meetings_alliance_starts_idx" ON "meetings" ("alliance_id", "starts_at")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_invitees" (
        "meeting_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "alliance_id" uuid NOT NULL,
        "present" uuid[],
        "attendance_set_by" uuid,
        "attendance_set_at" timestamptz,
        CONSTRAINT "meeting_invitees_pk" PRIMARY KEY ("meeting_id", "organisation_id"),
        CONSTRAINT "meeting_invitees_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE,
        CONSTRAINT "meeting_invitees_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE,
        CONSTRAINT "meeting_invitees_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "meeting_invitees_set_by_fk" FOREIGN KEY ("attendance_set_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX "meeting_invitees_organisation_idx" ON "meeting_invitees" ("organisation_id")`);
    await queryRunner.query(`
      CREATE TABLE "minutes_updates" (
        "id" bigserial NOT NULL,
        "meeting_id" uuid NOT NULL,
        "alliance_id" uuid NOT NULL,
        "update" bytea NOT NULL,
        "user_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "minutes_updates_pk" PRIMARY KEY ("id"),
        CONSTRAINT "minutes_updates_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE,
        CONSTRAINT "minutes_updates_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "minutes_updates_meeting_idx" ON "minutes_updates" ("meeting_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "minutes_snapshots" (
        "meeting_id" uuid NOT NULL,
        "alliance_id" uuid NOT NULL,
        "state" bytea NOT NULL,
        "last_update_id" bigint NOT NULL,
        "update_count" int NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "minutes_snapshots_pk" PRIMARY KEY ("meeting_id"),
        CONSTRAINT "minutes_snapshots_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE,
        CONSTRAINT "minutes_snapshots_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "minutes_versions" (
        "meeting_id" uuid NOT NULL,
        "version" int NOT NULL,
        "alliance_id" uuid NOT NULL,
        "text" text NOT NULL,
        "sha256" text NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "minutes_versions_pk" PRIMARY KEY ("meeting_id", "version"),
        CONSTRAINT "minutes_versions_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE,
        CONSTRAINT "minutes_versions_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "minutes_versions_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "minutes_approvals" (
        "meeting_id" uuid NOT NULL,
        "version" int NOT NULL,
        "organisation_id" uuid NOT NULL,
        "alliance_id" uuid NOT NULL,
        "sha256" text NOT NULL,
        "approved_by" uuid,
        "approved_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "minutes_approvals_pk" PRIMARY KEY ("meeting_id", "version", "organisation_id"),
        CONSTRAINT "minutes_approvals_version_fk" FOREIGN KEY ("meeting_id", "version") REFERENCES "minutes_versions"("meeting_id", "version") ON DELETE CASCADE,
        CONSTRAINT "minutes_approvals_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE,
        CONSTRAINT "minutes_approvals_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "minutes_approvals_approved_by_fk" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_rows ON "${table}" FOR ALL TO PUBLIC USING (${visible}) WITH CHECK (${visible})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
