// The committed grammar is the one scripts/build-grammar.ts writes; every rule compiles in Oniguruma;
// the language configuration is valid and its word pattern keeps numbers together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { renderReport } from '../../server/src/core/render/report';
import { GRAMMAR_FILE, loadGrammar, ROOT, tokenize } from './tokenize';

interface RawRule {
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  repository?: Record<string, RawRule>;
}

function walk(rule: RawRule, visit: (r: RawRule) => void): void {
  visit(rule);
  for (const r of rule.patterns ?? []) walk(r, visit);
  for (const r of Object.values(rule.captures ?? {})) walk(r, visit);
  for (const r of Object.values(rule.repository ?? {})) walk(r, visit);
}

test('the committed grammar is what scripts/build-grammar.ts writes', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-grammar.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every regex compiles and every include resolves', async () => {
  await loadGrammar(); // loads the Oniguruma WASM
  const grammar = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8')) as RawRule;
  const keys = new Set(Object.keys(grammar.repository ?? {}));
  let regexes = 0;
  walk(grammar, (r) => {
    for (const re of [r.match, r.begin, r.end]) {
      if (re === undefined) continue;
      regexes++;
      assert.doesNotThrow(() => new oniguruma.OnigScanner([re]).dispose(), re.slice(0, 120));
    }
    if (r.include && r.include !== '$self') assert.ok(keys.has(r.include.replace(/^#/, '')), r.include);
  });
  assert.ok(regexes > 20, `${regexes} regexes`);
});

const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));

test('language configuration: brackets and auto-closing pairs, no comments', () => {
  const pairs = ['()', '（）', '《》', '“”', '〔〕', '[]'];
  const brackets = config.brackets.map((b: string[]) => b.join(''));
  const closing = config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
  const surrounding = config.surroundingPairs.map((b: string[]) => b.join(''));
  for (const p of pairs) {
    assert.ok(brackets.includes(p), `brackets ${p}`);
    assert.ok(closing.includes(p), `autoClosingPairs ${p}`);
    assert.ok(surrounding.includes(p), `surroundingPairs ${p}`);
  }
  assert.equal(config.comments, undefined);
});

test('language configuration: the word pattern keeps numbers together', () => {
  const words = (s: string) => s.match(new RegExp(config.wordPattern, 'g')) ?? [];
  assert.deepEqual(words('共收到申请29件'), ['共收到申请', '29', '件']);
  assert.deepEqual(words('收费1.25万元'), ['收费', '1.25', '万元']);
  assert.deepEqual(words('全角２０２３年'), ['全角', '２０２３', '年']);
  assert.deepEqual(words('| 0 | 12 | +2 | -1 |'), ['0', '12', '+2', '-1']);
  assert.deepEqual(words('电话0437-5088899'), ['电话', '0437', '5088899']);
  assert.deepEqual(words('biao-a-2019 nianbao2019'), ['biao-a-2019', 'nianbao2019']);
});

test('hostile lines tokenize in linear time', async () => {
  // Twice VS Code's default tokenization limit (20000 characters), so that a quadratic rule stands out.
  const N = 40000;
  const fill = (unit: string, prefix = '') => prefix + unit.repeat(Math.ceil((N - prefix.length) / unit.length));
  const lines: Record<string, string> = {
    'open tags': fill('<td '),
    'pipes and spaces': fill('| '),
    'a label with spaces': fill(' 数量', '一、本年新收政府信息公开申请数量') + 'x',
    'PDF numbers': fill(' 0', '一、本年新收政府信息公开申请数量'),
    'a long heading': fill('行政复议', '四、'),
    'a long sub-heading': fill(' ', '(一)') + '。',
    'dates': fill('2023年 '),
    'open titles': fill('《'),
    'separator row': fill('| --- ') + 'x',
    'total row': fill('| 0 ', '| (七)总计 '),
    'an issuer code run': fill('国', '(') + '〔2021〕30号',
  };
  const time = async (text: string) => {
    const t = performance.now();
    await tokenize(text);
    return performance.now() - t;
  };
  // Compile every rule first (vscode-textmate compiles a rule's regexes when it first meets it).
  await time(renderReport({ issuer: '某县某局', year: 2023 }) + renderReport({ issuer: '某县某局', year: 2023, layout: 'html' }));
  // A plain line of the same length sets the pace (the machine may be busy); a quadratic rule takes some fifty times as long.
  const pace = await time(fill('政府信息公开工作'));
  const limit = Math.max(1500, 20 * pace);
  for (const [name, line] of Object.entries(lines)) {
    const ms = await time(line);
    assert.ok(ms < limit, `${name}: ${ms.toFixed(0)} ms (limit ${limit.toFixed(0)} ms)`);
  }
});
