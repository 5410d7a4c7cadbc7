import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../core';
import type { Analysis, ReadWork } from './documents';

/**
 * What the server tells the client's log (window/logMessage). Its start and its errors at the info and
 * error levels; what it does per document — opened, checked (how, in how long, with what result),
 * closed, edits computed — at the debug level, which VS Code's log output channel shows only when its
 * level is Debug or Trace (other clients file it by their own log level).
 */
export class ServerLog {
  constructor(private readonly connection: Connection) {}

  info(message: string): void {
    this.connection.console.info(message);
  }

  debug(message: string): void {
    this.connection.console.debug(message);
  }

  checked(a: Analysis, work: ReadWork): void {
    this.debug(`checked ${a.uri} (version ${a.version}; read: ${work.path}, ${work.ms.toFixed(2)} ms): ${findingCounts(a.findings)}`);
  }
}

/** “2 errors, 1 warning, 0 others”. */
export function findingCounts(findings: readonly Finding[]): string {
  const n = [0, 0, 0, 0, 0];
  for (const f of findings) n[f.severity]++;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${plural(n[1], 'error')}, ${plural(n[2], 'warning')}, ${plural(n[3] + n[4], 'other')}`;
}
