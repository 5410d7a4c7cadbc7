// Runs the assertion files in test/grammar/cases/ (vscode-tmgrammar-test's format) through the tool's own
// parser and runner, on the grammar the manifest declares. `node_modules/.bin/vscode-tmgrammar-test
// 'test/grammar/cases/*.nianbao'` runs the same files from the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGrammarTestCase, runGrammarTestCase, type TestFailure } from 'vscode-tmgrammar-test/dist/unit/index';
import { createRegistry, GRAMMAR_FILE, ROOT, SCOPE } from './tokenize';

const CASES = join(__dirname, 'cases');
const registry = createRegistry();

function describe(f: TestFailure, source: string[]): string {
  const where = `case line ${f.line + 1}, source line ${f.srcLine + 1} [${f.start}, ${f.end}) ${JSON.stringify(source[f.srcLine]?.slice(f.start, f.end))}`;
  return `${where}: missing ${f.missing.join(' ') || '-'}; unexpected ${f.unexpected.join(' ') || '-'}; actual ${f.actual.join(' ')}`;
}

test('the manifest declares the grammar this suite tests', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'nianbao');
  assert.equal(g.scopeName, SCOPE);
  assert.equal(join(ROOT, g.path), GRAMMAR_FILE);
  assert.equal(JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8')).scopeName, SCOPE);
});

const files = readdirSync(CASES).filter((n) => n.endsWith('.nianbao')).sort();

test('there are assertion files', () => {
  assert.ok(files.length >= 3, files.join(', '));
});

for (const name of files) {
  test(`cases/${name}`, async () => {
    const text = readFileSync(join(CASES, name), 'utf8');
    const tc = parseGrammarTestCase(text);
    assert.equal(tc.metadata.scope, SCOPE);
    assert.ok(tc.assertions.length > 0, 'no assertions');
    const failures = await runGrammarTestCase(registry, tc);
    assert.deepEqual(failures.map((f) => describe(f, tc.source)), []);
  });
}

test('the runner reports a wrong assertion (it is not vacuous)', async () => {
  const tc = parseGrammarTestCase(['# SYNTAX TEST "text.nianbao"', '三、本年度办理结果', '#<- markup.heading.section.nianbao'].join('\n'));
  const failures = await runGrammarTestCase(registry, tc);
  assert.equal(failures.length, 1);
  assert.deepEqual(failures[0].missing, ['markup.heading.section.nianbao']);
});
