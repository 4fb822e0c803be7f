import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@alliances/api/core';
import { UsersService } from '@alliances/api/identity';
import { OrganisationsReader } from '@alliances/api/organisations';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/** The account the demo seed approves organisations with; its password is random, new at each seed. */
export const DEMO_SEED_ADMIN = 'seed-admin@demo.alliances.test';

/**
 * On an embedded database that holds no organisation yet (a brand-new `./.data`), offers the demo
 * alliances: a hint in the log, or, with SEED_DEMO=1, the seed itself (tools/seed-demo) run in the
 * background against this very API once it listens. Start-up never waits for it, nor asks anything.
 */
@Injectable()
export class DemoSeedOffer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DemoData');
  private seeding: ChildProcess | undefined;

  constructor(
    private readonly organisations: OrganisationsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly adapter: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.embeddedDatabase) return;
    if ((await this.organisations.count()) > 0) return;
    // A development switch read once here, like NODE_ENV; not part of the validated configuration.
    if (process.env['SEED_DEMO'] !== '1') {
      this.logger.log(
        'This embedded database is new and empty. To try Alliances with French demo alliances: stop the app and run `npm run seed:demo`, or start with `SEED_DEMO=1 npm start`.',
      );
      return;
    }
    const root = checkout(__dirname);
    const script = root && join(root, 'tools', 'seed-demo', 'seed-demo.ts');
    if (!root || !script || !existsSync(script) || !existsSync(join(root, 'node_modules', 'ts-node'))) {
      this.logger.warn(
        'SEED_DEMO=1 runs tools/seed-demo from the source checkout, which is not here: seed from a checkout with `npm run seed:demo`.',
      );
      return;
    }
    if (this.config.smtpUrl) {
      this.logger.warn('SEED_DEMO=1 reads the demo invitations in DATA_DIR/outbox: start without SMTP_URL to seed.');
      return;
    }
    const password = randomBytes(24).toString('base64url');
    await this.users.upsertPlatformAdmin(DEMO_SEED_ADMIN, password, 'Données de démonstration');
    const server = this.adapter.httpAdapter.getHttpServer() as Server;
    const run = () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      this.logger.log(
        `SEED_DEMO=1: filling this new database with the demo alliances through ${url} (a minute or a few: sign-ins are throttled)…`,
      );
      const child = (this.seeding = spawn(
        process.execPath,
        ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', script, '--api', url],
        {
          cwd: root,
          env: {
            ...process.env,
            TS_NODE_PROJECT: join(root, 'tools', 'seed-demo', 'tsconfig.json'),
            TS_NODE_TRANSPILE_ONLY: 'true',
            SEED_ADMIN_EMAIL: DEMO_SEED_ADMIN,
            SEED_ADMIN_PASSWORD: password,
            SEED_DATA_DIR: this.config.dataDir,
            PUBLIC_URL: this.config.publicUrl,
          },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      ));
      child.once('exit', (code) => {
        this.seeding = undefined;
        if (code === 0) this.logger.log('SEED_DEMO=1: the demo alliances are ready');
        else
          this.logger.error(
            `SEED_DEMO=1: the demo seed stopped (exit ${code}); run \`npm run seed:demo\` with the app stopped to finish it`,
          );
      });
    };
    if (server.listening) run();
    else server.once('listening', run);
  }

  onApplicationShutdown(): void {
    this.seeding?.kill('SIGTERM');
  }
}

/** The source checkout this build runs from (the folder holding nx.json), if any. */
function checkout(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
