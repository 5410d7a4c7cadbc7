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

test('the core keeps no cache in a WeakMap and makes no getter in an object literal: each would keep every report it reads alive through the young generation\'s collections', async () => {
  // Both were measured: V8's scavenger keeps a WeakMap entry's value alive while its key is young, and a
  // literal's getter (a new closure each time) gives each object a hidden class of its own, in the old
  // generation, that reaches the object's closure. Checking a folder promoted 140 KB a report and spent a
  // fifth of its time collecting. A class's getter or a `Slot` (text/slot.ts) does neither.
  const found: string[] = [];
  for (const f of files(CORE)) {
    const lines = readFileSync(f, 'utf8').split('\n');
    const at = (i: number) => `${f.slice(CORE.length + 1)}:${i + 1}`;
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$|^\s*\*.*$|'[^']*'|`[^`]*`/g, '');
      // The project configuration's matcher is kept per configuration, not per report.
      if (/\bnew WeakMap\b/.test(code) && !f.endsWith('config.ts')) found.push(`WeakMap, ${at(i)}`);
      if (/[{,]\s*get \w+\(/.test(code)) found.push(`getter in an object literal, ${at(i)}`);
      const getter = /^(\s*)get \w+\(/.exec(code);
      if (!getter) return;
      // A getter on a line of its own belongs to the nearest line above that is indented less: a class's or a literal's.
      let j = i - 1;
      while (j >= 0 && (lines[j].trim() === '' || /^\s*(\/\/|\*|\/\*)/.test(lines[j]) || lines[j].search(/\S/) >= getter[1].length)) j--;
      if (j < 0 || !/\bclass\b/.test(lines[j])) found.push(`getter in an object literal, ${at(i)}`);
    });
  }
  assert.deepEqual(found, []);
});

test('a Slot keeps a value on its object, unseen by JSON, spreads and deep equality', async () => {
  const { Slot } = await import('../../server/src/core/text/slot');
  const slot = new Slot<object, number[]>('test');
  const table = { rows: [1, 2] };
  assert.equal(slot.get(table), undefined);
  slot.set(table, [7]);
  assert.deepEqual(slot.get(table), [7]);
  assert.deepEqual(table, { rows: [1, 2] });
  assert.equal(JSON.stringify(table), '{"rows":[1,2]}');
  assert.equal(slot.get({ ...table }), undefined);
  slot.set(table, undefined);
  assert.equal(slot.get(table), undefined);
  assert.equal(new Slot<object, number>('other').get(table), undefined);
});
