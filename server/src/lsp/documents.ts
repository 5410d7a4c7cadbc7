import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Finding, LineIndex, Report } from '../core';
import { ReportSession } from '../core/incremental/session';
import { tooLarge } from './large';
import type { ServerSettings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  index: LineIndex;
  report: Report;
  findings: Finding[];
}

interface OpenDocument {
  doc: TextDocument;
  /** The incremental checker, created on first analysis with the document's settings. */
  session: ReportSession | null;
  settings: ServerSettings | null;
  /** Analysis cached for one version. */
  analysis: Analysis | null;
}

/**
 * The open documents. Each keeps a ReportSession that is fed every incremental change as it
 * arrives, so a keystroke re-reads only what it touched; the text itself is kept by a
 * TextDocument (positions, getText) exactly as the client sends it.
 */
export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();

  has(uri: string): boolean {
    return this.open.has(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri)?.doc;
  }

  all(): TextDocument[] {
    return [...this.open.values()].map((o) => o.doc);
  }

  didOpen(uri: string, languageId: string, version: number, text: string): void {
    this.open.set(uri, { doc: TextDocument.create(uri, languageId, version, text), session: null, settings: null, analysis: null });
  }

  /** Returns false for a document that is not open (the change is ignored). */
  didChange(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): boolean {
    const o = this.open.get(uri);
    if (!o) return false;
    o.doc = TextDocument.update(o.doc, changes, version);
    o.analysis = null;
    if (o.session) {
      for (const c of changes) o.session.update('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text });
      // Defensive: the session must hold the client's text; if not, start it afresh.
      if (o.session.text.length !== o.doc.getText().length) o.session = null;
    }
    return true;
  }

  didClose(uri: string): void {
    this.open.delete(uri);
  }

  /** Settings changed: every session is rebuilt with the new settings on its next analysis. */
  reset(): void {
    for (const o of this.open.values()) {
      o.session = null;
      o.settings = null;
      o.analysis = null;
    }
  }

  analysis(uri: string, settings: ServerSettings): Analysis | null {
    const o = this.open.get(uri);
    if (!o) return null;
    if (o.analysis && o.settings === settings && o.analysis.version === o.doc.version) return o.analysis;
    const text = o.doc.getText();
    if (o.settings !== settings) o.session = null;
    o.settings = settings;
    const big = tooLarge(text, settings);
    if (big) {
      o.session = null;
      o.analysis = { uri, version: o.doc.version, text, ...big };
      return o.analysis;
    }
    o.session ??= new ReportSession(text, { formatVersion: settings.formatVersion, severity: settings.rules });
    const s = o.session;
    o.analysis = { uri, version: o.doc.version, text: s.text, index: s.index, report: s.report, findings: s.findings };
    return o.analysis;
  }
}

/** Checks a text that is not open (the client's workspace check). */
export function analyzeText(uri: string, text: string, settings: ServerSettings): Analysis {
  const big = tooLarge(text, settings);
  if (big) return { uri, version: 0, text, ...big };
  const s = new ReportSession(text, { formatVersion: settings.formatVersion, severity: settings.rules });
  return { uri, version: 0, text, index: s.index, report: s.report, findings: s.findings };
}
