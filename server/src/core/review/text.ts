import type { Text } from '../l10n/text';

/** The review outputs' words (page, CSV header, severities). */
export const REVIEW_TEXT = {
  title: { zh: '政府信息公开工作年度报告审查清单', en: 'Review of the annual reports on government information disclosure' },
  date: { zh: '审查日期：{date}', en: 'Date: {date}' },
  scope: { zh: '审查范围：{folders}', en: 'Reviewed: {folders}' },
  summary: {
    zh: '共审查{reports}份报告：建议退回{returned}份，通过{passed}份。共发现{errors}个错误，{warnings}个警告。',
    en: '{reports} reports reviewed: {returned} to send back, {passed} passed. {errors} errors and {warnings} warnings found.',
  },
  summaryUnchecked: { zh: '另有{count}个文件未能检查。', en: '{count} files could not be checked.' },
  summarySilenced: { zh: '报告中的注释忽略了{count}处问题（未列出）。', en: '{count} findings were silenced by comments in the reports (not listed).' },
  results: { zh: '一、审查结果', en: '1. Results' },
  chart: { zh: '二、最常见的问题', en: '2. The rules most often broken' },
  chartNone: { zh: '未发现错误或警告。', en: 'No errors or warnings found.' },
  chartCount: { zh: '{count}处，涉及{reports}份报告', en: '{count} in {reports} reports' },
  uncheckedHeading: { zh: '三、未能检查的文件', en: '3. Files not checked' },
  colNumber: { zh: '序号', en: 'No.' },
  colReport: { zh: '报告', en: 'Report' },
  colYear: { zh: '年度', en: 'Year' },
  colErrors: { zh: '错误', en: 'Errors' },
  colWarnings: { zh: '警告', en: 'Warnings' },
  colVerdict: { zh: '审查意见', en: 'Verdict' },
  colRule: { zh: '规则', en: 'Rule' },
  colCount: { zh: '次数', en: 'Count' },
  colFile: { zh: '文件', en: 'File' },
  colReason: { zh: '原因', en: 'Reason' },
  returned: { zh: '建议退回', en: 'Send back' },
  passed: { zh: '通过', en: 'Passed' },
  noReports: { zh: '没有可审查的报告。', en: 'No reports to review.' },
  noFindings: { zh: '未发现问题。', en: 'No problems found.' },
  severity1: { zh: '错误', en: 'error' },
  severity2: { zh: '警告', en: 'warning' },
  severity3: { zh: '信息', en: 'information' },
  severity4: { zh: '提示', en: 'hint' },
  unchecked: { zh: '未检查', en: 'not checked' },
  colBody: { zh: '发布机关', en: 'Issuing body' },
  colLine: { zh: '行', en: 'Line' },
  colColumn: { zh: '列', en: 'Column' },
  colSeverity: { zh: '严重程度', en: 'Severity' },
  colMessage: { zh: '消息', en: 'Message' },
} satisfies Record<string, Text>;

/** The CSV's columns, in order. */
export const CSV_COLUMNS: readonly Text[] = [
  REVIEW_TEXT.colFile, REVIEW_TEXT.colBody, REVIEW_TEXT.colYear, REVIEW_TEXT.colLine, REVIEW_TEXT.colColumn,
  REVIEW_TEXT.colSeverity, REVIEW_TEXT.colRule, REVIEW_TEXT.colMessage,
];

export function severityText(severity: number): Text {
  return severity === 1 ? REVIEW_TEXT.severity1 : severity === 2 ? REVIEW_TEXT.severity2 : severity === 3 ? REVIEW_TEXT.severity3 : REVIEW_TEXT.severity4;
}
