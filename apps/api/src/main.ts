import 'reflect-metadata';
import { ConfigError } from '@alliances/api/core';
import { Logger } from '@nestjs/common';
import { startApi } from './bootstrap';

startApi()
  .then(({ url, embedded }) => {
    Logger.log(`Alliances is listening on ${url} (${embedded ? `embedded ${embedded.version.split(' on ')[0]}` : 'PostgreSQL'})`, 'Bootstrap');
  })
  .catch((error: unknown) => {
    // eslint-disable-next-line no-console
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
