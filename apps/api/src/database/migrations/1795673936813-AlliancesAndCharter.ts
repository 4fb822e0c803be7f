import { MigrationInterface, QueryRunner } from "typeorm";

export class AlliancesAndCharter1795673936813 implements MigrationInterface {
    name = 'AlliancesAndCharter1795673936813'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "alliances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "purpose" text NOT NULL,
                "category" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "collective_objectives" text array NOT NULL,
                "domains" text array NOT NULL DEFAULT '{}',
                "scale" text NOT NULL,
                "territory_codes" text array NOT NULL DEFAULT '{}',
                "innovation_stage" text,
                "version" integer NOT NULL DEFAULT '1',
                "in_force_version" integer,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_399af2ac4eb985fd426454df023" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "alliance_members" (
                "alliance_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "role" text NOT NULL,
                "status" text NOT NULL,
                "objective" jsonb,
                "invited_by" uuid,
                "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "responded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_fca2a53de91e4aac35acbc086a4" PRIMARY KEY ("alliance_id", "organisation_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8065d2281706f702ad646dab70" ON "alliance_members" ("organisation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "charter_updates" (
                "id" BIGSERIAL NOT NULL,
                "alliance_id" uuid NOT NULL,
                "update" bytea NOT NULL,
                "user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_46961aa0c825365556d9ddbeebf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5f4acaf97c7583027b06f9a9be" ON "charter_updates" ("alliance_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "charter_snapshots" (
                "alliance_id" uuid NOT NULL,
                "state" bytea NOT NULL,
                "last_update_id" bigint NOT NULL,
                "update_count" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0018c50b27a5dd8d95d7d492672" PRIMARY KEY ("alliance_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "charter_versions" (
                "alliance_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "sections" jsonb NOT NULL,
                "state" bytea NOT NULL,
                "sha256" text NOT NULL,
                "status" text NOT NULL DEFAULT 'awaiting_signatures',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dcc77acdb10f896c689e19d51fc" PRIMARY KEY ("alliance_id", "version")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "charter_signatures" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "organisation_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "user_id" uuid,
                "signer_name" text NOT NULL,
                "organisation_name" text NOT NULL,
                "comment" text,
                "sha256" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a1e3666992c060f7d19159784ac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4607f9573e3785d2add92c8ef0" ON "charter_signatures" ("alliance_id", "version", "organisation_id")
        `);
        // --- written by hand (see docs/decisions/0004-hand-written-constraints.md) -------------
        await queryRunner.query(`ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id")`);
        await queryRunner.query(`ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_role_check" CHECK ("role" IN ('lead', 'partner', 'funder', 'observer'))`);
        await queryRunner.query(`ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_status_check" CHECK ("status" IN ('invited', 'active', 'declined'))`);
        await queryRunner.query(`ALTER TABLE "alliances" ADD CONSTRAINT "alliances_status_check" CHECK ("status" IN ('draft', 'chartering', 'active', 'closed'))`);
        await queryRunner.query(`ALTER TABLE "alliances" ADD CONSTRAINT "alliances_category_check" CHECK ("category" IN ('philanthropy', 'responsible_practices', 'economic_cooperation', 'societal_innovation'))`);
        await queryRunner.query(`ALTER TABLE "charter_updates" ADD CONSTRAINT "charter_updates_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "charter_snapshots" ADD CONSTRAINT "charter_snapshots_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id")`);
        await queryRunner.query(`ALTER TABLE "charter_signatures" ADD CONSTRAINT "charter_signatures_version_fk" FOREIGN KEY ("alliance_id", "version") REFERENCES "charter_versions"("alliance_id", "version")`);
        await queryRunner.query(`ALTER TABLE "charter_signatures" ADD CONSTRAINT "charter_signatures_kind_check" CHECK ("kind" IN ('signed', 'changes_requested'))`);
        // Frozen versions and signatures are legal records: never changed, never deleted.
        await queryRunner.query(`
            CREATE FUNCTION charter_signatures_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'charter signatures are immutable';
            END $$
        `);
        await queryRunner.query(`CREATE TRIGGER charter_signatures_immutable BEFORE UPDATE OR DELETE ON "charter_signatures" FOR EACH ROW EXECUTE FUNCTION charter_signatures_immutable()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER charter_signatures_immutable ON "charter_signatures"`);
        await queryRunner.query(`DROP FUNCTION charter_signatures_immutable()`);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4607f9573e3785d2add92c8ef0"
        `);
        await queryRunner.query(`
            DROP TABLE "charter_signatures"
        `);
        await queryRunner.query(`
            DROP TABLE "charter_versions"
        `);
        await queryRunner.query(`
            DROP TABLE "charter_snapshots"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5f4acaf97c7583027b06f9a9be"
        `);
        await queryRunner.query(`
            DROP TABLE "charter_updates"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8065d2281706f702ad646dab70"
        `);
        await queryRunner.query(`
            DROP TABLE "alliance_members"
        `);
        await queryRunner.query(`
            DROP TABLE "alliances"
        `);

    }

}
