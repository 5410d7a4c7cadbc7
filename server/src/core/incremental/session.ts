import type { Cell, Position, Range, Report, Table, TableKind } from '../model';
import { mergeFindings, overWorkLimit, RuleCall, ruleWorkspace, runRule, silence, type CheckOptions, type CheckResult } from '../engine';
import { LIMITS } from '../limits';
import { RULES } from '../rules';
import type { Finding, RuleInput } from '../rules/types';
import { isCutHeading, readHeading } from '../reader/headings';
import { readHeader } from '../reader/header';
import { compose, extentsOf, proseIfRead, readState, type Kept, type ReadState } from '../reader/read';
import { mayBreakInside } from '../reader/pieces';
import { anchorKind } from '../reader/regions';
import { looksLikeHtml } from '../text/html';
import { LineIndex, type Offsets } from '../text/positions';
import { readSource, RelinedText, type SourceLine, type SourceText } from '../text/source';
import { tokenizeLines } from '../reader/cells';
import { isPlainNumber, parseValue } from '../reader/values';
import { isDirectiveLine, readDirectives, type Directive } from '../silencing/directives';
import { moveOffsets, shiftFinding, shiftHeading, shiftTable, type Shift } from './shift';

/** An LSP content change: a range in the text before it, and its replacement; no range replaces everything. */
export interface TextChange {
  range?: Range;
  text: string;
}

export type UpdatePath = 'full' | 'table' | 'cell' | 'prose';

/** What an incremental path gives: the new read, what was re-read, how the rest moved. */
interface Step {
  state: ReadState;
  dirty: Set<RuleInput>;
  shift: Shift;
  /** The offset (in the text before the edit) after which findings move. */
  afterOffset: number;
  path: UpdatePath;
}

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
  private merged: CheckResult | null = null;
  /** The silencing comments, read with the whole text: an edit in a text that has one reads everything. */
  private directives: Directive[] = [];
  /** Set while the text is too large to read (overWorkLimit) for its lines: typing in a line keeps it so. */
  private refusedForLines = false;
  /** Set while the cell path has started to update the lines in place: the new text, if it must start over. */
  private committed: (() => string) | null = null;
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
    return this.result.findings;
  }

  /** The findings the document's comments silenced (engine.silence, as a fresh check). */
  get silenced(): Finding[] {
    return this.result.silenced;
  }

  private get result(): CheckResult {
    return (this.merged ??= silence(mergeFindings(this.perRule), this.directives, this.options, this.state.report));
  }

  private full(text: string): void {
    const refused = overWorkLimit(text);
    this.refusedForLines = refused !== null && refused.report.lineCount > LIMITS.lines;
    if (refused) {
      // Nothing is read: the state holds the text and its index, and every edit comes back here.
      const src: SourceText = { text, index: refused.index, lines: [], html: false };
      this.state = { src, headings: [], regions: [], header: readHeader(src, []), report: refused.report };
      this.perRule = [refused.findings];
      this.directives = [];
      this.merged = null;
      this.lastPath = 'full';
      return;
    }
    const src = readSource(text);
    this.directives = readDirectives(text, src.index, src.html);
    this.state = readState(src, this.options);
    this.rerun(new Set<RuleInput>(['sections', 'active', 'applications', 'reviewLitigation']), null, 0);
    this.lastPath = 'full';
  }

  update(change: TextChange): UpdatePath {
    if (!change.range) {
      this.full(change.text);
      return this.lastPath;
    }
    // If the incremental path declines (or fails), the new text comes from the previous lines,
    // whose text and breaks it never changes.
    const before = this.state.src;
    const { start, end } = this.offsets(change.range);
    if (this.refusedForLines && this.typedInLine(change.range, start, end, change.text)) return this.lastPath;
    try {
      const step = this.step(change.range, change.text);
      if (step) {
        this.commit(step);
        return this.lastPath;
      }
    } catch {
      if (this.committed) {
        const text = this.committed();
        this.committed = null;
        this.full(text);
        return this.lastPath;
      }
    }
    const old = before.text;
    this.full(old.slice(0, start) + change.text + old.slice(end));
    return this.lastPath;
  }

  /**
   * Typing within one line of a text with too many lines to read: it still has as many, so nothing is
   * read; only the text and its index move (rebuilding the index of millions of lines is what costs).
   */
  private typedInLine(range: Range, start: number, end: number, insert: string): boolean {
    if (range.start.line !== range.end.line || /[\r\n]/.test(insert)) return false;
    const src = this.state.src;
    const text = src.text.slice(0, start) + insert + src.text.slice(end);
    const index = src.index.movedAfter(Math.min(range.start.line, range.end.line), insert.length - (end - start), text);
    this.state = { ...this.state, src: { text, index, lines: [], html: src.html } };
    this.merged = null;
    this.lastPath = 'prose';
    return true;
  }

  /** Offsets of a change in the current text, with a reversed range put right (as LSP clients expect). */
  private offsets(range: Range): { start: number; end: number } {
    const index = this.state.src.index;
    const a = index.offsetAt(range.start);
    const b = index.offsetAt(range.end);
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }

  /**
   * The cheapest path for an edit: one cell, one line of prose, or a block of lines and the tables it
   * touches; null when the edit needs a full read. The new text is never built here: lines carry it.
   */
  private step(range: Range, insert: string): Step | null {
    const old = this.state;
    const src = old.src;
    if (src.html || src.lines.length === 0 || src.lines[0].eol === undefined || isCut(src) || this.directives.length) return null;
    const { start, end } = this.offsets(range);
    const delta = insert.length - (end - start);
    const a = src.index.positionAt(start).line;
    const b = src.index.positionAt(end).line;
    // An edit that may change line breaks re-splits a line of margin on each side (CR/LF can merge).
    const breaks = a !== b || /[\r\n]/.test(insert);
    const lastOld = src.lines.length - 1;
    const oa = breaks ? Math.max(0, a - 1) : a;
    const ob = breaks ? Math.min(lastOld, b + 1) : b;
    const blockOffset = src.index.lineStarts[oa];
    let blockText = '';
    for (let i = oa; i <= ob; i++) blockText += src.lines[i].text + (i < ob ? src.lines[i].eol : '');
    blockText = blockText.slice(0, start - blockOffset) + insert + blockText.slice(end - blockOffset);
    const block = splitBlock(blockText, blockOffset, oa, src.lines[ob].eol ?? '');
    const dLines = block.length - (ob - oa + 1);
    if (looksLikeHtml(blockText)) return null;
    // A heading or a table anchor on an edited line (before or after) changes the structure;
    // so does a line that may be cut into pieces (a heading inside it): lines and pieces would differ.
    if (src.lines.slice(oa, ob + 1).some(isStructural) || block.some(isStructural)) return null;
    // A heading cut off at the end of the text stops being one once text follows it.
    const last = old.headings[old.headings.length - 1];
    if (last && ob >= last.line && isCutHeading(last)) return null;
    // Rows above an anchor belong to its table: an edit there, or on the line above them, may move where it starts.
    if (old.regions.some((r) => oa <= r.anchor && ob >= r.from - 1)) return null;

    if (!breaks) {
      const single = this.cellStep(a, start, end, block[0], delta) ?? this.proseStep(a, end, block[0], delta);
      if (single) return single;
    }

    const after = src.lines.slice(ob + 1);
    if (dLines !== 0 || delta !== 0) {
      for (const l of after) {
        l.offset += delta;
        l.line += dLines;
      }
    }
    const lines = src.lines.slice(0, oa).concat(block, after);
    const next = linesSource(lines, src.index.length + delta);
    const shift: Shift = { afterLine: ob, dLines, delta };

    const touched = new Set<TableKind>(old.regions.filter((r) => r.from <= ob && r.to > oa).map((r) => r.kind));
    const move = (t: Table | null): Table | null => (t && t.firstLine > ob ? shiftTable(t, shift) : t);
    const tables: Kept['tables'] = {};
    for (const kind of ['active', 'applications', 'reviewLitigation'] as const) if (!touched.has(kind)) tables[kind] = move(old.report.tables[kind]);
    const { state, reread } = compose(next, {
      headings: old.headings.map((h) => (h.line > ob ? shiftHeading(h, shift) : { ...h })),
      regions: old.regions.map((r) => ({
        kind: r.kind,
        from: r.from > ob ? r.from + dLines : r.from,
        to: r.to > ob ? r.to + dLines : r.to,
        anchor: r.anchor > ob ? r.anchor + dLines : r.anchor,
      })),
      tables,
      year: old.report.year?.value ?? null,
      // One line edited in place: the prose is kept but for it, if the tables still span the same lines.
      prose: dLines === 0 && oa === ob ? keptProse(old.report, oa) : undefined,
    }, this.options);
    return { state, dirty: new Set<RuleInput>(['sections', ...reread]), shift, afterOffset: src.index.lineStarts[ob + 1] ?? src.index.length, path: touched.size ? 'table' : 'prose' };
  }

  /**
   * Replaces one line in place and moves everything after it by `delta` (lines, index): the shared
   * first step of the single-line paths. From here the text is the new one (see `committed`).
   */
  private replaceLine(src: SourceText, lineNo: number, newLine: SourceLine, delta: number): SourceText {
    const lines = src.lines;
    lines[lineNo] = { ...newLine, line: lineNo };
    this.committed = () => lines.map((l) => l.text + (l.eol ?? '')).join('');
    const { lineStarts, lineEnds } = src.index;
    lineEnds[lineNo] += delta;
    for (let i = lineNo + 1; i < lines.length; i++) {
      lines[i].offset += delta;
      lineStarts[i] += delta;
      lineEnds[i] += delta;
    }
    return linesSource(lines, src.index.length + delta, lineStarts, lineEnds);
  }

  /**
   * Typing within one line of prose (outside every table region): the line is replaced and everything
   * after it moves by the same offset, in place; no table is read (unless the year changed).
   */
  private proseStep(lineNo: number, end: number, newLine: SourceLine, delta: number): Step | null {
    const old = this.state;
    const src = old.src;
    if (old.regions.some((r) => r.from <= lineNo && lineNo < r.to)) return null;
    const afterOffset = src.index.lineStarts[lineNo + 1] ?? src.index.length;
    const next = this.replaceLine(src, lineNo, newLine, delta);
    for (const t of [old.report.tables.active, old.report.tables.applications, old.report.tables.reviewLitigation]) {
      if (!t || t.firstLine <= lineNo) continue;
      for (const r of t.rows) for (const c of r.cells) moveOffsets(c, delta);
      for (const c of t.orphanCells) moveOffsets(c, delta);
      for (const m of t.missingRows) m.insertAt += delta;
    }
    const { state, reread } = compose(next, {
      headings: old.headings.map((h) => ({ ...h })), regions: old.regions, tables: old.report.tables, year: old.report.year?.value ?? null,
      prose: keptProse(old.report, lineNo),
    }, this.options);
    return { state, dirty: new Set<RuleInput>(['sections', ...reread]), shift: { afterLine: lineNo, dLines: 0, delta }, afterOffset, path: 'prose' };
  }

  /**
   * Typing a digit into a number: when the edited line still reads as the same cells and only one
   * number changed, that cell is updated in place and everything after it on the line moves.
   */
  private cellStep(lineNo: number, start: number, end: number, newLine: SourceLine, delta: number): Step | null {
    const old = this.state;
    const src = old.src;
    const kind = (['active', 'applications', 'reviewLitigation'] as const).find((k) => {
      const t = old.report.tables[k];
      return t && t.firstLine <= lineNo && lineNo < t.endLine;
    });
    if (!kind) return null;
    // The header (title, year, period) is read from the top of the document: leave those lines to the table path.
    const firstHeading = old.headings[0]?.line ?? -1;
    if (lineNo < Math.max(40, firstHeading + 40)) return null;
    // So is the 落款, after part 六's heading.
    const sixth = old.headings.find((h) => h.key === 'otherMatters');
    if (sixth && lineNo > sixth.line) return null;
    const table = old.report.tables[kind]!;
    const oldLine = src.lines[lineNo];
    // The line's shape for the tab-layout test must not change.
    if (shape(oldLine.text) !== shape(newLine.text)) return null;
    const tabbed = table.layout === 'tabbed';
    const oldToks = tokenizeLines(linesSource([{ ...oldLine, line: lineNo }], src.index.length), 0, 1, tabbed);
    const probe = linesSource([{ ...newLine, line: lineNo }], newLine.offset + newLine.text.length);
    const newToks = tokenizeLines(probe, 0, 1, tabbed);
    if (oldToks.length !== newToks.length || oldToks.length === 0) return null;
    let edited = -1;
    for (let k = 0; k < oldToks.length; k++) {
      const o = oldToks[k];
      const n = newToks[k];
      if (o.blank !== n.blank || o.weak !== n.weak || o.fill !== n.fill) return null;
      if (o.text === n.text && (o.end <= start || o.start >= end)) continue;
      if (edited >= 0 || !(o.start <= start && end <= o.end)) return null;
      if (!isPlainNumber(o.text) || !isPlainNumber(n.text) || n.start !== o.start || n.end !== o.end + delta) return null;
      edited = k;
    }
    if (edited < 0) return null;
    // Tab-indented cells continue onto an unindented next line: keep clear of that.
    if (tabbed && src.lines[lineNo + 1] && src.lines[lineNo + 1].text.trim() && src.lines[lineNo + 1].text.charCodeAt(0) !== 9) return null;
    const target = oldToks[edited];
    const fresh = newToks[edited];
    const found = findCell(table, target.start);
    if (!found) return null;

    // Commit. From here the previous version's objects are updated in place (the session owns them):
    // the line, the index, the offsets of everything after the edit, and the cell itself.
    const editEndChar = end - src.index.lineStarts[lineNo];
    const afterOffset = src.index.lineStarts[lineNo + 1] ?? src.index.length;
    const next = this.replaceLine(src, lineNo, newLine, delta);
    const moveAt = (p: Position): Position => (p.line === lineNo && p.character >= editEndChar ? { line: p.line, character: p.character + delta } : p);
    const onLine = (r: Range): Range => (r.start.line === lineNo || r.end.line === lineNo ? { start: moveAt(r.start), end: moveAt(r.end) } : r);
    const moveCell = (c: Cell) => {
      if (c === found) {
        const parsed = c.kind ? parseValue(fresh.text, c.kind) : null;
        Object.assign(c, { text: fresh.text, range: fresh.range, end: fresh.end, value: parsed?.value ?? null, problem: parsed?.problem ?? null });
      } else if (c.start >= end) {
        moveOffsets(c, delta);
        c.range = onLine(c.range);
      }
    };
    for (const t of [old.report.tables.active, old.report.tables.applications, old.report.tables.reviewLitigation]) {
      if (!t) continue;
      for (const r of t.rows) {
        r.label.range = onLine(r.label.range);
        r.cells.forEach(moveCell);
      }
      t.orphanCells.forEach(moveCell);
      for (const m of t.missingRows) {
        m.anchor = onLine(m.anchor);
        if (m.insertAt >= end) m.insertAt += delta;
      }
      t.range = onLine(t.range);
    }
    // The header lies at least 40 lines above (see above): it is kept, and so is every table.
    // The prose is that of before (the rules that read it test only what changed: text/spliced.ts).
    const { state } = compose(next, {
      headings: old.headings.map((h) => ({ ...h })), regions: old.regions, tables: old.report.tables, header: old.header, year: old.report.year?.value ?? null,
      prose: keptProse(old.report, null),
    }, this.options);
    return { state, dirty: new Set<RuleInput>(['sections', kind]), shift: { afterLine: lineNo, dLines: 0, delta }, afterOffset, path: 'cell' };
  }

  /** Takes a step's read as the session's, and runs the rules whose inputs it re-read. */
  private commit(step: Step): void {
    this.state = step.state;
    this.rerun(step.dirty, step.shift, step.afterOffset);
    this.committed = null;
    this.lastPath = step.path;
  }

  /**
   * Another report of the workspace changed (last year's was edited, saved, created or deleted): the
   * cross-report rules run again on this text, the others' findings stay.
   */
  recheckAcross(): void {
    if (!this.options.workspace || this.perRule.length !== RULES.length) return;
    const ctx = this.ruleContext();
    this.perRule = RULES.map((rule, i) => (rule.across ? runRule(rule, ctx, this.options) : this.perRule[i]));
    this.merged = null;
  }

  private ruleContext() {
    const src = this.state.src;
    const report = this.state.report;
    const workspace = this.options.workspace && ruleWorkspace(this.options.workspace, report, this.options.self);
    return new RuleCall(() => src.text, report, src.index, undefined, workspace);
  }

  /** Runs the rules whose inputs changed; moves the others' findings. */
  private rerun(dirty: Set<RuleInput>, shift: Shift | null, afterOffset: number): void {
    // Rules get the text lazily: only an insertion fix asks for it.
    const ctx = this.ruleContext();
    this.perRule = RULES.map((rule, i) => {
      if (!shift || rule.inputs.some((x) => dirty.has(x)) || !this.perRule[i]) return runRule(rule, ctx, this.options);
      return this.perRule[i].map((f) => (f.range.start.line > shift.afterLine ? shiftFinding(f, shift, afterOffset) : f));
    });
    this.merged = null;
  }
}

/** The previous prose to keep (no line moved), if it was read. */
function keptProse(report: Report, changedLine: number | null): Kept['prose'] {
  const lines = proseIfRead(report);
  return lines && { lines, changedLine, extents: extentsOf(report.tables) };
}

/** Splits an edited block into lines (numbered from `first`, offsets from `offset`); the last keeps `lastEol`. */
function splitBlock(text: string, offset: number, first: number, lastEol: string): SourceLine[] {
  const out: SourceLine[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 13 && c !== 10) continue;
    const eol = c === 13 && text.charCodeAt(i + 1) === 10 ? '\r\n' : c === 13 ? '\r' : '\n';
    out.push({ text: text.slice(from, i), offset: offset + from, line: first + out.length, eol });
    i += eol.length - 1;
    from = i + 1;
  }
  out.push({ text: text.slice(from), offset: offset + from, line: first + out.length, eol: lastEol });
  return out;
}

/** A SourceText over lines that carry their text and breaks; the whole text is joined only on demand. */
function linesSource(lines: SourceLine[], length: number, knownStarts?: Offsets, knownEnds?: Offsets): SourceText {
  let starts = knownStarts;
  let ends = knownEnds;
  if (!starts || !ends) {
    starts = new Array<number>(lines.length);
    ends = new Array<number>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      starts[i] = lines[i].offset;
      ends[i] = lines[i].offset + lines[i].text.length;
    }
  }
  let joined: string | null = null;
  const join = () => (joined ??= lines.map((l) => l.text + (l.eol ?? '')).join(''));
  const index = LineIndex.fromLines(starts, ends, length, join, (i) => lines[i].text);
  return new RelinedText(join, index, lines, false);
}

/** What decides a line's part in a region's layout: tab-indented, blank, or with a pipe. */
function shape(t: string): string {
  return `${t.charCodeAt(0) === 9 ? 't' : '-'}${t.trim() ? 'c' : '-'}${t.includes('|') || t.includes('｜') ? 'p' : '-'}`;
}

function findCell(t: Table, start: number): Cell | undefined {
  for (const r of t.rows) for (const c of r.cells) if (c.start === start) return c;
  return t.orphanCells.find((c) => c.start === start);
}

/** Is this line a part heading, a table's anchor or a silencing line, or might it be cut into pieces? (All depend on the line's text alone.) */
function isStructural(l: SourceLine): boolean {
  if (anchorKind(l.text) !== null || isDirectiveLine(l.text)) return true;
  const alone = linesSource([{ text: l.text, offset: 0, line: 0, eol: '' }], l.text.length);
  return readHeading(alone, 0) !== null || mayBreakInside(alone, alone.lines[0]);
}

/** Was some line cut into pieces (reader/pieces.ts)? Then the reader's lines are not the text's: read everything. */
function isCut(src: SourceText): boolean {
  return src.lines.length !== src.index.lineCount;
}
