import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter, Locale } from 'opencc-js/t2cn';
import { toSimplified } from '../../server/src/core/text/normalize';

// toSimplified skips OpenCC for a text that holds none of the characters its dictionaries change:
// what it gives must be what OpenCC gives, for every entry of those dictionaries and every real line.
const opencc = Converter({ from: 't', to: 'cn' });
type Dict = string | readonly (readonly string[])[];
const t2s = (Locale.configs as unknown as Record<string, { normalizationChain?: Dict[][]; conversionChain: Dict[][] }>).t2s;
const keys = [...(t2s.normalizationChain ?? []), ...t2s.conversionChain].flat().flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')[0]) : d.map((e) => e[0])));

test('toSimplified agrees with OpenCC on every dictionary entry, alone and within Simplified text', () => {
  assert.ok(keys.length > 4000, `the t2s dictionaries are read (${keys.length} entries)`);
  for (const k of keys) {
    assert.equal(toSimplified(k), opencc(k), k);
    const within = `本机关${k}依法公开`;
    assert.equal(toSimplified(within), opencc(within), within);
  }
});

test('toSimplified agrees with OpenCC on every line of the seeds and the corpus, and leaves Simplified lines alone', () => {
  const root = join(__dirname, '..', '..');
  const dirs = [join(root, 'examples'), join(root, 'test', 'fixtures', 'corpus')];
  let unchanged = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        const ours = toSimplified(line);
        assert.equal(ours, opencc(line), `${name}: ${line.slice(0, 40)}`);
        if (ours === line) unchanged++;
      }
    }
  }
  assert.ok(unchanged > 1000);
});
