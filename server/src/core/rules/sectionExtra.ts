import type { ProseLine, Report, SectionHeading } from '../model';
import { numeralValue } from '../formats/sections';
import { pickSection } from '../reader/headings';
import { ACTIVE_ROWS } from '../formats/activeTable';
import { APPLICATIONS_ROWS } from '../formats/applicationsTable';
import { msg } from '../l10n/text';
import { fold, labelKey } from '../text/normalize';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '“{numeral}、{title}”不是年度报告的法定部分。年度报告由六个部分组成，内容“不能遗漏，也不宜泛化”（国办公开办函〔2021〕30号），其内容宜并入相应部分。',
  en: '“{numeral}、{title}” is not one of the report’s statutory parts. The report has six parts, neither fewer nor more (国办公开办函〔2021〕30号); move its content into the part it belongs to.',
};

/** A part-like heading: a Chinese numeral, 、 and a short title with no sentence punctuation. */
const PART_LIKE = /^[\s#*>\u3000]*([一二三四五六七八九十]{1,3})[、．]\s*([^\s].{1,29})$/;
/** The raw line starts with a Chinese numeral (or a look-alike) and has a 、 or ．: checked before folding. */
const NUMBERED_RAW = /^[\s#*>\u3000]*[一二三四五六七八九十⼀⼆⼋⼗][^、．]{0,3}[、．]/;
const TABLE_ROWS = [...ACTIVE_ROWS, ...APPLICATIONS_ROWS];

export interface ExtraPart {
  line: ProseLine;
  numeral: string;
  value: number;
  title: string;
}

/**
 * Headings of parts the format does not have, found by their numbering: a part-like line whose numeral
 * continues the parts' numbering (七、 after 六、, or 五、 after 四、 with the next statutory part numbered 六、).
 * Sub-items numbered 一、二、 inside a part do not continue it, and table rows are not parts.
 */
export function extraParts(report: Report): ExtraPart[] {
  const out: ExtraPart[] = [];
  const headings = report.sections;
  const keep = (t: string) => t.length <= 60 && NUMBERED_RAW.test(t);
  for (let k = 0; k < headings.length; k++) {
    let previous = partNumber(headings[k]);
    const next = headings[k + 1] ? partNumber(headings[k + 1]) : undefined;
    // Only where the numbering leaves room for a part (a gap, or after 六) can a line continue it.
    if (next === undefined ? previous < 6 : next < previous + 2) continue;
    for (const p of report.proseIn(headings[k].line + 1, headings[k + 1]?.line ?? Infinity, keep)) {
      const x = extraPart(p, previous, next);
      if (!x) continue;
      out.push(x);
      previous = x.value;
    }
  }
  return out;
}

function extraPart(p: ProseLine, previous: number, next: number | undefined): ExtraPart | null {
  if (p.text.length > 40) return null;
  const m = PART_LIKE.exec(fold(p.text));
  if (!m || /[，,。；;：:！!？?]/.test(m[2])) return null;
  const value = numeralValue(m[1]);
  if (value === null || value !== previous + 1) return null;
  if (next === undefined ? value < 7 : next !== value + 1) return null;
  const key = labelKey(m[2], false);
  if (key.length < 2 || pickSection(key, value) || TABLE_ROWS.some((r) => r.match.test(key))) return null;
  return { line: p, numeral: m[1], value, title: m[2].trim() };
}

/** A part's number: its numeral, or its statutory position where the numeral is lower ('2、' for 三). */
function partNumber(h: SectionHeading): number {
  return Math.max(h.numeral?.value ?? 0, h.ordinal);
}

/** No part beyond the six (30号: 不能遗漏，也不宜泛化). */
export const sectionExtra: Rule = {
  id: 'section-extra',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '没有六个法定部分以外的部分', en: 'No part beyond the six statutory ones' },
  check({ report }) {
    return extraParts(report).map((x): Finding => ({
      ruleId: this.id,
      subject: subject.document(),
      severity: this.severity,
      range: x.line.range,
      message: msg(MESSAGE, { numeral: x.numeral, title: x.title }),
    }));
  },
};
