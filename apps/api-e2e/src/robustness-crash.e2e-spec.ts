import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { charterFingerprint, storedCharter } from './support/charter-state';
import { CollabClient, eventually } from '@alliances/e2e/support';

const ENV = {
  JWT_SECRET: 'crash-test-secret-that-is-long-enough-123456789',
  ADMIN_EMAIL: 'admin@crash.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const SECTIONS = ['governance', 'resources', 'values'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Editor {
  name: string;
  client: CollabClient;
  /** Every token this editor typed, in order. */
  made: string[];
  acked: Set<string>;
  refused: string[];
  failovers: number;
}

/** A lead and a partner organisation in one alliance; both people may edit its charter. */
async function twoPartners(api: ApiClient): Promise<{ lead: Session; partner: Session; allianceId: string }> {
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
      purpose: 'Écrire la charte malgré les pannes',
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
  const allianceId = alliance.body.id as string;
  if (
    (await api.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: lead.accessToken }))
      .status !== 201
  )
    throw new Error('invite failed');
  if (
    (await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken })).status !== 200
  )
    throw new Error('accept failed');
  return { lead, partner, allianceId };
}

describe('an API instance killed during live charter editing', () => {
  let db: TestDatabase;
  let victim: ApiProcess;
  let survivor: ApiProcess;
  let lead: Session;
  let partner: Session;
  let allianceId: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    [victim, survivor] = await Promise.all([
      startApiProcess({ databaseUrl: db.url, env: ENV }),
      startApiProcess({ databaseUrl: db.url, env: ENV }),
    ]);
    ({ lead, partner, allianceId } = await twoPartners(new ApiClient(victim.url)));
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await victim?.stop('SIGKILL');
    await survivor?.stop();
    await db?.drop();
  });

  it('loses no acknowledged edit; its clients move to the other instance, catch up, and every replica matches the database', async () => {
    const join = async (name: string, session: Session, url: string): Promise<Editor> => {
      const client = await CollabClient.join(url, session.accessToken, allianceId);
      clients.push(client);
      return { name, client, made: [], acked: new Set(), refused: [], failovers: 0 };
    };
    // Three people on the instance about to die, one on the other.
    const editors = [
      await join('a1', lead, victim.url),
      await join('a2', partner, victim.url),
      await join('a3', lead, victim.url),
      await join('b1', partner, survivor.url),
    ];
    const sectionOf = new Map<string, string>();
    let stopped = false;
    let killedAt = 0;

    /** One keystroke-sized edit (now and then a new paragraph) in one of three sections, its acknowledgement recorded. */
    const typeOnce = (editor: Editor, index: number) => {
      const n = editor.made.length;
      const token = `${editor.name}x${n}y`;
      const section = SECTIONS[(index + n) % SECTIONS.length];
      editor.made.push(token);
      sectionOf.set(token, section);
      void editor.client
        .change((c) => (n % 5 === 0 ? c.paragraph(section, token) : c.type(section, ` ${token}`)))
        .then((ack) => (ack.ok ? editor.acked.add(token) : editor.refused.push(`${token} ${ack.error}`)));
    };
    const type = async (editor: Editor, index: number) => {
      while (!stopped) {
        if (!editor.client.socket.connected) {
          // What the web app does when its socket drops: reconnect (through the load balancer, to a live instance).
          await editor.client.reconnect(survivor.url);
          editor.failovers++;
        }
        typeOnce(editor, index);
        await sleep(20 + Math.random() * 20);
      }
    };
    const typing = editors.map((e, i) => type(e, i));

    const acked = () => editors.reduce((sum, e) => sum + e.acked.size, 0);
    await eventually(acked, (n) => n >= 150, 30_000);
    // A last burst from everyone, killed in the same tick: those edits are surely unacknowledged at the kill.
    for (let k = 0; k < 3; k++) editors.forEach((e, i) => typeOnce(e, i));
    const madeBeforeKill = editors.reduce((sum, e) => sum + e.made.length, 0);
    const ackedBeforeKill = acked();
    killedAt = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    // Everyone keeps typing: the three clients of the dead instance fail over, then all edit together a while.
    await eventually(
      () => editors.filter((e) => e.failovers > 0).length,
      (n) => n === 3,
      20_000,
    );
    const failedOverIn = Date.now() - killedAt;
    await sleep(1500);
    stopped = true;
    await Promise.all(typing);
    await Promise.all(editors.map((e) => e.client.flush()));

    // Convergence: every replica, a fresh reader on the survivor, and the database hold the same document.
    const reader = await CollabClient.join(survivor.url, partner.accessToken, allianceId);
    clients.push(reader);
    const everyToken = editors.flatMap((e) => e.made);
    const target = await eventually(
      () => charterFingerprint(reader.doc),
      (f) => everyToken.every((t) => f.text.includes(t)),
      15_000,
    );
    const replicas = await Promise.all(
      editors.map((e) =>
        eventually(
          () => charterFingerprint(e.client.doc),
          (f) => f.hash === target.hash,
          15_000,
        ),
      ),
    );
    const stored = await storedCharter(db.url as string, allianceId);
    const inDatabase = charterFingerprint(stored.doc);

    const ackedTokens = editors.flatMap((e) => [...e.acked]);
    const lostAcked = ackedTokens.filter((t) => !inDatabase.text.includes(t));
    const missing = everyToken.filter((t) => !inDatabase.text.includes(t));
    const refused = editors.flatMap((e) => e.refused);
    console.log(
      `charter kill test: ${madeBeforeKill} edits made before the kill (${ackedBeforeKill} acknowledged, ${madeBeforeKill - ackedBeforeKill} in flight), ` +
        `${everyToken.length} in all, ${ackedTokens.length} acknowledged, ${refused.length} refused or cut (${[...new Set(refused.map((r) => r.split(' ')[1]))].join(',') || '-'}), ` +
        `${lostAcked.length} acknowledged lost, ${missing.length} missing from the database; 3 clients failed over in ${failedOverIn} ms; ` +
        `document ${inDatabase.hash.slice(0, 12)} (${inDatabase.stateVector.split(',').length} Yjs clients, ${stored.journalRows} journal rows after the snapshot), ` +
        `replicas ${replicas.map((r) => r.hash.slice(0, 12)).join(' ')}, fresh reader ${target.hash.slice(0, 12)}`,
    );

    expect(ackedBeforeKill).toBeGreaterThan(0);
    expect(madeBeforeKill - ackedBeforeKill).toBeGreaterThanOrEqual(12);
    expect(lostAcked).toEqual([]);
    // The replicas kept what the dead instance never acknowledged and sent it again on reconnecting.
    expect(missing).toEqual([]);
    expect(editors.map((e) => e.failovers)).toEqual([1, 1, 1, 0]);
    for (const replica of replicas) expect(replica.hash).toBe(inDatabase.hash);
    expect(target.hash).toBe(inDatabase.hash);
    // What the REST API serves comes from the same stored document.
    const rest = await new ApiClient(survivor.url).get(`/api/alliances/${allianceId}/charter`, { token: lead.accessToken });
    for (const key of SECTIONS) {
      const markdown = rest.body.sections.find((s: { key: string }) => s.key === key).markdown as string;
      expect(everyToken.filter((t) => sectionOf.get(t) === key && !markdown.includes(t))).toEqual([]);
    }
  }, 60_000);
});
