import { msg } from '../l10n/text';
import { sentencesByKey, sentencesWithYears, writeYear, type ProseSentence } from '../workspace/sentences';
import { fileName, type OtherReport } from '../workspace/workspace';
import { subject, type Finding, type Rule, type RuleContext } from './types';

const MESSAGE = {
  zh: '“{year}年”与上年报告“{file}”中同一句话的年份相同，疑为沿用上年报告时未改的年份（本年报告应为{next}年）。',
  en: '“{year}” is the year last year\'s report “{file}” writes in the same sentence: probably left from last year\'s text ({next} in this year\'s report).',
};
const RELATED = { zh: '上年报告中的同一句话（{year}年）', en: 'The same sentence in last year\'s report ({year})' };
const FIX = { zh: '改为“{text}年”', en: 'Change to {text}' };

/**
 * Issue 18, rule 4: a year copied with last year's sentence. A sentence of this year's prose (years and
 * numbers folded as similarity.ts folds them) that last year's report has too, writing at one place the
 * same year there as here, where that year is last year's own or the one after it (Y−1 or Y in a report
 * of Y): last year's text was taken over without its year moved on. A comparison written fresh
 * (“较2022年增长”, where last year wrote “较2021年”) moved on with the report and is never flagged.
 */
export const yearLeftBehind: Rule = {
  id: 'year-left-behind',
  severity: 4,
  inputs: ['sections'],
  across: true,
  description: { zh: '正文年份不沿用上年报告的年份', en: 'Years in the text are not last year\'s, left from its text' },
  check(ctx) {
    const year = ctx.report.year?.value;
    const last = year ? ctx.workspace?.lastYear() : null;
    if (!year || !last) return [];
    const before = sentencesByKey(last.report);
    const out: Finding[] = [];
    for (const s of sentencesWithYears(ctx.report)) {
      const theirs = before.get(s.key)?.filter((t) => t.years.length === s.years.length);
      if (!theirs?.length) continue;
      s.years.forEach((y, i) => {
        const left = (y.value === year - 1 || y.value === year) && theirs.every((t) => t.years[i].value === y.value);
        if (left) out.push(finding(ctx, s, i, theirs[0], last));
      });
    }
    return out;
  },
};

function finding(ctx: RuleContext, s: ProseSentence, i: number, theirs: ProseSentence, last: OtherReport): Finding {
  const y = s.years[i];
  const was = theirs.years[i];
  const next = writeYear(y.value + 1, y.chinese);
  const range = s.line.rangeOf(y.start, y.end);
  const args = { year: s.line.text.slice(y.start, y.end), next, file: fileName(last.uri) };
  const f: Finding = {
    ruleId: yearLeftBehind.id,
    subject: s.line.section ? subject.section(s.line.section) : subject.document(),
    severity: yearLeftBehind.severity,
    range,
    message: msg(MESSAGE, args),
    related: [{ uri: last.uri, range: theirs.line.rangeOf(theirs.start, theirs.end), message: msg(RELATED, { year: theirs.line.text.slice(was.start, was.end) }) }],
  };
  // Not safe unattended: a year fixed in law (“2019年修订”) may fall on last year's by chance.
  if (!ctx.report.html) f.fix = { title: msg(FIX, { text: next }), edits: [{ start: ctx.index.offsetAt(range.start), end: ctx.index.offsetAt(range.end), newText: next }] };
  return f;
}
