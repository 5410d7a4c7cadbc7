import type { Range, Report, Table, TableKind } from '../model';
import { mergeFindings, runRule, type CheckOptions } from '../engine';
import { RULES } from '../rules';
import type { Finding, RuleInput } from '../rules/types';
import { readHeader } from '../reader/header';
import { finishHeadings, readHeading } from '../reader/headings';
import { assemble, readReviewTable, readState, readVersionedTables, type ReadState } from '../reader/read';
import { anchorKind, type TableRegion } from '../reader/regions';
import { looksLikeHtml } from '../text/html';
import { LineIndex } from '../text/positions';
import { readSource, type SourceLine, type SourceText } from '../text/source';
import { shiftFinding, shiftHeading, shiftTable, type Shift } from './shift';

/** An LSP content change: a range in the text before it, and its replacement; no range replaces everything. */
export interface TextChange {
  range?: Range;
  text: string;
}

export type UpdatePath = 'full' | 'table' | 'prose';

/**
 * A report kept up to date as it is edited. An edit inside a table's region re-reads that table;
 * an edit in prose re-reads nothing but the edited lines; an edit that touches a heading, a table
 * anchor or HTML, or replaces the whole text, reads everything again. Unchanged parts are moved,
 * not re-read, and only the rules whose inputs changed run again. The result always equals a
 * fresh `check` of the new text (test/unit/incremental.test.ts proves it on random edits).
 *
 * The session owns its state: after `update`, objects of the previous version may have moved.
 */
export class ReportSession {
  private state!: ReadState;
  private perRule: Finding[][] = [];
  private merged: Finding[] | null = null;
  lastPath: UpdatePath = 'full';

  constructor(text: string, readonly options: CheckOptions = {}) {
    this.full(text);
  }

  get text(): string {
    return this.state.src.text;
  }

  get index(): LineIndex {
    return this.state.src.index;
  }

  get report(): Report {
    return this.state.report;
  }

  get findings(): Finding[] {
    return (this.merged ??= mergeFindings(this.perRule));
  }

  private full(text: string): void {
    this.state = readState(readSource(text), this.options);
    this.rerun(new Set<RuleInput>(['sections', 'active', 'applications', 'reviewLitigation']), null, 0);
    this.lastPath = 'full';
  }

  update(change: TextChange): UpdatePath {
    if (!change.range) {
      this.full(change.text);
      return this.lastPath;
    }
    try {
      this.lastPath = this.incremental(change.range, change.text) ? this.lastPath : (this.full(this.apply(change.range, change.text).text), 'full');
    } catch {
      this.full(this.apply(change.range, change.text).text);
    }
    return this.lastPath;
  }

  private apply(range: Range, insert: string): { text: string; start: number; end: number } {
    const old = this.state.src;
    const start = old.index.offsetAt(range.start);
    const end = Math.max(start, old.index.offsetAt(range.end));
    return { text: old.text.slice(0, start) + insert + old.text.slice(end), start, end };
  }

  /** Returns false when the edit needs a full read. */
  private incremental(range: Range, insert: string): boolean {
    const old = this.state;
    const src = old.src;
    if (src.html) return false;
    const { text, start, end } = this.apply(range, insert);
    const delta = insert.length - (end - start);
    const a = src.index.positionAt(start).line;
    const b = src.index.positionAt(end).line;
    // An edit that may change line breaks re-splits a line of margin on each side (CR/LF can merge).
    const breaks = a !== b || /[\r\n]/.test(insert);
    const lastOld = src.lines.length - 1;
    const oa = breaks ? Math.max(0, a - 1) : a;
    const ob = breaks ? Math.min(lastOld, b + 1) : b;
    const blockStart = src.index.lineStarts[oa];
    const blockEnd = src.index.lineEnd(ob) + delta;
    const newStarts = lineStartsIn(text, blockStart, blockEnd);
    const dLines = newStarts.length - (ob - oa + 1);

    // The new index and lines: the block re-split, the rest moved.
    const starts = src.index.lineStarts;
    const lineStarts = starts.slice(0, oa).concat(newStarts, starts.slice(ob + 1).map((x) => x + delta));
    const index = LineIndex.fromStarts(text, lineStarts);
    const block: SourceLine[] = newStarts.map((s, k) => {
      const line = oa + k;
      return { text: text.slice(s, index.lineEnd(line)), offset: s, line };
    });
    if (looksLikeHtml(block.map((l) => l.text).join('\n'))) return false;
    // A heading or a table anchor on an edited line (before or after) changes the structure.
    if (src.lines.slice(oa, ob + 1).some(isStructural) || block.some(isStructural)) return false;

    const after = src.lines.slice(ob + 1);
    if (dLines !== 0 || delta !== 0) {
      for (const l of after) {
        l.offset += delta;
        l.line += dLines;
      }
    }
    const lines = src.lines.slice(0, oa).concat(block, after);
    const next: SourceText = { text, index, lines, html: false };
    const shift: Shift = { afterLine: ob, dLines, delta };

    const headings = finishHeadings(next, old.headings.map((h) => (h.line > ob ? shiftHeading(h, shift) : { ...h })));
    const regions: TableRegion[] = old.regions.map((r) => ({
      kind: r.kind,
      from: r.from > ob ? r.from + dLines : r.from,
      to: r.to > ob ? r.to + dLines : r.to,
    }));
    const touched = new Set<TableKind>(old.regions.filter((r) => r.from <= ob && r.to > oa).map((r) => r.kind));
    const header = readHeader(next, headings[0]?.line ?? -1);
    const yearChanged = (header.year?.value ?? null) !== (old.report.year?.value ?? null);

    const dirty = new Set<RuleInput>(['sections']);
    const move = (t: Table | null): Table | null => (t && t.firstLine > ob ? shiftTable(t, shift) : t);
    let { active, applications } = old.report.tables;
    if (touched.has('active') || touched.has('applications') || yearChanged) {
      ({ active, applications } = readVersionedTables(next, regions, header.year?.value ?? null, this.options));
      dirty.add('active').add('applications');
    } else {
      active = move(active);
      applications = move(applications);
    }
    let reviewLitigation = old.report.tables.reviewLitigation;
    if (touched.has('reviewLitigation')) {
      reviewLitigation = readReviewTable(next, regions);
      dirty.add('reviewLitigation');
    } else {
      reviewLitigation = move(reviewLitigation);
    }
    const tables = { active: copy(active), applications: copy(applications), reviewLitigation: copy(reviewLitigation) };
    const report = assemble(next, headings, header, tables, this.options);
    this.state = { src: next, headings, regions, report };
    this.rerun(dirty, shift, src.index.lineStarts[ob + 1] ?? src.text.length);
    this.lastPath = touched.size ? 'table' : 'prose';
    return true;
  }

  /** Runs the rules whose inputs changed; moves the others' findings. */
  private rerun(dirty: Set<RuleInput>, shift: Shift | null, afterOffset: number): void {
    const ctx = { report: this.state.report, text: this.state.src.text, index: this.state.src.index };
    this.perRule = RULES.map((rule, i) => {
      if (!shift || rule.inputs.some((x) => dirty.has(x)) || !this.perRule[i]) return runRule(rule, ctx, this.options);
      return this.perRule[i].map((f) => (f.range.start.line > shift.afterLine ? shiftFinding(f, shift, afterOffset) : f));
    });
    this.merged = null;
  }
}

/** `assemble` sets each table's section: give it a copy, never the previous version's object. */
function copy(t: Table | null): Table | null {
  return t ? { ...t } : null;
}

/** Line starts of the text between two offsets that begin and end at line boundaries. */
function lineStartsIn(text: string, from: number, to: number): number[] {
  const out = [from];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    } else if (c === 10) {
      out.push(i + 1);
    }
  }
  return out;
}

/** Is this line a part heading or a table's anchor? (Both depend on the line's text alone.) */
function isStructural(l: SourceLine): boolean {
  if (anchorKind(l.text) !== null) return true;
  const one: SourceText = { text: l.text, index: LineIndex.fromStarts(l.text, [0]), lines: [{ text: l.text, offset: 0, line: 0 }], html: false };
  return readHeading(one, 0) !== null;
}
