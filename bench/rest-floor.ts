/**
 * The REST floor: a bare Node `http` server with a `pg` pool of the API's size, no framework. For each
 * route it checks the bearer token (HS256, issuer, audience, expiry, as the API does) and replays the
 * very SQL statements the API ran for that route, with the same parameters and the same concurrency
 * (statements the API had in flight together are sent together), then answers the rows as JSON.
 * Started by rest.bench.ts, which sends { routes: { [path]: waves of statements }, session?: [role, userId] } over IPC;
 * with a session, each pooled connection first takes the role and caller the API's queries ran as.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'pg';

interface Wave {
  text: string;
  params: unknown[];
}

const secret = process.env['JWT_SECRET'] ?? '';
const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });

function authorised(header: string | undefined): boolean {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return false;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { exp?: number; iss?: string; aud?: string };
  return (
    header_.alg === 'HS256' &&
    claims.iss === 'alliances' &&
    claims.aud === 'alliances-api' &&
    typeof claims.exp === 'number' &&
    claims.exp * 1000 > Date.now()
  );
}

let routes: Record<string, Wave[][]> = {};

const server = createServer((req, res) => {
  const waves = routes[req.url ?? ''];
  if (!waves) {
    res.writeHead(404).end();
    return;
  }
  if (!authorised(req.headers.authorization)) {
    res.writeHead(401).end();
    return;
  }
  void (async () => {
    const rows: unknown[][] = [];
    for (const wave of waves) rows.push(...(await Promise.all(wave.map((s) => pool.query(s.text, s.params).then((r) => r.rows)))));
    const body = JSON.stringify(rows);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  })().catch((error: Error) => {
    res.writeHead(500).end(error.message);
  });
});

process.on('message', (message: { routes?: Record<string, Wave[][]>; session?: unknown[] }) => {
  if (!message.routes) return;
  routes = message.routes;
  const session = message.session;
  if (session)
    pool.on(
      'connect',
      (client) => void client.query(`SELECT set_config('role', $1, false), set_config('app.user_id', $2, false)`, session),
    );
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.send?.({ url: `http://127.0.0.1:${address.port}` });
  });
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
