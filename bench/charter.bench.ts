/**
 * Charter figures (issue 4, and the charter part of issue 9):
 *  - loading a charter of about 100 KB of text from the database on the server (cold GET /charter,
 *    which reads snapshot + journal and renders Markdown), against Yjs applying the same state in memory;
 *  - update relay latency between two clients (send on A → applied on B), p50/p99.
 * Run: npm run bench:charter   (TEST_DATABASE_URL selects a PostgreSQL server; else embedded)
 */
import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess } from '@alliances/e2e/support';
import * as Y from 'yjs';
import { CollabClient } from '../apps/api-e2e/src/support/collab-client';
import { percentile, report } from './report';

const ENV = { JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1234', ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '100000' };

async function main(): Promise<void> {
  const db = await createTestDatabase();
  let proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
  const api = new ApiClient(proc.url);
  try {
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const [a, b] = await Promise.all([api.signUp(), api.signUp()]);
    const orgA = (await api.applyOrganisation(a)).id;
    const orgB = (await api.applyOrganisation(b)).id;
    await api.approveOrganisation(admin, orgA);
    await api.approveOrganisation(admin, orgB);
    const alliance = (await api.post('/api/alliances', { name: 'Bench', purpose: 'Bench alliance', category: 'philanthropy', collectiveObjectives: ['engagement'], domains: [], scale: 'national', territoryCodes: [], organisationId: orgA }, { token: a.accessToken })).body;
    await api.post(`/api/alliances/${alliance.id}/members`, { organisationId: orgB, role: 'partner' }, { token: a.accessToken });
    await api.post(`/api/alliances/${alliance.id}/members/${orgB}/accept`, undefined, { token: b.accessToken });

    // 1. Relay latency between two clients.
    const writer = await CollabClient.join(proc.url, a.accessToken, alliance.id);
    const reader = await CollabClient.join(proc.url, b.accessToken, alliance.id);
    const latencies: number[] = [];
    for (let i = 0; i < 300; i++) {
      const marker = `m${i}-`;
      const received = new Promise<number>((resolve) => {
        const onUpdate = () => {
          if (reader.text('governance').includes(marker)) {
            reader.doc.off('update', onUpdate);
            resolve(performance.now());
          }
        };
        reader.doc.on('update', onUpdate);
      });
      const sent = performance.now();
      writer.type('governance', marker);
      latencies.push((await received) - sent);
    }
    await writer.flush();

    // 2. A charter of ~100 KB of text: 100 paragraphs of 1,000 characters over the nine sections.
    const sections = ['context', 'common_objective', 'partners', 'values', 'governance', 'resources', 'evaluation', 'communication', 'duration'];
    for (let i = 0; i < 100; i++) writer.paragraph(sections[i % sections.length], `Paragraphe ${i} `.padEnd(1000, 'lorem ipsum dolor sit amet '));
    await writer.flush();
    const bytes = new TextEncoder().encode(sections.map((s) => writer.text(s)).join('\n')).length;
    const state = Y.encodeStateAsUpdate(writer.doc);
    writer.close();
    reader.close();

    // Restart so nothing is in memory: every GET reads the database.
    await proc.stop();
    proc = await startApiProcess({ databaseUrl: db.url, dataDir: undefined, env: ENV });
    const cold = new ApiClient(proc.url);
    const session = await cold.login(a.email);
    const loads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await cold.get(`/api/alliances/${alliance.id}/charter`, { token: session.accessToken });
      loads.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`charter load ${res.status}`);
    }
    const inMemory: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      for (const s of sections) doc.getXmlFragment(s).toString();
      inMemory.push(performance.now() - t);
    }

    report('charter', [
      { figure: 'relay latency A→B p50 (ms)', value: percentile(latencies, 50) },
      { figure: 'relay latency A→B p99 (ms)', value: percentile(latencies, 99) },
      { figure: `charter text size (KB)`, value: bytes / 1024 },
      { figure: `Yjs state size (KB)`, value: state.byteLength / 1024 },
      { figure: 'cold load from database + render, p50 (ms)', value: percentile(loads, 50) },
      { figure: 'cold load from database + render, p99 (ms)', value: percentile(loads, 99) },
      { figure: 'floor: Yjs applying the same state in memory, p50 (ms)', value: percentile(inMemory, 50) },
      { figure: 'ratio load / floor (p50)', value: percentile(loads, 50) / percentile(inMemory, 50) },
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
