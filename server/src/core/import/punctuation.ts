/**
 * Full-width punctuation as official documents write it, where ASCII marks stand in Chinese text:
 * `(一)` → `（一）`, `情况:` → `情况：`. A mark between digits (`1,234`, `10:30`) or in Latin text
 * is left alone, so that no number changes.
 */
export function fullWidthPunctuation(s: string): string {
  if (!/[(),:;?!]/.test(s)) return s;
  const out = [...s];
  const open: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '(') open.push(i);
    else if (c === ')') {
      const at = open.pop();
      if (at !== undefined && (chinese(out, at - 1, -1) || chinese(out, i + 1, 1) || hasChinese(out, at, i))) {
        out[at] = '（';
        out[i] = '）';
      }
    } else if (c in MARKS && !(digit(out[i - 1]) && digit(out[i + 1])) && (chinese(out, i - 1, -1) || (c !== ',' && chinese(out, i + 1, 1)))) {
      out[i] = MARKS[c];
    }
  }
  return out.join('');
}

const MARKS: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

/** Is the nearest character from `i` in direction `step` (spaces skipped) Chinese or full-width punctuation? */
function chinese(chars: string[], i: number, step: 1 | -1): boolean {
  while (i >= 0 && i < chars.length && chars[i] === ' ') i += step;
  return i >= 0 && i < chars.length && CJK.test(chars[i]);
}

function hasChinese(chars: string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (CJK.test(chars[i])) return true;
  return false;
}

function digit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\u2e80-\u2fdf\u201c\u201d\u2018\u2019]|[\ud840-\ud87f]/;
