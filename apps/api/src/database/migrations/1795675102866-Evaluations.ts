import { MigrationInterface, QueryRunner } from "typeorm";

export class Evaluations1795675102866 implements MigrationInterface {
    name = 'Evaluations1795675102866'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "evaluation_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid,
                "title" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2922d6b4a67b6ced60cec793380" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c60f742e96c72c4fbca92fbc97" ON "evaluation_templates" ("alliance_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_template_questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "template_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "dimension" text NOT NULL,
                "focus" text NOT NULL,
                "text_fr" text NOT NULL,
                "text_en" text NOT NULL,
                CONSTRAINT "PK_ee2b75b40e1d7c3645fc269a5db" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_86ca2622c88f8d7bf1ba7d1af0" ON "evaluation_template_questions" ("template_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_campaigns" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid NOT NULL,
                "title" text NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "min_respondents" integer NOT NULL,
                "questions" jsonb NOT NULL,
                "template_id" uuid,
                "launched_by" uuid,
                "reminded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_efa06a2b965a3f38b79bc8f3df1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_db75f63577957ca8941d270b93" ON "evaluation_campaigns" ("status", "closes_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f05ed16de62c3fdf03f7d37fba" ON "evaluation_campaigns" ("alliance_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_participants" (
                "campaign_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_00e94daec71850865ee0392275d" PRIMARY KEY ("campaign_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_responses" (
                "campaign_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "answers" jsonb NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_61625c3aa5d6672b34842ad9d9d" PRIMARY KEY ("campaign_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_actions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "campaign_id" uuid NOT NULL,
                "alliance_id" uuid NOT NULL,
                "title" text NOT NULL,
                "owner_organisation_id" uuid NOT NULL,
                "due_date" date NOT NULL,
                "objective_id" uuid,
                "charter_section" text,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_eb0841f6229a3a2051e7ce54423" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1b465fe2b5730f4607d83919fd" ON "evaluation_actions" ("campaign_id")
        `);
        // --- written by hand (see docs/decisions/0004-hand-written-constraints.md) -------------
        await queryRunner.query(`ALTER TABLE "evaluation_templates" ADD CONSTRAINT "evaluation_templates_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "evaluation_template_questions" ADD CONSTRAINT "evaluation_template_questions_template_fk" FOREIGN KEY ("template_id") REFERENCES "evaluation_templates"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "evaluation_template_questions" ADD CONSTRAINT "evaluation_template_questions_focus_check" CHECK ("focus" IN ('product', 'balance', 'contribution_value'))`);
        await queryRunner.query(`ALTER TABLE "evaluation_campaigns" ADD CONSTRAINT "evaluation_campaigns_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "evaluation_campaigns" ADD CONSTRAINT "evaluation_campaigns_status_check" CHECK ("status" IN ('open', 'closed'))`);
        await queryRunner.query(`ALTER TABLE "evaluation_participants" ADD CONSTRAINT "evaluation_participants_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "evaluation_campaigns"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "evaluation_campaigns"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "evaluation_actions" ADD CONSTRAINT "evaluation_actions_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "evaluation_campaigns"("id") ON DELETE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1b465fe2b5730f4607d83919fd"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_actions"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_responses"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_participants"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f05ed16de62c3fdf03f7d37fba"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_db75f63577957ca8941d270b93"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_campaigns"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_86ca2622c88f8d7bf1ba7d1af0"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_template_questions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c60f742e96c72c4fbca92fbc97"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_templates"
        `);

    }

}
