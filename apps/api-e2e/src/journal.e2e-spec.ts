import { ALLIANCE_JOURNAL_ACTIONS, JOURNAL_ACTIONS, JOURNAL_KINDS } from '@alliances/shared/contracts';
import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { buildAllianceWorld, type AllianceWorld } from './support/alliance-world';

const ENV = {
  ADMIN_EMAIL: 'admin@journal.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

interface Entry {
  id: string;
  action: string;
  actorName: string | null;
  organisationName: string | null;
  objectType: string;
  link: string | null;
  details: Record<string, unknown> | null;
}

jest.setTimeout(120_000);

describe('alliance journal', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let outsider: Session;
  let w: AllianceWorld;
  let A: string;

  const journal = async (query: string, token = w.lead.accessToken) => api.get(`${A}/audit${query}`, { token });
  const all = async (query: string): Promise<Entry[]> => {
    const items: Entry[] = [];
    let cursor: string | null = null;
    do {
      const sep = query ? '&' : '?';
      const res = await journal(`${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    w = await buildAllianceWorld(api, proc, admin, 'Journal');
    A = `/api/alliances/${w.allianceId}`;
    outsider = await api.signUp();
    const current = (await api.get(A, { token: w.lead.accessToken })).body;
    const changed = await api.patch(
      A,
      { category: 'philanthropy', scale: 'regional', version: current.version },
      { token: w.lead.accessToken },
    );
    expect(changed.status).toBe(200);
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('writes only actions the journal has a sentence for', async () => {
    const entries = await all('');
    expect(entries.length).toBeGreaterThan(15);
    expect(entries.filter((e) => !ALLIANCE_JOURNAL_ACTIONS.includes(e.action)).map((e) => e.action)).toEqual([]);
  });

  it('keeps one kind of entries with ?kind=, each with who, the organisation and a link', async () => {
    const seen = new Set<string>();
    for (const kind of JOURNAL_KINDS) {
      const entries = await all(`?kind=${kind}`);
      for (const e of entries) {
        expect(JOURNAL_ACTIONS[kind]).toContain(e.action);
        seen.add(kind);
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['alliance', 'charter', 'comments', 'evaluation', 'funding', 'objectives']));

    const charter = await all('?kind=charter');
    const signed = charter.find((e) => e.action === 'charter.signed');
    expect(signed).toMatchObject({ actorName: expect.any(String), organisationName: expect.stringContaining('Journal') });
    expect(signed?.link).toBe(`/alliances/${w.allianceId}/charter/signatures`);
    const funding = await all('?kind=funding');
    expect(funding.find((e) => e.action === 'grant.created')?.link).toBe(`/alliances/${w.allianceId}/funding`);
    const comments = await all('?kind=comments');
    expect(comments[0].link).toMatch(new RegExp(`^/alliances/${w.allianceId}/discussion\\?comment=`));
  });

  it('records what a change of the alliance did, before → after', async () => {
    const [updated] = (await all('?kind=alliance')).filter((e) => e.action === 'alliance.updated');
    expect(updated.details).toMatchObject({
      changes: {
        category: { before: 'societal_innovation', after: 'philanthropy' },
        scale: { before: 'local', after: 'regional' },
      },
    });
    expect(Object.keys(updated.details?.['changes'] as object).sort()).toEqual(['category', 'scale']);
  });

  it('pages through one kind with the cursor, without repeating or skipping entries', async () => {
    const every = await all('?kind=alliance');
    expect(every.length).toBeGreaterThan(3);
    const first = await journal('?kind=alliance&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await journal(`?kind=alliance&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([...first.body.items, ...second.body.items].map((e: Entry) => e.id)).toEqual(every.slice(0, 4).map((e) => e.id));
  });

  it('refuses an unknown kind with 400, and stays 404 to outsiders', async () => {
    const bad = await journal('?kind=gossip');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    for (const query of ['', '?kind=charter', '?kind=alliance&limit=1']) {
      const res = await journal(query, outsider.accessToken);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Journal');
    }
  });

  it('gives a funder only the entries it may follow, within the kind asked', async () => {
    const res = await journal('?kind=comments', w.funder.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const funding = await journal('?kind=funding', w.funder.accessToken);
    expect(funding.body.items.length).toBeGreaterThan(0);
  });
});
