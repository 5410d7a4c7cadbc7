import { SECTIONS } from '../formats/sections';
import { fullWidth, msg, type Message, type Text } from '../l10n/text';
import type { Report, SectionHeading, Table, TableKind } from '../model';
import { comparable, sharedShare, sortedShingles } from '../workspace/similarity';
import { fileName, type OtherReport } from '../workspace/workspace';
import { tableName } from './names';
import { subject, type Finding, type Rule } from './types';

/** A part is judged when it has at least this many shingles (about forty characters of text). */
const MIN_SHINGLES = 32;
/** The share of a part's shingles found in last year's same part from which it is said to be copied. */
const COPIED_SHARE = 0.8;
/** A table is judged equal to last year's when it has at least this many figures, one of them not 0. */
const MIN_TABLE_FIGURES = 6;

const PART = {
  zh: '第{numeral}部分“{title}”有{share}%的文字与上年报告“{file}”的同一部分相同（年份、数字不计），内容雷同。',
  en: '{share}% of the text of part {numeral} (“{title}”) repeats the same part of last year\'s report “{file}” (years and numbers aside).',
};
const PART_SAME = {
  zh: '第{numeral}部分“{title}”与上年报告“{file}”的同一部分完全相同（年份、数字不计），内容雷同。',
  en: 'Part {numeral} (“{title}”) is identical to the same part of last year\'s report “{file}” (years and numbers aside).',
};
const PROBLEMS_SAME = {
  zh: '第五部分“存在的主要问题及改进情况”与上年报告“{file}”的同一部分完全相同（年份、数字不计）：本年的问题和改进照抄上年，属于国办公开办函〔2021〕30号所说的“内容雷同”。',
  en: 'Part 5 (“main problems and improvements”) is identical to last year\'s in “{file}” (years and numbers aside): this year\'s problems and improvements are last year\'s, the “identical content” 国办公开办函〔2021〕30号 names as ground for accountability.',
};
const PART_RELATED = { zh: '上年报告的第{numeral}部分', en: 'Part {numeral} of last year\'s report' };
const TABLE = {
  zh: '{table}与上年报告“{file}”的同一表格逐格相同（{count}个数）：年份变了，数字未变。',
  en: 'The {table} equals last year\'s in “{file}” cell for cell ({count} figures): the year changed, the figures did not.',
};
const TABLE_RELATED = { zh: '上年报告的{table}', en: 'Last year\'s {table}' };

/**
 * 内容雷同 (国办公开办函〔2021〕30号 (四)): each part's prose against the same part of last year's report
 * (workspace/similarity.ts: the share of its 8-character shingles, years and numbers folded, found
 * there), and each table against last year's, cell for cell.
 */
export const copiedText: Rule = {
  id: 'copied-text',
  severity: 2,
  inputs: ['sections', 'active', 'applications', 'reviewLitigation'],
  across: true,
  description: { zh: '各部分文字和表格不照抄上年报告', en: 'Parts and tables are not copied from last year\'s report' },
  check(ctx) {
    const last = ctx.workspace?.lastYear();
    if (!last) return [];
    return [...copiedParts(ctx.report, last), ...copiedTables(ctx.report, last)];
  },
};

function copiedParts(report: Report, last: OtherReport): Finding[] {
  const out: Finding[] = [];
  const file = fileName(last.uri);
  for (const h of firstOfEach(report.sections)) {
    const before = firstOfEach(last.report.sections).find((x) => x.key === h.key);
    if (!before) continue;
    const mine = comparable(proseOf(report, h));
    const theirs = comparable(proseOf(last.report, before));
    const own = sortedShingles(mine);
    if (own.length < MIN_SHINGLES) continue;
    const share = mine === theirs ? 1 : sharedShare(own, sortedShingles(theirs));
    if (share < COPIED_SHARE) continue;
    const def = SECTIONS.find((s) => s.key === h.key)!;
    const args = { numeral: { zh: def.numeral, en: String(def.ordinal) }, title: { zh: fullWidth(def.title), en: def.titleEn } as Text, file, share: Math.floor(share * 100) };
    const message: Message = mine !== theirs ? msg(PART, args) : msg(h.key === 'problems' ? PROBLEMS_SAME : PART_SAME, args);
    out.push({
      ruleId: copiedText.id, subject: subject.section(h.key), severity: copiedText.severity, range: h.range, message,
      related: [{ uri: last.uri, range: before.range, message: msg(PART_RELATED, args) }],
    });
  }
  return out;
}

function firstOfEach(headings: readonly SectionHeading[]): SectionHeading[] {
  return headings.filter((h, i) => headings.findIndex((x) => x.key === h.key) === i);
}

function* proseOf(report: Report, h: SectionHeading): Iterable<string> {
  for (const line of report.proseIn(h.line, h.endLine)) yield line.text;
}

function copiedTables(report: Report, last: OtherReport): Finding[] {
  const out: Finding[] = [];
  const file = fileName(last.uri);
  for (const kind of ['active', 'applications', 'reviewLitigation'] as TableKind[]) {
    const table = report.tables[kind];
    const before = last.report.tables[kind];
    const count = table && before ? equalFigures(table, before) : 0;
    if (!count || !table!.rows.length) continue;
    const args = { table: tableName(kind), file, count };
    out.push({
      ruleId: copiedText.id, subject: subject.table(kind), severity: copiedText.severity, range: table!.rows[0].label.range,
      message: msg(TABLE, args),
      related: [{ uri: last.uri, range: before!.rows[0]?.label.range ?? before!.range, message: msg(TABLE_RELATED, args) }],
    });
  }
  return out;
}

/** How many figures two tables share cell for cell, when they share all of them (and one is not 0); else 0. */
function equalFigures(table: Table, before: Table): number {
  if (table.unreadable || before.unreadable || table.version !== before.version) return 0;
  const figures = (t: Table) => {
    const m = new Map<string, number | null>();
    for (const row of t.rows) for (const c of row.cells) if (row.key && c.column) m.set(`${row.key}/${c.column}`, c.value);
    return m;
  };
  const mine = figures(table);
  const theirs = figures(before);
  if (mine.size !== theirs.size || mine.size < MIN_TABLE_FIGURES) return 0;
  let nonZero = false;
  for (const [k, v] of mine) {
    if (v === null || theirs.get(k) !== v) return 0;
    if (v !== 0) nonZero = true;
  }
  return nonZero ? mine.size : 0;
}
