/** argon2id verify time with the OWASP parameters the API uses (m=19 MiB, t=2, p=1). Run: npm run bench:argon2 */
import { hash, verify } from '@node-rs/argon2';
import { ARGON2_OPTIONS } from '../libs/api/identity/src/lib/password.service';
import { percentile, report } from './report';

async function main(): Promise<void> {
  const stored = await hash('Correct-Horse-Battery-42', ARGON2_OPTIONS);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    if (!(await verify(stored, 'Correct-Horse-Battery-42'))) throw new Error('verify failed');
    times.push(performance.now() - t);
  }
  report('argon2', [
    { figure: 'argon2id verify p50 (ms)', value: percentile(times, 50) },
    { figure: 'argon2id verify p99 (ms)', value: percentile(times, 99) },
  ]);
}

void main();
