import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications people control (issue 16, docs/decisions/0021-notification-preferences.md): each
 * person's choice per kind (in the app or not; mail immediate, daily, weekly or off), when each
 * person last had a daily and a weekly digest, the reminders already sent (a scheduled reminder never
 * goes twice for the same object and kind), and whether a notification shows in the app.
 * Hand-written (docs/decisions/0004).
 */
export class NotificationPreferences1795704000000 implements MigrationInterface {
  name = 'NotificationPreferences1795704000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification_preferences" (
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "in_app" boolean NOT NULL,
        "mail" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "notification_preferences_pk" PRIMARY KEY ("user_id", "kind"),
        CONSTRAINT "notification_preferences_mail_check" CHECK ("mail" IN ('immediate', 'daily', 'weekly', 'off')),
        CONSTRAINT "notification_preferences_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "notification_digest_times" (
        "user_id" uuid NOT NULL,
        "daily_at" timestamptz,
        "weekly_at" timestamptz,
        CONSTRAINT "notification_digest_times_pk" PRIMARY KEY ("user_id"),
        CONSTRAINT "notification_digest_times_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "notification_reminders" (
        "kind" text NOT NULL,
        "object_id" text NOT NULL,
        "sent_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "notification_reminders_pk" PRIMARY KEY ("kind", "object_id")
      )
    `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "in_app" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `CREATE INDEX "notifications_unmailed_idx" ON "notifications" ("user_id") WHERE "mailed_at" IS NULL AND "read_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifications_unmailed_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "in_app"`);
    await queryRunner.query(`DROP TABLE "notification_reminders"`);
    await queryRunner.query(`DROP TABLE "notification_digest_times"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}
