/**
 * Comment fan-out (issue 7, and issue 9 §2): N authenticated sockets joined to one alliance on `/live`,
 * comments posted over REST at 10 a second; every socket must receive every comment. Reports the
 * delivered count and the post-to-receive latency p50/p99, against a floor in the same run: the same
 * number of sockets on a bare socket.io server that broadcasts the same payload as soon as it is
 * POSTed to it (bench/socket-floor.ts, its own process like the API).
 * Run: npm run bench:fanout -- 200 [comments=50]     (PostgreSQL from TEST_DATABASE_URL)
 */
import { ApiClient } from '@alliances/e2e/support';
import { readFileSync } from 'node:fs';
import { io as connect, type Socket } from 'socket.io-client';
import { ADMIN_EMAIL, allianceWith, createDatabase, forkFloor, party, percentile, round, run, saveSection, startApi } from './support';

const SOCKETS = Number(process.argv[2] ?? 200);
const COMMENTS = Number(process.argv[3] ?? 50);
const RATE_PER_SECOND = 10;

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
          const ack = await s.timeout(30_000).emitWithAck('alliance:join', { allianceId });
          if (!ack?.ok) throw new Error(`join refused ${JSON.stringify(ack)}`);
        }
        return s;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Sends COMMENTS tagged bodies at RATE_PER_SECOND; each socket notes when each tag arrives. */
async function measure(
  sockets: Socket[],
  send: (body: string) => Promise<void>,
): Promise<{ latencies: number[]; posts: number[]; delivered: number; expected: number }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const posts: number[] = [];
  let delivered = 0;
  const onComment = (payload: { body?: string }) => {
    const t = sentAt.get(payload.body ?? '');
    if (t === undefined) return;
    delivered++;
    latencies.push(performance.now() - t);
  };
  sockets.forEach((s) => s.on('comment:created', onComment));
  const sending: Promise<void>[] = [];
  for (let i = 0; i < COMMENTS; i++) {
    const body = `Commentaire ${i} du banc d’essai — ${Math.random().toString(36).slice(2)}`;
    const t = performance.now();
    sentAt.set(body, t);
    sending.push(send(body).then(() => void posts.push(performance.now() - t)));
    await new Promise((r) => setTimeout(r, 1000 / RATE_PER_SECOND));
  }
  await Promise.all(sending);
  const expected = COMMENTS * sockets.length;
  const deadline = Date.now() + 30_000;
  while (delivered < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  sockets.forEach((s) => s.off('comment:created', onComment));
  return { latencies, posts, delivered, expected };
}

async function main(): Promise<void> {
  const started = Date.now();
  const db = await createDatabase();
  let ours = await startApi({ databaseUrl: db.url });
  const floor = await forkFloor('socket-floor.ts');
  try {
    const api = new ApiClient(ours.url);
    const admin = await api.login(ADMIN_EMAIL);
    const lead = await party(api, admin);
    const allianceId = await allianceWith(api, lead, []);
    const token = lead.session.accessToken;
    const post = async (url: string, body: string) => {
      const res = await new ApiClient(url).post(
        '/api/comments',
        { allianceId, target: { type: 'alliance', id: allianceId }, body },
        { token },
      );
      if (res.status !== 201) throw new Error(`post ${res.status} ${res.text}`);
      return res.body as Record<string, unknown>;
    };
    // What the API broadcasts is the comment as the REST answer gives it: the floor sends the same.
    const sample = await post(ours.url, 'Premier commentaire');

    const bare = await openSockets(`${floor.url}/live`, undefined, SOCKETS);
    await measure(
      bare,
      async (body) => void (await fetch(`${floor.url}/broadcast`, { method: 'POST', body: JSON.stringify({ ...sample, body }) })),
    );
    const onFloor = await measure(bare, async (body) => {
      const res = await fetch(`${floor.url}/broadcast`, { method: 'POST', body: JSON.stringify({ ...sample, body }) });
      if (res.status !== 201) throw new Error(`floor ${res.status}`);
    });
    bare.forEach((s) => s.disconnect());

    const onApi = async (url: string) => {
      const connecting = performance.now();
      const sockets = await openSockets(`${url}/live`, token, SOCKETS, allianceId);
      const connectS = (performance.now() - connecting) / 1000;
      const measured = await measure(sockets, async (body) => void (await post(url, body)));
      sockets.forEach((s) => s.disconnect());
      return { ...measured, connectS };
    };
    const result = await onApi(ours.url);
    // The same on an API fanning out through Redis (REDIS_URL) instead of PostgreSQL, when Redis answers.
    await ours.stop();
    const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
    ours = await startApi({ databaseUrl: db.url, env: { REDIS_URL: redisUrl } }).catch(() => startApi({ databaseUrl: db.url }));
    const viaRedis = /through Redis/.test(readFileSync(ours.logFile, 'utf8')) ? await onApi(ours.url) : undefined;

    const p99 = percentile(result.latencies, 99);
    saveSection(
      {
        name: `fanout-${SOCKETS}`,
        title: `2. Comment fan-out, ${SOCKETS} sockets`,
        command: `npm run bench:fanout -- ${SOCKETS} ${COMMENTS}`,
        floor:
          'the same sockets on a bare socket.io server (own process, no authentication, nothing stored) that broadcasts the same comment JSON as soon as it is POSTed to it (bench/socket-floor.ts)',
        figures: [
          {
            figure: 'delivered / sent × receivers',
            ours: `${result.delivered} / ${result.expected}`,
            floor: onFloor.delivered,
            goal: 'equal',
            met: result.delivered === result.expected,
          },
          {
            figure: 'post → receive p50',
            ours: round(percentile(result.latencies, 50)),
            floor: round(percentile(onFloor.latencies, 50)),
            unit: 'ms',
          },
          {
            figure: 'post → receive p99',
            ours: round(p99),
            floor: round(percentile(onFloor.latencies, 99)),
            unit: 'ms',
            ...(SOCKETS <= 200 ? { goal: '< 100 ms', met: p99 < 100 } : {}),
          },
          {
            figure: 'the POST itself: request → answer, p50',
            ours: round(percentile(result.posts, 50)),
            floor: round(percentile(onFloor.posts, 50)),
            unit: 'ms',
          },
          {
            figure: 'the POST itself: request → answer, p99',
            ours: round(percentile(result.posts, 99)),
            floor: round(percentile(onFloor.posts, 99)),
            unit: 'ms',
          },
          { figure: `connecting and joining ${SOCKETS} sockets (50 at a time)`, ours: round(result.connectS, 1), unit: 's' },
          ...(viaRedis
            ? [
                {
                  figure: 'with REDIS_URL (Redis adapter): delivered / sent × receivers',
                  ours: `${viaRedis.delivered} / ${viaRedis.expected}`,
                  floor: onFloor.delivered,
                  goal: 'equal',
                  met: viaRedis.delivered === viaRedis.expected,
                },
                {
                  figure: 'with REDIS_URL (Redis adapter): post → receive p50',
                  ours: round(percentile(viaRedis.latencies, 50)),
                  floor: round(percentile(onFloor.latencies, 50)),
                  unit: 'ms',
                },
                {
                  figure: 'with REDIS_URL (Redis adapter): post → receive p99',
                  ours: round(percentile(viaRedis.latencies, 99)),
                  floor: round(percentile(onFloor.latencies, 99)),
                  unit: 'ms',
                },
              ]
            : []),
        ],
        notes: [
          `${SOCKETS} sockets of one signed-in account (token checked at the handshake, alliance:join authorised), all in the benchmark process; ${COMMENTS} comments POSTed at ${RATE_PER_SECOND}/s over REST. Each is written with its outbox event in one transaction, claimed after commit and broadcast to the alliance room (PostgreSQL adapter). Latency is from just before the POST to the arrival on each socket.`,
          "Without REDIS_URL the API fans out through PostgreSQL (@socket.io/postgres-adapter); socket.io's cluster adapter awaits the publication (a pg_notify on the adapter's own small pool) before it delivers to the local sockets. The Redis rows run the same measurement on a second API process started with REDIS_URL on the same database (the first one stopped).",
        ],
      },
      started,
    );
  } finally {
    floor.stop();
    await ours.stop();
    await db.drop();
  }
}

run(main);
