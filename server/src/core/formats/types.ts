/** Shapes of the statutory format definitions (the data lives next to this file). */

export type FormatVersion = '2019' | '2021';

/** What a cell may hold: a count (whole, ≥ 0), a signed change (whole), or an amount (decimal, ≥ 0). */
export type CellKind = 'count' | 'signed' | 'amount';

export interface ColumnDef {
  key: string;
  /** Canonical Chinese header, as the statutory template prints it. */
  label: string;
  labelEn: string;
  kind: CellKind;
}

export interface RowDef {
  key: string;
  /** Canonical Chinese label (2021 wording unless the row only exists in 2019). */
  label: string;
  labelEn: string;
  /** Matched against the normalised label (see text/normalize.ts labelKey). */
  match: RegExp;
  /** A group label carries no numbers of its own. */
  group?: boolean;
  /** The group this row belongs to (for messages and insertion). */
  parent?: string;
  /** Only in these format versions; absent means both. */
  versions?: readonly FormatVersion[];
  /** The row may only be recognised after one of these rows (resolves '其他', '总计'). */
  after?: readonly string[];
  /** A row that may open the table (the header zone ends at the first of these). */
  entry?: boolean;
  /** Columns of the row; group rows have none. */
  columns: readonly ColumnDef[];
}

export interface TableDef {
  key: 'active' | 'applications' | 'reviewLitigation';
  /** The official Chinese name; in English the table is named by it with its part's title as a gloss (rules/names.ts). */
  title: string;
  /** The section the table belongs to. */
  section: SectionKey;
  rows: readonly RowDef[];
}

export type SectionKey =
  | 'overview'
  | 'activeDisclosure'
  | 'applications'
  | 'reviewLitigation'
  | 'problems'
  | 'otherMatters';

export interface SectionDef {
  key: SectionKey;
  /** 1-based statutory position. */
  ordinal: number;
  numeral: string;
  title: string;
  titleEn: string;
  /** Matched against the normalised heading text without its numeral. */
  match: RegExp;
  table?: TableDef['key'];
}
