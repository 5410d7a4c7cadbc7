import type { ProseLine, Report } from '../model';
import { foldDigits } from '../text/normalize';
import { comparable } from './similarity';
import { Slot } from '../text/slot';

/** A year written in a sentence: `2022` or `二〇二二` before 年, by its place in the prose line. */
export interface WrittenYear {
  value: number;
  /** Offsets in the prose line's text. */
  start: number;
  end: number;
  /** As written, for a fix in the same script. */
  chinese: boolean;
}

/** A sentence of the prose: its comparison key (similarity.ts, years and numbers folded) and the years it writes. */
export interface ProseSentence {
  key: string;
  line: ProseLine;
  years: WrittenYear[];
  /** Offsets of the sentence in the line's text. */
  start: number;
  end: number;
}

/** A sentence is compared when its key has at least this many characters (a heading-like fragment is not a sentence). */
export const MIN_SENTENCE_KEY = 10;

const SENTENCE = /[^。；;！!？?]+[。；;！!？?]?/g;
const YEAR = /(?<![0-9０-９〇零一二三四五六七八九])([0-9０-９]{4}|[〇零一二三四五六七八九]{4})(?=\s*年)/g;
const CHINESE_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A year as the same script writes it (`2024`, or `二〇二四` where the report wrote `二〇二三`). */
export function writeYear(value: number, chinese: boolean): string {
  return chinese ? [...String(value)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('') : String(value);
}

function yearsIn(text: string): WrittenYear[] {
  const out: WrittenYear[] = [];
  for (const m of text.matchAll(YEAR)) {
    const chinese = m[1].charCodeAt(0) > 0xff;
    const digits = chinese && !/[０-９]/.test(m[1]) ? [...m[1]].map((c) => CHINESE_DIGIT[c]).join('') : foldDigits(m[1]);
    out.push({ value: Number(digits), start: m.index!, end: m.index! + m[1].length, chinese: chinese && !/[０-９]/.test(m[1]) });
  }
  return out;
}

/** The sentences of a report's prose that write a year, with their keys. */
export function sentencesWithYears(report: Report): ProseSentence[] {
  const out: ProseSentence[] = [];
  for (const line of report.proseIn(0, Infinity, (t) => /年/.test(t))) {
    for (const m of line.text.matchAll(SENTENCE)) {
      const years = yearsIn(m[0]);
      if (!years.length) continue;
      const key = comparable([m[0]]);
      if (key.replace(/#/g, '').length < MIN_SENTENCE_KEY) continue;
      const start = m.index!;
      out.push({ key, line, years: years.map((y) => ({ ...y, start: y.start + start, end: y.end + start })), start, end: start + m[0].length });
    }
  }
  return out;
}

const byKeyCache = new Slot<Report, Map<string, ProseSentence[]>>('sentencesByKey');

/** A report's sentences that write a year, by key: made once per model (last year's report is asked on every check). */
export function sentencesByKey(report: Report): Map<string, ProseSentence[]> {
  let map = byKeyCache.get(report);
  if (!map) {
    map = new Map();
    for (const s of sentencesWithYears(report)) (map.get(s.key) ?? map.set(s.key, []).get(s.key)!).push(s);
    byKeyCache.set(report, map);
  }
  return map;
}
