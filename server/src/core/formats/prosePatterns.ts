/**
 * What the prose of a report says about its tables, as data: which phrase names which cells
 * (rule prose-table-mismatch). A phrase is matched on folded text (ASCII digits and punctuation,
 * Simplified script, white space removed) at the end of the clause right before a number, or, for
 * number-first phrasing ('收到4件…申请'), around it. A number no phrase places is left alone.
 */

interface Wording {
  zh: string;
  en: string;
}

export type ProseTable = 'active' | 'applications' | 'reviewLitigation';

export interface ProseCount {
  id: string;
  table: ProseTable;
  /** Rows (or groups of table 三: their rows in the table's format version) whose cells add up to the number. */
  rows: readonly string[];
  /** The column of those cells: 总计 in tables 三 and 四; in table 二, by format version. */
  column?: { '2019': string; '2021': string };
  /** What the number is, for the message. */
  name: Wording;
  /** The words right before the number: the end of its clause. */
  before?: RegExp;
  /** Number first: the whole clause before the number, and the words right after its unit. */
  lead?: RegExp;
  after?: RegExp;
  /** The unit written after the number. */
  unit: RegExp;
  /** The sentence (or the one it refers back to) must say what it counts. */
  about: RegExp;
  /** Words after the number in its sentence that make it another count ('含上年结转'). */
  notAfter?: RegExp;
  /** The clause must not continue a list: '属于国家秘密、保护第三方合法权益不予公开7件' counts both rows. */
  alone?: boolean;
}

/** Between a phrase and its number: 数量/总数, 共/共计, 为/有/达. */
const FILL = '(?:数量|总数|数)?(?:共计|合计|总计|共)?(?:为|是|有|达)?';
const ANSWERED = '(?:答复|决定)?的?(?:申请)?';
const APPLICATION = '(?:政府信息公开申请|信息公开申请|政府信息依申请公开(?:申请|办理事项|事项)?|依申请公开(?:政府信息)?(?:申请|事项)?|依申请(?:政府)?信息公开(?:申请|事项)?|申请公开政府信息(?:的申请)?)';
const APPLICATIONS_ABOUT = /申请/;
const REVIEW_ABOUT = /信息公开/;

const end = (s: string): RegExp => new RegExp(`${s}${FILL}$`);

/**
 * Table 二's decisions: only a decision named as one ('作出行政许可决定12件', '行政处罚决定数量为3件'), never
 * what was published about it ('行政许可类信息10条' counts items of information, corpus 121).
 */
const decisions = (id: string, kind: string, zh: string, en: string): ProseCount => ({
  id, table: 'active', rows: [id], column: { '2019': 'decisions', '2021': 'decisions' },
  name: { zh, en },
  before: end(`(?:(?:作出|做出)了?(?:各类|各项)?${kind}(?:决定)?|${kind}决定(?:书)?)`),
  unit: /^(?:件|个|份)/, about: new RegExp(kind),
});

/** Table 二's documents: issued ('印发并公开的行政规范性文件17件'), never merely published ('主动公开市政府规章13件'). */
const issued = (id: string, kind: string, zh: string, en: string): ProseCount => ({
  id, table: 'active', rows: [id], column: { '2019': 'newlyMade', '2021': 'issued' },
  name: { zh, en },
  before: end(`(?:制定|制发|出台|印发)(?:并(?:公开|公布|发布))?了?的?${kind}`),
  unit: /^(?:件|个|部|份)/, about: new RegExp(kind),
});

/** Who may stand before a reason in its clause: '其中', '因', '本机关', '我局'. */
const REASON_LEAD = '^(?:其中)?(?:因|由于|系)?(?:本[^,;:、]{1,3}?|我[^,;:、]{1,3}?)?(?:属于|涉及)?';

/**
 * A numbered row of table 三's results named by its own words ('属于国家秘密7件', '本办不掌握相关政府信息2件',
 * '因重复申请不予处理1件'). The clause is the reason alone, with its result after it at most: listed first, so
 * '因属于国家秘密不予公开3件' is the row and not the group (三).
 */
const reason = (row: string, words: string, result: string, zh: string): ProseCount => ({
  id: row, table: 'applications', rows: [row],
  name: { zh: `${zh}的申请数量`, en: `the applications of row “${zh}”` },
  before: new RegExp(`${REASON_LEAD}${words}(?:的|而|等?原因)?(?:${result})?${ANSWERED}${FILL}$`),
  unit: /^件/, about: APPLICATIONS_ABOUT, alone: true,
});

const REASONS: readonly ProseCount[] = [
  reason('denied.stateSecret', '国家秘密', '不予公开', '属于国家秘密'),
  reason('denied.prohibitedByLaw', '(?:其他)?法律行政法规禁止公开', '不予公开', '其他法律行政法规禁止公开'),
  reason('denied.threeSecurities', '危及"?三安全一稳定"?', '不予公开', '危及“三安全一稳定”'),
  reason('denied.thirdParty', '(?:保护|涉及|侵犯|损害)?第三方合法权益', '不予公开', '保护第三方合法权益'),
  reason('denied.internalAffairs', '三类内部事务信息', '不予公开', '属于三类内部事务信息'),
  reason('denied.processInfo', '四类过程性+信息', '不予公开', '属于四类过程性信息'),
  reason('denied.enforcementFile', '行政执法案卷(?:信息)?', '不予公开', '属于行政执法案卷'),
  reason('denied.queryMatter', '行政查询事项', '不予公开', '属于行政查询事项'),
  reason('unable.notHeld', '不掌握(?:该|相关|所申请的?)?(?:政府)?信息', '无法提供', '本机关不掌握相关政府信息'),
  reason('unable.needsCreation', '(?:没有现成信息)?需要?另行制作', '无法提供', '没有现成信息需要另行制作'),
  reason('unable.unclear', '补正后(?:申请)?内容仍不明确', '无法提供', '补正后申请内容仍不明确'),
  reason('notProcessed.petition', '信访举报投诉类?(?:申请)?', '不予处理', '信访举报投诉类申请'),
  reason('notProcessed.duplicate', '重复申请', '不予处理', '重复申请'),
  reason('notProcessed.publication', '要求提供公开出版物', '不予处理', '要求提供公开出版物'),
  reason('notProcessed.excessive', '无正当理由大量反复申请', '不予处理', '无正当理由大量反复申请'),
  reason('notProcessed.confirmation', '要求行政机关确认或重新出具已获取信息', '不予处理', '要求行政机关确认或重新出具已获取信息'),
  reason('other.noCorrection', '(?:申请人)?(?:无正当理由)?逾期不补正', '(?:不再处理|其他处理)', '申请人无正当理由逾期不补正'),
  reason('other.noFee', '(?:申请人)?逾期未按收费通知要求缴纳费用', '(?:不再处理|其他处理)', '申请人逾期未按收费通知要求缴纳费用'),
];

export const PROSE_COUNTS: readonly ProseCount[] = [
  ...REASONS,
  decisions('licensing', '行政许可', '本年作出的行政许可决定数量', 'the licensing decisions this year'),
  decisions('penalties', '行政处罚', '本年作出的行政处罚决定数量', 'the penalty decisions this year'),
  decisions('enforcement', '行政强制', '本年作出的行政强制决定数量', 'the enforcement decisions this year'),
  issued('rules', '(?:部门|政府)?规章', '本年制发的规章件数', 'the rules issued this year'),
  issued('normativeDocuments', '(?:行政)?规范性文件', '本年制发的行政规范性文件件数', 'the normative documents issued this year'),
  {
    id: 'newReceived', table: 'applications', rows: ['newReceived'],
    name: { zh: '本年新收政府信息公开申请数量', en: 'the new applications this year' },
    before: end(`(?:新收|收到|接收|接到)了?(?:各类|各种)?的?${APPLICATION}`),
    unit: /^(?:件|项|份|条|个)/, about: APPLICATIONS_ABOUT, notAfter: /(?:含|包括|包含)[^。;]{0,16}(?:结转|上年|上一年|去年)/,
  },
  {
    id: 'newReceived', table: 'applications', rows: ['newReceived'],
    name: { zh: '本年新收政府信息公开申请数量', en: 'the new applications this year' },
    lead: /(?:收到|接收|接到)了?$/, after: /^[^,;:、]{0,20}?(?:信息公开|依申请公开)[^,;:、]{0,8}?申请/,
    unit: /^(?:件|项|份|个)/, about: APPLICATIONS_ABOUT, notAfter: /(?:含|包括|包含)[^。;]{0,16}(?:结转|上年|上一年|去年)/,
  },
  {
    id: 'carriedOver', table: 'applications', rows: ['carriedOver'],
    name: { zh: '上年结转政府信息公开申请数量', en: 'the applications carried over from last year' },
    before: end(`(?:(?:上一?年度?|去年)结转|结转上一?年度?)的?(?:${APPLICATION}|申请)?`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'carriedForward', table: 'applications', rows: ['carriedForward'],
    name: { zh: '结转下年度继续办理的申请数量', en: 'the applications carried forward to next year' },
    before: end('(?:结转|转入?)(?:到|至)?下一?年度?(?:继续)?(?:办理)?(?:答复)?的?(?:申请)?'),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'carriedForward', table: 'applications', rows: ['carriedForward'],
    name: { zh: '结转下年度继续办理的申请数量', en: 'the applications carried forward to next year' },
    lead: /^(?:其中|另有|尚有|有)?$/, after: /^(?:申请)?(?:结转|转入?)(?:到|至)?下一?年/,
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  // The sum first: '予以公开及部分公开258件' is rows (一)+(二), and its tail is not row (二) alone.
  {
    id: 'grantedOrPartially', table: 'applications', rows: ['granted', 'partiallyGranted'],
    name: { zh: '予以公开和部分公开的申请数量', en: 'the applications disclosed in full or in part' },
    before: end(`(?:(?:予以公开|全部公开|同意公开)(?:及|和|或者|或|与|、)部分公开|全部或者?部分公开)${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'granted', table: 'applications', rows: ['granted'],
    name: { zh: '予以公开的申请数量', en: 'the applications disclosed' },
    before: end(`(?<![不及和或与、])(?:予以公开|同意公开)${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'partiallyGranted', table: 'applications', rows: ['partiallyGranted'],
    name: { zh: '部分公开的申请数量', en: 'the applications partially disclosed' },
    before: end(`(?<![及和或与、])部分公开${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'denied', table: 'applications', rows: ['denied'],
    name: { zh: '不予公开的申请数量', en: 'the applications not disclosed' },
    before: end(`不予公开${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'unable', table: 'applications', rows: ['unable'],
    name: { zh: '无法提供的申请数量', en: 'the applications that could not be provided' },
    before: end(`无法提供${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'notProcessed', table: 'applications', rows: ['notProcessed'],
    name: { zh: '不予处理的申请数量', en: 'the applications not processed' },
    before: end(`不予处理${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'otherHandling', table: 'applications', rows: ['otherHandling'],
    name: { zh: '其他处理的申请数量', en: 'the applications handled otherwise' },
    before: end(`其他处理${ANSWERED}`),
    unit: /^件/, about: APPLICATIONS_ABOUT,
  },
  {
    id: 'review', table: 'reviewLitigation', rows: ['review'],
    name: { zh: '政府信息公开行政复议案件数量', en: 'the reconsideration cases' },
    before: end('(?<![和及与、])行政复议(?:案件|申请)?'),
    unit: /^(?:件|起|宗|个)/, about: REVIEW_ABOUT,
  },
  {
    id: 'review', table: 'reviewLitigation', rows: ['review'],
    name: { zh: '政府信息公开行政复议案件数量', en: 'the reconsideration cases' },
    lead: /^(?:.*(?:共|有|发生|收到))?$/, after: /^(?:涉及|因)?(?:政府)?信息公开[^,;:、]{0,8}?行政复议(?!后)/,
    unit: /^(?:件|起|宗)/, about: REVIEW_ABOUT,
  },
  {
    id: 'litigation', table: 'reviewLitigation', rows: ['litigationDirect', 'litigationAfterReview'],
    name: { zh: '政府信息公开行政诉讼案件数量', en: 'the litigation cases' },
    before: end('(?<![和及与、])行政诉讼(?:案件)?'),
    unit: /^(?:件|起|宗|个)/, about: REVIEW_ABOUT,
  },
];

/** A wider area than the reporting body, or its parts: a count of the whole district is not its table's. */
const AREA = [
  '全市', '全省', '全区', '全县', '全镇', '全乡', '全街', '全系统', '各(?:部门|单位|级|镇|乡|街道|区|县|市|地)', '下属', '所属',
];

/**
 * Words before a number, in its sentence, that make it a part of the count or another year's
 * (a channel, an applicant type, a part of the year, a comparison, a wider area): left alone.
 */
export const PARTIAL_COUNT = new RegExp([
  '通过', '网络', '网上', '在线', '信函', '邮寄', '邮件', '当面', '现场', '电话', '传真', '窗口', '平台', '渠道',
  '自然人', '法人', '企业', '公民', '律师', '上半年', '下半年', '季度', '月份', '同比', '相比', '较', '比上年', '去年',
  '前年', '历年', '以来', '近[0-9一二三四五六七八九十]+年', '转办', '转来', '协助', '分别', '平均', '每', ...AREA,
].join('|'));

/** The same for the sentence a number's sentence refers back to ('…全区共收到1499件。其中,予以公开966件'). */
export const WIDER_AREA = new RegExp(AREA.join('|'));

/** A sentence that refers back to the one before ('涉及的行政诉讼数为0件'). */
export const REFERS_BACK = /^(?:涉及|其中|该|上述|以上)/;

/** Table 四: what the prose may claim about the outcomes, and which outcome columns contradict it. */
export interface OutcomeClaim {
  id: string;
  /** Global: every claim of a paragraph is found. */
  words: RegExp;
  contradictedBy: readonly string[];
}

export const OUTCOME_CLAIMS: readonly OutcomeClaim[] = [
  { id: 'allUpheld', words: /(?:均|全部|都)(?:已|被|获|予以|得到)*(?:复议机关|法院|人民法院)?维持/g, contradictedBy: ['corrected', 'otherResult', 'pending'] },
  { id: 'notCorrected', words: /(?:未|没有)被?(?:复议(?:审查)?机关|法院|人民法院)?(?:纠错|纠正|撤销|确认违法)/g, contradictedBy: ['corrected'] },
];
