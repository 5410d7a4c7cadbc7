import { alignPipeRows } from '../text/pipeTable';
import { foldCompatibility } from './fold';
import { fullWidthPunctuation } from './punctuation';

/** What an extractor found: a paragraph (or heading) line, or a table as rows of cell texts. */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/**
 * The canonical layout of an imported report: each paragraph a line, each table a Markdown pipe table
 * (its first row the header row, rows as many cells as the source had) set off by blank lines,
 * compatibility characters folded and punctuation full-width. Paragraphs are not separated by blank
 * lines: the reader looks for the title and the 落款 within a few lines, as the source has them.
 */
export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const text = cleanText(b.text);
      if (text) out.push(text);
      continue;
    }
    if (out.length && out[out.length - 1] !== '') out.push('');
    const rows = b.rows.map((r) => r.map(cleanCell)).filter((r) => r.length > 0);
    if (!rows.length) continue;
    const width = Math.max(...rows.map((r) => r.length));
    const [head, ...body] = rows;
    const pipeRows = [head, Array<string>(width).fill('---'), ...body].map((cells) => ({ indent: '', cells }));
    out.push(...alignPipeRows(pipeRows), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * A line's text: white space runs as one space, compatibility characters folded, punctuation full-width.
 * `<` becomes `＜`, so that no imported text reads as markup (`<table>` would make the reader take the
 * file for HTML, `<!-- nianbao-disable -->` would silence findings).
 */
export function cleanText(s: string): string {
  const t = s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim().replace(/</g, '＜');
  return fullWidthPunctuation(foldCompatibility(t));
}

/** A cell's text: as a line's, and a `|` inside it kept visible but inert (as the HTML reader does). */
function cleanCell(s: string): string {
  return cleanText(s).replace(/\|/g, '\u00a6');
}
