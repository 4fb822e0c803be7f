/**
 * Comment fan-out (issue 7, and issue 9 §2): N authenticated sockets in one alliance, comments posted
 * over REST at a steady rate; every socket must receive every comment. Reports delivered count and
 * post-to-receive latency p50/p99, against a floor: a bare socket.io server broadcasting the same
 * payload to the same number of sockets, in the same run.
 * Run: npm run bench:fanout -- 200   (TEST_DATABASE_URL selects PostgreSQL; else embedded)
 */
import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess } from '@alliances/e2e/support';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { percentile, report } from './report';

const SOCKETS = Number(process.argv[2] ?? 200);
const COMMENTS = Number(process.argv[3] ?? 50);
const RATE_PER_SECOND = 10;
const ENV = { ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '100000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '100000', COMMENTS_PER_MINUTE: '100000' };

async function openSockets(url: string, token: string | undefined, count: number, allianceId?: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const s = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        if (allianceId) {
          const ack = await s.timeout(20_000).emitWithAck('alliance:join', { allianceId });
          if (!ack?.ok) throw new Error(`join refused ${JSON.stringify(ack)}`);
        }
        return s;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

async function measure(sockets: Socket[], event: string, send: (i: number, tag: string) => Promise<void>): Promise<{ latencies: number[]; delivered: number }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  for (const s of sockets) {
    s.on(event, (payload: { body?: string; tag?: string }) => {
      const tag = payload.tag ?? payload.body ?? '';
      const t = sentAt.get(tag);
      if (t === undefined) return;
      delivered++;
      latencies.push(performance.now() - t);
    });
  }
  for (let i = 0; i < COMMENTS; i++) {
    const tag = `bench-${i}-${Math.random().toString(36).slice(2)}`;
    sentAt.set(tag, performance.now());
    void send(i, tag);
    await new Promise((r) => setTimeout(r, 1000 / RATE_PER_SECOND));
  }
  const deadline = Date.now() + 20_000;
  while (delivered < COMMENTS * sockets.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return { latencies, delivered };
}

async function main(): Promise<void> {
  // Floor: a bare socket.io broadcast of the same payload.
  const http = createServer();
  const bare = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const barePort = (http.address() as { port: number }).port;
  const bareSockets = await openSockets(`http://127.0.0.1:${barePort}`, undefined, SOCKETS);
  const floor = await measure(bareSockets, 'comment:created', async (_i, tag) => {
    bare.emit('comment:created', { tag, body: tag, padding: 'x'.repeat(600) });
  });
  bareSockets.forEach((s) => s.disconnect());
  bare.close();

  const db = await createTestDatabase();
  const proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
  try {
    const api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const lead = await api.signUp();
    const org = (await api.applyOrganisation(lead)).id;
    await api.approveOrganisation(admin, org);
    const allianceId = (await api.post('/api/alliances', { name: 'Fan-out', purpose: 'bench', category: 'philanthropy', collectiveObjectives: ['engagement'], domains: [], scale: 'local', territoryCodes: [], organisationId: org }, { token: lead.accessToken })).body.id;
    const sockets = await openSockets(`${proc.url}/live`, lead.accessToken, SOCKETS, allianceId);
    const ours = await measure(sockets, 'comment:created', async (_i, tag) => {
      const res = await api.post('/api/comments', { allianceId, target: { type: 'alliance', id: allianceId }, body: tag }, { token: lead.accessToken });
      if (res.status !== 201) throw new Error(`post ${res.status}`);
    });
    sockets.forEach((s) => s.disconnect());
    report(`fanout-${SOCKETS}`, [
      { figure: 'sockets in one alliance', value: SOCKETS },
      { figure: 'comments posted (10/s over REST)', value: COMMENTS },
      { figure: 'delivered / expected', value: ours.delivered / (COMMENTS * SOCKETS) },
      { figure: 'post-to-receive p50 (ms)', value: percentile(ours.latencies, 50) },
      { figure: 'post-to-receive p99 (ms)', value: percentile(ours.latencies, 99) },
      { figure: 'floor: bare socket.io broadcast p50 (ms)', value: percentile(floor.latencies, 50) },
      { figure: 'floor: bare socket.io broadcast p99 (ms)', value: percentile(floor.latencies, 99) },
      { figure: 'floor delivered / expected', value: floor.delivered / (COMMENTS * SOCKETS) },
      { figure: 'ratio p99 ours / floor', value: percentile(ours.latencies, 99) / percentile(floor.latencies, 99) },
    ]);
  } finally {
    await proc.stop();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
