/**
 * The layout generator: one report model written in every shape real reports arrive in
 * (docs: /work/shared/docs/report-format.md, "Layouts seen in the wild"; issue 13). Each shape is
 * `(model) => text`; reading any of them must give back the model's numbers exactly.
 *
 * `allShapes()` lists every shape (base shapes and base × transform compositions); `TODO` says, for the
 * shapes the reader does not read yet, what goes wrong (empty today). `readableShapes()` (the rest) is
 * what the property test in test/fuzz/layouts.test.ts draws from. `HTML_SHAPES` holds HTML as sites
 * publish it, made with the transforms of test/helpers/htmlShapes.ts.
 */
import { Converter } from 'opencc-js/cn2t';
import type { FormatVersion, Report, TableKind } from '../../server/src/core';
import { ACTIVE_ROWS, activeColumns } from '../../server/src/core/formats/activeTable';
import { APPLICANT_COLUMNS, RESULT_ROWS } from '../../server/src/core/formats/applicationsTable';
import { OUTCOME_COLUMNS, REVIEW_LITIGATION_GROUPS } from '../../server/src/core/formats/reviewLitigationTable';
import { SECTIONS } from '../../server/src/core/formats/sections';
import { preamble, renderReport, reportTitle, sectionHeading, sectionProse } from '../../server/src/core/render/report';
import { rowsOf } from '../../server/src/core/render/tables';
import { HTML_TRANSFORMS } from './htmlShapes';

// ── The model ──────────────────────────────────────────────────────────────

/** A report's numbers: `${table}.${row}` → the cell texts in column order ('' is a blank cell). */
export interface ReportModel {
  issuer: string;
  year: number;
  version: FormatVersion;
  cells: Record<string, string[]>;
}

export type NumberValues = Record<string, (number | null)[]>;

const KINDS: TableKind[] = ['active', 'applications', 'reviewLitigation'];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const PARTS = 6;

/**
 * A report in which every relation of tables 三 and 四 holds, drawing each free number from `draw`
 * (non-negative whole numbers): result rows and 结转下年度 are free, 上年结转 is drawn up to what the
 * balance allows, 本年新收 follows from it; every 总计 is its parts' sum.
 */
export function consistentModel(version: FormatVersion, draw: () => number, issuer = '某县某局'): ReportModel {
  const cells: Record<string, string[]> = {};
  for (const r of rowsOf('active', version)) {
    if (r.group) continue;
    const cols = activeColumns(r, version);
    const v = cols.map((c) => (c.kind === 'amount' ? draw() / 100 : draw()));
    // Plausible together (ACTIVE_PLAUSIBILITY): a running total is not below this year's part of it.
    const at = (key: string) => cols.findIndex((c) => c.key === key);
    for (const [total, part] of [['inForce', 'issued'], ['totalPublished', 'newlyPublished']]) {
      if (at(total) >= 0 && v[at(total)] < v[at(part)]) v[at(total)] += v[at(part)];
    }
    cells[`active.${r.key}`] = v.map(String);
  }
  const parts: Record<string, number[]> = {};
  for (const k of RESULT_ROWS[version]) parts[k] = Array.from({ length: PARTS }, draw);
  const col = (c: number) => RESULT_ROWS[version].map((k) => parts[k][c]);
  parts.total = Array.from({ length: PARTS }, (_, c) => sum(col(c)));
  parts.carriedForward = Array.from({ length: PARTS }, draw);
  parts.carriedOver = parts.total.map((t, c) => Math.min(draw(), t + parts.carriedForward[c]));
  parts.newReceived = parts.total.map((t, c) => t + parts.carriedForward[c] - parts.carriedOver[c]);
  for (const [k, p] of Object.entries(parts)) cells[`applications.${k}`] = [...p, sum(p)].map(String);
  for (const g of REVIEW_LITIGATION_GROUPS) {
    const four = Array.from({ length: 4 }, draw);
    cells[`reviewLitigation.${g.key}`] = [...four, sum(four)].map(String);
  }
  return { issuer, year: version === '2019' ? 2020 : 2023, version, cells };
}

/** The fixed model of the per-shape tests: small numbers, zeros among them, different from row to row. */
export function fixedModel(version: FormatVersion): ReportModel {
  let s = 2023;
  return consistentModel(version, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const x = (s >>> 16) % 10;
    return x > 6 ? 0 : x === 6 ? 15 : x;
  });
}

/** The same model with table 三's zero applicant cells left blank (as in corpus 114). */
export function withBlankZeros(m: ReportModel): ReportModel {
  const cells = Object.fromEntries(Object.entries(m.cells).map(([k, v]) => [k, k.startsWith('applications.') ? v.map((t, i) => (i < PARTS && t === '0' ? '' : t)) : v]));
  return { ...m, cells };
}

/** The numbers a reader must give back: every table row's cell values. */
export function modelValues(m: ReportModel): NumberValues {
  return Object.fromEntries(Object.entries(m.cells).map(([k, v]) => [k, v.map((t) => (t === '' ? null : Number(t)))]));
}

/** The numbers a reader gave: every labelled, non-group row's cell values. */
export function reportValues(rep: Report): NumberValues {
  const out: NumberValues = {};
  for (const t of KINDS.map((k) => rep.tables[k])) {
    for (const r of t?.rows ?? []) if (r.key && !r.group) out[`${t!.kind}.${r.key}`] = r.cells.map((c) => c.value);
  }
  return out;
}

// ── Rows, as every shape writes them ───────────────────────────────────────

interface Row {
  label: string;
  group: boolean;
  /** The group row this row belongs to, if any (its label). */
  parent?: string;
  cells: string[];
}

const NOTE_LINES = ['(本列数据的勾稽关系为:第一项加第二项之和,', '等于第三项加第四项之和)'];
const NOTE = NOTE_LINES.join('');
const APPLICANT_LABELS = APPLICANT_COLUMNS.map((c) => c.label);
const OUTCOME_LABELS = OUTCOME_COLUMNS.map((c) => c.label);
const GROUP_NAMES = ['行政复议', '未经复议直接起诉', '复议后起诉'];

function rows(m: ReportModel, kind: 'active' | 'applications'): Row[] {
  const defs = rowsOf(kind, m.version);
  const label = (key?: string) => defs.find((d) => d.key === key)?.label;
  return defs.map((d) => ({ label: d.label, group: !!d.group, parent: label(d.parent), cells: d.group ? [] : m.cells[`${kind}.${d.key}`] }));
}

const reviewNumbers = (m: ReportModel) => REVIEW_LITIGATION_GROUPS.map((g) => m.cells[`reviewLitigation.${g.key}`]);

/** A report with the statutory title, preamble, headings and prose around tables written by `table`. */
function report(m: ReportModel, table: (kind: TableKind) => string, heading: (ordinal: number) => string = sectionHeading): string {
  const out = [reportTitle(m.issuer, m.year), '', preamble(m.issuer, m.year, m.version), ''];
  const unpaid = m.version === '2021' && (m.cells['applications.other.noFee'] ?? []).some((v) => !/^0?$/.test(v.trim()));
  for (const s of SECTIONS) {
    out.push(heading(s.ordinal));
    out.push(...(s.table ? [table(s.table)] : sectionProse(s.key, unpaid)), '');
  }
  return out.join('\n');
}

/** Table A as PDF text: group lines, a header line, each row's numbers after its label. */
function activePdfText(m: ReportModel): string {
  const out: string[] = [];
  for (const d of rowsOf('active', m.version)) {
    if (d.group) {
      out.push(d.label);
      const first = rowsOf('active', m.version).find((r) => r.parent === d.key)!;
      out.push(['信息内容', ...activeColumns(first, m.version).map((c) => c.label)].join(' '));
    } else out.push([d.label, ...m.cells[`active.${d.key}`]].join(' '));
  }
  return out.join('\n');
}

/** Table 四 as PDF text (corpus 009): the header over several lines, then the fifteen numbers on one line. */
function reviewPdfText(m: ReportModel): string {
  return ['行政复议 行政诉讼', '未经复议直接起诉 复议后起诉', OUTCOME_LABELS.join(' '), [...OUTCOME_LABELS, ...OUTCOME_LABELS].join(' '), reviewNumbers(m).flat().join(' ')].join('\n');
}

// ── Base shapes ────────────────────────────────────────────────────────────

export type Shape = (m: ReportModel) => string;

/** The renderer's own layouts (server/src/core/render). */
function rendered(layout: 'markdown' | 'pipeRows' | 'cellPerLine' | 'tabbed' | 'html'): Shape {
  return (m) => {
    const byRow = new Map(Object.entries(m.cells).map(([k, v]) => [k.slice(k.indexOf('.') + 1), v] as const));
    const columnsOf = (row: string): string[] => {
      if (REVIEW_LITIGATION_GROUPS.some((g) => g.key === row)) return OUTCOME_COLUMNS.map((c) => c.key);
      const a = ACTIVE_ROWS.find((r) => r.key === row);
      return a ? activeColumns(a, m.version).map((c) => c.key) : APPLICANT_COLUMNS.map((c) => c.key);
    };
    return renderReport({ issuer: m.issuer, year: m.year, version: m.version, layout, value: (row, col) => byRow.get(row)?.[columnsOf(row).indexOf(col)] ?? '' });
  };
}

/** Every cell on its own line, cells separated by blank lines (corpus 015, 017); a blank cell is one more blank line (corpus 114). */
const blankLineCells: Shape = (m) => {
  const table = (kind: TableKind) => {
    const lines: string[] = [];
    const cell = (t: string) => lines.push(t, '');
    if (kind === 'reviewLitigation') {
      [...GROUP_NAMES, ...OUTCOME_LABELS, ...OUTCOME_LABELS, ...OUTCOME_LABELS, ...reviewNumbers(m).flat()].forEach(cell);
    } else {
      if (kind === 'applications') [NOTE, '申请人情况', ...APPLICANT_LABELS].forEach(cell);
      for (const r of rows(m, kind)) [r.label, ...r.cells].forEach(cell);
    }
    // A blank cell and its separator collapse into one blank line each: n blanks → n + 1 blank lines.
    return lines.join('\n').replace(/\n{3,}/g, (run) => '\n'.repeat(Math.ceil(run.length / 2) + 1));
  };
  return report(m, table);
};

/** Each value line alternates with a line holding a lone '|' (a separator, not a blank cell). */
const pipeLinesBetween: Shape = (m) => report(m, (kind) => {
  const cells = kind === 'reviewLitigation'
    ? [...GROUP_NAMES, ...OUTCOME_LABELS, ...OUTCOME_LABELS, ...OUTCOME_LABELS, ...reviewNumbers(m).flat()]
    : [...(kind === 'applications' ? [NOTE, '申请人情况', ...APPLICANT_LABELS] : []), ...rows(m, kind).flatMap((r) => [r.label, ...r.cells])];
  return cells.join('\n|\n');
});

/** PDF text (corpora 133, 009): numbers space-separated after the label on its line; header cells on their own lines. */
function pdfTable(m: ReportModel, kind: TableKind, header: string[] = pdfHeader, label: (r: Row) => string[] = (r) => [r.label]): string {
  if (kind === 'active') return activePdfText(m);
  if (kind === 'reviewLitigation') return reviewPdfText(m);
  const out = [...header];
  for (const r of rows(m, 'applications')) {
    const lines = label(r);
    if (!r.group) lines[lines.length - 1] += ' ' + r.cells.join(' ');
    out.push(...lines);
  }
  return out.join('\n');
}
const pdfHeader = [NOTE, '申请人情况', '自然人', '法人或其他组织', '总计', ...APPLICANT_LABELS.slice(1, 6)];
const pdfText: Shape = (m) => report(m, (kind) => pdfTable(m, kind));

/** PDF text across a page break inside table 三: the page's footer and the next page's running header between two rows. */
const pdfPageBreak: Shape = (m) => pdfText(m).replace(/\n(（三）不予公开|\(三\)不予公开)/, (_, label: string) => `\n- 5 -\n${m.issuer}${m.year}年政府信息公开工作年度报告\n${label}`);

/** PDF text with the balance note wrapped over two lines (corpus 133). */
const pdfNoteTwoLines: Shape = (m) => report(m, (kind) => pdfTable(m, kind, [...NOTE_LINES, ...pdfHeader.slice(1)]));

/** PDF text whose header block is split over many short lines (corpus 133: '总计商 业 企' / '业' / '科研机' / '构'). */
const pdfHeaderShortLines: Shape = (m) => report(m, (kind) => pdfTable(m, kind, [
  NOTE, '申请人情况', '自然人', '法人或其他组织', '总计商 业 企', '业', '科研机', '构', '社会公益', '组织', '法 律 服 务', '机构', '其他',
]));

/** PDF text with every header cell, and the group label 三、本年度办理结果, one character per line (corpus 133). */
const pdfOneCharPerLine: Shape = (m) => report(m, (kind) => pdfTable(m, kind, [NOTE, ...['申请人情况', ...APPLICANT_LABELS].flatMap((h) => [...h])],
  (r) => (r.label === '三、本年度办理结果' ? ['三、', ...r.label.slice(2)] : [r.label])));

/** PDF text whose long row labels wrap over two lines, the numbers after the second part (corpus 133). */
const pdfWrappedLabels: Shape = (m) => report(m, (kind) => pdfTable(m, kind, pdfHeader,
  (r) => (r.label.length > 16 ? [r.label.slice(0, 16), r.label.slice(16)] : [r.label])));

/** The whole report on one line, cells separated by spaces (corpus 134, 044). */
const oneLine: Shape = (m) => pdfText(m).split('\n').filter((l) => l !== '').join(' ');

/** Markdown pipe row. */
const pipe = (cells: string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => `|${'---|'.repeat(n)}`;
const GENERIC_HEADER = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];

/**
 * Markdown from a PDF converter: each row of table 三 its own small table under a '###' heading with
 * a generic header, sub-rows of a group in the group's table; a stray header table of '-' cells.
 */
function miniTablesApplications(m: ReportModel): string {
  const out = [pipe(['申请人情况', '-', '-', '-', '-', '-', '-', '-']), rule(8), pipe(['-', ...APPLICANT_LABELS]), ''];
  for (const r of rows(m, 'applications')) {
    if (r.label === '三、本年度办理结果') out.push('', `### ${r.label}`);
    else if (r.group) out.push('', `### ${r.label}`, '', pipe(GENERIC_HEADER), rule(8));
    else if (!r.parent || r.parent === '三、本年度办理结果') out.push('', `### ${r.label}`, '', pipe(GENERIC_HEADER), rule(8), pipe(['', ...r.cells]));
    else out.push(pipe([r.label, ...r.cells]));
  }
  return out.join('\n');
}

/** Table 四 as three small tables, each group's name on a heading line and its five numbers under a header row. */
function miniTablesReview(m: ReportModel): string {
  const n = reviewNumbers(m);
  return ['### 行政复议', pipe(OUTCOME_LABELS), rule(5), pipe(n[0]), '', '### 行政诉讼', '', '未经复议直接起诉', pipe(OUTCOME_LABELS), rule(5), pipe(n[1]), '',
    '复议后起诉', pipe(OUTCOME_LABELS), rule(5), pipe(n[2])].join('\n');
}

const mdMiniTables: Shape = (m) => report(m, (kind) => (kind === 'applications' ? miniTablesApplications(m) : markdownTable(m, kind)));
const mdMiniTablesReview: Shape = (m) => report(m, (kind) => (kind === 'reviewLitigation' ? miniTablesReview(m) : markdownTable(m, kind)));

/** One table of the renderer's Markdown layout, cut out of its whole report. */
function markdownTable(m: ReportModel, kind: TableKind): string {
  const text = rendered('markdown')(m).split('\n');
  const at = text.indexOf(sectionHeading(SECTIONS.find((s) => s.table === kind)!.ordinal));
  const end = text.indexOf('', at);
  return text.slice(at + 1, end).join('\n');
}

/** Markdown with a page footer ('— 4 —') between blank lines inside table 三, as a page break leaves it. */
const mdPageFooter: Shape = (m) => report(m, (kind) => {
  const t = markdownTable(m, kind).split('\n');
  if (kind === 'applications') t.splice(t.findIndex((l) => l.includes('保护第三方')), 0, '', '— 4 —', '');
  return t.join('\n');
});

/** Markdown with the group label in its own column, split over its sub-rows as a merged cell is (`| (三)不 | 4.保护第三方合法权益 |`). */
const mdSplitGroupLabel: Shape = (m) => report(m, (kind) => {
  if (kind !== 'applications') return markdownTable(m, kind);
  const all = rows(m, 'applications');
  const out = [pipe([NOTE, '', ...APPLICANT_LABELS]), rule(9)];
  let first = true;
  for (const r of all) {
    if (r.group && all.some((s) => s.parent === r.label)) continue;
    if (r.parent === '三、本年度办理结果') {
      out.push(pipe([first ? r.parent : '', r.label, ...r.cells]));
      first = false;
    } else if (r.parent) {
      // The group label's characters spread over the first rows of the group, four per row.
      const i = all.filter((s) => s.parent === r.parent).indexOf(r);
      out.push(pipe([r.parent.slice(i * 4, i * 4 + 4), r.label, ...r.cells]));
    } else out.push(pipe([r.label, '', ...r.cells]));
  }
  return out.join('\n');
});

/** Markdown from a PDF converter (corpus 101): long labels on text lines before their numbers-only rows. */
const mdLabelsBeforeRows: Shape = (m) => report(m, (kind) => {
  if (kind !== 'applications') return markdownTable(m, kind);
  const out = [pipe([NOTE, ...APPLICANT_LABELS]), rule(8)];
  for (const r of rows(m, 'applications')) {
    if (r.group || r.label.length <= 12) {
      out.push(pipe([r.label, ...(r.group ? Array(7).fill('') : r.cells)]));
      continue;
    }
    out.push('', r.label.slice(0, 12), r.label.slice(12), pipe(r.cells), rule(7));
  }
  return out.join('\n');
});

/** Junk a mirror site puts before each heading (`????一、總體情況`). */
const junkBeforeHeadings: Shape = (m) => report(m, (kind) => markdownTable(m, kind), (o) => `????${sectionHeading(o)}`);

/** Prose on each heading's line (`一、总体情况 根据…`). */
const proseOnHeadingLine: Shape = (m) => report(m, (kind) => markdownTable(m, kind), (o) => `${sectionHeading(o)} 本部分按《条例》要求报告。`);

/** Label and header variants seen in real tables. */
const ROW_LABEL_VARIANTS: [RegExp, string][] = [[/本年新收/g, '本年度新收'], [/上年结转/g, '上一年结转'], [/结转下年度继续办理/g, '结转下一年度继续办理']];
const HEADER_VARIANTS: [RegExp, string][] = [[/申请人情况/g, '申请人类型'], [/法人或其他组织/g, '法人或者其他组织']];
const variants = (pairs: [RegExp, string][]): Transform => (t) => pairs.reduce((s, [a, b]) => s.replace(a, b), t);

// ── Transforms (composable with any text shape) ────────────────────────────

export type Transform = (text: string) => string;

const toTraditional = Converter({ from: 'cn', to: 'tw' });

export const TRANSFORMS: Record<string, Transform> = {
  crlfBom: (t) => '\uFEFF' + t.replace(/\n/g, '\r\n'),
  fullWidth: (t) => t.replace(/[0-9()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  traditional: (t) => toTraditional(t),
};

/** Inline pinyin of Traditional mirror sites (`規(guī)章`, `數(shù)量`). */
const PINYIN: [RegExp, string][] = [[/規章/g, '規(guī)章'], [/數量/g, '數(shù)量'], [/機構/g, '機(jī)構'], [/總計/g, '總(zǒng)計']];
const traditionalPinyin: Transform = (t) => PINYIN.reduce((s, [a, b]) => s.replace(a, b), toTraditional(t));

/** Kangxi-radical look-alikes from PDF extraction (⼀ U+2F00 for 一 …), everywhere but in the numbers. */
const KANGXI: Record<string, string> = { 一: '\u2F00', 二: '\u2F06', 人: '\u2F08', 十: '\u2F17', 工: '\u2F2F', 文: '\u2F42', 行: '\u2F8F' };
const kangxi: Transform = (t) => t.replace(/[一二人十工文行]/g, (c) => KANGXI[c]);

const then = (s: Shape, f: Transform): Shape => (m) => f(s(m));

// ── The shape lists ────────────────────────────────────────────────────────

/** HTML as sites publish it. test/helpers/htmlShapes.ts (another branch) adds its shapes here. */
export const HTML_SHAPES: Record<string, Shape> = {
  html: rendered('html'),
  // As government sites publish it: Word-exported cells, merged header cells, the article in a layout cell.
  ...Object.fromEntries(Object.entries(HTML_TRANSFORMS).map(([name, t]) => [`html+${name}`, (m: ReportModel) => t(rendered('html')(m))])),
};

/** Text shapes: composable with the transforms. */
export const TEXT_SHAPES: Record<string, Shape> = {
  markdown: rendered('markdown'),
  pipeRows: rendered('pipeRows'),
  cellPerLine: rendered('cellPerLine'),
  tabbed: rendered('tabbed'),
  blankLineCells,
  pipeLinesBetween,
  pdfText,
  pdfPageBreak,
  pdfNoteTwoLines,
  pdfHeaderShortLines,
  pdfOneCharPerLine,
  pdfWrappedLabels,
  oneLine,
  mdMiniTables,
  mdMiniTablesReview,
  mdPageFooter,
  mdSplitGroupLabel,
  mdLabelsBeforeRows,
  junkBeforeHeadings,
  proseOnHeadingLine,
  rowLabelVariants: then(rendered('cellPerLine'), variants(ROW_LABEL_VARIANTS)),
  headerVariants: then(rendered('cellPerLine'), variants(HEADER_VARIANTS)),
  traditionalPinyin: then(rendered('cellPerLine'), traditionalPinyin),
  kangxiCellPerLine: then(rendered('cellPerLine'), kangxi),
  kangxiPdfText: then(pdfText, kangxi),
};

/** The text shapes composed with the transforms: the layouts, not the label and heading variants. */
const COMPOSABLE = ['markdown', 'pipeRows', 'cellPerLine', 'tabbed', 'blankLineCells', 'pipeLinesBetween', 'pdfText', 'pdfHeaderShortLines', 'oneLine', 'mdMiniTables', 'mdMiniTablesReview'];

/** Every shape: HTML shapes, text shapes, and each layout under each transform and under all of them. */
export function allShapes(): Record<string, Shape> {
  const out: Record<string, Shape> = { ...HTML_SHAPES, ...TEXT_SHAPES };
  for (const name of COMPOSABLE) {
    const s = TEXT_SHAPES[name];
    for (const [t, f] of Object.entries(TRANSFORMS)) out[`${name}+${t}`] = then(s, f);
    out[`${name}+all`] = then(s, (x) => TRANSFORMS.crlfBom(TRANSFORMS.fullWidth(TRANSFORMS.traditional(x))));
  }
  return out;
}

/** What goes wrong in the shapes the reader does not read yet (issue 13), by base shape. */
const BASE_TODO: Record<string, string> = {};

/** Shapes of a model with blank cells (`withBlankZeros`): its numbers back, nulls included, and only blank-cell findings. */
export const BLANK_SHAPES: Record<string, Shape> = {
  blankLineCollapsed: blankLineCells,
  markdownBlanks: rendered('markdown'),
  pipeRowsBlanks: rendered('pipeRows'),
};

const BLANK_TODO: Record<string, string> = {};

/** What goes wrong when a transform is applied to a shape the reader otherwise reads. */
const TRANSFORM_TODO: Record<string, (base: string) => string | null> = {};

/** Shapes the reader does not read yet, with what goes wrong (the per-shape tests run them as todo). */
export const TODO: Record<string, string> = Object.fromEntries(Object.keys(allShapes()).flatMap((name) => {
  const [base, transform] = name.split('+');
  // A layout the reader does not read yet is todo under any transform, for its own reason.
  const reason = BASE_TODO[base] ?? (transform ? TRANSFORM_TODO[transform]?.(base) : null);
  return reason ? [[name, reason]] : [];
}).concat(Object.entries(BLANK_TODO)));

/** The shapes the property test draws from. */
export function readableShapes(): [string, Shape][] {
  return Object.entries(allShapes()).filter(([name]) => !(name in TODO));
}

// ── Silencing comments ─────────────────────────────────────────────────────

/**
 * A text with a silencing comment on a line of its own at every line boundary where one may stand
 * (in HTML not inside a tag that spans lines): `comment(i)` gives the i-th. The reader must read it
 * exactly as the text without them (README, "Silencing a finding").
 */
export function withCommentLines(text: string, comment: (i: number) => string, every = 1): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  const html = /<(?:table|tr|td|p|div|br|html|body)\b/i.test(text);
  let out = '';
  let n = 0;
  for (let k = 0; k < parts.length; k += 2) {
    const eol = parts[k + 1];
    out += parts[k] + (eol ?? '');
    if (eol === undefined || (k / 2) % every !== 0) continue;
    const lt = out.lastIndexOf('<');
    if (html && lt >= 0 && out.indexOf('>', lt) < 0) continue;
    out += comment(n++) + eol;
  }
  return out;
}
