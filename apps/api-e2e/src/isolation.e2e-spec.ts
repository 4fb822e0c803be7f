import {
  ApiClient,
  CollabClient,
  createTestDatabase,
  fillPath,
  GOOD_PASSWORD,
  listOperations,
  operationKey,
  plausibleBody,
  plausibleValue,
  readOutbox,
  sql,
  waitForMail,
  startApiProcess,
  uniqueEmail,
  testServerName,
  type ApiProcess,
  type Operation,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { randomBytes, randomUUID } from 'node:crypto';
import { pdfBytes, upload } from './support/uploads';

/**
 * TENANT ISOLATION. Two organisations, A and B. Every route of the OpenAPI document (so routes added
 * later are covered without touching this file) is called by users of B — and by a user with no
 * organisation — with path parameters pointing at A's objects. None may succeed, and no answer may
 * carry A's ids, names or emails.
 */

const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';

/**
 * Routes that act on the caller's own things whatever the path says; they may answer 2xx, but their
 * answer must hold nothing of A. Keep this list short and explicit: a route is added here on purpose.
 */
const CALLER_SCOPED = new Set([
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'GET /api/me',
  'PATCH /api/me',
  'DELETE /api/me',
  'GET /api/me/export',
  // Two-step sign-in (issue 15): the caller's own TOTP, or the challenge its token names.
  'POST /api/auth/login/mfa',
  'POST /api/me/totp',
  'POST /api/me/totp/confirm',
  'DELETE /api/me/totp',
  'POST /api/me/totp/recovery-codes',
  'GET /api/organisations',
  'POST /api/organisations',
  'GET /api/territories',
  // The case-study library is open to anyone signed in, and lists published cards only.
  'GET /api/case-studies',
  // The partner directory (docs/api.md "Directory") is open to anyone signed in and shows listed,
  // approved organisations' public cards only; A is not listed, so it must not show there.
  'GET /api/directory',
  'GET /api/directory/map',
  // docs/api.md "Alliances": the caller's alliances only.
  'GET /api/alliances',
  // docs/api.md "Comments and notifications": the caller's own mentions and events.
  'GET /api/notifications',
  'POST /api/notifications/read',
  // Notification preferences (issue 16): the caller's own; the unsubscribe link's signed token names its person.
  'GET /api/me/notification-preferences',
  'PUT /api/me/notification-preferences',
  'GET /api/notifications/unsubscribe',
  'POST /api/notifications/unsubscribe',
  'GET /api/health',
  // The self-diagnostic's questionnaires are the same for everyone of a profile (docs/api.md "Self-diagnostic").
  'GET /api/diagnostics/questionnaire',
  // Public preview of an invitation: the token is the capability, so whoever holds A's link sees
  // what the invitee sees (organisation name, invited email, role) — and nothing more of A.
  'GET /api/invitations/{token}',
  // The same for an alliance's invitation of an organisation not yet on the platform (issue 14).
  'GET /api/alliance-invitations/{token}',
  // Single sign-on (issue 15): the button is the same for everyone; login and callback hold nothing of A.
  'GET /api/auth/providers',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  // The caller's own account (docs/api.md "Accounts"): their sessions, password, address and security summary.
  'GET /api/me/sessions',
  'DELETE /api/me/sessions',
  'GET /api/me/security',
  'POST /api/me/password',
  'POST /api/me/email',
  // docs/api.md "Workspace": the caller's own home page, from their own seats (issue 16).
  'GET /api/me/dashboard',
  // docs/api.md "Calendar": the caller's own feed address (a new random token, nothing of A).
  'GET /api/me/calendar-token',
  'POST /api/me/calendar-token',
  'DELETE /api/me/calendar-token',
  // Public, and 202 whatever the address, so that it tells nobody whether an account exists.
  'POST /api/auth/password/forgot',
  // The public library (issue 18): published cards only, for anyone; A publishes none, so nothing of A shows.
  'GET /api/public/case-studies',
  'GET /public/library',
  'GET /public/library/feed.atom',
  'GET /sitemap.xml',
  // The observatory (issue 18): the same k-anonymous aggregates for anyone signed in (A is not opted in), and
  // as open data without sign-in; a portfolio or territory scope of A's organisation is 404 to B.
  'GET /api/observatory',
  'GET /api/public/observatory.json',
  'GET /api/public/observatory.csv',
]);
/** What the invitation preview may show of A: exactly its documented fields. */
const PREVIEW_FIELDS = ['email', 'expiresAt', 'organisationName', 'role', 'status'];
const ALLIANCE_PREVIEW_FIELDS = ['allianceName', 'email', 'expiresAt', 'leadName', 'organisationName', 'status'];

/** Routes run last, in this order: they end the prober's account, or its session (sign-out revokes the access token's session, issue 15). */
const RUN_LAST = new Set(['DELETE /api/me', 'POST /api/auth/logout']);

const MIN_PROBES = 100;

interface Probe {
  prober: string;
  method: string;
  url: string;
  key: string;
  status: number;
  text: string;
}

describe(`tenant isolation (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let admin: Session;

  // Tenant A.
  let ownerA: Session;
  let memberA: Session;
  let signatoryA: Session;
  let orgA: { id: string; name: string };
  let pendingA: { id: string; name: string };
  let invitationA: { id: string; email: string };
  let tokenA: string;
  /** A's alliance, when the alliances module is there (docs/api.md "Alliances"). */
  let allianceA: { id: string; name: string } | undefined;
  let documentA: { id: string; name: string } | undefined;
  /** A's self-diagnostic and the complete answers it was taken with (docs/api.md "Self-diagnostic"). */
  let diagnosticA: { id: string; answers: { questionId: string; optionId: string }[] } | undefined;
  let secretsA: string[];
  let totpSecretA: string;
  /** Proposals, blocks, the alliance's external invitation and a catalyst grant (issue 14). */
  let secondA: { id: string; name: string };
  let proposalA: { id: string; message: string };
  let allianceTokenA = '';
  let externalA: { id: string; email: string } | undefined;
  /** A's decision and action (issue 17). */
  let governanceA: { decisionId: string; actionId: string; titles: string[] } | undefined;
  /** A meeting of A's alliance with minutes written live (issue 17). */
  let meetingA: { id: string; title: string } | undefined;

  // Tenant B and a lone user.
  let ownerB: Session;
  let memberB: Session;
  let loner: Session;
  let orgB: { id: string; name: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD, PUBLIC_URL: 'http://alliances.test', AUTH_THROTTLE_IP_PER_MINUTE: '10000' },
    });
    client = new ApiClient(api.url);
    admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const tag = randomBytes(3).toString('hex');

    ownerA = await client.signUp({ email: uniqueEmail('alpha-owner'), displayName: `Alpha Owner ${tag}` });
    orgA = await client.applyOrganisation(ownerA, { name: `Alpha Tenant ${tag}`, description: `Alpha private description ${tag}` });
    await client.approveOrganisation(admin, orgA.id);
    pendingA = await client.applyOrganisation(ownerA, { name: `Alpha Pending ${tag}` });
    memberA = await client.addMember(ownerA, orgA.id, 'member', api.dataDir, {
      email: uniqueEmail('alpha-member'),
      displayName: `Alpha Member ${tag}`,
    });
    signatoryA = await client.addMember(ownerA, orgA.id, 'signatory', api.dataDir, { email: uniqueEmail('alpha-signatory') });
    // A's member uses two-step sign-in (issue 15): its secret must never reach anyone else.
    totpSecretA = (await client.enrolTotp(memberA.email, memberA.accessToken)).secret;
    const pending = await client.invite(ownerA, orgA.id, uniqueEmail('alpha-invitee'), 'admin', api.dataDir);
    invitationA = pending.invitation;
    tokenA = pending.token;

    // A's second organisation, listed; A proposes an alliance to it and blocks it afterwards; A is a catalyst.
    secondA = await client.applyOrganisation(ownerA, { name: `Alpha Second ${tag}` });
    await client.approveOrganisation(admin, secondA.id);
    await sql(api, db, `UPDATE organisations SET listed = true WHERE id = $1`, [secondA.id]);
    const proposal = await client.post(
      '/api/proposals',
      { fromOrganisationId: orgA.id, toOrganisationId: secondA.id, message: `Alpha private proposal ${tag}` },
      { token: ownerA.accessToken },
    );
    expect(proposal.status).toBe(201);
    proposalA = { id: proposal.body.id, message: `Alpha private proposal ${tag}` };
    expect(
      (await client.post(`/api/organisations/${orgA.id}/blocks`, { organisationId: secondA.id }, { token: ownerA.accessToken })).status,
    ).toBe(201);
    expect(
      (
        await client.call('PUT', `/api/admin/organisations/${orgA.id}/catalyst`, {
          token: admin.accessToken,
          body: { territoryCodes: ['69'] },
        })
      ).status,
    ).toBe(200);

    // B's people have passwords of their own, so that no probe signs in as A by chance.
    const operations = await listOperations(api.url);
    if (operations.some((o) => operationKey(o) === 'POST /api/alliances')) {
      const res = await client.post(
        '/api/alliances',
        {
          name: `Alpha Alliance ${tag}`,
          purpose: 'Alpha private purpose',
          category: 'philanthropy',
          collectiveObjectives: ['engagement'],
          domains: ['health'],
          scale: 'local',
          territoryCodes: ['69123'],
          organisationId: orgA.id,
        },
        { token: ownerA.accessToken },
      );
      expect(res.status).toBe(201);
      allianceA = { id: res.body.id, name: res.body.name };
      const email = uniqueEmail('alpha-external');
      const before = readOutbox(api.dataDir).length;
      const external = await client.post(
        `/api/alliances/${allianceA.id}/invitations`,
        { email, organisationName: `Alpha Guest ${tag}` },
        { token: ownerA.accessToken },
      );
      expect(external.status).toBe(201);
      externalA = { id: external.body.id, email };
      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(email), { after: before });
      allianceTokenA = /allianceInvitation=([A-Za-z0-9_-]{20,})/.exec(mail.text)?.[1] ?? '';
      // A document of A (issue 17): its id and name are A's secrets too.
      const document = await upload(
        `${api.url}/api/alliances/${allianceA.id}/documents`,
        ownerA.accessToken,
        { visibility: 'alliance' },
        {
          name: `Alpha private file ${tag}.pdf`,
          bytes: pdfBytes(),
        },
      );
      expect(document.status).toBe(201);
      documentA = { id: document.body.id, name: document.body.name };
      // Governance (issue 17): A's decision and an action assigned to A's owner.
      if (operations.some((o) => operationKey(o) === 'POST /api/alliances/{id}/decisions')) {
        const decision = await client.post(
          `/api/alliances/${allianceA.id}/decisions`,
          {
            title: `Alpha decision ${tag}`,
            proposal: 'Alpha private proposal',
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
            rule: 'consent',
          },
          { token: ownerA.accessToken },
        );
        expect(decision.status).toBe(201);
        const action = await client.post(
          `/api/alliances/${allianceA.id}/actions`,
          { title: `Alpha action ${tag}`, assigneeUserId: ownerA.user.id, dueOn: '2027-01-01' },
          { token: ownerA.accessToken },
        );
        expect(action.status).toBe(201);
        governanceA = { decisionId: decision.body.id, actionId: action.body.id, titles: [decision.body.title, action.body.title] };
      }
    }

    if (allianceA && operations.some((o) => operationKey(o) === 'POST /api/alliances/{id}/meetings')) {
      const title = `Alpha private meeting ${tag}`;
      const res = await client.post(
        `/api/alliances/${allianceA.id}/meetings`,
        { title, startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T11:00:00Z', agenda: [{ title: `Alpha agenda ${tag}` }] },
        { token: ownerA.accessToken },
      );
      expect(res.status).toBe(201);
      meetingA = { id: res.body.id, title };
      const writer = await CollabClient.joinMinutes(api.url, ownerA.accessToken, meetingA.id);
      writer.paragraph('minutes', `Alpha private minutes ${tag}`);
      await writer.flush();
      writer.close();
    }

    if (operations.some((o) => operationKey(o) === 'POST /api/organisations/{id}/diagnostics')) {
      const questionnaire = await client.get('/api/diagnostics/questionnaire?profile=association', { token: memberA.accessToken });
      const answers = (questionnaire.body.axes as { questions: { id: string; options: { id: string }[] }[] }[]).flatMap((a) =>
        a.questions.map((q) => ({ questionId: q.id, optionId: q.options[1].id })),
      );
      const res = await client.post(`/api/organisations/${orgA.id}/diagnostics`, { answers }, { token: memberA.accessToken });
      expect(res.status).toBe(201);
      diagnosticA = { id: res.body.id, answers };
    }

    ownerB = await client.signUp({
      email: uniqueEmail('beta-owner'),
      displayName: `Beta Owner ${tag}`,
      password: `Beta-owner-${tag}-passphrase`,
    });
    orgB = await client.applyOrganisation(ownerB, { name: `Beta Tenant ${tag}` });
    await client.approveOrganisation(admin, orgB.id);
    memberB = await client.addMember(ownerB, orgB.id, 'member', api.dataDir, {
      email: uniqueEmail('beta-member'),
      password: `Beta-member-${tag}-passphrase`,
    });
    await client.invite(ownerB, orgB.id, uniqueEmail('beta-invitee'), 'member', api.dataDir);
    loner = await client.signUp({ email: uniqueEmail('loner'), password: `Lone-user-${tag}-passphrase` });

    secretsA = [
      orgA.id,
      orgA.name,
      `Alpha private description ${tag}`,
      pendingA.id,
      pendingA.name,
      ownerA.user.id,
      ownerA.email,
      ownerA.user.displayName,
      memberA.user.id,
      memberA.email,
      memberA.user.displayName,
      totpSecretA,
      signatoryA.user.id,
      signatoryA.email,
      invitationA.id,
      invitationA.email,
      tokenA,
      ...(allianceA ? [allianceA.id, allianceA.name] : []),
      secondA.id,
      secondA.name,
      proposalA.id,
      proposalA.message,
      ...(externalA ? [externalA.id, externalA.email, allianceTokenA] : []),
      ...(diagnosticA ? [diagnosticA.id] : []),
      ...(governanceA ? [governanceA.decisionId, governanceA.actionId, ...governanceA.titles] : []),
      ...(meetingA ? [meetingA.id, meetingA.title, `Alpha private minutes ${tag}`] : []),
      ...(documentA ? [documentA.id, documentA.name] : []),
    ];
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Candidate values of each path parameter: A's objects (and, for members, the prober itself). */
  function candidates(param: string, path: string, prober: Session): string[] {
    const alliance = allianceA ? [allianceA.id] : [];
    if (param === 'id' && path.startsWith('/api/alliances/') && allianceA) return [allianceA.id];
    if (param === 'id' && path.startsWith('/api/proposals/')) return [proposalA.id];
    if (param === 'id' && path.startsWith('/api/decisions/') && governanceA) return [governanceA.decisionId];
    if (param === 'id' && path.startsWith('/api/actions/') && governanceA) return [governanceA.actionId];
    if (param === 'id' && path.startsWith('/api/meetings/') && meetingA) return [meetingA.id];
    if (param === 'id' && path.startsWith('/api/documents/') && documentA) return [documentA.id];
    switch (param) {
      case 'id':
        return path.startsWith('/api/organisations/') || path.startsWith('/api/admin/organisations/')
          ? [orgA.id, pendingA.id]
          : [orgA.id, ...alliance, randomUUID()];
      case 'organisationId':
        return [orgA.id];
      case 'allianceId':
        return allianceA ? [allianceA.id] : [randomUUID()];
      case 'userId':
      case 'memberId':
        return [ownerA.user.id, memberA.user.id, prober.user.id];
      case 'invitationId':
        return [invitationA.id];
      case 'diagnosticId':
        return diagnosticA ? [diagnosticA.id] : [randomUUID()];
      case 'token':
        return allianceTokenA ? [tokenA, allianceTokenA] : [tokenA];
      case 'blockedId':
        return [secondA.id];
      case 'version':
        return ['1'];
      default:
        // A parameter this suite does not know yet: A's objects, and an id that exists nowhere.
        return [orgA.id, ...alliance, randomUUID()];
    }
  }

  function combinations(op: Operation, prober: Session): Record<string, string>[] {
    let combos: Record<string, string>[] = [{}];
    for (const param of op.pathParams) {
      combos = combos.flatMap((c) => candidates(param, op.path, prober).map((v) => ({ ...c, [param]: v })));
    }
    return combos;
  }

  /** Fields a body or query may name, filled so that the call would be valid against A. */
  function knownValues(prober: Session): Record<string, unknown> {
    return {
      email: memberA.email,
      password: prober.password,
      displayName: 'Probe Person',
      locale: 'fr',
      name: 'Probe Organisation',
      profile: 'association',
      rna: 'W751234567',
      territoryCode: '69123',
      role: 'admin',
      reason: 'Probe reason for a decision',
      q: 'lyon',
      status: 'pending',
      organisationId: orgA.id,
      userId: memberA.user.id,
      allianceId: allianceA?.id ?? orgA.id,
      '*Id': orgA.id,
      // Alliances (docs/api.md "Alliances"): a complete, valid alliance aimed at A.
      purpose: 'Probe purpose',
      category: 'philanthropy',
      collectiveObjectives: ['engagement'],
      domains: ['health'],
      scale: 'local',
      territoryCodes: ['69123'],
      sha256: '0'.repeat(64),
      version: 1,
      // The directory (docs/api.md "Directory"): B may not see the directory as A.
      as: orgA.id,
      // A complete, valid self-diagnostic of A's profile.
      answers: diagnosticA?.answers ?? [],
      // Proposals and catalysts (issue 14): an introduction of A's two organisations, in A's territory.
      organisationIds: [orgA.id, secondA.id],
      territory: '69',
      message: 'Probe message',
      // Alliances that change (issue 16): a final note B would leave on A's alliance.
      closingNote: 'Probe closing note',
    };
  }

  function containsA(text: string, allowed: string[] = []): string[] {
    return secretsA.filter((s) => !allowed.includes(s) && text.toLowerCase().includes(s.toLowerCase()));
  }

  it('does not show B anything of A in the lists B is entitled to', async () => {
    for (const prober of [ownerB, memberB]) {
      for (const path of ['/api/organisations', '/api/me', `/api/organisations/${orgB.id}`, `/api/organisations/${orgB.id}/members`]) {
        const res = await client.get(path, { token: prober.accessToken });
        expect(res.status).toBeLessThan(300);
        expect(containsA(res.text)).toEqual([]);
      }
    }
    const invitations = await client.get(`/api/organisations/${orgB.id}/invitations`, { token: ownerB.accessToken });
    expect(invitations.status).toBe(200);
    expect(containsA(invitations.text)).toEqual([]);
  });

  // Before the probes below: they end the probers' sessions and accounts.
  it('refuses `minutes:join` of A’s meeting on /collab exactly like an unknown meeting (issue 17)', async () => {
    if (!meetingA) return;
    const answer = (session: Session, meetingId: string) =>
      CollabClient.joinMinutes(api.url, session.accessToken, meetingId).then(
        (c) => {
          c.close();
          return { joined: true } as unknown;
        },
        (e: { answer?: unknown }) => e.answer,
      );
    const unknown = await answer(ownerB, randomUUID());
    expect(unknown).toEqual({ error: 'not_found' });
    for (const prober of [ownerB, memberB, loner]) expect(await answer(prober, meetingA.id)).toEqual(unknown);
    expect(await answer(ownerA, meetingA.id)).toEqual({ joined: true });
  });

  it('lets no user of another tenant reach, change or see anything of A', async () => {
    const operations = await listOperations(api.url);
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const ordered = [
      ...operations.filter((o) => !RUN_LAST.has(operationKey(o))),
      ...[...RUN_LAST].flatMap((key) => operations.filter((o) => operationKey(o) === key)),
    ];
    // B's admin has the most rights a tenant user can have; the lone user has none. (B's plain member is
    // covered by the role checks of the organisations suite.)
    const probers: [string, Session][] = [
      ['admin of B', ownerB],
      ['user without organisation', loner],
    ];

    const probes: Probe[] = [];
    const leaks: string[] = [];
    let controls = 0;
    for (const op of ordered) {
      const key = operationKey(op);
      for (const [proberName, prober] of probers) {
        const known = knownValues(prober);
        for (const params of combinations(op, prober)) {
          const query = op.queryParams
            .map((p) => [p.name, plausibleValue(p.name, p.schema, known, p.required)] as const)
            .filter(([, v]) => v !== undefined)
            .map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(String(v))}`)
            .join('&');
          const url = fillPath(op.path, params) + (query ? `?${query}` : '');
          const body = op.bodySchema ? plausibleBody(op.bodySchema, known) : undefined;
          const res = await client.call(op.method, url, { token: prober.accessToken, body });
          probes.push({ prober: proberName, method: op.method, url, key, status: res.status, text: res.text });
          const where = `${proberName}: ${op.method} ${url} → ${res.status}`;

          if (res.status >= 500) leaks.push(`${where} (server error) ${res.text.slice(0, 200)}`);
          if (res.status >= 200 && res.status < 300 && !CALLER_SCOPED.has(key)) leaks.push(`${where} succeeded: ${res.text.slice(0, 200)}`);
          let allowed: string[] = [];
          if (key === 'GET /api/invitations/{token}' && res.status === 200) {
            // The capability shows the preview, and the preview only.
            expect(Object.keys(res.body).sort()).toEqual(PREVIEW_FIELDS);
            allowed = [orgA.name, invitationA.email];
          }
          if (key === 'GET /api/alliance-invitations/{token}' && res.status === 200) {
            expect(Object.keys(res.body).sort()).toEqual(ALLIANCE_PREVIEW_FIELDS);
            allowed = [orgA.name, allianceA?.name ?? '', externalA?.email ?? ''];
          }
          const found = containsA(res.text, allowed);
          if (found.length) leaks.push(`${where} shows A's ${found.map((f) => JSON.stringify(f)).join(', ')}`);

          // No existence oracle: A's ids must be answered exactly like ids that exist nowhere.
          // (A real invitation token is a capability of its own, see CALLER_SCOPED.)
          if (prober === ownerB && !CALLER_SCOPED.has(key) && op.pathParams.length && !op.pathParams.includes('token')) {
            const unknown = Object.fromEntries(op.pathParams.map((p) => [p, p === 'version' ? '1' : randomUUID()]));
            const control = await client.call(op.method, fillPath(op.path, unknown) + (query ? `?${query}` : ''), {
              token: prober.accessToken,
              body,
            });
            controls += 1;
            const shape = (r: { status: number; body: { code?: string; message?: string } }) => ({
              status: r.status,
              code: r.body?.code,
              message: r.body?.message,
            });
            if (JSON.stringify(shape(res)) !== JSON.stringify(shape(control))) {
              leaks.push(`${where} differs from unknown ids: ${JSON.stringify(shape(res))} vs ${JSON.stringify(shape(control))}`);
            }
          }
        }
      }
    }

    const byStatus = probes.reduce<Record<number, number>>((acc, p) => ({ ...acc, [p.status]: (acc[p.status] ?? 0) + 1 }), {});
    console.log(
      `isolation: ${probes.length} probes over ${operations.length} routes (+${controls} unknown-id controls), ${leaks.length} leaks; statuses ${JSON.stringify(byStatus)}`,
    );
    if (process.env['ISOLATION_VERBOSE']) {
      for (const p of probes.filter((x) => x.status === 400)) console.log(`${p.method} ${p.url} → 400 ${p.text.slice(0, 300)}`);
    }
    expect(leaks).toEqual([]);
    expect(probes.length).toBeGreaterThan(MIN_PROBES);
    // Every non-caller-scoped route was probed by every prober.
    for (const op of operations.filter((o) => !CALLER_SCOPED.has(operationKey(o)))) {
      expect(new Set(probes.filter((p) => p.key === operationKey(op)).map((p) => p.prober)).size).toBe(probers.length);
    }
    // A meeting's `.ics` download (issue 17, served by the calendar lib) is probed with A's meeting: 404 for both.
    const ics = probes.filter((p) => p.key === 'GET /api/meetings/{id}/ics');
    expect(ics.map((p) => [p.prober, p.url, p.status])).toEqual(probers.map(([name]) => [name, `/api/meetings/${meetingA?.id}/ics`, 404]));
    // Every route is probed twice over and each of B's probes gets an unknown-id control: over 60 s on the loaded
    // test machine (59.3 s measured before the issue 17 routes were added). Four minutes leave real headroom.
  }, 240_000);

  it('left A exactly as it was', async () => {
    const org = await client.get(`/api/organisations/${orgA.id}`, { token: ownerA.accessToken });
    expect(org.body).toMatchObject({ id: orgA.id, name: orgA.name, status: 'approved' });
    expect((await client.get(`/api/organisations/${pendingA.id}`, { token: ownerA.accessToken })).body.status).toBe('pending');
    const members = await client.get(`/api/organisations/${orgA.id}/members`, { token: ownerA.accessToken });
    expect(members.body.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort()).toEqual(
      [
        [ownerA.user.id, 'admin'],
        [memberA.user.id, 'member'],
        [signatoryA.user.id, 'signatory'],
      ].sort(),
    );
    const invitations = await client.get(`/api/organisations/${orgA.id}/invitations`, { token: ownerA.accessToken });
    expect(invitations.body.map((i: { id: string }) => i.id)).toEqual([invitationA.id]);
    expect((await client.get(`/api/invitations/${tokenA}`)).body.status).toBe('valid');
    const proposal = await client.get(`/api/proposals/${proposalA.id}`, { token: ownerA.accessToken });
    expect(proposal.body).toMatchObject({ status: 'pending', message: proposalA.message });
    const blocks = await client.get(`/api/organisations/${orgA.id}/blocks`, { token: ownerA.accessToken });
    expect(blocks.body.map((b: { organisationId: string }) => b.organisationId)).toEqual([secondA.id]);
    const grant = await client.get(`/api/catalyst?organisationId=${orgA.id}`, { token: ownerA.accessToken });
    expect(grant.body.territories.map((t: { code: string }) => t.code)).toEqual(['69']);
    if (allianceA) {
      const externals = await client.get(`/api/alliances/${allianceA.id}/invitations`, { token: ownerA.accessToken });
      expect(externals.body).toEqual([expect.objectContaining({ id: externalA?.id, status: 'sent' })]);
    }
    if (allianceA) {
      const alliance = await client.get(`/api/alliances/${allianceA.id}`, { token: ownerA.accessToken });
      expect(alliance.body).toMatchObject({ id: allianceA.id, name: allianceA.name });
      expect(JSON.stringify(alliance.body)).not.toMatch(/Probe/);
      // Nobody of B left, removed, handed over or closed anything (issue 16: DELETE …/members/:organisationId, POST …/lead).
      expect(alliance.body.status).not.toBe('closed');
      expect(alliance.body.members).toEqual([expect.objectContaining({ organisationId: orgA.id, role: 'lead', status: 'active' })]);
    }
    if (diagnosticA) {
      const diagnostics = await client.get(`/api/organisations/${orgA.id}/diagnostics`, { token: memberA.accessToken });
      expect(diagnostics.body.items.map((d: { id: string }) => d.id)).toEqual([diagnosticA.id]);
    }
    // A's people can still sign in with their passwords.
    for (const person of [ownerA, memberA, signatoryA]) {
      expect((await client.post('/api/auth/login', { email: person.email, password: GOOD_PASSWORD })).status).toBe(200);
    }
    // And nothing of A was written where B can see it.
    const audit = await client.get(`/api/admin/audit?organisationId=${orgA.id}&limit=200`, { token: admin.accessToken });
    const actors = new Set((audit.body.items as { actorId: string }[]).map((i) => i.actorId));
    for (const outsider of [ownerB, memberB, loner]) expect(actors.has(outsider.user.id)).toBe(false);
  });

  it('shows A in the directory only once it is listed, and then its public card only', async () => {
    // A pending organisation listed by its admin stays out until approved.
    expect((await client.patch(`/api/organisations/${pendingA.id}`, { listed: true }, { token: ownerA.accessToken })).status).toBe(200);
    const res = await client.patch(
      `/api/organisations/${orgA.id}`,
      { listed: true, domains: ['health'], seeks: ['financial'], offers: ['skills'] },
      { token: ownerA.accessToken },
    );
    expect(res.status).toBe(200);
    // The probes above ended ownerB's and the loner's accounts (DELETE /api/me): B's member and a newcomer look.
    for (const prober of [memberB, await client.signUp()]) {
      const list = await client.get(`/api/directory?limit=200`, { token: prober.accessToken });
      // A's second organisation was listed in the set-up (the proposals' probes need a listed recipient).
      expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([orgA.id, secondA.id].sort());
      const card = await client.get(`/api/directory/${orgA.id}`, { token: prober.accessToken });
      expect(card.status).toBe(200);
      // The card's fields and nothing else: no identifiers, people, house model, status or invitations.
      expect(Object.keys(card.body).sort()).toEqual([
        'description',
        'domains',
        'hasLogo',
        'id',
        'name',
        'offers',
        'openToAlliances',
        'profile',
        'seeks',
        'territory',
        'website',
      ]);
      const shown = JSON.stringify([list.body, card.body]);
      for (const secret of [
        pendingA.id,
        pendingA.name,
        ownerA.email,
        memberA.email,
        memberA.user.id,
        invitationA.email,
        tokenA,
        'W751234567',
      ])
        expect(shown).not.toContain(secret);
      expect((await client.get(`/api/directory/${pendingA.id}`, { token: prober.accessToken })).status).toBe(404);
      // Still nothing to change: the profile is A's admins' alone.
      expect((await client.patch(`/api/organisations/${orgA.id}`, { listed: false }, { token: prober.accessToken })).status).toBe(404);
    }
  });

  it('answers A’s multi-year trend and value created to B exactly like an unknown alliance (issue 18)', async () => {
    if (!allianceA) return;
    for (const path of ['evaluation-trend', 'value-created']) {
      const unknown = await client.get(`/api/alliances/${randomUUID()}/${path}`, { token: memberB.accessToken });
      const res = await client.get(`/api/alliances/${allianceA.id}/${path}`, { token: memberB.accessToken });
      expect(unknown.status).toBe(404);
      expect({ status: res.status, code: res.body?.code, message: res.body?.message }).toEqual({
        status: unknown.status,
        code: unknown.body?.code,
        message: unknown.body?.message,
      });
      expect((await client.get(`/api/alliances/${allianceA.id}/${path}`, { token: ownerA.accessToken })).status).toBe(200);
    }
  });

  it('keeps A’s evaluation schedule from another tenant: 404 to read or set it (issue 18)', async () => {
    if (!allianceA) throw new Error('alliance A was not set up');
    // A fresh stranger: the probes above have used up B's own sessions and accounts (the generic probe covers B).
    for (const prober of [await client.signUp({ displayName: 'Sam Étranger' })]) {
      expect((await client.get(`/api/alliances/${allianceA.id}/evaluation-schedule`, { token: prober.accessToken })).status).toBe(404);
      const set = await client.call('PUT', `/api/alliances/${allianceA.id}/evaluation-schedule`, {
        token: prober.accessToken,
        body: { rhythm: 'yearly', nextLaunchOn: new Date().toISOString().slice(0, 10), durationDays: 14 },
      });
      expect(set.status).toBe(404);
    }
    const owner = await client.login(ownerA.email);
    expect((await client.get(`/api/alliances/${allianceA.id}/evaluation-schedule`, { token: owner.accessToken })).body).toMatchObject({
      configured: false,
    });
  });
});
