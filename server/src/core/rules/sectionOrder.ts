import { SECTIONS } from '../formats/sections';
import { msg } from '../l10n/text';
import type { SectionHeading } from '../model';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '第{numeral}部分“{title}”的位置不对：应排在{where}。',
  en: 'Part {ordinal} “{title}” is out of order: it belongs {whereEn}.',
};

/** Headings not on the longest run in statutory order are the ones out of place. */
export const sectionOrder: Rule = {
  id: 'section-order',
  severity: 1,
  inputs: ['sections'],
  description: { zh: '六个部分按法定顺序排列', en: 'The six parts are in statutory order' },
  check({ report }) {
    const firsts: SectionHeading[] = [];
    const seen = new Set<string>();
    for (const s of report.sections) if (!seen.has(s.key)) (seen.add(s.key), firsts.push(s));
    const keep = longestIncreasing(firsts.map((s) => s.ordinal));
    const inOrder = firsts.filter((_, i) => keep.has(i));
    const out: Finding[] = [];
    firsts.forEach((s, i) => {
      if (keep.has(i)) return;
      const before = inOrder.find((o) => o.ordinal > s.ordinal);
      const after = [...inOrder].reverse().find((o) => o.ordinal < s.ordinal);
      const name = (h: SectionHeading) => `“${SECTIONS[h.ordinal - 1].numeral}、${SECTIONS[h.ordinal - 1].title}”`;
      const where = before ? `${name(before)}之前` : after ? `${name(after)}之后` : '正确位置';
      const whereEn = before ? `before part ${before.ordinal}` : after ? `after part ${after.ordinal}` : 'elsewhere';
      out.push({
        ruleId: this.id, subject: subject.section(s.key), severity: this.severity, range: s.range,
        message: msg(MESSAGE, { numeral: SECTIONS[s.ordinal - 1].numeral, ordinal: s.ordinal, title: s.title.text, where, whereEn }),
      });
    });
    return out;
  },
};

/** Indices of one longest strictly increasing subsequence. */
function longestIncreasing(xs: number[]): Set<number> {
  const len = xs.map(() => 1);
  const prev = xs.map(() => -1);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (xs[j] < xs[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < xs.length; i++) if (best < 0 || len[i] > len[best]) best = i;
  const out = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]) out.add(i);
  return out;
}
