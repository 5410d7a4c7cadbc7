/** LSP-compatible positions: 0-based line, UTF-16 code-unit character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Offsets of line starts and of line content ends, with the same line breaks as LSP: \r\n, \r and \n.
 * Built from a text, or — by the incremental reader — from lines it already has, in which case
 * the text is only put together when someone asks for it.
 */
/** Line offsets: a typed array when read from a text (4 bytes a line), an array when built from lines. */
export type Offsets = { [line: number]: number; readonly length: number };

export class LineIndex {
  readonly lineStarts: Offsets;
  /** Where each line's content ends (before its line break). */
  readonly lineEnds: Offsets;
  readonly length: number;
  private source: string | (() => string);
  private lineSource: ((line: number) => string) | null = null;

  static fromLines(starts: Offsets, ends: Offsets, length: number, text: () => string, lineText: (line: number) => string): LineIndex {
    const index = Object.create(LineIndex.prototype) as LineIndex;
    Object.assign(index, { lineStarts: starts, lineEnds: ends, length, source: text, lineSource: lineText });
    return index;
  }

  constructor(text: string) {
    const count = countBreaks(text) + 1;
    // A report's few hundred lines in plain arrays (cheaper to make, nothing for the collector to
    // account); a text of millions of lines in typed arrays, 8 bytes a line.
    const starts = offsets(count);
    const ends = offsets(count);
    let n = 0;
    forEachBreak(text, (end, next) => {
      ends[n++] = end;
      starts[n] = next;
    });
    ends[n] = text.length;
    this.lineStarts = starts;
    this.lineEnds = ends;
    this.length = text.length;
    this.source = text;
  }

  /**
   * The index after an edit within one line that moved what follows it by `delta`: the offsets are
   * moved in place (no copy of millions of lines), so this index must not be used afterwards.
   */
  movedAfter(line: number, delta: number, text: string): LineIndex {
    const starts = this.lineStarts;
    const ends = this.lineEnds;
    ends[line] += delta;
    for (let i = line + 1; i < starts.length; i++) {
      starts[i] += delta;
      ends[i] += delta;
    }
    return LineIndex.fromLines(starts, ends, this.length + delta, () => text, (i) => text.slice(starts[i], ends[i]));
  }

  /** The whole text (put together on first use when the index was built from lines). */
  get text(): string {
    if (typeof this.source === 'function') this.source = this.source();
    return this.source;
  }

  /** A line's content, without its line break. */
  lineText(line: number): string {
    if (this.lineSource) return this.lineSource(line);
    return this.text.slice(this.lineStarts[line], this.lineEnds[line]);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    return this.lineEnds[line];
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.lineEnds[lo]) - this.lineStarts[lo] };
  }

  /** Clamps out-of-range positions, as LSP asks of servers. */
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[p.line];
    return Math.max(start, Math.min(start + Math.max(0, p.character), this.lineEnds[p.line]));
  }
}

function offsets(count: number): Offsets {
  return count > 1 << 14 ? new Uint32Array(count) : new Array<number>(count).fill(0);
}

/** Line breaks as LSP counts them: \r\n, \r and \n. */
export function countBreaks(text: string): number {
  let n = 0;
  forEachBreak(text, () => n++);
  return n;
}

/**
 * Each line break as LSP counts them (\r\n, \r, \n), in order: where the line's content ends and where
 * the next line starts. Found by indexOf, which runs far faster than a loop over the characters (a
 * saved page's long lines: 4×).
 */
function forEachBreak(text: string, visit: (end: number, next: number) => void): void {
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  if (cr < 0) {
    for (; lf >= 0; lf = text.indexOf('\n', lf + 1)) visit(lf, lf + 1);
    return;
  }
  while (cr >= 0 || lf >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      visit(lf, lf + 1);
      lf = text.indexOf('\n', lf + 1);
      continue;
    }
    if (lf === cr + 1) {
      visit(cr, cr + 2);
      lf = text.indexOf('\n', lf + 1);
    } else {
      visit(cr, cr + 1);
    }
    cr = text.indexOf('\r', cr + 1);
  }
}

/** How many times a character occurs in a text. */
export function countChar(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++;
  return n;
}
