import type { Report } from '../model';
import { msg } from '../l10n/text';
import { heading, otherMattersIsWhole, someProse } from './scope';
import { subject, type Rule } from './types';

const MESSAGE = {
  zh: '第六部分“其他需要报告的事项”没有报告信息处理费收取情况（发出收费通知的件数和总金额、实际收取的总金额），未收费的也应写明为0（国办公开办函〔2021〕30号）。',
  en: 'Part 6 does not report the information processing fees (fee notices issued and their total, the total actually collected); none charged is stated as 0 (国办公开办函〔2021〕30号).',
};

const FEE = /信息处理费|处理费|收费|收取[^。；;]{0,8}费|费用|缴费/;

/** 30号 applies from the 2021 report on; a report whose year is not in the text is judged by its tables. */
export function underFormat2021(report: Report): boolean {
  return report.year ? report.year.value >= 2021 : report.format.version === '2021';
}

/** Under the 2021 format part 六 reports the 信息处理费, even when nothing was charged (seed 000 does not). */
export const feeStatementMissing: Rule = {
  id: 'fee-statement-missing',
  severity: 2,
  inputs: ['sections', 'active', 'applications', 'reviewLitigation'],
  description: { zh: '第六部分报告信息处理费收取情况', en: 'Part 6 reports the information processing fees' },
  check({ report }) {
    const six = heading(report, 'otherMatters');
    if (!six || !underFormat2021(report) || !otherMattersIsWhole(report)) return [];
    // Stated elsewhere in the report, the fee is not missing (only out of place).
    if (someProse(report, /[费費]/, (t) => FEE.test(t))) return [];
    return [{ ruleId: this.id, subject: subject.element('feeStatement'), severity: this.severity, range: six.range, message: msg(MESSAGE) }];
  },
};
