import type { OffsetEdit } from '../rules/types';
import { toSimplified } from '../text/normalize';

const LINE = /[^\r\n]*(\r\n|\r|\n|$)/g;

/**
 * The edits that convert a Traditional Chinese text to Simplified, line by line. Only the characters
 * the conversion changes are edited (one edit per run of them), so numbers, separators, markup and the
 * tables' positions stay as written; a line whose length the conversion changes (a rare phrase) is one
 * edit between its unchanged start and end.
 */
export function simplifyEdits(text: string): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m && m[0].length; m = LINE.exec(text)) {
    const line = m[0].slice(0, m[0].length - m[1].length);
    const simple = toSimplified(line);
    if (simple !== line) out.push(...lineEdits(line, simple, m.index));
  }
  return out;
}

function lineEdits(from: string, to: string, offset: number): OffsetEdit[] {
  if (from.length !== to.length) {
    let a = 0;
    while (a < from.length && a < to.length && from[a] === to[a]) a++;
    let b = 0;
    while (b < from.length - a && b < to.length - a && from[from.length - 1 - b] === to[to.length - 1 - b]) b++;
    return [{ start: offset + a, end: offset + from.length - b, newText: to.slice(a, to.length - b) }];
  }
  const out: OffsetEdit[] = [];
  for (let i = 0; i < from.length; i++) {
    if (from[i] === to[i]) continue;
    let j = i + 1;
    while (j < from.length && from[j] !== to[j]) j++;
    out.push({ start: offset + i, end: offset + j, newText: to.slice(i, j) });
    i = j;
  }
  return out;
}
