import type { SourceLine } from './source';

/**
 * HTML reports (or plain reports with HTML tables pasted in) become virtual
 * lines: one per block outside tables, one per <tr> inside them with each cell
 * closed by '|', so the pipe-row reader handles them. Every character keeps its
 * source span, so ranges and fixes land on the HTML source itself.
 * Entities: the numeric ones and the common named ones; an unknown entity is kept as written.
 */
export function looksLikeHtml(text: string): boolean {
  return /<(?:table|tr|td|th|p|div|br|html|body|h[1-6])\b[^<>]*>/i.test(text);
}

// No '<' inside a tag (also not in its quoted values): a '<' that opens no tag is scanned only up
// to the next '<', so text full of stray '<' reads in linear time.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/y;
const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'hr', 'title', 'caption', 'dd', 'dt', 'dl', 'body', 'html', 'head',
]);
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', middot: '\u00b7',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', times: '\u00d7', yen: '\u00a5', minus: '\u2212',
};

export function htmlToLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let chars: string[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let tableDepth = 0;
  let inCell = false;

  const push = (s: string, a: number, b: number) => {
    for (const ch of s) {
      for (let k = 0; k < ch.length; k++) {
        chars.push(ch[k]);
        starts.push(a);
        ends.push(b);
      }
    }
  };
  const flush = () => {
    if (chars.length) {
      lines.push({
        text: chars.join(''), offset: starts[0], line: -1,
        starts: Int32Array.from(starts), ends: Int32Array.from(ends),
      });
    }
    chars = [];
    starts = [];
    ends = [];
  };
  const closeCell = (at: number) => {
    if (inCell) push('|', at, at);
    inCell = false;
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      if (text.startsWith('<!--', i)) {
        const e = text.indexOf('-->', i + 4);
        i = e < 0 ? text.length : e + 3;
        continue;
      }
      TAG.lastIndex = i;
      const m = TAG.exec(text);
      if (!m) {
        push('<', i, i + 1);
        i++;
        continue;
      }
      const name = m[1].toLowerCase();
      const closing = m[0].charCodeAt(1) === 47;
      const tagEnd = i + m[0].length;
      if ((name === 'script' || name === 'style') && !closing) {
        // Searched from the tag on, case-insensitively, without lower-casing the whole text per tag.
        const end = name === 'script' ? SCRIPT_END : STYLE_END;
        end.lastIndex = tagEnd;
        const e = end.exec(text);
        i = e ? e.index : text.length;
        continue;
      }
      if (name === 'table') {
        closeCell(i);
        flush();
        tableDepth = Math.max(0, tableDepth + (closing ? -1 : 1));
      } else if (name === 'tr') {
        closeCell(i);
        flush();
      } else if (name === 'td' || name === 'th') {
        if (closing) closeCell(i);
        else {
          closeCell(i);
          inCell = true;
        }
      } else if (BLOCK.has(name)) {
        if (tableDepth > 0) push(' ', i, i);
        else flush();
      }
      i = tagEnd;
      continue;
    }
    if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      const decoded = m ? decodeEntity(m[1]) : null;
      if (m && decoded !== null) {
        push(decoded, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (c === 10 || c === 13) {
      if (tableDepth > 0) push(' ', i, i + 1);
      else flush();
      i++;
      continue;
    }
    // '|' inside a cell would split it: keep it visible but inert.
    push(c === 124 && tableDepth > 0 ? '\u00a6' : text[i], i, i + 1);
    i++;
  }
  closeCell(text.length);
  flush();
  return lines;
}

function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    return String.fromCodePoint(n);
  }
  return NAMED[body.toLowerCase()] ?? null;
}
