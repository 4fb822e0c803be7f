import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal iCalendar feed's secret addresses (issue 17, docs/decisions/0025-calendar-feed.md): one
 * per person, found by the SHA-256 of the token, the token itself encrypted. Hand-written (docs/decisions/0004).
 */
export class CalendarTokens1795709000000 implements MigrationInterface {
  name = 'CalendarTokens1795709000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "calendar_tokens" (
        "user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "token_sealed" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "calendar_tokens_pk" PRIMARY KEY ("user_id"),
        CONSTRAINT "calendar_tokens_hash_uq" UNIQUE ("token_hash"),
        CONSTRAINT "calendar_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_tokens"`);
  }
}
