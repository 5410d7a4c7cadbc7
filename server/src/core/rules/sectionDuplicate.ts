import { SECTIONS } from '../formats/sections';
import { msg } from '../l10n/text';
import type { SectionHeading } from '../model';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '第{numeral}部分“{title}”重复出现（第一次在第{firstLine}行）。',
  en: 'Part {ordinal} “{title}” appears again (first on line {firstLine}).',
};
const FIRST = { zh: '第一次出现的位置', en: 'first occurrence' };

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  severity: 1,
  inputs: ['sections'],
  description: { zh: '每个部分只出现一次', en: 'Each part appears once' },
  check({ report }) {
    const first = new Map<string, SectionHeading>();
    const out: Finding[] = [];
    for (const s of report.sections) {
      const f = first.get(s.key);
      if (!f) {
        first.set(s.key, s);
        continue;
      }
      out.push({
        ruleId: this.id, subject: subject.section(s.key), severity: this.severity, range: s.range,
        message: msg(MESSAGE, { numeral: SECTIONS[s.ordinal - 1].numeral, ordinal: s.ordinal, title: s.title.text, firstLine: f.range.start.line + 1 }),
        related: [{ range: f.range, message: msg(FIRST) }],
      });
    }
    return out;
  },
};
