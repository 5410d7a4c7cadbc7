import type { SectionHeading, TableKind } from '../model';
import { SECTIONS } from '../formats/sections';
import type { SectionKey } from '../formats/types';
import { labelKey } from '../text/normalize';
import { linePiece, RelinedText, type SourceLine, type SourceText } from '../text/source';
import { isCanonicalTitle, readHeading } from './headings';
import { anchorKind } from './regions';

/**
 * Part headings and table anchors that do not start a line: a whole report flattened onto one
 * line ('…。一、总体情况2019年，…二、主动公开政府信息情况 第二十条第（一）项…'), junk before a
 * heading ('????一、總體情況'), prose after its title ('一、总体情况 根据…'). Such a line is cut
 * into pieces that the reader sees as lines (each maps back to its real line and columns): a
 * piece starts at each part heading found inside it and after the heading's title, and, in a
 * long line, at each table anchor within its own part.
 */

/** A part numeral and its separator inside a line. */
const INLINE_NUMERAL = /[一二三四五六七八九十⼀⼆⼋⼗]{1,2}[、．.]/g;
/** Before a part numeral: not another numeral (二十一、), not '第' or an opening bracket. */
const NOT_BEFORE = /[一二三四五六七八九十百⼀⼆⼋⼗第(（〔[【]/;
const DECORATION_ONLY = /^[\s#*>\uFEFF\u3000]*$/;
/** A title is at most this long; it ends at its first 情况/事项 when prose follows without a break. */
const TITLE_MAX = 40;
const TITLE_END = /情[况況]|事[项項]/g;
/** A pinyin annotation inside a title ('規(guī)章'): part of the title run. */
const PINYIN_AT = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/y;
/** What follows a title in a list or a sentence (not a heading): '总体情况、主动公开…', '…情况等六个部分'. */
const LIST_NEXT = /[，,；;、。等和及与的]/;

/** Anchors are looked for inside lines at least this long (a table glued onto one line). */
const LONG_LINE = 200;
/** The anchor cells of the three tables as they appear glued into a line. */
const INLINE_ANCHOR =
  /第?二十[条條]第?[（(]?[一五六八九⼀⼋][）)]?[项項]?|[（(][^（()）]{0,12}勾稽[关關][系係][^（()）]{0,60}[）)]|申[请請]人情[况況]|行政[复復複][议議](?:行政[诉訴][讼訟])?/g;
/** An anchor in a sentence is no table: a full stop soon after it says so. */
const SENTENCE_AFTER = 40;

const TABLE_PART = new Map<TableKind, SectionKey>(SECTIONS.filter((s) => s.table).map((s) => [s.table!, s.key]));

function isIdeograph(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff);
}

/** A part heading found inside a line: the characters [start, end) and the part. */
interface InlineHeading {
  start: number;
  end: number;
  heading: SectionHeading;
}

/** Where the run of title characters (ideographs, '、', pinyin annotations) starting at `from` ends. */
function titleRunEnd(t: string, from: number): number {
  let i = from;
  while (i < t.length && i - from < TITLE_MAX) {
    const c = t.charCodeAt(i);
    if (isIdeograph(c) || c === 0x3001) {
      i++;
      continue;
    }
    PINYIN_AT.lastIndex = i;
    if ((c === 0x28 || c === 0xff08) && PINYIN_AT.test(t)) {
      i = PINYIN_AT.lastIndex;
      continue;
    }
    break;
  }
  return i;
}

/** Ends a title may have: after its first 情况/事项, else the whole run. */
function titleEnds(t: string, from: number, runEnd: number): number[] {
  TITLE_END.lastIndex = from;
  const m = TITLE_END.exec(t);
  return m && m.index + m[0].length < runEnd ? [m.index + m[0].length, runEnd] : [runEnd];
}

/** A one-line SourceText over a piece, to ask the line-based readers about it. */
function alone(src: SourceText, piece: SourceLine): SourceText {
  return { text: piece.text, index: src.index, lines: [piece], html: src.html };
}

/** What most lines hold of inline headings and anchors: shared, not a new empty array a line. */
const NONE: readonly never[] = [];

/** Every part heading by meaning inside a line, in order (the order rule is the caller's). */
function inlineHeadings(src: SourceText, l: SourceLine): readonly InlineHeading[] {
  const t = l.text;
  let out: InlineHeading[] | null = null;
  INLINE_NUMERAL.lastIndex = 0;
  for (let m = INLINE_NUMERAL.exec(t); m; m = INLINE_NUMERAL.exec(t)) {
    const start = m.index;
    if (start > 0 && NOT_BEFORE.test(t[start - 1])) continue;
    let from = start + m[0].length;
    while (from < t.length && from - start < m[0].length + 2 && /[\s\u3000]/.test(t[from])) from++;
    const runEnd = titleRunEnd(t, from);
    if (runEnd - from < 2) continue;
    const ends = titleEnds(t, from, runEnd);
    // A candidate that is the whole line is the whole line's business (readHeading), never a cut.
    if (ends.length === 1 && !t.slice(runEnd).trim() && DECORATION_ONLY.test(t.slice(0, start))) continue;
    for (const end of ends) {
      if (end < t.length && LIST_NEXT.test(t[end])) continue;
      const heading = readHeading(alone(src, linePiece(l, start, end)), 0);
      if (!heading) continue;
      (out ??= []).push({ start, end, heading });
      INLINE_NUMERAL.lastIndex = end;
      break;
    }
  }
  return out ?? NONE;
}

/** Table anchors glued inside a long line: [start, end) and the table. */
function inlineAnchors(l: SourceLine): readonly { start: number; end: number; kind: TableKind }[] {
  const t = l.text;
  if (t.length <= LONG_LINE) return NONE;
  const out: { start: number; end: number; kind: TableKind }[] = [];
  INLINE_ANCHOR.lastIndex = 0;
  for (let m = INLINE_ANCHOR.exec(t); m; m = INLINE_ANCHOR.exec(t)) {
    const start = m.index;
    const end = start + m[0].length;
    if (t.slice(end, end + SENTENCE_AFTER).includes('。')) continue;
    const kind = anchorKind(m[0]);
    if (kind) out.push({ start, end, kind });
  }
  return out;
}

/** Might this line be cut into pieces (whatever the lines around it)? The incremental reader asks. */
export function mayBreakInside(src: SourceText, l: SourceLine): boolean {
  return inlineAnchors(l).length > 0 || inlineHeadings(src, l).some((h) => h.start > 0 || h.end < l.text.length);
}

/** The source with every line that holds a part heading or table anchor inside it cut into pieces. */
export function splitAtParts(src: SourceText): SourceText {
  // Most texts have no such line: one cheap look at each line, then the ordered pass only if needed.
  if (!src.lines.some((l) => mayBreakInside(src, l))) return src;
  let out: SourceLine[] | null = null;
  let last = 0;
  let part: SectionKey | null = null;
  for (let i = 0; i < src.lines.length; i++) {
    const l = src.lines[i];
    const whole = readHeading(src, i);
    if (whole) {
      last = whole.ordinal;
      part = whole.key;
      out?.push(l);
      continue;
    }
    const cuts = new Set<number>();
    const parts: { at: number; end: number; key: SectionKey }[] = [];
    for (const h of inlineHeadings(src, l)) {
      const { heading } = h;
      const inOrder = heading.numeral?.value === last + 1 && heading.ordinal === last + 1;
      if (!inOrder && !isCanonicalTitle(SECTIONS[heading.ordinal - 1], labelKey(heading.title.text, false))) continue;
      cuts.add(h.start).add(h.end);
      parts.push({ at: h.start, end: h.end, key: heading.key });
      last = heading.ordinal;
    }
    for (const a of inlineAnchors(l)) {
      const here = parts.filter((p) => p.at <= a.start).pop()?.key ?? part;
      if (here !== TABLE_PART.get(a.kind)) continue;
      if (a.start > 0 && !cuts.has(a.start) && isIdeograph(l.text.charCodeAt(a.start - 1))) continue;
      if (parts.some((p) => p.at < a.end && a.start < p.end)) continue;
      cuts.add(a.start).add(a.end);
    }
    if (parts.length) part = parts[parts.length - 1].key;
    cuts.delete(0);
    cuts.delete(l.text.length);
    if (!cuts.size) {
      out?.push(l);
      continue;
    }
    out ??= src.lines.slice(0, i);
    let from = 0;
    for (const at of [...cuts].sort((a, b) => a - b)) {
      out.push(linePiece(l, from, at));
      from = at;
    }
    out.push(linePiece(l, from, l.text.length));
  }
  if (!out) return src;
  const lines = out;
  return new RelinedText(() => src.text, src.index, lines, src.html);
}
