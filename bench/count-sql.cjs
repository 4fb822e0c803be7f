/**
 * Preloaded into the API by the REST benchmark only (`node -r bench/count-sql.cjs dist/apps/api/main.js`).
 * A request carrying `x-bench-sql: <key>` runs inside an AsyncLocalStorage context; every SQL statement
 * sent through `pg` within that context is recorded (text, parameters, start and end times), and handed
 * to the parent process over IPC when it asks for `<key>`. Background work (the comment publisher's
 * sweep, relays) runs outside any request and is not counted.
 */
'use strict';
const { AsyncLocalStorage } = require('node:async_hooks');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const pg = require('pg');

const als = new AsyncLocalStorage();
const recorded = new Map();

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req) {
  const key = event === 'request' ? req.headers['x-bench-sql'] : undefined;
  if (typeof key !== 'string') return emit.apply(this, arguments);
  const statements = [];
  recorded.set(key, statements);
  return als.run(statements, () => emit.apply(this, arguments));
};

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  const statements = als.getStore();
  if (!statements) return query.apply(this, arguments);
  const entry = {
    text: typeof config === 'string' ? config : config && config.text,
    params: Array.isArray(values) ? values : (config && config.values) || [],
    start: performance.now(),
    end: 0,
  };
  statements.push(entry);
  const done = () => (entry.end = performance.now());
  const args = [...arguments];
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const cb = args[last];
    args[last] = function () {
      done();
      return cb.apply(this, arguments);
    };
  }
  const result = query.apply(this, args);
  if (result && typeof result.then === 'function') result.then(done, done);
  return result;
};

process.on('message', (message) => {
  if (!message || message.type !== 'sql') return;
  const statements = recorded.get(message.key) || [];
  recorded.delete(message.key);
  process.send({
    type: 'sql',
    key: message.key,
    statements: statements.map((s) => ({ ...s, params: s.params.map((p) => (Buffer.isBuffer(p) ? `<${p.length} bytes>` : p)) })),
  });
});
if (process.channel) process.channel.unref();
