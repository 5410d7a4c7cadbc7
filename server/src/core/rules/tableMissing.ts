import { SECTIONS } from '../formats/sections';
import { msg } from '../l10n/text';
import { tableName } from './names';
import { insertTable } from '../service/insert';
import { lazyFix, subject, type Finding, type Rule } from './types';

const INSERT = { zh: '插入空白的{table}', en: 'Insert an empty {tableEn}' };
const MESSAGE = {
  zh: '第{numeral}部分“{title}”中没有{table}。该部分应以法定表格填报。',
  en: 'Part {ordinal} “{title}” has no table; this part must be reported in its statutory table.',
};

/** Sections 二, 三 and 四 each carry their statutory table (seed 002 lacks two). */
export const tableMissing: Rule = {
  id: 'table-missing',
  severity: 1,
  inputs: ['sections', 'active', 'applications', 'reviewLitigation'],
  description: { zh: '第二、三、四部分附有法定表格', en: 'Parts 2, 3 and 4 carry their statutory tables' },
  check(ctx) {
    const { report, index } = ctx;
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const s of report.sections) {
      const def = SECTIONS[s.ordinal - 1];
      if (!def.table || seen.has(def.key)) continue;
      seen.add(def.key);
      if (report.tables[def.table]) continue;
      const name = tableName(def.table);
      out.push({
        ruleId: this.id, subject: subject.table(def.table), severity: this.severity, range: s.range,
        message: msg(MESSAGE, { numeral: def.numeral, ordinal: def.ordinal, title: s.title.text, table: name.zh, tableEn: name.en }),
      });
      const kind = def.table;
      out[out.length - 1].fix = lazyFix(msg(INSERT, { table: name.zh, tableEn: name.en }), () => {
        const edit = insertTable(report, ctx.text, index, kind);
        return edit ? [edit] : [];
      }, { preferred: true, safe: false });
    }
    return out;
  },
};
