import type { Report } from '../model';
import { msg, type Text } from '../l10n/text';
import { foldDigits } from '../text/normalize';
import type { Range } from '../text/positions';
import { frontIsWhole, frontProse, isWholeReport, openingProse, plain, some, someProse, startsAtReport } from './scope';
import { subject, type Finding, type Rule } from './types';

const MESSAGES: Record<'title' | 'basis' | 'period' | 'contact', Text> = {
  title: {
    zh: '报告开头没有标题（“机关名称＋年份＋政府信息公开工作年度报告”）。',
    en: 'The report does not start with its title (“<body> <year> 政府信息公开工作年度报告”).',
  },
  basis: {
    zh: '报告开头没有写明编制依据（《中华人民共和国政府信息公开条例》）。',
    en: 'The opening does not name the report’s legal basis (the Regulations on Open Government Information).',
  },
  period: {
    zh: '报告开头没有写明所列数据的统计期限（自当年1月1日起至12月31日止）。',
    en: 'The opening does not state the statistics period (1 January to 31 December of the year).',
  },
  contact: {
    zh: '报告没有提供联系方式（地址、电话等），公众对报告有疑问时无从联系。',
    en: 'The report gives no contact (address, telephone) for questions about it.',
  },
};

/** The header reader looks for the title this far (reader/header.ts): beyond it, a title may be there unseen. */
const TITLE_SEARCHED_LINES = 40;
const BASIS = /条例|條例/;
/** A title line the header reader could not read ('…政府信息公开 工作告年度报', '2021年信息公开工作年度报告'): short, no sentence. */
const TITLE_LIKE = /^[^。，,；;：:]{0,40}(?:信息公开|年度报告)[^。，,；;]{0,12}$/;
/** A title that starts a longer line (a report flattened onto one line: '…2019年政府信息公开工作年度报告 根据…'). */
const TITLE_START = /^[^。，,；;：:《]{0,40}?(?:19|20)\d{2}\s*年度?[^。，,；;《]{0,24}?信息公开[^。，,；;》]{0,8}?(?:报告|年报)/;
const PERIOD_WORDS = /(?:统计|統計)(?:期限|时限|時限|期间|期間|时间|時間|区间|區間|周期|週期|范围|範圍|截止)|1月1日|１月１日/;
/** Written in either script, so that no line need be folded. */
const CONTACT = /电话|電話|联系|聯繫|聯系|聯絡|地址|邮编|郵編|邮政|郵政|邮箱|郵箱|电子邮件|電子郵件|传真|傳真|热线|熱線|[0-9]{3,4}-[0-9]{7,8}/;

/** A title read only from inside a sentence (《…年度报告》 in the preamble) is no title line. */
function hasTitleLine(report: Report): boolean {
  const title = report.title;
  if (!title) return false;
  const line = openingProse(report).find((p) => p.range.start.line === title.range.start.line);
  return !line || line.text.startsWith(title.text) || title.text.startsWith(line.text);
}

/** The title, legal basis, statistics period and a contact: the opening every report has. */
export const preambleMissing: Rule = {
  id: 'preamble-missing',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '报告开头有标题、编制依据、统计期限和联系方式', en: 'The report opens with its title, legal basis, statistics period and a contact' },
  check({ report }) {
    // A text that starts at part 一 may be a copy that left the page's title and opening out.
    if (!startsAtReport(report)) return [];
    const opening = openingProse(report);
    if (opening.length === 0) return [];
    const missing: (keyof typeof MESSAGES)[] = [];
    const titled = hasTitleLine(report) || opening.some((p) => TITLE_LIKE.test(plain(report, p)) || TITLE_START.test(foldDigits(plain(report, p))));
    if (report.sections[0].line <= TITLE_SEARCHED_LINES && !titled) missing.push('title');
    if (frontIsWhole(report)) {
      if (!some(frontProse(report), (p) => BASIS.test(p.text))) missing.push('basis');
      if (!report.period && !some(frontProse(report), (p) => PERIOD_WORDS.test(p.text))) missing.push('period');
    }
    // A contact may be written anywhere, up to the sign-off: only a whole report can lack it.
    if (isWholeReport(report) && !someProse(report, CONTACT)) missing.push('contact');
    const top: Range = opening[0].range;
    const at = report.title && hasTitleLine(report) ? report.title.range : top;
    return missing.map((m): Finding => ({
      ruleId: this.id,
      subject: subject.element(m),
      severity: this.severity,
      range: m === 'title' ? { start: top.start, end: top.start } : at,
      message: msg(MESSAGES[m]),
    }));
  },
};
