import type { ColumnDef, RowDef, TableDef } from './types';

/** Table C — 政府信息公开行政复议、行政诉讼情况: fifteen numbers in three groups of five. */
export const OUTCOME_COLUMNS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持', labelEn: 'upheld', kind: 'count' },
  { key: 'corrected', label: '结果纠正', labelEn: 'corrected', kind: 'count' },
  { key: 'otherResult', label: '其他结果', labelEn: 'other result', kind: 'count' },
  { key: 'pending', label: '尚未审结', labelEn: 'pending', kind: 'count' },
  { key: 'total', label: '总计', labelEn: 'total', kind: 'count' },
];

export const OUTCOME_PART_COLUMNS = OUTCOME_COLUMNS.slice(0, 4).map((c) => c.key);

export const REVIEW_LITIGATION_GROUPS: readonly RowDef[] = [
  { key: 'review', label: '行政复议', labelEn: 'administrative reconsideration', match: /^行政复议/, columns: OUTCOME_COLUMNS },
  { key: 'litigationDirect', label: '行政诉讼:未经复议直接起诉', labelEn: 'litigation without reconsideration', match: /未经复议/, columns: OUTCOME_COLUMNS },
  { key: 'litigationAfterReview', label: '行政诉讼:复议后起诉', labelEn: 'litigation after reconsideration', match: /复议后起诉/, columns: OUTCOME_COLUMNS },
];

/** A header cell of table C, whole or split ('结果' / '纠正', '总' / '计'). */
export const REVIEW_LITIGATION_HEADER = /^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果|维持|纠正|其他|尚未|审结|总计|总|计)+$/;

export const REVIEW_LITIGATION_TABLE: TableDef = {
  key: 'reviewLitigation',
  title: '政府信息公开行政复议、行政诉讼情况表',
  section: 'reviewLitigation',
  rows: REVIEW_LITIGATION_GROUPS,
};
