import {
  AlliancesIoAdapter,
  configureHttp,
  dataSourceOptions,
  enforceRowLevelSecurity,
  genRequestId,
  loadConfig,
  migratePgliteFolder,
  runMigrationsLocked,
  scopeRequestsByTenant,
  startEmbeddedPostgres,
  type AppConfig,
  type EmbeddedPostgres,
} from '@alliances/api/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app/app.module';
import { entities } from './database/entities';
import { migrations } from './database/migrations';

export interface RunningApi {
  app: NestFastifyApplication;
  config: AppConfig;
  embedded?: EmbeddedPostgres;
  url: string;
}

/** Boots the API: configuration, database (an embedded server when DATABASE_URL is unset), migrations, HTTP. */
export async function startApi(env: NodeJS.ProcessEnv = process.env): Promise<RunningApi> {
  const loaded = loadConfig(env, { defaultWebRoot: join(__dirname, '..', 'web', 'browser') });
  const embedded = loaded.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: loaded.dataDir, script: join(__dirname, 'assets', 'embedded-postgres.mjs') });
  // From here on the embedded server is a PostgreSQL server like any other: same pool, row-level
  // security, LISTEN/NOTIFY fan-out and charter relay (decision 0009).
  const config: AppConfig = embedded ? { ...loaded, databaseUrl: embedded.url, embeddedDatabase: true } : loaded;
  try {
    const database = dataSourceOptions({ databaseUrl: config.databaseUrl as string, entities, migrations });
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ config, database, embedded }),
      new FastifyAdapter({ bodyLimit: 1024 * 1024, genReqId: genRequestId, trustProxy: config.trustProxy, return503OnClosing: true }),
      { bufferLogs: true },
    );
    scopeRequestsByTenant(app.getHttpAdapter().getInstance());
    const io = new AlliancesIoAdapter(app, config);
    await io.connect();
    app.useWebSocketAdapter(io);
    await configureHttp(app, config);
    await runMigrationsLocked(app.get(DataSource));
    if (embedded)
      await migratePgliteFolder({ dataDir: config.dataDir, url: embedded.url, script: join(__dirname, 'assets', 'migrate-pglite.mjs') });
    await enforceRowLevelSecurity(app.get(DataSource));
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return { app, config, embedded, url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}` };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
