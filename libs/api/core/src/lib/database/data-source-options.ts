import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { PostgresDataSourceOptions as PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TenantSessionClient } from './tenant-session';

type Entities = MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;
type Migrations = MixedList<string | (new (...args: never[]) => unknown)>;

/**
 * The one set of TypeORM options, used by Nest at run time and by the migration CLI. Schema changes
 * only ever come from migrations (`synchronize: false`).
 */
export function dataSourceOptions(input: {
  /** A PostgreSQL server's connection string: DATABASE_URL, or the embedded server's. */
  databaseUrl: string;
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
    // gen_random_uuid() is core PostgreSQL since 13: no extension to install.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    entities: input.entities as PostgresConnectionOptions['entities'],
    migrations: input.migrations as PostgresConnectionOptions['migrations'],
    applicationName: input.applicationName ?? 'alliances-api',
  };
  return {
    ...common,
    type: 'postgres',
    url: input.databaseUrl,
    poolSize: input.poolSize ?? 10,
    // Fail fast when the database is away, so requests answer 503 instead of queueing forever.
    extra: { connectionTimeoutMillis: 3000, query_timeout: 30_000, idleTimeoutMillis: 30_000, Client: TenantSessionClient },
  };
}
