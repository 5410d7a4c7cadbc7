import { msg } from '../l10n/text';
import type { ReportDate } from '../model';
import { fold } from '../text/normalize';
import { certainYear } from './scope';
import { subject, type Rule } from './types';

/**
 * Whose report it is, as far as 条例第四十九条 tells the deadline: a department of a government at
 * county level or above (31 January), or a people's government, its office or a whole region
 * (31 March at the latest: an office's own report is due on 31 January, the government's on 31 March).
 * Townships, streets and zones are left alone: article 49 sets no date for them.
 */
export type IssuerKind = 'department' | 'government';

const NOT_COVERED = /镇|街道|办事处|管委会|社区|乡(?!村)|(?:街|村)$|(?:区|园)管理委员会$/;
const GOVERNMENT = /(?:人民政府|政府办|政府办公室|政府办公厅)$|^[^局委厅办部]{2,12}(?:省|自治区|市|县|自治县|区|州|自治州|盟|旗)$/;
const DEPARTMENT = /(?:局|委|委员会|厅|办|办公室|署|部)$/;

export function issuerKind(name: string): IssuerKind | null {
  const n = fold(name).replace(/\([^)]*\)$/, '');
  if (n.length < 3 || NOT_COVERED.test(n)) return null;
  if (GOVERNMENT.test(n)) return 'government';
  return DEPARTMENT.test(n) ? 'department' : null;
}

const LATE = {
  zh: '本报告{kind}为{date}，晚于{deadline}。《中华人民共和国政府信息公开条例》第四十九条：{rule}',
  en: 'This report’s {kind} is {dateEn}, after {deadlineEn}. Regulations, art. 49: {rule}',
};
const KIND = {
  published: { zh: '发布日期', en: 'publication date' },
  signed: { zh: '落款日期', en: 'date of signature' },
};
const RULE = {
  department: {
    zh: '县级以上人民政府部门应当在每年1月31日前公布本部门上一年度政府信息公开工作年度报告。',
    en: 'a department publishes its report for the previous year by 31 January.',
  },
  government: {
    zh: '县级以上地方人民政府应当在每年3月31日前公布本级政府上一年度政府信息公开工作年度报告（部门报告为1月31日前）。',
    en: 'a local people’s government publishes its report for the previous year by 31 March (a department by 31 January).',
  },
};

/** Rule 3 of issue 16: a report dated after its statutory deadline. */
export const reportDeadline: Rule = {
  id: 'report-deadline',
  severity: 4,
  inputs: ['sections'],
  description: { zh: '年度报告按条例第四十九条规定的期限公布', en: 'The report is published by the deadline of article 49' },
  check(ctx) {
    const { report } = ctx;
    const year = certainYear(report);
    const issuer = report.issuer ?? report.signatory;
    const kind = issuer ? issuerKind(issuer.text) : null;
    if (!year || !kind) return [];
    const deadline = `${year + 1}-${kind === 'department' ? '01-31' : '03-31'}`;
    // Dates of the following year only: a later one is more likely a copy's or an update's.
    const dates = report.dates.filter((d) => d.date.startsWith(`${year + 1}-`));
    if (!dates.length || dates.some((d) => d.date <= deadline)) return [];
    const late: ReportDate = dates.find((d) => d.kind === 'signed') ?? dates[0];
    const [, m, d] = late.date.split('-').map(Number);
    const deadlineZh = `${year + 1}年${kind === 'department' ? '1月31日' : '3月31日'}`;
    return [{
      ruleId: this.id,
      subject: subject.header('date'),
      severity: this.severity,
      range: late.range,
      message: msg(LATE, {
        kind: KIND[late.kind],
        date: `${year + 1}年${m}月${d}日`, dateEn: late.date,
        deadline: kind === 'department' ? `部门年度报告的公布期限${deadlineZh}` : `本级人民政府年度报告的公布期限${deadlineZh}`,
        deadlineEn: `the deadline of ${deadline} for ${kind === 'department' ? 'a department' : 'a people’s government'}`,
        rule: RULE[kind],
      }),
    }];
  },
};

