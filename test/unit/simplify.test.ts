import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter, Locale } from 'opencc-js/t2cn';
import { Converter as ConverterTo } from 'opencc-js/cn2t';
import { fold, foldFully, foldsToItself, toSimplified } from '../../server/src/core/text/normalize';
import { toSimplifiedChinese } from '../../server/src/core/text/simplified';

// toSimplified skips OpenCC for a text that holds none of the characters its dictionaries change:
// what it gives must be what OpenCC gives, for every entry of those dictionaries and every real line.
const opencc = Converter({ from: 't', to: 'cn' });
type Dict = string | readonly (readonly string[])[];
const t2s = (Locale.configs as unknown as Record<string, { normalizationChain?: Dict[][]; conversionChain: Dict[][] }>).t2s;
const keys = [...(t2s.normalizationChain ?? []), ...t2s.conversionChain].flat().flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')[0]) : d.map((e) => e[0])));

test('toSimplified agrees with OpenCC on every dictionary entry, alone and within Simplified text', () => {
  assert.ok(keys.length > 4000, `the t2s dictionaries are read (${keys.length} entries)`);
  for (const k of keys) {
    assert.equal(toSimplified(k), opencc(k), k);
    const within = `本机关${k}依法公开`;
    assert.equal(toSimplified(within), opencc(within), within);
  }
});

test('the converter (simplified.ts) agrees with OpenCC on whole reports: every seed and corpus file, and each converted to Traditional', () => {
  const root = join(__dirname, '..', '..');
  const toTraditional = ConverterTo({ from: 'cn', to: 't' });
  let changed = 0;
  for (const dir of [join(root, 'examples'), join(root, 'test', 'fixtures', 'corpus')]) {
    for (const name of readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const t of [text, toTraditional(text)]) {
        const ours = toSimplifiedChinese(t);
        assert.equal(ours, opencc(t), name);
        if (ours !== t) changed++;
      }
    }
  }
  assert.ok(changed > 40, `${changed} texts converted`);
});

test('toSimplified agrees with OpenCC on every line of the seeds and the corpus, and leaves Simplified lines alone', () => {
  const root = join(__dirname, '..', '..');
  const dirs = [join(root, 'examples'), join(root, 'test', 'fixtures', 'corpus')];
  let unchanged = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        const ours = toSimplified(line);
        assert.equal(ours, opencc(line), `${name}: ${line.slice(0, 40)}`);
        if (ours === line) unchanged++;
      }
    }
  }
  assert.ok(unchanged > 1000);
});

test('toSimplified and its converter (simplified.ts) convert long generated texts as OpenCC does', () => {
  // Keys, their pieces, Simplified text, punctuation, ASCII, ideographic description characters, astral
  // characters and lone surrogates, glued at random into texts long enough to be cut.
  const keyed = [...keys, ...keys.map((k) => k.slice(0, 1)), ...keys.map((k) => k.slice(-1)), '臺灣', '著作', '乾隆'];
  const other = ['本机关', '依法', '公开', '，', '。', '（', '）', ' ', 'a1', '2023', '\u2ff0', '\u2ff1木木', '\u2ff0，', '\u2ff1', '\u2ff0a', '\u2ff2 ', '𠀾', '𫐄', '\ud840', '\udc00'];
  const inKeys = new Set(keys.join(''));
  let seed = 7;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) % n;
  };
  let cut = 0;
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const pieces = 4 + next(40);
    for (let i = 0; i < pieces; i++) text += next(2) ? keyed[next(keyed.length)] : other[next(other.length)];
    assert.equal(toSimplified(text), opencc(text), JSON.stringify(text));
    assert.equal(toSimplifiedChinese(text), opencc(text), JSON.stringify(text));
    if (text.length >= 24 && [...text].some((c) => !inKeys.has(c)) && text !== opencc(text)) cut++;
  }
  assert.ok(cut > 500, `${cut} texts long enough to be cut, with characters in no key, that convert`);
});

test('fold leaves a text of units that fold to themselves as it is, and folds every other text as its definition does', () => {
  const stable: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (foldsToItself(String.fromCharCode(c))) stable.push(c);
  assert.ok(stable.length > 20000, `most CJK ideographs and punctuation are kept (${stable.length})`);
  for (const c of stable) {
    const ch = String.fromCharCode(c);
    assert.equal(foldFully(ch), ch, `U+${c.toString(16)}`);
  }
  // Texts of such units only, and texts mixing them with what folding changes or combines: full-width forms,
  // combining marks after letters, radicals, the minus sign, pinyin, Traditional characters, phrases that convert.
  const others = ['（', '１', '\u3000', 'e\u0301', '\u0301', '\u302a', 'ﬁ', '⻓', '⼀', '\u2212', '(guī)', '規(guī)章', '體', '覆', '反覆', '乾', '\ud800', '\u{20000}', '…', '㈠', '⑴',
    '（guī）', '（gú）', '(gú)', 'Ａ\u0301', '￣', 'ｶﾞ', '⦅', '，', '：', '）', 'Ｚ'];
  let r = 5;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  const unit = () => String.fromCharCode(stable[next() % stable.length]);
  for (let i = 0; i < 4000; i++) {
    const pure = Array.from({ length: next() % 30 }, unit).join('');
    assert.equal(foldFully(pure), pure, JSON.stringify(pure));
    assert.equal(fold(pure), pure);
    const mixed = Array.from({ length: next() % 30 }, () => (next() % 4 === 0 ? others[next() % others.length] : unit())).join('');
    assert.equal(fold(mixed), foldFully(mixed), JSON.stringify(mixed));
  }
});

test('fold of texts of full-width forms, the ideographic space, parentheses and units that fold to themselves (most lines of prose) is its definition’s', () => {
  const stable: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (foldsToItself(String.fromCharCode(c))) stable.push(String.fromCharCode(c));
  const widths = Array.from({ length: 0xff5f - 0xff01 }, (_, i) => String.fromCharCode(0xff01 + i));
  // Pinyin in full-width parentheses or in ASCII ones, with tone marks of Latin-1 (kept alone) and beyond it.
  const pieces = [...widths, '\u3000', '(', ')', '（gú）', '(gú)', '（guī）', '（ｇú）', 'ｇú', '(', 'á', 'ü', '（）'];
  let r = 11;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  let changed = 0;
  for (let i = 0; i < 6000; i++) {
    const text = Array.from({ length: 1 + (next() % 40) }, () => (next() % 3 === 0 ? pieces[next() % pieces.length] : stable[next() % stable.length])).join('');
    const folded = fold(text);
    assert.equal(folded, foldFully(text), JSON.stringify(text));
    if (folded !== text) changed++;
  }
  assert.ok(changed > 4000, `${changed} texts folded to another`);
  // A real line of prose, full-width punctuation and all.
  const line = '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布本机关２０２３年度报告：';
  assert.equal(fold(line), foldFully(line));
  assert.equal(fold(line), '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,现公布本机关2023年度报告:');
});
