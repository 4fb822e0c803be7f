/**
 * Preloaded into the API by the embedded benchmark's start-up runs (`node -r bench/startup-probe.cjs
 * dist/apps/api/main.js`), and inherited by the embedded server's supervisor, which the API forks with
 * its own exec arguments. Appends one JSON line per milestone, `{ name, t, cpu, pid }`, to the
 * file named by BENCH_STARTUP_MARKS, so that bench/embedded.bench.ts can say where a start's time goes
 * without the API logging it: the bundle loaded, the supervisor forked and ready, initdb, the server
 * spawned, Nest's module graph built, the migrations' advisory lock taken and released, the queues
 * started, the HTTP server listening. Changes nothing in what it observes.
 */
'use strict';
const { appendFileSync } = require('node:fs');
const { basename } = require('node:path');
const { performance } = require('node:perf_hooks');
const Module = require('node:module');
const childProcess = require('node:child_process');

const file = process.env['BENCH_STARTUP_MARKS'];
/** t: when (epoch ms); cpu: the CPU time this process had used by then (user + system, ms). */
const mark = (name, t = performance.timeOrigin + performance.now(), cpu = (process.cpuUsage().user + process.cpuUsage().system) / 1000) => {
  if (file) appendFileSync(file, `${JSON.stringify({ name, t, cpu, pid: process.pid })}\n`);
};
const supervisor = /embedded-postgres\.mjs$/.test(process.argv[1] ?? '');
const MIGRATION_LOCK_KEY = '7294117001';

/** Wraps `object[key]` so that `before(args)` runs first and `after(args, result)` once it returns (or resolves). */
function around(object, key, before, after) {
  const original = object[key];
  object[key] = function (...args) {
    before?.call(this, args);
    const result = original.apply(this, args);
    if (after) {
      if (result && typeof result.then === 'function')
        result.then(
          () => after(args, result),
          () => after(args, result),
        );
      else after(args, result);
    }
    return result;
  };
}

if (file) {
  mark(supervisor ? 'supervisor: process started' : 'api: process started', performance.timeOrigin, 0);
  mark(supervisor ? 'supervisor: node ready' : 'api: node ready');
  if (supervisor) {
    // The supervisor's child processes: `id` (the unprivileged user), `sh -c test -x` (can that user reach
    // the folders), initdb, and the server itself. The ESM script imports them by name: sync its bindings.
    const label = (args) => `${basename(String(args[0]))}${args[0] === '/bin/sh' ? ' (reachability check)' : ''}`;
    for (const key of ['execFileSync', 'spawnSync'])
      around(
        childProcess,
        key,
        (args) => mark(`supervisor: ${label(args)} start`),
        (args) => mark(`supervisor: ${label(args)} end`),
      );
    around(childProcess, 'spawn', (args) => basename(String(args[0])) === 'postgres' && mark('supervisor: postgres spawned'));
    Module.syncBuiltinESMExports();
    around(process, 'send', (args) => args[0]?.type === 'ready' && mark('supervisor: ready sent'));
  } else {
    const patched = new Set();
    around(childProcess, 'fork', undefined, (args, child) => {
      if (!/embedded-postgres\.mjs$/.test(String(args[0]))) return;
      mark('api: supervisor forked');
      child.on('message', (m) => m?.type === 'ready' && mark('api: embedded server ready'));
    });
    const load = Module._load;
    Module._load = function (request, parent, isMain, ...rest) {
      if (isMain) mark('api: bundle evaluation start');
      const exports = load.call(this, request, parent, isMain, ...rest);
      if (isMain) mark('api: bundle evaluated');
      if (request === '@nestjs/core' && !patched.has(request)) {
        patched.add(request);
        around(
          exports.NestFactory,
          'create',
          () => mark('api: Nest create start'),
          () => mark('api: Nest create end'),
        );
      }
      if (request === 'pg' && !patched.has(request)) {
        patched.add(request);
        // The migrations' advisory lock (libs/api/core run-migrations.ts); other locks (the job queues' set-up) are not theirs.
        around(exports.Client.prototype, 'query', (args) => {
          const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
          if (typeof text !== 'string' || String(args[1]?.[0]) !== MIGRATION_LOCK_KEY) return;
          if (text.startsWith('SELECT pg_advisory_lock(')) mark('api: migrations lock');
          else if (text.startsWith('SELECT pg_advisory_unlock(')) mark('api: migrations unlock');
        });
      }
      if (request === 'pg-boss' && !patched.has(request)) {
        patched.add(request);
        around(
          exports.prototype,
          'start',
          () => mark('api: pg-boss start'),
          () => mark('api: pg-boss started'),
        );
      }
      return exports;
    };
    const http = require('node:http');
    around(http.Server.prototype, 'listen', function () {
      this.once?.('listening', () => mark('api: listening'));
    });
  }
}
