import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Row-level security as a second line (docs/decisions/0007-row-level-security.md): request queries
 * run as the non-superuser role below with the caller's id in `app.user_id`, so the policies of the
 * RowLevelSecurity migration hide every other tenant's rows even from a query that forgets its filter.
 * System paths (start-up, migrations, schedulers, the outbox publisher, sockets) run outside any
 * tenant scope and keep the connecting role, which owns the tables and is not subject to policies.
 */
export const APP_DATABASE_ROLE = 'alliances_app';

interface TenantScope {
  /** The signed-in caller; null for a public route (sees no tenant row at all). */
  userId: string | null;
}

const scopes = new AsyncLocalStorage<TenantScope>();
/** Set once migrations have run and the role is usable; until then every query is a system query. */
let enforcedRole: string | undefined;

/** Runs `fn` (and everything it starts) as a request of `userId`. */
export function runAsTenant<T>(userId: string | null, fn: () => T): T {
  return scopes.run({ userId }, fn);
}

/** Runs `fn` as the system, whatever request started it (e.g. work for every alliance kicked off by one request). */
export function runAsSystem<T>(fn: () => T): T {
  return scopes.exit(fn);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUEST_SCOPE = Symbol('tenantScope');
type ScopedRequest = FastifyRequest & { [REQUEST_SCOPE]?: TenantScope };

/**
 * Every HTTP request runs in a scope from its first hook, anonymous until authentication names the
 * caller (`setRequestTenant`), so the guard's own lookup already runs in the caller's tenant: a
 * connection serving the same user again switches nothing. Body parsing resumes in the socket's
 * async context, so the scope is entered again before validation.
 */
export function scopeRequestsByTenant(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: ScopedRequest, _reply, done) => {
    const scope: TenantScope = { userId: null };
    request[REQUEST_SCOPE] = scope;
    scopes.run(scope, done);
  });
  fastify.addHook('preValidation', (request: ScopedRequest, _reply, done) => scopes.run(request[REQUEST_SCOPE] ?? { userId: null }, done));
}

/** The authenticated caller of the current request (called once its token is verified). */
export function setRequestTenant(userId: string): void {
  const scope = scopes.getStore();
  if (scope && UUID.test(userId)) scope.userId = userId;
}

interface SessionState {
  key: string;
  role: string;
  userId: string;
}
const SYSTEM: SessionState = { key: 'system', role: 'none', userId: '' };
const SET_SESSION = `SELECT set_config('role', $1, false), set_config('app.user_id', $2, false)`;

function wantedState(): SessionState | undefined {
  if (!enforcedRole) return undefined;
  const scope = scopes.getStore();
  if (!scope) return SYSTEM;
  return { key: `tenant:${scope.userId ?? ''}`, role: enforcedRole, userId: scope.userId ?? '' };
}

const BEGIN = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const END = /^\s*(COMMIT|END|ROLLBACK|ABORT)\b(?!\s+TO\b)/i;
const ROLLBACK_TO = /^\s*ROLLBACK\s+TO\b/i;

/**
 * A pooled connection that puts its session in the caller's tenant before a query, only when it
 * differs from what it last set (a connection reused by the same user, or by system work, costs
 * nothing more). A query waits for the switch: if it fails, the query does not run (never a silent
 * wrong tenant), and queries fired meanwhile on the same connection keep their order. A switch inside
 * a transaction is undone by its rollback, so it is then considered unknown and sent again.
 */
export class TenantSessionClient extends Client {
  private state: string | undefined = SYSTEM.key;
  private switching: Promise<unknown> | undefined;
  private inTransaction = false;
  private setInTransaction = false;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const wanted = wantedState();
    if (wanted && wanted.key !== this.state) {
      this.state = wanted.key;
      if (this.inTransaction) this.setInTransaction = true;
      const after = this.switching?.catch(() => undefined) ?? Promise.resolve();
      const switching: Promise<unknown> = after
        .then(() => super.query(SET_SESSION, [wanted.role, wanted.userId]))
        .catch((error: unknown) => {
          this.state = undefined;
          throw error;
        });
      this.switching = switching;
      void switching.then(
        () => this.switching === switching && (this.switching = undefined),
        () => this.switching === switching && (this.switching = undefined),
      );
    }
    this.track(typeof args[0] === 'string' ? args[0] : args[0]?.text);
    const run = () => (super.query as (...a: unknown[]) => unknown)(...args);
    if (!this.switching) return run();
    const deferred = this.switching.then(run);
    const callback = [...args].reverse().find((a) => typeof a === 'function') as ((error: unknown) => void) | undefined;
    if (typeof args[0]?.submit === 'function' || callback) {
      // Callback and stream forms: the error reaches the callback or the stream, not a promise.
      deferred.catch((error: unknown) => (callback ? callback(error) : args[0].handleError?.(error)));
      return typeof args[0]?.submit === 'function' ? args[0] : undefined;
    }
    return deferred;
  }

  private track(sql: string | undefined): void {
    if (!sql) return;
    if (BEGIN.test(sql)) {
      this.inTransaction = true;
      this.setInTransaction = false;
    } else if (END.test(sql)) {
      if (this.setInTransaction) this.state = undefined;
      this.inTransaction = false;
      this.setInTransaction = false;
    } else if (ROLLBACK_TO.test(sql) && this.setInTransaction) {
      this.state = undefined;
    }
  }
}

/**
 * Turns tenant sessions on once migrations have run, when the connecting role may act as
 * `alliances_app` (it created it, or is a superuser). Returns whether row-level security is enforced.
 */
export async function enforceRowLevelSecurity(dataSource: DataSource, logger = new Logger('Database')): Promise<boolean> {
  enforcedRole = undefined;
  const [row]: { usable: boolean; safe: boolean }[] = await dataSource.query(
    `SELECT CASE WHEN to_regrole($1) IS NULL THEN false ELSE pg_has_role(current_user, $1, 'MEMBER') END AS usable,
            coalesce((SELECT NOT rolsuper AND NOT rolbypassrls FROM pg_roles WHERE rolname = $1), false) AS safe`,
    [APP_DATABASE_ROLE],
  );
  if (!row?.usable || !row.safe) {
    logger.warn(
      `Row-level security is NOT enforced: the database role cannot act as ${APP_DATABASE_ROLE} (see docs/decisions/0007-row-level-security.md)`,
    );
    return false;
  }
  enforcedRole = APP_DATABASE_ROLE;
  logger.log(`Row-level security enforced: request queries run as ${APP_DATABASE_ROLE}`);
  return true;
}
