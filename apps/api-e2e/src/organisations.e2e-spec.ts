import {
  ApiClient,
  createTestDatabase,
  invitationTokenOf,
  randomSiren,
  readOutbox,
  siretOf,
  sql,
  startApiProcess,
  uniqueEmail,
  testServerName,
  waitForMail,
  type ApiProcess,
  type ApiResponse,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from '@alliances/shared/contracts';

const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';
const PUBLIC_URL = 'http://alliances.test';

const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

/** Every item of a paginated list, following `nextCursor` to the end. */
async function allPages<T>(client: ApiClient, path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const res: ApiResponse<Page<T>> = await client.get(
      `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe(`organisations (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD, PUBLIC_URL, AUTH_THROTTLE_IP_PER_MINUTE: '10000' },
    });
    client = new ApiClient(api.url);
    admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** An approved organisation with its owner (first admin). */
  async function approvedOrganisation(
    overrides: Record<string, unknown> = {},
    owner?: Session,
  ): Promise<{ owner: Session; org: { id: string; name: string } }> {
    owner ??= await client.signUp();
    const org = await client.applyOrganisation(owner, overrides);
    await client.approveOrganisation(admin, org.id);
    return { owner, org };
  }

  describe('applying', () => {
    it('lists every identifier and territory problem at once', async () => {
      const owner = await client.signUp();
      const apply = (body: Record<string, unknown>) =>
        client.post('/api/organisations', { name: 'Les Jardins', ...body }, { token: owner.accessToken });

      const a = await apply({ profile: 'association', siren: '552100555', territoryCode: '99999' });
      expect(a.status).toBe(400);
      expect(fieldsOf(a.body)).toEqual(['siren', 'territoryCode']);

      const b = await apply({ profile: 'association', territoryCode: '00000' });
      expect(b.status).toBe(400);
      expect(fieldsOf(b.body)).toEqual(['rna', 'territoryCode']);

      const c = await apply({ profile: 'company', siren: '123456789', siret: '55210055400013', rna: 'X12345678' });
      expect(c.status).toBe(400);
      expect(fieldsOf(c.body)).toEqual(expect.arrayContaining(['siren', 'siret', 'rna']));

      const d = await apply({ profile: 'company' });
      expect(d.status).toBe(400);
      expect(fieldsOf(d.body)).toEqual(['siren']);

      const e = await apply({ profile: 'company', siret: '55210055400014' });
      expect(e.status).toBe(400);
      expect(fieldsOf(e.body)).toContain('siret');

      for (const body of [
        { profile: 'charity', rna: 'W751234567' },
        { name: '    ', profile: 'association', rna: 'W751234567' },
        { profile: 'association', rna: 'W751234567', status: 'approved' },
      ]) {
        expect((await apply(body)).status).toBe(400);
      }
      // Nothing was created by any of these.
      expect((await client.get('/api/organisations', { token: owner.accessToken })).body).toEqual([]);
    });

    it('accepts valid identifiers in their usual spellings and makes the applicant its admin, pending review', async () => {
      const owner = await client.signUp();
      const siren = randomSiren();
      const company = await client.post(
        '/api/organisations',
        { name: 'Entreprise Solidaire', profile: 'company', siret: siretOf(siren), territoryCode: 'r84' },
        { token: owner.accessToken },
      );
      expect(company.status).toBe(201);
      expect(company.body).toMatchObject({
        status: 'pending',
        siren,
        siret: siretOf(siren),
        territoryCode: 'R84',
        territoryName: expect.stringMatching(/Auvergne/),
      });

      const asso = await client.post(
        '/api/organisations',
        { name: 'Asso Lyonnaise', profile: 'association', siren: '552 100 554', territoryCode: '69123' },
        { token: owner.accessToken },
      );
      expect(asso.status).toBe(201);
      expect(asso.body).toMatchObject({ siren: '552100554', territoryCode: '69123', territoryName: expect.stringMatching(/^Lyon/) });

      for (const [profile, extra] of [
        ['association', { rna: 'w751234567', territoryCode: '69' }],
        ['foundation', { territoryCode: '75056' }],
        ['local_authority', { territoryCode: '2A004' }],
      ] as const) {
        const res = await client.post('/api/organisations', { name: `Org ${profile}`, profile, ...extra }, { token: owner.accessToken });
        expect({ profile, status: res.status }).toEqual({ profile, status: 201 });
      }

      const mine = await client.get('/api/organisations', { token: owner.accessToken });
      expect(mine.status).toBe(200);
      expect(mine.body).toHaveLength(5);
      expect(mine.body).toContainEqual({
        organisationId: company.body.id,
        organisationName: 'Entreprise Solidaire',
        organisationStatus: 'pending',
        role: 'admin',
        funds: false,
      });
      const me = await client.get('/api/me', { token: owner.accessToken });
      expect(me.body.memberships).toHaveLength(5);

      // Its admin may not invite before the review.
      const invite = await client.post(
        `/api/organisations/${company.body.id}/invitations`,
        { email: uniqueEmail(), role: 'member' },
        { token: owner.accessToken },
      );
      expect(invite.status).toBe(409);
    });

    it('shows an organisation to its members and platform admins only', async () => {
      const owner = await client.signUp();
      const stranger = await client.signUp();
      const org = await client.applyOrganisation(owner);
      expect((await client.get(`/api/organisations/${org.id}`, { token: owner.accessToken })).status).toBe(200);
      expect((await client.get(`/api/organisations/${org.id}`, { token: admin.accessToken })).status).toBe(200);
      const hidden = await client.get(`/api/organisations/${org.id}`, { token: stranger.accessToken });
      expect(hidden.status).toBe(404);
      expect(hidden.text).not.toContain(org.name);
      const missing = await client.get(`/api/organisations/00000000-0000-4000-8000-000000000000`, { token: stranger.accessToken });
      expect({ ...missing.body, requestId: undefined }).toEqual({ ...hidden.body, requestId: undefined });
      expect((await client.get(`/api/organisations/not-a-uuid`, { token: owner.accessToken })).status).toBe(400);
      // The member list is for members, not for browsing.
      expect((await client.get(`/api/organisations/${org.id}/members`, { token: stranger.accessToken })).status).toBe(404);
      expect((await client.get(`/api/organisations/${org.id}/members`, { token: admin.accessToken })).status).toBe(404);
      const members = await client.get(`/api/organisations/${org.id}/members`, { token: owner.accessToken });
      expect(members.body).toEqual([expect.objectContaining({ userId: owner.user.id, email: owner.email, role: 'admin' })]);
    });
  });

  describe('review', () => {
    it('hides every admin route from non-admins with 404', async () => {
      const user = await client.signUp();
      const org = await client.applyOrganisation(user);
      const calls = [
        () => client.get('/api/admin/organisations?status=pending', { token: user.accessToken }),
        () => client.post(`/api/admin/organisations/${org.id}/approve`, undefined, { token: user.accessToken }),
        () => client.post(`/api/admin/organisations/${org.id}/reject`, { reason: 'I reject myself' }, { token: user.accessToken }),
        () => client.get('/api/admin/audit', { token: user.accessToken }),
        () => client.get(`/api/admin/audit?organisationId=${org.id}`, { token: user.accessToken }),
      ];
      for (const call of calls) {
        const res = await call();
        expect(res.status).toBe(404);
        expect(res.text).not.toContain(org.id);
      }
      expect((await client.get(`/api/organisations/${org.id}`, { token: user.accessToken })).body.status).toBe('pending');
    });

    it('approves in the applicant language, once', async () => {
      const owner = await client.signUp({ displayName: 'Fr Owner' });
      const org = await client.applyOrganisation(owner, { name: 'Réseau Entraide Lyon' });
      const queue = await allPages(client, '/api/admin/organisations?status=pending', admin.accessToken);
      expect(queue).toContainEqual(
        expect.objectContaining({ id: org.id, status: 'pending', applicant: { displayName: 'Fr Owner', email: owner.email } }),
      );

      const before = readOutbox(api.dataDir).length;
      const res = await client.post(`/api/admin/organisations/${org.id}/approve`, undefined, { token: admin.accessToken });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: org.id, status: 'approved', reviewedAt: expect.any(String), rejectionReason: null });
      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(owner.email), { after: before });
      expect(mail.subject).toBe('Réseau Entraide Lyon est validée sur Alliances');
      expect(mail.text).toContain('Bonjour');

      const again = await client.post(`/api/admin/organisations/${org.id}/approve`, undefined, { token: admin.accessToken });
      expect(again.status).toBe(409);
      const reject = await client.post(
        `/api/admin/organisations/${org.id}/reject`,
        { reason: 'Changed my mind' },
        { token: admin.accessToken },
      );
      expect(reject.status).toBe(409);
      expect((await client.get(`/api/organisations/${org.id}`, { token: owner.accessToken })).body.status).toBe('approved');
      const pending = await allPages<{ id: string }>(client, '/api/admin/organisations', admin.accessToken);
      expect(pending.map((o) => o.id)).not.toContain(org.id);
      const approved = await allPages<{ id: string }>(client, '/api/admin/organisations?status=approved', admin.accessToken);
      expect(approved.map((o) => o.id)).toContain(org.id);
      // No second mail for the refused second decision.
      await new Promise((r) => setTimeout(r, 200));
      expect(
        readOutbox(api.dataDir)
          .slice(before)
          .filter((m) => m.to.includes(owner.email)),
      ).toHaveLength(1);
    });

    it('pages through a queue longer than a page, oldest first, each application once, rows sharing a millisecond included', async () => {
      const owner = await client.signUp();
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await client.applyOrganisation(owner, { name: `Queue ${i}` })).id);
      // Older than every other application, and within one millisecond: the cursor must keep the microseconds.
      for (const [i, id] of ids.entries())
        await sql(api, db, `UPDATE organisations SET created_at = $1 WHERE id = $2`, [`2020-01-01T00:00:00.000${i + 1}00Z`, id]);

      const first = await client.get('/api/admin/organisations?status=pending&limit=3', { token: admin.accessToken });
      expect(first.status).toBe(200);
      expect(first.body.items.map((o: { id: string }) => o.id)).toEqual(ids.slice(0, 3));
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: ApiResponse<Page<{ id: string }>> = await client.get(
          `/api/admin/organisations?status=pending&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          { token: admin.accessToken },
        );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((o) => o.id));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
      expect(seen.slice(0, 7)).toEqual(ids);

      // Default page size 50, at most 200; a cursor it did not make is a 400.
      expect((await client.get('/api/admin/organisations?limit=201', { token: admin.accessToken })).status).toBe(400);
      expect((await client.get('/api/admin/organisations?cursor=bm90LWEtY3Vyc29y', { token: admin.accessToken })).status).toBe(400);
      const whole = await client.get('/api/admin/organisations?status=pending', { token: admin.accessToken });
      expect(whole.body.items.length).toBeLessThanOrEqual(50);
    });

    it('rejects with a reason, in English for an English-speaking applicant', async () => {
      const owner = await client.signUp({ locale: 'en' });
      const org = await client.applyOrganisation(owner, { name: 'Garden Friends' });
      expect((await client.post(`/api/admin/organisations/${org.id}/reject`, {}, { token: admin.accessToken })).status).toBe(400);
      expect(
        (await client.post(`/api/admin/organisations/${org.id}/reject`, { reason: '      ' }, { token: admin.accessToken })).status,
      ).toBe(400);
      const before = readOutbox(api.dataDir).length;
      const res = await client.post(
        `/api/admin/organisations/${org.id}/reject`,
        { reason: 'The RNA number belongs to another association.' },
        { token: admin.accessToken },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'The RNA number belongs to another association.' });
      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(owner.email), { after: before });
      expect(mail.subject).toBe('Your application for Garden Friends was not approved');
      expect(mail.text).toContain('The RNA number belongs to another association.');
      expect((await client.get(`/api/organisations/${org.id}`, { token: owner.accessToken })).body).toMatchObject({
        status: 'rejected',
        rejectionReason: expect.any(String),
      });
      expect((await client.post(`/api/admin/organisations/${org.id}/approve`, undefined, { token: admin.accessToken })).status).toBe(409);
    });

    it('lets only one of two simultaneous decisions win', async () => {
      const owner = await client.signUp();
      const org = await client.applyOrganisation(owner);
      const results = await Promise.all([
        client.post(`/api/admin/organisations/${org.id}/approve`, undefined, { token: admin.accessToken }),
        client.post(`/api/admin/organisations/${org.id}/reject`, { reason: 'Duplicate application' }, { token: admin.accessToken }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('answers unknown or malformed ids and statuses without 500', async () => {
      expect(
        (
          await client.post('/api/admin/organisations/00000000-0000-4000-8000-000000000000/approve', undefined, {
            token: admin.accessToken,
          })
        ).status,
      ).toBe(404);
      expect((await client.post('/api/admin/organisations/nope/approve', undefined, { token: admin.accessToken })).status).toBe(400);
      expect((await client.get('/api/admin/organisations?status=deleted', { token: admin.accessToken })).status).toBe(400);
    });
  });

  describe('invitations', () => {
    let owner: Session;
    let org: { id: string; name: string };
    beforeAll(async () => ({ owner, org } = await approvedOrganisation({ name: 'Maison des Solidarités' })));

    it('goes from the mail link to membership, once, for the invited address only', async () => {
      const email = uniqueEmail('invitee');
      const before = readOutbox(api.dataDir).length;
      const created = await client.post(
        `/api/organisations/${org.id}/invitations`,
        { email: email.toUpperCase(), role: 'member' },
        { token: owner.accessToken },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ organisationId: org.id, email, role: 'member', acceptedAt: null });
      const expiresIn = Date.parse(created.body.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(6.9 * 86_400_000);
      expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);

      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(email), { after: before });
      expect(mail.subject).toBe('Invitation à rejoindre Maison des Solidarités sur Alliances');
      expect(mail.text).toMatch(new RegExp(`${PUBLIC_URL}/invitations/[A-Za-z0-9_-]{20,}`));
      const token = invitationTokenOf(mail);
      // The token is a capability: it is not stored or shown anywhere else.
      expect(JSON.stringify(created.body)).not.toContain(token);
      const listed = await client.get(`/api/organisations/${org.id}/invitations`, { token: owner.accessToken });
      expect(listed.body).toContainEqual(expect.objectContaining({ id: created.body.id, email }));
      expect(listed.text).not.toContain(token);
      expect(JSON.stringify(await sql(api, db, 'SELECT * FROM invitations WHERE id = $1', [created.body.id]))).not.toContain(token);

      const preview = await client.get(`/api/invitations/${token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        organisationName: 'Maison des Solidarités',
        email,
        role: 'member',
        expiresAt: created.body.expiresAt,
        status: 'valid',
      });

      // Somebody else who got hold of the link cannot use it, and does not spoil it.
      const intruder = await client.signUp();
      const wrong = await client.post(`/api/invitations/${token}/accept`, undefined, { token: intruder.accessToken });
      expect(wrong.status).toBe(403);
      expect((await client.get(`/api/organisations/${org.id}`, { token: intruder.accessToken })).status).toBe(404);
      expect((await client.get('/api/organisations', { token: intruder.accessToken })).body).toEqual([]);
      expect((await client.post(`/api/invitations/${token}/accept`)).status).toBe(401);

      const invitee = await client.signUp({ email });
      const accepted = await client.post(`/api/invitations/${token}/accept`, undefined, { token: invitee.accessToken });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        organisationId: org.id,
        organisationName: 'Maison des Solidarités',
        organisationStatus: 'approved',
        role: 'member',
      });
      const members = await client.get(`/api/organisations/${org.id}/members`, { token: invitee.accessToken });
      expect(members.body.map((m: { userId: string }) => m.userId).sort()).toEqual([owner.user.id, invitee.user.id].sort());

      // Single use.
      const reused = await client.post(`/api/invitations/${token}/accept`, undefined, { token: invitee.accessToken });
      expect(reused.status).toBeGreaterThanOrEqual(400);
      expect(reused.status).toBeLessThan(500);
      expect((await client.get(`/api/invitations/${token}`)).body.status).toBe('used');
      const pending = await client.get(`/api/organisations/${org.id}/invitations`, { token: owner.accessToken });
      expect(pending.body.map((i: { id: string }) => i.id)).not.toContain(created.body.id);

      // A plain member does not manage the organisation.
      expect(
        (
          await client.post(
            `/api/organisations/${org.id}/invitations`,
            { email: uniqueEmail(), role: 'admin' },
            { token: invitee.accessToken },
          )
        ).status,
      ).toBe(403);
      expect((await client.get(`/api/organisations/${org.id}/invitations`, { token: invitee.accessToken })).status).toBe(403);
      expect(
        (await client.patch(`/api/organisations/${org.id}/members/${invitee.user.id}`, { role: 'admin' }, { token: invitee.accessToken }))
          .status,
      ).toBe(403);
      expect((await client.delete(`/api/organisations/${org.id}/members/${owner.user.id}`, { token: invitee.accessToken })).status).toBe(
        403,
      );

      // Inviting a member again is a conflict.
      expect(
        (await client.post(`/api/organisations/${org.id}/invitations`, { email, role: 'member' }, { token: owner.accessToken })).status,
      ).toBe(409);
    });

    it('writes the mail in the language of an invitee who already has an account', async () => {
      const english = await client.signUp({ locale: 'en' });
      const { token } = await client.invite(owner, org.id, english.email, 'signatory', api.dataDir);
      const mail = readOutbox(api.dataDir)
        .reverse()
        .find((m) => m.to.includes(english.email))!;
      expect(mail.subject).toBe('Invitation to join Maison des Solidarités on Alliances');
      expect((await client.post(`/api/invitations/${token}/accept`, undefined, { token: english.accessToken })).body.role).toBe(
        'signatory',
      );
    });

    it('accepts a link only once even when clicked twice at the same time', async () => {
      const email = uniqueEmail('double');
      const { token } = await client.invite(owner, org.id, email, 'member', api.dataDir);
      const invitee = await client.signUp({ email });
      const results = await Promise.all(
        [0, 1].map(() => client.post(`/api/invitations/${token}/accept`, undefined, { token: invitee.accessToken })),
      );
      expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
      for (const r of results) expect(r.status).toBeLessThan(500);
    });

    it('refuses an expired invitation', async () => {
      const email = uniqueEmail('late');
      const { invitation, token } = await client.invite(owner, org.id, email, 'member', api.dataDir);
      await sql(api, db, "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [invitation.id]);
      expect((await client.get(`/api/invitations/${token}`)).body.status).toBe('expired');
      const invitee = await client.signUp({ email });
      const res = await client.post(`/api/invitations/${token}/accept`, undefined, { token: invitee.accessToken });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await client.get(`/api/organisations/${org.id}`, { token: invitee.accessToken })).status).toBe(404);
      const listed = await client.get(`/api/organisations/${org.id}/invitations`, { token: owner.accessToken });
      expect(listed.body.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
    });

    it('revokes a pending invitation, and only a pending one', async () => {
      const email = uniqueEmail('revoked');
      const { invitation, token } = await client.invite(owner, org.id, email, 'member', api.dataDir);
      const revoke = await client.delete(`/api/organisations/${org.id}/invitations/${invitation.id}`, { token: owner.accessToken });
      expect(revoke.status).toBe(204);
      expect((await client.get(`/api/invitations/${token}`)).status).toBe(404);
      const invitee = await client.signUp({ email });
      expect((await client.post(`/api/invitations/${token}/accept`, undefined, { token: invitee.accessToken })).status).toBe(404);
      expect((await client.delete(`/api/organisations/${org.id}/invitations/${invitation.id}`, { token: owner.accessToken })).status).toBe(
        404,
      );

      // An accepted invitation is history, not something to revoke.
      const joinerEmail = uniqueEmail('joiner');
      const accepted = await client.invite(owner, org.id, joinerEmail, 'member', api.dataDir);
      const joiner = await client.signUp({ email: joinerEmail });
      expect((await client.post(`/api/invitations/${accepted.token}/accept`, undefined, { token: joiner.accessToken })).status).toBe(200);
      expect(
        (await client.delete(`/api/organisations/${org.id}/invitations/${accepted.invitation.id}`, { token: owner.accessToken })).status,
      ).toBe(404);
      expect((await client.get(`/api/invitations/${accepted.token}`)).body.status).toBe('used');
    });

    it('answers unknown and malformed tokens without 500', async () => {
      expect((await client.get(`/api/invitations/${'x'.repeat(43)}`)).status).toBe(404);
      expect((await client.get('/api/invitations/short')).status).toBe(400);
      const someone = await client.signUp();
      expect((await client.post(`/api/invitations/${'y'.repeat(43)}/accept`, undefined, { token: someone.accessToken })).status).toBe(404);
      expect(
        (await client.post(`/api/organisations/${org.id}/invitations`, { email: 'nope', role: 'owner' }, { token: owner.accessToken }))
          .status,
      ).toBe(400);
    });
  });

  describe('members and roles', () => {
    it('changes roles, keeps at least one admin, and lets an admin remove a member', async () => {
      const { owner, org } = await approvedOrganisation();
      const second = await client.addMember(owner, org.id, 'member', api.dataDir);
      const third = await client.addMember(owner, org.id, 'signatory', api.dataDir);
      const url = (userId: string) => `/api/organisations/${org.id}/members/${userId}`;

      // The only admin can neither step down nor leave.
      expect((await client.patch(url(owner.user.id), { role: 'member' }, { token: owner.accessToken })).status).toBe(409);
      expect((await client.delete(url(owner.user.id), { token: owner.accessToken })).status).toBe(409);

      const promoted = await client.patch(url(second.user.id), { role: 'admin' }, { token: owner.accessToken });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toContainEqual(expect.objectContaining({ userId: second.user.id, role: 'admin' }));
      expect((await client.patch(url(second.user.id), { role: 'owner' }, { token: owner.accessToken })).status).toBe(400);

      // The new admin demotes the founder; now the new admin is the last one.
      expect((await client.patch(url(owner.user.id), { role: 'signatory' }, { token: second.accessToken })).status).toBe(200);
      expect((await client.patch(url(second.user.id), { role: 'member' }, { token: second.accessToken })).status).toBe(409);
      expect((await client.delete(url(second.user.id), { token: second.accessToken })).status).toBe(409);
      // The demoted founder has lost the admin rights.
      expect((await client.patch(url(third.user.id), { role: 'admin' }, { token: owner.accessToken })).status).toBe(403);
      expect((await client.delete(url(third.user.id), { token: owner.accessToken })).status).toBe(403);

      // Removing someone who is not a member is 404, whoever they are.
      const outsider = await client.signUp();
      expect((await client.patch(url(outsider.user.id), { role: 'admin' }, { token: second.accessToken })).status).toBe(404);
      expect((await client.delete(url(outsider.user.id), { token: second.accessToken })).status).toBe(404);

      const removed = await client.delete(url(third.user.id), { token: second.accessToken });
      expect(removed.status).toBe(204);
      expect((await client.get(`/api/organisations/${org.id}`, { token: third.accessToken })).status).toBe(404);
      expect((await client.get('/api/me', { token: third.accessToken })).body.memberships).toEqual([]);

      // A member may leave by themself.
      expect((await client.delete(url(owner.user.id), { token: owner.accessToken })).status).toBe(204);
      const members = await client.get(`/api/organisations/${org.id}/members`, { token: second.accessToken });
      expect(members.body).toEqual([expect.objectContaining({ userId: second.user.id, role: 'admin' })]);
    });

    it('keeps one admin when two admins demote each other at the same time', async () => {
      const { owner, org } = await approvedOrganisation();
      const other = await client.addMember(owner, org.id, 'admin', api.dataDir);
      const url = (userId: string) => `/api/organisations/${org.id}/members/${userId}`;
      const results = await Promise.all([
        client.patch(url(other.user.id), { role: 'member' }, { token: owner.accessToken }),
        client.patch(url(owner.user.id), { role: 'member' }, { token: other.accessToken }),
      ]);
      // The loser is refused: 409 (last admin) if both passed the admin check, 403 if it was already demoted.
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const members = await client.get(`/api/organisations/${org.id}/members`, { token: owner.accessToken });
      expect(members.body.filter((m: { role: string }) => m.role === 'admin')).toHaveLength(1);
    });
  });

  describe('territories', () => {
    it('finds Lyon by name and regions by code', async () => {
      const user = await client.signUp();
      const lyon = await client.get('/api/territories?q=lyon', { token: user.accessToken });
      expect(lyon.status).toBe(200);
      expect(lyon.body[0]).toMatchObject({ code: '69123', kind: 'commune' });
      const region = await client.get('/api/territories?q=R84', { token: user.accessToken });
      expect(region.body[0]).toMatchObject({ code: 'R84', kind: 'region' });
      expect((await client.get('/api/territories', { token: user.accessToken })).status).toBe(400);
    });
  });

  describe('audit log', () => {
    it('records sign-ins, reviews, invitations and role changes, for platform admins', async () => {
      const { owner, org } = await approvedOrganisation();
      const member = await client.addMember(owner, org.id, 'member', api.dataDir);
      await client.patch(`/api/organisations/${org.id}/members/${member.user.id}`, { role: 'signatory' }, { token: owner.accessToken });
      await client.delete(`/api/organisations/${org.id}/members/${member.user.id}`, { token: owner.accessToken });

      const res = await client.get(`/api/admin/audit?organisationId=${org.id}&limit=200`, { token: admin.accessToken });
      expect(res.status).toBe(200);
      const actions = (res.body.items as { action: string }[]).map((i) => i.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'organisation.applied',
          'organisation.approved',
          'invitation.created',
          'invitation.accepted',
          'membership.role_changed',
          'membership.removed',
        ]),
      );
      const change = res.body.items.find((i: { action: string }) => i.action === 'membership.role_changed');
      expect(change).toMatchObject({
        actorId: owner.user.id,
        objectId: member.user.id,
        details: { from: 'member', to: 'signatory' },
        actorName: expect.any(String),
      });

      const logins = await client.get(`/api/admin/audit?action=auth.login&actorId=${owner.user.id}`, { token: admin.accessToken });
      expect(logins.body.items.length).toBeGreaterThanOrEqual(1);
      expect(
        logins.body.items.every((i: { action: string; actorId: string }) => i.action === 'auth.login' && i.actorId === owner.user.id),
      ).toBe(true);

      // Newest first.
      const ats = (res.body.items as { at: string }[]).map((i) => Date.parse(i.at));
      expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    });

    it('pages through every entry exactly once, entries of one instant included', async () => {
      // Several entries written in one transaction share their timestamp; others land within one millisecond.
      await sql(
        api,
        db,
        `INSERT INTO audit_log (action, object_type, at) SELECT 'test.same_instant', 'test', now() FROM generate_series(1, 7)`,
      );
      await sql(
        api,
        db,
        `INSERT INTO audit_log (action, object_type, at)
         SELECT 'test.same_millisecond', 'test', date_trunc('milliseconds', now()) + make_interval(secs => n / 1000000.0) FROM generate_series(1, 900, 97) AS n`,
      );
      const all = await client.get('/api/admin/audit?limit=200', { token: admin.accessToken });
      expect(all.body.nextCursor).toBeNull();
      const expected = (all.body.items as { id: string }[]).map((i) => i.id);
      expect(expected.length).toBeGreaterThan(20);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(
          `/api/admin/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          { token: admin.accessToken },
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 500);
      expect(seen).toEqual(expected);
    });

    it('refuses bad paging parameters with 400', async () => {
      for (const query of [
        'limit=0',
        'limit=201',
        'limit=abc',
        'cursor=not-a-cursor',
        `cursor=${Buffer.from('2024-01-01|x').toString('base64url')}`,
        'actorId=nope',
      ]) {
        const res = await client.get(`/api/admin/audit?${query}`, { token: admin.accessToken });
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
    });
  });
});
