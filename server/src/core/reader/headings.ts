import type { SectionHeading } from '../model';
import { SECTIONS, numeralValue } from '../formats/sections';
import type { SectionDef } from '../formats/types';
import { fold, labelKey } from '../text/normalize';
import { spanRange, type SourceText } from '../text/source';

/** Decoration before a heading (Markdown '#', bold '**', quote '>', a BOM), its numeral and separator. */
const HEAD = /^([\s#*>\uFEFF\u3000]*)(第?)([一二三四五六七八九十⼀⼆⼋⼗]{1,3}|[0-9\uff10-\uff19]{1,2})((?:[\s\u3000]*[、.,．，:：][\s\u3000]*)|[\s\u3000]+|(?=[\u4e00-\u9fff]))/;
const HAS_CJK = /[\u2e80-\u2fdf\u4e00-\u9fff][\u2e80-\u2fdf\u4e00-\u9fff]/;
const TAIL_DECOR = /[\s*#\u3000]+$/;
const CANONICAL_KEYS = new Map(SECTIONS.map((s) => [s.key, labelKey(s.title)]));

/** Is a heading's title key worded as in the template (it may go on: '总体情况概述')? */
export function isCanonicalTitle(def: SectionDef, key: string): boolean {
  return key.startsWith(CANONICAL_KEYS.get(def.key)!);
}

/** Finds the statutory section headings, in document order. */
export function findHeadings(src: SourceText): SectionHeading[] {
  const out: SectionHeading[] = [];
  for (let i = 0; i < src.lines.length; i++) {
    const h = readHeading(src, i);
    if (h) out.push(h);
  }
  return finishHeadings(src, out);
}

/** Sets where each part ends: at the next heading, or at the end of the document. */
export function finishHeadings(src: SourceText, out: SectionHeading[]): SectionHeading[] {
  for (let k = 0; k < out.length; k++) {
    out[k].endLine = k + 1 < out.length ? out[k + 1].line : src.lines.length;
    const lastLine = src.lines[out[k].endLine - 1];
    const end = spanRange(src, lastLine, lastLine.text.length, lastLine.text.length).end;
    out[k].extent = { start: out[k].range.start, end };
  }
  return out;
}

export function readHeading(src: SourceText, i: number): SectionHeading | null {
  const l = src.lines[i];
  const t = l.text;
  if (t.length > 80 || t.length < 3 || !HAS_CJK.test(t) || t.includes('|') || t.includes('｜') || t.includes('。')) return null;
  const m = HEAD.exec(t);
  let titleStart: number;
  let numeral: SectionHeading['numeral'] = null;
  if (m) {
    const numStart = m[1].length;
    const sepEnd = numStart + m[2].length + m[3].length + m[4].length;
    const numText = t.slice(numStart, sepEnd).trimEnd();
    const value = numeralValue(fold(m[3]));
    if (value === null || value > 12) return null;
    numeral = { text: numText, value, range: spanRange(src, l, numStart, numStart + numText.length) };
    titleStart = sepEnd;
  } else {
    titleStart = /^[\s#*>\uFEFF\u3000]*/.exec(t)![0].length;
  }
  const titleEnd = t.length - (TAIL_DECOR.exec(t.slice(titleStart))?.[0].length ?? 0);
  const titleText = t.slice(titleStart, titleEnd);
  // A sub-heading '(一)主动公开政府信息情况' is not a part heading: only a part numeral may precede the title.
  const key = labelKey(titleText, false);
  if (!key || key.length > 32 || /[;；]/.test(titleText)) return null;
  const def = pickSection(key, numeral?.value ?? null) ?? (numeral && endsText(src, i) ? cutHeading(key, numeral.value) : null);
  if (!def) return null;
  // Without a numeral only a heading worded as in the template counts (a lone '行政复议' is a table header).
  if (!numeral && !isCanonicalTitle(def, key)) return null;
  const start = numeral ? numeral.range.start : spanRange(src, l, titleStart, titleStart).start;
  return {
    key: def.key,
    ordinal: def.ordinal,
    numeral,
    title: { text: titleText, range: spanRange(src, l, titleStart, titleEnd) },
    range: { start, end: spanRange(src, l, titleEnd, titleEnd).end },
    line: i,
    endLine: i + 1,
    extent: { start, end: spanRange(src, l, titleEnd, titleEnd).end },
  };
}

/** A heading read from its cut-off start: it is one only while nothing follows it. */
export function isCutHeading(h: SectionHeading): boolean {
  return !SECTIONS[h.ordinal - 1].match.test(labelKey(h.title.text, false));
}

/** The last line with text: an excerpt may stop inside it. */
function endsText(src: SourceText, i: number): boolean {
  for (let j = i + 1; j < src.lines.length; j++) if (src.lines[j].text.trim()) return false;
  return true;
}

/** A heading cut off where the text stops ('五、存在的主'): its numeral and the start of that part's title. */
function cutHeading(key: string, numeral: number | null): SectionDef | null {
  const def = SECTIONS.find((s) => s.ordinal === numeral);
  return def && key.length >= 3 && CANONICAL_KEYS.get(def.key)!.startsWith(key) ? def : null;
}

/** The part a title key names; a part whose ordinal is the numeral wins over another that also matches. */
export function pickSection(key: string, numeral: number | null): SectionDef | null {
  let found: SectionDef | null = null;
  for (const s of SECTIONS) {
    if (!s.match.test(key)) continue;
    if (s.ordinal === numeral) return s;
    found ??= s;
  }
  return found;
}
