import { ownCopy } from './ownCopy';
import { t2sEntries, toSimplifiedChinese } from './simplified';

/**
 * Normalisation for matching labels and headings: NFKC folds full-width digits,
 * letters, brackets and punctuation to ASCII; OpenCC converts Traditional to
 * Simplified Chinese. Values are never compared after this, only labels.
 */
let units: DictionaryUnits | null = null;
/** Built on first use: a thread that never folds a label never holds the dictionaries. */
function toSimplifiedScript(s: string): string {
  units ??= dictionaryUnits();
  return mayConvert(s, units.converting) ? toSimplifiedChinese(s) : s;
}

/** What the t → cn dictionaries say of each UTF-16 unit, read from them once. */
interface DictionaryUnits {
  /** `convertingUnits`. */
  converting: Uint8Array;
}

/** Made once a thread, at load (headings.ts folds its titles): 17–20 ms with an array an entry, 9–10 ms so (the built CLI). */
function dictionaryUnits(): DictionaryUnits {
  return { converting: convertingUnits(t2sEntries()) };
}

/**
 * The UTF-16 units without which OpenCC's t → cn (its 't2s' dictionaries, which `Converter` uses) leaves
 * a text as it is: every unit of each character that converts, and for each phrase that converts
 * although none of its characters does ('反覆' → '反复', '一坏' → '一坯'), the units of one of them. A
 * text that holds none of them matches no entry that changes it, so most Simplified text skips the
 * conversion (its cost is a dictionary look-up per character). `all`: from, to, from, to…
 */
function convertingUnits(all: readonly string[]): Uint8Array {
  /** Characters that convert alone, by code point. */
  const chars = new Set<number>();
  for (let e = 0; e < all.length; e += 2) if (all[e] !== all[e + 1] && isOneCharacter(all[e])) chars.add(all[e].codePointAt(0)!);
  const phrases: number[][] = [];
  for (let e = 0; e < all.length; e += 2) {
    if (all[e] === all[e + 1]) continue;
    const points = codePoints(all[e]);
    if (!points.some((c) => chars.has(c))) phrases.push(points);
  }
  // One character a phrase: the one most such phrases share (坏, 覆, 沈, 藉), so that few are marked.
  const shared = new Map<number, number>();
  for (const points of phrases) for (const c of new Set(points)) shared.set(c, (shared.get(c) ?? 0) + 1);
  for (const points of phrases) chars.add(points.reduce((a, b) => (shared.get(b)! > shared.get(a)! ? b : a)));
  const out = new Uint8Array(0x10000);
  for (const c of chars) {
    if (c < 0x10000) out[c] = 1;
    else (out[0xd800 + ((c - 0x10000) >> 10)] = 1), (out[0xdc00 + ((c - 0x10000) & 0x3ff)] = 1);
  }
  return out;
}

function isOneCharacter(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length === 1 || (s.length === 2 && c >= 0xd800 && c <= 0xdbff && s.charCodeAt(1) >= 0xdc00 && s.charCodeAt(1) <= 0xdfff);
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

function mayConvert(s: string, units: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) if (units[s.charCodeAt(i)]) return true;
  return false;
}

/** Traditional → Simplified Chinese (OpenCC t → cn), nothing else: no NFKC, no cache. */
export function toSimplified(s: string): string {
  return isAscii(s) ? s : toSimplifiedScript(s);
}

/**
 * A cache of folded labels, bounded in characters, not entries: labels are short and repeat across
 * reports, a long line (typed into, keystroke after keystroke) is neither and is never kept. What it
 * keeps is its own (`ownCopy`), so the bound is what it holds.
 */
class LabelCache {
  private readonly map = new Map<string, string>();
  private chars = 0;
  constructor(private readonly maxKey: number, private readonly budget: number) {}
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  set(key: string, value: string): void {
    if (key.length > this.maxKey) return;
    if (this.chars + key.length + value.length > this.budget) {
      this.map.clear();
      this.chars = 0;
    }
    // Own copies: a key cut from a paragraph (a long text is keyed by its start) would keep the paragraph.
    const kept = ownCopy(key);
    this.map.set(kept, value === key ? kept : ownCopy(value));
    this.chars += key.length + value.length;
  }
  get size(): number {
    return this.chars;
  }
}

/** No label is longer than this: longer text is computed every time. */
const MAX_CACHED = 200;
/** About 2 MB of strings for each cache. */
const CACHE_CHARS = 1 << 20;

const cache = new LabelCache(MAX_CACHED, CACHE_CHARS);

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * CJK Radicals Supplement look-alikes that PDF extraction puts for common characters (⻓ for 长),
 * which NFKC leaves alone, as pairs: radical, ideograph (Unicode's EquivalentUnifiedIdeograph.txt,
 * U+2E81–U+2EF3, the entries whose ideograph is in the BMP, so that lengths do not change).
 * Kangxi radicals (⼀ U+2F00 for 一) are folded by NFKC itself.
 */
const RADICAL_PAIRS =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母' +
  '⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫目⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺶羊⺹耂⺺肀⺻聿⺼肉⺾艹⺿艹⻀艹' +
  '⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食' +
  '⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';
const RADICAL_BASE = 0x2e80;
const RADICALS: string[] = [];
for (let i = 0; i < RADICAL_PAIRS.length; i += 2) RADICALS[RADICAL_PAIRS.charCodeAt(i) - RADICAL_BASE] = RADICAL_PAIRS[i + 1];

export function foldRadicals(s: string): string {
  let out: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < RADICAL_BASE || c > 0x2eff) continue;
    const r = RADICALS[c - RADICAL_BASE];
    if (r) out = (out ?? s).slice(0, i) + r + (out ?? s).slice(i + 1);
  }
  return out ?? s;
}

/** A pinyin annotation from mirror sites ('規(guī)章'): one syllable with a tone mark, in parentheses (after NFKC). */
const PINYIN = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g;

/** NFKC + radical look-alikes + pinyin annotations dropped + Traditional→Simplified, cached (labels repeat across reports). */
export function fold(s: string): string {
  if (isAscii(s) || foldsToItself(s)) return s;
  const byUnits = foldedByUnits(s);
  if (byUnits !== null) return byUnits;
  let v = cache.get(s);
  if (v === undefined) {
    v = foldFully(s);
    cache.set(s, v);
  }
  return v;
}

/** What `fold` gives, computed: no cache, no shortcut (the definition; tests hold `fold` to it). */
export function foldFully(s: string): string {
  let t = foldRadicals(s).normalize('NFKC').replace(/\u2212/g, '-');
  if (t.includes('(')) t = t.replace(PINYIN, '');
  return toSimplifiedScript(t);
}

/**
 * Whether every unit of a text is one that `fold` leaves as it is in any text of such units: most of a
 * Simplified report's prose, new text that no cache has seen, is folded by one look-up a character.
 */
export function foldsToItself(s: string): boolean {
  const stable = (stableUnits ??= unitsFoldingToThemselves());
  for (let i = 0; i < s.length; i++) if (stable[s.charCodeAt(i)] === 0) return false;
  return true;
}

let stableUnits: Uint8Array | null = null;

/**
 * `fold` of a text each of whose units folds to one unit whatever stands beside it: those that fold to
 * themselves, '(' and the full-width forms of ASCII and the ideographic space (NFKC: '，' → ','). Most
 * lines of Simplified prose are such texts, and are folded by one look-up a unit, not by NFKC and the
 * Simplified conversion. Null for any other text.
 */
function foldedByUnits(s: string): string | null {
  const to = (unitFolds ??= foldingUnits());
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = to[c];
    if (d === 0) return null;
    if (d === c) continue;
    out += s.slice(run, i) + String.fromCharCode(d);
    run = i + 1;
  }
  if (run > 0) out += s.slice(run);
  else out = s;
  // As foldFully: a pinyin annotation, in parentheses once they are ASCII, is dropped.
  return out.includes('(') ? out.replace(PINYIN, '') : out;
}

let unitFolds: Uint16Array | null = null;

/**
 * Per BMP unit, the unit it folds to in any text of such units, or 0. A full-width form is taken when
 * NFKC makes it one unit that folds to itself (not '￣', which it makes a space and a combining mark):
 * NFKC decomposes each unit alone, and the units that fold to themselves compose with none (see
 * `STABLE_CANDIDATES`). '(' folds to itself but starts a pinyin annotation, which `foldedByUnits` drops;
 * it is no unit the Simplified conversion starts from.
 */
function foldingUnits(): Uint16Array {
  const stable = (stableUnits ??= unitsFoldingToThemselves());
  const out = new Uint16Array(0x10000);
  for (let c = 1; c < 0x10000; c++) if (stable[c]) out[c] = c;
  if (!(units ??= dictionaryUnits()).converting[0x28]) out[0x28] = 0x28;
  for (let c = 0xff01; c <= 0xff5e; c++) widthFolded(out, c, stable);
  widthFolded(out, 0x3000, stable);
  return out;
}

function widthFolded(out: Uint16Array, c: number, stable: Uint8Array): void {
  const n = String.fromCharCode(c).normalize('NFKC');
  const d = n.charCodeAt(0);
  if (n.length === 1 && (stable[d] || out[d] === d)) out[c] = d;
}

/**
 * The ranges looked at: printable ASCII, Latin-1's letters and signs, general punctuation, CJK symbols and
 * punctuation (not the tone marks U+302A–U+302F, which combine), and the CJK Unified Ideographs and their
 * extension A. None of these combines with the unit before or after it under NFKC, so a text of units
 * each of which NFKC keeps is kept whole.
 */
const STABLE_CANDIDATES: readonly [number, number][] = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x3001, 0x3029], [0x3030, 0x303f], [0x3400, 0x4dbf], [0x4e00, 0x9fff]];

/**
 * Per BMP unit, 1 where a text of such units folds to itself: NFKC keeps it, it is no radical look-alike
 * and no minus sign, no '(' (a pinyin annotation), and no unit the Simplified conversion starts from.
 */
function unitsFoldingToThemselves(): Uint8Array {
  units ??= dictionaryUnits();
  const out = new Uint8Array(0x10000);
  for (const [from, to] of STABLE_CANDIDATES) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const kept = (c >= 0x3400 && c <= 0x9fff) || ch.normalize('NFKC') === ch;
      if (kept && c !== 0x28 && c !== 0x2212 && !(c >= RADICAL_BASE && c <= 0x2eff) && !units.converting[c]) out[c] = 1;
    }
  }
  return out;
}

/**
 * Folds what may be written for a number's characters and nothing else: full-width digits, signs and
 * separators (０-９ ＋ － ， ．) and the minus sign U+2212 become ASCII. Unlike `fold` (NFKC), superscripts,
 * circled numbers, mathematical digits and other scripts' digits stay as written: they are no digits.
 */
export function foldDigits(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ascii = (c >= 0xff10 && c <= 0xff19) || c === 0xff0b || c === 0xff0c || c === 0xff0d || c === 0xff0e ? c - 0xfee0 : c === 0x2212 ? 45 : -1;
    if (ascii < 0) continue;
    out += s.slice(from, i) + String.fromCharCode(ascii);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** True when folding changed the script (the text is Traditional Chinese). */
export function isTraditional(s: string): boolean {
  if (isAscii(s)) return false;
  const nfkc = s.normalize('NFKC');
  return fold(s) !== nfkc;
}

const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、,)](?!\d)|第[一二三四五六七八九十]{1,3}部分)/;
const PUNCT = /[\s\p{P}\p{S}\u00a0\u3000]/gu;

const keyCache = new LabelCache(MAX_CACHED, CACHE_CHARS);
/** Keys with their numbering kept (a heading's title): a cache of their own, not a prefixed key built per look-up. */
const titleKeyCache = new LabelCache(MAX_CACHED, CACHE_CHARS);

/** Characters held by the label caches (for tests: they stay bounded whatever is typed). */
export function cachedChars(): number {
  return cache.size + keyCache.size + titleKeyCache.size;
}

/**
 * No label or heading is near this long: a longer text (a paragraph, a line of a million characters)
 * is keyed by its start, which is all that a label's pattern looks at, at a bounded cost.
 */
const MAX_LABEL_TEXT = 1000;

/** Strip whitespace, a leading list numbering ('一、', '(三)', '1.') and punctuation. Cached: labels repeat. */
export function labelKey(text: string, stripNumbering = true): string {
  const s = text.length > MAX_LABEL_TEXT ? text.slice(0, MAX_LABEL_TEXT) : text;
  const keys = stripNumbering ? keyCache : titleKeyCache;
  let v = keys.get(s);
  if (v === undefined) {
    v = computeLabelKey(s, stripNumbering);
    keys.set(s, v);
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
  const a = contentStart(s, from, to);
  return [a, contentEnd(s, a, to)];
}

/** Where `contentBounds` of [from, to) starts, without an array made (a table's every cell asks). */
export function contentStart(s: string, from: number, to: number): number {
  let a = from;
  while (a < to && isTrimmable(s.charCodeAt(a))) a++;
  return a;
}

/** Where `contentBounds` of [from, to) ends, given where it starts. */
export function contentEnd(s: string, start: number, to: number): number {
  let b = to;
  while (b > start && isTrimmable(s.charCodeAt(b - 1))) b--;
  return b;
}

function isTrimmable(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b ||
    c === 42 /* * */ || c === 96 /* ` */ || (c >= 0x2000 && c <= 0x200a)
  );
}
