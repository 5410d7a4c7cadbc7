import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, LineIndex, type Finding, type Report } from '../core';
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

/** The latest analysis of each open document, computed once per version and settings. */
export class AnalysisStore {
  private readonly entries = new Map<string, { analysis: Analysis; settings: ServerSettings }>();

  get(doc: TextDocument, settings: ServerSettings): Analysis {
    const e = this.entries.get(doc.uri);
    if (e && e.analysis.version === doc.version && e.settings === settings) return e.analysis;
    const analysis = analyze(doc, settings);
    this.entries.set(doc.uri, { analysis, settings });
    return analysis;
  }

  /** The analysis a client's request refers to, if it is still current. */
  peek(uri: string): Analysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

export function analyze(doc: TextDocument, settings: ServerSettings): Analysis {
  const text = doc.getText();
  const index = new LineIndex(text);
  const big = tooLarge(text, index, settings);
  if (big) return { uri: doc.uri, version: doc.version, text, index, ...big };
  const { report, findings } = check(text, { formatVersion: settings.formatVersion, severity: settings.rules });
  return { uri: doc.uri, version: doc.version, text, index, report, findings };
}
