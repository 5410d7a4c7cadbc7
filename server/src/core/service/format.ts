import type { OffsetEdit } from '../rules/types';
import { looksLikeHtml } from '../text/html';
import { countLines, LIMITS } from '../limits';
import { alignPipeRows, pipeRow, type PipeRow } from '../text/pipeTable';

/**
 * Format Document on a report: every run of two or more Markdown pipe rows is aligned as a table
 * (text/pipeTable.ts), one edit per line that changes. Only the spaces around cells change, so the
 * report reads the same afterwards, and formatting twice is formatting once. HTML is left as it is
 * (its tables are markup, not text), and so is a text over the line limit (it is not read either).
 */
export function formatDocument(text: string): OffsetEdit[] {
  if (countLines(text) > LIMITS.lines || looksLikeHtml(text)) return [];
  const edits: OffsetEdit[] = [];
  let run: { row: PipeRow; start: number; end: number; text: string }[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const aligned = alignPipeRows(run.map((l) => l.row));
      run.forEach((l, i) => {
        if (aligned[i] !== l.text) edits.push({ start: l.start, end: l.end, newText: aligned[i] });
      });
    }
    run = [];
  };
  for (const line of lines(text)) {
    const row = pipeRow(line.text);
    if (row) run.push({ row, ...line });
    else flush();
  }
  flush();
  return edits;
}

/** Each line's text and its offsets, without its line break (CR, LF or CRLF, as LSP counts them). */
function* lines(text: string): Generator<{ text: string; start: number; end: number }> {
  let start = 0;
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    yield { text: text.slice(start, m.index), start, end: m.index };
    start = m.index + m[0].length;
  }
  yield { text: text.slice(start), start, end: text.length };
}
