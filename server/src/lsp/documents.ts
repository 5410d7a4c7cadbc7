import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { identityOf, RULES, type CrossReports, type Finding, type LineIndex, type Report, type ReportIdentity } from '../core';
import { ReportSession } from '../core/incremental/session';
import { notText, overSize, tooLarge } from './large';
import type { ServerSettings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  /** The text (joined on first use: most requests never need it). */
  readonly text: string;
  index: LineIndex;
  report: Report;
  findings: Finding[];
}

interface OpenDocument {
  version: number;
  /** The version whose diagnostics the client holds (pushed or pulled); null once the text changed since. */
  sentVersion: number | null;
  /** The incremental checker: holds the text once the document has been analysed. */
  session: ReportSession | null;
  /** The text before the first analysis, and for documents over the size limit. */
  doc: TextDocument | null;
  settings: ServerSettings | null;
  analysis: Analysis | null;
  /** How the text was last read (the session's path, or a first read) and the milliseconds it took: for the log. */
  work: ReadWork;
}

export interface ReadWork {
  path: string;
  ms: number;
}

/**
 * The open documents. A document's ReportSession is fed every incremental change as it arrives,
 * so a keystroke re-reads only what it touched and the whole text is never rebuilt for it.
 */
export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();
  /** Called with each new analysis and how its text was read (the server's log). */
  onAnalysed: ((a: Analysis, work: ReadWork) => void) | null = null;
  /** The other reports the cross-report rules look at (the server's workspace). */
  workspace: CrossReports | undefined;

  has(uri: string): boolean {
    return this.open.has(uri);
  }

  version(uri: string): number | undefined {
    return this.open.get(uri)?.version;
  }

  /** The client now holds this version's diagnostics. */
  diagnosticsSent(uri: string, version: number): void {
    const o = this.open.get(uri);
    if (o) o.sentVersion = version;
  }

  /** Is the document still at the version whose diagnostics the client last got? */
  unchangedSinceSent(uri: string): boolean {
    const o = this.open.get(uri);
    return !!o && o.sentVersion !== null && o.sentVersion === o.version;
  }

  uris(): string[] {
    return [...this.open.keys()];
  }

  didOpen(uri: string, languageId: string, version: number, text: string): void {
    this.open.set(uri, { version, sentVersion: null, session: null, doc: TextDocument.create(uri, languageId, version, text), settings: null, analysis: null, work: { path: 'none', ms: 0 } });
  }

  /** Returns false for a document that is not open (the change is ignored). */
  didChange(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): boolean {
    const o = this.open.get(uri);
    if (!o) return false;
    o.version = version;
    o.sentVersion = null;
    o.analysis = null;
    if (o.session) {
      const t0 = performance.now();
      const paths = changes.map((c) => o.session!.update('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text }));
      o.work = { path: [...new Set(paths)].join('+') || 'none', ms: performance.now() - t0 };
    } else if (o.doc) {
      o.doc = TextDocument.update(o.doc, changes, version);
    }
    return true;
  }

  didClose(uri: string): void {
    this.open.delete(uri);
  }

  /** The open document's text (null when not open); its session's, without joining a document's lines twice. */
  text(uri: string): string | null {
    const o = this.open.get(uri);
    if (!o) return null;
    return o.session ? o.session.text : (o.doc?.getText() ?? null);
  }

  /**
   * Who issued the open report, for which year (undefined when not open): from its read model once it
   * has one (no text joined), else from the start of its text.
   */
  identity(uri: string, fromText: (text: string) => ReportIdentity | null): ReportIdentity | null | undefined {
    const o = this.open.get(uri);
    if (!o) return undefined;
    return o.session ? identityOf(o.session.report) : fromText(o.doc!.getText());
  }

  /** Another report changed: the cross-report rules run again on this document (the others' findings stay). */
  recheckAcross(uri: string): void {
    const o = this.open.get(uri);
    if (!o?.session) return;
    o.session.recheckAcross();
    o.analysis = null;
    o.sentVersion = null;
  }

  /** Settings changed: every document is read again with the new settings on its next analysis. */
  reset(): void {
    for (const o of this.open.values()) {
      o.settings = null;
      o.analysis = null;
    }
  }

  /** How the document's text was last read, and how long it took. */
  work(uri: string): ReadWork | undefined {
    return this.open.get(uri)?.work;
  }

  analysis(uri: string, settings: ServerSettings): Analysis | null {
    const o = this.open.get(uri);
    if (!o) return null;
    if (o.analysis && o.settings === settings) return o.analysis;
    const a = this.read(uri, o, settings);
    this.onAnalysed?.(a, o.work);
    return a;
  }

  private read(uri: string, o: OpenDocument, settings: ServerSettings): Analysis {
    // A session goes on while its text stays under the size limit (measured only when it could be over).
    if (o.session && o.settings === settings && !(mayBeTooLarge(o.session.index.length, settings) && overSize(o.session.text, settings))) {
      return (o.analysis = fromSession(uri, o.version, o.session));
    }
    // New settings, or the first analysis: (re)start from the text.
    const t0 = performance.now();
    const text = o.session ? o.session.text : o.doc!.getText();
    o.settings = settings;
    const big = notText(text) ?? tooLarge(text, settings);
    if (big) {
      o.session = null;
      o.doc = TextDocument.create(uri, 'nianbao', o.version, text);
      o.work = { path: 'not read (binary or over the size limit)', ms: performance.now() - t0 };
      return (o.analysis = { uri, version: o.version, text, ...big, findings: settings.ignored ? [] : big.findings });
    }
    // The document stays readable (`text`) while its session is made: a cross-report rule may read it.
    o.session = new ReportSession(text, sessionOptions(settings, this.workspace, uri));
    o.doc = null;
    o.work = { path: 'whole text', ms: performance.now() - t0 };
    return (o.analysis = fromSession(uri, o.version, o.session));
  }
}

/** UTF-8 takes at most 3 bytes per UTF-16 unit: below a third of the limit no measuring is needed. */
function mayBeTooLarge(length: number, settings: ServerSettings): boolean {
  return length * 3 > settings.maxFileSize * 1024 * 1024;
}

function fromSession(uri: string, version: number, s: ReportSession): Analysis {
  return { uri, version, get text() { return s.text; }, index: s.index, report: s.report, findings: s.findings };
}

/** Checks a text that is not open (the client's workspace check). */
export function analyzeText(uri: string, text: string, settings: ServerSettings, workspace?: CrossReports): Analysis {
  const big = notText(text) ?? tooLarge(text, settings);
  if (big) return { uri, version: 0, text, ...big, findings: settings.ignored ? [] : big.findings };
  return fromSession(uri, 0, new ReportSession(text, sessionOptions(settings, workspace, uri)));
}

/** A document the project configuration ignores is read (outline, hover) with every rule off. */
/** `self`: the document is never its own last year's report or another body's (its saved file may differ from it). */
function sessionOptions(settings: ServerSettings, workspace: CrossReports | undefined, self: string) {
  const severity = settings.ignored ? Object.fromEntries(RULES.map((r) => [r.id, 'off' as const])) : settings.rules;
  return { formatVersion: settings.formatVersion, severity, blankAsZero: settings.blankAsZero, workspace, self, ...(settings.accepted ? { accepted: settings.accepted } : {}) };
}
