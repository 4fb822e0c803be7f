import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with an OpenID Connect provider (docs/decisions/0018-oidc-sign-in.md): the identities
 * linked to accounts, and the pending logins between the redirect to the provider and its callback.
 * Account-scoped like refresh_tokens: no row-level security policy (those guard alliance-scoped
 * tables). `users.password_hash` is already nullable: an account created by single sign-on has none.
 * Hand-written (docs/decisions/0004).
 */
export class OidcSignIn1795701000000 implements MigrationInterface {
  name = 'OidcSignIn1795701000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oidc_identities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "issuer" text NOT NULL,
        "subject" text NOT NULL,
        "email" text,
        "linked_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "oidc_identities_pk" PRIMARY KEY ("id"),
        CONSTRAINT "oidc_identities_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "oidc_identities_issuer_subject_unique" UNIQUE ("issuer", "subject")
      )
    `);
    await queryRunner.query(`CREATE INDEX "oidc_identities_user_idx" ON "oidc_identities" ("user_id")`);
    // Only the SHA-256 of the state travels back; the row is consumed (used_at) by the first callback.
    await queryRunner.query(`
      CREATE TABLE "oidc_login_states" (
        "state_hash" text NOT NULL,
        "nonce" text NOT NULL,
        "code_verifier" text NOT NULL,
        "return_url" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "oidc_login_states_pk" PRIMARY KEY ("state_hash")
      )
    `);
    await queryRunner.query(`CREATE INDEX "oidc_login_states_expires_idx" ON "oidc_login_states" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oidc_login_states"`);
    await queryRunner.query(`DROP TABLE "oidc_identities"`);
  }
}
