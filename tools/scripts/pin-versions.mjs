// Rewrites every dependency range in package.json to the exact version installed in node_modules,
// so that `npm ci` on a clean machine resolves the same tree the lock file was tested with.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const field of ['dependencies', 'devDependencies']) {
  for (const name of Object.keys(pkg[field] ?? {})) {
    pkg[field][name] = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).version;
  }
}
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
