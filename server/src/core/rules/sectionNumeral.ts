import { SECTIONS } from '../formats/sections';
import { msg } from '../l10n/text';
import { fold } from '../text/normalize';
import { subject, type Finding, type Rule } from './types';

const WRONG = {
  zh: '第{numeral}部分“{title}”的序号应为“{expected}”，实际为“{actual}”。',
  en: 'Part {ordinal} “{title}” should be numbered “{expected}”, not “{actual}”.',
};
const MISSING = {
  zh: '第{numeral}部分“{title}”的标题缺少序号“{expected}”。',
  en: 'Part {ordinal} “{title}” has no numeral; it should be “{expected}”.',
};
const FIX = { zh: '改为“{expected}”', en: 'Change to “{expected}”' };

/** Headings are numbered 一、…六、 by their statutory position (seed 004 writes '2、' for '三、'). */
export const sectionNumeral: Rule = {
  id: 'section-numeral',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '部分标题使用正确的中文序号', en: 'Part headings carry the right Chinese numeral' },
  check({ report, index }) {
    const out: Finding[] = [];
    for (const s of report.sections) {
      const def = SECTIONS[s.ordinal - 1];
      const expected = `${def.numeral}、`;
      const actual = s.numeral?.text ?? '';
      // A look-alike from PDF extraction ('⼀' U+2F00) is the numeral it looks like.
      const numeralChars = fold(actual).replace(/^第/, '').replace(/[\s、.,．，:：\u3000]+$/, '');
      if (numeralChars === def.numeral) continue;
      const range = s.numeral?.range ?? { start: s.title.range.start, end: s.title.range.start };
      const start = index.offsetAt(range.start);
      const end = index.offsetAt(range.end);
      out.push({
        ruleId: this.id, subject: subject.section(s.key), severity: this.severity,
        range: s.numeral ? s.numeral.range : s.title.range,
        message: msg(s.numeral ? WRONG : MISSING, { numeral: def.numeral, ordinal: s.ordinal, title: s.title.text, expected, actual }),
        fix: { title: msg(FIX, { expected }), edits: [{ start, end, newText: expected }], preferred: true, safe: true },
      });
    }
    return out;
  },
};
