// The grammar on real reports: the five seeds in examples/ and the corpus excerpts. Instead of golden
// token files, the reader of the core is the oracle: the grammar must show the structure the checker sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { readReport, type Report } from '../../server/src/core';
import type { TableKind, TableRow } from '../../server/src/core/model';
import { rowDef } from '../../server/src/core/rules/names';
import { isCutHeading } from '../../server/src/core/reader/headings';
import { labelKey } from '../../server/src/core/text/normalize';
import { renderReport } from '../../server/src/core/render/report';
import { corpusFiles, seedPath } from '../helpers/fixtures';
import { lineHas, scopesAt, tokenize, type Token } from './tokenize';

const HEADING = 'markup.heading.section.nianbao';
const NUMERAL = 'constant.numeric.section-numeral.nianbao';
const ROW_LABEL = 'support.type.row-label';
const NUMBER = 'constant.numeric.nianbao';
const TOTAL = 'markup.bold.total.nianbao';

/** Labels the grammar cannot tell from prose, with why. */
const KNOWN_MISSES: Record<string, string> = {
  '018_zibo-zhongbu-town-2020.txt:fees': 'the label is cut off to 行政',
  '133_city-govt-2024-pdftext-p4.txt:unable.notHeld': 'PDF text put the cut group label （四）无 and the row label on one line, which the grammar takes for a sub-heading',
};

interface Read {
  name: string;
  text: string;
  lines: string[];
  tokens: Token[][];
  report: Report;
}

async function read(path: string): Promise<Read> {
  return readText(basename(path), readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

async function readText(name: string, text: string): Promise<Read> {
  return { name, text, lines: text.split(/\r\n|\r|\n/), tokens: await tokenize(text), report: readReport(text) };
}

/** Every line is a part heading for the grammar exactly when it is one for the reader; the numeral is its own token. */
function headingsAgree(r: Read): string[] {
  const problems: string[] = [];
  // By source line (s.line counts the reader's lines, which for HTML are virtual).
  const reader = new Map(r.report.sections.map((s) => [s.range.start.line, s]));
  const inside = cutLines(r);
  // A heading cut off where the text stops ('五、存在的主') is one for the reader only: it knows the text stops there.
  const cut = new Set(r.report.sections.filter(isCutHeading).map((s) => s.range.start.line));
  r.tokens.forEach((line, i) => {
    if (inside.has(i) || cut.has(i)) return;
    const grammar = lineHas(line, HEADING);
    const s = reader.get(i);
    if (grammar !== !!s) problems.push(`${r.name}:${i + 1} grammar ${grammar ? 'heading' : 'not a heading'}, reader ${s ? 'heading' : 'not a heading'}: ${r.lines[i]}`);
    if (!s) return;
    if (!scopesAt(line, s.title.range.start.character).includes('entity.name.section.nianbao')) problems.push(`${r.name}:${i + 1} title not scoped`);
    if (s.numeral && !scopesAt(line, s.numeral.range.start.character).includes(NUMERAL)) problems.push(`${r.name}:${i + 1} numeral not scoped`);
  });
  return problems;
}

/** Lines where the reader found a heading inside (a flattened report, junk or prose around it): beyond a line grammar. */
function cutLines(r: Read): Set<number> {
  return new Set(r.report.sections.filter((s) => !r.report.html && !wholeLine(r.lines[s.range.start.line], s)).map((s) => s.range.start.line));
}

function wholeLine(line: string, s: Report['sections'][number]): boolean {
  return /^[\s#*>\uFEFF\u3000]*$/.test(line.slice(0, s.range.start.character)) && !line.slice(s.range.end.character).trim();
}

/** Every row label the reader finds in tables A and B is a row label for the grammar; their numbers are numbers. */
function rowsAgree(r: Read): string[] {
  const problems: string[] = [];
  const inside = cutLines(r);
  for (const t of [r.report.tables.active, r.report.tables.applications]) {
    for (const row of t?.rows ?? []) {
      if (!row.key || KNOWN_MISSES[`${r.name}:${row.key}`] || !wholeLabel(r, t!.kind, row)) continue;
      const at = row.label.range.start;
      if (inside.has(at.line)) continue;
      const scopes = scopesAt(r.tokens[at.line], at.character);
      if (!scopes.some((s) => s.startsWith(ROW_LABEL))) problems.push(`${r.name}:${at.line + 1} row ${row.key} "${row.label.text}": ${scopes.join(' ')}`);
      if (scopes.includes(HEADING)) problems.push(`${r.name}:${at.line + 1} row ${row.key} is a heading`);
      if ((row.key === 'total' || row.key === 'carriedForward') && !scopes.includes(TOTAL)) problems.push(`${r.name}:${at.line + 1} total ${row.key} not bold`);
      for (const c of row.cells) {
        if (c.value === null) continue;
        const cs = scopesAt(r.tokens[c.range.start.line], c.range.start.character);
        if (!cs.includes(NUMBER)) problems.push(`${r.name}:${c.range.start.line + 1} cell ${JSON.stringify(c.text)} of ${row.key}: ${cs.join(' ')}`);
      }
    }
  }
  return problems;
}

/**
 * A label the line-based grammar can see: written whole on one line. Labels the reader puts together
 * from pieces on several lines, finishes from a cut-off start ('(三)不'), or supplies for rows read in
 * template order (no label in the text) are beyond a line grammar.
 */
function wholeLabel(r: Read, kind: TableKind, row: TableRow): boolean {
  const { start, end } = row.label.range;
  if (start.line !== end.line || start.character === end.character) return false;
  if (r.lines[start.line].slice(start.character, end.character) !== row.label.text) return false;
  return rowDef(kind, row.key!)?.match.test(labelKey(row.label.text)) ?? false;
}

const SEEDS = ['000', '001', '002', '003', '004'];

for (const prefix of SEEDS) {
  test(`seed ${prefix}: the six part headings and nothing else are headings; every row label of tables A and B is a label; their numbers are numbers`, async () => {
    const r = await read(seedPath(prefix));
    assert.equal(r.report.sections.length, 6);
    assert.deepEqual([...headingsAgree(r), ...rowsAgree(r)], []);
    if (r.report.tables.applications) {
      const rows = r.report.tables.applications.rows.filter((x) => x.key && !x.group);
      assert.ok(rows.length >= 20, `${rows.length} rows`);
    }
  });
}

test('seed 004: part 三 numbered 2、 is a heading with its numeral; its table rows (tab-indented) are labels, not headings', async () => {
  const r = await read(seedPath('004'));
  const i = r.lines.findIndex((l) => l.startsWith('2、'));
  assert.ok(i > 0);
  assert.deepEqual(scopesAt(r.tokens[i], 0), ['text.nianbao', HEADING, NUMERAL]);
  for (const label of ['\t三、本年度办理结果', '\t四、结转下年度继续办理', '\t一、本年新收政府信息公开申请数量']) {
    const j = r.lines.indexOf(label);
    assert.ok(j > 0, label);
    assert.ok(!lineHas(r.tokens[j], HEADING), label);
    assert.ok(scopesAt(r.tokens[j], 1).some((s) => s.startsWith(ROW_LABEL)), label);
  }
});

test('seed 000: the preamble\'s document number, statute titles and statistics period', async () => {
  const r = await read(seedPath('000'));
  const line = r.tokens[0];
  const scoped = (scope: string) => line.filter((t) => t.scopes.includes(scope)).map((t) => t.text);
  assert.deepEqual(scoped('constant.other.document-number.nianbao'), ['国办公开办函〔2019〕60号']);
  assert.ok(scoped('string.quoted.title.nianbao').join('').includes('中华人民共和国政府信息公开条例'));
  assert.deepEqual(scoped('constant.other.date.nianbao').slice(0, 3), ['2023年', '2023年1月1日', '2023年12月31日']);
});

test('seed 002 (Traditional Chinese): headings and row labels in Traditional script', async () => {
  const r = await read(seedPath('002'));
  const heading = r.lines.indexOf('四、因政府信息公開工作被申請行政複議、提起行政訴訟情況');
  assert.ok(lineHas(r.tokens[heading], HEADING));
  const row = r.lines.findIndex((l) => l.startsWith('5.屬於三類內部事務信息'));
  assert.ok(scopesAt(r.tokens[row], 0).includes('support.type.row-label.nianbao'));
});

test('Word-exported HTML: a heading inside <p><span><font> runs (its title split over runs too) is scoped; prose and a table cell are not headings', async () => {
  const p = (inner: string) => `<p style="text-indent: 2em;"><span style="font-family: 微软雅黑;"><font face="方正黑体_GBK">${inner}</font></span><span><o:p></o:p></span></p>`;
  const lines = [
    p('一、总体情况'),
    p('三、收到和处理</font></span><span><font face="方正黑体_GBK">政府信息公开申请情况'),
    p('一、总体情况良好，本年度主动公开信息20条'),
    '<table><tr><td><p><span>一、总体情况</span></p></td></tr></table>',
  ];
  const tokens = await tokenize(lines.join('\n'));
  const at = (i: number, text: string) => scopesAt(tokens[i], lines[i].indexOf(text));
  assert.ok(at(0, '一、').includes(NUMERAL) && at(0, '总体情况').includes('entity.name.section.nianbao'));
  assert.ok(at(1, '三').includes(NUMERAL) && at(1, '收到和处理').includes('entity.name.section.nianbao'));
  const inner = lines[1].indexOf('<font', lines[1].indexOf('收到和处理')) + 1;
  assert.ok(scopesAt(tokens[1], inner).includes('entity.name.tag.html.nianbao'), 'the tags inside a split title stay tags');
  assert.ok(at(1, '政府信息公开申请情况').includes('entity.name.section.nianbao'));
  assert.ok(!lineHas(tokens[2], HEADING), 'a paragraph that goes on after the part\'s words is prose');
  assert.ok(!lineHas(tokens[3], HEADING), 'a table cell is no heading');
});

/** Corpus files where the grammar and the reader do not agree yet (run as todo; see the corpus expectations). */
const GRAMMAR_TODO: Record<string, string> = {};

for (const f of corpusFiles()) {
  const todo = GRAMMAR_TODO[basename(f).slice(0, 3)];
  test(`the corpus, ${basename(f)}: headings agree with the reader; row labels and their numbers are scoped`, todo ? { todo } : {}, async () => {
    const r = await read(f);
    assert.deepEqual([...headingsAgree(r), ...rowsAgree(r)], []);
  });
}

test('every layout the renderer writes (Markdown, pipe rows, cell per line, tabbed, HTML; 2021 and 2019): headings, labels, numbers', async () => {
  const problems: string[] = [];
  for (const layout of ['markdown', 'pipeRows', 'cellPerLine', 'tabbed', 'html'] as const) {
    for (const year of [2023, 2020]) {
      const text = renderReport({ issuer: '某县某局', year, layout, value: (row, col) => String((row.length * 3 + col.length) % 11) });
      const r = await readText(`${layout}-${year}`, text);
      assert.equal(r.report.sections.length, 6);
      problems.push(...headingsAgree(r), ...rowsAgree(r));
    }
  }
  // Full-width digits and brackets; Traditional script.
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'cellPerLine', value: () => '12' });
  const wide = base.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/\(/g, '（').replace(/\)/g, '）');
  const traditional = Converter({ from: 'cn', to: 't' })(renderReport({ issuer: '某县某局', year: 2020, layout: 'markdown', value: () => '3' }));
  for (const [name, text] of [['full-width', wide], ['traditional', traditional]]) {
    const r = await readText(name, text);
    assert.equal(r.report.sections.length, 6, name);
    problems.push(...headingsAgree(r), ...rowsAgree(r));
  }
  assert.deepEqual(problems, []);
});
