/** The pure core: reading a report, the statutory formats, the rules. No editor, LSP or Node imports. */
export * from './model';
export { readReport, type ReadOptions } from './reader/read';
export { check, runRules, toDiagnostic, DIAGNOSTIC_SOURCE, type CheckOptions, type CheckResult, type Diagnostic } from './engine';
export { RULES, ruleById } from './rules';
export type { Finding, Fix, OffsetEdit, Rule, Severity, SeveritySetting, ArithmeticData } from './rules/types';
export { subject } from './rules/types';
export { render, resolveLang, type Lang, type Message, type Text } from './l10n/text';
export { LineIndex } from './text/positions';
export { ReportIndex, fileName, surveyReport, surveyOf, type Survey, type ReportWorkspace, type CrossReports, type OtherReport, type OtherSkeleton, type ComparedParts, type ComparedPart, type FiledReport } from './workspace/workspace';
export { bodyKey, identityOf, readIdentity, type ReportIdentity } from './workspace/identity';
