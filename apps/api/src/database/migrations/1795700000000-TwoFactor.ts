import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-step sign-in (issue 15, docs/decisions/0017): the TOTP factor of an account (its secret
 * encrypted, the last time step used so a code works once), its single-use recovery codes (keyed
 * hashes only) and the second-step challenges of sign-ins waiting for a code (token hash only). And
 * the organisations' rule that their admins and signatories must use it. Hand-written (docs/decisions/0004).
 */
export class TwoFactor1795700000000 implements MigrationInterface {
  name = 'TwoFactor1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "totp_factors" (
        "user_id" uuid NOT NULL,
        "secret_encrypted" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "confirmed_at" timestamptz,
        "last_used_step" bigint,
        CONSTRAINT "totp_factors_pk" PRIMARY KEY ("user_id"),
        CONSTRAINT "totp_factors_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "recovery_codes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "code_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "used_at" timestamptz,
        CONSTRAINT "recovery_codes_pk" PRIMARY KEY ("id"),
        CONSTRAINT "recovery_codes_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" ("user_id", "code_hash")`);
    await queryRunner.query(`
      CREATE TABLE "mfa_challenges" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" text NOT NULL,
        "user_id" uuid NOT NULL,
        "method" text NOT NULL,
        "ip" text,
        "user_agent" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "consumed_at" timestamptz,
        CONSTRAINT "mfa_challenges_pk" PRIMARY KEY ("id"),
        CONSTRAINT "mfa_challenges_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mfa_challenges_token_idx" ON "mfa_challenges" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "mfa_challenges_user_idx" ON "mfa_challenges" ("user_id")`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "require_two_factor" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "require_two_factor"`);
    await queryRunner.query(`DROP TABLE "mfa_challenges"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
    await queryRunner.query(`DROP TABLE "totp_factors"`);
  }
}
