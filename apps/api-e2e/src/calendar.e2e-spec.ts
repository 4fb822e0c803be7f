import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  randomSiren,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { buildAllianceWorld, type AllianceWorld } from './support/alliance-world';

/**
 * The personal iCalendar feed (issue 17, docs/api.md "Calendar"): a secret address per person, fetched
 * without any session, with the milestones, report due dates and evaluation closings the person may
 * see; regenerating or revoking it kills the old address at once.
 */

const PUBLIC_URL = 'http://alliances.test';
const ENV = {
  ADMIN_EMAIL: 'admin@calendar.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  PUBLIC_URL,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

type VEvent = Record<string, string>;

/** The events of an iCalendar text, each as its properties (name with parameters → value), lines unfolded. */
function eventsOf(text: string): VEvent[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: VEvent[] = [];
  let current: VEvent | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const compact = (date: string) => date.replace(/-/g, '');

describe(`calendar feed (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let admin: Session;
  let world: AllianceWorld;
  let otherFunder: Session;
  let outsider: Session;
  const ids: Record<string, string> = {};

  /** The path of a person's feed (from its address), and the feed fetched without any session. */
  const pathOf = (url: string) => url.slice(PUBLIC_URL.length);
  const feedOf = async (session: Session) => {
    const res = await api.get('/api/me/calendar-token', { token: session.accessToken });
    expect(res.status).toBe(200);
    const feed = await api.get(pathOf(res.body.url));
    expect(feed.status).toBe(200);
    return { url: res.body.url as string, text: feed.text, events: eventsOf(feed.text), res: feed };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    world = await buildAllianceWorld(api, proc, admin, 'Calendrier');
    const A = `/api/alliances/${world.allianceId}`;
    const lead = world.lead.accessToken;

    ids['milestone'] = (
      await api.post(
        `/api/objectives/${world.ids['objective']}/milestones`,
        { title: 'Forum des aidants, Lyon; salle 2', ownerOrganisationId: world.partnerOrg, dueDate: day(30) },
        { token: lead },
      )
    ).body.id;
    const grant = await api.post(
      `${A}/grants`,
      {
        funderOrganisationId: world.funderOrg,
        amount: 10_000,
        startsOn: day(-10),
        endsOn: day(300),
        reports: [{ title: 'Rapport intermédiaire', dueOn: day(60) }],
        tranches: [{ amount: 10_000, dueOn: day(5) }],
      },
      { token: world.funder.accessToken },
    );
    expect(grant.status).toBe(201);
    ids['report'] = grant.body.reports[0].id;
    const campaign = await api.post(`${A}/evaluations`, { title: 'Bilan d’hiver', closesAt: `${day(14)}T16:30:00.000Z` }, { token: lead });
    expect(campaign.status).toBe(201);
    ids['evaluation'] = campaign.body.id;

    // A second funder of the same alliance, with a grant of its own.
    otherFunder = await api.signUp({ displayName: 'Autre fondation' });
    const other = await api.applyOrganisation(otherFunder, {
      name: 'Fondation Autre',
      profile: 'foundation',
      rna: undefined,
      siren: randomSiren(),
    });
    await api.approveOrganisation(admin, other.id);
    expect((await api.post(`${A}/members`, { organisationId: other.id, role: 'funder' }, { token: lead })).status).toBe(201);
    expect((await api.post(`${A}/members/${other.id}/accept`, undefined, { token: otherFunder.accessToken })).status).toBe(200);
    const otherGrant = await api.post(
      `${A}/grants`,
      {
        funderOrganisationId: other.id,
        amount: 5_000,
        startsOn: day(-10),
        endsOn: day(300),
        reports: [{ title: 'Rapport de l’autre fondation', dueOn: day(45) }],
        tranches: [{ amount: 5_000, dueOn: day(5) }],
      },
      { token: otherFunder.accessToken },
    );
    expect(otherGrant.status).toBe(201);
    ids['otherReport'] = otherGrant.body.reports[0].id;

    outsider = await api.signUp({ displayName: 'Sans alliance' });

    // Meetings and actions (issue 17, wired after the merge): they reach the feed through their owners' readers.
    const schedule = async (allianceId: string, token: string, body: Record<string, unknown>) => {
      const res = await api.post(
        `/api/alliances/${allianceId}/meetings`,
        { agenda: [{ title: 'Bilan du trimestre' }], ...body },
        { token },
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    ids['meeting'] = await schedule(world.allianceId, lead, {
      title: 'Comité de pilotage d’hiver',
      startsAt: `${day(20)}T09:30:00.000Z`,
      endsAt: `${day(20)}T11:45:00.000Z`,
      location: 'Maison des aidants',
      videoUrl: 'https://visio.example.org/copil',
    });
    ids['cancelledMeeting'] = await schedule(world.allianceId, lead, {
      title: 'Réunion annulée',
      startsAt: `${day(25)}T14:00:00.000Z`,
      endsAt: `${day(25)}T15:00:00.000Z`,
    });
    expect((await api.post(`/api/meetings/${ids['cancelledMeeting']}/cancel`, undefined, { token: lead })).status).toBe(200);
    const action = async (assignee: Session, title: string, dueOn: string) => {
      const res = await api.post(`${A}/actions`, { title, assigneeUserId: assignee.user.id, dueOn }, { token: lead });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number };
    };
    ids['partnerAction'] = (await action(world.partner, 'Envoyer le compte rendu', day(12))).id;
    ids['leadAction'] = (await action(world.lead, 'Réserver la salle', day(13))).id;
    const done = await action(world.partner, 'Action déjà faite', day(14));
    ids['doneAction'] = done.id;
    expect(
      (await api.patch(`/api/actions/${done.id}`, { status: 'done', version: done.version }, { token: world.partner.accessToken })).status,
    ).toBe(200);
    // Another alliance, with a meeting of its own, that none of this world's people sits in.
    const stranger = await api.signUp({ displayName: 'Pilote ailleurs' });
    const strangerOrg = (await api.applyOrganisation(stranger, { name: 'Association Ailleurs', profile: 'association' })).id as string;
    await api.approveOrganisation(admin, strangerOrg);
    const elsewhere = await api.post(
      '/api/alliances',
      {
        name: 'Alliance d’ailleurs',
        purpose: 'Une autre alliance',
        category: 'societal_innovation',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: strangerOrg,
      },
      { token: stranger.accessToken },
    );
    expect(elsewhere.status).toBe(201);
    ids['otherAlliance'] = elsewhere.body.id;
    ids['otherMeeting'] = await schedule(elsewhere.body.id, stranger.accessToken, {
      title: 'Réunion d’une autre alliance',
      startsAt: `${day(21)}T09:00:00.000Z`,
      endsAt: `${day(21)}T10:00:00.000Z`,
    });
  }, 240_000);
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('serves the lead’s milestones, report due dates and evaluation closings, without any session', async () => {
    const { url, text, events, res } = await feedOf(world.lead);
    expect(url).toMatch(/^http:\/\/alliances\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('etag')).toBeTruthy();
    expect(res.headers.get('last-modified')).toBeTruthy();
    expect(res.headers.get('cache-control')).toContain('max-age');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('X-WR-CALNAME:Alliances — mon agenda');

    const byUid = new Map(events.map((e) => [e['UID'], e]));
    const milestone = byUid.get(`milestone-${ids['milestone']}@alliances`);
    expect(milestone?.['SUMMARY']).toBe('Jalon : Forum des aidants\\, Lyon\\; salle 2');
    expect(milestone?.['DTSTART;VALUE=DATE']).toBe(compact(day(30)));
    expect(milestone?.['URL']).toBe(`${PUBLIC_URL}/alliances/${world.allianceId}/objectives`);
    const report = byUid.get(`report-${ids['report']}@alliances`);
    expect(report?.['SUMMARY']).toBe('Rapport à remettre : Rapport intermédiaire');
    expect(report?.['DTSTART;VALUE=DATE']).toBe(compact(day(60)));
    expect(report?.['URL']).toBe(`${PUBLIC_URL}/alliances/${world.allianceId}/funding`);
    // The lead writes every report of its alliance, whoever funds it.
    expect(byUid.has(`report-${ids['otherReport']}@alliances`)).toBe(true);
    const evaluation = byUid.get(`evaluation-${ids['evaluation']}@alliances`);
    expect(evaluation?.['SUMMARY']).toBe('Clôture de l’évaluation : Bilan d’hiver');
    expect(evaluation?.['DTSTART']).toBe(`${compact(day(14))}T163000Z`);
    expect(evaluation?.['URL']).toBe(`${PUBLIC_URL}/evaluations/${ids['evaluation']}`);
    // The world's own milestone (2026-09-01) and report (2026-06-30) ended more than 90 days ago, or not: as the clock says.
    const old = byUid.has(`milestone-${world.ids['milestone']}@alliances`);
    expect(old).toBe(Date.parse('2026-09-01T23:59:59Z') >= Date.now() - 90 * 86_400_000);
    expect(events.length).toBe(byUid.size);
  });

  it('answers 304 to a calendar application that already has this version', async () => {
    const { url, res } = await feedOf(world.lead);
    const again = await api.get(pathOf(url), { headers: { 'if-none-match': res.headers.get('etag') as string } });
    expect(again.status).toBe(304);
  });

  it('shows a funder the report due dates of the grants it gives only', async () => {
    const mine = new Set((await feedOf(world.funder)).events.map((e) => e['UID']));
    expect(mine).toContain(`report-${ids['report']}@alliances`);
    expect(mine).not.toContain(`report-${ids['otherReport']}@alliances`);
    expect(mine).toContain(`milestone-${ids['milestone']}@alliances`);
    const theirs = new Set((await feedOf(otherFunder)).events.map((e) => e['UID']));
    expect(theirs).toContain(`report-${ids['otherReport']}@alliances`);
    expect(theirs).not.toContain(`report-${ids['report']}@alliances`);
  });

  it('shows a partner the milestones and the evaluation it is invited to, not the reports', async () => {
    const uids = new Set((await feedOf(world.partner)).events.map((e) => e['UID']));
    expect(uids).toContain(`milestone-${ids['milestone']}@alliances`);
    expect(uids).toContain(`evaluation-${ids['evaluation']}@alliances`);
    expect(uids).not.toContain(`report-${ids['report']}@alliances`);
  });

  it('shows an outsider nothing of the alliance', async () => {
    const { text, events } = await feedOf(outsider);
    expect(events).toEqual([]);
    expect(text).not.toContain(world.name);
    expect(text).not.toContain(world.allianceId);
  });

  it('lists the meetings of the person’s alliance, timed, with place, link and cancellation (issue 17)', async () => {
    const byUid = new Map((await feedOf(world.partner)).events.map((e) => [e['UID'], e]));
    const meeting = byUid.get(`meeting-${ids['meeting']}@alliances`);
    expect(meeting?.['SUMMARY']).toBe('Comité de pilotage d’hiver');
    expect(meeting?.['DTSTART']).toBe(`${compact(day(20))}T093000Z`);
    expect(meeting?.['DTEND']).toBe(`${compact(day(20))}T114500Z`);
    expect(meeting?.['LOCATION']).toBe('Maison des aidants — https://visio.example.org/copil');
    expect(meeting?.['URL']).toBe(`${PUBLIC_URL}/alliances/${world.allianceId}/meetings/${ids['meeting']}`);
    expect(meeting?.['STATUS']).toBe('CONFIRMED');
    const cancelled = byUid.get(`meeting-${ids['cancelledMeeting']}@alliances`);
    expect(cancelled?.['SUMMARY']).toBe('Réunion annulée');
    expect(cancelled?.['STATUS']).toBe('CANCELLED');
    // The lead's people see the same meetings; nobody here sees another alliance's meeting.
    const lead = new Set((await feedOf(world.lead)).events.map((e) => e['UID']));
    expect(lead).toContain(`meeting-${ids['meeting']}@alliances`);
    for (const uids of [lead, new Set(byUid.keys())]) expect(uids).not.toContain(`meeting-${ids['otherMeeting']}@alliances`);
  });

  it('lists the open actions assigned to the person, all-day, and not those of others or already done (issue 17)', async () => {
    const byUid = new Map((await feedOf(world.partner)).events.map((e) => [e['UID'], e]));
    const action = byUid.get(`action-${ids['partnerAction']}@alliances`);
    expect(action?.['SUMMARY']).toBe('Action : Envoyer le compte rendu');
    expect(action?.['DTSTART;VALUE=DATE']).toBe(compact(day(12)));
    expect(action?.['DTEND;VALUE=DATE']).toBe(compact(day(13)));
    expect(action?.['URL']).toBe(`${PUBLIC_URL}/alliances/${world.allianceId}/actions`);
    // The world's own action, assigned to the partner's person, is open too.
    expect(byUid.has(`action-${world.ids['governanceAction']}@alliances`)).toBe(true);
    expect(byUid.has(`action-${ids['leadAction']}@alliances`)).toBe(false);
    expect(byUid.has(`action-${ids['doneAction']}@alliances`)).toBe(false);
    const lead = new Set((await feedOf(world.lead)).events.map((e) => e['UID']));
    expect(lead).toContain(`action-${ids['leadAction']}@alliances`);
    expect(lead).not.toContain(`action-${ids['partnerAction']}@alliances`);
  });

  it('shows a funder none of the partners’ meetings nor their actions (issue 17)', async () => {
    const { text, events } = await feedOf(world.funder);
    const kinds = new Set(events.map((e) => e['UID'].split('-')[0]));
    expect(kinds.has('meeting')).toBe(false);
    expect(kinds.has('action')).toBe(false);
    expect(text).not.toContain('Comité de pilotage d’hiver');
  });

  it('serves one meeting as an .ics file to its partners only, with the feed’s UID (issue 17)', async () => {
    const path = `/api/meetings/${ids['meeting']}/ics`;
    const res = await api.get(path, { token: world.partner.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const events = eventsOf(res.text);
    expect(events).toHaveLength(1);
    expect(events[0]['SUMMARY']).toBe('Comité de pilotage d’hiver');
    expect(events[0]['DTSTART']).toBe(`${compact(day(20))}T093000Z`);
    const feed = (await feedOf(world.partner)).events.find((e) => e['UID'] === events[0]['UID']);
    expect(events[0]['UID']).toBe(`meeting-${ids['meeting']}@alliances`);
    expect(feed?.['SUMMARY']).toBe(events[0]['SUMMARY']);
    // A cancelled meeting still downloads, flagged.
    const cancelled = await api.get(`/api/meetings/${ids['cancelledMeeting']}/ics`, { token: world.lead.accessToken });
    expect(cancelled.status).toBe(200);
    expect(eventsOf(cancelled.text)[0]['STATUS']).toBe('CANCELLED');
    // Outsiders, funders and the other alliance's people: 404, as for an unknown meeting; no session: 401.
    expect((await api.get(path, { token: outsider.accessToken })).status).toBe(404);
    expect((await api.get(path, { token: world.funder.accessToken })).status).toBe(404);
    expect((await api.get(`/api/meetings/${ids['otherMeeting']}/ics`, { token: world.lead.accessToken })).status).toBe(404);
    expect((await api.get('/api/meetings/00000000-0000-4000-8000-000000000000/ics', { token: world.lead.accessToken })).status).toBe(404);
    expect((await api.get(path)).status).toBe(401);
  });

  it('gives the same address until it is regenerated, then the old one answers 404', async () => {
    const first = (await api.get('/api/me/calendar-token', { token: world.partner.accessToken })).body.url;
    expect((await api.get('/api/me/calendar-token', { token: world.partner.accessToken })).body.url).toBe(first);
    const regenerated = await api.post('/api/me/calendar-token', undefined, { token: world.partner.accessToken });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.url).not.toBe(first);
    expect((await api.get(pathOf(first))).status).toBe(404);
    expect((await api.get(pathOf(regenerated.body.url))).status).toBe(200);
    expect((await api.get('/api/me/calendar-token', { token: world.partner.accessToken })).body.url).toBe(regenerated.body.url);
  });

  it('answers 404 once revoked, and a new address on the next request', async () => {
    const { url } = await feedOf(otherFunder);
    expect((await api.delete('/api/me/calendar-token', { token: otherFunder.accessToken })).status).toBe(204);
    expect((await api.get(pathOf(url))).status).toBe(404);
    const next = (await api.get('/api/me/calendar-token', { token: otherFunder.accessToken })).body.url;
    expect(next).not.toBe(url);
    expect((await api.get(pathOf(next))).status).toBe(200);
  });

  it('answers 404 to an unknown, malformed or suffix-less address', async () => {
    const { url } = await feedOf(world.lead);
    const token = pathOf(url).slice('/api/calendar/'.length, -'.ics'.length);
    for (const path of [
      `/api/calendar/${'A'.repeat(43)}.ics`,
      `/api/calendar/${token}`,
      `/api/calendar/${token.slice(0, -1)}.ics`,
      '/api/calendar/..%2F..%2Fetc%2Fpasswd.ics',
    ])
      expect([path, (await api.get(path)).status]).toEqual([path, 404]);
  });

  it('names the calendar in the person’s language', async () => {
    const english = await api.signUp({ displayName: 'English reader', locale: 'en' });
    expect((await feedOf(english)).text).toContain('X-WR-CALNAME:Alliances — my calendar');
  });

  it('stops serving the feed of a disabled account', async () => {
    const { url } = await feedOf(outsider);
    expect((await api.post(`/api/admin/users/${outsider.user.id}/disable`, undefined, { token: admin.accessToken })).status).toBe(204);
    expect((await api.get(pathOf(url))).status).toBe(404);
  });

  it('journals the creation, regeneration and revocation of an address on the account', async () => {
    const res = await api.get(`/api/admin/audit?actorId=${world.partner.user.id}`, { token: admin.accessToken });
    expect(res.status).toBe(200);
    const actions = JSON.stringify(res.body);
    expect(actions).toContain('calendar.token_created');
    expect(actions).toContain('calendar.token_regenerated');
  });
});
