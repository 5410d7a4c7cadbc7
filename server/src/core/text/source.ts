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
  /** Real line number of a verbatim line; -1 for a virtual line. */
  line: number;
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

export function readSource(text: string): SourceText {
  const index = new LineIndex(text);
  const html = looksLikeHtml(text);
  const lines: SourceLine[] = html ? htmlToLines(text) : plainLines(text, index);
  return { text, index, lines, html };
}

function plainLines(text: string, index: LineIndex): SourceLine[] {
  const out: SourceLine[] = new Array(index.lineCount);
  for (let i = 0; i < index.lineCount; i++) {
    const start = index.lineStarts[i];
    out[i] = { text: text.slice(start, index.lineEnd(i)), offset: start, line: i };
  }
  return out;
}

/** Source offsets of the characters [from, to) of a source line. */
export function spanOffsets(l: SourceLine, from: number, to: number): [number, number] {
  if (!l.starts || !l.ends) return [l.offset + from, l.offset + to];
  if (from >= to) {
    const at = from < l.starts.length ? l.starts[from] : l.ends.length ? l.ends[l.ends.length - 1] : l.offset;
    return [at, at];
  }
  return [l.starts[from], l.ends[to - 1]];
}

export function spanRange(src: SourceText, l: SourceLine, from: number, to: number): Range {
  if (l.line >= 0) {
    return { start: { line: l.line, character: from }, end: { line: l.line, character: to } };
  }
  const [a, b] = spanOffsets(l, from, to);
  return { start: src.index.positionAt(a), end: src.index.positionAt(b) };
}

export function offsetsRange(src: SourceText, a: number, b: number): Range {
  return { start: src.index.positionAt(a), end: src.index.positionAt(b) };
}
