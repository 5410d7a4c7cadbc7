import type { FormatVersion, ProseLine, Report, SectionHeading, Table } from '../model';
import { contentBounds, isTraditional } from '../text/normalize';
import { headText, readSource, spanRange, type SourceText } from '../text/source';
import { readHeader } from './header';
import { findHeadings } from './headings';
import { splitAtParts } from './pieces';
import { findTableRegions, type TableRegion } from './regions';
import { readTable } from './tables';

export interface ReadOptions {
  /** 'auto' (default) reads the version from the tables, then from the report's year. */
  formatVersion?: 'auto' | FormatVersion;
}

/** What a read leaves behind besides the model: what the incremental reader reuses. */
export interface ReadState {
  src: SourceText;
  headings: SectionHeading[];
  regions: TableRegion[];
  report: Report;
}

/** Reads a report's text into its model. Pure and total: any string gives a model. */
export function readReport(text: string, options: ReadOptions = {}): Report {
  return readSourceReport(readSource(text), options);
}

export function readSourceReport(src: SourceText, options: ReadOptions = {}): Report {
  return readState(src, options).report;
}

export function readState(text: SourceText, options: ReadOptions = {}): ReadState {
  const src = splitAtParts(text);
  const headings = findHeadings(src);
  const regions = findTableRegions(src, headings);
  const header = readHeader(src, headings[0]?.line ?? -1);
  const { active, applications } = readVersionedTables(src, regions, header.year?.value ?? null, options);
  const reviewLitigation = readReviewTable(src, regions);
  return { src, headings, regions, report: assemble(src, headings, header, { active, applications, reviewLitigation }, options) };
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
): Report {
  const { active, applications, reviewLitigation } = tables;
  for (const t of [active, applications, reviewLitigation]) if (t) t.section = sectionAt(headings, t.firstLine);
  const forced = forcedVersion(options);
  const byYear = yearVersion(header.year?.value ?? null);
  let format: Report['format'] = { version: byYear, source: byYear ? 'year' : null };
  if (forced) format = { version: forced, source: 'setting' };
  else if (applications?.versionFrom === 'table') format = { version: applications.version, source: 'tables' };
  else if (active?.versionFrom === 'table') format = { version: active.version, source: 'tables' };

  let prose: ProseLine[] | undefined;
  const report: Report = {
    ...header,
    format,
    script: scriptOf(src, headings, tables),
    html: src.html,
    sections: headings,
    tables,
    get prose() {
      return (prose ??= proseLines(src, headings, [active, applications, reviewLitigation]));
    },
    lineCount: src.index.lineCount,
  };
  return report;
}

function sectionAt(headings: SectionHeading[], line: number): SectionHeading['key'] | null {
  let key: SectionHeading['key'] | null = null;
  for (const h of headings) {
    if (h.line <= line) key = h.key;
    else break;
  }
  return key;
}

function proseLines(src: SourceText, headings: SectionHeading[], tables: (Table | null)[]): ProseLine[] {
  const skip = new Uint8Array(src.lines.length);
  for (const h of headings) skip[h.line] = 1;
  for (const t of tables) if (t) skip.fill(1, t.firstLine, Math.min(t.endLine, src.lines.length));
  const out: ProseLine[] = [];
  let hi = 0;
  let section: SectionHeading['key'] | null = null;
  for (let i = 0; i < src.lines.length; i++) {
    while (hi < headings.length && headings[hi].line <= i) section = headings[hi++].key;
    if (skip[i]) continue;
    const l = src.lines[i];
    const [a, b] = contentBounds(l.text);
    if (a === b) continue;
    out.push({ text: l.text.slice(a, b), range: spanRange(src, l, a, b), section, rangeOf: (from, to) => spanRange(src, l, a + from, a + to) });
  }
  return out;
}

function scriptOf(src: SourceText, headings: SectionHeading[], tables: Report['tables']): Report['script'] {
  const sample: string[] = headings.map((h) => h.title.text);
  for (const t of [tables.active, tables.applications]) {
    if (t) for (const r of t.rows.slice(0, 12)) sample.push(r.label.text);
  }
  if (sample.length < 3) sample.push(headText(src, 600));
  return isTraditional(sample.join('')) ? 'traditional' : 'simplified';
}
