import {
  ApiClient,
  CollabClient,
  createTestDatabase,
  eventually,
  GOOD_PASSWORD,
  sectionText,
  startApiProcess,
  withClient,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import * as Y from 'yjs';

const ENV = {
  JWT_SECRET: 'minutes-crash-secret-that-is-long-enough-123456',
  ADMIN_EMAIL: 'admin@minutes-crash.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Editor {
  name: string;
  session: Session;
  client: CollabClient;
  made: string[];
  acked: Set<string>;
}

/** A lead and a partner organisation in one alliance, and a meeting whose minutes both may write. */
async function meetingOfTwo(api: ApiClient): Promise<{ lead: Session; partner: Session; meetingId: string }> {
  const admin = await api.login(ENV.ADMIN_EMAIL);
  const [lead, partner] = await Promise.all([api.signUp({ displayName: 'Léa Pilote' }), api.signUp({ displayName: 'Paul Partenaire' })]);
  const [leadOrg, partnerOrg] = await Promise.all(
    [lead, partner].map(async (s) => {
      const o = await api.applyOrganisation(s);
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    }),
  );
  const alliance = await api.post(
    '/api/alliances',
    {
      name: 'Alliance résiliente',
      purpose: 'Écrire le compte rendu malgré les pannes',
      category: 'societal_innovation',
      collectiveObjectives: ['engagement'],
      domains: ['carers'],
      scale: 'local',
      territoryCodes: ['69123'],
      organisationId: leadOrg,
    },
    { token: lead.accessToken },
  );
  if (alliance.status !== 201) throw new Error(`alliance: ${alliance.status} ${alliance.text}`);
  const A = `/api/alliances/${alliance.body.id}`;
  if ((await api.post(`${A}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: lead.accessToken })).status !== 201)
    throw new Error('invite failed');
  if ((await api.post(`${A}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken })).status !== 200)
    throw new Error('accept failed');
  const start = Date.now() + 86_400_000;
  const meeting = await api.post(
    `${A}/meetings`,
    { title: 'Comité de pilotage', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(), agenda: [] },
    { token: lead.accessToken },
  );
  if (meeting.status !== 201) throw new Error(`meeting: ${meeting.status} ${meeting.text}`);
  return { lead, partner, meetingId: meeting.body.id };
}

/** The minutes as stored in PostgreSQL (snapshot, then the journal after it), read the way the API loads them. */
async function storedMinutes(databaseUrl: string, meetingId: string): Promise<{ text: string; journalRows: number }> {
  return withClient(databaseUrl, async (c) => {
    const snapshot = await c.query<{ state: Buffer; last_update_id: string }>(
      'SELECT state, last_update_id FROM minutes_snapshots WHERE meeting_id = $1',
      [meetingId],
    );
    const updates = await c.query<{ update: Buffer }>('SELECT update FROM minutes_updates WHERE meeting_id = $1 AND id > $2 ORDER BY id', [
      meetingId,
      snapshot.rows[0]?.last_update_id ?? '0',
    ]);
    const doc = new Y.Doc();
    doc.transact(() => {
      if (snapshot.rows[0]) Y.applyUpdate(doc, snapshot.rows[0].state);
      for (const row of updates.rows) Y.applyUpdate(doc, row.update);
    });
    return { text: sectionText(doc, 'minutes'), journalRows: updates.rows.length };
  });
}

describe('an API instance killed right after acknowledged minutes edits', () => {
  let db: TestDatabase;
  let first: ApiProcess;
  let restarted: ApiProcess | undefined;
  let lead: Session;
  let partner: Session;
  let meetingId: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await startApiProcess({ databaseUrl: db.url, env: ENV });
    ({ lead, partner, meetingId } = await meetingOfTwo(new ApiClient(first.url)));
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await first?.stop('SIGKILL');
    await restarted?.stop();
    await db?.drop();
  });

  it('loses no acknowledged edit across a SIGKILL and a restart; the replicas resend the rest', async () => {
    const join = async (name: string, session: Session): Promise<Editor> => {
      const client = await CollabClient.joinMinutes(first.url, session.accessToken, meetingId);
      clients.push(client);
      return { name, session, client, made: [], acked: new Set() };
    };
    const editors = [await join('a', lead), await join('b', partner)];
    let stopped = false;
    const typeOnce = (editor: Editor) => {
      const n = editor.made.length;
      const token = `${editor.name}x${n}y`;
      editor.made.push(token);
      void editor.client
        .change((c) => (n % 5 === 0 ? c.paragraph('minutes', token) : c.type('minutes', ` ${token}`)))
        .then((ack) => ack.ok && editor.acked.add(token));
    };
    const typing = editors.map(async (e) => {
      while (!stopped) {
        typeOnce(e);
        await sleep(15 + Math.random() * 15);
      }
    });
    const acked = () => editors.reduce((sum, e) => sum + e.acked.size, 0);
    await eventually(acked, (n) => n >= 100, 30_000);
    // A last burst, then the kill in the same tick: those edits are in flight when the process dies.
    stopped = true;
    for (let k = 0; k < 5; k++) editors.forEach(typeOnce);
    const ackedAtKill = editors.flatMap((e) => [...e.acked]);
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(typing);

    // Nothing acknowledged before the kill is missing from the database, before any restart.
    const afterKill = await storedMinutes(db.url as string, meetingId);
    const lost = ackedAtKill.filter((t) => !afterKill.text.includes(t));
    expect(ackedAtKill.length).toBeGreaterThanOrEqual(100);
    expect(lost).toEqual([]);

    // Restart on the same database: a fresh reader sees every acknowledged edit; the replicas reconnect and resend the rest.
    restarted = await startApiProcess({ databaseUrl: db.url, env: ENV });
    const reader = await CollabClient.joinMinutes(restarted.url, partner.accessToken, meetingId);
    clients.push(reader);
    expect(ackedAtKill.filter((t) => !reader.text('minutes').includes(t))).toEqual([]);
    for (const e of editors) await e.client.reconnect((restarted as ApiProcess).url);
    await Promise.all(editors.map((e) => e.client.flush()));
    const every = editors.flatMap((e) => e.made);
    const converged = await eventually(
      () => reader.text('minutes'),
      (t) => every.every((token) => t.includes(token)),
      15_000,
    );
    const stored = await storedMinutes(db.url as string, meetingId);
    console.log(
      `minutes kill test: ${every.length} edits, ${ackedAtKill.length} acknowledged at the kill, ${afterKill.journalRows} journal rows then; ` +
        `${every.filter((t) => !stored.text.includes(t)).length} missing after the restart`,
    );
    expect(every.filter((t) => !converged.includes(t))).toEqual([]);
    expect(every.filter((t) => !stored.text.includes(t))).toEqual([]);
    for (const e of editors)
      expect(
        await eventually(
          () => e.client.text('minutes'),
          (t) => t === stored.text,
        ),
      ).toBe(stored.text);
  }, 90_000);
});
