import type { Cell, FormatVersion, Report, SectionKey, Table } from '../model';
import { OUTCOME_CLAIMS, PARTIAL_COUNT, type OutcomeClaim, PROSE_COUNTS, REFERS_BACK, WIDER_AREA, type ProseCount, type ProseTable } from '../formats/prosePatterns';
import { applicationsNumberRows } from '../formats/relations';
import { msg, type Message } from '../l10n/text';
import { cell, columnName, rowDef, rowName, tableName } from './names';
import { paragraphs, type Paragraph } from '../text/paragraphs';
import { selectIndices } from '../text/spliced';
import { subject, type Finding, type Rule, type RuleContext } from './types';
import { Slot } from '../text/slot';

const MESSAGE = {
  zh: '正文写明{name}为{stated}，而{table}中{cells}为{actual}，两者不一致。',
  en: 'The text states {nameEn} as {stated}, but {cellsEn} in the {tableEn} is {actual}.',
};
const CLAIM = {
  zh: '正文称“{claim}”，但{table}中{cells}，两者不一致。',
  en: 'The text says “{claim}”, but in the {tableEn} {cellsEn}.',
};
const OUTCOME = { zh: '“{row}”的“{column}”为{value}', en: '“{column}” of “{row}” is {value}' };
const CELL = { zh: '表中“{row}”的“{column}”：{value}', en: '“{columnEn}” of “{rowEn}” in the table: {value}' };

/** Where a clause ends (folded text: ASCII punctuation), as character codes: looked for character by character. */
const CLAUSE_END = codes(',;:、。()!?');
const SENTENCE_END = codes(';。!?');
/** The first character of every unit a phrase takes (a number without one is no count of the tables). */
const UNIT = /[件项份条个起宗]/;
/** The same, as written in either script. */
const UNIT_WRITTEN = /[件项項份条條个個起宗]/;
/** The parts a count of each table may be stated in (never the problems or other matters). */
const SECTIONS_OF: Record<ProseTable, ReadonlySet<SectionKey | null>> = {
  active: new Set([null, 'overview', 'activeDisclosure']),
  applications: new Set([null, 'overview', 'applications', 'reviewLitigation']),
  reviewLitigation: new Set([null, 'overview', 'applications', 'reviewLitigation']),
};
const SECTIONS = new Set(Object.values(SECTIONS_OF).flatMap((s) => [...s]));

/** A number in the prose (issue 16, rule 4): where it names cells of table 三 or 四 for certain, it agrees with them. */
export const proseTableMismatch: Rule = {
  id: 'prose-table-mismatch',
  severity: 2,
  inputs: ['sections', 'applications', 'reviewLitigation'],
  description: { zh: '正文所述的处理决定、制发文件、申请和复议、诉讼数量与表格一致', en: 'Counts stated in the text agree with tables 2, 3 and 4' },
  check(ctx) {
    const { report } = ctx;
    if (!readable(report.tables.active) && !readable(report.tables.applications) && !readable(report.tables.reviewLitigation)) return [];
    const out: Finding[] = [];
    const list = paragraphs(report);
    // Asked of each paragraph once (text/spliced.ts): which state a count or claim, under this year and script.
    const stating = (p: Paragraph) => {
      if (!SECTIONS.has(p.section)) return false;
      const read = readOnce(p, report);
      return read.counts.length > 0 || read.claims.length > 0;
    };
    for (const i of selectIndices(list, `prose-table-mismatch|${report.year?.value ?? ''}|${report.script}`, stating)) {
      const p = list[i];
      const read = readOnce(p, report);
      for (const stated of read.counts) {
        const f = compare(ctx, p, stated);
        if (f) out.push(f);
      }
      if (read.claims.length) out.push(...claims(p, read.claims, report.tables.reviewLitigation));
    }
    return out;
  },
};

/** The numbers of the prose placed for certain, with what they count (tests and hover). */
export function placedCounts(report: Report): { id: string; value: number; range: Cell['range'] }[] {
  return paragraphs(report).filter((p) => SECTIONS.has(p.section))
    .flatMap((p) => readOnce(p, report).counts.map((s) => ({ id: s.pattern.id, value: s.value, range: p.rangeOf(s.start, s.end) })));
}

function readable(t: Table | null): t is Table {
  return !!t && !t.unreadable;
}

interface Stated {
  pattern: ProseCount;
  value: number;
  start: number;
  end: number;
}

/**
 * What was found in a paragraph, by its text (under the report's year and script, and the paragraph's
 * part): typing elsewhere does not read it again. About 4 MB of paragraphs are remembered, then forgotten at once.
 */
const found = new Map<string, Map<string, Read>>();
let foundChars = 0;
const FOUND_CHARS = 1 << 21;

/** A paragraph's counts, and its claims of an outcome of table 四 ('均获维持', '未被纠错'). */
interface Read {
  counts: Stated[];
  claims: Claim[];
}

/** A claim as written, and the rows of table 四 its sentence is about. */
interface Claim {
  claim: OutcomeClaim;
  start: number;
  written: string;
  rows: string[];
}

/** The last read of each paragraph object, under its scope: a paragraph kept across keystrokes is not looked up by its text. */
const byParagraph = new Slot<Paragraph, { scope: string; read: Read }>('proseTableRead');

function readOnce(p: Paragraph, report: Report): Read {
  const scope = `${report.year?.value ?? ''}|${p.section}|${report.script}`;
  const last = byParagraph.get(p);
  if (last?.scope === scope) return last.read;
  let byText = found.get(scope);
  if (!byText) found.set(scope, (byText = new Map()));
  let out = byText.get(p.raw);
  if (!out) {
    out = { counts: UNIT_WRITTEN.test(p.raw) ? readCounts(p, report) : [], claims: /持|纠|糾/.test(p.raw) ? readClaims(p) : [] };
    if (foundChars + p.raw.length > FOUND_CHARS) (found.clear(), found.set(scope, byText), byText.clear(), (foundChars = 0));
    byText.set(p.raw, out);
    foundChars += p.raw.length;
  }
  byParagraph.set(p, { scope, read: out });
  return out;
}

/** Every number of a paragraph that a phrase places for certain. */
function readCounts(p: Paragraph, report: Report): Stated[] {
  const t = p.text;
  const out: Stated[] = [];
  if (!UNIT.test(t)) return out;
  for (const m of t.matchAll(/\d+/g)) {
    const a = m.index;
    const b = a + m[0].length;
    if (partOfLargerNumber(t, a, b) || m[0].length > 9) continue;
    let u = b;
    while (t[u] === ' ') u++;
    if (!UNIT.test(t[u] ?? '')) continue;
    const at = new NumberAt(t, a, u);
    const pattern = PROSE_COUNTS.find((c) => placed(c, at, p));
    if (!pattern) continue;
    const sentenceStart = lastIndex(t, a, SENTENCE_END);
    const prefix = t.slice(sentenceStart, a).replace(/\s+/g, '');
    if (PARTIAL_COUNT.test(prefix) || otherYear(prefix, report.year?.value ?? null)) continue;
    if (REFERS_BACK.test(prefix) && WIDER_AREA.test(previousSentence(t, sentenceStart))) continue;
    const sentenceEnd = nextIndex(t, u, SENTENCE_END);
    if (pattern.notAfter?.test(t.slice(u, sentenceEnd))) continue;
    if (!about(pattern, t, sentenceStart, sentenceEnd, p)) continue;
    out.push({ pattern, value: Number(m[0]), start: a, end: b });
  }
  return out;
}

/**
 * A number of the prose with a unit after it, as every phrase looks at it: the words before it in its
 * clause, made once for all the phrases tried (a real report's prose is new text, read once).
 */
class NumberAt {
  /** Where its clause starts. */
  readonly clause: number;
  /** Its clause's words before it, without white space. */
  readonly lead: string;
  /** The two characters a unit is read from. */
  readonly unitText: string;
  /** Whether any phrase may end its clause right before it (`ANY_BEFORE`). */
  readonly mayFollowPhrase: boolean;
  private tailFrom = -1;
  private tailText = '';
  constructor(readonly t: string, readonly a: number, readonly u: number) {
    this.clause = lastIndex(t, a, CLAUSE_END);
    this.lead = t.slice(this.clause, a).replace(/\s+/g, '');
    this.unitText = t.slice(u, u + 2);
    this.mayFollowPhrase = ANY_BEFORE.test(this.lead);
  }

  /** The words after its unit (which ends at `rest`) to the end of the clause, without white space. */
  tail(rest: number): string {
    if (rest !== this.tailFrom) {
      this.tailFrom = rest;
      this.tailText = this.t.slice(rest, nextIndex(this.t, rest, CLAUSE_END)).replace(/\s+/g, '');
    }
    return this.tailText;
  }
}

function placed(c: ProseCount, at: NumberAt, p: Paragraph): boolean {
  if ((c.before && !at.mayFollowPhrase) || !SECTIONS_OF[c.table].has(p.section)) return false;
  const unit = c.unit.exec(at.unitText);
  if (!unit) return false;
  if (c.alone && at.t[at.clause - 1] === '、') return false;
  if (c.before) return c.before.test(at.lead);
  return !!c.lead?.test(at.lead) && !!c.after?.test(at.tail(at.u + unit[0].length));
}

/** '1,499', '4.5', '2023-12': the digits are part of another number. */
function partOfLargerNumber(t: string, a: number, b: number): boolean {
  const before = t[a - 1];
  if (before === '.' || before === '-' || before === '/' || ((before === ',' || before === '，') && /\d/.test(t[a - 2] ?? ''))) return true;
  const after = t[b];
  return (after === '.' || after === ',' || after === '%' || after === '-' || after === '/') && /[\d%]/.test(t[b + 1] ?? '%');
}

/** The sentence says what it counts, or refers back to the one before that does; or it stands in the table's own part. */
function about(c: ProseCount, t: string, start: number, end: number, p: Paragraph): boolean {
  if (p.section === c.table || (c.table === 'active' && p.section === 'activeDisclosure')) return true;
  const sentence = t.slice(start, end);
  if (c.about.test(sentence)) return true;
  if (c.table === 'reviewLitigation' && !REFERS_BACK.test(sentence.replace(/^[\s;。!?]+/, ''))) return false;
  return c.about.test(previousSentence(t, start));
}

function previousSentence(t: string, start: number): string {
  return t.slice(lastIndex(t, Math.max(0, start - 1), SENTENCE_END), start);
}

function otherYear(prefix: string, year: number | null): boolean {
  for (const m of prefix.matchAll(/(?:19|20)\d\d(?=年)/g)) if (Number(m[0]) !== year) return true;
  return false;
}

/**
 * Every phrase that ends right before its number, as one pattern: a number whose clause ends in none of
 * them (most numbers of the prose) is passed over by one test, not one a phrase. Made only of patterns
 * without flags, which an alternation keeps as they are; should one have flags, every number is tried.
 */
const BEFORE = PROSE_COUNTS.flatMap((c) => (c.before ? [c.before] : []));
const ANY_BEFORE = BEFORE.every((re) => re.flags === '') ? new RegExp(BEFORE.map((re) => `(?:${re.source})`).join('|')) : /(?:)/;

/** A clause or sentence is looked for this far at most (a paragraph with no punctuation costs no more per number). */
const REACH = 300;

function lastIndex(t: string, before: number, ends: ReadonlySet<number>): number {
  const stop = Math.max(0, before - REACH);
  for (let i = before - 1; i >= stop; i--) if (ends.has(t.charCodeAt(i))) return i + 1;
  return stop;
}

function nextIndex(t: string, from: number, ends: ReadonlySet<number>): number {
  const stop = Math.min(t.length, from + REACH);
  for (let i = from; i < stop; i++) if (ends.has(t.charCodeAt(i))) return i;
  return stop;
}

function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** The rows whose 总计 cells make the count: a group of table 三 is its rows in the table's format version. */
const leaves = new Map<ProseCount, Partial<Record<FormatVersion, string[]>>>();

function leafRows(c: ProseCount, version: FormatVersion): string[] {
  let byVersion = leaves.get(c);
  if (!byVersion) leaves.set(c, (byVersion = {}));
  return (byVersion[version] ??= leafRowsOf(c, version));
}

function leafRowsOf(c: ProseCount, version: FormatVersion): string[] {
  if (c.table !== 'applications') return [...c.rows];
  const numbered = applicationsNumberRows(version);
  return c.rows.flatMap((key) => {
    if (numbered.includes(key)) return [key];
    if (key === 'otherHandling' && version === '2019') return ['other'];
    return numbered.filter((k) => rowDef('applications', k)?.parent === key);
  });
}

function compare(ctx: RuleContext, p: Paragraph, s: Stated): Finding | null {
  const table = ctx.report.tables[s.pattern.table];
  if (!readable(table)) return null;
  const cells: [string, Cell][] = [];
  const version = table.version ?? ctx.report.format.version ?? '2021';
  const column = s.pattern.column?.[version] ?? 'total';
  for (const key of leafRows(s.pattern, version)) {
    const c = cell(table, key, column);
    if (!c || c.value === null) return null;
    cells.push([key, c]);
  }
  // A row the table's format has not (逾期不补正 in a 2019 table): nothing to compare.
  if (!cells.length) return null;
  const actual = cells.reduce((sum, [, c]) => sum + c.value!, 0);
  if (actual === s.value) return null;
  const name = tableName(table.kind);
  const columnText = columnName(table.kind, cells[0][0], column, version);
  const where = cellsName(table, s.pattern, columnText);
  return {
    ruleId: proseTableMismatch.id,
    subject: cells.length === 1 ? subject.cell(table.kind, cells[0][0], column) : subject.row(table.kind, s.pattern.id),
    severity: proseTableMismatch.severity,
    range: p.rangeOf(s.start, s.end),
    message: msg(MESSAGE, {
      name: s.pattern.name.zh, nameEn: s.pattern.name.en, stated: s.value, actual,
      table: name.zh, tableEn: name.en, cells: where.zh, cellsEn: where.en,
    }),
    related: cells.map(([key, c]): { range: Cell['range']; message: Message } => {
      const row = rowName(table.kind, key);
      return { range: c.range, message: msg(CELL, { row: row.zh, rowEn: row.en, column: columnText.zh, columnEn: columnText.en, value: c.value! }) };
    }),
  };
}

/** The cells a count names, for the message: one row's cell (总计 in tables 三 and 四), a group's or two rows' added up. */
function cellsName(table: Table, c: ProseCount, column: { zh: string; en: string }): { zh: string; en: string } {
  const names = c.rows.map((k) => rowName(table.kind, k));
  const group = c.rows.length === 1 && (rowDef(table.kind, c.rows[0])?.group ?? false);
  const zh = names.map((n) => `“${n.zh}”`).join('与');
  const en = names.map((n) => `“${n.en}”`).join(' and ');
  if (group) return { zh: `${zh}各项的“${column.zh}”之和`, en: `the sum of the totals under ${en}` };
  if (names.length > 1) return { zh: `${zh}的“${column.zh}”之和`, en: `the sum of the totals of ${en}` };
  return { zh: `${zh}的“${column.zh}”`, en: c.column ? `“${column.en}” of ${en}` : `the total of ${en}` };
}

/** '均获维持', '未被纠错' in a sentence about 行政复议 or 行政诉讼 of government information: the rows of table 四 it speaks for. */
function readClaims(p: Paragraph): Claim[] {
  const t = p.text;
  const out: Claim[] = [];
  for (const claim of OUTCOME_CLAIMS) {
    for (const m of t.matchAll(claim.words)) {
      const start = lastIndex(t, m.index, SENTENCE_END);
      const before = t.slice(start, m.index);
      const review = before.lastIndexOf('复议');
      const litigation = Math.max(before.lastIndexOf('诉讼'), before.lastIndexOf('起诉'));
      if (review < 0 && litigation < 0) continue;
      const sentence = t.slice(start, nextIndex(t, m.index, SENTENCE_END));
      const refersBack = REFERS_BACK.test(sentence) && /信息公开/.test(previousSentence(t, start));
      if (p.section !== 'reviewLitigation' && !/信息公开/.test(sentence) && !refersBack) continue;
      out.push({ claim, start: m.index, written: m[0], rows: litigation > review ? ['litigationDirect', 'litigationAfterReview'] : ['review'] });
    }
  }
  return out;
}

/** The claims that table 四 contradicts: the outcomes their sentence's nearest 行政复议 or 行政诉讼 had. */
function claims(p: Paragraph, read: Claim[], table: Table | null): Finding[] {
  if (!readable(table)) return [];
  const out: Finding[] = [];
  for (const { claim, start, written, rows } of read) {
    const found: { row: string; column: string; c: Cell }[] = [];
    for (const row of rows) {
      for (const column of claim.contradictedBy) {
        const c = cell(table, row, column);
        if (c?.value) found.push({ row, column, c });
      }
    }
    if (!found.length) continue;
    const parts = found.map(({ row, column, c }) => {
      const r = rowName(table.kind, row);
      const col = columnName(table.kind, row, column, null);
      return { zh: msgText(OUTCOME.zh, r.zh, col.zh, c.value!), en: msgText(OUTCOME.en, r.en, col.en, c.value!) };
    });
    const name = tableName(table.kind);
    out.push({
      ruleId: proseTableMismatch.id,
      subject: subject.cell(table.kind, found[0].row, found[0].column),
      severity: proseTableMismatch.severity,
      range: p.rangeOf(start, start + written.length),
      message: msg(CLAIM, {
        claim: written, table: name.zh, tableEn: name.en,
        cells: parts.map((x) => x.zh).join('，'), cellsEn: parts.map((x) => x.en).join(', '),
      }),
      related: found.map(({ c }, i) => ({ range: c.range, message: msg({ zh: parts[i].zh, en: parts[i].en }) })),
    });
  }
  return out;
}

function msgText(template: string, row: string, column: string, value: number): string {
  return template.replace('{row}', row).replace('{column}', column).replace('{value}', String(value));
}
