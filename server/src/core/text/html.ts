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

/**
 * One open table: is a cell open, is it a layout cell, and the blank-cell bookkeeping of a data cell:
 * where its content starts in the line, whether it has any, how deep in its markup the walk is, and
 * the spot where a value goes should it be blank (a white-space text span, or a point after an opening
 * tag; `spotDepth` -1: none yet). Fields, not an object per spot: a saved page has thousands of tags.
 */
interface Frame {
  inCell: boolean; layout: boolean; from: number; content: boolean; depth: number;
  spotDepth: number; spotStart: number; spotEnd: number; spotText: boolean;
}

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
  // Every line's source spans, one after another in two arrays of the page; each line is given views of
  // them at the end. Not two arrays a line: each would be its own allocation outside the heap.
  let spanStarts = new Int32Array(1024);
  let spanEnds = new Int32Array(1024);
  let spanLength = 0;
  /** Where each line's spans begin in them. */
  const spansAt: number[] = [];

  const top = () => frames[frames.length - 1];
  /** Inside a data cell: blocks and line breaks are spaces. */
  const inData = () => frames.length > 0 && top().inCell && !top().layout;
  /** Inside a table but between its cells: source formatting, not text. */
  const between = () => frames.length > 0 && !top().inCell;

  const room = (n: number) => {
    if (length + n <= codes.length) return;
    const size = Math.max(codes.length * 2, length + n);
    codes = grown(codes, new Uint16Array(size));
    starts = grown(starts, new Int32Array(size));
    ends = grown(ends, new Int32Array(size));
  };
  const pushCode = (c: number, a: number, b: number) => {
    room(1);
    codes[length] = c;
    starts[length] = a;
    ends[length++] = b;
  };
  const push = (s: string, a: number, b: number) => {
    for (let k = 0; k < s.length; k++) pushCode(s.charCodeAt(k), a, b);
  };
  const flush = () => {
    let k = 0;
    if (!cells) while (k < length && isBlankCode(codes[k])) k++;
    if (k < length) {
      if (spanLength + length - k > spanStarts.length) {
        const size = Math.max(spanStarts.length * 2, spanLength + length - k);
        spanStarts = grown(spanStarts, new Int32Array(size));
        spanEnds = grown(spanEnds, new Int32Array(size));
      }
      spanStarts.set(starts.subarray(k, length), spanLength);
      spanEnds.set(ends.subarray(k, length), spanLength);
      spansAt.push(spanLength);
      spanLength += length - k;
      lines.push({ text: unitsToString(codes, k, length), offset: starts[k], line: -1, starts: NO_SPANS, ends: NO_SPANS });
    }
    length = 0;
    cells = false;
  };
  /** The deepest spot wins; at one depth, a text span over a point. */
  const consider = (f: Frame, depth: number, start: number, end: number, isText: boolean) => {
    if (f.spotDepth >= 0 && depth <= f.spotDepth && !(depth === f.spotDepth && isText && !f.spotText)) return;
    f.spotDepth = depth;
    f.spotStart = start;
    f.spotEnd = end;
    f.spotText = isText;
  };
  const openCell = (f: Frame, at: number, end: number) => {
    f.inCell = true;
    f.layout = layout.has(at);
    if (f.layout) return flush();
    f.from = length;
    f.content = false;
    f.depth = 0;
    f.spotDepth = -1;
    consider(f, 0, end, end, false);
  };
  const closeCell = (at: number) => {
    const f = top();
    if (!f?.inCell) return;
    f.inCell = false;
    if (f.layout) return flush();
    if (!f.content) {
      // A blank cell is one space where its value goes, so a fix writes there and keeps the markup.
      length = f.from;
      pushCode(32, f.spotStart, f.spotEnd);
    }
    pushCode(124, at, at);
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
        else if (!selfClosing && !VOID.has(name)) consider(f, ++f.depth, end, end, false);
        if (BLOCK.has(name) && length > f.from && !isBlankCode(codes[length - 1])) push(' ', start, start);
      } else if ((BLOCK.has(name) || name === 'tr') && !between()) {
        flush();
      }
    },
    // Where the text lies (outside tables, between cells, in a data or a layout cell) holds for the whole
    // run: only a tag changes it. Each character is one unit with its own span, an entity its decoded text.
    text(from, to) {
      const skipBlanks = between();
      const data = inData() ? top() : null;
      const breaksLines = frames.length === 0 || (top().inCell && top().layout);
      for (let i = from; i < to; i++) {
        let c = text.charCodeAt(i);
        if (c === 38 /* & */) {
          i = entity(i, skipBlanks, data) - 1;
          continue;
        }
        if (c === 10 || c === 13) {
          if (breaksLines) {
            flush();
            continue;
          }
          c = 32;
        }
        if (isBlankCode(c)) {
          if (skipBlanks) continue;
          if (data) consider(data, data.depth, i, i + 1, true);
        } else if (data) {
          data.content = true;
          // '|' inside a cell would split it: keep it visible but inert.
          if (c === 124) c = 0xa6;
        }
        pushCode(c, i, i + 1);
      }
    },
  });
  closeCell(text.length);
  flush();
  spanStarts = spanStarts.slice(0, spanLength);
  spanEnds = spanEnds.slice(0, spanLength);
  for (let i = 0; i < lines.length; i++) {
    const to = i + 1 < lines.length ? spansAt[i + 1] : spanLength;
    lines[i].starts = spanStarts.subarray(spansAt[i], to);
    lines[i].ends = spanEnds.subarray(spansAt[i], to);
  }
  return lines;

  /** The entity (or lone '&') at i, read as text is; returns where the next character starts. */
  function entity(i: number, skipBlanks: boolean, data: Frame | null): number {
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(text);
    const decoded = m ? decodeEntity(m[1]) : null;
    const s = m && decoded !== null ? decoded : '&';
    const next = m && decoded !== null ? i + m[0].length : i + 1;
    const blank = isBlankCode(s.charCodeAt(0));
    if (skipBlanks && blank) return next;
    if (data) {
      if (!blank) data.content = true;
      else consider(data, data.depth, i, next, true);
    }
    push(s, i, next);
    return next;
  }
}

const NO_SPANS = new Int32Array(0);

function newFrame(): Frame {
  return { inCell: false, layout: false, from: 0, content: false, depth: 0, spotDepth: -1, spotStart: 0, spotEnd: 0, spotText: false };
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
