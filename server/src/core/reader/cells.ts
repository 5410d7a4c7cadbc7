import type { Range } from '../text/positions';
import { contentBounds, contentEnd, contentStart } from '../text/normalize';
import { spanEnd, spanOffsets, spanRange, spanStart, type SourceLine, type SourceText } from '../text/source';
import { looksLikeValue } from './values';
import { LIMITS } from '../limits';

/**
 * One table cell as written, in any layout. `start`/`end` are source offsets of
 * its visible content; a blank cell has start === end at the place a value would go.
 */
export interface CellToken {
  text: string;
  start: number;
  end: number;
  range: Range;
  /** Index of the (first) source line it was read from. */
  line: number;
  /** Index of the last source line (a cell wrapped by Word spans two). */
  lastLine: number;
  blank: boolean;
  /** A blank that may be layout filler (a lone '|' line, a lone tab, an outer pipe-row cell). */
  weak: boolean;
  /** How a value is written into this cell when it is blank. */
  fill: CellFill;
  /** Where markup or a line break stands inside the cell: the source spans of its text, as [start, end] pairs. */
  runs?: number[];
  /**
   * Blank-line layouts only: a run of blank lines longer than the one that separates cells stands for
   * one or more empty cells, how many is lost. These are the places such cells can take (see fit.ts).
   */
  gap?: CellToken[];
}

/** 'beforePipe': a lone '|' line gets 'N ' before the pipe; 'spaced': ' N ' between pipes; 'bare': just N. */
export type CellFill = 'beforePipe' | 'spaced' | 'bare';

const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
// Digits as PDF text and Chinese input methods write them (ASCII, full-width '０'–'９'), and what is
// written for them by mistake ('1²', '⑫', '𝟏𝟐', '١٢'): a word of them is a cell, read later as no number.
const NUMBER_TOKEN = /^[+\-＋－]?[\p{Nd}\p{No}][\p{Nd}\p{No},，]*(?:[.．][\p{Nd}\p{No}]+)?$/u;
const LABEL_THEN_NUMBERS = /^(.*?[^\s\p{Nd}\p{No}.．,，+\-])\s+((?:[+\-＋－]?[\p{Nd}\p{No}][\p{Nd}\p{No},，]*(?:[.．][\p{Nd}\p{No}]+)?\s+)*[+\-＋－]?[\p{Nd}\p{No}][\p{Nd}\p{No},，]*(?:[.．][\p{Nd}\p{No}]+)?)\s*$/u;
const CJK = /[\u3400-\u9fff]/;

function isPipe(c: number): boolean {
  return c === 124 || c === 0xff5c;
}

/** Does the region read as a Word export with tab-indented cells (seed 004)? */
export function isTabbedRegion(src: SourceText, from: number, to: number): boolean {
  let tabbed = 0;
  let other = 0;
  for (let i = from; i < to; i++) {
    const t = src.lines[i].text;
    if (!t.trim()) continue;
    if (t.charCodeAt(0) === 9) tabbed++;
    else if (!t.includes('|')) other++;
  }
  return tabbed >= 4 && tabbed >= other;
}

/** Do the region's cells stand on their own lines, separated by one blank line each (corpus 015, 114)? */
export function isBlankLineRegion(src: SourceText, from: number, to: number): boolean {
  let content = 0;
  let separated = 0;
  for (let i = from; i < to; i++) {
    const t = src.lines[i].text;
    if (!t.trim()) continue;
    if (t.includes('|') || t.includes('\t')) return false;
    content++;
    if (i + 1 < to && !src.lines[i + 1].text.trim()) separated++;
  }
  return content >= 6 && separated * 10 >= content * 7;
}

/**
 * The cells of lines [from, to). At most `limit` + 1 are made: more means the region is no table
 * that can be read (see LIMITS.tableCells), and no line, however long, costs more than that.
 */
export function tokenizeLines(src: SourceText, from: number, to: number, tabbed: boolean, blankLined = false, limit: number = LIMITS.tableCells): CellToken[] {
  const out: CellToken[] = [];
  let lastContent = -1;
  for (let i = from; i < to && out.length <= limit; i++) {
    const l = src.lines[i];
    const t = l.text;
    if (blankLined) {
      if (!t.trim()) continue;
      if (lastContent >= 0 && i - lastContent > 2) out.push(gapToken(src, lastContent + 2, Math.min(i, lastContent + 2 + limit)));
      lastContent = i;
    }
    let hasPipe = false;
    for (let k = 0; k < t.length; k++) {
      if (isPipe(t.charCodeAt(k))) {
        hasPipe = true;
        break;
      }
    }
    if (hasPipe) pipeLine(src, l, i, out, limit);
    else if (tabbed) tabbedLine(src, l, i, out);
    else plainLine(src, l, i, out, limit);
  }
  if (out.length > limit + 1) out.length = limit + 1;
  return out;
}

/** Blank lines [from, to) beyond the separating one: empty cells whose number is lost. */
function gapToken(src: SourceText, from: number, to: number): CellToken {
  const slots: CellToken[] = [];
  for (let i = from; i < to; i++) slots.push(token(src, src.lines[i], i, 0, 0, false, 'bare'));
  return { ...slots[0], weak: true, gap: slots };
}

/** The cell of a line's characters [a, b); `blank`: a blank cell whose white space [a, b) is where its value goes. */
function token(src: SourceText, l: SourceLine, i: number, a: number, b: number, weak: boolean, fill: CellFill, blank = false): CellToken {
  const out: CellToken = {
    text: blank ? '' : l.text.slice(a, b), start: spanStart(l, a, b), end: spanEnd(l, a, b), range: spanRange(src, l, a, b),
    line: i, lastLine: i, blank: blank || a === b, weak, fill,
  };
  const runs = textRuns(l, a, b);
  if (runs) out.runs = runs;
  return out;
}

/** A virtual line's characters [a, b) as source spans, when markup stands between them (`<font>-</font><font>2</font>`). */
function textRuns(l: SourceLine, a: number, b: number): number[] | null {
  if (!l.starts || !l.ends || b - a < 2) return null;
  const runs = [l.starts[a]];
  for (let k = a + 1; k < b; k++) {
    if (l.starts[k] !== l.ends[k - 1]) runs.push(l.ends[k - 1], l.starts[k]);
  }
  runs.push(l.ends[b - 1]);
  return runs.length > 2 ? runs : null;
}

/**
 * pipeLine's scratch (it calls nothing that comes back to it): the pipes of a line, and the content bounds
 * of the parts between them, two numbers a part. Made once: a row of more than eight parts (the
 * applications table's) made its bounds outside the heap, row after row. A line of more parts than a
 * table has makes its own.
 */
const pipes: number[] = [];
const BOUNDS = new Int32Array(256);

function pipeLine(src: SourceText, l: SourceLine, i: number, out: CellToken[], limit: number): void {
  const t = l.text;
  pipes.length = 0;
  let content = false;
  // Pipes past the cell limit are not looked at: the cells they would make are over it anyway.
  const room = limit + 2 - out.length;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (isPipe(c)) {
      if (pipes.length < room) pipes.push(k);
    } else if (!isSpace(c)) content = true;
  }
  if (!content) {
    // A lone '|' stands for an empty cell; '||', '|||'… are layout filler.
    if (pipes.length === 1) out.push(token(src, l, i, pipes[0], pipes[0], true, 'beforePipe'));
    return;
  }
  if (MD_SEPARATOR.test(t)) return;
  // The parts between pipes, k = 0 … pipes.length: [partStart(k), partEnd(k)), and their content bounds, two numbers a part.
  const parts = pipes.length + 1;
  const bounds = parts * 2 <= BOUNDS.length ? BOUNDS : new Int32Array(parts * 2);
  for (let k = 0; k < parts; k++) {
    bounds[2 * k] = contentStart(t, partStart(k), partEnd(t, k));
    bounds[2 * k + 1] = contentEnd(t, bounds[2 * k], partEnd(t, k));
  }
  // Blank text before the first pipe (a Markdown row's leading '|') or after the last one is no cell.
  const first = bounds[0] === bounds[1] ? 1 : 0;
  const last = bounds[2 * parts - 2] === bounds[2 * parts - 1] ? parts - 2 : parts - 1;
  let firstContent = -1;
  let lastContent = -1;
  for (let k = first; k <= last; k++) {
    if (bounds[2 * k] < bounds[2 * k + 1]) {
      if (firstContent < 0) firstContent = k;
      lastContent = k;
    }
  }
  // A blank after a label and before the row's first value stands for a merged label column.
  let afterLabel = false;
  for (let k = first; k <= last; k++) {
    const a = bounds[2 * k];
    const b = bounds[2 * k + 1];
    if (a < b) {
      const cell = token(src, l, i, a, b, false, 'bare');
      afterLabel = !looksLikeValue(cell.text);
      out.push(cell);
    } else {
      const weak = k < firstContent || k > lastContent || afterLabel;
      // A blank between pipes: its white space is where the value goes.
      out.push(token(src, l, i, partStart(k), partEnd(t, k), weak, 'spaced', true));
    }
  }
}

const partStart = (k: number) => (k === 0 ? 0 : pipes[k - 1] + 1);
const partEnd = (t: string, k: number) => (k === pipes.length ? t.length : pipes[k]);

function tabbedLine(src: SourceText, l: SourceLine, i: number, out: CellToken[]): void {
  const t = l.text;
  const [a, b] = contentBounds(t);
  if (t.charCodeAt(0) === 9) {
    if (a === b) out.push(token(src, l, i, t.length, t.length, true, 'bare'));
    else out.push(token(src, l, i, a, b, false, 'bare'));
    return;
  }
  if (a === b) return;
  const prev = out[out.length - 1];
  const text = t.slice(a, b);
  // Word wraps a long cell onto an unindented line: join it to the cell above.
  if (prev && prev.line === i - 1 && b - a <= 30 && !text.includes('。')) {
    const [, end] = spanOffsets(l, a, b);
    if (prev.blank) {
      out[out.length - 1] = token(src, l, i, a, b, false, 'bare');
    } else {
      const [start] = spanOffsets(l, a, b);
      out[out.length - 1] = {
        ...prev, text: prev.text + text, end, lastLine: i,
        range: { start: prev.range.start, end: spanRange(src, l, a, b).end },
        runs: [...(prev.runs ?? [prev.start, prev.end]), start, end],
      };
    }
    return;
  }
  out.push(token(src, l, i, a, b, false, 'bare'));
}

const MD_HEADING = /^(?:#{1,6}|>)[ \t\u3000]*/;

function plainLine(src: SourceText, l: SourceLine, i: number, out: CellToken[], limit: number): void {
  const t = l.text;
  let [a, b] = contentBounds(t);
  if (a === b) return;
  // A Markdown heading or quote marker is no part of the cell ('### (一)予以公开').
  const marker = MD_HEADING.exec(t.slice(a, b));
  if (marker) [a, b] = contentBounds(t, a + marker[0].length, b);
  if (a === b) return;
  const body = t.slice(a, b);
  if (/\s/.test(body)) {
    // PDF text: numbers separated by spaces, alone or after a row label.
    const words = wordsOf(body, limit + 2 - out.length);
    if (words.length >= 2 && words.every((w) => NUMBER_TOKEN.test(w[0]))) {
      for (const w of words) out.push(token(src, l, i, a + w.index!, a + w.index! + w[0].length, false, 'bare'));
      return;
    }
    const m = body.length <= 80 ? LABEL_THEN_NUMBERS.exec(body) : null;
    if (m && CJK.test(m[1]) && !m[1].split(/\s+/).some((w) => NUMBER_TOKEN.test(w))) {
      // The label part may hold several cells ('信息内容 本年处理决定数量 行政许可', '（四）无 1.本机关…'): one token a word.
      for (const w of m[1].matchAll(/\S+/g)) out.push(token(src, l, i, a + w.index!, a + w.index! + w[0].length, false, 'bare'));
      const numbersAt = a + body.lastIndexOf(m[2]);
      for (const w of m[2].matchAll(/\S+/g)) {
        out.push(token(src, l, i, numbersAt + w.index!, numbersAt + w.index! + w[0].length, false, 'bare'));
      }
      return;
    }
    // Cells of a whole row or table on one line, separated by spaces (PDF text, a flattened report).
    if (!body.includes('。') && words.filter((w) => NUMBER_TOKEN.test(w[0])).length >= 2) {
      for (const w of words) out.push(token(src, l, i, a + w.index!, a + w.index! + w[0].length, false, 'bare'));
      return;
    }
  }
  out.push(token(src, l, i, a, b, false, 'bare'));
}

/** The first `max` words of a text (a line of millions of numbers makes no more). */
function wordsOf(text: string, max: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = re.exec(text))) out.push(m);
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}
