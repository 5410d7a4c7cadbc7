import { msg } from '../l10n/text';
import type { Report } from '../model';
import type { Range } from '../text/positions';
import { bodyKey } from '../workspace/identity';
import { bigramsOf } from '../workspace/names';
import { repeatedShare, shingles } from '../workspace/similarity';
import { fileName, type FiledReport } from '../workspace/workspace';
import { subject, type Finding, type Rule, type RuleWorkspace } from './types';

/** The share of another report's body name (its character pairs, folded) found in this report's title and opening from which the two are said to be alike. */
export const NAME_SIMILAR = 0.8;
/** Opening lines read for a body's name where the title has none. */
const OPENING_LINES = 8;

const NO_BODY = {
  zh: '无法从标题和落款识别本报告的发布机关，本报告未参加跨报告检查（如与上年报告比对）。“{file}”是名称相近的{name}的{year}年报告：如为同一机关，请在标题中写明机关全称。',
  en: 'The issuing body of this report cannot be recognised from its title or 落款: it takes part in no cross-report check (such as the comparison with last year\'s). “{file}” is the {year} report of {name}, a similar name: if it is the same body, write its full name in the title.',
};
const NO_YEAR = {
  zh: '无法从标题识别本报告的年度，本报告未参加跨报告检查（如与上年报告比对）。“{file}”是同一机关（{name}）的{year}年报告：请在标题中写明年度。',
  en: 'The year of this report cannot be recognised from its title: it takes part in no cross-report check (such as the comparison with last year\'s). “{file}” is the {year} report of the same body ({name}): write the year in the title.',
};
const RELATED = { zh: '{name}的{year}年报告', en: 'The {year} report of {name}' };

/**
 * Issue 18: a report whose issuing body or year cannot be recognised is left out of the cross-report
 * rules. Said only where it matters — the workspace holds a report of the same year whose body's name
 * this report's title or opening nearly contains (NAME_SIMILAR), or one of the same body — naming it;
 * a lone report without a title says nothing.
 */
export const reportIdentity: Rule = {
  id: 'report-identity',
  severity: 3,
  inputs: ['sections'],
  across: true,
  description: { zh: '可以识别报告的发布机关和年度，以便与其他报告比对', en: 'The issuing body and year can be recognised, for comparing with other reports' },
  check(ctx) {
    const ws = ctx.workspace;
    const { report } = ctx;
    const name = report.issuer?.text ?? report.signatory?.text ?? '';
    const body = bodyKey(name);
    const year = report.year?.value;
    if (!ws || (year && body.length >= 2)) return [];
    if (body.length >= 2) {
      const same = ws.filed({ body })[0];
      return same ? [finding(ws, report, same, NO_YEAR)] : [];
    }
    if (!year) return [];
    const best = similarlyNamed(report, year, ws);
    return best ? [finding(ws, report, best, NO_BODY)] : [];
  },
};

/** The report of the year whose body's name this report's title and opening hold best, at NAME_SIMILAR or more. */
function similarlyNamed(report: Report, year: number, ws: RuleWorkspace): FiledReport | null {
  const opening = report.opening.slice(0, OPENING_LINES).map((l) => l.text);
  const mine = shingles(bodyKey([report.title?.text ?? '', ...opening].join('')), 2);
  let best: FiledReport | null = null;
  let bestShare = NAME_SIMILAR;
  for (const f of ws.namesHeld(year, mine, NAME_SIMILAR)) {
    const share = repeatedShare(bigramsOf(f.identity), mine);
    if (share >= bestShare && (!best || share > bestShare)) [best, bestShare] = [f, share];
  }
  return best;
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function finding(ws: RuleWorkspace, report: Report, other: FiledReport, template: typeof NO_BODY): Finding {
  const args = { file: fileName(other.uri), name: other.identity.name, year: other.identity.year };
  return {
    ruleId: reportIdentity.id,
    subject: subject.document(),
    severity: reportIdentity.severity,
    range: report.title?.range ?? TOP,
    message: msg(template, args),
    related: [{ uri: other.uri, range: ws.open(other.uri)?.report.title?.range ?? TOP, message: msg(RELATED, args) }],
  };
}
