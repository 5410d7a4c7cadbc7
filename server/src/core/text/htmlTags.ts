/**
 * The tag walk shared by the HTML reader's two passes: every tag in order, with the
 * text between them; comments and the content of script, style, select (menus),
 * noscript, template and textarea are skipped (a select, noscript or template never
 * closed only its tag). Linear in the text.
 */
export interface TagVisitor {
  tag(name: string, closing: boolean, start: number, end: number, selfClosing: boolean): void;
  /** Text from start to end (a '<' that opens no tag is text). */
  text(start: number, end: number): void;
}

// No '<' inside a tag (also not in its quoted values): a '<' that opens no tag is scanned only up
// to the next '<', so text full of stray '<' reads in linear time.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:]*)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/y;
const SKIPPED = ['script', 'style', 'select', 'noscript', 'template', 'textarea'];
/** Raw text: everything up to the closing tag (or the end) is not markup. */
const RAW = new Set(['script', 'style', 'textarea']);
const SKIPPED_END = new Map(SKIPPED.map((n) => [n, new RegExp(`</${n}\\b`, 'gi')]));

/**
 * `wanted`, when given, says by a tag name's first letter (lower case) whether the visitor cares for it:
 * other tags are passed over as text without being matched, which a visitor that reads no text may
 * allow (the skipped elements' names are always wanted, so their content stays skipped).
 */
export function walkTags(text: string, v: TagVisitor, wanted?: string): void {
  const unclosed = new Set<string>();
  const first = wanted ? wantedFirst(wanted) : null;
  let i = 0;
  let from = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */ && text.startsWith('<!--', lt)) {
      if (from < lt) v.text(from, lt);
      const e = text.indexOf('-->', lt + 4);
      i = from = e < 0 ? text.length : e + 3;
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (first && !first[text.charCodeAt(nameStart) | 32]) {
      i = lt + 1;
      continue;
    }
    // Matched without a capture (no match array); the name is read off the text.
    TAG.lastIndex = lt;
    if (!TAG.test(text)) {
      i = lt + 1;
      continue;
    }
    if (from < lt) v.text(from, lt);
    const end = TAG.lastIndex;
    const name = tagName(text, nameStart);
    i = from = end;
    const skipTo = closing || !maybeSkipped(name) || unclosed.has(name) ? undefined : SKIPPED_END.get(name);
    if (skipTo) {
      // Searched from the tag on, case-insensitively, without lower-casing the whole text per tag.
      skipTo.lastIndex = end;
      const e = skipTo.exec(text);
      if (e || RAW.has(name)) {
        i = from = e ? e.index : text.length;
        continue;
      }
      // A menu never closed hides nothing: the rest is read (and not searched again).
      unclosed.add(name);
    }
    v.tag(name, closing, lt, end, text.charCodeAt(end - 2) === 47);
  }
  if (from < text.length) v.text(from, text.length);
}

/** By a character code (letters lower-cased by `| 32`): is it the first letter of a wanted or skipped name? */
function wantedFirst(wanted: string): boolean[] {
  const out: boolean[] = new Array(128).fill(false);
  for (const c of [...wanted, ...SKIPPED.map((n) => n[0])]) out[c.toLowerCase().charCodeAt(0)] = true;
  return out;
}

const isNameCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58;
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The name TAG matched at `start`, lower-cased: its longest run of name characters that a word
 * boundary ends (TAG's `([a-zA-Z][a-zA-Z0-9:]*)\b`: a run ending in ':' gives back to a boundary).
 */
export function tagName(text: string, start: number): string {
  let end = start + 1;
  let upper = text.charCodeAt(start) < 97;
  for (let c = text.charCodeAt(end); isNameCode(c); c = text.charCodeAt(++end)) if (c >= 65 && c <= 90) upper = true;
  while (end > start + 1 && isWordCode(text.charCodeAt(end - 1)) === isWordCode(text.charCodeAt(end))) end--;
  const name = text.slice(start, end);
  return upper ? name.toLowerCase() : name;
}

/** Only names of the skipped elements' lengths and first letters are looked up. */
function maybeSkipped(name: string): boolean {
  const c = name.charCodeAt(0);
  return (c === 115 || c === 110 || c === 116) && name.length >= 5 && name.length <= 8;
}

/**
 * The start offsets of the <td>/<th> tags whose cell holds a table: a page laid out in a
 * table cell, not a data cell. Its content reads as blocks, its tables as tables.
 */
export function layoutCells(text: string): Set<number> {
  const found = new Set<number>();
  // One entry per open table: the start of its open cell, or -1.
  const open: number[] = [];
  walkTags(text, {
    text() {},
    tag(name, closing, start) {
      const top = open.length - 1;
      if (name === 'table') {
        if (!closing) {
          if (top >= 0 && open[top] >= 0) found.add(open[top]);
          open.push(-1);
        } else if (top >= 0) {
          open.pop();
        }
      } else if (top >= 0 && (name === 'td' || name === 'th' || name === 'tr')) {
        open[top] = !closing && name !== 'tr' ? start : -1;
      }
    },
  }, 't');
  return found;
}
