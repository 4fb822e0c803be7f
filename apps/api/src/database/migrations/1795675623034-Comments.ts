import { MigrationInterface, QueryRunner } from "typeorm";

export class Comments1795675623034 implements MigrationInterface {
    name = 'Comments1795675623034'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "type" text NOT NULL,
                "alliance_id" uuid,
                "comment_id" uuid,
                "actor_id" uuid,
                "excerpt" text,
                "link" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "mailed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "comments" (
                "id" uuid NOT NULL,
                "alliance_id" uuid NOT NULL,
                "seq" bigint NOT NULL,
                "target_type" text NOT NULL,
                "target_id" text NOT NULL,
                "anchor" jsonb,
                "parent_id" uuid,
                "author_id" uuid,
                "body" text,
                "body_html" text,
                "mentions" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by" uuid,
                CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d9ae0f37f511536d363a623e73" ON "comments" (
                "alliance_id",
                "target_type",
                "target_id",
                "created_at"
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_bf4a0bf9c6265b81880b006fa7" ON "comments" ("alliance_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "alliance_sequences" (
                "alliance_id" uuid NOT NULL,
                "last_seq" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_72c0e661eef46ba9d6e2b2be039" PRIMARY KEY ("alliance_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "comment_events" (
                "id" BIGSERIAL NOT NULL,
                "alliance_id" uuid NOT NULL,
                "seq" bigint NOT NULL,
                "type" text NOT NULL,
                "comment_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b487838f83c01155a422a29f544" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_47145c931fe39527c58f196cd3" ON "comment_events" ("published_at", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "last_digest_at" TIMESTAMP WITH TIME ZONE
        `);
        // --- written by hand (see docs/decisions/0004-hand-written-constraints.md) -------------
        await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "comments_alliance_fk" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "comments"("id")`);
        await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "comments_seq_unique" UNIQUE ("alliance_id", "seq")`);
        await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "comments_target_type_check" CHECK ("target_type" IN ('charter_passage', 'charter_section', 'objective', 'indicator', 'evaluation_question', 'evaluation_result', 'alliance'))`);
        await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "comments_body_length_check" CHECK (char_length("body") <= 10000)`);
        await queryRunner.query(`ALTER TABLE "comment_events" ADD CONSTRAINT "comment_events_comment_fk" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE`);
        await queryRunner.query(`CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id") WHERE "read_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "comment_events_unpublished_idx" ON "comment_events" ("id") WHERE "published_at" IS NULL`);
        // Large payloads of @socket.io/postgres-adapter.
        await queryRunner.query(`CREATE TABLE IF NOT EXISTS "socket_io_attachments" ("id" bigserial UNIQUE, "created_at" timestamptz DEFAULT now(), "payload" bytea)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE IF EXISTS "socket_io_attachments"`);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "last_digest_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_47145c931fe39527c58f196cd3"
        `);
        await queryRunner.query(`
            DROP TABLE "comment_events"
        `);
        await queryRunner.query(`
            DROP TABLE "alliance_sequences"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_bf4a0bf9c6265b81880b006fa7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d9ae0f37f511536d363a623e73"
        `);
        await queryRunner.query(`
            DROP TABLE "comments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);

    }

}
