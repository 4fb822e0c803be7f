import {
  ApiClient,
  createTestDatabase,
  randomSiren,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Diagnostic, DiagnosticAnswer, DiagnosticQuestionnaire, Page } from '@alliances/shared/contracts';

const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';

/** One answer per question: the option `pick` chooses among the question's option ids. */
const answersTo = (q: DiagnosticQuestionnaire, pick: (ids: string[]) => string): DiagnosticAnswer[] =>
  q.axes.flatMap((a) => a.questions.map((question) => ({ questionId: question.id, optionId: pick(question.options.map((o) => o.id)) })));
const first = (ids: string[]) => ids[0];
const last = (ids: string[]) => ids[ids.length - 1];
const levels = (d: Diagnostic) => d.axes.map((a) => `${a.key}:${a.score}:${a.level}`);

describe(`self-diagnostic (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let admin: Session;
  let owner: Session;
  let member: Session;
  let outsider: Session;
  let otherAdmin: Session;
  let org: { id: string; name: string };
  let otherOrg: { id: string; name: string };
  let associationQuestionnaire: DiagnosticQuestionnaire;

  const diagnosticsOf = (organisationId: string, session: Session, query = '') =>
    client.get<Page<Diagnostic>>(`/api/organisations/${organisationId}/diagnostics${query}`, { token: session.accessToken });
  const submit = (organisationId: string, session: Session, answers: unknown, query = '') =>
    client.post(`/api/organisations/${organisationId}/diagnostics${query}`, { answers }, { token: session.accessToken });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url, env: { ADMIN_EMAIL, ADMIN_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000' } });
    client = new ApiClient(api.url);
    admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    owner = await client.signUp({ displayName: 'Camille Association', locale: 'fr' });
    org = await client.applyOrganisation(owner, { name: 'Les Jardins Partagés' });
    await client.approveOrganisation(admin, org.id);
    member = await client.addMember(owner, org.id, 'member', api.dataDir, { displayName: 'Membre Simple', locale: 'en' });
    otherAdmin = await client.signUp({ displayName: 'Autre Entreprise' });
    otherOrg = await client.applyOrganisation(otherAdmin, {
      name: 'Entreprise Voisine',
      profile: 'company',
      rna: undefined,
      siren: randomSiren(),
    });
    await client.approveOrganisation(admin, otherOrg.id);
    outsider = await client.signUp({ displayName: 'Sans Organisation' });
    associationQuestionnaire = (
      await client.get('/api/diagnostics/questionnaire?profile=association&lang=fr', { token: owner.accessToken })
    ).body;
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  describe('questionnaire', () => {
    it.each([
      ['association', 'association'],
      ['company', 'company'],
      ['foundation', 'foundation'],
      ['local_authority', 'local_authority'],
      ['public_institution', 'generic'],
      ['academic', 'generic'],
      ['citizen_group', 'generic'],
    ])('serves %s organisations the %s questionnaire: 16–20 questions over the four axes, 3–5 options each', async (profile, served) => {
      const res = await client.get<DiagnosticQuestionnaire>(`/api/diagnostics/questionnaire?profile=${profile}`, {
        token: outsider.accessToken,
      });
      expect(res.status).toBe(200);
      expect(res.body.profile).toBe(served);
      expect(res.body.axes.map((a) => a.key)).toEqual(['objectives', 'means', 'maturity', 'wishes']);
      const questions = res.body.axes.flatMap((a) => a.questions);
      expect(questions.length).toBeGreaterThanOrEqual(16);
      expect(questions.length).toBeLessThanOrEqual(20);
      for (const q of questions) expect(q.options.length).toBeGreaterThanOrEqual(3);
      for (const q of questions) expect(q.options.length).toBeLessThanOrEqual(5);
      // Scores and tags stay on the server.
      expect(res.text).not.toMatch(/"score"|"tags"/);
    });

    it('differs between profiles, keeping the same ids for the same questions', async () => {
      const company = (
        await client.get<DiagnosticQuestionnaire>('/api/diagnostics/questionnaire?profile=company&lang=fr', { token: owner.accessToken })
      ).body;
      const text = (q: DiagnosticQuestionnaire, id: string) => q.axes.flatMap((a) => a.questions).find((x) => x.id === id)?.text;
      expect(text(company, 'objectives.business_model')).toBeDefined();
      expect(text(company, 'objectives.business_model')).not.toBe(text(associationQuestionnaire, 'objectives.business_model'));
      expect(text(company, 'maturity.experience')).toBe(text(associationQuestionnaire, 'maturity.experience'));
    });

    it('speaks French by default and English when asked, by lang or by Accept-Language', async () => {
      const title = async (query: string, acceptLanguage?: string) =>
        (
          await client.get<DiagnosticQuestionnaire>(`/api/diagnostics/questionnaire?profile=association${query}`, {
            token: owner.accessToken,
            headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
          })
        ).body.axes[0].title;
      expect(await title('')).toBe('Vos objectifs');
      expect(await title('&lang=en')).toBe('Your objectives');
      expect(await title('', 'en-GB,en;q=0.9')).toBe('Your objectives');
      expect(await title('', 'en;q=0.5,fr;q=0.8')).toBe('Vos objectifs');
      expect(await title('', 'de-DE,de;q=0.9')).toBe('Vos objectifs');
      expect(await title('&lang=fr', 'en')).toBe('Vos objectifs');
    });

    it('refuses an unknown profile with 400 naming the field, and anonymous callers with 401', async () => {
      const res = await client.get('/api/diagnostics/questionnaire?profile=pirate', { token: owner.accessToken });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('profile');
      expect((await client.get('/api/diagnostics/questionnaire')).status).toBe(401);
      expect((await client.get('/api/diagnostics/questionnaire', { token: owner.accessToken })).status).toBe(400);
    });
  });

  describe('answers', () => {
    it('refuses incomplete, repeated or foreign answers with 400 naming each question, and stores nothing', async () => {
      const complete = answersTo(associationQuestionnaire, first);
      const missing = complete.filter((a) => a.questionId !== 'means.people');
      const res = await submit(org.id, owner, missing);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation.failed');
      expect(res.body.details).toEqual([
        { field: 'answers.means.people', messages: [expect.stringContaining('means.people')], codes: ['unanswered'] },
      ]);

      const twice = await submit(org.id, owner, [...complete, { questionId: 'wishes.timing', optionId: 'b' }]);
      expect(twice.status).toBe(400);
      expect(twice.body.details.map((d: { field: string }) => d.field)).toEqual(['answers.wishes.timing']);

      // An option the question does not have, a question of the company questionnaire, and the last question left out.
      const mixed = [
        ...complete.slice(0, -1).map((a) => (a.questionId === 'maturity.evaluation' ? { ...a, optionId: 'e' } : a)),
        { questionId: 'maturity.csr', optionId: 'a' },
      ];
      const both = await submit(org.id, owner, mixed);
      expect(both.status).toBe(400);
      expect(both.body.details.map((d: { field: string; codes: string[] }) => `${d.field} ${d.codes[0]}`)).toEqual([
        'answers.maturity.evaluation unknownOption',
        'answers.maturity.csr unknownQuestion',
        `answers.${complete[complete.length - 1].questionId} unanswered`,
      ]);

      const shape = await submit(org.id, owner, [{ questionId: 'means.people' }]);
      expect(shape.status).toBe(400);
      expect(shape.body.details.map((d: { field: string }) => d.field)).toEqual(['answers.0.optionId']);
      expect((await submit(org.id, owner, 'all of them')).status).toBe(400);

      const list = await diagnosticsOf(org.id, owner);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
    });
  });

  describe('results and history', () => {
    let early: Diagnostic;
    let late: Diagnostic;

    it('gives an association answering the first option everywhere the lowest levels, philanthropy and engagement', async () => {
      const res = await submit(org.id, owner, answersTo(associationQuestionnaire, first));
      expect(res.status).toBe(201);
      early = res.body as Diagnostic;
      expect(levels(early)).toEqual(['objectives:0:emerging', 'means:0:emerging', 'maturity:0:emerging', 'wishes:17:emerging']);
      expect(early.suggestedCategories.map((c) => c.category)).toEqual(['philanthropy']);
      // The owner reads French: the reason says why, and how far to go at this maturity.
      expect(early.suggestedCategories[0].reason).toContain('action courte');
      expect(early.suggestedSquare).toEqual([]);
      expect(early.suggestedObjectives).toEqual(['engagement']);
      expect(early).toMatchObject({
        organisationId: org.id,
        profile: 'association',
        createdBy: { userId: owner.user.id, displayName: 'Camille Association' },
      });
      expect(early.answers).toHaveLength(associationQuestionnaire.axes.flatMap((a) => a.questions).length);
    });

    it('lets a plain member take it too, and gives the last options everywhere the highest levels and societal innovation first', async () => {
      const shuffled = answersTo(associationQuestionnaire, last).reverse();
      const res = await submit(org.id, member, shuffled);
      expect(res.status).toBe(201);
      late = res.body as Diagnostic;
      expect(levels(late)).toEqual(['objectives:100:advanced', 'means:100:advanced', 'maturity:100:advanced', 'wishes:100:advanced']);
      expect(late.suggestedCategories.map((c) => c.category)).toEqual(['societal_innovation', 'responsible_practices']);
      // The member reads English.
      expect(late.suggestedCategories[0].reason).toMatch(/^Your answers look for new answers to social needs/);
      expect(late.suggestedSquare).toEqual(['business_model', 'value_proposition', 'positioning', 'processes']);
      expect(late.suggestedObjectives).toEqual(['performance', 'innovation']);
    });

    it('lists the history newest first, page by page, each in the language asked for', async () => {
      const res = await diagnosticsOf(org.id, owner);
      expect(res.body.items.map((d) => d.id)).toEqual([late.id, early.id]);
      expect(res.body.nextCursor).toBeNull();
      const page1 = await diagnosticsOf(org.id, member, '?limit=1&lang=fr');
      expect(page1.body.items.map((d) => d.id)).toEqual([late.id]);
      expect(page1.body.items[0].suggestedCategories[0].reason).toMatch(/^Vos réponses/);
      const page2 = await diagnosticsOf(org.id, member, `?limit=1&cursor=${page1.body.nextCursor}`);
      expect(page2.body.items.map((d) => d.id)).toEqual([early.id]);
      expect(page2.body.nextCursor).toBeNull();

      const one = await client.get<Diagnostic>(`/api/organisations/${org.id}/diagnostics/${early.id}?lang=en`, {
        token: member.accessToken,
      });
      expect(one.status).toBe(200);
      expect(levels(one.body)).toEqual(levels(early));
      expect(one.body.suggestedCategories[0].reason).toContain('short, well-bounded action');
    });

    it('exports a diagnostic as a real PDF, compared with the previous one', async () => {
      for (const [id, lang] of [
        [late.id, 'fr'],
        [early.id, 'en'],
      ]) {
        const res = await fetch(`${api.url}/api/organisations/${org.id}/diagnostics/${id}/pdf?lang=${lang}`, {
          headers: { authorization: `Bearer ${owner.accessToken}` },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('content-disposition')).toMatch(
          /^attachment; filename="autodiagnostic-les-jardins-partages-\d{4}-\d{2}-\d{2}\.pdf"$/,
        );
        const pdf = Buffer.from(await res.arrayBuffer());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
      }
    });

    it('records each diagnostic in the audit log', async () => {
      const res = await client.get(`/api/admin/audit?organisationId=${org.id}&action=diagnostic.created&limit=50`, {
        token: admin.accessToken,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { objectId: string; actorId: string }) => [i.objectId, i.actorId])).toEqual([
        [late.id, member.user.id],
        [early.id, owner.user.id],
      ]);
    });

    it('shows nothing to anyone outside the organisation: 404 everywhere, platform admins included', async () => {
      const paths = [
        `/api/organisations/${org.id}/diagnostics`,
        `/api/organisations/${org.id}/diagnostics/${early.id}`,
        `/api/organisations/${org.id}/diagnostics/${early.id}/pdf`,
        // A's diagnostic under B's path, asked by B's admin.
        `/api/organisations/${otherOrg.id}/diagnostics/${early.id}`,
        `/api/organisations/${otherOrg.id}/diagnostics/${early.id}/pdf`,
      ];
      for (const session of [otherAdmin, outsider, admin]) {
        for (const path of paths.slice(0, session === otherAdmin ? 5 : 3)) {
          const res = await client.get(path, { token: session.accessToken });
          expect({ path, status: res.status }).toEqual({ path, status: 404 });
          expect(res.text).not.toContain('Jardins');
        }
        const post = await submit(org.id, session, answersTo(associationQuestionnaire, first));
        expect(post.status).toBe(404);
      }
      expect((await diagnosticsOf(org.id, owner)).body.items).toHaveLength(2);
      expect((await diagnosticsOf(otherOrg.id, otherAdmin)).body.items).toEqual([]);
    });

    it('makes a company answer the company questionnaire', async () => {
      const company = (
        await client.get<DiagnosticQuestionnaire>('/api/diagnostics/questionnaire?profile=company', { token: otherAdmin.accessToken })
      ).body;
      expect((await submit(otherOrg.id, otherAdmin, answersTo(associationQuestionnaire, first))).status).toBe(400);
      const res = await submit(
        otherOrg.id,
        otherAdmin,
        answersTo(company, (ids) => ids[1]),
      );
      expect(res.status).toBe(201);
      expect(res.body.profile).toBe('company');
    });
  });
});
