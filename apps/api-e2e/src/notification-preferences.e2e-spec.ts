import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  readOutbox,
  sql,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type OutboxMail,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { NOTIFICATION_KINDS, type Notification, type NotificationType } from '@alliances/shared/contracts';
import { buildAllianceWorld, type AllianceWorld } from './support/alliance-world';

const ENV = {
  JWT_SECRET: 'notification-preferences-secret-long-enough-1234',
  ADMIN_EMAIL: 'admin@preferences.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '300',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Reads until `check` holds or the time is up; returns the last value read. */
async function until<T>(read: () => T | Promise<T>, check: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await sleep(200);
    value = await read();
  }
  return value;
}
const PREFS = '/api/me/notification-preferences';
/** The URL between the angle brackets of a List-Unsubscribe header (folding may have added spaces). */
const unsubscribeUrlOf = (mail: OutboxMail) => (mail.headers['list-unsubscribe'] ?? '').replace(/\s+/g, '').replace(/^<|>$/g, '');

describe(`notifications people control (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let w: AllianceWorld;

  const mailsTo = (s: Session) => readOutbox(proc.dataDir).filter((m) => m.to.includes(s.email));
  const items = async (s: Session, type?: NotificationType): Promise<Notification[]> => {
    const list = (await api.get('/api/notifications?limit=200', { token: s.accessToken })).body.items as Notification[];
    return type ? list.filter((n) => n.type === type) : list;
  };
  const comment = (s: Session, body: string, extra: Record<string, unknown> = {}) =>
    api.post(
      '/api/comments',
      { allianceId: w.allianceId, target: { type: 'alliance', id: w.allianceId }, body, ...extra },
      { token: s.accessToken },
    );
  const setPrefs = async (s: Session, body: Record<string, unknown>) => {
    const res = await api.call('PUT', PREFS, { token: s.accessToken, body });
    if (res.status !== 200) throw new Error(`PUT preferences: ${res.status} ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    w = await buildAllianceWorld(api, proc, admin, 'Préférences');
  }, 180_000);
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('lists every kind with its defaults, changes only what a PUT names and refuses unknown kinds or cadences (400)', async () => {
    const person = await api.signUp();
    const defaults = await api.get(PREFS, { token: person.accessToken });
    expect(defaults.status).toBe(200);
    expect(Object.keys(defaults.body).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(defaults.body.mention).toEqual({ inApp: true, mail: 'immediate' });
    expect(defaults.body.reply).toEqual({ inApp: true, mail: 'daily' });

    const changed = await setPrefs(person, { reply: { mail: 'weekly' }, action_due: { inApp: false } });
    expect(changed.reply).toEqual({ inApp: true, mail: 'weekly' });
    expect(changed.action_due).toEqual({ inApp: false, mail: 'daily' });
    expect(changed.mention).toEqual({ inApp: true, mail: 'immediate' });
    expect((await api.get(PREFS, { token: person.accessToken })).body.reply.mail).toBe('weekly');

    const unknown = await api.call('PUT', PREFS, { token: person.accessToken, body: { birthday: { mail: 'off' } } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('birthday');
    const badCadence = await api.call('PUT', PREFS, { token: person.accessToken, body: { reply: { mail: 'hourly', inApp: 'yes' } } });
    expect(badCadence.status).toBe(400);
    expect(JSON.stringify(badCadence.body)).toContain('reply.mail');
    expect(JSON.stringify(badCadence.body)).toContain('reply.inApp');
    expect((await api.get(PREFS, { token: person.accessToken })).body.reply.mail).toBe('weekly');
    expect((await api.get(PREFS)).status).toBe(401);
  });

  it('shows nothing in the app when in-app is off, and mails at once with the one-click unsubscribe headers when asked', async () => {
    await setPrefs(w.partner, { mention: { inApp: false, mail: 'off' } });
    const before = await items(w.partner, 'mention');
    const mailsBefore = mailsTo(w.partner).length;
    expect((await comment(w.lead, 'Silence demandé', { mentions: [w.partner.user.id] })).status).toBe(201);
    await sleep(1500);
    expect(await items(w.partner, 'mention')).toHaveLength(before.length);
    expect(
      mailsTo(w.partner)
        .slice(mailsBefore)
        .some((m) => m.text.includes('Silence demandé')),
    ).toBe(false);

    await setPrefs(w.partner, { mention: { inApp: true, mail: 'immediate' } });
    expect((await comment(w.lead, 'Réponse attendue vite', { mentions: [w.partner.user.id] })).status).toBe(201);
    const mail = await until(
      () => mailsTo(w.partner).find((m) => m.text.includes('Réponse attendue vite')),
      (m) => !!m,
      5000,
    );
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeUrlOf(mail as OutboxMail)).toMatch(/^http.*\/api\/notifications\/unsubscribe\?token=/);
    expect(mail?.text).toContain('/account/notifications');
    expect((await items(w.partner, 'mention'))[0].excerpt).toContain('Réponse attendue vite');
  });

  it('puts in the daily digest only the kinds set to daily, never those set to off', async () => {
    await setPrefs(w.partner, { mention: { mail: 'daily' }, reply: { mail: 'off' } });
    // The last daily digest two days ago: the next one is due at the next run.
    await sql(
      proc,
      db,
      `INSERT INTO notification_digest_times (user_id, daily_at) VALUES ($1, now() - interval '2 days')
       ON CONFLICT (user_id) DO UPDATE SET daily_at = EXCLUDED.daily_at`,
      [w.partner.user.id],
    );
    const thread = (await comment(w.partner, 'Un fil du partenaire')).body;
    expect((await comment(w.lead, 'Réponse sans mention', { parentId: thread.id })).status).toBe(201);
    expect((await comment(w.lead, 'Mention pour le résumé', { mentions: [w.partner.user.id] })).status).toBe(201);
    const digest = await until(
      () => mailsTo(w.partner).find((m) => /résumé du jour/.test(m.subject)),
      (m) => !!m,
      10_000,
    );
    expect(digest?.text).toContain('Mention pour le résumé');
    expect(digest?.text).not.toContain('Réponse sans mention');
    expect(digest?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // One daily digest at most: another mention waits for tomorrow's.
    expect((await comment(w.lead, 'Mention de demain', { mentions: [w.partner.user.id] })).status).toBe(201);
    await sleep(1500);
    expect(mailsTo(w.partner).filter((m) => /résumé du jour/.test(m.subject))).toHaveLength(1);
    expect(mailsTo(w.partner).some((m) => m.text.includes('Mention de demain'))).toBe(false);
    // The reply is still in the app: only its mail is off.
    expect((await items(w.partner, 'reply')).some((n) => n.excerpt === 'Réponse sans mention')).toBe(true);
  });

  it('turns mail off in one click without signing in, shows a confirmation page, and refuses a forged link', async () => {
    await setPrefs(w.partner, { mention: { mail: 'immediate' } });
    expect((await comment(w.lead, 'Encore une mention', { mentions: [w.partner.user.id] })).status).toBe(201);
    const mail = await until(
      () => mailsTo(w.partner).find((m) => m.text.includes('Encore une mention')),
      (m) => !!m,
      5000,
    );
    const url = new URL(unsubscribeUrlOf(mail as OutboxMail));
    const link = `${url.pathname}${url.search}`;

    const page = await api.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    expect((await api.get(PREFS, { token: w.partner.accessToken })).body.mention.mail).toBe('immediate');

    const token = url.searchParams.get('token') as string;
    const forged = `${w.lead.user.id}.mention.${token.split('.')[2]}`;
    const refused = await fetch(`${proc.url}/api/notifications/unsubscribe?token=${encodeURIComponent(forged)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(refused.status).toBe(400);
    const forgedPage = await api.get(`/api/notifications/unsubscribe?token=${encodeURIComponent(forged)}`);
    expect(forgedPage.status).toBe(400);
    expect(forgedPage.text).toContain('n’est pas valide');
    expect((await api.get(PREFS, { token: w.lead.accessToken })).body.mention.mail).toBe('immediate');

    const done = await fetch(`${proc.url}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const after = (await api.get(PREFS, { token: w.partner.accessToken })).body;
    expect(after.mention).toEqual({ inApp: true, mail: 'off' });
    expect(after.reply.mail).toBe('off');
    expect(after.charter_in_force.mail).toBe('daily');
    await setPrefs(w.partner, { mention: { mail: 'immediate' } });
  });

  it('tells the partners once when a check-in turns an indicator off track', async () => {
    const before = (await items(w.lead, 'indicator_at_risk')).length;
    const checkIn = (value: number) =>
      api.post(`/api/indicators/${w.ids['indicator']}/checkins`, { value, date: '2026-11-30' }, { token: w.partner.accessToken });
    expect((await checkIn(5)).status).toBe(201);
    expect((await checkIn(4)).status).toBe(201);
    const turned = await items(w.lead, 'indicator_at_risk');
    expect(turned).toHaveLength(before + 1);
    expect(turned[0]).toMatchObject({ allianceName: w.name, excerpt: 'Aidants Préférences' });
  });

  it('tells everyone the charter is in force once the last organisation signs', async () => {
    const version = (await api.get(`/api/alliances/${w.allianceId}/charter/versions/1`, { token: w.partner.accessToken })).body;
    const signed = await api.post(
      `/api/alliances/${w.allianceId}/charter/versions/1/signatures`,
      { organisationId: w.partnerOrg, sha256: version.sha256 },
      { token: w.partner.accessToken },
    );
    expect(signed.status).toBe(201);
    expect(signed.body.status).toBe('in_force');
    const told = await items(w.lead, 'charter_in_force');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ allianceName: w.name, link: `/alliances/${w.allianceId}/charter` });
  });

  it('recalls a report due in 7 days, an evaluation closing soon and an action due, once each whatever the runs', async () => {
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const grant = await api.post(
      `/api/alliances/${w.allianceId}/grants`,
      {
        funderOrganisationId: w.funderOrg,
        amount: 1000,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        reports: [{ title: 'Rapport d’étape', dueOn: inDays(5) }],
        tranches: [{ amount: 1000, dueOn: '2026-02-01' }],
      },
      { token: w.funder.accessToken },
    );
    expect(grant.status).toBe(201);
    const campaign = await api.post(
      `/api/alliances/${w.allianceId}/evaluations`,
      { title: 'Bilan express', closesAt: new Date(Date.now() + 24 * 3_600_000).toISOString() },
      { token: w.lead.accessToken },
    );
    expect(campaign.status).toBe(201);
    // The domain's own invitation mail is this kind's mail: it carries the same unsubscribe headers and links.
    const invitation = await until(
      () => mailsTo(w.partner).find((m) => m.subject.includes('Bilan express')),
      (m) => !!m,
      5000,
    );
    expect(invitation?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeUrlOf(invitation as OutboxMail)).toContain('/api/notifications/unsubscribe?token=');
    expect(invitation?.text).toContain('/account/notifications');
    const action = await api.post(
      `/api/evaluations/${w.ids['evaluation']}/actions`,
      { title: 'Relancer le comité', ownerOrganisationId: w.partnerOrg, dueDate: inDays(1) },
      { token: w.lead.accessToken },
    );
    expect(action.status).toBe(201);

    const count = async (s: Session, type: NotificationType) => (await items(s, type)).length;
    await until(
      async () => [await count(w.lead, 'report_due'), await count(w.partner, 'evaluation_closing'), await count(w.partner, 'action_due')],
      (counts) => counts.every((n) => n >= 1),
      15_000,
    );
    await sleep(2000); // several more runs of every job
    expect((await items(w.lead, 'report_due')).map((n) => n.excerpt)).toEqual([`Rapport d’étape (${inDays(5)})`]);
    expect((await items(w.partner, 'evaluation_closing')).map((n) => n.excerpt)).toEqual(['Bilan express']);
    expect((await items(w.partner, 'evaluation_launched')).filter((n) => n.excerpt === 'Bilan express')).toHaveLength(1);
    expect((await items(w.partner, 'action_due')).map((n) => n.excerpt)).toEqual(['Relancer le comité']);
    // The lead launched the evaluation and has not answered either: reminded too, in the app.
    expect(await count(w.lead, 'evaluation_closing')).toBe(1);
  });

  it('reminds no organisation that left of its due action, and no one of an evaluation closing in a closed alliance', async () => {
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const gone = await buildAllianceWorld(api, proc, admin, 'Départs');
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    // Launched far from its closing, so no run reminds of it before the alliance closes.
    const campaign = await api.post(
      `/api/alliances/${gone.allianceId}/evaluations`,
      { title: 'Bilan d’une alliance close', closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString() },
      { token: gone.lead.accessToken },
    );
    expect(campaign.status).toBe(201);
    expect(
      (await api.delete(`/api/alliances/${gone.allianceId}/members/${gone.partnerOrg}`, { token: gone.partner.accessToken })).status,
    ).toBe(204);
    // The partner's action (made by the world) falls due once its organisation has left; the lead's is the witness that the job ran.
    await sql(proc, db, `UPDATE evaluation_actions SET due_date = $2 WHERE id = $1`, [gone.ids['action'], inDays(1)]);
    const witness = await api.post(
      `/api/evaluations/${gone.ids['evaluation']}/actions`,
      { title: 'Action du pilote', ownerOrganisationId: gone.leadOrg, dueDate: inDays(1) },
      { token: gone.lead.accessToken },
    );
    expect(witness.status).toBe(201);
    const leadReminded = await until(
      () => items(gone.lead, 'action_due'),
      (list) => list.length >= 1,
      15_000,
    );
    expect(leadReminded.map((n) => n.excerpt)).toEqual(['Action du pilote']);
    await sleep(1500); // several more runs
    expect(await items(gone.partner, 'action_due')).toEqual([]);

    // The alliance closes, then its campaign comes within the reminder's reach; an open alliance's campaign is the witness.
    const { version } = (await api.get(`/api/alliances/${gone.allianceId}`, { token: gone.lead.accessToken })).body;
    expect(
      (await api.patch(`/api/alliances/${gone.allianceId}`, { status: 'closed', version }, { token: gone.lead.accessToken })).status,
    ).toBe(200);
    await sql(proc, db, `UPDATE evaluation_campaigns SET closes_at = now() + interval '1 day' WHERE id = $1`, [campaign.body.id]);
    const open = await api.post(
      `/api/alliances/${w.allianceId}/evaluations`,
      { title: 'Bilan témoin', closesAt: new Date(Date.now() + 24 * 3_600_000).toISOString() },
      { token: w.lead.accessToken },
    );
    expect(open.status).toBe(201);
    const witnessed = await until(
      () => items(w.partner, 'evaluation_closing'),
      (list) => list.some((n) => n.excerpt === 'Bilan témoin'),
      15_000,
    );
    expect(witnessed.map((n) => n.excerpt)).toContain('Bilan témoin');
    await sleep(1500);
    for (const s of [gone.lead, gone.partner, gone.funder]) expect(await items(s, 'evaluation_closing')).toEqual([]);
    expect(mailsTo(gone.lead).some((m) => /Rappel.*Bilan d’une alliance close/.test(m.subject))).toBe(false);
  });
});
