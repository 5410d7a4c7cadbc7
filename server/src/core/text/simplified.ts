import { Converter, Locale } from 'opencc-js/t2cn';

/**
 * OpenCC's conversion from Traditional to Simplified Chinese (opencc-js's `Converter({ from: 't', to: 'cn' })`),
 * read from the same dictionaries and applied as OpenCC applies them: group after group, at each place the
 * longest key of the group that starts there (a phrase before a character), else the character as it is.
 * OpenCC walks a trie of `Map`s for every character and joins an array of pieces; here a character that
 * starts no phrase (all but a few hundred) is one table look-up, and a text is cut only where it changes.
 * A Traditional report's prose is folded this way, line after line (simplify.test.ts holds it to OpenCC).
 */
export function toSimplifiedChinese(s: string): string {
  const groups = (dictionaryGroups ??= readGroups());
  if (!groups) return (openccConverter ??= openccT2cn())(s);
  // OpenCC passes over an ideographic description sequence ('⿰木木') as one: such a text is converted by it.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x2ff0 && c <= 0x2fff) return (openccConverter ??= openccT2cn())(s);
  }
  for (const g of groups) s = convertGroup(g, s);
  return s;
}

/** One group of dictionaries, as OpenCC's trie of it answers. */
interface Group {
  /** Per BMP unit: 1 when a key of two characters or more starts with it (a phrase, or a character's high surrogate). */
  startsPhrase: Uint8Array;
  /** The phrases by their first character's code point, longest first, each with its value. */
  phrases: Map<number, [string, string][]>;
  /** Per BMP unit: the unit a one-character key gives when its value is one BMP unit (0: none). */
  unitValue: Uint16Array;
  /** Every other one-character key's value, by code point (an astral key or value). */
  otherValue: Map<number, string>;
}

let dictionaryGroups: Group[] | null | undefined;
let openccConverter: ((s: string) => string) | null = null;

type DictLike = string | readonly (readonly [string, string])[];
type Config = { normalizationChain?: DictLike[][]; conversionChain: DictLike[][]; segmentation?: unknown };

/** OpenCC's t → cn configuration: its 't2s' groups of dictionaries, normalisation first. */
const t2s = () => (Locale.configs as unknown as Record<string, Config>).t2s;
const t2sGroups = () => [...(t2s().normalizationChain ?? []), ...t2s().conversionChain];

/** The t → cn groups, or null when OpenCC would first segment the text (then it converts it itself). */
function readGroups(): Group[] | null {
  return t2s().segmentation ? null : t2sGroups().map(readGroup);
}

/**
 * Every entry of the t → cn dictionaries, in their order, as one list: key, value (the first candidate), key,
 * value… (normalize.ts reads which characters may convert from it).
 */
export function t2sEntries(): string[] {
  const out: string[] = [];
  for (const d of t2sGroups().flat()) eachEntry(d, (key, value) => out.push(key, value));
  return out;
}

/**
 * A group's keys as OpenCC's `loadDictGroup` files them: its dictionaries from the last to the first, each
 * entry after the one before, so that on a key written twice the first dictionary's, and in one dictionary
 * the last entry's, value stands.
 */
function readGroup(dicts: readonly DictLike[]): Group {
  const values = new Map<string, string>();
  for (const d of [...dicts].reverse()) eachEntry(d, (key, value) => values.set(key, value));
  const group: Group = { startsPhrase: new Uint8Array(0x10000), phrases: new Map(), unitValue: new Uint16Array(0x10000), otherValue: new Map() };
  for (const [key, value] of values) {
    const first = key.codePointAt(0)!;
    const width = first > 0xffff ? 2 : 1;
    if (key.length > width) {
      group.startsPhrase[key.charCodeAt(0)] = 1;
      const list = group.phrases.get(first) ?? group.phrases.set(first, []).get(first)!;
      list.push([key, value]);
    } else if (width === 1 && value.length === 1 && value.charCodeAt(0) !== 0) {
      group.unitValue[first] = value.charCodeAt(0);
    } else {
      group.otherValue.set(first, value);
      // An astral key is found by its high surrogate first.
      if (width === 2) group.startsPhrase[key.charCodeAt(0)] = 1;
    }
  }
  for (const list of group.phrases.values()) list.sort((a, b) => b[0].length - a[0].length);
  return group;
}

/** Each entry of a dictionary: 'key value|key value|…' (read in place, not split into an array an entry), or pairs. */
function eachEntry(d: DictLike, visit: (key: string, value: string) => void): void {
  if (typeof d !== 'string') {
    for (const [key, value] of d) visit(key, value);
    return;
  }
  for (let at = 0; at < d.length;) {
    let end = d.indexOf('|', at);
    if (end < 0) end = d.length;
    const space = d.indexOf(' ', at);
    if (space > at && space < end) {
      const next = d.indexOf(' ', space + 1);
      visit(d.slice(at, space), d.slice(space + 1, next < 0 || next > end ? end : next));
    }
    at = end + 1;
  }
}

/** One group applied to a text: at each place its longest key there, else one character (a surrogate pair as one). */
function convertGroup(g: Group, s: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (!g.startsPhrase[c]) {
      // A BMP unit that starts no longer key: its one-character key's value, if any (no string made for one
      // that stays as it is).
      const unit = g.unitValue[c];
      const value = unit === 0 ? g.otherValue.get(c) : unit === c ? undefined : String.fromCharCode(unit);
      if (value !== undefined && value !== s[i]) {
        out += s.slice(run, i) + value;
        run = i + 1;
      }
      i++;
      continue;
    }
    const point = s.codePointAt(i)!;
    let width = point > 0xffff ? 2 : 1;
    let value = width === 1 && g.unitValue[c] !== 0 ? String.fromCharCode(g.unitValue[c]) : g.otherValue.get(point);
    for (const [key, v] of g.phrases.get(point) ?? []) {
      if (s.startsWith(key, i)) {
        width = key.length;
        value = v;
        break;
      }
    }
    if (value !== undefined && (value.length !== width || !s.startsWith(value, i))) {
      out += s.slice(run, i) + value;
      run = i + width;
    }
    i += width;
  }
  return run === 0 ? s : out + s.slice(run);
}

function openccT2cn(): (s: string) => string {
  return Converter({ from: 't', to: 'cn' });
}
