import type { FormatVersion, ProseLine, Range, Report, SectionHeading, SectionKey, Table, TableKind } from '../model';
import { contentBounds, isTraditional } from '../text/normalize';
import { headText, readSource, RelinedText, spanRange, type SourceLine, type SourceText } from '../text/source';
import { spliced } from '../text/spliced';
import { readHeader } from './header';
import { finishHeadings, findHeadings } from './headings';
import { splitAtParts } from './pieces';
import { findTableRegions, type TableRegion } from './regions';
import { readTable } from './tables';
import { isDirectiveLine } from '../silencing/directives';

export interface ReadOptions {
  /** 'auto' (default) reads the version from the tables, then from the report's year. */
  formatVersion?: 'auto' | FormatVersion;
}

/** What a read leaves behind besides the model: what the incremental reader reuses. */
export interface ReadState {
  src: SourceText;
  headings: SectionHeading[];
  regions: TableRegion[];
  header: Header;
  report: Report;
}

export type Header = ReturnType<typeof readHeader>;

/** Reads a report's text into its model. Pure and total: any string gives a model. */
export function readReport(text: string, options: ReadOptions = {}): Report {
  return readSourceReport(readSource(text), options);
}

export function readSourceReport(src: SourceText, options: ReadOptions = {}): Report {
  return readState(src, options).report;
}

/** The whole read: silencing lines skipped, pieces, headings, table regions, then everything `compose` does. */
export function readState(text: SourceText, options: ReadOptions = {}): ReadState {
  const src = splitAtParts(withoutDirectiveLines(text));
  const headings = findHeadings(src);
  return compose(src, { headings, regions: findTableRegions(src, headings), tables: {}, year: null }, options).state;
}

/** What a report is filed and compared by across reports: its header, parts, regions and prose, no table read. */
export type Skeleton = Pick<Report, 'title' | 'issuer' | 'signatory' | 'year' | 'sections' | 'proseOutsideRegions'>;

/**
 * The read without the tables (most of a read's work): the same lines, headings, header and regions as
 * `readState`, and the prose of every line outside the headings. A batch files its reports by it.
 */
export function readSkeleton(text: SourceText): Skeleton {
  const src = splitAtParts(withoutDirectiveLines(text));
  const headings = finishHeadings(src, findHeadings(src));
  const header = readHeader(src, headings);
  const regions = findTableRegions(src, headings);
  return {
    title: header.title, issuer: header.issuer, signatory: header.signatory, year: header.year, sections: headings,
    proseOutsideRegions: (from, to) => proseSpan(src, headings, regionSpans(regions), from, to),
  };
}

/** Regions as the spans `proseSpan` skips. */
function regionSpans(regions: readonly TableRegion[]): { firstLine: number; endLine: number }[] {
  return regions.map((r) => ({ firstLine: r.from, endLine: r.to }));
}

/**
 * A plain text without its silencing lines (`// nianbao-disable …`, `<!-- nianbao-disable … -->` alone
 * on a line): the reader sees the lines around one as if it were not there, so it is no heading, no
 * cell, no blank between cells and no prose, in every layout. HTML comments are skipped by the HTML reader.
 */
function withoutDirectiveLines(src: SourceText): SourceText {
  if (src.html || !src.lines.some((l) => isDirectiveLine(l.text))) return src;
  const lines = src.lines.filter((l) => !isDirectiveLine(l.text));
  return new RelinedText(() => src.text, src.index, lines, src.html);
}

/** What a read of changed lines keeps from the read before (already moved to the new lines). */
export interface Kept {
  headings: SectionHeading[];
  regions: TableRegion[];
  /** The tables the change did not touch; a kind left out is read again (null: there is no such table). */
  tables: Partial<Report['tables']>;
  /** The header, when the change lies far below it; else it is read again (a few lines). */
  header?: Header;
  /** The year read before: when it changes, tables 二 and 三 are read again (the year decides their format). */
  year: number | null;
  /**
   * The previous version's prose, when it was read and no line moved: kept as it is (`changedLine` null: the
   * edit was inside a table) or with the one edited line read again. Used only when the tables span the
   * same lines as before (`extents`: the previous tables' first and end lines).
   */
  prose?: { lines: ProseLine[]; changedLine: number | null; extents: string };
}

/**
 * Everything after the lines, headings and regions: where each part ends, the header, the tables (kept,
 * or read), the model. The one composition of the reader's steps, for the full read and every
 * incremental path; `reread` says which tables were read.
 */
export function compose(src: SourceText, kept: Kept, options: ReadOptions): { state: ReadState; reread: Set<TableKind> } {
  const headings = finishHeadings(src, kept.headings);
  const header = kept.header ?? readHeader(src, headings);
  const year = header.year?.value ?? null;
  const reread = new Set<TableKind>();
  let { active, applications, reviewLitigation } = kept.tables;
  if (active === undefined || applications === undefined || year !== kept.year) {
    ({ active, applications } = readVersionedTables(src, kept.regions, year, options));
    reread.add('active').add('applications');
  }
  if (reviewLitigation === undefined) {
    reviewLitigation = readReviewTable(src, kept.regions);
    reread.add('reviewLitigation');
  }
  // `assemble` sets each table's section: a kept table is copied, never the previous version's object.
  const tables = { active: copy(active), applications: copy(applications), reviewLitigation: copy(reviewLitigation) };
  const prose = kept.prose?.extents === extentsOf(tables) ? kept.prose : undefined;
  const report = assemble(src, headings, header, tables, options, prose, kept.regions);
  return { state: { src, headings, regions: kept.regions, header, report }, reread };
}

/** The lines the tables span: with the headings and the lines, what the prose depends on. */
export function extentsOf(tables: Report['tables']): string {
  return [tables.active, tables.applications, tables.reviewLitigation].map((t) => (t ? `${t.firstLine}-${t.endLine}` : '')).join('|');
}

function copy(t: Table | null): Table | null {
  return t ? { ...t } : null;
}

export function forcedVersion(options: ReadOptions): FormatVersion | null {
  return options.formatVersion === '2019' || options.formatVersion === '2021' ? options.formatVersion : null;
}

function yearVersion(year: number | null): FormatVersion | null {
  return year === null ? null : year >= 2021 ? '2021' : '2019';
}

/** Tables A and B decide each other's version (and the year decides for both), so they are read together. */
export function readVersionedTables(src: SourceText, regions: TableRegion[], year: number | null, options: ReadOptions) {
  const forced = forcedVersion(options);
  const byYear = yearVersion(year);
  const region = (kind: TableRegion['kind']) => regions.find((r) => r.kind === kind);
  const read = (r: TableRegion | undefined, fallback: FormatVersion | null): Table | null =>
    r ? readTable(src, r, { forcedVersion: forced, fallbackVersion: fallback }) : null;
  let active = read(region('active'), byYear);
  const applications = read(region('applications'), active?.versionFrom === 'table' ? active.version : byYear);
  if (active && active.versionFrom === 'report' && applications?.versionFrom === 'table' && applications.version !== active.version) {
    active = read(region('active'), applications.version);
  }
  return { active, applications };
}

export function readReviewTable(src: SourceText, regions: TableRegion[]): Table | null {
  const r = regions.find((x) => x.kind === 'reviewLitigation');
  return r ? readTable(src, r, { forcedVersion: null, fallbackVersion: null }) : null;
}

/** The model from its parts; the prose is computed when first asked for. */
export function assemble(
  src: SourceText, headings: SectionHeading[], header: ReturnType<typeof readHeader>, tables: Report['tables'], options: ReadOptions,
  keptProse?: Kept['prose'], regions: readonly TableRegion[] = [],
): Report {
  const { active, applications, reviewLitigation } = tables;
  for (const t of [active, applications, reviewLitigation]) if (t) t.section = sectionAt(headings, t.firstLine);
  const forced = forcedVersion(options);
  const byYear = yearVersion(header.year?.value ?? null);
  let format: Report['format'] = { version: byYear, source: byYear ? 'year' : null };
  if (forced) format = { version: forced, source: 'setting' };
  else if (applications?.versionFrom === 'table') format = { version: applications.version, source: 'tables' };
  else if (active?.versionFrom === 'table') format = { version: active.version, source: 'tables' };

  const spans = [active, applications, reviewLitigation];
  return new ReadReport(header, format, scriptOf(src, headings, tables), headings, tables, { src, spans, regions, keptProse });
}

/** What a read report makes its prose from. */
interface ProseSource {
  src: SourceText;
  spans: (Table | null)[];
  regions: readonly TableRegion[];
  keptProse?: Kept['prose'];
}

/**
 * A report as read. A class, not an object literal with getters: a literal's getters are new closures
 * each time, so each report got a hidden class of its own, held in the old generation, which kept every
 * young object of the report alive through each scavenge and had them all promoted (a batch collected
 * about a tenth of what it allocated in full collections). Its prose is made when first asked for; what
 * it is made from is private, and JSON (the tests' comparisons) gives the fields and the prose as before.
 */
class ReadReport implements Report {
  title: Report['title'];
  issuer: Report['issuer'];
  year: Report['year'];
  period: Report['period'];
  damagedPeriod: Report['damagedPeriod'];
  dates: Report['dates'];
  signatory: Report['signatory'];
  html: boolean;
  lineCount: number;
  #from: ProseSource;
  #prose: ProseLine[] | undefined;
  #opening: ProseLine[] | undefined;

  constructor(
    header: Header, public format: Report['format'], public script: Report['script'], public sections: SectionHeading[], public tables: Report['tables'], from: ProseSource,
  ) {
    ({ title: this.title, issuer: this.issuer, year: this.year, period: this.period, damagedPeriod: this.damagedPeriod, dates: this.dates, signatory: this.signatory } = header);
    this.html = from.src.html;
    this.lineCount = from.src.index.lineCount;
    this.#from = from;
  }

  get prose(): ProseLine[] {
    const { src, spans, keptProse } = this.#from;
    return (this.#prose ??= keptProse ? proseAgain(src, this.sections, spans, keptProse) : proseLines(src, this.sections, spans));
  }

  get opening(): ProseLine[] {
    const { src, spans } = this.#from;
    const end = this.sections.find((h) => h.key !== 'overview')?.line ?? src.lines.length;
    return (this.#opening ??= this.#prose?.slice(0, OPENING_LINES).filter((l) => l.range.start.line < end) ?? proseLines(src, this.sections, spans, end, OPENING_LINES));
  }

  proseIn(from: number, to: number, keep?: (line: string) => boolean): Iterable<ProseLine> {
    return proseSpan(this.#from.src, this.sections, this.#from.spans, from, to, keep);
  }

  proseOutsideRegions(from: number, to: number): Iterable<ProseLine> {
    return proseSpan(this.#from.src, this.sections, regionSpans(this.#from.regions), from, to);
  }

  /** The prose if something has read it. */
  proseIfRead(): ProseLine[] | undefined {
    return this.#prose;
  }

  toJSON() {
    return { ...this, prose: this.prose, opening: this.opening };
  }
}

/** The report's prose if something has read it (an incremental step keeps it), else undefined. */
export function proseIfRead(report: Report): ProseLine[] | undefined {
  return report instanceof ReadReport ? report.proseIfRead() : undefined;
}

/**
 * The previous prose with the one edited line read again (it lies outside every table and is no heading:
 * the incremental step made sure), spliced in so that the rules test the new line only (text/spliced.ts).
 */
function proseAgain(src: SourceText, headings: SectionHeading[], tables: (Table | null)[], kept: NonNullable<Kept['prose']>): ProseLine[] {
  const { lines, changedLine } = kept;
  if (changedLine === null) return lines;
  // A line inside a table was none of the prose, nor is it now (the tables span the same lines).
  if (tables.some((t) => t && t.firstLine <= changedLine && changedLine < t.endLine)) return lines;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].range.start.line < changedLine) lo = mid + 1;
    else hi = mid;
  }
  const removed = lo < lines.length && lines[lo].range.start.line === changedLine ? 1 : 0;
  const l = src.lines[changedLine];
  const [a, b] = contentBounds(l.text);
  const section = sectionAt(headings, changedLine);
  const insert: ProseLine[] = a === b ? [] : [new SourceProseLine(src, l, a, b, section)];
  return removed === 0 && insert.length === 0 ? lines : spliced(lines, lo, removed, insert);
}

/**
 * A prose line: a line's characters [a, b), its content. A class whose `rangeOf` reads the line it keeps,
 * not a closure made for each line: a report is mostly prose lines, and a text of many short lines (a
 * column of lone '|') made the closures most of what reading it kept.
 */
class SourceProseLine implements ProseLine {
  readonly text: string;
  readonly range: Range;
  readonly section: SectionKey | null;
  readonly #src: SourceText;
  readonly #line: SourceLine;
  readonly #at: number;

  constructor(src: SourceText, l: SourceLine, a: number, b: number, section: SectionKey | null) {
    this.text = l.text.slice(a, b);
    this.range = spanRange(src, l, a, b);
    this.section = section;
    this.#src = src;
    this.#line = l;
    this.#at = a;
  }

  rangeOf(from: number, to: number): Range {
    return spanRange(this.#src, this.#line, this.#at + from, this.#at + to);
  }
}

function sectionAt(headings: SectionHeading[], line: number): SectionHeading['key'] | null {
  let key: SectionHeading['key'] | null = null;
  for (const h of headings) {
    if (h.line <= line) key = h.key;
    else break;
  }
  return key;
}

/** The opening's bound: the preamble and the first paragraphs of part 一 fit in it. */
const OPENING_LINES = 48;

/** Prose lines before line `end`, at most `max` of them. */
function proseLines(src: SourceText, headings: SectionHeading[], tables: (Table | null)[], end = src.lines.length, max = Infinity): ProseLine[] {
  const skip = new Uint8Array(end);
  for (const h of headings) skip[h.line] = 1;
  for (const t of tables) if (t) skip.fill(1, t.firstLine, Math.min(t.endLine, src.lines.length));
  const out: ProseLine[] = [];
  let hi = 0;
  let section: SectionHeading['key'] | null = null;
  for (let i = 0; i < end && out.length < max; i++) {
    while (hi < headings.length && headings[hi].line <= i) section = headings[hi++].key;
    if (skip[i]) continue;
    const l = src.lines[i];
    const [a, b] = contentBounds(l.text);
    if (a === b) continue;
    out.push(new SourceProseLine(src, l, a, b, section));
  }
  return out;
}

/** `proseLines` of lines [from, to) only, one at a time. */
function* proseSpan(
  src: SourceText, headings: SectionHeading[], tables: ({ firstLine: number; endLine: number } | null)[], from: number, to: number, keep?: (line: string) => boolean,
): Generator<ProseLine> {
  const end = Math.min(to, src.lines.length);
  let hi = 0;
  let section: SectionHeading['key'] | null = null;
  while (hi < headings.length && headings[hi].line < from) section = headings[hi++].key;
  for (let i = Math.max(0, from); i < end; i++) {
    let heading = false;
    while (hi < headings.length && headings[hi].line <= i) {
      heading ||= headings[hi].line === i;
      section = headings[hi++].key;
    }
    if (heading) continue;
    const l = src.lines[i];
    if (keep && !keep(l.text)) continue;
    const t = tables.find((x) => x && i >= x.firstLine && i < x.endLine);
    if (t) {
      i = t.endLine - 1;
      continue;
    }
    const [a, b] = contentBounds(l.text);
    if (a !== b) yield new SourceProseLine(src, l, a, b, section);
  }
}

function scriptOf(src: SourceText, headings: SectionHeading[], tables: Report['tables']): Report['script'] {
  const sample: string[] = headings.map((h) => h.title.text);
  for (const t of [tables.active, tables.applications]) {
    if (t) for (const r of t.rows.slice(0, 12)) sample.push(r.label.text);
  }
  if (sample.length < 3) sample.push(headText(src, 600));
  return isTraditional(sample.join('')) ? 'traditional' : 'simplified';
}
