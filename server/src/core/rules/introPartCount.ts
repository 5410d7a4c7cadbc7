import type { ProseLine, Report } from '../model';
import { CHINESE_NUMERALS, numeralValue } from '../formats/sections';
import { msg } from '../l10n/text';
import type { Range } from '../text/positions';
import { foldDigits } from '../text/normalize';
import { frontProse, holdsAllParts, plain } from './scope';
import { extraParts } from './sectionExtra';
import { subject, type Finding, type Rule } from './types';

const COUNT = {
  zh: '引言称本报告包括“{stated}部分”，正文实有{found}个部分。引言所述部分应与正文各部分标题一致。',
  en: 'The introduction says the report has {statedEn} parts; its text has {foundEn}. The introduction should match the part headings.',
};
const LIST = {
  zh: '引言列举了{listed}个部分，却称共“{stated}部分”。',
  en: 'The introduction lists {listedEn} parts but says there are {statedEn}.',
};

/** '本报告由总体情况、…、其他需要报告的事项等六部分组成', '报告包括概述、…等八部分内容'. */
const INTRO = /(?:报告|全文|年报)[^。；;]{0,12}?(?:包括|包含|分为|由)([^。；;]{4,300}?)(?:等|共)?\s*([一二三四五六七八九十]|[0-9]{1,2})\s*个?部分/;
const INTRO_LINES = 12;
/** What a listed part's name ends with; a list split anywhere else is not counted. */
const ITEM_END = /(?:情况|事项|概述|概况|措施|计划|问题|工作)$/;

export interface Intro {
  line: ProseLine;
  stated: number;
  statedText: string;
  /** How many parts the list names, when it can be told. */
  listed: number | null;
  /** Offsets of the count ('八部分') in the line's text. */
  from: number;
  to: number;
}

export function findIntro(report: Report): Intro | null {
  // The introduction opens the report: its first lines, not the whole of part 一.
  let n = 0;
  for (const line of frontProse(report)) {
    if (++n > INTRO_LINES) break;
    if (!line.text.includes('部分')) continue;
    const text = foldDigits(plain(report, line));
    const m = INTRO.exec(text);
    if (!m) continue;
    const stated = numeralValue(m[2]);
    if (stated === null) continue;
    // Offsets in the folded text are the line's own only where folding kept its length.
    const same = text.length === line.text.length;
    const from = same ? m.index + m[0].lastIndexOf(m[2]) : 0;
    const to = same ? m.index + m[0].length : line.text.length;
    return { line, stated, statedText: m[2], listed: countItems(m[1]), from, to };
  }
  return null;
}

/** The list's items: split at 、，; '行政复议、行政诉讼' is one item; '…情况和其他…事项' two. */
function countItems(list: string): number | null {
  const pieces = list.replace(/(情况|措施)(?:和|及|以及)(?=其他)/, '$1、').split(/[、，,]/).map((s) => s.trim());
  const items: string[] = [];
  for (const p of pieces) {
    if (items.length && /^(?:提起)?行政诉讼/.test(p) && /行政复议$/.test(items[items.length - 1])) items[items.length - 1] += p;
    else items.push(p);
  }
  return items.every((s) => ITEM_END.test(s)) ? items.length : null;
}

function sub(line: ProseLine, text: string, from: number, to: number): Range {
  const r = line.range;
  const linear = r.start.line === r.end.line && r.end.character - r.start.character === text.length;
  return linear ? { start: { line: r.start.line, character: r.start.character + from }, end: { line: r.start.line, character: r.start.character + to } } : r;
}

const zhCount = (n: number) => (n >= 1 && n <= 10 ? CHINESE_NUMERALS[n - 1] : String(n));

/** The introduction's count of parts against the parts (seed 002 says 八部分 and has six). */
export const introPartCount: Rule = {
  id: 'intro-part-count',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '引言所述部分数与正文一致', en: 'The introduction’s count of parts matches the text' },
  check({ report }) {
    // An excerpt that stops early has fewer headings for no fault.
    if (!holdsAllParts(report)) return [];
    const intro = findIntro(report);
    if (!intro) return [];
    const found = new Set(report.sections.map((s) => s.key)).size + extraParts(report).length;
    const range = sub(intro.line, intro.line.text, intro.from, intro.to);
    const base = { ruleId: this.id, subject: subject.section('overview'), severity: this.severity, range };
    const stated = intro.statedText;
    const out: Finding[] = [];
    if (intro.stated !== found) {
      out.push({ ...base, message: msg(COUNT, { stated, statedEn: intro.stated, found: zhCount(found), foundEn: found }) });
    }
    if (intro.listed !== null && intro.listed !== intro.stated) {
      out.push({ ...base, message: msg(LIST, { stated, statedEn: intro.stated, listed: zhCount(intro.listed), listedEn: intro.listed }) });
    }
    return out;
  },
};
