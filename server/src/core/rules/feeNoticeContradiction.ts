import { msg } from '../l10n/text';
import { foldDigits } from '../text/normalize';
import { row, rowName, tableName } from './names';
import { plain } from './scope';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '此处称未发出收费通知，但{table}“{row}”行填写了{count}件：申请人逾期未缴费的前提是行政机关发出了收费通知。',
  en: 'This says no fee notice was issued, but the {tableEn} row “{rowEn}” reports {count}: an applicant can only fail to pay after a fee notice.',
};
const RELATED = { zh: '表中填写的件数', en: 'the count in the table' };

/** '未发出收费通知', '发出收费通知的件数和总金额…均为0', '收费通知0件'. */
const NO_NOTICE = [
  /(?:未|没有|无)(?:向申请人)?(?:发出|开具|出具|下发|发放|送达)?过?(?:任何)?(?:信息处理费)?收费通知/,
  /收费通知[^。；;，,0-9]{0,24}?(?:均为|为|是)\s*[0零〇](?![0-9.])/,
  /收费通知[^。；;，,0-9]{0,6}?[0零〇]\s*件/,
];

/** Table 三's applicants who did not pay a fee notice (（六）2) against prose saying no notice was issued. */
export const feeNoticeContradiction: Rule = {
  id: 'fee-notice-contradiction',
  severity: 1,
  inputs: ['sections', 'applications'],
  description: { zh: '收费通知的文字说明与表格一致', en: 'What the text says of fee notices agrees with the table' },
  check({ report }) {
    const table = report.tables.applications;
    const noFee = row(table, 'other.noFee');
    if (!table || table.version !== '2021' || !noFee) return [];
    const counted = noFee.cells.find((c) => c.column === 'total' && c.value !== null) ?? noFee.cells.find((c) => (c.value ?? 0) > 0);
    if (!counted || !counted.value || counted.value <= 0) return [];
    const name = rowName('applications', 'other.noFee');
    const tname = tableName('applications');
    const out: Finding[] = [];
    for (const p of report.proseIn(0, Infinity, (line) => line.includes('通知'))) {
      const t = foldDigits(plain(report, p));
      if (!NO_NOTICE.some((re) => re.test(t))) continue;
      out.push({
        ruleId: this.id,
        subject: subject.cell('applications', 'other.noFee', counted.column ?? 'total'),
        severity: this.severity,
        range: p.range,
        message: msg(MESSAGE, { table: tname.zh, tableEn: tname.en, row: name.zh, rowEn: name.en, count: counted.value }),
        related: [{ range: counted.range, message: msg(RELATED) }],
      });
    }
    return out;
  },
};
