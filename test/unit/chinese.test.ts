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
import { CLIENT_TEXT } from '../../client/src/text';
import { CONFIG_TEXT, SYNTAX_TEXT } from '../../server/src/core/configText';
import { MANIFEST_TEXT } from '../../client/src/manifest';
import { TRANSFORMS } from '../helpers/layouts';
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
  const lines = [CLI_TEXT, CLIENT_TEXT, MANIFEST_TEXT, CONFIG_TEXT, SYNTAX_TEXT].flatMap((c) => Object.values(c).flatMap((t) => t.zh.split('\n')));
  assertAll(lines.map((l) => l.replace(/^\s+-.*?\s{2,}(?=[\u3400-\u9fff])/, '')), 'catalogs');
  assertAll(Object.values(JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'))) as string[], 'package.nls.zh-cn.json');
});

test('the skeleton, every table layout and the snippets', () => {
  const texts = [renderReport({ issuer: '某某县人民政府办公室', year: 2023 }), renderReport({ issuer: '某某局', year: 2020, layout: 'tabbed' })];
  for (const layout of ['cellPerLine', 'pipeRows', 'tabbed', 'html', 'markdown'] as const) {
    for (const version of ['2019', '2021'] as const) for (const kind of ['active', 'applications', 'reviewLitigation'] as const) texts.push(renderTable(kind, version, layout));
  }
  assertAll(texts.flatMap((t) => t.split('\n')), 'rendered');
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'nianbao.code-snippets'), 'utf8')) as Record<string, { body: string[]; description?: string; prefix: string | string[] }>;
  // Tab stops (`${1:机关名称}`) are snippet syntax: checked as the text they insert.
  const text = (l: string) => l.replace(/\$\{\d+:?/g, '').replace(/\}/g, '');
  assertAll(Object.entries(snippets).flatMap(([name, s]) => [name, ...s.body.map(text), s.description ?? '']), 'snippets');
});

/** Reports written by the product itself, each with mistakes put in: every rule gets to speak. */
function mistaken(): string[] {
  const ok = renderReport({ issuer: '某某县人民政府办公室', year: 2023, layout: 'pipeRows' });
  const l = ok.split('\n');
  const at = (prefix: string) => l.findIndex((x) => x.startsWith(prefix));
  const put = (edits: Record<number, string>) => l.map((x, i) => edits[i] ?? x).join('\n');
  const row = (prefix: string, cells: string[]) => `${l[at(prefix)].split(' | ')[0]} | ${cells.join(' | ')} |`;
  return [
    put({
      [at('一、本年新收')]: row('一、本年新收', ['2', '', '0', '0', '0', '0', '0']),
      [at('（七）总计')]: row('（七）总计', ['1', '0', '0', '0', '0', '0', '3']),
      [at('1.属于国家秘密')]: row('1.属于国家秘密', ['-1', '2.5', '/', '0', '0', '0', '0']),
      [at('3.危及')]: row('3.危及', ['', '', '', '', '', '', '']),
      [at('行政事业性收费')]: '行政事业性收费 | 251000元 |',
      [at('行政许可')]: '行政许可 | 12.5万元 |',
      [at('五、')]: '5、存在的主要问题及改进情况',
      [at('行政处罚')]: '行政检查 | 0 |',
      [at('（三）不予公开')]: '（三）不予公开 | 1 | 2 |',
    }),
    put({ [at('一、总体情况')]: '总体情况', [at('六、')]: '', [at('（二）部分公开')]: '', [at('2.重复申请')]: '2.重复申请 | 0 | 0 |' }),
    l.slice(0, at('（三）不予公开')).join('\n'),
    l.filter((x, i) => i < at('二、') || i >= at('五、')).join('\n') + '\n六、其他需要报告的事项\n',
    l.filter((x, i) => !(i > at('二、') && i < at('三、') - 1)).join('\n'),
    [...l.slice(0, at('五、')), ...l.slice(at('六、')), ...l.slice(at('五、'), at('六、'))].join('\n'),
    // Conversion residue of every kind, site navigation after the end, and a report in Traditional Chinese.
    put({ [at('一、总体情况') + 1]: '您访问的链接即将离开“某某县人民政府”门户网站\n是否继续？\n[bookmark: _GoBack]本机关依法公开政府信息，乡鎮(zhèn)<span>政府</span>信息\uFFFD\uFFFD公开。' }) + '\n相关词条\n联系我们\n',
    TRANSFORMS.traditional(ok),
    put({ [at('（七）总计')]: row('（七）总计', ['0', '0', '0', '0', '0', '0', '0']), [at('四、结转下年度')]: row('四、结转下年度', ['5', '0', '0', '0', '0', '0', '5']) }),
    `四、政府信息公开行政复议、行政诉讼情况\n${renderTable('reviewLitigation', '2021', 'pipeRows', () => '')}\n`,
    `四、政府信息公开行政复议、行政诉讼情况\n${renderTable('reviewLitigation', '2021', 'pipeRows', (r, c) => (r === 'review' && c === 'total' ? '3' : '0'))}\n`,
    '随便一段文字。',
    // The format of another year, the 2019 notice cited, and table 二's numbers that do not go together.
    renderReport({ issuer: '某某局', year: 2023, version: '2019', layout: 'pipeRows', value: (r, c) => (({ 'licensing/change': '-3', 'rules/newlyPublished': '2' }) as Record<string, string>)[`${r}/${c}`] ?? '0' }),
    renderReport({ issuer: '某某局', year: 2020, version: '2021', layout: 'pipeRows', value: (r, c) => (r === 'rules' && c === 'issued' ? '2' : '0') }),
    // The statistics period of another year, not a whole year, damaged; a 落款 after the deadline.
    ok.replace('自2023年1月1日起至2023年12月31日止', '自2022年1月1日起至2022年12月31日止'),
    ok.replace('自2023年1月1日起至2023年12月31日止', '自2023年1月1日起至2023年11月30日止'),
    `${ok.replace('自2023年1月1日起至2023年12月31日止', '自202311日起至1231日止')}\n某某县人民政府办公室\n2024年4月2日\n`,
    `${renderReport({ issuer: '某某县统计局', year: 2023, layout: 'pipeRows' })}\n某某县统计局\n2024年2月5日\n`,
    // Prose against the tables: counts, a sum of rows, a group, and “均获维持” against a correction.
    put({ [at('一、总体情况')]: '一、总体情况\n本年度共收到政府信息公开申请3件，予以公开及部分公开2件，不予公开1件。\n共收到政府信息公开申请4件。其中，网络申请1件，占50%。' }),
    `四、政府信息公开行政复议、行政诉讼情况\n本年度因政府信息公开被申请行政复议1件，均获维持。\n${renderTable('reviewLitigation', '2021', 'pipeRows', (r, c) => (r === 'review' && (c === 'corrected' || c === 'total') ? '1' : '0'))}\n`,
    // Tables that cannot be read: cells glued to a label; rows short of numbers; numbers under no label.
    put({ [at('一、本年新收')]: l[at('一、本年新收')].replace(/ \| /g, '') }),
    l.map((x) => (/^[1-8]\.|^（[一二四五]）|^[一二]、/.test(x) ? x.replace(/ \| 0 \| 0 \| 0 \| 0 \| 0 \|/, ' |') : x)).join('\n'),
    l.filter((x) => !x.startsWith('5.属于')).map((x) => x.replace(/^[1-4]\.(?:属于|其他法律|危及|保护)[^|]*\|/, '|')).join('\n'),
    // The introduction's count and list, an extra part, the opening, the fee statement, a people's government's report.
    `${put({ [at('本报告根据')]: `${l[at('本报告根据')]}本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等八部分组成。` })}\n七、附件说明\n本报告附件另行公布。\n`,
    put({ 0: '现将本年度政府信息公开工作情况报告如下。', [at('本报告根据')]: '' }),
    l.filter((x) => !x.includes('收费通知') && !x.includes('信息处理费')).join('\n'),
    put({ [at('2.申请人逾期未按收费通知')]: row('2.申请人逾期未按收费通知', ['1', '0', '0', '0', '0', '0', '1']) }),
    renderReport({ issuer: '某某县人民政府', year: 2023, layout: 'pipeRows' }),
  ];
}

/** Last year's and this year's report: seed 003 (2023) and its 2022 copy, with figures that do not continue. */
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
  return [[last, wrong], [last, wrongOne]];
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
