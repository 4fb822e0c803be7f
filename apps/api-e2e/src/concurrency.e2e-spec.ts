import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  randomSiren,
  sql,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

/**
 * OPTIMISTIC CONCURRENCY. Two people edit the same object from the same version: exactly one wins,
 * the other gets 409 and must reload — every time, not most of the time. Each trial fires both
 * requests at once; 1,000 trials per versioned resource. State transitions (paying a tranche,
 * reviewing a report) are conditional on the state read, likewise.
 */

const ENV = {
  ADMIN_EMAIL: 'admin@concurrency.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const TRIALS = Number(process.env['CONCURRENCY_TRIALS'] ?? 1000);
/** Tranches raced at once (each by two payments). */
const BATCH = 4;

describe(`optimistic concurrency (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let colleague: Session;
  let funder: Session;
  let leadOrg: string;
  let funderOrg: string;
  let allianceId: string;
  let objectiveId: string;
  let indicatorId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, funder] = await Promise.all([api.signUp({ displayName: 'Léa Pilote' }), api.signUp({ displayName: 'Fanny Fondation' })]);
    leadOrg = (await api.applyOrganisation(lead, { name: 'Association Pilote' })).id;
    funderOrg = (await api.applyOrganisation(funder, { name: 'Fondation', profile: 'foundation', rna: undefined, siren: randomSiren() }))
      .id;
    await Promise.all([api.approveOrganisation(admin, leadOrg), api.approveOrganisation(admin, funderOrg)]);
    colleague = await api.addMember(lead, leadOrg, 'admin', proc.dataDir, { displayName: 'Paul Collègue' });
    const alliance = await api.post(
      '/api/alliances',
      {
        name: 'Alliance disputée',
        purpose: 'Deux rédacteurs à la fois',
        category: 'philanthropy',
        collectiveObjectives: ['engagement'],
        domains: ['health'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    allianceId = alliance.body.id;
    await api.post(`/api/alliances/${allianceId}/members`, { organisationId: funderOrg, role: 'funder' }, { token: lead.accessToken });
    await api.post(`/api/alliances/${allianceId}/members/${funderOrg}/accept`, undefined, { token: funder.accessToken });
    objectiveId = (
      await api.post(
        `/api/alliances/${allianceId}/objectives`,
        { title: 'Objectif disputé', collectiveObjective: 'engagement', description: '' },
        { token: lead.accessToken },
      )
    ).body.id;
    indicatorId = (
      await api.post(
        `/api/objectives/${objectiveId}/indicators`,
        {
          name: 'Indicateur disputé',
          unit: 'personnes',
          baseline: 0,
          target: 100,
          startDate: '2026-01-01',
          targetDate: '2027-01-01',
          direction: 'increase',
          ownerOrganisationId: leadOrg,
        },
        { token: lead.accessToken },
      )
    ).body.id;
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  /** The trials of one resource: in sequence, each one's two writers concurrent, from the same version. */
  async function race(label: string, path: string, field: string, read: () => Promise<{ version: number; value: string }>) {
    const start = await read();
    let version = start.version;
    const outcomes: Record<string, number> = {};
    const anomalies: string[] = [];
    let lastWinner = start.value;
    const started = Date.now();
    for (let trial = 0; trial < TRIALS; trial++) {
      const values = [`${label} A ${trial}`, `${label} B ${trial}`];
      const answers = await Promise.all(
        [lead, colleague].map((who, i) => api.patch(path, { [field]: values[i], version }, { token: who.accessToken })),
      );
      const statuses = answers.map((r) => r.status);
      const key = [...statuses].sort().join('+');
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      const winners = statuses.filter((s) => s === 200).length;
      if (winners !== 1 || !statuses.includes(409)) anomalies.push(`trial ${trial}: ${statuses.join(', ')}`);
      if (winners) {
        lastWinner = values[statuses.indexOf(200)];
        version += 1;
      }
      // Now and then, the stored object is the winner's, at the next version.
      if (trial % 200 === 0) {
        const now = await read();
        if (now.value !== lastWinner || now.version !== version)
          anomalies.push(`trial ${trial}: stored ${JSON.stringify(now)}, expected ${lastWinner} v${version}`);
      }
    }
    const end = await read();
    console.log(
      `concurrency ${label}: ${TRIALS} trials in ${((Date.now() - started) / 1000).toFixed(1)} s, outcomes ${JSON.stringify(outcomes)}, version ${start.version} → ${end.version}`,
    );
    expect(anomalies).toEqual([]);
    expect(outcomes).toEqual({ '200+409': TRIALS });
    expect(end).toEqual({ version: start.version + TRIALS, value: lastWinner });
  }

  it(`alliance: exactly one of two writers with the same version wins, over ${TRIALS} trials`, async () => {
    await race('alliance', `/api/alliances/${allianceId}`, 'name', async () => {
      const a = (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body;
      return { version: a.version, value: a.name };
    });
  }, 600_000);

  it(`objective: exactly one of two writers with the same version wins, over ${TRIALS} trials`, async () => {
    await race('objective', `/api/objectives/${objectiveId}`, 'title', async () => {
      const o = (await api.get(`/api/alliances/${allianceId}/objectives`, { token: lead.accessToken })).body.find(
        (x: { id: string }) => x.id === objectiveId,
      );
      return { version: o.version, value: o.title };
    });
  }, 600_000);

  it(`indicator: exactly one of two writers with the same version wins, over ${TRIALS} trials`, async () => {
    await race('indicator', `/api/indicators/${indicatorId}`, 'name', async () => {
      const i = (await api.get(`/api/indicators/${indicatorId}`, { token: lead.accessToken })).body;
      return { version: i.version, value: i.name };
    });
  }, 600_000);

  it('rejects a stale version without changing anything, and accepts an edit without version as the latest', async () => {
    const before = (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body;
    const stale = await api.patch(
      `/api/alliances/${allianceId}`,
      { name: 'Trop tard', version: before.version - 1 },
      { token: lead.accessToken },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('alliance.stale_version');
    expect((await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body).toMatchObject({
      name: before.name,
      version: before.version,
    });
    const objective = await api.patch(`/api/objectives/${objectiveId}`, { description: 'Sans version' }, { token: lead.accessToken });
    expect(objective.status).toBe(200);
    const staleObjective = await api.patch(
      `/api/objectives/${objectiveId}`,
      { title: 'Trop tard', version: objective.body.version - 1 },
      { token: lead.accessToken },
    );
    expect(staleObjective.status).toBe(409);
    expect(staleObjective.body.code).toBe('objective.stale_version');
  });

  it('pays a tranche once when two payments race, and reviews a report once', async () => {
    const tranches = Array.from({ length: 50 }, (_, i) => ({ amount: 100, dueOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-01` }));
    const grant = await api.post(
      `/api/alliances/${allianceId}/grants`,
      {
        funderOrganisationId: funderOrg,
        amount: 5_000,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        tranches,
        reports: Array.from({ length: 20 }, (_, i) => ({ title: `Rapport ${i}`, dueOn: '2026-06-30' })),
      },
      { token: funder.accessToken },
    );
    expect(grant.status).toBe(201);
    const outcomes: Record<string, number> = {};
    const count = (statuses: number[]) => {
      const key = statuses.sort().join('+');
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    };
    for (let i = 0; i < grant.body.tranches.length; i += BATCH) {
      await Promise.all(
        grant.body.tranches.slice(i, i + BATCH).map(async (t: { id: string }) => {
          const answers = await Promise.all(
            [0, 1].map(() => api.patch(`/api/tranches/${t.id}`, { status: 'paid' }, { token: funder.accessToken })),
          );
          count(answers.map((r) => r.status));
        }),
      );
    }
    for (const report of grant.body.reports as { id: string }[]) {
      expect(
        (
          await api.post(
            `/api/reports/${report.id}/submission`,
            { submission: 'Un semestre d’activité, 80 personnes accompagnées.' },
            { token: lead.accessToken },
          )
        ).status,
      ).toBe(200);
      const answers = await Promise.all(
        [true, false].map((approved) =>
          api.post(`/api/reports/${report.id}/review`, { approved, comment: 'Précisez les chiffres' }, { token: funder.accessToken }),
        ),
      );
      count(answers.map((r) => r.status));
    }
    console.log(`concurrency funding: outcomes ${JSON.stringify(outcomes)}`);
    expect(outcomes).toEqual({ '200+409': 70 });
    const paid = await sql(proc, db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'tranche.paid' AND alliance_id = $1`, [
      allianceId,
    ]);
    expect(paid[0].n).toBe(50);
  }, 120_000);
});
