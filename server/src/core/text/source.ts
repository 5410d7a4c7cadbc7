import { LineIndex, type Range } from './positions';
import { htmlToLines, looksLikeHtml } from './html';

/**
 * A line as the reader sees it. For plain text it is a verbatim line of the
 * document; for HTML it is a virtual line (a block or a table row with cells
 * joined by '|'), whose characters map back to source offsets.
 */
export interface SourceLine {
  text: string;
  /** Source offset of text[0] for a verbatim line. */
  offset: number;
  /** Real line number of a verbatim line or of a piece of one; -1 for a virtual line. */
  line: number;
  /** A piece of a verbatim line (see reader/pieces.ts): the column of text[0] in its real line. */
  col?: number;
  /** The line break after a verbatim line ('\n', '\r\n', '\r', or '' at the end). */
  eol?: string;
  /** Virtual lines only: source offsets where each character starts and ends. */
  starts?: Int32Array;
  ends?: Int32Array;
}

export interface SourceText {
  text: string;
  index: LineIndex;
  lines: SourceLine[];
  html: boolean;
}

/**
 * A text read as other lines (pieces cut, silencing lines left out, an edited window joined), its text
 * made only when asked for. A class, not an object literal with a getter: a literal's getter is a new
 * closure each time, which gives each object a hidden class of its own in the old generation, and that
 * keeps all the young objects it reaches alive through every scavenge (reader/read.ts, `ReadReport`).
 */
export class RelinedText implements SourceText {
  readonly #text: () => string;
  constructor(text: () => string, readonly index: LineIndex, readonly lines: SourceLine[], readonly html: boolean) {
    this.#text = text;
  }
  get text(): string {
    return this.#text();
  }
}

export function readSource(text: string): SourceText {
  const index = new LineIndex(text);
  const html = looksLikeHtml(text);
  const lines: SourceLine[] = html ? htmlToLines(text) : plainLines(text, index);
  return { text, index, lines, html };
}

function plainLines(text: string, index: LineIndex): SourceLine[] {
  const out: SourceLine[] = new Array(index.lineCount);
  const last = index.lineCount - 1;
  for (let i = 0; i <= last; i++) {
    const start = index.lineStarts[i];
    const end = index.lineEnd(i);
    out[i] = { text: text.slice(start, end), offset: start, line: i, eol: eolAfter(text, end, i === last) };
  }
  return out;
}

function eolAfter(text: string, end: number, last: boolean): string {
  if (last) return '';
  return text.charCodeAt(end) === 13 ? (text.charCodeAt(end + 1) === 10 ? '\r\n' : '\r') : '\n';
}

/** The first characters of a text (for sampling), put together from its lines. */
export function headText(src: SourceText, n: number): string {
  if (!src.lines.length || src.lines[0].eol === undefined) return src.text.slice(0, n);
  let out = '';
  for (const l of src.lines) {
    out += l.text + (l.eol ?? '');
    if (out.length >= n) break;
  }
  return out.slice(0, n);
}

/**
 * The characters [from, to) of a line as a line of their own, mapping to the same source
 * positions. A verbatim line's piece keeps its real line and gets a start column (O(1) ranges);
 * a virtual line's piece views its parent's offset arrays. Only the last piece keeps the break.
 */
export function linePiece(l: SourceLine, from: number, to: number): SourceLine {
  const last = to === l.text.length;
  if (l.starts && l.ends) {
    const offset = from < l.starts.length ? l.starts[from] : l.offset;
    return { text: l.text.slice(from, to), offset, line: l.line, starts: l.starts.subarray(from, to), ends: l.ends.subarray(from, to) };
  }
  const piece: SourceLine = { text: l.text.slice(from, to), offset: l.offset + from, line: l.line, col: (l.col ?? 0) + from };
  if (l.eol !== undefined) piece.eol = last ? l.eol : '';
  return piece;
}

/** Source offsets of the characters [from, to) of a source line. */
export function spanOffsets(l: SourceLine, from: number, to: number): [number, number] {
  return [spanStart(l, from, to), spanEnd(l, from, to)];
}

/** `spanOffsets`' start alone, without an array made (each cell of a table asks). */
export function spanStart(l: SourceLine, from: number, to: number): number {
  const { starts, ends } = l;
  if (!starts || !ends) return l.offset + from;
  return from < to ? starts[from] : emptySpanAt(l.offset, starts, ends, from);
}

/** `spanOffsets`' end alone. */
export function spanEnd(l: SourceLine, from: number, to: number): number {
  const { starts, ends } = l;
  if (!starts || !ends) return l.offset + to;
  return from < to ? ends[to - 1] : emptySpanAt(l.offset, starts, ends, from);
}

/** Where an empty span at `from` of a virtual line lies in the source. */
function emptySpanAt(offset: number, starts: Int32Array, ends: Int32Array, from: number): number {
  return from < starts.length ? starts[from] : ends.length ? ends[ends.length - 1] : offset;
}

export function spanRange(src: SourceText, l: SourceLine, from: number, to: number): Range {
  if (l.line >= 0) {
    const c = l.col ?? 0;
    return { start: { line: l.line, character: c + from }, end: { line: l.line, character: c + to } };
  }
  const [a, b] = spanOffsets(l, from, to);
  return { start: src.index.positionAt(a), end: src.index.positionAt(b) };
}

export function offsetsRange(src: SourceText, a: number, b: number): Range {
  return { start: src.index.positionAt(a), end: src.index.positionAt(b) };
}
