import { Converter } from 'opencc-js/t2cn';

/**
 * Normalisation for matching labels and headings: NFKC folds full-width digits,
 * letters, brackets and punctuation to ASCII; OpenCC converts Traditional to
 * Simplified Chinese. Values are never compared after this, only labels.
 */
const toSimplifiedScript = Converter({ from: 't', to: 'cn' });

const cache = new Map<string, string>();
const CACHE_LIMIT = 20000;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** NFKC + Traditional→Simplified, cached (labels repeat across reports). */
export function fold(s: string): string {
  if (isAscii(s)) return s;
  let v = cache.get(s);
  if (v === undefined) {
    v = toSimplifiedScript(s.normalize('NFKC').replace(/\u2212/g, '-'));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, v);
  }
  return v;
}

/** True when folding changed the script (the text is Traditional Chinese). */
export function isTraditional(s: string): boolean {
  if (isAscii(s)) return false;
  const nfkc = s.normalize('NFKC');
  return fold(s) !== nfkc;
}

const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、,)](?!\d)|第[一二三四五六七八九十]{1,3}部分)/;
const PUNCT = /[\s\p{P}\p{S}\u00a0\u3000]/gu;

const keyCache = new Map<string, string>();

/** Strip whitespace, a leading list numbering ('一、', '(三)', '1.') and punctuation. Cached: labels repeat. */
export function labelKey(s: string, stripNumbering = true): string {
  const cacheKey = stripNumbering ? s : `\u0000${s}`;
  let v = keyCache.get(cacheKey);
  if (v === undefined) {
    v = computeLabelKey(s, stripNumbering);
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
    keyCache.set(cacheKey, v);
  }
  return v;
}

function computeLabelKey(s: string, stripNumbering: boolean): string {
  let t = fold(s).replace(/\s+/g, '');
  for (let i = 0; stripNumbering && i < 2; i++) {
    const m = NUMBERING.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  return t.replace(PUNCT, '');
}

/** Visible content bounds of a cell: trims white space and Markdown emphasis marks. */
export function contentBounds(s: string, from = 0, to = s.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isTrimmable(s.charCodeAt(a))) a++;
  while (b > a && isTrimmable(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

function isTrimmable(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b ||
    c === 42 /* * */ || c === 96 /* ` */ || (c >= 0x2000 && c <= 0x200a)
  );
}
