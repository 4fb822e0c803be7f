/**
 * Preloaded into the API by dashboard.e2e-spec.ts (`NODE_OPTIONS=--require …`), as bench/count-sql.cjs is by
 * the REST benchmark: a request carrying `x-count-sql: <key>` runs inside an AsyncLocalStorage context, every
 * SQL statement sent through `pg` within it is recorded, and when its response is finished one JSON line
 * `{key, statements: [text]}` is appended to the file named by `COUNT_SQL_FILE`.
 */
'use strict';
const { AsyncLocalStorage } = require('node:async_hooks');
const { appendFileSync } = require('node:fs');
const http = require('node:http');
const pg = require('pg');

const als = new AsyncLocalStorage();
const file = process.env.COUNT_SQL_FILE;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  const [req, res] = args;
  const key = event === 'request' ? req.headers['x-count-sql'] : undefined;
  if (typeof key !== 'string' || !file) return emit.call(this, event, ...args);
  const statements = [];
  res.once('finish', () => appendFileSync(file, `${JSON.stringify({ key, statements })}\n`));
  return als.run(statements, () => emit.call(this, event, ...args));
};

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  const [config] = args;
  const statements = als.getStore();
  if (statements) statements.push(typeof config === 'string' ? config : config && config.text);
  return query.apply(this, args);
};
