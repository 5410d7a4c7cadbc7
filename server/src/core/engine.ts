import type { Report } from './model';
import { readSourceReport, type ReadOptions } from './reader/read';
import { readSource } from './text/source';
import { RULES } from './rules';
import { subject, type ArithmeticData, type Finding, type Rule, type RuleContext, type RuleOptions, type Severity, type SeveritySetting } from './rules/types';
import { LineIndex, type Range } from './text/positions';
import { msg, render, type Lang } from './l10n/text';

export const DIAGNOSTIC_SOURCE = 'nianbao';

export interface CheckOptions extends ReadOptions, RuleOptions {
  lang?: Lang;
  /** Per-rule severity, or 'off'. */
  severity?: Record<string, SeveritySetting>;
}

/** An LSP Diagnostic as plain JSON (the core imports no LSP library). */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: string;
  message: string;
  data?: ArithmeticData;
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
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

/** Reads a report and runs every enabled rule. Never throws: a failing rule becomes one diagnostic. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  let report: Report;
  let index: LineIndex;
  try {
    const src = readSource(text);
    index = src.index;
    report = readSourceReport(src, options);
  } catch {
    index = new LineIndex(text);
    const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { report: emptyReport(index.lineCount), findings: [{ ruleId: 'internal-error', subject: subject.document(), severity: 1, range: top, message: msg(UNREADABLE) }] };
  }
  return { report, findings: runRules(report, text, index, options) };
}

export function runRules(report: Report, text: string, index: LineIndex, options: CheckOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  return mergeFindings(rules.map((rule) => runRule(rule, { report, text, index }, options)));
}

/** One rule's findings with the user's severity; a rule that throws becomes one diagnostic. */
export function runRule(rule: Rule, ctx: RuleContext, options: CheckOptions = {}): Finding[] {
  const setting = options.severity?.[rule.id];
  if (setting === 'off') return [];
  try {
    // The text stays lazy (a spread would read it): on a keystroke only an insertion fix needs it joined.
    const out = rule.check({ report: ctx.report, index: ctx.index, get text() { return ctx.text; }, options: { blankAsZero: options.blankAsZero } });
    if (setting) for (const f of out) f.severity = SEVERITY[setting] ?? f.severity;
    return out;
  } catch {
    return [{
      ruleId: 'internal-error', subject: subject.rule(rule.id), severity: 2,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: msg(INTERNAL, { rule: rule.id }),
    }];
  }
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
  return d;
}

export function emptyReport(lineCount: number): Report {
  return {
    title: null, issuer: null, year: null, period: null,
    format: { version: null, source: null }, script: 'simplified', html: false,
    sections: [], tables: { active: null, applications: null, reviewLitigation: null },
    prose: [], lineCount,
  };
}
