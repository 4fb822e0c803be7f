import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on passages of a meeting's minutes (issue 17): `comments.target_type` may be 'minutes'. The
 * allowed list is read from the constraint in place and extended, so migrations of other domains adding
 * their own target types in any order keep each other's. Hand-written (docs/decisions/0004).
 */
const TYPE = 'minutes';

async function allowedTypes(queryRunner: QueryRunner): Promise<string[]> {
  const rows: { def: string }[] = await queryRunner.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'comments_target_type_check' AND conrelid = 'comments'::regclass`,
  );
  return rows[0] ? [...rows[0].def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]) : [];
}

async function setAllowed(queryRunner: QueryRunner, types: string[]): Promise<void> {
  await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT IF EXISTS "comments_target_type_check"`);
  await queryRunner.query(
    `ALTER TABLE "comments" ADD CONSTRAINT "comments_target_type_check" CHECK ("target_type" IN (${types.map((t) => `'${t}'`).join(', ')}))`,
  );
}

export class CommentsOnMinutes1795706100000 implements MigrationInterface {
  name = 'CommentsOnMinutes1795706100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const types = await allowedTypes(queryRunner);
    if (!types.includes(TYPE)) await setAllowed(queryRunner, [...types, TYPE]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "comments" WHERE "target_type" = '${TYPE}'`);
    await setAllowed(
      queryRunner,
      (await allowedTypes(queryRunner)).filter((t) => t !== TYPE),
    );
  }
}
