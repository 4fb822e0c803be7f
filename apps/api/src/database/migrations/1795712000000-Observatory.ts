import { MigrationInterface, QueryRunner } from 'typeorm';

/** The measures of the observatory's cells, in the order of EVALUATION_DIMENSIONS then the result focuses (frozen here). */
const DIMENSIONS = [
  'shared_vision',
  'trust',
  'governance',
  'communication',
  'balance',
  'mutual_understanding',
  'common_results',
  'partner_performance',
  'partner_innovation',
  'partner_engagement',
  'ecosystem_territory',
  'ecosystem_beneficiaries',
  'ecosystem_trust',
];
const FOCUSES = ['product', 'balance', 'valorisation'];

/**
 * Observatory of alliances (issue 18, docs/decisions/0026-observatory-aggregates.md):
 * - `evaluation_summaries` (evaluations domain): one row per closed campaign, written with the close,
 *   backfilled here for the campaigns already closed;
 * - `observatory_participations` / `observatory_consents`: the lead's opt-in and each lead/partner
 *   organisation's consent;
 * - `observatory_facts`: one row per alliance counted (opted in, every partner consented), the input of
 * - `observatory_cells`: additive sums per (région, domain, category, collective objective), `*` meaning
 *   "any", so a request reads O(groups) rows. Cells hold no alliance id: aggregates only, no policy.
 * Row-level security as for every alliance-scoped table (docs/decisions/0007). Hand-written (docs/decisions/0004).
 */
export class Observatory1795712000000 implements MigrationInterface {
  name = 'Observatory1795712000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "evaluation_summaries" (
        "campaign_id" uuid NOT NULL,
        "alliance_id" uuid NOT NULL,
        "closed_at" timestamptz NOT NULL,
        "respondents" integer NOT NULL,
        "dimension_means" jsonb NOT NULL DEFAULT '{}',
        "focus_means" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "evaluation_summaries_pk" PRIMARY KEY ("campaign_id"),
        CONSTRAINT "evaluation_summaries_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "evaluation_campaigns"("id") ON DELETE CASCADE,
        CONSTRAINT "evaluation_summaries_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "evaluation_summaries_alliance_idx" ON "evaluation_summaries" ("alliance_id", "closed_at" DESC)`);
    // Backfill: the same statement the close runs (EvaluationSummaries.write), for every closed campaign.
    await queryRunner.query(`
      INSERT INTO evaluation_summaries (campaign_id, alliance_id, closed_at, respondents, dimension_means, focus_means)
      SELECT c.id, c.alliance_id, COALESCE(c.closed_at, c.closes_at),
             (SELECT count(*) FROM evaluation_responses r WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL)::int,
             COALESCE((SELECT jsonb_object_agg(k, m) FROM (
               SELECT q->>'dimension' AS k, avg((a->>'score')::numeric)::float8 AS m
                 FROM evaluation_responses r, jsonb_array_elements(r.answers) a, jsonb_array_elements(c.questions) q
                WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL AND q->>'id' = a->>'questionId' GROUP BY 1) d), '{}'),
             COALESCE((SELECT jsonb_object_agg(k, m) FROM (
               SELECT CASE q->>'focus' WHEN 'contribution_value' THEN 'valorisation' ELSE q->>'focus' END AS k, avg((a->>'score')::numeric)::float8 AS m
                 FROM evaluation_responses r, jsonb_array_elements(r.answers) a, jsonb_array_elements(c.questions) q
                WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL AND q->>'id' = a->>'questionId' GROUP BY 1) f), '{}')
        FROM evaluation_campaigns c WHERE c.status = 'closed'
    `);
    await queryRunner.query(`
      CREATE TABLE "observatory_participations" (
        "alliance_id" uuid NOT NULL,
        "requested_at" timestamptz NOT NULL DEFAULT now(),
        "requested_by" uuid,
        CONSTRAINT "observatory_participations_pk" PRIMARY KEY ("alliance_id"),
        CONSTRAINT "observatory_participations_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "observatory_participations_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "observatory_consents" (
        "alliance_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "consented_at" timestamptz NOT NULL DEFAULT now(),
        "consented_by" uuid,
        CONSTRAINT "observatory_consents_pk" PRIMARY KEY ("alliance_id", "organisation_id"),
        CONSTRAINT "observatory_consents_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE,
        CONSTRAINT "observatory_consents_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE,
        CONSTRAINT "observatory_consents_consented_by_fk" FOREIGN KEY ("consented_by") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX "observatory_consents_organisation_idx" ON "observatory_consents" ("organisation_id")`);
    await queryRunner.query(`
      CREATE TABLE "observatory_facts" (
        "alliance_id" uuid NOT NULL,
        "category" text NOT NULL,
        "status" text NOT NULL,
        "region_codes" text[] NOT NULL DEFAULT '{}',
        "domains" text[] NOT NULL DEFAULT '{}',
        "collective_objectives" text[] NOT NULL DEFAULT '{}',
        "territory_codes" text[] NOT NULL DEFAULT '{}',
        "campaign_id" uuid,
        "dimension_means" jsonb NOT NULL DEFAULT '{}',
        "focus_means" jsonb NOT NULL DEFAULT '{}',
        "objectives" jsonb NOT NULL DEFAULT '{}',
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "observatory_facts_pk" PRIMARY KEY ("alliance_id"),
        CONSTRAINT "observatory_facts_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "observatory_facts_category_idx" ON "observatory_facts" ("category") WHERE "campaign_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "observatory_facts_territory_idx" ON "observatory_facts" USING gin ("territory_codes")`);
    const measures = [...DIMENSIONS.map((d) => `d_${d}`), ...FOCUSES.map((f) => `f_${f}`)]
      .map((m) => `"${m}_sum" float8 NOT NULL DEFAULT 0, "${m}_n" integer NOT NULL DEFAULT 0`)
      .join(',\n        ');
    await queryRunner.query(`
      CREATE TABLE "observatory_cells" (
        "region" text NOT NULL,
        "domain" text NOT NULL,
        "category" text NOT NULL,
        "collective_objective" text NOT NULL,
        "alliances" integer NOT NULL DEFAULT 0,
        "st_draft" integer NOT NULL DEFAULT 0,
        "st_chartering" integer NOT NULL DEFAULT 0,
        "st_active" integer NOT NULL DEFAULT 0,
        "st_closed" integer NOT NULL DEFAULT 0,
        "evaluated" integer NOT NULL DEFAULT 0,
        "obj_total" integer NOT NULL DEFAULT 0,
        "obj_on_track" integer NOT NULL DEFAULT 0,
        "obj_at_risk" integer NOT NULL DEFAULT 0,
        "obj_off_track" integer NOT NULL DEFAULT 0,
        "obj_achieved" integer NOT NULL DEFAULT 0,
        ${measures},
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "observatory_cells_pk" PRIMARY KEY ("region", "domain", "category", "collective_objective")
      )
    `);
    // One index per "group by": the three other coordinates are fixed (a value or `*`).
    await queryRunner.query(`CREATE INDEX "observatory_cells_by_region_idx" ON "observatory_cells" ("domain", "category", "collective_objective")`);
    await queryRunner.query(`CREATE INDEX "observatory_cells_by_domain_idx" ON "observatory_cells" ("region", "category", "collective_objective")`);
    await queryRunner.query(`CREATE INDEX "observatory_cells_by_category_idx" ON "observatory_cells" ("region", "domain", "collective_objective")`);

    const visible = (column: string) => `((SELECT app_is_platform_admin()) OR ${column} = ANY ((SELECT app_visible_alliances())::uuid[]))`;
    for (const table of ['evaluation_summaries', 'observatory_participations', 'observatory_consents', 'observatory_facts']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_rows ON "${table}" FOR ALL TO PUBLIC USING (${visible('alliance_id')}) WITH CHECK (${visible('alliance_id')})`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['observatory_cells', 'observatory_facts', 'observatory_consents', 'observatory_participations', 'evaluation_summaries'])
      await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
