import type { FormatVersion, TableLayout } from '../model';
import { SECTIONS } from '../formats/sections';
import { APPLICANT_COLUMNS } from '../formats/applicationsTable';
import { renderTable, type CellText } from './tables';

export interface SkeletonOptions {
  issuer: string;
  year: number;
  version?: FormatVersion;
  layout?: TableLayout | 'markdown';
  value?: CellText;
  eol?: string;
}

const FEES_NONE = '本年度发出收费通知的件数为0件，总金额为0万元；实际收取的总金额为0万元。';
const FEES_TO_FILL = '本年度发出收费通知的件数和总金额、实际收取的总金额：（请填写。）';

/** The prose of each part in the template: what a clerk replaces with the year's account. */
export const SECTION_PROSE: Record<string, string[]> = {
  overview: [
    '（一）主动公开',
    '（请概述本年度主动公开政府信息的情况。）',
    '（二）依申请公开',
    '（请概述本年度收到和处理政府信息公开申请的情况。）',
    '（三）政府信息管理',
    '（请概述政府信息管理工作。）',
    '（四）政府信息公开平台建设',
    '（请概述政府信息公开平台建设情况。）',
    '（五）监督保障',
    '（请概述监督保障工作。）',
  ],
  problems: ['（请说明本年度政府信息公开工作存在的主要问题及改进情况。）'],
  otherMatters: [
    '（一）收取信息处理费情况',
    FEES_NONE,
    '（二）落实上级年度政务公开工作要点情况',
    '（请说明。）',
  ],
};

/**
 * A part's template prose. Where table 三 may count applicants who did not pay a fee notice (（六）2 not 0),
 * part 六 cannot say that no notice was issued: its fee statement is left to fill in.
 */
export function sectionProse(key: string, noticesUnpaid = false): string[] {
  return (SECTION_PROSE[key] ?? []).map((l) => (l === FEES_NONE && noticesUnpaid ? FEES_TO_FILL : l));
}

export function reportTitle(issuer: string, year: number): string {
  return `${issuer}${year}年政府信息公开工作年度报告`;
}

export function preamble(issuer: string, year: number, version: FormatVersion): string {
  const notice = version === '2021'
    ? '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）'
    : '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）';
  return `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${notice}要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${issuer}联系（地址：；电话：）。`;
}

export function sectionHeading(ordinal: number): string {
  const s = SECTIONS[ordinal - 1];
  return `${s.numeral}、${s.title}`;
}

/** A whole report in the statutory structure: title, preamble, six parts, the three tables. Passes every check. */
export function renderReport(o: SkeletonOptions): string {
  const version = o.version ?? (o.year >= 2021 ? '2021' : '2019');
  const layout = o.layout ?? 'markdown';
  const eol = o.eol ?? '\n';
  const value = o.value;
  const unpaid = version === '2021' && !!value && APPLICANT_COLUMNS.some((c) => !/^0?$/.test(value('other.noFee', c.key).trim()));
  const out: string[] = [reportTitle(o.issuer, o.year), '', preamble(o.issuer, o.year, version), ''];
  for (const s of SECTIONS) {
    out.push(sectionHeading(s.ordinal));
    if (s.table) out.push(renderTable(s.table, version, layout, o.value, eol), '');
    else out.push(...sectionProse(s.key, unpaid), '');
  }
  return out.join(eol);
}
