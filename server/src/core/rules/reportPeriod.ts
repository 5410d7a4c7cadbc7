import { msg } from '../l10n/text';
import type { Report } from '../model';
import { fold } from '../text/normalize';
import { lazyFix, subject, type Finding, type Rule, type RuleContext } from './types';

const DAMAGED = {
  zh: '统计期限“{text}”中的日期残缺或有误，无法识别{expected}。',
  en: 'The statistics period “{text}” has damaged dates that cannot be read{expectedEn}.',
};
const NOT_YEAR = {
  zh: '统计期限为{from}至{to}，不是一个完整的年度。统计期限应为报告年度的1月1日至12月31日（《中华人民共和国政府信息公开条例》第四十九条：上一年度）。',
  en: 'The statistics period {from} – {to} is not one whole year. It must run from 1 January to 31 December of the report’s year (Regulations, art. 49: “the previous year”).',
};
const OTHER_YEAR = {
  zh: '标题年份为{titleYear}年，统计期限却是{from}至{to}。两者应为同一年度，请核对标题年份和统计期限。',
  en: 'The title names the {titleYear} report, but the statistics period is {from} – {to} ({periodYear}). They must be the same year: check the title’s year and the period.',
};
const FIX = { zh: '改为“{text}”', en: 'Change to “{text}”' };
const TITLE_HERE = { zh: '标题年份：{year}年', en: 'Year in the title: {year}' };

const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Rule 2 of issue 16: the statistics period is 1 January to 31 December of the report's year. */
export const reportPeriod: Rule = {
  id: 'report-period',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '统计期限为报告年度的1月1日至12月31日', en: 'The statistics period is 1 January to 31 December of the report’s year' },
  check(ctx) {
    const { report } = ctx;
    const out: Finding[] = [];
    const base = { ruleId: this.id, subject: subject.header('period'), severity: this.severity };
    const titleYear = report.title ? report.year?.value ?? null : null;
    if (report.damagedPeriod) {
      const year = titleYear ?? null;
      const d = report.damagedPeriod;
      const finding: Finding = {
        ...base,
        range: d.range,
        message: msg(DAMAGED, {
          text: d.text,
          expected: year ? `，应为${year}年1月1日至${year}年12月31日` : '',
          expectedEn: year ? `; it should be 1 January to 31 December ${year}` : '',
        }),
      };
      const fix = year && !report.html ? restoringFix(ctx, report, year) : null;
      if (fix) finding.fix = fix;
      out.push(finding);
    }
    const p = report.period;
    if (p?.stated) {
      const y = p.from.slice(0, 4);
      if (p.from !== `${y}-01-01` || p.to !== `${y}-12-31`) {
        out.push({ ...base, range: p.range, message: msg(NOT_YEAR, { from: zhDate(p.from), to: zhDate(p.to) }) });
      } else if (titleYear && Number(y) !== titleYear) {
        out.push({
          ...base,
          range: p.range,
          message: msg(OTHER_YEAR, { titleYear, periodYear: Number(y), from: zhDate(p.from), to: zhDate(p.to) }),
          related: [{ range: report.title!.range, message: msg(TITLE_HERE, { year: titleYear }) }],
        });
      }
    }
    return out;
  },
};

/**
 * Writing the damaged period's two dates out, only where the digits left are those of 1 January and
 * 31 December of the title's year (`201911日` → 2019年1月1日, `202020年12月31日` → 2020年12月31日).
 */
function restoringFix(ctx: RuleContext, report: Report, year: number) {
  const [from, to] = report.damagedPeriod!.ends;
  const digits = (s: string) => fold(s).replace(/\D/g, '');
  const [a, b] = [digits(from.text), digits(to.text)];
  const y = String(year);
  if (!a.startsWith(y) || !/(?:11|0101)$/.test(a) || !(b.startsWith(y) || b.startsWith('12')) || !b.endsWith('1231')) return null;
  const first = `${year}年1月1日`;
  const last = `${year}年12月31日`;
  const text = report.damagedPeriod!.text.replace(from.text, first).replace(to.text, last);
  return lazyFix(
    msg(FIX, { text }),
    () => [
      { start: ctx.index.offsetAt(from.range.start), end: ctx.index.offsetAt(from.range.end), newText: first, old: from.text },
      { start: ctx.index.offsetAt(to.range.start), end: ctx.index.offsetAt(to.range.end), newText: last, old: to.text },
    ].filter((e) => e.old !== e.newText).map(({ start, end, newText }) => ({ start, end, newText })),
    { preferred: true, safe: false },
  );
}
