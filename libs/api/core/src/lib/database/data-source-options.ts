import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { PostgresDataSourceOptions as PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { EmbeddedPostgres } from './embedded-postgres';
import { EMBEDDED_POOL_SIZE } from './embedded-postgres';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TenantSessionClient } from './tenant-session';

type Entities = MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;
type Migrations = MixedList<string | (new (...args: never[]) => unknown)>;

/**
 * The one set of TypeORM options, used by Nest at run time and by the migration CLI. Schema changes
 * only ever come from migrations (`synchronize: false`).
 */
export function dataSourceOptions(input: {
  databaseUrl?: string;
  embedded?: Pick<EmbeddedPostgres, 'connection'>;
  entities: Entities;
  migrations: Migrations;
  poolSize?: number;
  applicationName?: string;
}): DataSourceOptions {
  const common: Partial<PostgresConnectionOptions> = {
    type: 'postgres',
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // PGlite has no uuid-ossp; gen_random_uuid() is core PostgreSQL since 13.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    entities: input.entities as PostgresConnectionOptions['entities'],
    migrations: input.migrations as PostgresConnectionOptions['migrations'],
    applicationName: input.applicationName ?? 'alliances-api',
  };
  if (input.databaseUrl) {
    return {
      ...common,
      type: 'postgres',
      url: input.databaseUrl,
      poolSize: input.poolSize ?? 10,
      // Fail fast when the database is away, so requests answer 503 instead of queueing forever.
      extra: { connectionTimeoutMillis: 3000, query_timeout: 30_000, idleTimeoutMillis: 30_000, Client: TenantSessionClient },
    };
  }
  if (!input.embedded) throw new Error('dataSourceOptions: either databaseUrl or embedded is required');
  const { host, port, username, database } = input.embedded.connection;
  return {
    ...common,
    type: 'postgres',
    host,
    port,
    username,
    database,
    // One connection: pglite-socket interleaves the messages of concurrent connections while one of
    // them is inside a transaction (wrong results seen under load). PGlite runs one query at a time
    // anyway, so a single connection costs nothing and keeps every statement in order.
    poolSize: EMBEDDED_POOL_SIZE,
    extra: { connectionTimeoutMillis: 10_000 },
  };
}
