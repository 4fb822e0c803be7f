import { MigrationInterface, QueryRunner } from "typeorm";

export class Objectives1795674604220 implements MigrationInterface {
    name = 'Objectives1795674604220'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "objectives" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alliance_id" uuid NOT NULL,
                "title" text NOT NULL,
                "collective_objective" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c54846771e6a2db24c2b886eca0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c9436b36064d52b82ec54e6b9f" ON "objectives" ("alliance_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "objective_benefits" (
                "objective_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "squares" text array NOT NULL,
                CONSTRAINT "PK_5e5b3f46501a3cc39e752c6261c" PRIMARY KEY ("objective_id", "organisation_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "indicators" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "objective_id" uuid NOT NULL,
                "alliance_id" uuid NOT NULL,
                "name" text NOT NULL,
                "unit" text NOT NULL,
                "baseline" double precision NOT NULL,
                "target" double precision NOT NULL,
                "start_date" date NOT NULL,
                "target_date" date NOT NULL,
                "direction" text NOT NULL,
                "owner_organisation_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6ba419eb8a5ce2aae411e58b6e" ON "indicators" ("alliance_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b1c29db1159dda64045a448df1" ON "indicators" ("objective_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "checkins" (
                "id" uuid NOT NULL,
                "indicator_id" uuid NOT NULL,
                "alliance_id" uuid NOT NULL,
                "value" double precision NOT NULL,
                "date" date NOT NULL,
                "note" text,
                "confidence" smallint,
                "author_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_99c62633386398b154840f0708c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b8727bf5f8b589768101c41836" ON "checkins" ("indicator_id", "date", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "milestones" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "objective_id" uuid NOT NULL,
                "alliance_id" uuid NOT NULL,
                "title" text NOT NULL,
                "owner_organisation_id" uuid NOT NULL,
                "due_date" date NOT NULL,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7c7defe38cf0410bd6fa86bbfc" ON "milestones" ("objective_id")
        `);
        // --- written by hand (see docs/decisions/0004-hand-written-constraints.md) -------------
        await queryRunner.query(`ALTER TABLE "objectives" ADD CONSTRAINT "objectives_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "objectives" ADD CONSTRAINT "objectives_collective_objective_check" CHECK ("collective_objective" IN ('engagement', 'innovation', 'territory', 'performance'))`);
        await queryRunner.query(`ALTER TABLE "objective_benefits" ADD CONSTRAINT "objective_benefits_objective_fk" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "objective_benefits" ADD CONSTRAINT "objective_benefits_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id")`);
        await queryRunner.query(`ALTER TABLE "indicators" ADD CONSTRAINT "indicators_objective_fk" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id")`);
        await queryRunner.query(`ALTER TABLE "indicators" ADD CONSTRAINT "indicators_direction_check" CHECK ("direction" IN ('increase', 'decrease'))`);
        await queryRunner.query(`ALTER TABLE "indicators" ADD CONSTRAINT "indicators_target_check" CHECK ("target" <> "baseline" AND "target_date" > "start_date")`);
        await queryRunner.query(`ALTER TABLE "checkins" ADD CONSTRAINT "checkins_indicator_fk" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "checkins" ADD CONSTRAINT "checkins_confidence_check" CHECK ("confidence" BETWEEN 1 AND 5)`);
        await queryRunner.query(`ALTER TABLE "milestones" ADD CONSTRAINT "milestones_objective_fk" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "milestones" ADD CONSTRAINT "milestones_owner_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7c7defe38cf0410bd6fa86bbfc"
        `);
        await queryRunner.query(`
            DROP TABLE "milestones"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b8727bf5f8b589768101c41836"
        `);
        await queryRunner.query(`
            DROP TABLE "checkins"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b1c29db1159dda64045a448df1"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6ba419eb8a5ce2aae411e58b6e"
        `);
        await queryRunner.query(`
            DROP TABLE "indicators"
        `);
        await queryRunner.query(`
            DROP TABLE "objective_benefits"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c9436b36064d52b82ec54e6b9f"
        `);
        await queryRunner.query(`
            DROP TABLE "objectives"
        `);

    }

}
