import { pathToFileURL } from 'node:url';
import { relative, resolve, sep } from 'node:path';
import type * as Sarif from 'sarif';
import { RULES } from '../core/rules';
import type { Lang, Text } from '../core/l10n/text';
import type { ReviewEntry, ReviewFinding } from '../core/review/summary';

/** The tool as SARIF names it. */
export interface SarifTool {
  version: string;
  informationUri: string;
  /** A rule's help page (its section of docs/rules.md). */
  helpUri: (ruleId: string) => string;
  lang: Lang;
  /** The folder artifact URIs are relative to (`%SRCROOT%`). */
  root: string;
}

/** Findings that are not a rule's (the checker's own), described here as the rules describe themselves. */
const CHECKER_RULES: Record<string, { description: Text; level: Sarif.ReportingConfiguration.level }> = {
  'file-too-large': { description: { zh: '文件过大，未作检查', en: 'File too large to check' }, level: 'warning' },
  'internal-error': { description: { zh: '检查器内部错误', en: 'The checker failed on this text' }, level: 'error' },
  'unused-disable': { description: { zh: '忽略注释没有忽略任何问题', en: 'A silencing comment silences nothing' }, level: 'note' },
};

export function sarifLevel(severity: number): Sarif.Result.level {
  return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'note';
}

/** A path as a URI reference relative to the root: forward slashes, each segment percent-encoded. */
export function artifactUri(file: string, root: string): string {
  if (file === '-') return '-';
  return relative(root, resolve(file)).split(sep).map(encodeURIComponent).join('/');
}

export function sarifResults(e: ReviewEntry, tool: SarifTool): Sarif.Result[] {
  const uri = artifactUri(e.file, tool.root);
  return e.findings.map((f) => sarifResult(f, uri, tool.root));
}

function sarifResult(f: ReviewFinding, uri: string, root: string): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.rule,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: physical(uri, f) }],
  };
  // Another report the finding points to (last year's cell, a copied part): a related location with its own message.
  if (f.related?.length) {
    result.relatedLocations = f.related.map((r, id) => ({ id, physicalLocation: physical(artifactUri(r.file, root), r), message: { text: r.message } }));
  }
  return result;
}

function physical(uri: string, at: Pick<ReviewFinding, 'line' | 'column' | 'endLine' | 'endColumn'>): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
  };
}

/** A file not checked: a notification of the run's invocation. */
export function sarifNotification(e: ReviewEntry, tool: SarifTool): Sarif.Notification {
  return {
    level: 'error',
    message: { text: e.error ?? '' },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(e.file, tool.root), uriBaseId: '%SRCROOT%' } } }],
  };
}

/** Every rule of the checker, then the checker's own ids a result used. */
export function sarifRules(used: ReadonlySet<string>, tool: SarifTool): Sarif.ReportingDescriptor[] {
  const text = (t: Text) => (tool.lang === 'en' ? t.en : t.zh);
  const descriptor = (id: string, description: Text, level: Sarif.ReportingConfiguration.level): Sarif.ReportingDescriptor => ({
    id,
    shortDescription: { text: text(description) },
    helpUri: tool.helpUri(id),
    defaultConfiguration: { level },
  });
  const rules = RULES.map((r) => descriptor(r.id, r.description, sarifLevel(r.severity)));
  const known = new Set(RULES.map((r) => r.id));
  for (const id of used) {
    if (known.has(id)) continue;
    const own = CHECKER_RULES[id];
    rules.push(descriptor(id, own?.description ?? { zh: id, en: id }, own?.level ?? 'warning'));
  }
  return rules;
}

/** What follows the results in the run: the tool, the invocation (files not checked), the URI base. */
export function sarifRunTail(used: ReadonlySet<string>, notifications: Sarif.Notification[], tool: SarifTool): Omit<Sarif.Run, 'results'> {
  return {
    tool: { driver: { name: 'nianbao', version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules: sarifRules(used, tool) } },
    invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(tool.root).href.replace(/\/?$/, '/') } },
    columnKind: 'utf16CodeUnits',
  };
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
