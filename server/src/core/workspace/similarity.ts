import { fold } from '../text/normalize';

/**
 * How much of one text another repeats, robust to what changes from one year's report to the next:
 * both are folded (full-width, Traditional), every number — a year, a date's parts, a count, a
 * percentage, `二〇二三` before 年 — becomes one placeholder, and only letters and placeholders are
 * kept (no spacing, no punctuation). The measure is the share of this text's character 8-grams
 * (“shingles”, as a set) found among the other's: 1 when every run of eight characters recurs there.
 */
export const SHINGLE_LENGTH = 8;
/** Characters of a part compared at most (a report's part has a few thousand). */
export const COMPARED_CHARS = 100_000;

/** What `comparable` keeps of a line, as patterns (the definition; `keptOf` is the same in one pass, tested equal). */
export const NUMBER = /[0-9]+(?:[.,][0-9]+)*|[〇零一二三四五六七八九]{4}(?=年)/g;
export const NOT_KEPT = /[^\p{L}#]+/gu;

/** A text as the comparison sees it (`folded`: the lines are folded already). */
export function comparable(lines: Iterable<string>, folded = false): string {
  let out = '';
  for (const line of lines) {
    out += keptOf(folded ? line : fold(line));
    if (out.length >= COMPARED_CHARS) return out.slice(0, COMPARED_CHARS);
  }
  return out;
}

/**
 * `line.replace(NUMBER, '#').replace(NOT_KEPT, '')` in one pass, without a string per step: each number
 * one '#', and of the rest only letters (Unicode's, a character of a surrogate pair as one) and '#'.
 */
export function keptOf(line: string): string {
  let out = '';
  let run = 0;
  let i = 0;
  const cut = (to: number, add: string) => {
    out += line.slice(run, to) + add;
  };
  while (i < line.length) {
    const c = line.charCodeAt(i);
    const number = isDigit(c) ? numberEnd(line, i) : isNumeral(c) ? yearEnd(line, i) : -1;
    if (number > 0) {
      cut(i, '#');
      i = run = number;
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (c === 35 || isLetter(line, i, pair)) {
      i += pair;
      continue;
    }
    cut(i, '');
    i = run = i + pair;
  }
  return run === 0 ? line : out + line.slice(run);
}

const NUMERALS = '〇零一二三四五六七八九';
/** By code, not a one-character string made for each character of the prose: 1 for a numeral, per BMP unit. */
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const n of NUMERALS) NUMERAL_CODES[n.charCodeAt(0)] = 1;
const isNumeral = (c: number) => NUMERAL_CODES[c] === 1;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The end of `[0-9]+(?:[.,][0-9]+)*` from a digit at `i`. */
function numberEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  while (j + 1 < s.length && (s[j] === '.' || s[j] === ',') && isDigit(s.charCodeAt(j + 1))) {
    j += 2;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  }
  return j;
}

/** The end of four numerals before 年 from `i` (`二〇二三年` → the year), or -1. */
function yearEnd(s: string, i: number): number {
  if (i + 4 >= s.length || s.charCodeAt(i + 4) !== 0x5e74 /* 年 */) return -1;
  for (let j = i + 1; j < i + 4; j++) if (!isNumeral(s.charCodeAt(j))) return -1;
  return i + 4;
}

/** Whether the code point at `i` is a letter: ASCII and the CJK block at once, the rest by Unicode's property, remembered. */
function isLetter(s: string, i: number, length: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  if (length === 2) return LETTER.test(s.slice(i, i + 2));
  const known = letters[c];
  if (known) return known === 1;
  const is = LETTER.test(s[i]);
  letters[c] = is ? 1 : 2;
  return is;
}

const LETTER = /^\p{L}$/u;
/** Per BMP unit: 0 not yet asked, 1 a letter, 2 not. */
const letters = new Uint8Array(0x10000);

/** The text's shingles, each as a 32-bit hash (FNV-1a). */
export function shingles(text: string, k = SHINGLE_LENGTH): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + k <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    out.add(h >>> 0);
  }
  return out;
}

/**
 * `shingles(text)` as a typed array, ascending: the same hashes. A part's thousands of shingles are sorted
 * in a few microseconds, where a Set of them costs a hash-table entry each; the rules that compare whole
 * parts (copied-text, copied-across-bodies) take these, and `sharedShare` for `repeatedShare`.
 */
export function sortedShingles(text: string, k = SHINGLE_LENGTH): Uint32Array {
  const all = new Uint32Array(Math.max(0, text.length - k + 1));
  for (let i = 0; i < all.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    all[i] = h >>> 0;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** `repeatedShare` of two `sortedShingles`: the share of `mine` found in `theirs`, by one merge. */
export function sharedShare(mine: Uint32Array, theirs: Uint32Array): number {
  if (mine.length === 0) return 0;
  let found = 0;
  for (let i = 0, j = 0; i < mine.length && j < theirs.length; ) {
    if (mine[i] === theirs[j]) (found++, i++, j++);
    else if (mine[i] < theirs[j]) i++;
    else j++;
  }
  return found / mine.length;
}

/** The share of `mine` found in `theirs` (0 when `mine` is empty). */
export function repeatedShare(mine: ReadonlySet<number>, theirs: ReadonlySet<number>): number {
  if (mine.size === 0) return 0;
  let found = 0;
  for (const s of mine) if (theirs.has(s)) found++;
  return found / mine.size;
}
