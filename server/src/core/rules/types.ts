import type { Report, TableKind } from '../model';
import type { Range } from '../text/positions';
import type { LineIndex } from '../text/positions';
import type { Message, Text } from '../l10n/text';
import type { ComparedParts, FiledReport, OtherReport, OtherSkeleton } from '../workspace/workspace';
import type { NearPart } from '../workspace/prints';

/** LSP's severities: 1 error, 2 warning, 3 information, 4 hint. */
export type Severity = 1 | 2 | 3 | 4;
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** An edit by source offsets, so fixes need no position arithmetic. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A rule's candidate fix: service/actions.ts offers it only when it contradicts no relation (service/consistency.ts). */
export interface Fix {
  title: Message;
  edits: OffsetEdit[];
  /** The most likely fix for its diagnostic (LSP isPreferred). */
  preferred?: boolean;
  /** Safe to apply unattended (fix-all, format on save). */
  safe?: boolean;
}

/** The `data` of an arithmetic diagnostic: a public interface (README, CLI JSON). */
export interface ArithmeticData {
  relation: 'row-total' | 'column-total' | 'balance' | 'review-total' | 'litigationDirect-total' | 'litigationAfterReview-total';
  table: 'applications' | 'reviewLitigation';
  row: string;
  column: string;
  expected: number;
  actual: number;
}

export interface Finding {
  ruleId: string;
  /** What the finding is about, as a stable key by the format's own keys (`subject.cell(…)`), never by position. */
  subject: string;
  severity: Severity;
  range: Range;
  message: Message;
  data?: ArithmeticData;
  fix?: Fix;
  /** Places the finding relates to: in this document, or (`uri`) in another report of the workspace. */
  related?: { range: Range; message: Message; uri?: string }[];
}

/**
 * Subjects: a part, a table, a row, a cell by their keys in the format (`table/applications/carriedOver/total`).
 * Two findings of one rule on the same subject are told apart by their order (the LSP adapter numbers them).
 */
export const subject = {
  document: (): string => 'document',
  /** An element the report as a whole must have (its title, contact, fee statement): by its name. */
  element: (name: string): string => `document/${name}`,
  rule: (id: string): string => `rule/${id}`,
  section: (key: string): string => `section/${key}`,
  /** What the report says of itself before part 一 and in its 落款: `header/period`, `header/date`. */
  header: (field: 'period' | 'date'): string => `header/${field}`,
  table: (kind: TableKind): string => `table/${kind}`,
  row: (kind: TableKind, row: string): string => `table/${kind}/${row}`,
  cell: (kind: TableKind, row: string, column: string): string => `table/${kind}/${row}/${column}`,
  /** A row the format does not have: by its label as written. */
  unknownRow: (kind: TableKind, label: string): string => `table/${kind}/?${label}`,
};

export interface RuleContext {
  report: Report;
  text: string;
  index: LineIndex;
  options?: RuleOptions;
  /** The other reports, when the check has a workspace (`CheckOptions.workspace`). */
  workspace?: RuleWorkspace;
}

/** The workspace as a rule sees it: about the report being checked. */
export interface RuleWorkspace {
  /** The same body's report for the year before, read once. */
  lastYear(): OtherReport | null;
  /** The reports filed under a year or a body (identities only; empty when the workspace cannot list them). */
  filed(by: { year: number } | { body: string }): readonly FiledReport[];
  /** The reports of a year whose body's name a text (its bigrams) holds at `share` or more, in URI order. */
  namesHeld(year: number, text: ReadonlySet<number>, share: number): readonly FiledReport[];
  /** Other bodies' parts of this year near this report's (fingerprint candidates, not yet compared in full). */
  nearParts(): NearPart[];
  /** Another report's skeleton: its header, parts and prose, no table (null when it is gone, unreadable or the workspace cannot read it). */
  open(uri: string): OtherSkeleton | null;
  /** Another report's parts as a comparison of prose takes them: each part's heading and shingles (null as `open`). */
  compared(uri: string): ComparedParts | null;
}

/** Settings that change what the rules check. */
export interface RuleOptions {
  /** Check the sums counting blank cells as 0 (and say so). */
  blankAsZero?: boolean;
}

/** The parts of the model a rule reads: the incremental checker re-runs it only when one of them changed. */
export type RuleInput = 'sections' | 'active' | 'applications' | 'reviewLitigation';

export interface Rule {
  /** Stable kebab-case id: the diagnostic's code and the key of its setting. */
  id: string;
  severity: Severity;
  inputs: readonly RuleInput[];
  description: Text;
  /** Compares the report with others of the workspace: silent without one. */
  across?: true;
  check(ctx: RuleContext): Finding[];
}

/** A fix whose edits are computed only when someone looks at them (rendering a table is not free). */
export function lazyFix(title: Message, compute: () => OffsetEdit[], options: { preferred?: boolean; safe?: boolean } = {}): Fix {
  return new LazyFix(title, compute, options);
}

/** A class, not an object literal with a getter, which would give each fix a hidden class of its own (text/source.ts, `RelinedText`). */
class LazyFix implements Fix {
  // Declared only: absent, not undefined, when not given (as the object literal had them).
  declare preferred?: boolean;
  declare safe?: boolean;
  #compute: (() => OffsetEdit[]) | null;
  #edits: OffsetEdit[] | undefined;
  constructor(readonly title: Message, compute: () => OffsetEdit[], options: { preferred?: boolean; safe?: boolean }) {
    if (options.preferred !== undefined) this.preferred = options.preferred;
    if (options.safe !== undefined) this.safe = options.safe;
    this.#compute = compute;
  }
  get edits(): OffsetEdit[] {
    if (!this.#edits) (this.#edits = this.#compute!()), (this.#compute = null);
    return this.#edits;
  }
  toJSON() {
    return { ...this, edits: this.edits };
  }
}
