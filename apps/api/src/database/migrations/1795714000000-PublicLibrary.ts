import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public valorisation (issue 18, docs/decisions/0027-public-pages.md): SDG tags on alliances and
 * cards, each card's stable public slug (backfilled from its title, accents folded, `-2`… on a
 * collision), and the opt-in public page of the alliance. Hand-written (docs/decisions/0004).
 */
export class PublicLibrary1795714000000 implements MigrationInterface {
  name = 'PublicLibrary1795714000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliances" ADD COLUMN "sdgs" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      ALTER TABLE "case_studies"
        ADD COLUMN "sdgs" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "slug" text,
        ADD COLUMN "alliance_page" boolean NOT NULL DEFAULT false,
        ADD COLUMN "alliance_page_slug" text,
        ADD CONSTRAINT "case_studies_slug_uq" UNIQUE ("slug"),
        ADD CONSTRAINT "case_studies_alliance_page_slug_uq" UNIQUE ("alliance_page_slug")
    `);
    await queryRunner.query(`CREATE INDEX "case_studies_sdgs_idx" ON "case_studies" USING gin ("sdgs")`);
    await queryRunner.query(`
      WITH base AS (
        SELECT id, created_at,
               coalesce(nullif(trim(both '-' from left(regexp_replace(lower(unaccent_fr(title)), '[^a-z0-9]+', '-', 'g'), 80)), ''), 'fiche') AS s
          FROM case_studies
      ), numbered AS (
        SELECT id, s, row_number() OVER (PARTITION BY s ORDER BY created_at, id) AS n FROM base
      )
      UPDATE case_studies c SET slug = CASE WHEN n = 1 THEN s ELSE s || '-' || n END FROM numbered WHERE numbered.id = c.id
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_studies_sdgs_idx"`);
    await queryRunner.query(`
      ALTER TABLE "case_studies"
        DROP CONSTRAINT "case_studies_alliance_page_slug_uq",
        DROP CONSTRAINT "case_studies_slug_uq",
        DROP COLUMN "alliance_page_slug",
        DROP COLUMN "alliance_page",
        DROP COLUMN "slug",
        DROP COLUMN "sdgs"
    `);
    await queryRunner.query(`ALTER TABLE "alliances" DROP COLUMN "sdgs"`);
  }
}
