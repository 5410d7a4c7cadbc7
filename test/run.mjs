// Runs the test suites with node:test (TypeScript through tsx).
// `node test/run.mjs` runs every tier that needs no extra machinery; `node test/run.mjs unit protocol` picks tiers.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_TIERS = ['unit', 'grammar', 'protocol', 'fuzz'];
const tiers = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_TIERS;

function find(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? find(p) : /\.test\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

const files = tiers.flatMap((t) => find(join('test', t))).sort();
if (files.length === 0) {
  console.error(`no test files in ${tiers.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
