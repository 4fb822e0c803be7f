import { MigrationInterface, QueryRunner } from "typeorm";

export class Funding1795677515844 implements MigrationInterface {
    name = 'Funding1795677515844'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "grants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid NOT NULL,
                "funder_organisation_id" uuid NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "currency" text NOT NULL DEFAULT 'EUR',
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "conditions" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a25f5f89eff8b3277f7969b7094" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c02329ec64e0269a5643b5b261" ON "grants" ("funder_organisation_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e2175f6d361cd9dc4b29f20b98" ON "grants" ("alliance_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "grant_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "grant_id" uuid NOT NULL,
                "title" text NOT NULL,
                "due_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "submission" text,
                "submitted_by" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "review_comment" text,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e5387613f03e8f782f83c77494e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d95ed6f8c56c25df19e0df3f05" ON "grant_reports" ("grant_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "grant_tranches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "grant_id" uuid NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "due_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'planned',
                "requires_report_id" uuid,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_85d1a64f3478fdc44946a75f1b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c6b191ea00f629cccbfb1fc35e" ON "grant_tranches" ("grant_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "contributions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "description" text NOT NULL,
                "valuation" numeric(14, 2) NOT NULL,
                "currency" text NOT NULL DEFAULT 'EUR',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ca2b4f39eb9e32a61278c711f79" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_198f17c47c7c8022b7f696c17f" ON "contributions" ("alliance_id")
        `);
        // --- written by hand (see docs/decisions/0004-hand-written-constraints.md) -------------
        await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "grants_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "grants_funder_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "organisations"("id")`);
        await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "grants_amount_check" CHECK ("amount" > 0 AND "ends_on" > "starts_on")`);
        await queryRunner.query(`ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_grant_fk" FOREIGN KEY ("grant_id") REFERENCES "grants"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_check" CHECK ("amount" > 0 AND "status" IN ('planned', 'requested', 'paid'))`);
        await queryRunner.query(`ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_grant_fk" FOREIGN KEY ("grant_id") REFERENCES "grants"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_status_check" CHECK ("status" IN ('pending', 'submitted', 'approved', 'returned'))`);
        await queryRunner.query(`ALTER TABLE "contributions" ADD CONSTRAINT "contributions_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "contributions" ADD CONSTRAINT "contributions_kind_check" CHECK ("kind" IN ('skills', 'volunteer_time', 'in_kind') AND "valuation" >= 0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_198f17c47c7c8022b7f696c17f"
        `);
        await queryRunner.query(`
            DROP TABLE "contributions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c6b191ea00f629cccbfb1fc35e"
        `);
        await queryRunner.query(`
            DROP TABLE "grant_tranches"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d95ed6f8c56c25df19e0df3f05"
        `);
        await queryRunner.query(`
            DROP TABLE "grant_reports"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e2175f6d361cd9dc4b29f20b98"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c02329ec64e0269a5643b5b261"
        `);
        await queryRunner.query(`
            DROP TABLE "grants"
        `);

    }

}
