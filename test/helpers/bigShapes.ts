/**
 * Hostile bulk: what an attacker or a careless paste puts into a report, in every shape the reader
 * treats differently (one long line of numbers, a cell per line, pipes, tabs, blank lines, prose,
 * headings, labels, HTML rows, cells, paragraphs and nesting). Each shape makes about `chars`
 * characters, placed inside table 三 of a real report, so the reader meets it where it works hardest.
 * Used by test/unit/limits.test.ts (work limits, memory), test/fuzz/linear.test.ts (doubling) and the bench.
 */
import { seed } from './fixtures';

export type Bulk = (chars: number) => string;

const rep = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.floor(chars / unit.length)));

export const TEXT_BULK: Record<string, Bulk> = {
  numbersOnOneLine: (n) => rep('1 ', n),
  numberPerLine: (n) => rep('1\n', n),
  pipeCellsOnOneLine: (n) => rep('| 1 ', n),
  pipeRows: (n) => rep('| 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n', n),
  tabbedCells: (n) => rep('\t1\n', n),
  blankLines: (n) => rep('\n', n),
  loneBars: (n) => rep('|\n', n),
  proseLines: (n) => rep('本机关认真贯彻落实政府信息公开条例。\n', n),
  proseOnOneLine: (n) => rep('本机关认真贯彻落实政府信息公开条例', n),
  rowLabels: (n) => rep('（一）予以公开 1 1 1 1 1 1 1\n', n),
  headings: (n) => rep('一、总体情况\n', n),
  longMixedLines: (n) => rep('本机关认真贯彻落实政府信息公开条例，1 2 3 4 5 6 7 '.repeat(8) + '\n', n),
  longNumberLines: (n) => rep('1 2 3 4 5 6 7 '.repeat(14) + '\n', n),
  longPipeLines: (n) => rep('| 1 '.repeat(52) + '|\n', n),
  silencingLines: (n) => rep('// nianbao-disable-next-line row-total\n', n),
};

export const HTML_BULK: Record<string, Bulk> = {
  htmlRows: (n) => `<table>${rep('<tr><td>1</td><td>2</td></tr>', n)}</table>`,
  htmlCellsInOneRow: (n) => `<table><tr>${rep('<td>1</td>', n)}</tr></table>`,
  htmlParagraphs: (n) => rep('<p>本机关认真贯彻落实。</p>', n),
  htmlNesting: (n) => '<div>'.repeat(Math.floor(n / 11)) + '1' + '</div>'.repeat(Math.floor(n / 11)),
  htmlLabelRows: (n) => `<table>${rep('<tr><td>本年新收</td><td>1</td></tr>', n)}</table>`,
  htmlSilencingComments: (n) => `<table>${rep('<tr><!-- nianbao-disable row-total --><td>1</td></tr>', n)}</table>`,
};

const SEED = seed('000').split('\n');
const AT = SEED.findIndex((l) => l.startsWith('一、本年新收'));

/** A real report with the bulk inside its table 三 (as text, or with every line a paragraph of a page). */
export function withBulk(name: string, chars: number): string {
  const text = TEXT_BULK[name];
  if (text) return [...SEED.slice(0, AT + 1), text(chars), ...SEED.slice(AT + 1)].join('\n');
  const p = (ls: string[]) => ls.map((l) => `<p>${l}</p>`).join('');
  return `<html><body>${p(SEED.slice(0, AT + 1))}${HTML_BULK[name](chars)}${p(SEED.slice(AT + 1))}</body></html>`;
}

export const BULK_NAMES = [...Object.keys(TEXT_BULK), ...Object.keys(HTML_BULK)];

/** `withBulk` of about `bytes` bytes of UTF-8 (a CJK character takes three): under a size limit, as close as it goes. */
export function withBulkBytes(name: string, bytes: number): string {
  const first = withBulk(name, bytes);
  const size = Buffer.byteLength(first);
  if (size <= bytes) return first;
  return withBulk(name, Math.floor((bytes * bytes) / size) - 4096);
}
