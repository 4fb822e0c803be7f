import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (issue 17, docs/decisions/0024-document-storage.md): a document belongs to an alliance
 * (and is attached to the alliance itself, a meeting, a grant report or a comment), has a visibility
 * and numbered versions; each version's bytes live in the file storage under `storage_key`, a key the
 * API generates (never derived from the file's name). Rows go with their alliance (ON DELETE CASCADE);
 * the API removes the stored files first. Row-level security as for every alliance-scoped table
 * (docs/decisions/0007), plus: the uploader reads their own uploads (the RGPD export).
 * Hand-written (docs/decisions/0004).
 */
export class Documents1795708000000 implements MigrationInterface {
  name = 'Documents1795708000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "documents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "alliance_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "uploaded_by" uuid,
        "visibility" text NOT NULL,
        "target_type" text NOT NULL,
        "target_id" uuid NOT NULL,
        "current_version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "documents_pk" PRIMARY KEY ("id"),
        CONSTRAINT "documents_visibility_check" CHECK ("visibility" IN ('alliance', 'organisation', 'funders')),
        CONSTRAINT "documents_target_type_check" CHECK ("target_type" IN ('alliance', 'meeting', 'grant_report', 'comment')),
        CONSTRAINT "documents_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "documents_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE,
        CONSTRAINT "documents_uploaded_by_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX "documents_alliance_target_idx" ON "documents" ("alliance_id", "target_type", "target_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "documents_uploaded_by_idx" ON "documents" ("uploaded_by")`);
    await queryRunner.query(`
      CREATE TABLE "document_versions" (
        "document_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "name" text NOT NULL,
        "size" bigint NOT NULL,
        "content_type" text NOT NULL,
        "sha256" text NOT NULL,
        "storage_key" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "uploaded_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "document_versions_pk" PRIMARY KEY ("document_id", "version"),
        CONSTRAINT "document_versions_storage_key_unique" UNIQUE ("storage_key"),
        CONSTRAINT "document_versions_size_check" CHECK ("size" >= 0),
        CONSTRAINT "document_versions_document_fk" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE,
        CONSTRAINT "document_versions_uploaded_by_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX "document_versions_uploaded_by_idx" ON "document_versions" ("uploaded_by")`);
    const visible = (column: string) =>
      `((SELECT app_is_platform_admin()) OR ${column} = ANY ((SELECT app_visible_alliances())::uuid[]))`;
    await queryRunner.query(`ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "document_versions" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_rows ON "documents" FOR ALL TO PUBLIC USING (${visible('alliance_id')}) WITH CHECK (${visible('alliance_id')})`);
    await queryRunner.query(`CREATE POLICY own_uploads ON "documents" FOR SELECT TO PUBLIC USING (uploaded_by = app_user_id())`);
    await queryRunner.query(
      `CREATE POLICY tenant_rows ON "document_versions" FOR ALL TO PUBLIC USING (EXISTS (SELECT 1 FROM documents p WHERE p.id = document_versions.document_id)) WITH CHECK (EXISTS (SELECT 1 FROM documents p WHERE p.id = document_versions.document_id))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP TABLE "documents"`);
  }
}
