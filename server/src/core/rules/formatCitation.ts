import type { ProseLine, Range, Report } from '../model';
import { msg } from '../l10n/text';
import { certainYear } from './scope';
import { subject, type Finding, type Rule } from './types';

/** In either script: a Traditional copy writes 國辦公開辦函…號. */
const NOTICE_2019 = /[国國][办辦]公[开開][办辦]函\s*[〔[(（【]\s*2019\s*[〕\])）】]\s*60\s*[号號]/;
/** The 2021 notice by its number, or by its title (印发《…年度报告格式》的通知). */
const NOTICE_2021 = /[〔[(（【]\s*2021\s*[〕\])）】]\s*30\s*[号號]|年度[报報]告格式\s*[》〉>]/;

/** The citation names the report's basis (根据…通知（国办公开办函〔2019〕60号）要求编制). */
const BASIS = /根[据據]|依[据據照]|[按遵参參]照|遵循|执行|執行/;

const MESSAGE = {
  zh: '本报告是{year}年度报告，所引依据是国办公开办函〔2019〕60号。自2021年度报告起，年度报告格式依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号），请引用该通知。',
  en: 'This is the {year} report, and the basis it cites is 国办公开办函〔2019〕60号. From the 2021 reports on, the format is that of 国办公开办函〔2021〕30号: cite that notice.',
};

/** Where the match lies in a prose line: exact when the line is written as read (plain text), else the whole line. */
function matchRange(line: ProseLine, index: number, length: number): Range {
  const { start, end } = line.range;
  if (start.line !== end.line || end.character - start.character !== line.text.length) return line.range;
  return { start: { line: start.line, character: start.character + index }, end: { line: start.line, character: start.character + index + length } };
}

/** The basis is stated in the first paragraphs, never deep in the account: the lines of part 一 read for it. */
const OVERVIEW_LINES = 8;

/** The prose where a report states its basis: the preamble, and the start of part 一 when the preamble is in it. */
function basisLines(report: Report): ProseLine[] {
  const out: ProseLine[] = [];
  let overview = 0;
  for (const l of report.opening) {
    if (l.section !== null && l.section !== 'overview') break;
    if (l.section === 'overview' && ++overview > OVERVIEW_LINES) break;
    out.push(l);
  }
  return out;
}

/** A 2021-or-later report whose preamble (or the start of part 一) cites the 2019 notice as its basis and not the 2021 one (issue 16, rule 1). */
export const formatCitation: Rule = {
  id: 'format-citation',
  severity: 4,
  inputs: ['sections'],
  description: { zh: '2021年度起的报告引用国办公开办函〔2021〕30号', en: 'Reports from 2021 on cite 国办公开办函〔2021〕30号' },
  check({ report }) {
    const year = certainYear(report);
    if (year === null || year < 2021) return [];
    const preamble = basisLines(report);
    if (preamble.some((l) => NOTICE_2021.test(l.text))) return [];
    const out: Finding[] = [];
    for (const line of preamble) {
      const m = NOTICE_2019.exec(line.text);
      if (!m || !BASIS.test(line.text.slice(0, m.index))) continue;
      out.push({
        ruleId: this.id, subject: subject.document(), severity: this.severity,
        range: matchRange(line, m.index, m[0].length), message: msg(MESSAGE, { year }),
      });
      break;
    }
    return out;
  },
};
