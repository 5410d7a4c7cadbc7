import {
  CodeActionKind, DiagnosticSeverity, SymbolKind,
  type CodeAction, type Diagnostic, type DocumentSymbol, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { render, toDiagnostic, type Finding, type Lang, type OffsetEdit } from '../core';
import type { Action } from '../core/service/actions';
import type { OutlineItem } from '../core/service/outline';
import type { Analysis } from './documents';
import { rulePage, shippedRulePages } from './rulePages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

/**
 * Which finding a diagnostic shows, carried in its `data.finding` and sent back by the client with
 * a code action request: the rule, the finding's subject (numbered when a rule says two things about
 * one subject: `section/applications#2`), and the document version it was computed for (null: not
 * an open document's, as the workspace check's).
 */
export interface FindingId {
  rule: string;
  key: string;
  version: number | null;
}

/** The ids of a version's findings, in their order. */
export function findingIds(findings: readonly Finding[], version: number | null): FindingId[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = (seen.get(`${f.ruleId} ${f.subject}`) ?? 0) + 1;
    seen.set(`${f.ruleId} ${f.subject}`, n);
    return { rule: f.ruleId, key: n === 1 ? f.subject : `${f.subject}#${n}`, version };
  });
}

/** The id a client sent back, if it is one of ours and well formed (clients may drop or mangle `data`). */
export function findingIdOf(d: Pick<Diagnostic, 'data'>): FindingId | null {
  const id = (d.data as { finding?: Partial<FindingId> } | null | undefined)?.finding;
  if (!id || typeof id !== 'object' || typeof id.rule !== 'string' || typeof id.key !== 'string') return null;
  if (id.version !== null && !Number.isInteger(id.version)) return null;
  return { rule: id.rule, key: id.key, version: id.version as number | null };
}

/** The diagnostics of a version's findings, each with its id in `data.finding` (beside the arithmetic data). */
export function diagnosticsOf(findings: readonly Finding[], lang: Lang, uri: string, version: number | null, pages = shippedRulePages()): Diagnostic[] {
  const ids = findingIds(findings, version);
  return findings.map((f, i) => diagnosticOf(f, lang, uri, ids[i], pages));
}

/** `pages`: where codes link (rulePages.ts). */
export function diagnosticOf(f: Finding, lang: Lang, uri: string, id: FindingId, pages: string): Diagnostic {
  const d = toDiagnostic(f, lang) as Diagnostic;
  d.severity = f.severity as DiagnosticSeverity;
  d.codeDescription = { href: rulePage(pages, f.ruleId) };
  d.data = { ...f.data, finding: id };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: render(r.message, lang) }));
  }
  return d;
}

export function textEdits(a: Analysis, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({
    range: { start: a.index.positionAt(e.start), end: a.index.positionAt(e.end) },
    newText: e.newText,
  }));
}

/** A version-guarded edit: the client refuses it if the document changed since it was computed. */
export function versionedEdit(a: Analysis, edits: OffsetEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits: textEdits(a, edits) }] };
}

export function codeActionOf(a: Analysis, action: Action, lang: Lang, diagnostics: Diagnostic[]): CodeAction {
  const ca: CodeAction = {
    title: render(action.title, lang),
    kind: action.kind === 'source.fixAll' ? FIX_ALL_KIND : CodeActionKind.QuickFix,
    edit: versionedEdit(a, action.edits),
  };
  if (diagnostics.length) ca.diagnostics = diagnostics;
  if (action.preferred) ca.isPreferred = true;
  return ca;
}

const KIND: Record<OutlineItem['kind'], SymbolKind> = { section: SymbolKind.Namespace, table: SymbolKind.Struct, row: SymbolKind.Field };

export function symbolOf(item: OutlineItem, lang: Lang): DocumentSymbol {
  const name = typeof item.name === 'string' ? item.name : lang === 'en' ? item.name.en : item.name.zh;
  const s: DocumentSymbol = {
    name: name || '—',
    kind: KIND[item.kind],
    range: item.range,
    selectionRange: item.selectionRange,
    children: item.children.map((c) => symbolOf(c, lang)),
  };
  if (item.detail) s.detail = lang === 'en' ? item.detail.en : item.detail.zh;
  return s;
}

export function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Do two ranges touch (an empty range at a range's edge counts)? */
export function overlaps(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  const before = (p: Diagnostic['range']['start'], q: Diagnostic['range']['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
