import type { Range } from './text/positions';
import type { CellKind, FormatVersion, SectionKey } from './formats/types';

export type { CellKind, FormatVersion, SectionKey } from './formats/types';
export type { Position, Range } from './text/positions';

/** Why a cell's value cannot be used. */
export type CellProblem = 'blank' | 'notNumber' | 'notWhole' | 'negative';

export interface Cell {
  /** The text as written (trimmed). */
  text: string;
  /** The written value's exact range; for a blank cell, the place a value goes. */
  range: Range;
  /** Source offsets of `range`. */
  start: number;
  end: number;
  /** Column key, when the row's cells line up with its columns. */
  column: string | null;
  kind: CellKind | null;
  /** The parsed value, when the text is a valid number for the column. */
  value: number | null;
  problem: CellProblem | null;
  /** How a value is written into this cell when blank (see reader/cells.ts). */
  fill: 'beforePipe' | 'spaced' | 'bare';
  /** Where markup or a line break stands inside the cell: the source spans of its text, [start, end] pairs (a fix writes only there). */
  runs?: readonly number[];
}

export interface Labelled {
  text: string;
  range: Range;
}

export interface TableRow {
  /** Row key from the format (e.g. `denied.stateSecret`), or null for a label the format does not know. */
  key: string | null;
  group: boolean;
  label: Labelled;
  cells: Cell[];
  /** Number of cells the format expects; cells carry columns only when they match it. */
  expectedCells: number;
}

export interface MissingRow {
  key: string;
  label: string;
  /** The row read before the gap (null at the table's start). */
  afterKey: string | null;
  /** Where the diagnostic goes: the label of the row before the gap, or the table's start. */
  anchor: Range;
  /** Source offset just after the row before the gap (where the row would be inserted). */
  insertAt: number;
}

export type TableKind = 'active' | 'applications' | 'reviewLitigation';

export type TableLayout = 'cellPerLine' | 'pipeRows' | 'tabbed' | 'html';

export interface Table {
  kind: TableKind;
  /** Format version the table is read against (null for table C, the same in both). */
  version: FormatVersion | null;
  /** Where that version came from: the table's own rows and headers, the user's setting, or the rest of the report. */
  versionFrom: 'table' | 'setting' | 'report';
  layout: TableLayout;
  range: Range;
  /** Source line indices [firstLine, endLine) the table was read from. */
  firstLine: number;
  endLine: number;
  section: SectionKey | null;
  rows: TableRow[];
  missingRows: MissingRow[];
  /** Numbers that belong to no row (e.g. sub-row labels lost in conversion). */
  orphanCells: Cell[];
  /**
   * Set when the table's numbers cannot be attributed to rows and columns unambiguously: then the
   * table keeps no rows, and nothing in it is checked (never a false error, never a misreading).
   */
  unreadable: Unreadable | null;
}

/** Why a table could not be read, with what a message needs to say so. */
export type Unreadable =
  /** Cells glued together without separators ('规章000'): `sample` is the first such text. */
  | { reason: 'glued'; range: Range; sample: string }
  /** Rows whose count of numbers differs from the format's: `rows` of them, e.g. `row` with `found` of `expected`. */
  | { reason: 'rowCounts'; range: Range; rows: number; row: string; found: number; expected: number }
  /** Numbers under no row label (labels lost in conversion). */
  | { reason: 'orphans'; range: Range; count: number }
  /** More cells than any table holds (LIMITS.tableCells), and the cells read before that are no complete table. */
  | { reason: 'oversized'; range: Range; limit: number };

export interface SectionHeading {
  key: SectionKey;
  /** Statutory position, 1…6. */
  ordinal: number;
  numeral: { text: string; value: number | null; range: Range } | null;
  title: Labelled;
  /** The whole heading line's content. */
  range: Range;
  /** Source line index of the heading. */
  line: number;
  /** Source line index where the section ends (the next heading, or the end). */
  endLine: number;
  /** From the heading to the end of the section's last line. */
  extent: Range;
}

export interface ProseLine {
  text: string;
  range: Range;
  section: SectionKey | null;
  /** The exact range of the characters [from, to) of `text` (in HTML, mapped back through the markup). */
  rangeOf(from: number, to: number): Range;
}

export interface DamagedPeriod {
  text: string;
  range: Range;
  /** The period's two dates as written (`201911日`, `1231日`). */
  ends: [Labelled, Labelled];
}

export interface ReportDate {
  /** YYYY-MM-DD. */
  date: string;
  text: string;
  range: Range;
  /** `published`: the page's 发布日期/发布时间; `signed`: the 落款. */
  kind: 'published' | 'signed';
}

export interface Report {
  title: Labelled | null;
  issuer: Labelled | null;
  year: { value: number; range: Range } | null;
  /** The statistics period as read; `stated` when its sentence names it the statistics period (统计期限…). */
  period: { text: string; from: string; to: string; range: Range; stated: boolean } | null;
  /** A statistics period written so that its dates cannot be read (`202020年`, `201911日起至1231日`). */
  damagedPeriod: DamagedPeriod | null;
  /** Dates the text carries for itself: the page's 发布日期 and the 落款's date. */
  dates: ReportDate[];
  /** The body named in the 落款 (the line above its date). */
  signatory: Labelled | null;
  /** The format version the report is checked against, and where that came from. */
  format: { version: FormatVersion | null; source: 'tables' | 'year' | 'setting' | null };
  script: 'simplified' | 'traditional';
  html: boolean;
  sections: SectionHeading[];
  tables: { active: Table | null; applications: Table | null; reviewLitigation: Table | null };
  /** Every line outside headings and tables, kept with its position for prose rules. */
  prose: ProseLine[];
  /** The first prose lines, before any part but 一 (at most 48): where a report states its basis; read without the rest of the prose. */
  opening: ProseLine[];
  /**
   * The prose of lines [from, to) as headings count them (`SectionHeading.line`; `to` may be Infinity), made one line at a time: a rule
   * that reads a few parts, or stops at its first match, does not make the prose of the whole text on
   * every keystroke. `keep` filters the lines by their text before any position is computed.
   */
  proseIn(from: number, to: number, keep?: (line: string) => boolean): Iterable<ProseLine>;
  /**
   * `proseIn` without the lines of each table's region: where the table may be, found from its anchor
   * before any table is read (from its first line to the next heading or table; each table lies within
   * it). What a report's parts are compared by across reports (workspace/prints.ts), so that it can be
   * made without reading a table.
   */
  proseOutsideRegions(from: number, to: number): Iterable<ProseLine>;
  lineCount: number;
}
