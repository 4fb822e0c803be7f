/**
 * Fills a running Alliances API with the demo world, through its public HTTP routes and the live
 * charter socket, so that every rule of the product applies to the demo data as to real data.
 * Every step finds what is already there before creating anything: running it twice adds nothing.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiClient, invitationTokenOf, readOutbox, rememberTotp, totpCodeFor, totpEnrolmentOf, waitForMail } from '@alliances/e2e/support';
import { CHARTER_SECTION_KEYS, type CharterSectionKey, type CreateAllianceRequest } from '@alliances/shared/contracts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CollabClient } from '@alliances/e2e/support';
import {
  ALLIANCES,
  charterSections,
  DIRECTORY_PROFILES,
  emailOf,
  DEMO_DIAGNOSTICS,
  GRANTS,
  OBSERVATORY_ALLIANCES,
  OBSERVATORY_PARTICIPANTS,
  ORGANISATIONS,
  type AllianceSeed,
  type DemoOrganisation,
  type DemoPerson,
  type DirectoryProfileSeed,
  type EvaluationSeed,
} from './demo-data';

export interface SeedOptions {
  baseUrl: string;
  /** A platform administrator, to approve the demo organisations. */
  admin: { email: string; password: string };
  /** The password of every demo account. */
  password: string;
  /** The API's DATA_DIR: invitation links are read in the mails it writes to DATA_DIR/outbox. */
  dataDir: string;
  log?: (line: string) => void;
}

export interface SeedReport {
  organisations: number;
  people: number;
  alliances: number;
  chartersInForce: number;
  objectives: number;
  indicators: number;
  checkIns: number;
  evaluations: number;
  comments: number;
  grants: number;
  caseStudies: number;
  /** Objects this run created (0 on a second run). */
  created: number;
}

/** A stable UUID for a name (version-5 layout), so that retried writes carry the same id. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`alliances-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Deterministic pseudo-random numbers in [0, 1) from a name (mulberry32). */
function random(name: string): () => number {
  let a = createHash('sha1').update(name).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
function monthsFromNow(months: number, day?: number): Date {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  if (day) d.setUTCDate(day);
  return d;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T, K extends keyof T>(value: T, keys: K[]): Pick<T, K> => Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;

export class DemoSeeder {
  private readonly api: ApiClient;
  private readonly log: (line: string) => void;
  private readonly sessions = new Map<string, { token: string; at: number }>();
  private readonly orgIds = new Map<string, string>();
  private readonly report: SeedReport = {
    organisations: 0,
    people: 0,
    alliances: 0,
    chartersInForce: 0,
    objectives: 0,
    indicators: 0,
    checkIns: 0,
    evaluations: 0,
    comments: 0,
    grants: 0,
    caseStudies: 0,
    created: 0,
  };

  constructor(private readonly options: SeedOptions) {
    this.api = new ApiClient(options.baseUrl);
    this.log = options.log ?? ((line) => console.log(line));
  }

  async run(): Promise<SeedReport> {
    for (const org of ORGANISATIONS) await this.organisation(org);
    for (const [key, profile] of Object.entries(DIRECTORY_PROFILES)) await this.directoryProfile(key, profile);
    await this.diagnostics();
    for (const alliance of ALLIANCES) await this.alliance(alliance);
    for (const grant of GRANTS) await this.grant(grant);
    await this.proposalsAndCatalyst();
    for (const alliance of OBSERVATORY_ALLIANCES) await this.alliance(alliance);
    await this.observatory();
    return this.report;
  }

  // HTTP -----------------------------------------------------------------------------------------

  /** One call, waiting out the sign-in throttle (429) of an API started without relaxed limits. */
  private async call(
    method: string,
    path: string,
    as: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: any; text: string }> {
    for (let attempt = 0; ; attempt++) {
      const token = as ? await this.token(as) : undefined;
      const res = await this.api.call(method, path, { token, body });
      if (res.status === 429 && attempt < 40) {
        const header = res.headers.get('retry-after') ?? res.headers.get('retry-after-account');
        await sleep(Math.min(60, Math.max(1, Number(header) || 5)) * 1000);
        continue;
      }
      if (res.status === 401 && as && attempt === 0) {
        this.sessions.delete(as);
        continue;
      }
      return res;
    }
  }

  /** A call that must succeed; its body. */
  private async must(method: string, path: string, as: string | null, body?: unknown): Promise<any> {
    const res = await this.call(method, path, as, body);
    if (res.status < 200 || res.status >= 300)
      throw new Error(`${method} ${path} as ${as ?? 'anonymous'}: ${res.status} ${res.text.slice(0, 400)}`);
    return res.body;
  }

  private async created<T>(value: Promise<T>): Promise<T> {
    const result = await value;
    this.report.created += 1;
    return result;
  }

  private async token(email: string): Promise<string> {
    const cached = this.sessions.get(email);
    if (cached && Date.now() - cached.at < 10 * 60_000) return cached.token;
    const password = email === this.options.admin.email ? this.options.admin.password : this.options.password;
    const signIn = () =>
      this.must('POST', '/api/auth/login', null, { email, password }).catch((error: Error) => {
        throw new Error(`${error.message}\n(a demo account whose password was changed cannot be used by the seed)`);
      });
    let body = await signIn();
    // A platform administrator must use two-step sign-in: the seed sets it up for its administrator (a
    // throwaway whose password is new at each seed) and keeps the key, and the last time step it used
    // (each works once), in DATA_DIR for the next seed.
    const keyFile = join(this.options.dataDir, 'seed-admin-totp.json');
    const keep = () => writeFileSync(keyFile, JSON.stringify({ email, ...totpEnrolmentOf(email) }), { mode: 0o600 });
    if (body.twoFactorSetupRequired) {
      await this.api.enrolTotp(email, body.accessToken);
      keep();
      body = await signIn();
    }
    if (body.mfaRequired) {
      if (!totpEnrolmentOf(email) && existsSync(keyFile)) {
        const kept = JSON.parse(readFileSync(keyFile, 'utf8')) as {
          email?: string;
          secret?: string;
          recoveryCodes?: string[];
          lastStep?: number;
        };
        if (kept.email === email && kept.secret) rememberTotp(email, kept.secret, kept.recoveryCodes, kept.lastStep);
      }
      const code = await totpCodeFor(email).catch((error: Error) => {
        throw new Error(`${error.message}\n(the seed cannot sign in as ${email}: its two-step sign-in key is not in ${keyFile})`);
      });
      keep();
      body = await this.must('POST', '/api/auth/login/mfa', null, { mfaToken: body.mfaToken, code });
    }
    this.sessions.set(email, { token: body.accessToken, at: Date.now() });
    return body.accessToken;
  }

  // Organisations and people -------------------------------------------------------------------------

  private orgSeed(key: string): DemoOrganisation {
    const org = ORGANISATIONS.find((o) => o.key === key);
    if (!org) throw new Error(`unknown organisation ${key}`);
    return org;
  }

  private orgId(key: string): string {
    const id = this.orgIds.get(key);
    if (!id) throw new Error(`organisation ${key} not seeded`);
    return id;
  }

  /** The admin (the applicant) of an organisation. */
  private adminOf(key: string): string {
    return emailOf(this.orgSeed(key).people[0]);
  }

  /** Who signs for an organisation: its signatory when it has one, else its admin. */
  private signerOf(key: string): string {
    const people = this.orgSeed(key).people;
    return emailOf(people.find((p) => p.role === 'signatory') ?? people[0]);
  }

  private async account(person: DemoPerson): Promise<string> {
    const email = emailOf(person);
    const res = await this.call('POST', '/api/auth/register', null, {
      email,
      password: this.options.password,
      displayName: `${person.first} ${person.last}`,
      locale: 'fr',
    });
    if (res.status === 201) this.report.created += 1;
    else if (res.status !== 409) throw new Error(`register ${email}: ${res.status} ${res.text.slice(0, 300)}`);
    this.report.people += 1;
    return email;
  }

  private async organisation(org: DemoOrganisation): Promise<void> {
    const admin = await this.account(org.people[0]);
    const mine: { organisationId: string; organisationName: string; organisationStatus: string }[] = await this.must(
      'GET',
      '/api/organisations',
      admin,
    );
    let found = mine.find((m) => m.organisationName === org.name);
    if (!found) {
      const created = await this.created(
        this.must('POST', '/api/organisations', admin, {
          name: org.name,
          profile: org.profile,
          ...(org.siren ? { siren: org.siren } : {}),
          ...(org.rna ? { rna: org.rna } : {}),
          territoryCode: org.territoryCode,
          description: `${org.description} (Organisation fictive : données de démonstration.)`,
          ...(org.model
            ? {
                socioEconomicProfile: {
                  humanResources: { staff: org.model.staff, volunteers: org.model.volunteers },
                  financialResources: { annualBudgetEur: org.model.budgetEur, mix: org.model.mix },
                  alliances: { count: org.model.alliances },
                },
              }
            : {}),
        }),
      );
      found = { organisationId: created.id, organisationName: created.name, organisationStatus: created.status };
    }
    if (found.organisationStatus !== 'approved')
      await this.must('POST', `/api/admin/organisations/${found.organisationId}/approve`, this.options.admin.email);
    this.orgIds.set(org.key, found.organisationId);
    this.report.organisations += 1;

    const members: { email: string }[] = await this.must('GET', `/api/organisations/${found.organisationId}/members`, admin);
    for (const person of org.people.slice(1)) {
      const email = emailOf(person);
      if (members.some((m) => m.email === email)) {
        this.report.people += 1;
        continue;
      }
      await this.join(found.organisationId, admin, person);
    }
    this.log(`  organisation ${org.name} (${org.profile}), ${org.people.length} ${org.people.length > 1 ? 'people' : 'person'}`);
  }

  // Partner directory (issue 14) ---------------------------------------------------------------------

  /** Lists an organisation in the directory with its profile; a profile already as seeded is left alone. */
  private async directoryProfile(key: string, profile: DirectoryProfileSeed): Promise<void> {
    const id = this.orgId(key);
    const admin = this.adminOf(key);
    const current = await this.must('GET', `/api/organisations/${id}`, admin);
    // Key order aside (jsonb keeps its own), as JSON.
    const canonical = (v: unknown) =>
      JSON.stringify(v ?? null, (_k, x) =>
        x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
      );
    const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
    const wanted = { ...profile, listed: true };
    const differs =
      !current.listed ||
      (['domains', 'seeks', 'offers', 'openToAlliances', 'website'] as const).some((f) => !same(current[f], wanted[f])) ||
      (profile.houseModel !== undefined && !same(current.socioEconomicProfile, profile.houseModel));
    if (!differs) return;
    await this.created(this.must('PATCH', `/api/organisations/${id}`, admin, wanted));
    this.log(`  directory: ${this.orgSeed(key).name} listed`);
  }

  /** Invites a person by mail, reads the link in the outbox, and accepts with their account. */
  private async join(organisationId: string, admin: string, person: DemoPerson): Promise<void> {
    const email = emailOf(person);
    const before = readOutbox(this.options.dataDir).length;
    let res = await this.call('POST', `/api/organisations/${organisationId}/invitations`, admin, { email, role: person.role });
    if (res.status === 409) {
      // An invitation left by an interrupted run: replace it, its mail may be gone.
      const pending: { id: string; email: string }[] = await this.must('GET', `/api/organisations/${organisationId}/invitations`, admin);
      for (const p of pending.filter((i) => i.email === email))
        await this.must('DELETE', `/api/organisations/${organisationId}/invitations/${p.id}`, admin);
      res = await this.call('POST', `/api/organisations/${organisationId}/invitations`, admin, { email, role: person.role });
    }
    if (res.status !== 201) throw new Error(`invite ${email}: ${res.status} ${res.text.slice(0, 300)}`);
    const mail = await waitForMail(this.options.dataDir, (m) => m.to.includes(email), { after: before, timeoutMs: 15_000 });
    await this.account(person);
    await this.must('POST', `/api/invitations/${invitationTokenOf(mail)}/accept`, email);
    this.report.created += 1;
  }

  // Alliances --------------------------------------------------------------------------------------

  private async alliance(seed: AllianceSeed): Promise<void> {
    const lead = this.adminOf(seed.lead);
    const list = await this.must('GET', '/api/alliances?limit=200', lead);
    let id: string | undefined = list.items.find((a: { name: string }) => a.name === seed.name)?.id;
    if (!id) {
      id = (
        await this.created(
          this.must('POST', '/api/alliances', lead, {
            ...pick(seed, ['name', 'purpose', 'category', 'collectiveObjectives', 'domains', 'scale', 'territoryCodes', 'innovationStage']),
            organisationId: this.orgId(seed.lead),
          } satisfies CreateAllianceRequest),
        )
      ).id as string;
    }
    const allianceId = id;
    this.report.alliances += 1;
    let detail = await this.must('GET', `/api/alliances/${allianceId}`, lead);
    for (const m of seed.members) {
      const organisationId = this.orgId(m.org);
      const current = detail.members.find((x: { organisationId: string }) => x.organisationId === organisationId);
      if (!current || current.status === 'declined')
        detail = await this.created(this.must('POST', `/api/alliances/${allianceId}/members`, lead, { organisationId, role: m.role }));
      if (detail.members.find((x: { organisationId: string }) => x.organisationId === organisationId)?.status === 'invited') {
        await this.must('POST', `/api/alliances/${allianceId}/members/${organisationId}/accept`, this.adminOf(m.org));
      }
    }
    for (const [org, objective] of Object.entries(seed.objectives)) {
      await this.must('PUT', `/api/alliances/${allianceId}/members/${this.orgId(org)}/objective`, this.adminOf(org), objective);
    }
    await this.charter(seed, allianceId);
    const objectiveIds = await this.sharedObjectives(seed, allianceId);
    for (const evaluation of seed.evaluations ?? []) await this.evaluation(seed, allianceId, evaluation, objectiveIds);
    await this.contributions(seed, allianceId);
    await this.comments(seed, allianceId, objectiveIds);
    await this.caseStudy(seed, allianceId);
    this.log(
      `  alliance ${seed.name}: charter ${seed.charter}, ${seed.sharedObjectives.length} objective(s), ${seed.evaluations?.length ?? 0} evaluation(s)`,
    );
  }

  // Charter --------------------------------------------------------------------------------------

  private async charter(seed: AllianceSeed, allianceId: string): Promise<void> {
    const lead = this.adminOf(seed.lead);
    const path = `/api/alliances/${allianceId}/charter`;
    const charter = await this.must('GET', path, lead);
    const sections = charterSections(seed, (key) => this.orgSeed(key).name);
    // A charter still being written shows only its first sections filled in.
    const keys: CharterSectionKey[] = seed.charter === 'draft' ? ['context', 'common_objective', 'partners'] : [...CHARTER_SECTION_KEYS];
    const written = charter.sections.find((s: { key: string }) => s.key === 'context')?.markdown.includes(sections.context[0]);
    if (charter.latestVersion === null && !written) {
      const editor = await CollabClient.join(this.options.baseUrl, await this.token(lead), allianceId);
      try {
        editor.doc.transact(() => {
          for (const key of keys) {
            const fragment = editor.doc.getXmlFragment(key);
            fragment.delete(0, fragment.length);
            fragment.push(
              sections[key].map((text) => {
                const paragraph = new Y.XmlElement('paragraph');
                const node = new Y.XmlText();
                node.insert(0, text);
                paragraph.insert(0, [node]);
                return paragraph;
              }),
            );
          }
        });
        const acks = await editor.flush();
        if (acks.some((a) => !a.ok)) throw new Error(`charter of ${seed.name}: ${JSON.stringify(acks)}`);
      } finally {
        editor.close();
      }
      this.report.created += 1;
    }
    if (seed.charter === 'draft') return;
    if (charter.latestVersion === null) await this.created(this.must('POST', `${path}/versions`, lead));
    const [latest] = await this.must('GET', `${path}/versions`, lead);
    const signers =
      seed.charter === 'in_force'
        ? [seed.lead, ...seed.members.filter((m) => m.role === 'partner').map((m) => m.org)]
        : (seed.signedBy ?? []);
    for (const org of signers) {
      const organisationId = this.orgId(org);
      if (latest.signatures.some((s: { organisationId: string }) => s.organisationId === organisationId)) continue;
      await this.created(
        this.must('POST', `${path}/versions/${latest.version}/signatures`, this.signerOf(org), { organisationId, sha256: latest.sha256 }),
      );
    }
    if (seed.charter === 'in_force') this.report.chartersInForce += 1;
  }

  // Shared objectives ------------------------------------------------------------------------------

  private async sharedObjectives(seed: AllianceSeed, allianceId: string): Promise<string[]> {
    const lead = this.adminOf(seed.lead);
    const ids: string[] = [];
    for (const o of seed.sharedObjectives) {
      let objective = (await this.must('GET', `/api/alliances/${allianceId}/objectives`, lead)).find(
        (x: { title: string }) => x.title === o.title,
      );
      objective ??= await this.created(
        this.must('POST', `/api/alliances/${allianceId}/objectives`, lead, {
          title: o.title,
          collectiveObjective: o.collectiveObjective,
          description: o.description,
        }),
      );
      ids.push(objective.id);
      this.report.objectives += 1;
      // Indicators started about a year and a half ago, for three years; one check-in a quarter since.
      const start = monthsFromNow(-19, 1);
      const end = monthsFromNow(17, 1);
      for (const ind of o.indicators) {
        const existing = objective.indicators.find((i: { name: string }) => i.name === ind.name);
        const indicator =
          existing ??
          (await this.created(
            this.must('POST', `/api/objectives/${objective.id}/indicators`, lead, {
              name: ind.name,
              unit: ind.unit,
              baseline: ind.baseline,
              target: ind.target,
              startDate: isoDay(start),
              targetDate: isoDay(end),
              direction: ind.direction,
              ownerOrganisationId: this.orgId(ind.owner),
            }),
          ));
        this.report.indicators += 1;
        for (const [i, share] of ind.path.entries()) {
          const raw = ind.baseline + share * (ind.target - ind.baseline);
          const value = ind.unit === '%' ? Math.round(raw * 10) / 10 : Math.round(raw);
          const date = new Date(start);
          date.setUTCMonth(date.getUTCMonth() + 3 * (i + 1));
          date.setUTCDate(date.getUTCDate() - 1);
          const note = ind.notes?.[i];
          const res = await this.call('POST', `/api/indicators/${indicator.id}/checkins`, this.adminOf(ind.owner), {
            id: stableId(`checkin:${seed.key}:${ind.name}:${i}`),
            value,
            date: isoDay(date),
            ...(note ? { note } : {}),
            confidence: 3 + (i % 3 === 0 ? 1 : 0),
          });
          if (res.status === 201) this.report.created += 1;
          else if (res.status !== 200) throw new Error(`check-in of ${ind.name}: ${res.status} ${res.text.slice(0, 300)}`);
          this.report.checkIns += 1;
        }
      }
      for (const m of o.milestones) {
        let milestone = objective.milestones.find((x: { title: string }) => x.title === m.title);
        milestone ??= await this.created(
          this.must('POST', `/api/objectives/${objective.id}/milestones`, lead, {
            title: m.title,
            ownerOrganisationId: this.orgId(m.owner),
            dueDate: isoDay(monthsFromNow(m.monthsFromNow, 15)),
          }),
        );
        if (m.done && !milestone.done) await this.must('PATCH', `/api/milestones/${milestone.id}`, lead, { done: true });
      }
      for (const [org, squares] of Object.entries(o.benefits))
        await this.must('PUT', `/api/objectives/${objective.id}/benefits/${this.orgId(org)}`, this.adminOf(org), { squares });
    }
    return ids;
  }

  // Evaluation -------------------------------------------------------------------------------------

  /** A campaign answered by every partner's people (blind), closed by the lead, with its action plan. */
  private async evaluation(seed: AllianceSeed, allianceId: string, e: EvaluationSeed, objectiveIds: string[]): Promise<void> {
    const lead = this.adminOf(seed.lead);
    const campaigns: { id: string; title: string; status: string }[] = await this.must(
      'GET',
      `/api/alliances/${allianceId}/evaluations`,
      lead,
    );
    let summary = campaigns.find((c) => c.title === e.title);
    if (!summary) {
      const launched = await this.created(
        this.must('POST', `/api/alliances/${allianceId}/evaluations`, lead, {
          title: e.title,
          closesAt: monthsFromNow(1, 28).toISOString(),
        }),
      );
      summary = { id: launched.id, title: launched.title, status: launched.status };
    }
    if (summary.status === 'open') {
      const campaign = await this.must('GET', `/api/evaluations/${summary.id}`, lead);
      let commentIndex = 0;
      for (const org of [seed.lead, ...seed.members.filter((m) => m.role === 'partner').map((m) => m.org)]) {
        for (const person of this.orgSeed(org).people) {
          const email = emailOf(person);
          const draw = random(`${seed.key}:${e.title}:${email}`);
          const bias = (draw() - 0.5) * 0.8;
          const answers = campaign.questions.map((q: { id: string; dimension: string }, i: number) => {
            const dimensionShift = q.dimension.startsWith('impact') ? -0.3 : q.dimension === 'trust' ? 0.2 : 0;
            const score = Math.min(5, Math.max(1, Math.round((e.mood[org] ?? 3.5) + bias + dimensionShift + (draw() - 0.5) * 1.2)));
            const comment = i === 0 && commentIndex < e.comments.length ? e.comments[commentIndex++] : undefined;
            return { questionId: q.id, score, ...(comment ? { comment } : {}) };
          });
          await this.must('PUT', `/api/evaluations/${summary.id}/responses/me`, email, { answers, submit: true });
        }
      }
      await this.must('POST', `/api/evaluations/${summary.id}/close`, lead);
    }
    this.report.evaluations += 1;
    const actions: { title: string }[] = await this.must('GET', `/api/evaluations/${summary.id}/actions`, lead);
    for (const a of e.actions.filter((x) => !actions.some((y) => y.title === x.title))) {
      await this.created(
        this.must('POST', `/api/evaluations/${summary.id}/actions`, lead, {
          title: a.title,
          ownerOrganisationId: this.orgId(a.owner),
          dueDate: monthsFromNow(a.monthsFromNow, 20).toISOString(),
          ...(a.charterSection ? { charterSection: a.charterSection } : { objectiveId: objectiveIds[0] }),
        }),
      );
    }
  }

  // Contributions, discussion, case study ------------------------------------------------------------

  private async contributions(seed: AllianceSeed, allianceId: string): Promise<void> {
    if (!seed.contributions?.length) return;
    const existing: { description: string }[] = await this.must(
      'GET',
      `/api/alliances/${allianceId}/contributions`,
      this.adminOf(seed.lead),
    );
    for (const c of seed.contributions.filter((x) => !existing.some((y) => y.description === x.description))) {
      await this.created(
        this.must('POST', `/api/alliances/${allianceId}/contributions`, this.adminOf(c.org), {
          organisationId: this.orgId(c.org),
          kind: c.kind,
          description: c.description,
          valuation: c.valuation,
        }),
      );
    }
  }

  /** Comments carry a stable id: posting one again answers 200 with the original. */
  private async comments(seed: AllianceSeed, allianceId: string, objectiveIds: string[]): Promise<void> {
    const author = (handle: string): string => {
      const person = ORGANISATIONS.flatMap((o) => o.people).find((p) => emailOf(p).startsWith(`${handle}@`));
      if (!person) throw new Error(`unknown comment author ${handle}`);
      return emailOf(person);
    };
    for (const [i, c] of (seed.comments ?? []).entries()) {
      const target = c.on === 'objective' ? { type: 'objective', id: objectiveIds[0] } : { type: 'alliance', id: allianceId };
      const parentId = stableId(`comment:${seed.key}:${i}`);
      await this.comment(author(c.author), { id: parentId, allianceId, target, body: c.body });
      for (const [j, r] of (c.replies ?? []).entries())
        await this.comment(author(r.author), { id: stableId(`comment:${seed.key}:${i}:${j}`), allianceId, target, body: r.body, parentId });
    }
  }

  private async comment(as: string, body: Record<string, unknown>): Promise<void> {
    const res = await this.call('POST', '/api/comments', as, body);
    if (res.status === 201) this.report.created += 1;
    else if (res.status !== 200) throw new Error(`comment: ${res.status} ${res.text.slice(0, 300)}`);
    this.report.comments += 1;
  }

  /** The lead prepares the card; each partner organisation's admin consents; the last consent publishes it. */
  private async caseStudy(seed: AllianceSeed, allianceId: string): Promise<void> {
    if (!seed.caseStudy) return;
    const lead = this.adminOf(seed.lead);
    let res = await this.call('GET', `/api/alliances/${allianceId}/case-study`, lead);
    if (res.status === 404) {
      const objectives: { indicators: { id: string }[] }[] = await this.must('GET', `/api/alliances/${allianceId}/objectives`, lead);
      const indicatorIds = objectives.flatMap((o) => o.indicators.map((i) => i.id));
      res = {
        ...res,
        status: 200,
        body: await this.created(this.must('PUT', `/api/alliances/${allianceId}/case-study`, lead, { ...seed.caseStudy, indicatorIds })),
      };
    }
    for (const consent of (res.body.consents as { organisationId: string; consentedAt: string | null }[]).filter((c) => !c.consentedAt)) {
      const org = [...this.orgIds.entries()].find(([, id]) => id === consent.organisationId)?.[0];
      if (org)
        await this.must('POST', `/api/case-studies/${res.body.id}/consents`, this.adminOf(org), { organisationId: consent.organisationId });
    }
    this.report.caseStudies += 1;
  }

  // Funding ----------------------------------------------------------------------------------------

  /** A grant with its tranches and reports, brought to where the seed says: reports sent, approved, tranches paid. */
  private async grant(g: (typeof GRANTS)[number]): Promise<void> {
    const seed = ALLIANCES.find((a) => a.key === g.alliance) as AllianceSeed;
    const lead = this.adminOf(seed.lead);
    const funder = this.adminOf(g.funder);
    const funderOrganisationId = this.orgId(g.funder);
    const allianceId = (await this.must('GET', '/api/alliances?limit=200', lead)).items.find((a: { name: string }) => a.name === seed.name)
      .id as string;
    const grants: any[] = await this.must('GET', `/api/alliances/${allianceId}/grants`, funder);
    let grant = grants.find((x) => x.funderOrganisationId === funderOrganisationId && x.startsOn === g.startsOn && x.amount === g.amount);
    grant ??= await this.created(
      this.must('POST', `/api/alliances/${allianceId}/grants`, funder, {
        funderOrganisationId,
        amount: g.amount,
        startsOn: g.startsOn,
        endsOn: g.endsOn,
        conditions: g.conditions,
        tranches: g.tranches.map((t) => ({
          amount: t.amount,
          dueOn: t.dueOn,
          ...(t.requiresReport !== undefined ? { requiresReport: t.requiresReport } : {}),
        })),
        reports: g.reports.map((r) => ({ title: r.title, dueOn: r.dueOn })),
      }),
    );
    const reportOf = (title: string): { id: string; status: string } => grant.reports.find((x: { title: string }) => x.title === title);
    for (const r of g.reports) {
      if (r.submission && ['pending', 'returned'].includes(reportOf(r.title).status))
        grant = await this.must('POST', `/api/reports/${reportOf(r.title).id}/submission`, lead, { submission: r.submission });
      if (r.approved && reportOf(r.title).status === 'submitted')
        grant = await this.must('POST', `/api/reports/${reportOf(r.title).id}/review`, funder, { approved: true });
    }
    for (const [i, t] of g.tranches.entries()) {
      const tranche = grant.tranches[i];
      if (t.paid && tranche.status !== 'paid') grant = await this.must('PATCH', `/api/tranches/${tranche.id}`, funder, { status: 'paid' });
    }
    this.report.grants += 1;
    this.log(`  grant ${this.orgSeed(g.funder).name} → ${seed.name}: ${g.amount.toLocaleString('fr-FR')} €`);
  }

  // Proposals and catalysts (issue 14) ----------------------------------------------------------------
  // BEGIN proposals demo block: a pending proposal from an association to a company of its région,
  // and a territorial catalyst for a région.

  private async proposalsAndCatalyst(): Promise<void> {
    await this.must('PUT', `/api/admin/organisations/${this.orgId('grenoble')}/catalyst`, this.options.admin.email, {
      territoryCodes: ['R84'],
    });
    this.log(`  catalyst ${this.orgSeed('grenoble').name}: Auvergne-Rhône-Alpes (R84)`);
    const [from, to] = [this.orgId('numerique'), this.orgId('mutuelle')];
    // The recipient must be listed in the directory (its profile route lands with the directory).
    const listed = await this.call('PATCH', `/api/organisations/${to}`, this.adminOf('mutuelle'), { listed: true });
    if (listed.status >= 300) {
      this.log(`  proposal skipped: the directory's profile route answered ${listed.status}`);
      return;
    }
    const received = await this.must('GET', `/api/proposals?organisationId=${to}&box=received&limit=200`, this.adminOf('mutuelle'));
    if (!received.items.some((p: { from: { organisationId: string } }) => p.from.organisationId === from))
      await this.created(
        this.must('POST', '/api/proposals', this.adminOf('numerique'), {
          fromOrganisationId: from,
          toOrganisationId: to,
          message:
            'Bonjour, nos ateliers numériques accueillent beaucoup de salariés aidants : construisons ensemble un parcours d’accompagnement pour vos adhérents de la métropole lilloise ?',
          category: 'societal_innovation',
        }),
      );
    this.log(`  proposal ${this.orgSeed('numerique').name} → ${this.orgSeed('mutuelle').name} (pending)`);
  }
  // END proposals demo block
  // Self-diagnostic (issue 14) ---------------------------------------------------------------------

  /** The demo association's self-diagnostics, in order; a second run adds none. */
  private async diagnostics(): Promise<void> {
    const org = this.orgSeed(DEMO_DIAGNOSTICS.organisation);
    const id = this.orgId(org.key);
    const admin = this.adminOf(org.key);
    const history: { items: unknown[] } = await this.must('GET', `/api/organisations/${id}/diagnostics`, admin);
    const questionnaire: { axes: { questions: { id: string; options: { id: string }[] }[] }[] } = await this.must(
      'GET',
      `/api/diagnostics/questionnaire?profile=${org.profile}&lang=fr`,
      admin,
    );
    for (const take of DEMO_DIAGNOSTICS.takes.slice(history.items.length)) {
      const answers = questionnaire.axes.flatMap((a) =>
        a.questions.map((q) => ({ questionId: q.id, optionId: q.options[Math.min(take.option, q.options.length - 1)].id })),
      );
      await this.created(this.must('POST', `/api/organisations/${id}/diagnostics`, admin, { answers }));
    }
    this.log(`  self-diagnostics of ${org.name}: ${DEMO_DIAGNOSTICS.takes.length}`);
  }

  // End of self-diagnostic -------------------------------------------------------------------------

  // Observatory (issue 18) ---------------------------------------------------------------------------

  /** The lead opts each participating alliance in and every partner organisation's admin consents; a second run adds nothing. */
  private async observatory(): Promise<void> {
    let joined = 0;
    for (const key of OBSERVATORY_PARTICIPANTS) {
      const seed = [...ALLIANCES, ...OBSERVATORY_ALLIANCES].find((a) => a.key === key);
      if (!seed) throw new Error(`unknown observatory alliance ${key}`);
      const lead = this.adminOf(seed.lead);
      const list = await this.must('GET', '/api/alliances?limit=200', lead);
      const allianceId = list.items.find((a: { name: string }) => a.name === seed.name)?.id as string;
      const path = `/api/alliances/${allianceId}/observatory`;
      const current = await this.call('GET', path, lead);
      if (current.status === 404 && joined === 0) {
        this.log(`  observatory skipped: the API answered ${current.status} to ${path}`);
        return;
      }
      let participation = current.status === 200 ? current.body : await this.must('GET', path, lead);
      if (participation.status === 'off') participation = await this.created(this.must('PUT', path, lead, { optIn: true }));
      for (const consent of (participation.consents as { organisationId: string; consentedAt: string | null }[]).filter(
        (c) => !c.consentedAt,
      )) {
        const org = [...this.orgIds.entries()].find(([, id]) => id === consent.organisationId)?.[0];
        if (!org) throw new Error(`observatory of ${seed.name}: no demo organisation ${consent.organisationId}`);
        participation = await this.created(
          this.must('POST', `${path}/consents`, this.adminOf(org), { organisationId: consent.organisationId }),
        );
      }
      if (participation.status !== 'in') throw new Error(`observatory of ${seed.name}: ${participation.status} after every consent`);
      joined += 1;
    }
    this.log(`  observatory: ${joined} alliances take part, with every partner's consent`);
  }
}
