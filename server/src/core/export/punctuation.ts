/**
 * Punctuation as official documents print it: ASCII , ; : ? ! next to Chinese text, and brackets that
 * enclose or touch Chinese text, become full-width （，；：？！（））. Between digits or Latin letters
 * they stay (1,234; 10:30; (a) in English).
 */
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》]/;

export function officialPunctuation(text: string): string {
  const chars = [...text];
  const full = new Set<number>();
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(') open.push(i);
    else if (c === ')') {
      const start = open.pop();
      if (start === undefined) {
        if (CJK.test(neighbour(chars, i, -1)) || CJK.test(neighbour(chars, i, 1))) full.add(i);
        return;
      }
      const inside = chars.slice(start + 1, i).join('');
      if (CJK.test(inside) || CJK.test(neighbour(chars, start, -1)) || CJK.test(neighbour(chars, i, 1))) full.add(start).add(i);
    } else if (FULL[c] && (CJK.test(neighbour(chars, i, -1)) || CJK.test(neighbour(chars, i, 1)))) full.add(i);
  });
  for (const i of open) if (CJK.test(neighbour(chars, i, 1)) || CJK.test(neighbour(chars, i, -1))) full.add(i);
  return chars.map((c, i) => (full.has(i) ? FULL[c] : c)).join('');
}

function neighbour(chars: string[], i: number, step: 1 | -1): string {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) if (chars[j] !== ' ') return chars[j];
  return '';
}
