import { request as httpRequest, Agent } from 'node:http';

export interface Sample {
  id: string;
  worker: number;
  method: string;
  path: string;
  start: number;
  end: number;
  /** HTTP status of a complete answer; undefined when no complete answer came back. */
  status?: number;
  body?: unknown;
  /** Transport error code (ECONNREFUSED, ECONNRESET, …) when no complete answer came back. */
  error?: string;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  token?: string;
}

/**
 * Steady load: `workers` loops, each sending one request after the other over its own keep-alive
 * connection (as a browser or a reverse proxy would; `keepAlive: false` opens a new connection for
 * every request), every request tagged with an `X-Request-Id`
 * so it can be found in the server's log. Every outcome is recorded with its timing.
 */
export class SteadyLoad {
  readonly samples: Sample[] = [];
  private running = true;
  private readonly loops: Promise<void>[];
  private readonly agents: Agent[] = [];
  private counter = 0;

  constructor(
    private readonly baseUrl: string,
    workers: number,
    next: (worker: number, n: number) => LoadRequest,
    private readonly options: { pauseMs?: number; timeoutMs?: number; tag?: string; keepAlive?: boolean } = {},
  ) {
    this.loops = Array.from({ length: workers }, (_, worker) => this.loop(worker, next));
  }

  /** Stops sending and waits for the requests still out. */
  async stop(): Promise<Sample[]> {
    this.running = false;
    await Promise.all(this.loops);
    this.agents.forEach((a) => a.destroy());
    return this.samples;
  }

  since(time: number): Sample[] {
    return this.samples.filter((s) => s.start >= time);
  }

  private async loop(worker: number, next: (worker: number, n: number) => LoadRequest): Promise<void> {
    const agent = new Agent({ keepAlive: this.options.keepAlive ?? true, maxSockets: 1 });
    this.agents.push(agent);
    for (let n = 0; this.running; n++) {
      const sample = await this.send(agent, worker, next(worker, n));
      this.samples.push(sample);
      if (this.options.pauseMs) await new Promise((r) => setTimeout(r, this.options.pauseMs));
    }
  }

  private send(agent: Agent, worker: number, req: LoadRequest): Promise<Sample> {
    const id = `${this.options.tag ?? 'load'}-${process.pid}-${++this.counter}-${worker}`;
    const url = new URL(req.path, this.baseUrl);
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { 'x-request-id': id, accept: 'application/json' };
    if (req.token) headers['authorization'] = `Bearer ${req.token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const start = Date.now();
    const base = { id, worker, method: req.method, path: req.path, start };
    return new Promise<Sample>((resolve) => {
      let settled = false;
      const settle = (sample: Omit<Sample, keyof typeof base | 'end'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...base, end: Date.now(), ...sample });
      };
      const r = httpRequest(url, { method: req.method, agent, headers, timeout: this.options.timeoutMs ?? 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e: NodeJS.ErrnoException) => settle({ error: e.code ?? e.message }));
        res.on('aborted', () => settle({ error: 'ABORTED' }));
        res.on('end', () => {
          if (!res.complete) return settle({ error: 'INCOMPLETE' });
          const text = Buffer.concat(chunks).toString();
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = text;
          }
          settle({ status: res.statusCode, body });
        });
      });
      r.on('timeout', () => {
        r.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' }));
      });
      r.on('error', (e: NodeJS.ErrnoException) => settle({ error: e.code ?? e.message }));
      r.end(payload);
    });
  }
}

/** Nearest-rank percentile of a list of numbers (0 when empty). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface HealthSample {
  start: number;
  end: number;
  /** 0 when no answer came back (connection refused or reset). */
  status: number;
}

/** `GET /api/health` every `everyMs`, each answer kept with its timing, until stopped. */
export function watchHealth(baseUrl: string, everyMs = 100): { samples: HealthSample[]; stop: () => Promise<HealthSample[]> } {
  const samples: HealthSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = Date.now();
      const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(20_000) }).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 0,
      );
      samples.push({ start, end: Date.now(), status });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

/** `200×12 503×3 ECONNREFUSED×1`: what a list of samples came back with. */
export function tally(samples: { status?: number; error?: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const key = String(s.status || s.error || 'none');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, v]) => `${k}×${v}`).join(' ') || 'none';
}
