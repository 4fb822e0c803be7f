import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposals between organisations, blocks, external alliance invitations and territorial catalysts
 * (issue 14, docs/decisions/0015-proposals.md). Hand-written (docs/decisions/0004).
 */
export class Proposals1795697000000 implements MigrationInterface {
  name = 'Proposals1795697000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The directory's opt-in; the organisations' profile migration adds it too, both with IF NOT EXISTS.
    await queryRunner.query(`ALTER TABLE "organisations" ADD COLUMN IF NOT EXISTS "listed" boolean NOT NULL DEFAULT false`);

    await queryRunner.query(`
      CREATE TABLE "proposals" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "from_organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
        "to_organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
        "introduced_by_organisation_id" uuid REFERENCES "organisations"("id") ON DELETE SET NULL,
        "from_accepted" boolean NOT NULL DEFAULT false,
        "to_accepted" boolean NOT NULL DEFAULT false,
        "message" text NOT NULL,
        "category" text,
        "alliance_id" uuid REFERENCES "alliances"("id") ON DELETE SET NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'accepted', 'declined', 'withdrawn')),
        "decline_reason" text,
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "decided_at" timestamptz,
        "decided_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        CHECK ("from_organisation_id" <> "to_organisation_id")
      )`);
    // One pending proposal per pair, whichever way it goes.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "proposals_pending_pair" ON "proposals" (least("from_organisation_id", "to_organisation_id"), greatest("from_organisation_id", "to_organisation_id")) WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "proposals_to" ON "proposals" ("to_organisation_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "proposals_from" ON "proposals" ("from_organisation_id", "created_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "proposals_introduced_by" ON "proposals" ("introduced_by_organisation_id", "created_at", "id") WHERE "introduced_by_organisation_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "organisation_blocks" (
        "organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
        "blocked_organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("organisation_id", "blocked_organisation_id"),
        CHECK ("organisation_id" <> "blocked_organisation_id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "catalyst_territories" (
        "organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
        "territory_code" text NOT NULL,
        "granted_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "granted_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("organisation_id", "territory_code")
      )`);

    await queryRunner.query(`
      CREATE TABLE "alliance_external_invitations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "alliance_id" uuid NOT NULL REFERENCES "alliances"("id") ON DELETE CASCADE,
        "email" text NOT NULL,
        "organisation_name" text NOT NULL,
        "token_hash" text NOT NULL UNIQUE,
        "invited_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "applied_organisation_id" uuid REFERENCES "organisations"("id") ON DELETE SET NULL,
        "applied_at" timestamptz,
        "joined_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "alliance_external_invitations_alliance" ON "alliance_external_invitations" ("alliance_id", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "alliance_external_invitations_applied" ON "alliance_external_invitations" ("applied_organisation_id") WHERE "applied_organisation_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alliance_external_invitations"`);
    await queryRunner.query(`DROP TABLE "catalyst_territories"`);
    await queryRunner.query(`DROP TABLE "organisation_blocks"`);
    await queryRunner.query(`DROP TABLE "proposals"`);
    // "listed" stays: the organisations' profile migration owns it as well.
  }
}
