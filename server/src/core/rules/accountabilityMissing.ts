import type { Report } from '../model';
import { msg } from '../l10n/text';
import { fold } from '../text/normalize';
import { heading, isWholeReport, someProse } from './scope';
import { subject, type Rule } from './types';

const MESSAGE = {
  zh: '人民政府的年度报告还应包括工作考核、社会评议和责任追究结果情况（《中华人民共和国政府信息公开条例》第五十条第（四）项），本报告未见相关内容。',
  en: 'A people’s government’s own report also covers the results of assessment, public evaluation and accountability (Regulations, art. 50(4)); this report does not mention them.',
};

/** Written in either script, so that no line need be folded. */
const COVERED = /考核|评议|評議|责任追究|責任追究|追责|追責|问责|問責/;
const DEPARTMENT = /局|委|办|厅|院|所|署|室|站|中心|街道|街|管委会|新区|开发区|实验区|示范区|园区|公司/;
const REGION = /^[\u4e00-\u9fff]{1,12}(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区|镇|乡)$/;

/**
 * A people's government's own report, decided conservatively from the issuer: '华容县人民政府',
 * '贵阳市人民政府(市人民政府办公厅)', or a region's name alone ('浙江省'). A government office or a
 * department reports for itself (武汉市汉阳区人民政府办公室 publishes a departmental report).
 */
export function isGovernmentsOwnReport(report: Report): boolean {
  if (!report.issuer) return false;
  const name = fold(report.issuer.text).replace(/[(（][^)）]*[)）]$/, '');
  if (/人民政府$/.test(name)) return !/人民政府.+人民政府$/.test(name);
  return REGION.test(name) && !DEPARTMENT.test(name);
}

/** 条例第五十条(四): a people's government's report covers 工作考核、社会评议和责任追究结果情况. */
export const accountabilityMissing: Rule = {
  id: 'accountability-missing',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '人民政府年度报告包括工作考核、社会评议和责任追究结果情况', en: 'A people’s government’s report covers assessment, evaluation and accountability' },
  check({ report }) {
    if (!isGovernmentsOwnReport(report) || !isWholeReport(report)) return [];
    if (someProse(report, COVERED)) return [];
    const at = heading(report, 'problems') ?? report.sections[0];
    return [{ ruleId: this.id, subject: subject.element('accountability'), severity: this.severity, range: at.range, message: msg(MESSAGE) }];
  },
};
