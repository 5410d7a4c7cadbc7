import type { SourceLine } from './source';
import { layoutCells, walkTags } from './htmlTags';

/**
 * HTML reports (or plain reports with HTML tables pasted in) become virtual
 * lines: one per block outside tables, one per <tr> inside them with each cell
 * closed by '|', so the pipe-row reader handles them. Every character keeps its
 * source span, so ranges and fixes land on the HTML source itself.
 * A cell that holds a table (a page laid out in a table) reads as blocks, its tables as tables.
 * Entities: the numeric ones and the common named ones; an unknown entity is kept as written.
 */
export function looksLikeHtml(text: string): boolean {
  return /<(?:table|tr|td|th|p|div|br|html|body|h[1-6])\b[^<>]*>/i.test(text);
}

const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'hr', 'title', 'caption', 'dd', 'dt', 'dl', 'body', 'html', 'head',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'wbr', 'area', 'base', 'source', 'embed']);
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', middot: '\u00b7',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', times: '\u00d7', yen: '\u00a5', minus: '\u2212',
};

/** Where a value goes in a blank cell: a white-space text span, or a point after an opening tag. */
interface Spot { depth: number; start: number; end: number; text: boolean }

/** One open table: is a cell open, is it a layout cell, and the blank-cell bookkeeping of a data cell. */
interface Frame { inCell: boolean; layout: boolean; from: number; content: boolean; depth: number; spot: Spot | null }

export function htmlToLines(text: string): SourceLine[] {
  const layout = layoutCells(text);
  const lines: SourceLine[] = [];
  const frames: Frame[] = [];
  // The line being built: its UTF-16 units and each unit's source span, in arrays that grow and are reused.
  let codes = new Uint16Array(256);
  let starts = new Int32Array(256);
  let ends = new Int32Array(256);
  let length = 0;
  let cells = false;

  const top = () => frames[frames.length - 1];
  /** Inside a data cell: blocks and line breaks are spaces. */
  const inData = () => frames.length > 0 && top().inCell && !top().layout;
  /** Inside a table but between its cells: source formatting, not text. */
  const between = () => frames.length > 0 && !top().inCell;

  const push = (s: string, a: number, b: number) => {
    if (length + s.length > codes.length) {
      const size = Math.max(codes.length * 2, length + s.length);
      codes = grown(codes, new Uint16Array(size));
      starts = grown(starts, new Int32Array(size));
      ends = grown(ends, new Int32Array(size));
    }
    for (let k = 0; k < s.length; k++, length++) {
      codes[length] = s.charCodeAt(k);
      starts[length] = a;
      ends[length] = b;
    }
  };
  const flush = () => {
    let k = 0;
    if (!cells) while (k < length && isBlankCode(codes[k])) k++;
    if (k < length) {
      lines.push({ text: unitsToString(codes, k, length), offset: starts[k], line: -1, starts: starts.slice(k, length), ends: ends.slice(k, length) });
    }
    length = 0;
    cells = false;
  };
  const consider = (f: Frame, s: Spot) => {
    const best = f.spot;
    if (!best || s.depth > best.depth || (s.depth === best.depth && s.text && !best.text)) f.spot = s;
  };
  const openCell = (f: Frame, at: number, end: number) => {
    f.inCell = true;
    f.layout = layout.has(at);
    if (f.layout) return flush();
    Object.assign(f, { from: length, content: false, depth: 0, spot: null });
    consider(f, { depth: 0, start: end, end, text: false });
  };
  const closeCell = (at: number) => {
    const f = top();
    if (!f?.inCell) return;
    f.inCell = false;
    if (f.layout) return flush();
    if (!f.content) {
      // A blank cell is one space where its value goes, so a fix writes there and keeps the markup.
      length = f.from;
      push(' ', f.spot!.start, f.spot!.end);
    }
    push('|', at, at);
    cells = true;
  };

  walkTags(text, {
    tag(name, closing, start, end, selfClosing) {
      if (name === 'table') {
        if (closing) closeCell(start);
        flush();
        if (!closing) frames.push(newFrame());
        else frames.pop();
        return;
      }
      if (frames.length && (name === 'tr' || name === 'td' || name === 'th')) {
        closeCell(start);
        if (name === 'tr') flush();
        else if (!closing) openCell(top(), start, end);
        return;
      }
      if (inData()) {
        const f = top();
        if (closing) f.depth = Math.max(0, f.depth - 1);
        else if (!selfClosing && !VOID.has(name)) consider(f, { depth: ++f.depth, start: end, end, text: false });
        if (BLOCK.has(name) && length > f.from && !isBlankCode(codes[length - 1])) push(' ', start, start);
      } else if ((BLOCK.has(name) || name === 'tr') && !between()) {
        flush();
      }
    },
    text(from, to) {
      for (let i = from; i < to; ) i = readText(i);
    },
  });
  closeCell(text.length);
  flush();
  return lines;

  /** Reads one character or entity at i; returns where the next one starts. */
  function readText(i: number): number {
    const c = text.charCodeAt(i);
    let s = text[i];
    let next = i + 1;
    if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      const decoded = m ? decodeEntity(m[1]) : null;
      if (m && decoded !== null) {
        s = decoded;
        next = i + m[0].length;
      }
    } else if (c === 10 || c === 13) {
      if (!frames.length || (top().inCell && top().layout)) {
        flush();
        return next;
      }
      s = ' ';
    }
    if (between() && isBlank(s)) return next;
    if (inData()) {
      const f = top();
      if (!isBlank(s)) f.content = true;
      else consider(f, { depth: f.depth, start: i, end: next, text: true });
      // '|' inside a cell would split it: keep it visible but inert.
      if (c === 124) s = '\u00a6';
    }
    push(s, i, next);
    return next;
  }
}

function newFrame(): Frame {
  return { inCell: false, layout: false, from: 0, content: false, depth: 0, spot: null };
}

function isBlank(s: string): boolean {
  return isBlankCode(s.charCodeAt(0));
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000 || c === 0xfeff
    || c === 0x200b || (c >= 0x2000 && c <= 0x200a);
}

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** UTF-16 units as a string, as written (a lone surrogate stays one), in chunks that the argument list can take. */
function unitsToString(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + 8192)) as unknown as number[]);
  return s;
}

function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    return String.fromCodePoint(n);
  }
  return NAMED[body.toLowerCase()] ?? null;
}
