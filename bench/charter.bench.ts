/**
 * Charter (issue 4, and issue 9 §3):
 *  - 20 editors typing at once into one charter (5 keystrokes a second each, one Yjs update per
 *    keystroke): relay latency from the keystroke on one editor to its arrival on each of the 19
 *    others, against the same editors on a bare socket.io relay of one Yjs document in memory
 *    (bench/socket-floor.ts `/collab`);
 *  - loading a charter of about 100 KB of text from the database (cold GET /charter after a restart:
 *    snapshot + journal read, Yjs applied, Markdown rendered), against Yjs applying the same state in memory.
 * Run: npm run bench:charter     (BENCH_CHARTER_SECONDS=20 of typing; PostgreSQL from TEST_DATABASE_URL)
 */
import { ApiClient } from '@alliances/e2e/support';
import * as Y from 'yjs';
import { CollabClient } from '@alliances/e2e/support';
import { ADMIN_EMAIL, allianceWith, createDatabase, forkFloor, party, percentile, round, run, saveSection, startApi } from './support';

const EDITORS = 20;
const KEYS_PER_SECOND = 5;
const SECONDS = Number(process.env['BENCH_CHARTER_SECONDS'] ?? 20);
const SECTIONS = [
  'context',
  'common_objective',
  'partners',
  'values',
  'governance',
  'resources',
  'evaluation',
  'communication',
  'duration',
];

/** Struct ids (client:clock) of the items an update inserts. */
function itemIds(update: Uint8Array): string[] {
  return Y.decodeUpdate(update)
    .structs.filter((s) => s instanceof Y.Item)
    .map((s) => `${s.id.client}:${s.id.clock}`);
}

/**
 * Every editor types one character at a time at KEYS_PER_SECOND into its own paragraph, staggered;
 * each received update is matched to the keystroke that made it by its Yjs item ids.
 */
async function typing(editors: CollabClient[], seconds: number): Promise<{ latencies: number[]; sent: number; expected: number }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const paragraphs = editors.map((editor, i) => {
    const fragment = editor.doc.getXmlFragment(SECTIONS[i % SECTIONS.length]);
    editor.paragraph(SECTIONS[i % SECTIONS.length], `Éditeur ${i + 1} : `);
    return fragment.get(fragment.length - 1) as Y.XmlElement;
  });
  editors.forEach((editor) => {
    editor.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') return;
      const now = performance.now();
      for (const id of itemIds(update)) {
        const t = sentAt.get(id);
        if (t !== undefined) latencies.push(now - t);
      }
    });
  });
  await Promise.all(editors.map((e) => e.flush()));
  await new Promise((r) => setTimeout(r, 500));
  const keystrokes = seconds * KEYS_PER_SECOND;
  let sent = 0;
  await Promise.all(
    editors.map(async (editor, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / KEYS_PER_SECOND / EDITORS));
      const mine = paragraphs[i];
      for (let k = 0; k < keystrokes; k++) {
        const text = mine.get(0) as Y.XmlText;
        const capture = (update: Uint8Array) => {
          const t = performance.now();
          for (const id of itemIds(update)) sentAt.set(id, t);
        };
        editor.doc.once('update', capture);
        text.insert(text.length, 'abcdefghijklmnopqrstuvwxyz '[k % 27]);
        sent++;
        await new Promise((r) => setTimeout(r, 1000 / KEYS_PER_SECOND));
      }
    }),
  );
  const expected = sent * (editors.length - 1);
  const deadline = Date.now() + 20_000;
  while (latencies.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await Promise.all(editors.map((e) => e.flush()));
  return { latencies, sent, expected };
}

async function editorsOn(url: string, tokens: string[], allianceId: string): Promise<CollabClient[]> {
  const editors: CollabClient[] = [];
  for (let i = 0; i < EDITORS; i++) editors.push(await CollabClient.join(url, tokens[i % tokens.length], allianceId));
  return editors;
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
    const partner = await party(api, admin);
    const allianceId = await allianceWith(api, lead, [partner]);
    const tokens = [lead.session.accessToken, partner.session.accessToken];

    // 1. Twenty editors, on the floor then on the API.
    // Two seconds of typing first on each warm both processes (JIT, pools).
    const floorEditors = await editorsOn(floor.url, tokens, allianceId);
    await typing(floorEditors, 2);
    const onFloor = await typing(floorEditors, SECONDS);
    floorEditors.forEach((e) => e.close());
    const editors = await editorsOn(ours.url, tokens, allianceId);
    await typing(editors, 2);
    const relay = await typing(editors, SECONDS);
    const errors = (await Promise.all(editors.map((e) => e.flush()))).flat().filter((a) => a.error);
    if (errors.length) throw new Error(`${errors.length} updates refused: ${JSON.stringify(errors[0])}`);

    // 2. A charter of ~100 KB of text: 100 paragraphs of 1,000 characters over the nine sections.
    const writer = editors[0];
    for (let i = 0; i < 100; i++)
      writer.paragraph(SECTIONS[i % SECTIONS.length], `Paragraphe ${i} `.padEnd(1000, 'lorem ipsum dolor sit amet '));
    await writer.flush();
    await new Promise((r) => setTimeout(r, 500));
    const bytes = new TextEncoder().encode(SECTIONS.map((s) => writer.text(s)).join('\n')).length;
    const state = Y.encodeStateAsUpdate(writer.doc);
    editors.forEach((e) => e.close());

    // Restart so nothing is in memory: every GET reads the database.
    await ours.stop();
    ours = await startApi({ databaseUrl: db.url });
    const cold = new ApiClient(ours.url);
    const session = await cold.login(lead.session.email);
    const loads: number[] = [];
    let first = 0;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await cold.get(`/api/alliances/${allianceId}/charter`, { token: session.accessToken });
      loads.push(performance.now() - t);
      if (i === 0) first = loads[0];
      if (res.status !== 200) throw new Error(`charter load ${res.status} ${res.text.slice(0, 200)}`);
    }
    const inMemory: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      for (const s of SECTIONS) doc.getXmlFragment(s).toString();
      inMemory.push(performance.now() - t);
    }

    const p99 = percentile(relay.latencies, 99);
    saveSection(
      {
        name: 'charter',
        title: '3. Live charter',
        command: 'npm run bench:charter',
        floor:
          'relay: the same 20 editors (same client code) on a bare socket.io server holding the Yjs document in memory, relaying each update to the room at once, without authorisation or journal (bench/socket-floor.ts); load: Yjs applying the same state in memory, in the benchmark process',
        figures: [
          {
            figure: `relay, ${EDITORS} editors typing — delivered / expected`,
            ours: `${relay.latencies.length} / ${relay.expected}`,
            floor: onFloor.latencies.length,
            goal: 'all',
            met: relay.latencies.length === relay.expected,
          },
          {
            figure: 'relay keystroke → other editor, p50',
            ours: round(percentile(relay.latencies, 50)),
            floor: round(percentile(onFloor.latencies, 50)),
            unit: 'ms',
          },
          {
            figure: 'relay keystroke → other editor, p99',
            ours: round(p99),
            floor: round(percentile(onFloor.latencies, 99)),
            unit: 'ms',
            goal: '< 50 ms',
            met: p99 < 50,
          },
          { figure: 'charter text loaded', ours: round(bytes / 1024), unit: 'KB', goal: '≈ 100 KB' },
          { figure: 'Yjs state size', ours: round(state.byteLength / 1024), unit: 'KB' },
          { figure: 'cold load from the database, first request', ours: round(first), floor: round(inMemory[0]), unit: 'ms' },
          {
            figure: 'cold load from the database, p50 of 20',
            ours: round(percentile(loads, 50)),
            floor: round(percentile(inMemory, 50), 2),
            unit: 'ms',
          },
          {
            figure: 'cold load from the database, p99 of 20',
            ours: round(percentile(loads, 99)),
            floor: round(percentile(inMemory, 99), 2),
            unit: 'ms',
            goal: '< 300 ms',
            met: percentile(loads, 99) < 300,
          },
        ],
        notes: [
          `${EDITORS} editors (socket.io clients holding a Yjs replica, bench process; two accounts, ten tabs each), ${KEYS_PER_SECOND} keystrokes a second each for ${SECONDS} s: ${relay.sent} updates, each relayed to ${EDITORS - 1} editors. Each keystroke is acknowledged by the API once written to the journal; the relay to the others follows the write.`,
          'The cold load is GET /api/alliances/:id/charter on a freshly started API (snapshot + journal read from PostgreSQL, Yjs applied, sections rendered to Markdown and HTML), timed from the client.',
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
