import { ACTIVE_PLAUSIBILITY } from '../formats/activeTable';
import { msg } from '../l10n/text';
import { cell, rowName, span } from './names';
import { subject, type Finding, type Rule, type Severity } from './types';

const SEVERITY: Record<'error' | 'warning' | 'hint', Severity> = { error: 1, warning: 2, hint: 4 };

/**
 * Table 二 within one year (formats/activeTable.ts ACTIVE_PLAUSIBILITY): 2019, items cannot go below 0 and a
 * running total holds this year's; 2021, documents in force are rarely fewer than those issued this year.
 * Only rows whose cells in the check are all numbers are judged.
 */
export const activeTablePlausibility: Rule = {
  id: 'active-table-plausibility',
  severity: 2,
  inputs: ['active'],
  description: { zh: '主动公开情况表的数字前后相符', en: 'The numbers of the “主动公开政府信息情况” table (proactive disclosure) are plausible together' },
  check({ report }) {
    const table = report.tables.active;
    if (!table || table.unreadable || !table.version) return [];
    const out: Finding[] = [];
    for (const p of ACTIVE_PLAUSIBILITY) {
      if (p.version !== table.version) continue;
      for (const rowKey of p.rows) {
        const least = p.least.map((c) => cell(table, rowKey, c));
        const than = p.than.map((c) => cell(table, rowKey, c));
        const cells = [...least, ...than];
        if (cells.some((c) => c?.value == null)) continue;
        const sum = (cs: typeof cells) => cs.reduce((s, c) => s + c!.value!, 0);
        const l = sum(least);
        const t = sum(than);
        if (l >= t) continue;
        const bySource = cells.map((c) => c!).sort((a, b) => a.start - b.start);
        out.push({
          ruleId: this.id, subject: subject.row('active', rowKey), severity: SEVERITY[p.severity],
          range: span(bySource[0].range, bySource[bySource.length - 1].range),
          message: msg(p.message, { row: rowName('active', rowKey), least: l, than: t }),
        });
      }
    }
    return out;
  },
};
