import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CORE = join(__dirname, '..', '..', 'server', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
}

test('the core imports nothing from VS Code, the LSP libraries or Node (it must run in a web worker)', () => {
  // Pure JavaScript packages that run in a web worker: Traditional → Simplified, JSONC, .gitignore patterns.
  const allowed = /^(\.{1,2}\/|opencc-js\/t2cn$|jsonc-parser$|ignore$)/;
  for (const f of files(CORE)) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)) {
      const spec = m[1] ?? m[2];
      assert.match(spec, allowed, `${f} imports ${spec}`);
    }
    assert.doesNotMatch(src, /\bprocess\.|\bBuffer\b|__dirname/, `${f} uses a Node global`);
  }
});

test('one rule per file, each with a stable kebab-case id', async () => {
  const { RULES } = await import('../../server/src/core');
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  const ruleFiles = readdirSync(join(CORE, 'rules')).filter((n) => !['index.ts', 'types.ts', 'names.ts', 'cells.ts', 'arithmetic.ts', 'scope.ts', 'residue.ts'].includes(n));
  assert.equal(ruleFiles.length, RULES.length);
});
