// How much of a report the text holds: most texts a reviewer opens are excerpts that stop partway,
// and a part that is not in the text is not content the report lacks.
import type { ProseLine, Report, SectionHeading, SectionKey } from '../model';
import { SECTIONS } from '../formats/sections';
import { fold } from '../text/normalize';

/** A prose line's text in Simplified script (the checks' patterns are written in it); test a cheap raw filter first. */
export function plain(report: Report, line: ProseLine): string {
  return report.script === 'traditional' ? fold(line.text) : line.text;
}

export function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const x of items) if (test(x)) return true;
  return false;
}

export function heading(report: Report, key: SectionKey): SectionHeading | undefined {
  return report.sections.find((s) => s.key === key);
}

/** The text starts where the report starts: its first part heading is 一 (what comes before it is the preamble). */
export function startsAtReport(report: Report): boolean {
  return report.sections[0]?.key === 'overview';
}

/** The preamble and part 一 are whole: the text starts at the report and goes on past part 一. */
export function frontIsWhole(report: Report): boolean {
  return startsAtReport(report) && report.sections.length > 1;
}

/** The preamble and part 一 (when the text starts at the report): where the title, legal basis and statistics period are written. */
export function frontProse(report: Report): Iterable<ProseLine> {
  return report.proseIn(0, report.sections[1]?.line ?? Infinity);
}

/** The preamble: what comes before the first part heading. */
export function openingProse(report: Report): ProseLine[] {
  return [...report.proseIn(0, report.sections[0]?.line ?? Infinity)];
}

/**
 * Whether some prose line passes `test`: parts 五 and 六 (and what follows) first, then the opening and
 * part 一, then the rest, so that a statement is usually found without reading the whole text.
 * `raw` filters lines by their text as written, before anything is computed for them.
 */
export function someProse(report: Report, raw: RegExp, test: (text: string) => boolean = () => true): boolean {
  const tail = report.sections.find((s) => s.ordinal >= 5)?.line ?? Infinity;
  const front = Math.min(report.sections[1]?.line ?? Infinity, tail);
  const keep = (t: string) => raw.test(t);
  for (const [a, b] of [[tail, Infinity], [0, front], [front, tail]]) {
    for (const p of report.proseIn(a, b, keep)) if (test(plain(report, p))) return true;
  }
  return false;
}

/** Every one of the six parts has its heading in the text. */
export function holdsAllParts(report: Report): boolean {
  const keys = new Set(report.sections.map((s) => s.key));
  return SECTIONS.every((d) => keys.has(d.key));
}

const SENTENCE_END = /[。！？!?][”’」』）)]*$/;
const DATE_LINE = /^(?:[\u4e00-\u9fff（）()]{2,30}\s*)?(?:19|20|[１２][０-９])[0-9０-９]{2}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日$/;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/;

/**
 * Part 六 is whole: another part follows it, or its text ends the report — its last line a full
 * sentence, or followed only by the sign-off (a date) or by two or more short lines of page furniture.
 */
export function otherMattersIsWhole(report: Report): boolean {
  const six = heading(report, 'otherMatters');
  if (!six) return false;
  if (report.sections.some((s) => s.line > six.line)) return true;
  const lines = [...report.proseIn(six.line + 1, Infinity)].map((p) => p.text.trim());
  let last = -1;
  for (let i = 0; i < lines.length; i++) if (SENTENCE_END.test(lines[i])) last = i;
  if (last < 0) return false;
  const after = lines.slice(last + 1);
  if (after.length === 0 || after.some((t) => DATE_LINE.test(t))) return true;
  return after.length >= 2 && after.every((t) => t.length <= 20 && !NUMBERED.test(t) && !/[，,。；;：:]/.test(t));
}

/** The whole report is in the text: from its preamble to the end of part 六. */
export function isWholeReport(report: Report): boolean {
  return startsAtReport(report) && holdsAllParts(report) && otherMattersIsWhole(report);
}

/**
 * The report's year, when nothing in its header contradicts it: a title year other than the statistics
 * period's (a typo the year-and-period check reports) leaves the format rules without a year to judge by.
 */
export function certainYear(report: Report): number | null {
  const year = report.year?.value;
  if (year === undefined) return null;
  const p = report.period;
  if (p && !(p.from.startsWith(String(year)) && p.to.startsWith(String(year)))) return null;
  return year;
}
