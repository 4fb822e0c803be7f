import {
  ApiClient,
  CollabClient,
  createTestDatabase,
  GOOD_PASSWORD,
  readOutbox,
  startApiProcess,
  waitForMail,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

/**
 * Alliances that change (issue 16, point 2; docs/decisions/0020-leaving-and-closing.md): the lead edits
 * the profile (each change journaled with its value before and after), an organisation leaves or is
 * removed (its signatures stay with the versions it signed; the next version awaits the others), the
 * lead hands over to an accepted partner, and a closed alliance keeps a final note and refuses every
 * write, whichever domain it goes to.
 */
const ENV = {
  ADMIN_EMAIL: 'admin@alliance-changes.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

interface JournalEntry {
  action: string;
  details: Record<string, unknown> | null;
}

describe('alliances that change', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partner: Session;
  let partnerMember: Session;
  let leaver: Session;
  let funder: Session;
  let invited: Session;
  let decliner: Session;
  let outsider: Session;
  const orgs: Record<'lead' | 'partner' | 'leaver' | 'funder' | 'invited' | 'declined' | 'outsider', string> = {
    lead: '',
    partner: '',
    leaver: '',
    funder: '',
    invited: '',
    declined: '',
    outsider: '',
  };
  let allianceId: string;
  let A: string;

  const alliance = async (s: Session) => (await api.get(A, { token: s.accessToken })).body;
  const journal = async (s: Session): Promise<JournalEntry[]> =>
    (await api.get(`${A}/audit?limit=200`, { token: s.accessToken })).body.items;
  const sign = (s: Session, version: number, organisationId: string, sha256: string) =>
    api.post(`${A}/charter/versions/${version}/signatures`, { organisationId, sha256 }, { token: s.accessToken });
  const write = async (s: Session, section: string, text: string) => {
    const c = await CollabClient.join(proc.url, s.accessToken, allianceId);
    c.paragraph(section, text);
    await c.flush();
    c.close();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, leaver, funder, invited, decliner, outsider] = await Promise.all(
      ['Léa Pilote', 'Paul Partenaire', 'Louise Départ', 'Fanny Fondation', 'Ines Invitée', 'Denis Décline', 'Oscar Dehors'].map(
        (displayName) => api.signUp({ displayName }),
      ),
    );
    const named: [keyof typeof orgs, Session, string][] = [
      ['lead', lead, 'Pilote Solidaire'],
      ['partner', partner, 'Partenaire Fidèle'],
      ['leaver', leaver, 'Partenaire Sortant'],
      ['funder', funder, 'Fondation Amie'],
      ['invited', invited, 'Invitée Hésitante'],
      ['declined', decliner, 'Invitée Refusante'],
      ['outsider', outsider, 'Hors Alliance'],
    ];
    for (const [key, s, name] of named) {
      orgs[key] = (await api.applyOrganisation(s, { name })).id;
      await api.approveOrganisation(admin, orgs[key]);
    }
    partnerMember = await api.addMember(partner, orgs.partner, 'member', proc.dataDir, { displayName: 'Marc Membre' });
    const created = await api.post(
      '/api/alliances',
      {
        name: 'Alliance Changeante',
        purpose: 'Une alliance qui vit et change',
        category: 'economic_cooperation',
        collectiveObjectives: ['territory'],
        domains: ['mobility'],
        scale: 'local',
        territoryCodes: ['69123'],
        innovationStage: 'experimentation',
        organisationId: orgs.lead,
      },
      { token: lead.accessToken },
    );
    expect(created.status).toBe(201);
    allianceId = created.body.id;
    A = `/api/alliances/${allianceId}`;
    for (const [key, role, s, answer] of [
      ['partner', 'partner', partner, 'accept'],
      ['leaver', 'partner', leaver, 'accept'],
      ['funder', 'funder', funder, 'accept'],
      ['invited', 'partner', invited, null],
      ['declined', 'partner', decliner, 'decline'],
    ] as const) {
      expect((await api.post(`${A}/members`, { organisationId: orgs[key], role }, { token: lead.accessToken })).status).toBe(201);
      if (answer) expect((await api.post(`${A}/members/${orgs[key]}/${answer}`, undefined, { token: s.accessToken })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  describe('editing the profile', () => {
    it('lets the lead change category, collective objectives, domains, scale, territories and innovation stage, each journaled with before and after', async () => {
      const { version } = await alliance(lead);
      const res = await api.patch(
        A,
        {
          category: 'societal_innovation',
          collectiveObjectives: ['territory', 'engagement'],
          domains: ['mobility', 'employment'],
          scale: 'departmental',
          territoryCodes: ['69'],
          innovationStage: 'scaling',
          name: 'Alliance Changeante',
          version,
        },
        { token: lead.accessToken },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        category: 'societal_innovation',
        collectiveObjectives: ['territory', 'engagement'],
        domains: ['mobility', 'employment'],
        scale: 'departmental',
        territories: [{ code: '69', name: 'Rhône' }],
        innovationStage: 'scaling',
        version: version + 1,
      });
      const [entry] = (await journal(partner)).filter((e) => e.action === 'alliance.updated');
      // Only what changed: the name was sent unchanged.
      expect(entry.details).toEqual({
        changes: {
          category: { before: 'economic_cooperation', after: 'societal_innovation' },
          collectiveObjectives: { before: ['territory'], after: ['territory', 'engagement'] },
          domains: { before: ['mobility'], after: ['mobility', 'employment'] },
          scale: { before: 'local', after: 'departmental' },
          territoryCodes: { before: ['69123'], after: ['69'] },
          innovationStage: { before: 'experimentation', after: 'scaling' },
        },
      });
    });

    it('journals a single change alone', async () => {
      const { version } = await alliance(lead);
      expect((await api.patch(A, { scale: 'regional', version }, { token: lead.accessToken })).status).toBe(200);
      const [entry] = (await journal(lead)).filter((e) => e.action === 'alliance.updated');
      expect(entry.details).toEqual({ changes: { scale: { before: 'departmental', after: 'regional' } } });
    });

    it('refuses a partner (403) and an outsider (404)', async () => {
      const { version } = await alliance(lead);
      const byPartner = await api.patch(A, { category: 'philanthropy', version }, { token: partner.accessToken });
      expect(byPartner.status).toBe(403);
      expect(byPartner.body.code).toBe('alliance.lead_required');
      const byOutsider = await api.patch(A, { category: 'philanthropy', version }, { token: outsider.accessToken });
      expect(byOutsider.status).toBe(404);
      expect((await alliance(lead)).category).toBe('societal_innovation');
    });

    it('answers 400 with every failing field, a closing note without closing included', async () => {
      const { version } = await alliance(lead);
      const res = await api.patch(
        A,
        {
          category: 'charity',
          collectiveObjectives: [],
          domains: ['Pas Un Slug'],
          scale: 'galactic',
          territoryCodes: [42],
          innovationStage: 'done',
          version,
        },
        { token: lead.accessToken },
      );
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'category',
        'collectiveObjectives',
        'domains',
        'innovationStage',
        'scale',
        'territoryCodes',
      ]);
      const territory = await api.patch(A, { territoryCodes: ['99999'], version }, { token: lead.accessToken });
      expect(territory.status).toBe(400);
      expect(territory.body.details).toEqual([expect.objectContaining({ field: 'territoryCodes.0', codes: ['invalidTerritory'] })]);
      const note = await api.patch(A, { closingNote: 'Trop tôt', version }, { token: lead.accessToken });
      expect(note.status).toBe(400);
      expect(note.body.details).toEqual([expect.objectContaining({ field: 'closingNote' })]);
      expect((await alliance(lead)).version).toBe(version);
    });
  });

  describe('leaving and removing', () => {
    let v1: { sha256: string };

    it('has a charter version in force signed by the lead and both partners', async () => {
      await write(lead, 'context', 'Contexte partagé par trois organisations');
      const proposed = await api.post(`${A}/charter/versions`, undefined, { token: lead.accessToken });
      expect(proposed.status).toBe(201);
      v1 = proposed.body;
      for (const [s, org] of [
        [lead, orgs.lead],
        [partner, orgs.partner],
        [leaver, orgs.leaver],
      ] as const)
        expect((await sign(s, 1, org, v1.sha256)).status).toBe(201);
      expect((await api.get(`${A}/charter`, { token: lead.accessToken })).body.inForceVersion).toBe(1);
    });

    it('does not let a partner’s plain member take the organisation out (403), nor a partner remove another one (403)', async () => {
      const byMember = await api.delete(`${A}/members/${orgs.partner}`, { token: partnerMember.accessToken });
      expect(byMember.status).toBe(403);
      expect(byMember.body.code).toBe('organisation.admin_required');
      const byPartner = await api.delete(`${A}/members/${orgs.leaver}`, { token: partner.accessToken });
      expect(byPartner.status).toBe(403);
      expect((await api.delete(`${A}/members/${orgs.partner}`, { token: outsider.accessToken })).status).toBe(404);
      expect((await alliance(lead)).members.filter((m: { status: string }) => m.status === 'active')).toHaveLength(4);
    });

    it('lets a partner’s admin leave: the alliance is gone for its people, the seat stays as history', async () => {
      expect((await alliance(leaver)).canLeaveFor).toEqual([orgs.leaver]);
      const res = await api.delete(`${A}/members/${orgs.leaver}`, { token: leaver.accessToken });
      expect(res.status).toBe(204);
      expect((await api.get(A, { token: leaver.accessToken })).status).toBe(404);
      expect((await api.get(`${A}/charter`, { token: leaver.accessToken })).status).toBe(404);
      expect((await api.get('/api/alliances', { token: leaver.accessToken })).body.items).toEqual([]);
      const members = (await alliance(lead)).members;
      expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ organisationId: orgs.leaver, status: 'left' })]));
      expect((await journal(lead)).find((e) => e.action === 'alliance.member_left')?.details).toEqual({
        organisationName: 'Partenaire Sortant',
      });
      // Leaving twice is not possible.
      expect((await api.delete(`${A}/members/${orgs.leaver}`, { token: lead.accessToken })).status).toBe(409);
    });

    it('keeps the leaver’s signature on the version in force; the next version awaits the remaining lead and partner only', async () => {
      const v1Summary = (await api.get(`${A}/charter/versions`, { token: lead.accessToken })).body.find(
        (v: { version: number }) => v.version === 1,
      );
      expect(v1Summary.status).toBe('in_force');
      expect(v1Summary.signatures.map((s: { organisationName: string }) => s.organisationName).sort()).toEqual([
        'Partenaire Fidèle',
        'Partenaire Sortant',
        'Pilote Solidaire',
      ]);
      await write(partner, 'governance', 'Avenant : comité à deux');
      const v2 = await api.post(`${A}/charter/versions`, undefined, { token: partner.accessToken });
      expect(v2.status).toBe(201);
      const board = (await api.get(`${A}/charter/signatures`, { token: lead.accessToken })).body;
      expect(board.rows.map((r: { organisationId: string }) => r.organisationId).sort()).toEqual([orgs.lead, orgs.partner].sort());
      expect((await sign(lead, 2, orgs.lead, v2.body.sha256)).body.status).toBe('awaiting_signatures');
      expect((await sign(partner, 2, orgs.partner, v2.body.sha256)).body.status).toBe('in_force');
      const versions = (await api.get(`${A}/charter/versions`, { token: lead.accessToken })).body;
      expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [2, 'in_force'],
        [1, 'superseded'],
      ]);
      expect(versions[1].signatures).toHaveLength(3);
    });

    it('lets the lead remove an organisation, which then sees nothing of the alliance and is told by mail', async () => {
      const before = readOutbox(proc.dataDir).length;
      const res = await api.delete(`${A}/members/${orgs.funder}`, { token: lead.accessToken });
      expect(res.status).toBe(204);
      const mail = await waitForMail(proc.dataDir, (m) => m.to.includes(funder.email), { after: before });
      expect(mail.subject).toContain('Fondation Amie ne fait plus partie de l’alliance');
      expect((await api.get(A, { token: funder.accessToken })).status).toBe(404);
      expect((await alliance(lead)).members).toEqual(
        expect.arrayContaining([expect.objectContaining({ organisationId: orgs.funder, status: 'removed' })]),
      );
      expect((await journal(lead)).find((e) => e.action === 'alliance.member_removed')?.details).toEqual({
        organisationName: 'Fondation Amie',
      });
      // An organisation that left or was removed may be invited again.
      expect((await api.post(`${A}/members`, { organisationId: orgs.funder, role: 'funder' }, { token: lead.accessToken })).status).toBe(
        201,
      );
      expect((await api.delete(`${A}/members/${orgs.funder}`, { token: lead.accessToken })).status).toBe(204);
    });

    it('does not let the lead leave without a successor (409)', async () => {
      expect((await alliance(lead)).canLeaveFor).toEqual([]);
      const res = await api.delete(`${A}/members/${orgs.lead}`, { token: lead.accessToken });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('alliance.lead_needs_successor');
      expect((await alliance(lead)).can.edit).toBe(true);
    });
  });

  describe('handing over the lead', () => {
    it('refuses an invited, declined, departed or foreign organisation, and a funder (409), and a non-lead caller (403)', async () => {
      expect((await api.post(`${A}/members`, { organisationId: orgs.funder, role: 'funder' }, { token: lead.accessToken })).status).toBe(
        201,
      );
      expect((await api.post(`${A}/members/${orgs.funder}/accept`, undefined, { token: funder.accessToken })).status).toBe(200);
      for (const key of ['invited', 'declined', 'leaver', 'outsider', 'funder', 'lead'] as const) {
        const res = await api.post(`${A}/lead`, { organisationId: orgs[key] }, { token: lead.accessToken });
        expect([key, res.status, res.body.code]).toEqual([key, 409, 'alliance.successor_not_partner']);
      }
      expect((await api.post(`${A}/lead`, { organisationId: orgs.partner }, { token: partner.accessToken })).status).toBe(403);
      expect((await api.post(`${A}/lead`, { organisationId: orgs.partner }, { token: outsider.accessToken })).status).toBe(404);
      expect((await api.post(`${A}/lead`, { organisationId: 'pas-un-id' }, { token: lead.accessToken })).status).toBe(400);
    });

    it('hands over to an accepted partner: the former lead becomes a partner and can no longer edit', async () => {
      const before = readOutbox(proc.dataDir).length;
      const res = await api.post(`${A}/lead`, { organisationId: orgs.partner }, { token: lead.accessToken });
      expect(res.status).toBe(200);
      // The new lead's admins are told; its plain members are not.
      const mail = await waitForMail(proc.dataDir, (m) => m.to.includes(partner.email), { after: before });
      expect(mail.subject).toContain('Partenaire Fidèle pilote désormais l’alliance');
      expect(
        readOutbox(proc.dataDir)
          .slice(before)
          .some((m) => m.to.includes(partnerMember.email)),
      ).toBe(false);
      expect(res.body.members).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organisationId: orgs.partner, role: 'lead', status: 'active' }),
          expect.objectContaining({ organisationId: orgs.lead, role: 'partner', status: 'active' }),
        ]),
      );
      expect(res.body.can.edit).toBe(false);
      expect((await journal(partner)).find((e) => e.action === 'alliance.lead_handed_over')?.details).toEqual({
        fromOrganisationName: 'Pilote Solidaire',
        toOrganisationName: 'Partenaire Fidèle',
      });
      const { version } = await alliance(partner);
      expect((await api.patch(A, { name: 'Par l’ancien pilote', version }, { token: lead.accessToken })).status).toBe(403);
      expect((await api.patch(A, { name: 'Alliance Relayée', version }, { token: partner.accessToken })).status).toBe(200);
      expect((await alliance(lead)).canLeaveFor).toEqual([orgs.lead]);
    });
  });

  describe('closing', () => {
    let objectiveId: string;

    it('closes with a final note (PATCH status closed), which everyone in the alliance sees', async () => {
      const created = await api.post(
        `${A}/objectives`,
        { title: 'Objectif avant clôture', collectiveObjective: 'territory', description: 'À suivre' },
        { token: partner.accessToken },
      );
      expect(created.status).toBe(201);
      objectiveId = created.body.id;
      const { version } = await alliance(partner);
      const res = await api.patch(
        A,
        { status: 'closed', closingNote: '  Mission accomplie : merci à toutes et tous.  ', version },
        { token: partner.accessToken },
      );
      expect([res.status, res.body.code]).toEqual([200, undefined]);
      expect(res.body).toMatchObject({
        status: 'closed',
        closingNote: 'Mission accomplie : merci à toutes et tous.',
        can: { edit: false, invite: false, writeCharter: false, sign: false },
        canLeaveFor: [],
      });
      expect(res.body.closedAt).not.toBeNull();
      const seen = await alliance(lead);
      expect(seen.closingNote).toBe('Mission accomplie : merci à toutes et tous.');
      const entries = await journal(lead);
      expect(entries.find((e) => e.action === 'alliance.closed')?.details).toEqual({ note: 'Mission accomplie : merci à toutes et tous.' });
      // Closing is its own entry: no status change in the updates.
      expect(
        entries.filter((e) => e.action === 'alliance.updated').every((e) => !('status' in ((e.details?.['changes'] as object) ?? {}))),
      ).toBe(true);
    });

    it('refuses every write with 409 alliance.closed: profile, members, charter, objectives, comments, evaluations, funding', async () => {
      const { version } = await alliance(partner);
      const writes: [string, Promise<{ status: number; body: { code?: string } }>][] = [
        ['reopen', api.patch(A, { status: 'active', version }, { token: partner.accessToken })],
        ['edit', api.patch(A, { name: 'Encore un nom', version }, { token: partner.accessToken })],
        ['leave', api.delete(`${A}/members/${orgs.lead}`, { token: lead.accessToken })],
        ['remove', api.delete(`${A}/members/${orgs.funder}`, { token: partner.accessToken })],
        ['hand over', api.post(`${A}/lead`, { organisationId: orgs.lead }, { token: partner.accessToken })],
        ['invite', api.post(`${A}/members`, { organisationId: orgs.outsider, role: 'observer' }, { token: partner.accessToken })],
        ['charter', api.post(`${A}/charter/versions`, undefined, { token: partner.accessToken })],
        [
          'objective',
          api.post(
            `${A}/objectives`,
            { title: 'Objectif après clôture', collectiveObjective: 'territory', description: 'Trop tard' },
            { token: partner.accessToken },
          ),
        ],
        ['objective edit', api.patch(`/api/objectives/${objectiveId}`, { title: 'Renommé' }, { token: partner.accessToken })],
        [
          'comment',
          api.post(
            '/api/comments',
            { allianceId, target: { type: 'alliance', id: allianceId }, body: 'Un dernier mot ?' },
            { token: lead.accessToken },
          ),
        ],
        [
          'evaluation',
          api.post(
            `${A}/evaluations`,
            { title: 'Bilan après clôture', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
            { token: partner.accessToken },
          ),
        ],
        [
          'contribution',
          api.post(
            `${A}/contributions`,
            { organisationId: orgs.partner, kind: 'skills', description: 'Mécénat', valuation: 100 },
            { token: partner.accessToken },
          ),
        ],
      ];
      const outcomes = await Promise.all(writes.map(async ([what, p]) => [what, (await p).status, (await p).body.code]));
      expect(outcomes).toEqual(writes.map(([what]) => [what, 409, 'alliance.closed']));
      // An outsider still gets 404: closing tells nobody the alliance exists.
      expect((await api.post(`${A}/charter/versions`, undefined, { token: outsider.accessToken })).status).toBe(404);
      expect((await alliance(partner)).status).toBe('closed');
    });

    it('still serves every read', async () => {
      for (const path of [
        A,
        `${A}/audit`,
        `${A}/charter`,
        `${A}/charter/versions`,
        `${A}/objectives`,
        `${A}/evaluations`,
        `/api/comments?allianceId=${allianceId}`,
      ]) {
        const res = await api.get(path, { token: lead.accessToken });
        expect([path, res.status]).toEqual([path, 200]);
      }
      expect((await api.get('/api/alliances', { token: lead.accessToken })).body.items).toEqual([
        expect.objectContaining({ id: allianceId, status: 'closed' }),
      ]);
    });
  });
});
