import { MigrationInterface, QueryRunner } from "typeorm";

export class AdminAndLibrary1795677874350 implements MigrationInterface {
    name = 'AdminAndLibrary1795677874350'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "case_studies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid NOT NULL,
                "title" text NOT NULL,
                "summary" text NOT NULL,
                "category" text NOT NULL,
                "collective_objectives" text array NOT NULL,
                "domains" text array NOT NULL,
                "scale" text NOT NULL,
                "territory_codes" text array NOT NULL,
                "partner_profiles" text array NOT NULL,
                "results" jsonb NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_18a30cb83a1df4d8df5ddc6b39e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_04053c4c9691d3db2e084efe7a" ON "case_studies" ("alliance_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "case_study_consents" (
                "case_study_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "consented_at" TIMESTAMP WITH TIME ZONE,
                "consented_by" uuid,
                CONSTRAINT "PK_94ed689ad61459bd99546217396" PRIMARY KEY ("case_study_id", "organisation_id")
            )
        `);
        // --- written by hand (see docs/decisions/0004-hand-written-constraints.md) -------------
        await queryRunner.query(`ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "case_study_consents" ADD CONSTRAINT "case_study_consents_case_study_fk" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE`);
        // French full-text search that ignores accents: an immutable accent folding (no extension needed,
        // so it works on PGlite and on managed PostgreSQL alike), then the 'french' configuration's stemming.
        await queryRunner.query(`
            CREATE FUNCTION unaccent_fr(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS
            $$ SELECT replace(replace(translate(lower($1), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'), 'œ', 'oe'), 'æ', 'ae') $$
        `);
        await queryRunner.query(`ALTER TABLE "case_studies" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('french', unaccent_fr("title" || ' ' || "summary"))) STORED`);
        await queryRunner.query(`CREATE INDEX "case_studies_search_idx" ON "case_studies" USING gin ("search")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "case_studies_search_idx"`);
        await queryRunner.query(`ALTER TABLE "case_studies" DROP COLUMN "search"`);
        await queryRunner.query(`DROP FUNCTION unaccent_fr(text)`);
        await queryRunner.query(`
            DROP TABLE "case_study_consents"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_04053c4c9691d3db2e084efe7a"
        `);
        await queryRunner.query(`
            DROP TABLE "case_studies"
        `);

    }

}
