import { msg, type Message } from '../l10n/text';
import type { Cell, Report, Table } from '../model';
import { fileName, type OtherReport } from '../workspace/workspace';
import { cell as cellAt, rowName } from './names';
import { subject, type Finding, type Rule } from './types';

const INFORCE = {
  zh: '“{row}”的“现行有效件数”为{actual}，而上年报告“{file}”的{last}件加本年制发{issued}件、减本年废止{repealed}件为{expected}件。',
  en: '{row}: “in force” is {actual}, but last year\'s {last} in “{file}” plus {issued} issued and minus {repealed} repealed this year makes {expected}.',
};
const INFORCE_RELATED = { zh: '上年报告的“现行有效件数”：{last}', en: 'Last year\'s “in force”: {last}' };
const ITEMS = {
  zh: '“{row}”的“上一年项目数量”为{actual}，而上年报告“{file}”的上一年项目数量{last}加本年增/减{change}为{expected}。',
  en: '{row}: “items last year” is {actual}, but in last year\'s report “{file}” {last} items and a change of {change} make {expected}.',
};
const ITEMS_RELATED = { zh: '上年报告的“上一年项目数量”和“本年增/减”：{last}，{change}', en: 'Last year\'s “items last year” and “change”: {last}, {change}' };

/** Prose that explains a break in the stock: a clean-up or adjustment of rules or normative documents. */
const EXPLAINED = /(?:清理|调整|废止)[^。；;]{0,30}(?:规章|规范性文件)|(?:规章|规范性文件)[^。；;]{0,30}(?:清理|调整|废止)/;

/**
 * Table 二 across years. 2021 format: 现行有效件数 of 规章 and 行政规范性文件 = last year's 现行有效件数
 * + this year's 本年制发件数 − 本年废止件数 (silent where the prose speaks of a 清理, 调整 or 废止 of
 * such documents). 2019 format: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
 */
export const stockAcrossYears: Rule = {
  id: 'stock-across-years',
  severity: 2,
  inputs: ['active', 'sections'],
  across: true,
  description: { zh: '“主动公开政府信息情况”表的存量数与上年报告相衔接', en: 'The stocks in the “主动公开政府信息情况” table (proactive disclosure) continue last year\'s' },
  check(ctx) {
    const last = ctx.workspace?.lastYear();
    const table = readable(ctx.report.tables.active);
    const before = readable(last?.report.tables.active ?? null);
    if (!last || !table || !before || table.version !== before.version) return [];
    if (table.version === '2021') return explained(ctx.report) ? [] : inForce(table, before, last);
    return table.version === '2019' ? items(table, before, last) : [];
  },
};

const readable = (t: Table | null) => (t && !t.unreadable ? t : null);

function explained(report: Report): boolean {
  for (const _ of report.proseIn(0, Infinity, (line) => EXPLAINED.test(line))) return true;
  return false;
}

function inForce(table: Table, before: Table, last: OtherReport): Finding[] {
  const out: Finding[] = [];
  for (const row of ['rules', 'normativeDocuments']) {
    const now = cellAt(table, row, 'inForce');
    const was = cellAt(before, row, 'inForce');
    const v = values(now, cellAt(table, row, 'issued'), cellAt(table, row, 'repealed'), was);
    if (!v) continue;
    const [actual, issued, repealed, lastInForce] = v;
    const expected = lastInForce + issued - repealed;
    if (actual === expected) continue;
    const args = { row: rowName('active', row), actual, last: lastInForce, issued, repealed, expected, file: fileName(last.uri) };
    out.push(finding(row, 'inForce', now!, msg(INFORCE, args), last, was!, msg(INFORCE_RELATED, args)));
  }
  return out;
}

function items(table: Table, before: Table, last: OtherReport): Finding[] {
  const out: Finding[] = [];
  for (const row of ['licensing', 'otherServices', 'penalties', 'enforcement', 'fees']) {
    const now = cellAt(table, row, 'previousYear');
    const was = cellAt(before, row, 'previousYear');
    const v = values(now, was, cellAt(before, row, 'change'));
    if (!v) continue;
    const [actual, lastItems, change] = v;
    const expected = lastItems + change;
    if (actual === expected) continue;
    const args = { row: rowName('active', row), actual, last: lastItems, change: signed(change), expected, file: fileName(last.uri) };
    out.push(finding(row, 'previousYear', now!, msg(ITEMS, args), last, was!, msg(ITEMS_RELATED, args)));
  }
  return out;
}

/** The cells' values, when every one of them has one. */
function values(...cells: (Cell | undefined)[]): number[] | null {
  return cells.every((c) => c?.value != null) ? cells.map((c) => c!.value!) : null;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function finding(row: string, column: string, cell: Cell, message: Message, last: OtherReport, lastCell: Cell, related: Message): Finding {
  return {
    ruleId: stockAcrossYears.id,
    subject: subject.cell('active', row, column),
    severity: stockAcrossYears.severity,
    range: cell.range,
    message,
    related: [{ uri: last.uri, range: lastCell.range, message: related }],
  };
}
