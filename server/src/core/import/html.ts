import { htmlToLines } from '../text/html';
import type { SourceLine } from '../text/source';
import { toMarkdown, type Block } from './markdown';

/**
 * An HTML report (a saved web page, or what mammoth makes of a Word file) in the canonical layout.
 * It is read by the reader's own HTML pass (`text/html.ts`), so the Markdown holds exactly the lines
 * and cells the reader sees in the page: blocks become paragraphs, each `<tr>` a pipe row.
 */
export function importHtml(html: string): string {
  return toMarkdown(htmlBlocks(html));
}

export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] | null = null;
  for (const line of htmlToLines(html)) {
    const cells = rowCells(line);
    if (cells) {
      if (!rows) blocks.push({ kind: 'table', rows: (rows = []) });
      rows.push(cells);
    } else {
      rows = null;
      blocks.push({ kind: 'paragraph', text: line.text });
    }
  }
  return blocks;
}

/**
 * A table row's cells, or null for a block. The HTML pass closes each cell with a `|` that stands for
 * no source character (an empty span); a `|` written in the page is text.
 */
function rowCells(line: SourceLine): string[] | null {
  const { text, starts, ends } = line;
  if (!starts || !ends) return null;
  const cells: string[] = [];
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    if (text.charCodeAt(k) !== 124 || starts[k] !== ends[k]) continue;
    cells.push(text.slice(from, k));
    from = k + 1;
  }
  if (!cells.length) return null;
  if (text.slice(from).trim()) cells.push(text.slice(from));
  return cells;
}
