// Every Chinese text the product writes, in the register of official documents (GB/T 15834):
// full-width （）：，；, nested quotes “…‘…’…”, no spaces around digits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, readReport, render, ReportIndex } from '../../server/src/core';
import { writeCell } from '../../server/src/core/service/cellEdit';
import { applyEdits, quickFixes } from '../../server/src/core/service/actions';
import { hoverAt } from '../../server/src/core/service/hover';
import { outline, type OutlineItem } from '../../server/src/core/service/outline';
import { renderReport } from '../../server/src/core/render/report';
import { renderTable } from '../../server/src/core/render/tables';
import { RULES } from '../../server/src/core/rules';
import { CLI_TEXT } from '../../server/src/cli/messages';
import { EXPORT_TEXT } from '../../server/src/cli/exportText';
import { statutoryLayout } from '../../server/src/core/render/layout';
import { CLIENT_TEXT } from '../../client/src/text';
import { CONFIG_TEXT, SYNTAX_TEXT } from '../../server/src/core/configText';
import { MANIFEST_TEXT } from '../../client/src/manifest';
import { mistaken } from '../helpers/mistaken';
import { seed } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..');
const CJK = '\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff5e“”‘’';
const ASCII_PUNCT = new RegExp(`[${CJK}][(),;:?!]|[(),;:][${CJK}]`);
const SPACED_DIGIT = /[\u3400-\u9fff]\s+\d|\d\s+[\u3400-\u9fff]/;

/** What is wrong with a Chinese text, or null. */
export function problem(s: string): string | null {
  const m = ASCII_PUNCT.exec(s);
  if (m) return `ASCII punctuation beside Chinese: “${m[0]}”`;
  const d = SPACED_DIGIT.exec(s);
  if (d) return `a space beside a digit: “${d[0]}”`;
  let depth = 0;
  for (const c of s) {
    if (c === '“') {
      if (depth > 0) return 'a “ inside “…” (nested quotes are ‘…’)';
      depth++;
    } else if (c === '”') depth = Math.max(0, depth - 1);
  }
  return null;
}

test('the checker of this test catches what it must', () => {
  assert.ok(problem('应为2(自然人之和)'));
  assert.ok(problem('表中填写的是 0。'));
  assert.ok(problem('“不予公开—危及“三安全一稳定””'));
  assert.ok(problem('中断,其后'));
  assert.equal(problem('“（七）总计”行“总计”列应为2（自然人与法人或其他组织各列之和），表中填写的是0。'), null);
  assert.equal(problem('“危及‘三安全一稳定’”'), null);
});

/** Every `zh: '…'` and zh template literal in the product's sources. */
function sourceTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const s = readFileSync(p, 'utf8');
        for (const m of s.matchAll(/zh: (?:'((?:[^'\\]|\\.)*)'|`([^`]*)`)/g)) out.push(`${p}: ${m[1] ?? m[2]}`);
      }
    }
  };
  for (const d of ['server/src', 'client/src']) walk(join(ROOT, d));
  return out;
}

function assertAll(texts: Iterable<string>, where: string) {
  const bad: string[] = [];
  for (const t of texts) {
    const p = problem(t);
    if (p) bad.push(`${p} in ${t}`);
  }
  assert.deepEqual(bad, [], where);
}

test('every zh text of the catalogs: sources, rule descriptions, CLI, client, manifest and its generated files', () => {
  assertAll(sourceTexts(), 'sources');
  assertAll(RULES.map((r) => r.description.zh), 'rule descriptions');
  // The CLI's usage aligns its option column with spaces: the option syntax is not Chinese text.
  const lines = [CLI_TEXT, EXPORT_TEXT, CLIENT_TEXT, MANIFEST_TEXT, CONFIG_TEXT, SYNTAX_TEXT].flatMap((c) => Object.values(c).flatMap((t) => t.zh.split('\n')));
  assertAll(lines.map((l) => l.replace(/^\s+-.*?\s{2,}(?=[\u3400-\u9fff])/, '')), 'catalogs');
  assertAll(Object.values(JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'))) as string[], 'package.nls.zh-cn.json');
});

test('the skeleton, every table layout and the snippets', () => {
  const texts = [renderReport({ issuer: '某某县人民政府办公室', year: 2023 }), renderReport({ issuer: '某某局', year: 2020, layout: 'tabbed' })];
  for (const layout of ['cellPerLine', 'pipeRows', 'tabbed', 'html', 'markdown'] as const) {
    for (const version of ['2019', '2021'] as const) for (const kind of ['active', 'applications', 'reviewLitigation'] as const) texts.push(renderTable(kind, version, layout));
  }
  // The official layouts the export writes (web page, Word file).
  for (const version of ['2019', '2021'] as const) {
    for (const kind of ['active', 'applications', 'reviewLitigation'] as const) texts.push(...statutoryLayout(kind, version).rows.flat().map((c) => c.text));
  }
  assertAll(texts.flatMap((t) => t.split('\n')), 'rendered');
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'nianbao.code-snippets'), 'utf8')) as Record<string, { body: string[]; description?: string; prefix: string | string[] }>;
  // Tab stops (`${1:机关名称}`) are snippet syntax: checked as the text they insert.
  const text = (l: string) => l.replace(/\$\{\d+:?/g, '').replace(/\}/g, '');
  assertAll(Object.entries(snippets).flatMap(([name, s]) => [name, ...s.body.map(text), s.description ?? '']), 'snippets');
});

/** Another report and the one checked beside it: seed 003 (2023) and its 2022 copy, with figures that do not continue, and the like. */
function acrossPairs(): [string, string][] {
  const now = seed('003');
  const write = (text: string, kind: 'active' | 'applications', values: Record<string, number>) => {
    const t = readReport(text).tables[kind]!;
    const edits = Object.entries(values).flatMap(([k, v]) => {
      const [row, column] = k.split('/');
      return writeCell(t.rows.find((r) => r.key === row)!.cells.find((c) => c.column === column)!, v);
    });
    return applyEdits(text, edits);
  };
  const last = now.replaceAll('2023', '2022');
  const wrong = write(write(now, 'applications', { 'carriedOver/naturalPerson': 2, 'carriedOver/total': 2 }), 'active', { 'rules/inForce': 3 });
  const wrongOne = write(now, 'applications', { 'carriedOver/commercial': 1 });
  // A year left from last year's sentence; a report without its body beside one of its year; another body's copy.
  const yearLeft = now.replace('2023年本机关共收到', '2022年本机关共收到');
  const noBody = now.replace('《临沂市国防动员办公室2023年', '《2023年');
  const otherBody = now.replaceAll('临沂市国防动员办公室', '临沂市统计局');
  return [[last, wrong], [last, wrongOne], [last, yearLeft], [now, noBody], [otherBody, now]];
}

test('every rule message, fix title, hover and outline name rendered from reports with mistakes', () => {
  const texts: string[] = [];
  const rules = new Set<string>();
  for (const text of mistaken()) {
    for (const blankAsZero of [false, true]) {
      const { report, findings } = check(text, { blankAsZero });
      for (const f of findings) {
        rules.add(f.ruleId);
        texts.push(render(f.message, 'zh-CN'), ...(f.related ?? []).map((r) => render(r.message, 'zh-CN')));
        for (const a of quickFixes(report, f)) texts.push(render(a.title, 'zh-CN'));
      }
    }
    const report = readReport(text);
    const names = (items: OutlineItem[]): string[] => items.flatMap((i) => [typeof i.name === 'string' ? '' : i.name.zh, i.detail?.zh ?? '', ...names(i.children)]);
    texts.push(...names(outline(report)));
    for (let line = 0; line < report.lineCount; line++) {
      for (let character = 0; character < 40; character += 3) {
        const h = hoverAt(report, { line, character }, 'zh-CN');
        if (h) texts.push(...h.markdown.split('\n'));
      }
    }
  }
  // The cross-report rules speak only with last year's report beside this year's.
  for (const [last, now] of acrossPairs()) {
    const workspace = new ReportIndex({ reports: () => ['l.txt', 'n.txt'], read: (uri) => (uri === 'l.txt' ? last : now) });
    const { report, findings } = check(now, { workspace });
    for (const f of findings) {
      rules.add(f.ruleId);
      texts.push(render(f.message, 'zh-CN'), ...(f.related ?? []).map((r) => render(r.message, 'zh-CN')));
      for (const a of quickFixes(report, f)) texts.push(render(a.title, 'zh-CN'));
    }
  }
  assertAll(texts, 'rendered messages');
  for (const id of RULES.map((r) => r.id)) assert.ok(rules.has(id), `the sample reports make rule ${id} speak`);
});
