/**
 * The REST load shared by rest.bench.ts (the API against its floor) and embedded.bench.ts (the API on its
 * embedded server against the same build on the machine's PostgreSQL): the data (an alliance with
 * partners and a board in use, and a small one), the routes, autocannon's settings, and the measurement
 * of several targets alternately, so that the machine's noise hits each of them alike.
 */
import { ApiClient } from '@alliances/e2e/support';
import { COLLECTIVE_OBJECTIVES, MAGIC_SQUARE } from '@alliances/shared/contracts';
import autocannon from 'autocannon';
import { ADMIN_EMAIL, allianceWith, expectStatus, party, percentile, type Party } from './support';

export const SECONDS = Number(process.env['BENCH_REST_SECONDS'] ?? 5);
export const ROUNDS = 3;
export const CONNECTIONS = 50;
export const WARM_UP_SECONDS = 3;

/** A measured route, with what the large and the small alliance hold for it (or, per caller, what each caller has). */
export interface Route {
  name: string;
  path: (id: string) => string;
  large: string;
  small: string;
  /** The route is the caller's, not an alliance's: counted for a caller with several alliances and one with a single one. */
  perCaller?: boolean;
  /** Most SQL statements one request may run (the goal of the benchmark's count). */
  maxQueries?: number;
}

/** The measured routes, with what the large and the small alliance hold for each. */
export const ROUTES: Route[] = [
  {
    name: 'GET /api/alliances/:id',
    path: (id: string) => `/api/alliances/${id}`,
    large: '5 member organisations',
    small: '2 member organisations',
  },
  {
    name: 'GET /api/alliances/:id/objectives (board)',
    path: (id: string) => `/api/alliances/${id}/objectives`,
    large: '4 objectives, 12 indicators, 48 check-ins, 8 milestones',
    small: '1 objective, 1 indicator, 1 check-in, 2 milestones',
  },
  {
    name: 'GET /api/me/dashboard (home)',
    path: () => '/api/me/dashboard',
    large: 'the lead, in 4 alliances (the two above and two without a board)',
    small: 'the lead of 1 alliance',
    perCaller: true,
    maxQueries: 10,
  },
];

const daysFromNow = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Objectives with indicators, check-ins, milestones and benefits, as a board in use would have. */
async function fillBoard(
  api: ApiClient,
  allianceId: string,
  lead: Party,
  partners: Party[],
  objectives: number,
  indicatorsEach: number,
  checkInsEach: number,
): Promise<void> {
  const token = lead.session.accessToken;
  const orgs = [lead, ...partners];
  for (let o = 0; o < objectives; o++) {
    const objective = await api.post(
      `/api/alliances/${allianceId}/objectives`,
      {
        title: `Objectif partagé ${o + 1}`,
        collectiveObjective: COLLECTIVE_OBJECTIVES[o % 4],
        description: 'Accompagner ensemble les personnes éloignées de l’emploi sur le territoire.',
      },
      { token },
    );
    if (objective.status !== 201) throw new Error(`objective: ${objective.status} ${objective.text}`);
    const objectiveId = objective.body.id as string;
    for (let i = 0; i < indicatorsEach; i++) {
      const owner = orgs[(o + i) % orgs.length];
      const indicator = await api.post(
        `/api/objectives/${objectiveId}/indicators`,
        {
          name: `Indicateur ${o + 1}.${i + 1}`,
          unit: 'personnes',
          baseline: 0,
          target: 200,
          startDate: daysFromNow(-200),
          targetDate: daysFromNow(165),
          direction: 'increase',
          ownerOrganisationId: owner.organisationId,
        },
        { token },
      );
      if (indicator.status !== 201) throw new Error(`indicator: ${indicator.status} ${indicator.text}`);
      for (let c = 0; c < checkInsEach; c++) {
        await expectStatus(
          api.post(
            `/api/indicators/${indicator.body.id}/checkins`,
            { value: 20 + c * 25, date: daysFromNow(-180 + c * 45), confidence: 3 },
            { token: owner.session.accessToken },
          ),
          201,
          'check-in',
        );
      }
    }
    for (let m = 0; m < 2; m++) {
      await expectStatus(
        api.post(
          `/api/objectives/${objectiveId}/milestones`,
          { title: `Jalon ${m + 1}`, ownerOrganisationId: orgs[m % orgs.length].organisationId, dueDate: daysFromNow(-30 + m * 90) },
          { token },
        ),
        201,
        'milestone',
      );
    }
    for (const org of orgs.slice(0, 3)) {
      await expectStatus(
        api.call('PUT', `/api/objectives/${objectiveId}/benefits/${org.organisationId}`, {
          token: org.session.accessToken,
          body: { squares: MAGIC_SQUARE.slice(0, 2) },
        }),
        200,
        'benefit',
      );
    }
  }
}

export interface RestData {
  lead: Party;
  /** The lead's access token: every measured request is theirs. */
  token: string;
  /** The large alliance (5 member organisations, a board of 4 objectives) and the small one (2, 1). */
  large: string;
  small: string;
  /** The token of another lead, of a single alliance (per-caller routes are counted for them too). */
  soloToken: string;
}

/** Through the API at `url` (started with support.ts's BENCH_ENV): the people, the two alliances and their boards. */
export async function seedRestData(url: string): Promise<RestData> {
  const api = new ApiClient(url);
  const admin = await api.login(ADMIN_EMAIL);
  const lead = await party(api, admin);
  const partners = await Promise.all([1, 2, 3, 4].map(() => party(api, admin)));
  const large = await allianceWith(api, lead, partners, 'Grande alliance');
  const small = await allianceWith(api, lead, partners.slice(0, 1), 'Petite alliance');
  await fillBoard(api, large, lead, partners, 4, 3, 4);
  await fillBoard(api, small, lead, partners.slice(0, 1), 1, 1, 1);
  // For the home page: two more alliances of the lead's (4 in all), and another lead with a single alliance.
  await allianceWith(api, lead, partners.slice(3), 'Troisième alliance');
  await allianceWith(api, lead, partners.slice(3), 'Quatrième alliance');
  const solo = await party(api, admin);
  await allianceWith(api, solo, partners.slice(3), 'Alliance seule');
  return { lead, token: lead.session.accessToken, large, small, soloToken: solo.session.accessToken };
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
}

/** autocannon with CONNECTIONS connections on one URL for `seconds`; every answer must be a 2xx. */
export async function cannon(url: string, token: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Medians over the rounds of each figure. */
const medians = (runs: Load[]): Load => ({
  rps: percentile(
    runs.map((r) => r.rps),
    50,
  ),
  p50: percentile(
    runs.map((r) => r.p50),
    50,
  ),
  p99: percentile(
    runs.map((r) => r.p99),
    50,
  ),
});

/**
 * Each target warmed for WARM_UP_SECONDS (JIT, pools), then measured one after the other for SECONDS,
 * ROUNDS times; returns each target's medians, in the targets' order.
 */
export async function alternately(targets: { url: string; token: string }[]): Promise<Load[]> {
  for (const t of targets) await cannon(t.url, t.token, WARM_UP_SECONDS);
  const runs: Load[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) runs[i].push(await cannon(t.url, t.token, SECONDS));
  }
  return runs.map(medians);
}

/** The notes' sentence on how the load was applied. */
export const loadNote = (what: string): string =>
  `autocannon, ${CONNECTIONS} connections; after ${WARM_UP_SECONDS} s of warm-up each, ${what} alternately for ${SECONDS} s, ${ROUNDS} times; each figure is the median of the rounds; every response 200.`;
