import { countBreaks, countChar } from './text/positions';

/**
 * Limits on work, so that time and memory follow a report's size and never its shape. A real report
 * has under 2,000 lines (a saved web page under 5,000 virtual lines) and under 600 cells a table;
 * the limits are far above that, and whatever passes them is no report that could be read as one.
 */
export const LIMITS = {
  /** Lines of a text that is read at all (above: one `file-too-large` finding, nothing read). */
  lines: 100_000,
  /** Cells read in one table's region (above: the table is unreadable, nothing in it checked). */
  tableCells: 5_000,
  /** Tags of an HTML text that is read (above: one `file-too-large` finding, nothing read). */
  htmlTags: 100_000,
  /** Findings one rule reports (above: one finding says how many more there are). */
  findingsPerRule: 500,
} as const;

/** The number of lines of a text as LSP counts them, without allocating. */
export function countLines(text: string): number {
  return countBreaks(text) + 1;
}

/** An upper bound of an HTML text's tags: its '<' characters. */
export function countTags(text: string): number {
  return countChar(text, '<');
}

/**
 * The default size limit (MB) of a report: the language server's `nianbao.maxFileSize` default and the
 * CLI's `--max-file-size` default. One number, so the editor and the checker agree on what is too large.
 */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;
