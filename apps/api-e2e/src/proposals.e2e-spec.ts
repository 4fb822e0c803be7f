import { randomUUID } from 'node:crypto';
import {
  ApiClient,
  createTestDatabase,
  randomSiren,
  readOutbox,
  sql,
  startApiProcess,
  testServerName,
  uniqueEmail,
  waitForMail,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Alliance, Proposal } from '@alliances/shared/contracts';
import { randomBytes } from 'node:crypto';

/**
 * Proposals between organisations, blocks, invitations of organisations not yet on the platform and
 * territorial catalysts (issue 14 items 4–6, docs/decisions/0015-proposals.md).
 */

const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';
const PUBLIC_URL = 'http://alliances.test';
const PER_DAY = 4;

const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe(`proposals (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD, PUBLIC_URL, AUTH_THROTTLE_IP_PER_MINUTE: '10000', PROPOSALS_PER_DAY: String(PER_DAY) },
    });
    client = new ApiClient(api.url);
    admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  interface Org {
    id: string;
    name: string;
    owner: Session;
  }

  /** An approved organisation, listed in the directory unless told otherwise. */
  async function organisation(
    options: { profile?: string; territoryCode?: string; listed?: boolean; owner?: Session; name?: string } = {},
  ): Promise<Org> {
    const owner = options.owner ?? (await client.signUp());
    const profile = options.profile ?? 'association';
    const name = options.name ?? `${profile} ${randomBytes(3).toString('hex')}`;
    const org = await client.applyOrganisation(owner, {
      name,
      profile,
      territoryCode: options.territoryCode ?? '69123',
      ...(profile === 'association' ? {} : { rna: undefined, siren: randomSiren() }),
    });
    await client.approveOrganisation(admin, org.id);
    // The directory's opt-in (PATCH /api/organisations/:id lands with the directory work).
    if (options.listed !== false) await sql(api, db, `UPDATE organisations SET listed = true WHERE id = $1`, [org.id]);
    return { id: org.id, name, owner };
  }

  const propose = (who: Session, body: Record<string, unknown>) => client.post('/api/proposals', body, { token: who.accessToken });
  const proposalCount = async () => (await sql<{ n: number }>(api, db, 'SELECT count(*)::int AS n FROM proposals'))[0].n;

  async function createAlliance(lead: Org, name = `Alliance ${randomBytes(3).toString('hex')}`, extra: Record<string, unknown> = {}) {
    const res = await client.post(
      '/api/alliances',
      {
        name,
        purpose: 'Accompagner les aidants',
        category: 'philanthropy',
        collectiveObjectives: ['engagement'],
        domains: ['health'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: lead.id,
        ...extra,
      },
      { token: lead.owner.accessToken },
    );
    expect(res.status).toBe(201);
    return res.body as Alliance;
  }

  describe('sending', () => {
    it('refuses a proposal in another organisation’s name, to itself, to an unlisted or unknown organisation, or malformed, storing nothing', async () => {
      const asso = await organisation();
      const company = await organisation({ profile: 'company' });
      const hidden = await organisation({ profile: 'company', listed: false });
      const pendingOwner = await client.signUp();
      const pending = await client.applyOrganisation(pendingOwner, { name: 'Pending Org' });
      await sql(api, db, `UPDATE organisations SET listed = true WHERE id = $1`, [pending.id]);
      const member = await client.addMember(asso.owner, asso.id, 'member', api.dataDir);
      const before = await proposalCount();
      const body = { fromOrganisationId: asso.id, toOrganisationId: company.id, message: 'Faisons alliance' };

      const stranger = await propose(company.owner, body);
      expect(stranger.status).toBe(404);
      expect(stranger.body.code).toBe('organisation.not_found');
      const notAdmin = await propose(member, body);
      expect(notAdmin.status).toBe(403);
      expect(notAdmin.body.code).toBe('organisation.admin_required');

      const self = await propose(asso.owner, { ...body, toOrganisationId: asso.id });
      expect(self.status).toBe(400);
      expect(self.body.code).toBe('proposal.to_self');
      expect(fieldsOf(self.body)).toEqual(['toOrganisationId']);

      for (const to of [hidden.id, pending.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await propose(asso.owner, { ...body, toOrganisationId: to });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('organisation.not_found');
      }
      const bad = await propose(asso.owner, { ...body, message: '   ', category: 'charity' });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['category', 'message']);
      const long = await propose(asso.owner, { ...body, message: 'x'.repeat(2001) });
      expect(fieldsOf(long.body)).toEqual(['message']);

      expect(await proposalCount()).toBe(before);
    });

    it('notifies the recipient’s admins in the app and by mail, and refuses a second pending proposal between the pair', async () => {
      const asso = await organisation({ name: `Jardins Partagés ${randomBytes(2).toString('hex')}` });
      const company = await organisation({ profile: 'company', owner: await client.signUp({ locale: 'en' }) });
      const colleague = await client.addMember(company.owner, company.id, 'admin', api.dataDir, { locale: 'fr' });
      const outbox = readOutbox(api.dataDir).length;

      const res = await propose(asso.owner, {
        fromOrganisationId: asso.id,
        toOrganisationId: company.id,
        message: 'Accompagnons ensemble les aidants de Lyon',
        category: 'societal_innovation',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'pending',
        from: { organisationId: asso.id, name: asso.name, profile: 'association', accepted: true },
        to: { organisationId: company.id, name: company.name, profile: 'company', accepted: false },
        category: 'societal_innovation',
        introducedBy: null,
        allianceId: null,
      });

      for (const person of [company.owner, colleague]) {
        const list = (await client.get('/api/notifications', { token: person.accessToken })).body;
        expect(list.items).toEqual([
          expect.objectContaining({
            type: 'proposal_received',
            link: `/organisations/${company.id}/proposals`,
            excerpt: expect.stringContaining('aidants'),
          }),
        ]);
      }
      // The proposer is not notified of its own proposal.
      expect((await client.get('/api/notifications', { token: asso.owner.accessToken })).body.items).toEqual([]);

      const mailEn = await waitForMail(api.dataDir, (m) => m.to.includes(company.owner.email), { after: outbox });
      expect(mailEn.subject).toBe(`${asso.name} proposes an alliance to ${company.name}`);
      expect(mailEn.text).toContain(`${PUBLIC_URL}/organisations/${company.id}/proposals`);
      const mailFr = await waitForMail(api.dataDir, (m) => m.to.includes(colleague.email), { after: outbox });
      expect(mailFr.subject).toBe(`${asso.name} propose une alliance à ${company.name}`);

      for (const [who, from, to] of [
        [asso.owner, asso.id, company.id],
        [company.owner, company.id, asso.id],
      ] as const) {
        const again = await propose(who, { fromOrganisationId: from, toOrganisationId: to, message: 'Encore' });
        expect(again.status).toBe(409);
        expect(again.body.code).toBe('proposal.duplicate_pending');
      }
    });

    it(`stops an organisation at ${PER_DAY} proposals a day with 429`, async () => {
      const sender = await organisation();
      const recipients = await Promise.all(Array.from({ length: PER_DAY + 1 }, () => organisation({ profile: 'company' })));
      for (const r of recipients.slice(0, PER_DAY)) {
        expect((await propose(sender.owner, { fromOrganisationId: sender.id, toOrganisationId: r.id, message: 'Bonjour' })).status).toBe(
          201,
        );
      }
      const before = await proposalCount();
      const over = await propose(sender.owner, {
        fromOrganisationId: sender.id,
        toOrganisationId: recipients[PER_DAY].id,
        message: 'Bonjour',
      });
      expect(over.status).toBe(429);
      expect(over.body.code).toBe('proposal.rate_limited');
      expect(await proposalCount()).toBe(before);
    });
  });

  describe('under concurrency', () => {
    it('keeps the daily quota and decides a proposal once when requests race', async () => {
      const sender = await organisation();
      const recipients = await Promise.all(Array.from({ length: PER_DAY + 2 }, () => organisation({ profile: 'company' })));
      const statuses = await Promise.all(
        recipients.map((r) => propose(sender.owner, { fromOrganisationId: sender.id, toOrganisationId: r.id, message: 'En même temps' })),
      ).then((all) => all.map((res) => res.status).sort());
      expect(statuses).toEqual([...Array(PER_DAY).fill(201), 429, 429]);

      const company = await organisation({ profile: 'company' });
      const asso = await organisation();
      const p = (await propose(asso.owner, { fromOrganisationId: asso.id, toOrganisationId: company.id, message: 'Vite' })).body;
      const answers = await Promise.all([
        client.post(`/api/proposals/${p.id}/accept`, undefined, { token: company.owner.accessToken }),
        client.post(`/api/proposals/${p.id}/accept`, undefined, { token: company.owner.accessToken }),
        client.post(`/api/proposals/${p.id}/decline`, {}, { token: company.owner.accessToken }),
      ]);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(2);
      // Whichever answer won, the alliance seats follow it.
      const decided = (await client.get(`/api/proposals/${p.id}`, { token: asso.owner.accessToken })).body.status;
      expect(['accepted', 'declined']).toContain(decided);
      const seats = await sql(api, db, `SELECT count(*)::int AS n FROM alliance_members WHERE organisation_id = $1`, [company.id]);
      expect(seats[0].n).toBe(decided === 'accepted' ? 1 : 0);
    });
  });

  describe('boxes', () => {
    it('lists received and sent proposals for the organisation’s members only, page by page', async () => {
      const company = await organisation({ profile: 'company' });
      const senders = await Promise.all([organisation(), organisation(), organisation()]);
      const sent: Proposal[] = [];
      for (const s of senders) {
        const res = await propose(s.owner, { fromOrganisationId: s.id, toOrganisationId: company.id, message: `De ${s.name}` });
        sent.push(res.body);
      }
      const member = await client.addMember(company.owner, company.id, 'member', api.dataDir);
      const received = (await client.get(`/api/proposals?organisationId=${company.id}&box=received&limit=2`, { token: member.accessToken }))
        .body;
      expect(received.items.map((p: Proposal) => p.id)).toEqual([sent[2].id, sent[1].id]);
      const next = (
        await client.get(`/api/proposals?organisationId=${company.id}&box=received&limit=2&cursor=${received.nextCursor}`, {
          token: member.accessToken,
        })
      ).body;
      expect(next).toEqual({ items: [expect.objectContaining({ id: sent[0].id })], nextCursor: null });
      expect((await client.get(`/api/proposals?organisationId=${company.id}&box=sent`, { token: member.accessToken })).body.items).toEqual(
        [],
      );
      const mine = (await client.get(`/api/proposals?organisationId=${senders[0].id}&box=sent`, { token: senders[0].owner.accessToken }))
        .body;
      expect(mine.items.map((p: Proposal) => p.id)).toEqual([sent[0].id]);
      expect(
        (await client.get(`/api/proposals?organisationId=${company.id}&status=declined`, { token: member.accessToken })).body.items,
      ).toEqual([]);

      // Outsiders: 404 for the box and for one proposal; either side's members read it.
      const outsider = await organisation();
      expect((await client.get(`/api/proposals?organisationId=${company.id}`, { token: outsider.owner.accessToken })).status).toBe(404);
      expect((await client.get(`/api/proposals/${sent[0].id}`, { token: outsider.owner.accessToken })).status).toBe(404);
      expect((await client.get(`/api/proposals/${sent[0].id}`, { token: senders[0].owner.accessToken })).status).toBe(200);
      expect((await client.get(`/api/proposals/${sent[0].id}`, { token: member.accessToken })).body.id).toBe(sent[0].id);
      expect((await client.get(`/api/proposals/${sent[1].id}`, { token: senders[0].owner.accessToken })).status).toBe(404);
    });
  });

  describe('answers', () => {
    it('accepting creates a draft alliance led by the proposer with the recipient as active partner, and notifies the proposer', async () => {
      const asso = await organisation();
      const company = await organisation({ profile: 'company' });
      const member = await client.addMember(company.owner, company.id, 'member', api.dataDir);
      const p = (
        await propose(asso.owner, {
          fromOrganisationId: asso.id,
          toOrganisationId: company.id,
          message: 'Un projet commun',
          category: 'economic_cooperation',
        })
      ).body as Proposal;

      const byProposer = await client.post(`/api/proposals/${p.id}/accept`, undefined, { token: asso.owner.accessToken });
      expect(byProposer.status).toBe(403);
      expect(byProposer.body.code).toBe('proposal.recipient_only');
      const byMember = await client.post(`/api/proposals/${p.id}/accept`, undefined, { token: member.accessToken });
      expect(byMember.status).toBe(403);
      const byOutsider = await client.post(`/api/proposals/${p.id}/accept`, undefined, { token: (await client.signUp()).accessToken });
      expect(byOutsider.status).toBe(404);

      const accepted = await client.post(`/api/proposals/${p.id}/accept`, undefined, { token: company.owner.accessToken });
      expect(accepted.status).toBe(200);
      const allianceId = accepted.body.allianceId as string;
      expect(allianceId).toMatch(/^[0-9a-f-]{36}$/);
      const alliance = (await client.get(`/api/alliances/${allianceId}`, { token: asso.owner.accessToken })).body as Alliance;
      expect(alliance).toMatchObject({
        name: `Alliance ${asso.name} – ${company.name}`,
        purpose: 'Un projet commun',
        category: 'economic_cooperation',
        status: 'draft',
      });
      expect(alliance.members.map((m) => [m.organisationId, m.role, m.status])).toEqual([
        [asso.id, 'lead', 'active'],
        [company.id, 'partner', 'active'],
      ]);
      expect(alliance.can.edit).toBe(true);
      expect((await client.get(`/api/alliances/${allianceId}`, { token: company.owner.accessToken })).status).toBe(200);
      expect((await client.get(`/api/proposals/${p.id}`, { token: asso.owner.accessToken })).body).toMatchObject({
        status: 'accepted',
        allianceId,
        decidedAt: expect.any(String),
      });
      const notes = (await client.get('/api/notifications', { token: asso.owner.accessToken })).body.items;
      expect(notes).toEqual([expect.objectContaining({ type: 'proposal_accepted', allianceId, link: `/alliances/${allianceId}` })]);

      const twice = await client.post(`/api/proposals/${p.id}/accept`, undefined, { token: company.owner.accessToken });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('proposal.already_decided');
      expect((await client.post(`/api/proposals/${p.id}/decline`, {}, { token: company.owner.accessToken })).status).toBe(409);
      const audit = await sql(api, db, `SELECT action FROM audit_log WHERE object_id = $1 ORDER BY at`, [p.id]);
      expect(audit.map((a) => a.action)).toEqual(['proposal.created', 'proposal.accepted']);
    });

    it('accepting a proposal to join an alliance seats the recipient in that alliance; only an alliance the proposer leads may be proposed', async () => {
      const asso = await organisation();
      const company = await organisation({ profile: 'company' });
      const other = await organisation();
      const alliance = await createAlliance(asso);
      const foreign = await createAlliance(other);

      const invisible = await propose(asso.owner, {
        fromOrganisationId: asso.id,
        toOrganisationId: company.id,
        message: 'Rejoignez-nous',
        allianceId: foreign.id,
      });
      expect(invisible.status).toBe(404);
      // A partner of an alliance cannot propose it: it is not its lead.
      const partnerOrg = await organisation();
      await client.post(
        `/api/alliances/${foreign.id}/members`,
        { organisationId: partnerOrg.id, role: 'partner' },
        { token: other.owner.accessToken },
      );
      await client.post(`/api/alliances/${foreign.id}/members/${partnerOrg.id}/accept`, undefined, { token: partnerOrg.owner.accessToken });
      const notLead = await propose(partnerOrg.owner, {
        fromOrganisationId: partnerOrg.id,
        toOrganisationId: company.id,
        message: 'Rejoignez-nous',
        allianceId: foreign.id,
      });
      expect(notLead.status).toBe(400);
      expect(notLead.body.code).toBe('proposal.alliance_not_led');
      expect(fieldsOf(notLead.body)).toEqual(['allianceId']);

      const p = (
        await propose(asso.owner, {
          fromOrganisationId: asso.id,
          toOrganisationId: company.id,
          message: 'Rejoignez-nous',
          allianceId: alliance.id,
        })
      ).body as Proposal;
      expect(p.allianceId).toBe(alliance.id);
      const accepted = await client.post(`/api/proposals/${p.id}/accept`, undefined, { token: company.owner.accessToken });
      expect(accepted.body).toEqual({ allianceId: alliance.id });
      const members = (await client.get(`/api/alliances/${alliance.id}`, { token: company.owner.accessToken })).body.members;
      expect(members).toEqual(
        expect.arrayContaining([expect.objectContaining({ organisationId: company.id, role: 'partner', status: 'active' })]),
      );
    });

    it('the recipient declines with a reason, the proposer withdraws; each only once', async () => {
      const asso = await organisation();
      const company = await organisation({ profile: 'company' });
      const p = (await propose(asso.owner, { fromOrganisationId: asso.id, toOrganisationId: company.id, message: 'Proposition' })).body;
      expect((await client.post(`/api/proposals/${p.id}/decline`, {}, { token: asso.owner.accessToken })).body.code).toBe(
        'proposal.recipient_only',
      );
      const declined = await client.post(
        `/api/proposals/${p.id}/decline`,
        { reason: 'Pas cette année' },
        { token: company.owner.accessToken },
      );
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Pas cette année' });
      expect((await client.get(`/api/proposals/${p.id}`, { token: asso.owner.accessToken })).body.declineReason).toBe('Pas cette année');
      const notes = (await client.get('/api/notifications', { token: asso.owner.accessToken })).body.items;
      expect(notes).toEqual([expect.objectContaining({ type: 'proposal_declined', excerpt: 'Pas cette année' })]);
      expect((await client.post(`/api/proposals/${p.id}/decline`, {}, { token: company.owner.accessToken })).status).toBe(409);
      // The pair may try again once nothing is pending.
      const second = (await propose(asso.owner, { fromOrganisationId: asso.id, toOrganisationId: company.id, message: 'Autre idée' })).body;
      const byRecipient = await client.post(`/api/proposals/${second.id}/withdraw`, undefined, { token: company.owner.accessToken });
      expect(byRecipient.status).toBe(403);
      expect(byRecipient.body.code).toBe('proposal.sender_only');
      const withdrawn = await client.post(`/api/proposals/${second.id}/withdraw`, undefined, { token: asso.owner.accessToken });
      expect(withdrawn.body.status).toBe('withdrawn');
      expect((await client.post(`/api/proposals/${second.id}/withdraw`, undefined, { token: asso.owner.accessToken })).status).toBe(409);
    });
  });

  describe('blocks', () => {
    it('an admin blocks an organisation: its pending proposals are declined and new ones refused until unblocked', async () => {
      const company = await organisation({ profile: 'company' });
      const pest = await organisation();
      const member = await client.addMember(company.owner, company.id, 'member', api.dataDir);
      const pending = (await propose(pest.owner, { fromOrganisationId: pest.id, toOrganisationId: company.id, message: 'Achetez' })).body;

      const B = `/api/organisations/${company.id}/blocks`;
      expect((await client.post(B, { organisationId: pest.id }, { token: member.accessToken })).status).toBe(403);
      expect((await client.post(B, { organisationId: pest.id }, { token: pest.owner.accessToken })).status).toBe(404);
      const self = await client.post(B, { organisationId: company.id }, { token: company.owner.accessToken });
      expect(self.status).toBe(400);
      expect(self.body.code).toBe('organisation_block.self');
      const blocked = await client.post(B, { organisationId: pest.id }, { token: company.owner.accessToken });
      expect(blocked.status).toBe(201);
      expect(blocked.body).toEqual([{ organisationId: pest.id, name: pest.name, createdAt: expect.any(String) }]);
      expect((await client.get(B, { token: company.owner.accessToken })).body).toHaveLength(1);
      expect((await client.get(B, { token: pest.owner.accessToken })).status).toBe(404);
      expect((await client.get(`/api/proposals/${pending.id}`, { token: pest.owner.accessToken })).body.status).toBe('declined');

      const before = await proposalCount();
      const refused = await propose(pest.owner, { fromOrganisationId: pest.id, toOrganisationId: company.id, message: 'Encore' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('proposal.blocked');
      expect(await proposalCount()).toBe(before);
      // The blocker itself may still propose.
      expect(
        (await propose(company.owner, { fromOrganisationId: company.id, toOrganisationId: pest.id, message: 'Plutôt ceci' })).status,
      ).toBe(201);

      expect((await client.delete(`${B}/${pest.id}`, { token: company.owner.accessToken })).status).toBe(204);
      expect((await client.get(B, { token: company.owner.accessToken })).body).toEqual([]);
    });
  });

  describe('external invitations', () => {
    it('invites an organisation by e-mail; it signs up, applies with the token and, once approved, is a pending partner', async () => {
      const lead = await organisation({ owner: await client.signUp({ locale: 'fr' }) });
      const partner = await organisation({ profile: 'company' });
      const alliance = await createAlliance(lead, `Alliance Aidants ${randomBytes(2).toString('hex')}`);
      await client.post(
        `/api/alliances/${alliance.id}/members`,
        { organisationId: partner.id, role: 'partner' },
        { token: lead.owner.accessToken },
      );
      await client.post(`/api/alliances/${alliance.id}/members/${partner.id}/accept`, undefined, { token: partner.owner.accessToken });
      const leadMember = await client.addMember(lead.owner, lead.id, 'member', api.dataDir);
      const I = `/api/alliances/${alliance.id}/invitations`;
      const email = uniqueEmail('newcomer');
      const body = { email, organisationName: 'Les Nouveaux Venus' };

      expect((await client.post(I, body, { token: (await client.signUp()).accessToken })).status).toBe(404);
      expect((await client.post(I, body, { token: partner.owner.accessToken })).status).toBe(403);
      expect((await client.post(I, body, { token: leadMember.accessToken })).status).toBe(403);
      expect(fieldsOf((await client.post(I, { email: 'nope', organisationName: '' }, { token: lead.owner.accessToken })).body)).toEqual([
        'email',
        'organisationName',
      ]);

      const outbox = readOutbox(api.dataDir).length;
      const created = await client.post(I, body, { token: lead.owner.accessToken });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ allianceId: alliance.id, email, organisationName: 'Les Nouveaux Venus', status: 'sent' });
      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(email), { after: outbox });
      expect(mail.subject).toBe(`${lead.name} invite Les Nouveaux Venus dans l'alliance ${alliance.name}`);
      const token = /\/register\?allianceInvitation=([A-Za-z0-9_-]{20,})/.exec(mail.text)?.[1] as string;
      expect(mail.text).toContain(`${PUBLIC_URL}/register?allianceInvitation=${token}`);
      // Only the token's hash is stored.
      expect(await sql(api, db, `SELECT 1 FROM alliance_external_invitations WHERE token_hash = $1`, [token])).toEqual([]);

      const preview = await client.get(`/api/alliance-invitations/${token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        allianceName: alliance.name,
        leadName: lead.name,
        organisationName: 'Les Nouveaux Venus',
        email,
        status: 'valid',
        expiresAt: expect.any(String),
      });
      expect((await client.get(`/api/alliance-invitations/${'x'.repeat(43)}`)).status).toBe(404);

      const newcomer = await client.signUp({ email });
      const applied = await client.post(
        '/api/organisations',
        { name: 'Les Nouveaux Venus', profile: 'association', rna: 'W691234567', territoryCode: '69123', allianceInvitationToken: token },
        { token: newcomer.accessToken },
      );
      expect(applied.status).toBe(201);
      const reused = await client.post(
        '/api/organisations',
        { name: 'Autre', profile: 'association', rna: 'W691234568', allianceInvitationToken: token },
        { token: (await client.signUp()).accessToken },
      );
      expect(reused.status).toBe(410);
      expect(reused.body.code).toBe('alliance_invitation.used');
      const unknown = await client.post(
        '/api/organisations',
        { name: 'Autre', profile: 'association', rna: 'W691234568', allianceInvitationToken: 'y'.repeat(43) },
        { token: newcomer.accessToken },
      );
      expect(unknown.status).toBe(404);
      expect((await client.get('/api/organisations', { token: newcomer.accessToken })).body).toHaveLength(1);
      expect((await client.get(I, { token: lead.owner.accessToken })).body).toEqual([expect.objectContaining({ status: 'applied' })]);
      // Not a member before approval.
      expect((await client.get(`/api/alliances/${alliance.id}`, { token: newcomer.accessToken })).status).toBe(404);

      await client.approveOrganisation(admin, applied.body.id);
      const seen = (await client.get(`/api/alliances/${alliance.id}`, { token: lead.owner.accessToken })).body as Alliance;
      expect(seen.members).toEqual(
        expect.arrayContaining([expect.objectContaining({ organisationId: applied.body.id, role: 'partner', status: 'invited' })]),
      );
      expect((await client.get(I, { token: lead.owner.accessToken })).body).toEqual([expect.objectContaining({ status: 'joined' })]);
      const joined = await client.post(`/api/alliances/${alliance.id}/members/${applied.body.id}/accept`, undefined, {
        token: newcomer.accessToken,
      });
      expect(joined.status).toBe(200);
      expect(joined.body.members).toEqual(
        expect.arrayContaining([expect.objectContaining({ organisationId: applied.body.id, status: 'active' })]),
      );
    });
  });

  describe('territorial catalysts', () => {
    it('only the platform admin grants départements or régions; members see the grant', async () => {
      const catalyst = await organisation({ territoryCode: '13055' });
      const G = `/api/admin/organisations/${catalyst.id}/catalyst`;
      expect((await client.call('PUT', G, { token: catalyst.owner.accessToken, body: { territoryCodes: ['R94'] } })).status).toBe(404);
      const bad = await client.call('PUT', G, { token: admin.accessToken, body: { territoryCodes: ['2A', '69123', 'ZZ', 'R84'] } });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['territoryCodes.1', 'territoryCodes.2']);
      const granted = await client.call('PUT', G, { token: admin.accessToken, body: { territoryCodes: ['r94', '13'] } });
      expect(granted.status).toBe(200);
      expect(granted.body.territories).toEqual([
        { code: '13', name: 'Bouches-du-Rhône', kind: 'departement' },
        { code: 'R94', name: 'Corse', kind: 'region' },
      ]);
      expect((await client.get(`/api/catalyst?organisationId=${catalyst.id}`, { token: catalyst.owner.accessToken })).body).toEqual(
        granted.body,
      );
      expect((await client.get(`/api/catalyst?organisationId=${catalyst.id}`, { token: admin.accessToken })).status).toBe(404);
      // The console reads the grant it is about to change; the catalyst's own people may not use that route.
      expect((await client.get(G, { token: admin.accessToken })).body).toEqual(granted.body);
      expect((await client.get(G, { token: catalyst.owner.accessToken })).status).toBe(404);
      expect((await client.get(`/api/admin/organisations/${randomUUID()}/catalyst`, { token: admin.accessToken })).status).toBe(404);
      const revoked = await client.call('PUT', G, { token: admin.accessToken, body: { territoryCodes: [] } });
      expect(revoked.body).toMatchObject({ territories: [], grantedAt: null });
      const view = await client.get(`/api/catalyst/territory?organisationId=${catalyst.id}&territory=13`, {
        token: catalyst.owner.accessToken,
      });
      expect(view.status).toBe(404);
      expect(view.body.code).toBe('catalyst.not_found');
    });

    it('shows counts of the territory only, and introduces two organisations who must both accept', async () => {
      const catalyst = await organisation({ territoryCode: '13055' });
      await client.call('PUT', `/api/admin/organisations/${catalyst.id}/catalyst`, {
        token: admin.accessToken,
        body: { territoryCodes: ['R94'] },
      });
      const catalystMember = await client.addMember(catalyst.owner, catalyst.id, 'member', api.dataDir);
      const asso = await organisation({ territoryCode: '2A004', name: `Secret Asso ${randomBytes(2).toString('hex')}` });
      const company = await organisation({
        profile: 'company',
        territoryCode: '2B033',
        name: `Secret Company ${randomBytes(2).toString('hex')}`,
      });
      const hidden = await organisation({ profile: 'company', territoryCode: '2A004', listed: false });
      const faraway = await organisation({ territoryCode: '69123' });
      const alliance = await createAlliance(asso, `Secret Alliance ${randomBytes(2).toString('hex')}`, {
        category: 'responsible_practices',
        domains: ['health', 'food'],
        territoryCodes: ['2A004'],
      });

      const V = `/api/catalyst/territory?organisationId=${catalyst.id}`;
      const region = await client.get(`${V}&territory=R94`, { token: catalystMember.accessToken });
      expect(region.status).toBe(200);
      expect(region.body).toEqual({
        territoryCodes: ['R94'],
        organisations: { total: 3, listed: 2, byProfile: { association: 1, company: 2 } },
        alliances: { total: 1, byCategory: { responsible_practices: 1 }, byDomain: { health: 1, food: 1 }, byStatus: { draft: 1 } },
      });
      for (const secret of [asso.name, company.name, alliance.name, alliance.id, asso.id, hidden.id])
        expect(region.text).not.toContain(secret);
      const corseDuSud = await client.get(`${V}&territory=2a`, { token: catalystMember.accessToken });
      expect(corseDuSud.body.organisations).toEqual({ total: 2, listed: 1, byProfile: { association: 1, company: 1 } });
      const outside = await client.get(`${V}&territory=69`, { token: catalystMember.accessToken });
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('catalyst.outside_territory');
      expect((await client.get(`${V}&territory=2A004`, { token: catalystMember.accessToken })).status).toBe(400);
      expect((await client.get(`${V}&territory=R94`, { token: asso.owner.accessToken })).status).toBe(404);

      const I = '/api/catalyst/introductions';
      const body = { catalystOrganisationId: catalyst.id, organisationIds: [asso.id, company.id], message: 'Vous devriez vous parler' };
      expect((await client.post(I, body, { token: catalystMember.accessToken })).status).toBe(403);
      expect((await client.post(I, body, { token: asso.owner.accessToken })).status).toBe(404);
      expect((await client.post(I, { ...body, organisationIds: [asso.id, hidden.id] }, { token: catalyst.owner.accessToken })).status).toBe(
        404,
      );
      const far = await client.post(I, { ...body, organisationIds: [asso.id, faraway.id] }, { token: catalyst.owner.accessToken });
      expect(far.status).toBe(403);
      expect(far.body.code).toBe('catalyst.outside_territory');
      expect((await client.post(I, { ...body, organisationIds: [asso.id, asso.id] }, { token: catalyst.owner.accessToken })).status).toBe(
        400,
      );

      const outbox = readOutbox(api.dataDir).length;
      const introduced = await client.post(I, body, { token: catalyst.owner.accessToken });
      expect(introduced.status).toBe(201);
      expect(introduced.body).toMatchObject({
        status: 'pending',
        introducedBy: { organisationId: catalyst.id, name: catalyst.name },
        from: { organisationId: asso.id, accepted: false },
        to: { organisationId: company.id, accepted: false },
      });
      const id = introduced.body.id as string;
      for (const side of [asso, company]) {
        const notes = (await client.get('/api/notifications', { token: side.owner.accessToken })).body.items;
        expect(notes).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'introduction_received', link: `/organisations/${side.id}/proposals` })]),
        );
        await waitForMail(api.dataDir, (m) => m.to.includes(side.owner.email) && m.subject.includes(catalyst.name), { after: outbox });
      }
      expect(
        (await client.get(`/api/proposals?organisationId=${catalyst.id}&box=sent`, { token: catalystMember.accessToken })).body.items,
      ).toHaveLength(1);
      expect(
        (await client.get(`/api/proposals?organisationId=${asso.id}&box=received`, { token: asso.owner.accessToken })).body.items,
      ).toHaveLength(1);

      const first = await client.post(`/api/proposals/${id}/accept`, undefined, { token: company.owner.accessToken });
      expect(first.body).toEqual({ allianceId: null });
      const again = await client.post(`/api/proposals/${id}/accept`, undefined, { token: company.owner.accessToken });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('proposal.already_accepted');
      expect((await client.post(`/api/proposals/${id}/accept`, undefined, { token: catalyst.owner.accessToken })).status).toBe(403);
      expect((await client.get(`/api/proposals/${id}`, { token: asso.owner.accessToken })).body).toMatchObject({
        status: 'pending',
        to: { accepted: true },
        from: { accepted: false },
      });
      const second = await client.post(`/api/proposals/${id}/accept`, undefined, { token: asso.owner.accessToken });
      expect(second.status).toBe(200);
      const created = (await client.get(`/api/alliances/${second.body.allianceId}`, { token: company.owner.accessToken })).body as Alliance;
      expect(created.status).toBe('draft');
      expect(created.members.map((m) => [m.organisationId, m.role, m.status])).toEqual([
        [asso.id, 'lead', 'active'],
        [company.id, 'partner', 'active'],
      ]);
      // The catalyst introduced them; it holds no seat.
      expect((await client.get(`/api/alliances/${second.body.allianceId}`, { token: catalyst.owner.accessToken })).status).toBe(404);
    });
  });
});
