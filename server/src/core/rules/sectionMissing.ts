import { SECTIONS } from '../formats/sections';
import { msg } from '../l10n/text';
import type { Range } from '../text/positions';
import { insertSection } from '../service/insert';
import { lazyFix, subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '缺少第{ordinal}部分“{numeral}、{title}”。年度报告应依次包括六个部分。',
  en: 'Part {ordinalEn} “{titleEn}” is missing. The report must have all six parts in order.',
};
const INSERT = { zh: '插入第{numeral}部分“{title}”', en: 'Insert part {ordinal} “{titleEn}”' };
const NONE = {
  zh: '未找到任何法定章节标题（“一、总体情况”至“六、其他需要报告的事项”）。',
  en: 'None of the six statutory part headings (“一、总体情况” … “六、其他需要报告的事项”) was found.',
};

export const sectionMissing: Rule = {
  id: 'section-missing',
  severity: 1,
  inputs: ['sections'],
  description: { zh: '六个法定部分一个也不能少', en: 'All six statutory parts are present' },
  check(ctx) {
    const { report, index } = ctx;
    const out: Finding[] = [];
    const present = new Map(report.sections.map((s) => [s.key, s]));
    const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (present.size === 0) {
      return [{ ruleId: this.id, subject: subject.document(), severity: this.severity, range: top, message: msg(NONE) }];
    }
    for (const def of SECTIONS) {
      if (present.has(def.key)) continue;
      // Report it on the next part that is there (where it should have come before), else the previous one.
      const next = SECTIONS.find((d) => d.ordinal > def.ordinal && present.has(d.key));
      const prev = [...SECTIONS].reverse().find((d) => d.ordinal < def.ordinal && present.has(d.key));
      const at = present.get((next ?? prev)!.key)!;
      out.push({
        ruleId: this.id,
        subject: subject.section(def.key),
        severity: this.severity,
        range: next ? at.range : { start: at.extent.end, end: at.extent.end },
        message: msg(MESSAGE, { ordinal: def.numeral, ordinalEn: def.ordinal, numeral: def.numeral, title: def.title, titleEn: def.titleEn }),
      });
      out[out.length - 1].fix = lazyFix(
        msg(INSERT, { numeral: def.numeral, ordinal: def.ordinal, title: def.title, titleEn: def.titleEn }),
        () => {
          const edit = insertSection(report, ctx.text, index, def.key);
          return edit ? [edit] : [];
        },
        { preferred: true, safe: false },
      );
    }
    return out;
  },
};
