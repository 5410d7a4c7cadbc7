import type { ColumnDef, RowDef, TableDef } from './types';

/** Table B columns: the applicant types, in the template's order. */
export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { key: 'naturalPerson', label: '自然人', labelEn: 'natural persons', kind: 'count' },
  { key: 'commercial', label: '商业企业', labelEn: 'commercial enterprises', kind: 'count' },
  { key: 'research', label: '科研机构', labelEn: 'research institutions', kind: 'count' },
  { key: 'publicWelfare', label: '社会公益组织', labelEn: 'public-welfare organisations', kind: 'count' },
  { key: 'legalService', label: '法律服务机构', labelEn: 'legal-service institutions', kind: 'count' },
  { key: 'otherOrg', label: '其他', labelEn: 'other organisations', kind: 'count' },
  { key: 'total', label: '总计', labelEn: 'total', kind: 'count' },
];

/** The header over the applicant columns, and the group of organisations between 自然人 and 总计 (the official layout). */
export const APPLICANT_HEADER = '申请人情况';
export const ORGANISATION_GROUP = { label: '法人或其他组织', columns: ['commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'] } as const;

/** The six applicant columns that add up to 总计. */
export const APPLICANT_PART_COLUMNS = APPLICANT_COLUMNS.slice(0, 6).map((c) => c.key);

const C = APPLICANT_COLUMNS;

function row(key: string, label: string, labelEn: string, match: RegExp, extra: Partial<RowDef> = {}): RowDef {
  return { key, label, labelEn, match, columns: C, ...extra };
}
function group(key: string, label: string, labelEn: string, match: RegExp, extra: Partial<RowDef> = {}): RowDef {
  return { key, label, labelEn, match, columns: [], group: true, ...extra };
}

const OTHER_HANDLING_ROWS = ['otherHandling', 'other.noCorrection', 'other.noFee'];
const RESULT_ROWS_SEEN = [
  'granted', 'partiallyGranted', 'denied', 'unable', 'notProcessed', 'otherHandling', 'other',
  'other.noCorrection', 'other.noFee', 'other.other',
];

/**
 * Table B — 收到和处理政府信息公开申请情况, rows in template order.
 * '其他处理' is a group of three rows in the 2021 format and a single row
 * (key `other`) in the 2019 format; the reader decides which after reading it.
 */
export const APPLICATIONS_ROWS: readonly RowDef[] = [
  row('newReceived', '一、本年新收政府信息公开申请数量', 'I. New applications this year', /^本年度?新收/, { entry: true }),
  row('carriedOver', '二、上年结转政府信息公开申请数量', 'II. Carried over from last year', /^上一?年度?结转/, { entry: true }),
  group('results', '三、本年度办理结果', 'III. Results this year', /^本年度?办理结果/, { entry: true }),
  row('granted', '(一)予以公开', '(1) Disclosed', /^予以公开/, { parent: 'results', entry: true }),
  row('partiallyGranted', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '(2) Partially disclosed', /^部分公开/, { parent: 'results' }),
  group('denied', '(三)不予公开', '(3) Not disclosed', /^不予公开$/, { parent: 'results' }),
  row('denied.stateSecret', '1.属于国家秘密', '1. State secret', /国家秘密/, { parent: 'denied' }),
  row('denied.prohibitedByLaw', '2.其他法律行政法规禁止公开', '2. Prohibited by other laws', /法规禁止|禁止公开/, { parent: 'denied' }),
  row('denied.threeSecurities', '3.危及“三安全一稳定”', '3. Endangers the “three securities and one stability”', /三安全|危及/, { parent: 'denied' }),
  row('denied.thirdParty', '4.保护第三方合法权益', '4. Protects third-party rights', /第三方/, { parent: 'denied' }),
  row('denied.internalAffairs', '5.属于三类内部事务信息', '5. Internal affairs', /内部事务/, { parent: 'denied' }),
  row('denied.processInfo', '6.属于四类过程性信息', '6. Process information', /过程性/, { parent: 'denied' }),
  row('denied.enforcementFile', '7.属于行政执法案卷', '7. Enforcement files', /执法案卷/, { parent: 'denied' }),
  row('denied.queryMatter', '8.属于行政查询事项', '8. Administrative query matters', /查询事项/, { parent: 'denied' }),
  group('unable', '(四)无法提供', '(4) Cannot be provided', /^无法提供$/, { parent: 'results' }),
  row('unable.notHeld', '1.本机关不掌握相关政府信息', '1. Not held by this body', /不掌握/, { parent: 'unable' }),
  row('unable.needsCreation', '2.没有现成信息需要另行制作', '2. Would have to be created', /另行制作|没有现成/, { parent: 'unable' }),
  row('unable.unclear', '3.补正后申请内容仍不明确', '3. Still unclear after correction', /仍不明确|补正后申请/, { parent: 'unable' }),
  group('notProcessed', '(五)不予处理', '(5) Not processed', /^不予处理$/, { parent: 'results' }),
  row('notProcessed.petition', '1.信访举报投诉类申请', '1. Petitions, reports, complaints', /信访|举报投诉/, { parent: 'notProcessed' }),
  row('notProcessed.duplicate', '2.重复申请', '2. Repeated application', /^重复申请/, { parent: 'notProcessed' }),
  row('notProcessed.publication', '3.要求提供公开出版物', '3. Asks for publications', /出版物/, { parent: 'notProcessed' }),
  row('notProcessed.excessive', '4.无正当理由大量反复申请', '4. Mass repeated applications', /大量反复|反复申请/, { parent: 'notProcessed' }),
  row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', '5. Asks to confirm or reissue information', /确认或重新出具|重新出具/, { parent: 'notProcessed' }),
  group('otherHandling', '(六)其他处理', '(6) Other handling', /^其他处理$/, { parent: 'results' }),
  row('other.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1. Applicant did not correct in time', /逾期不补正|不补正/, { parent: 'otherHandling', versions: ['2021'] }),
  row('other.noFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2. Applicant did not pay the fee', /收费通知|缴纳费用/, { parent: 'otherHandling', versions: ['2021'] }),
  row('other.other', '3.其他', '3. Other', /^其他$/, { parent: 'otherHandling', versions: ['2021'], after: OTHER_HANDLING_ROWS }),
  row('total', '(七)总计', '(7) Total', /^总计$|^合计$/, { parent: 'results', after: RESULT_ROWS_SEEN }),
  row('carriedForward', '四、结转下年度继续办理', 'IV. Carried forward to next year', /^结转下一?年/),
];

/** The 2019 format's single (六)其他处理 row. */
export const OTHER_2019_ROW: RowDef = row('other', '(六)其他处理', '(6) Other handling', /^其他处理$/, { parent: 'results', versions: ['2019'] });

/** Rows whose sum is (七)总计, per format version (relation 2 of the format). */
export const RESULT_ROWS: Record<'2019' | '2021', readonly string[]> = {
  '2021': [
    'granted', 'partiallyGranted',
    'denied.stateSecret', 'denied.prohibitedByLaw', 'denied.threeSecurities', 'denied.thirdParty',
    'denied.internalAffairs', 'denied.processInfo', 'denied.enforcementFile', 'denied.queryMatter',
    'unable.notHeld', 'unable.needsCreation', 'unable.unclear',
    'notProcessed.petition', 'notProcessed.duplicate', 'notProcessed.publication',
    'notProcessed.excessive', 'notProcessed.confirmation',
    'other.noCorrection', 'other.noFee', 'other.other',
  ],
  '2019': [
    'granted', 'partiallyGranted',
    'denied.stateSecret', 'denied.prohibitedByLaw', 'denied.threeSecurities', 'denied.thirdParty',
    'denied.internalAffairs', 'denied.processInfo', 'denied.enforcementFile', 'denied.queryMatter',
    'unable.notHeld', 'unable.needsCreation', 'unable.unclear',
    'notProcessed.petition', 'notProcessed.duplicate', 'notProcessed.publication',
    'notProcessed.excessive', 'notProcessed.confirmation',
    'other',
  ],
};

/** Header cells of table B (skipped while reading), as their normalised keys. */
export const APPLICATIONS_HEADER_WORDS: readonly string[] = [
  '本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和', '勾稽关系', '申请人情况', '自然人',
  '法人或其他组织', '法人和其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他',
  '企业', '机构', '组织', '申请人类型', '法人或者其他组织', '公益组织', '注本列数据的勾稽关系',
];

export const APPLICATIONS_TABLE: TableDef = {
  key: 'applications',
  title: '收到和处理政府信息公开申请情况表',
  section: 'applications',
  rows: APPLICATIONS_ROWS,
};
