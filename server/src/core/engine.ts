import type { Report } from './model';
import { readSourceReport, type ReadOptions } from './reader/read';
import { readSource } from './text/source';
import { RULES } from './rules';
import { subject, type ArithmeticData, type Finding, type Rule, type RuleContext, type RuleOptions, type RuleWorkspace, type Severity, type SeveritySetting } from './rules/types';
import { LineIndex, type Range } from './text/positions';
import { msg, render, type Lang } from './l10n/text';
import { countLines, countTags, LIMITS } from './limits';
import { looksLikeHtml } from './text/html';
import { readDirectives, type Directive } from './silencing/directives';
import { applySilencing } from './silencing/apply';
import { splitAccepted, type BaselineEntry } from './baseline';
import { comparedParts, type CrossReports, type OtherReport } from './workspace/workspace';
import type { NearPart } from './workspace/prints';
import { bigramsOf } from './workspace/names';
import { repeatedShare } from './workspace/similarity';

export const DIAGNOSTIC_SOURCE = 'nianbao';

export interface CheckOptions extends ReadOptions, RuleOptions {
  lang?: Lang;
  /** Per-rule severity, or 'off'. */
  severity?: Record<string, SeveritySetting>;
  /** The other reports (last year's of the same body): the cross-report rules run only with it. */
  workspace?: CrossReports;
  /** This report's entries of the baseline (core/baseline.ts), or 'all' to accept every finding (`--update-baseline`). */
  accepted?: readonly BaselineEntry[] | 'all';
  /** The checked report's own URI as the workspace names it, when it holds it: never compared with itself (its saved text may differ). */
  self?: string;
}

/** An LSP Diagnostic as plain JSON (the core imports no LSP library). */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: string;
  message: string;
  data?: ArithmeticData;
  /** A cross-report finding's places in other reports: the file (as the workspace names it), range and message. */
  related?: { uri: string; range: Range; message: string }[];
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
  /** The findings silenced by the document's comments (README, "Silencing a finding"): kept, not shown. */
  silenced: Finding[];
  /** The findings the baseline accepts (with `CheckOptions.accepted`): counted, not shown. */
  accepted?: Finding[];
}

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, Severity> = { error: 1, warning: 2, information: 3, hint: 4 };

const INTERNAL = {
  zh: '检查规则“{rule}”处理本文档时出错，其结果未显示。请将此报告反馈给开发者。',
  en: 'The rule “{rule}” failed on this document; its results are not shown. Please report this.',
};
const UNREADABLE = {
  zh: '无法读取此报告（内部错误），未作检查。请将此报告反馈给开发者。',
  en: 'This report could not be read (internal error) and was not checked. Please report this.',
};

const TOO_MANY_LINES = {
  zh: '此文件有{count}行，超过可以检查的{limit}行（一份年度报告通常不到两千行），未作检查。',
  en: 'This file has {count} lines, more than the {limit} that can be checked (an annual report has under two thousand): it was not checked.',
};
const TOO_MANY_TAGS = {
  zh: '此网页文件有{count}个标记，超过可以检查的{limit}个（一份年度报告的网页通常不到五万个），未作检查。',
  en: 'This web page has {count} tags, more than the {limit} that can be checked (an annual report\'s page has under fifty thousand): it was not checked.',
};

/**
 * A text with more lines (or, as HTML, more tags) than any report (LIMITS) is not read: one finding
 * says so. Its cost is a count and the line index, whatever the text's shape.
 */
export function overWorkLimit(text: string): (CheckResult & { index: LineIndex }) | null {
  const lines = countLines(text);
  const tags = lines <= LIMITS.lines && looksLikeHtml(text) ? countTags(text) : 0;
  if (lines <= LIMITS.lines && tags <= LIMITS.htmlTags) return null;
  const index = new LineIndex(text);
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const message = lines > LIMITS.lines ? msg(TOO_MANY_LINES, { count: lines, limit: LIMITS.lines }) : msg(TOO_MANY_TAGS, { count: tags, limit: LIMITS.htmlTags });
  const finding: Finding = { ruleId: 'file-too-large', subject: subject.document(), severity: 2, range: top, message };
  return { index, report: emptyReport(index.lineCount), findings: [finding], silenced: [] };
}

/** Reads a report and runs every enabled rule. Never throws: a failing rule becomes one diagnostic. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const refused = overWorkLimit(text);
  if (refused) return { report: refused.report, findings: refused.findings, silenced: [] };
  let report: Report;
  let index: LineIndex;
  let directives: Directive[];
  try {
    const src = readSource(text);
    index = src.index;
    report = readSourceReport(src, options);
    directives = readDirectives(text, index, src.html);
  } catch {
    index = new LineIndex(text);
    const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { report: emptyReport(index.lineCount), findings: [{ ruleId: 'internal-error', subject: subject.document(), severity: 1, range: top, message: msg(UNREADABLE) }], silenced: [] };
  }
  return silence(runRules(report, text, index, options), directives, options, report);
}

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** The step after the rules: findings filtered by the silencing comments and the baseline; the full check and the session share it. */
export function silence(findings: Finding[], directives: readonly Directive[], options: CheckOptions, report: Report): CheckResult {
  const out = applySilencing(findings, directives, RULE_IDS, capped);
  const hints = options.severity?.['unused-disable'];
  if (hints === 'off') out.findings = out.findings.filter((f) => f.ruleId !== 'unused-disable');
  else if (hints) for (const f of out.findings) if (f.ruleId === 'unused-disable') f.severity = SEVERITY[hints];
  if (!options.accepted) return { report, ...out };
  const split = splitAccepted(out.findings, options.accepted);
  return { report, findings: split.findings, silenced: out.silenced, accepted: split.accepted };
}

export function runRules(report: Report, text: string, index: LineIndex, options: CheckOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  const workspace = options.workspace && ruleWorkspace(options.workspace, report, options.self);
  return mergeFindings(rules.map((rule) => runRule(rule, { report, text, index, workspace }, options)));
}

/**
 * What a rule is given, its text joined only when a rule asks (an insertion fix). A class, not an object
 * literal with a getter, which would give each call a hidden class of its own (text/source.ts, `RelinedText`).
 */
export class RuleCall implements RuleContext {
  readonly #text: () => string;
  constructor(text: () => string, readonly report: Report, readonly index: LineIndex, readonly options?: RuleOptions, readonly workspace?: RuleWorkspace) {
    this.#text = text;
  }
  get text(): string {
    return this.#text();
  }
}

/** The workspace about one report: last year's report and the near parts looked up once, when a rule first asks. */
export function ruleWorkspace(cross: CrossReports, report: Report, self?: string): RuleContext['workspace'] {
  let last: OtherReport | null | undefined;
  let near: NearPart[] | undefined;
  const other = (x: { uri: string }) => x.uri !== self;
  return {
    lastYear: () => (last === undefined ? (last = [cross.lastYear(report)].find((x) => x && other(x)) ?? null) : last),
    filed: (by) => (cross.filed?.(by) ?? []).filter(other),
    namesHeld: (year, text, share) => {
      const held = cross.namesHeld?.(year, text, share) ?? (cross.filed?.({ year }) ?? []).filter((f) => repeatedShare(bigramsOf(f.identity), text) >= share);
      return held.filter(other);
    },
    nearParts: () => (near ??= (cross.nearParts?.(report, self) ?? []).filter(other)),
    open: (uri) => cross.open?.(uri) ?? null,
    compared: (uri) => {
      if (cross.compared) return cross.compared(uri);
      const skeleton = cross.open?.(uri);
      return skeleton ? comparedParts(skeleton) : null;
    },
  };
}

/** One rule's findings with the user's severity; a rule that throws becomes one diagnostic. */
export function runRule(rule: Rule, ctx: RuleContext, options: CheckOptions = {}): Finding[] {
  const setting = options.severity?.[rule.id];
  if (setting === 'off' || (rule.across && !ctx.workspace)) return [];
  try {
    // The text stays lazy (a spread would read it): on a keystroke only an insertion fix needs it joined.
    const out = rule.check(new RuleCall(() => ctx.text, ctx.report, ctx.index, { blankAsZero: options.blankAsZero }, ctx.workspace));
    if (setting) for (const f of out) f.severity = SEVERITY[setting] ?? f.severity;
    return capped(out);
  } catch {
    return [{
      ruleId: 'internal-error', subject: subject.rule(rule.id), severity: 2,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: msg(INTERNAL, { rule: rule.id }),
    }];
  }
}

const MORE = {
  zh: '同类问题另有{count}处，未逐一列出。',
  en: '{count} more findings of this kind are not listed.',
};

/** A rule says at most LIMITS.findingsPerRule things; one more finding says how many it left out. */
function capped(out: Finding[]): Finding[] {
  const max = LIMITS.findingsPerRule;
  if (out.length <= max) return out;
  const next = out[max];
  const more: Finding = { ruleId: next.ruleId, subject: `${subject.rule(next.ruleId)}/more`, severity: next.severity, range: next.range, message: msg(MORE, { count: out.length - max }) };
  return [...out.slice(0, max), more];
}

/** All rules' findings in rule order, then by position (a stable sort keeps rule order per place). */
export function mergeFindings(perRule: Finding[][]): Finding[] {
  return perRule.flat().sort(byPosition);
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function toDiagnostic(f: Finding, lang: Lang = 'zh-CN'): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: f.severity,
    code: f.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: render(f.message, lang),
  };
  if (f.data) d.data = f.data;
  const elsewhere = f.related?.filter((r) => r.uri !== undefined);
  if (elsewhere?.length) d.related = elsewhere.map((r) => ({ uri: r.uri!, range: r.range, message: render(r.message, lang) }));
  return d;
}

export function emptyReport(lineCount: number): Report {
  return {
    title: null, issuer: null, year: null, period: null, damagedPeriod: null, dates: [], signatory: null,
    format: { version: null, source: null }, script: 'simplified', html: false,
    sections: [], tables: { active: null, applications: null, reviewLitigation: null },
    prose: [], opening: [], proseIn: () => [], proseOutsideRegions: () => [], lineCount,
  };
}
