import 'reflect-metadata';
import { ConfigError, EmbeddedPostgresError } from '@alliances/api/core';
import { Logger } from '@nestjs/common';
import { startApi } from './bootstrap';
import { runBackupCli } from './backup/backup-cli';
import { runAdminCli } from './cli';

const [command, ...args] = process.argv.slice(2);

if (command === 'admin') {
  runAdminCli(args)
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
} else if (command === 'backup' || command === 'restore') {
  runBackupCli(command, args).then((code) => process.exit(code));
} else {
  startApi()
    .then(({ url, embedded }) => {
      Logger.log(
        `Alliances is listening on ${url} (${embedded ? `embedded PostgreSQL ${embedded.version} in ${embedded.dir}` : 'PostgreSQL'})`,
        'Bootstrap',
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError || error instanceof EmbeddedPostgresError ? error.message : error);
      process.exit(1);
    });
}
