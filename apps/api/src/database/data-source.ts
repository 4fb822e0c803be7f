// The data source of the migration CLI (`npm run migration:generate -- <Name>`, `migration:run`),
// built from the same options as the running app. It needs DATABASE_URL.
import { dataSourceOptions } from '@alliances/api/core';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required to run the migration CLI');

export default new DataSource(dataSourceOptions({ databaseUrl, entities, migrations, applicationName: 'alliances-migrations' }));
