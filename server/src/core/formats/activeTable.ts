import type { ColumnDef, FormatVersion, RowDef, TableDef } from './types';

/**
 * Table A — 主动公开政府信息情况. No arithmetic holds inside it within one year;
 * the reader still checks its rows and that every cell is a number of the right kind.
 * Row keys are shared by both versions; columns differ.
 */
const COLUMNS_2021 = {
  documents: [
    { key: 'issued', label: '本年制发件数', labelEn: 'issued this year', kind: 'count' },
    { key: 'repealed', label: '本年废止件数', labelEn: 'repealed this year', kind: 'count' },
    { key: 'inForce', label: '现行有效件数', labelEn: 'in force', kind: 'count' },
  ],
  decisions: [{ key: 'decisions', label: '本年处理决定数量', labelEn: 'decisions this year', kind: 'count' }],
  fees: [{ key: 'feeAmount', label: '本年收费金额(单位:万元)', labelEn: 'fees this year (10,000 yuan)', kind: 'amount' }],
} satisfies Record<string, ColumnDef[]>;

const COLUMNS_2019 = {
  documents: [
    { key: 'newlyMade', label: '本年新制作数量', labelEn: 'newly made', kind: 'count' },
    { key: 'newlyPublished', label: '本年新公开数量', labelEn: 'newly published', kind: 'count' },
    { key: 'totalPublished', label: '对外公开总数量', labelEn: 'total published', kind: 'count' },
  ],
  items: [
    { key: 'previousYear', label: '上一年项目数量', labelEn: 'items last year', kind: 'count' },
    { key: 'change', label: '本年增/减', labelEn: 'change this year', kind: 'signed' },
    { key: 'decisions', label: '处理决定数量', labelEn: 'decisions', kind: 'count' },
  ],
  fees: [
    { key: 'previousYear', label: '上一年项目数量', labelEn: 'items last year', kind: 'count' },
    { key: 'change', label: '本年增/减', labelEn: 'change this year', kind: 'signed' },
  ],
  procurement: [
    { key: 'procurementItems', label: '采购项目数量', labelEn: 'procurement items', kind: 'count' },
    { key: 'procurementAmount', label: '采购总金额', labelEn: 'procurement amount', kind: 'amount' },
  ],
} satisfies Record<string, ColumnDef[]>;

interface ActiveRowDef extends RowDef {
  columnsByVersion: Record<FormatVersion, readonly ColumnDef[]>;
}

function g(key: string, item: string, versions?: FormatVersion[]): RowDef {
  return {
    key, label: `第二十条第(${item})项`, labelEn: `Article 20 item (${item})`,
    match: new RegExp(`^第?二十条第?${item}项?$`), group: true, columns: [], entry: true,
    ...(versions ? { versions } : {}),
  };
}
function r(
  key: string, label: string, labelEn: string, match: RegExp, parent: string,
  c2021: readonly ColumnDef[], c2019: readonly ColumnDef[], versions?: FormatVersion[],
): ActiveRowDef {
  return {
    key, label, labelEn, match, parent, columns: c2021, entry: true,
    columnsByVersion: { '2021': c2021, '2019': c2019 }, ...(versions ? { versions } : {}),
  };
}

export const ACTIVE_ROWS: readonly RowDef[] = [
  g('article20.1', '一'),
  r('rules', '规章', 'Rules', /^规章/, 'article20.1', COLUMNS_2021.documents, COLUMNS_2019.documents),
  r('normativeDocuments', '行政规范性文件', 'Normative documents', /^(行政)?规范性文件/, 'article20.1', COLUMNS_2021.documents, COLUMNS_2019.documents),
  g('article20.5', '五'),
  r('licensing', '行政许可', 'Administrative licensing', /^行政许可/, 'article20.5', COLUMNS_2021.decisions, COLUMNS_2019.items),
  r('otherServices', '其他对外管理服务事项', 'Other external management services', /^其他对外管理服务/, 'article20.5', [], COLUMNS_2019.items, ['2019']),
  g('article20.6', '六'),
  r('penalties', '行政处罚', 'Administrative penalties', /^行政处罚/, 'article20.6', COLUMNS_2021.decisions, COLUMNS_2019.items),
  r('enforcement', '行政强制', 'Administrative enforcement', /^行政强制/, 'article20.6', COLUMNS_2021.decisions, COLUMNS_2019.items),
  g('article20.8', '八'),
  r('fees', '行政事业性收费', 'Administrative fees', /^行政事业性收费/, 'article20.8', COLUMNS_2021.fees, COLUMNS_2019.fees),
  g('article20.9', '九', ['2019']),
  r('procurement', '政府集中采购', 'Centralised government procurement', /^政府集中采购/, 'article20.9', [], COLUMNS_2019.procurement, ['2019']),
];

export function activeColumns(row: RowDef, version: FormatVersion): readonly ColumnDef[] {
  const byVersion = (row as Partial<ActiveRowDef>).columnsByVersion;
  return byVersion ? byVersion[version] : row.columns;
}

/** Header cells that say which version of table A this is. */
export const ACTIVE_HEADER_2021 = /^(本年新?制发|本年废止|现行有效|本年处理决定|本年收费金额)/;
export const ACTIVE_HEADER_2019 = /^(本年新制作|本年新公开|本年新$|对外公开总|上一年项目|本年增|处理决定数量|采购项目|采购总金额|第?二十条第?九项)/;
/** Header cells of table A (skipped while reading), as their normalised keys. */
export const ACTIVE_HEADER_WORDS: readonly string[] = [
  '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '现行有效件数历史累计', '本年处理决定数量',
  '本年收费金额单位万元', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增减',
  '处理决定数量', '采购项目数量', '采购总金额', '采购总金额万元保留四位小数', '制作数量', '公开数量',
  '本年新制发件数', '本年收费金额万元',
];

export const ACTIVE_TABLE: TableDef = {
  key: 'active',
  title: '主动公开政府信息情况表',
  section: 'activeDisclosure',
  rows: ACTIVE_ROWS,
};

/**
 * What table 二's numbers imply within one year (the format states no sum for it). Each check:
 * sum(least) ≥ sum(than) in each of `rows`, cells by column key (a signed 本年增/减 adds as written).
 */
export interface ActivePlausibility {
  id: 'items-not-negative' | 'published-running-total' | 'in-force-vs-issued';
  version: FormatVersion;
  rows: readonly string[];
  least: readonly string[];
  than: readonly string[];
  severity: 'error' | 'warning' | 'hint';
  /** {row}; {least} and {than}: the values of the two sides. */
  message: { zh: string; en: string };
}

export const ACTIVE_PLAUSIBILITY: readonly ActivePlausibility[] = [
  {
    id: 'items-not-negative', version: '2019',
    rows: ['licensing', 'otherServices', 'penalties', 'enforcement', 'fees'],
    least: ['previousYear', 'change'], than: [], severity: 'error',
    message: {
      zh: '“{row}”的上一年项目数量加本年增/减为{least}，项目数量不能小于0。请核对这两个数字。',
      en: '“{row}”: items last year plus this year’s change is {least}; a number of items cannot be below 0. Check both numbers.',
    },
  },
  {
    id: 'published-running-total', version: '2019',
    rows: ['rules', 'normativeDocuments'],
    least: ['totalPublished'], than: ['newlyPublished'], severity: 'warning',
    message: {
      zh: '“{row}”的对外公开总数量（{least}）小于本年新公开数量（{than}）。对外公开总数量是累计数，包括本年新公开的文件，请核对。',
      en: '“{row}”: total published ({least}) is below newly published this year ({than}). The total is a running total that includes this year’s; check both.',
    },
  },
  {
    id: 'in-force-vs-issued', version: '2021',
    rows: ['rules', 'normativeDocuments'],
    least: ['inForce'], than: ['issued'], severity: 'hint',
    message: {
      zh: '“{row}”的现行有效件数（{least}）小于本年制发件数（{than}）。现行有效件数是历年累计，通常不少于本年制发的件数；除非本年制发的文件当年即已废止，请核对。',
      en: '“{row}”: documents in force ({least}) are fewer than those issued this year ({than}). The count in force is cumulative and is usually not below this year’s; unless documents issued this year were repealed within it, check both.',
    },
  },
];
