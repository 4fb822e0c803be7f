import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people can trust (issue 15, docs/decisions/0016): one `user_sessions` row per refresh-token
 * family (what the person sees and revokes as a signed-in device), and `account_tokens`, the single-use
 * links of the password reset and the email change, kept as SHA-256 hashes only. Both are the person's
 * own rows, like refresh_tokens: no row-level security policy (those guard alliance-scoped tables).
 * Hand-written (docs/decisions/0004).
 */
export class AccountSessions1795699000000 implements MigrationInterface {
  name = 'AccountSessions1795699000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user_sessions" (
        "id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "method" text NOT NULL,
        "user_agent" text,
        "ip" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz,
        CONSTRAINT "user_sessions_pk" PRIMARY KEY ("id"),
        CONSTRAINT "user_sessions_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "user_sessions_method_check" CHECK ("method" IN ('password', 'oidc', 'password_reset'))
      )
    `);
    await queryRunner.query(`CREATE INDEX "user_sessions_user_idx" ON "user_sessions" ("user_id", "last_seen_at" DESC)`);
    // The families signed in before this migration become sessions, so that they are listed and revocable.
    await queryRunner.query(`
      INSERT INTO "user_sessions" ("id", "user_id", "method", "user_agent", "ip", "created_at", "last_seen_at", "revoked_at")
      SELECT DISTINCT ON (r."family_id") r."family_id", r."user_id", 'password',
             first_value(r."user_agent") OVER w, first_value(r."ip") OVER w,
             min(r."created_at") OVER (PARTITION BY r."family_id"), max(r."created_at") OVER (PARTITION BY r."family_id"),
             CASE WHEN bool_and(r."revoked_at" IS NOT NULL) OVER (PARTITION BY r."family_id") THEN now() END
        FROM "refresh_tokens" r
      WINDOW w AS (PARTITION BY r."family_id" ORDER BY r."created_at")
       ORDER BY r."family_id", r."created_at"
    `);
    await queryRunner.query(`
      CREATE TABLE "account_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "token_hash" text NOT NULL,
        "new_email" text,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "account_tokens_pk" PRIMARY KEY ("id"),
        CONSTRAINT "account_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('password_reset', 'email_change')),
        CONSTRAINT "account_tokens_new_email_check" CHECK (("purpose" = 'email_change') = ("new_email" IS NOT NULL))
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "account_tokens_hash_unique" ON "account_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "account_tokens_user_idx" ON "account_tokens" ("user_id", "purpose")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_tokens"`);
    await queryRunner.query(`DROP TABLE "user_sessions"`);
  }
}
