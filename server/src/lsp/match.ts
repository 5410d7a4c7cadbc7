import type { Diagnostic, Range } from 'vscode-languageserver';
import type { Finding } from '../core';
import { findingIdOf, findingIds, overlaps, sameRange } from './convert';
import type { Analysis } from './documents';

/**
 * The finding a diagnostic sent back with a code action request means, in the current analysis.
 * A quick fix is computed on the current text, and a diagnostic from an older version may name a
 * range that now holds another cell (a line inserted above): so a diagnostic is answered only for
 * the version it was computed for.
 *
 * - With its id (`data.finding`): the id's version must be the current one, and its rule and key
 *   must name a finding of it. An older version, a finding gone, or no version (the workspace check's
 *   diagnostics, computed on the file's text, not the open document's): nothing.
 * - Without an id (a client that drops `data`): the rule id and the range, as clients send them
 *   (Neovim 0.7 may drop the range: then the requested range). A range alone cannot tell versions
 *   apart, so only while the document is unchanged since the client last got its diagnostics
 *   (`unchangedSinceSent`): then the range it sends is one the server computed on this text.
 *   Otherwise nothing.
 */
export function findingFor(a: Analysis, d: Partial<Pick<Diagnostic, 'code' | 'range' | 'data'>>, requested: Range, unchangedSinceSent: boolean): Finding | null {
  const id = findingIdOf(d);
  if (id) {
    if (id.version !== a.version) return null;
    const i = findingIds(a.findings, a.version).findIndex((x) => x.rule === id.rule && x.key === id.key);
    return i < 0 ? null : a.findings[i];
  }
  if (!unchangedSinceSent) return null;
  return a.findings.find((x) => x.ruleId === d.code && sameRange(x.range, d.range ?? requested))
    ?? a.findings.find((x) => x.ruleId === d.code && overlaps(x.range, requested))
    ?? null;
}
