import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 9 `seeks` / `offers` values in the order of their bit (PARTNER_NEEDS in contracts: magic square, then contributions). */
const NEEDS = ['business_model', 'value_proposition', 'positioning', 'processes', 'financial', 'skills', 'human', 'material', 'network'];
const DIRECTORY = `"listed" AND "status" = 'approved'`;

/**
 * The organisation's partnering profile and the partner directory (issue 14, docs/decisions/0014):
 *  - profile columns: website, logo (bytea, never selected by the entity, at most 512 kB), domains,
 *    seeks and offers, open to alliances, listed;
 *  - `departement_code` / `region_code` (`R84`), derived from `territory_code` by the service at each
 *    write (TerritoriesService, @etalab/decoupage-administratif), so that a département or région
 *    filter is an indexed equality. Existing rows are back-filled here, once, from the same package:
 *    the distinct codes present are looked up in JavaScript and written with one UPDATE … FROM VALUES;
 *  - `seeks_mask` / `offers_mask`: the same sets as 9-bit integers (generated), so the complementarity
 *    score of `sort=match` is a few bit operations per row, read from the directory index alone;
 *  - `search_document`: `to_tsvector('simple', fold_accents(name, description, domains))` (generated),
 *    so "ecole" finds "École" and the search is a GIN lookup; prefixes match with `:*`;
 *  - partial indexes on the directory's rows only (listed and approved).
 * Hand-written (docs/decisions/0004).
 */
export class OrganisationProfiles1795695000000 implements MigrationInterface {
  name = 'OrganisationProfiles1795695000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "organisations"
        ADD COLUMN "website" text,
        ADD COLUMN "logo" bytea,
        ADD COLUMN "logo_type" text,
        ADD COLUMN "logo_updated_at" TIMESTAMP WITH TIME ZONE,
        ADD COLUMN "domains" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "seeks" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "offers" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "open_to_alliances" boolean NOT NULL DEFAULT false,
        ADD COLUMN "listed" boolean NOT NULL DEFAULT false,
        ADD COLUMN "departement_code" text,
        ADD COLUMN "region_code" text`);
    await queryRunner.query(`
      ALTER TABLE "organisations"
        ADD CONSTRAINT "organisations_logo_type_check" CHECK ("logo_type" IN ('image/png', 'image/jpeg', 'image/webp')),
        ADD CONSTRAINT "organisations_logo_size_check" CHECK (octet_length("logo") <= 524288),
        ADD CONSTRAINT "organisations_logo_complete_check" CHECK (("logo" IS NULL) = ("logo_type" IS NULL)),
        ADD CONSTRAINT "organisations_needs_check" CHECK ("seeks" <@ ARRAY[${NEEDS.map((n) => `'${n}'`).join(', ')}]::text[] AND "offers" <@ ARRAY[${NEEDS.map((n) => `'${n}'`).join(', ')}]::text[])`);

    await queryRunner.query(`
      CREATE FUNCTION partner_needs_mask(text[]) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT coalesce(sum(DISTINCT 1 << (array_position(ARRAY[${NEEDS.map((n) => `'${n}'`).join(', ')}]::text[], n) - 1)), 0)::integer
           FROM unnest($1) n WHERE n = ANY (ARRAY[${NEEDS.map((n) => `'${n}'`).join(', ')}]::text[]) $$`);
    await queryRunner.query(`
      CREATE FUNCTION organisation_search_document(text, text, text[]) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT to_tsvector('simple'::regconfig, public.fold_accents(coalesce($1, '') || ' ' || coalesce($2, '') || ' ' || replace(coalesce(array_to_string($3, ' '), ''), '_', ' '))) $$`);
    await queryRunner.query(`
      ALTER TABLE "organisations"
        ADD COLUMN "seeks_mask" integer GENERATED ALWAYS AS (partner_needs_mask("seeks")) STORED,
        ADD COLUMN "offers_mask" integer GENERATED ALWAYS AS (partner_needs_mask("offers")) STORED,
        ADD COLUMN "search_document" tsvector GENERATED ALWAYS AS (organisation_search_document("name", "description", "domains")) STORED`);

    await this.backfillTerritories(queryRunner);

    // One index serves both sorts: keyset on (name, id), and the match score from the masks it includes.
    await queryRunner.query(
      `CREATE INDEX "organisations_directory_name_idx" ON "organisations" ("name", "id") INCLUDE ("seeks_mask", "offers_mask") WHERE ${DIRECTORY}`,
    );
    await queryRunner.query(`CREATE INDEX "organisations_directory_search_idx" ON "organisations" USING gin ("search_document") WHERE ${DIRECTORY}`);
    await queryRunner.query(`CREATE INDEX "organisations_directory_domains_idx" ON "organisations" USING gin ("domains") WHERE ${DIRECTORY}`);
    await queryRunner.query(`CREATE INDEX "organisations_directory_seeks_idx" ON "organisations" USING gin ("seeks") WHERE ${DIRECTORY}`);
    await queryRunner.query(`CREATE INDEX "organisations_directory_offers_idx" ON "organisations" USING gin ("offers") WHERE ${DIRECTORY}`);
    await queryRunner.query(`CREATE INDEX "organisations_directory_departement_idx" ON "organisations" ("departement_code") WHERE ${DIRECTORY}`);
    await queryRunner.query(`CREATE INDEX "organisations_directory_region_idx" ON "organisations" ("region_code") WHERE ${DIRECTORY}`);
    await queryRunner.query(`CREATE INDEX "organisations_directory_commune_idx" ON "organisations" ("territory_code") WHERE ${DIRECTORY}`);
  }

  /** Département and région of the territory codes already stored, from the package as it is at migration time. */
  private async backfillTerritories(queryRunner: QueryRunner): Promise<void> {
    const rows: { code: string }[] = await queryRunner.query(
      `SELECT DISTINCT territory_code AS code FROM "organisations" WHERE territory_code IS NOT NULL`,
    );
    if (!rows.length) return;
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string; departement?: string; region?: string }[];
    const departements = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; region: string }[];
    const wanted = new Set(rows.map((r) => r.code));
    const placed = new Map<string, [string | null, string | null]>();
    for (const d of departements) if (wanted.has(d.code)) placed.set(d.code, [d.code, `R${d.region}`]);
    for (const c of communes) {
      if (c.type === 'commune-actuelle' && wanted.has(c.code)) placed.set(c.code, [c.departement ?? null, c.region ? `R${c.region}` : null]);
    }
    for (const code of wanted) if (/^R\d+$/.test(code)) placed.set(code, [null, code]);
    const values = [...placed].map(([code, [d, r]]) => [code, d, r]);
    if (!values.length) return;
    await queryRunner.query(
      `UPDATE "organisations" o SET departement_code = v.d, region_code = v.r
         FROM (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, d, r)) v
        WHERE o.territory_code = v.code`,
      [values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2])],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['name', 'search', 'domains', 'seeks', 'offers', 'departement', 'region', 'commune'])
      await queryRunner.query(`DROP INDEX IF EXISTS "organisations_directory_${index}_idx"`);
    await queryRunner.query(`
      ALTER TABLE "organisations"
        DROP COLUMN "search_document", DROP COLUMN "offers_mask", DROP COLUMN "seeks_mask",
        DROP CONSTRAINT "organisations_needs_check", DROP CONSTRAINT "organisations_logo_complete_check",
        DROP CONSTRAINT "organisations_logo_size_check", DROP CONSTRAINT "organisations_logo_type_check",
        DROP COLUMN "region_code", DROP COLUMN "departement_code", DROP COLUMN "listed", DROP COLUMN "open_to_alliances",
        DROP COLUMN "offers", DROP COLUMN "seeks", DROP COLUMN "domains", DROP COLUMN "logo_updated_at", DROP COLUMN "logo_type",
        DROP COLUMN "logo", DROP COLUMN "website"`);
    await queryRunner.query(`DROP FUNCTION organisation_search_document(text, text, text[])`);
    await queryRunner.query(`DROP FUNCTION partner_needs_mask(text[])`);
  }
}
