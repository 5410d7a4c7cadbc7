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

const NUMBER = /[0-9]+(?:[.,][0-9]+)*|[〇零一二三四五六七八九]{4}(?=年)/g;
const NOT_KEPT = /[^\p{L}#]+/gu;

/** A text as the comparison sees it (`folded`: the lines are folded already). */
export function comparable(lines: Iterable<string>, folded = false): string {
  let out = '';
  for (const line of lines) {
    out += (folded ? line : fold(line)).replace(NUMBER, '#').replace(NOT_KEPT, '');
    if (out.length >= COMPARED_CHARS) return out.slice(0, COMPARED_CHARS);
  }
  return out;
}

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

/** The share of `mine` found in `theirs` (0 when `mine` is empty). */
export function repeatedShare(mine: ReadonlySet<number>, theirs: ReadonlySet<number>): number {
  if (mine.size === 0) return 0;
  let found = 0;
  for (const s of mine) if (theirs.has(s)) found++;
  return found / mine.size;
}
