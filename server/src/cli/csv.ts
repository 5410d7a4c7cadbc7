import { render, msg, type Lang } from '../core/l10n/text';
import type { ReviewEntry } from '../core/review/summary';
import { CSV_COLUMNS, REVIEW_TEXT, severityText } from '../core/review/text';

/** What makes Excel open a UTF-8 file as UTF-8 (Chinese otherwise shows as mojibake). */
export const BOM = '\ufeff';
/** RFC 4180's line break. */
const CRLF = '\r\n';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or outer spaces. A text
 * starting with = + - @ (or a tab or carriage return) is prefixed with ' so that a spreadsheet shows it
 * rather than running it as a formula (CSV injection: a report's own text reaches these cells).
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(lang: Lang): string {
  return BOM + CSV_COLUMNS.map((c) => csvField(render(msg(c), lang))).join(',') + CRLF;
}

/** A file's rows: one per finding, or one saying why it was not checked; none for a report without findings. */
export function csvRows(e: ReviewEntry, lang: Lang): string {
  const row = (cells: (string | number | undefined)[]) => cells.map(csvField).join(',') + CRLF;
  if (e.error !== undefined) return row([e.file, e.body, e.year, undefined, undefined, render(msg(REVIEW_TEXT.unchecked), lang), undefined, e.error]);
  return e.findings.map((f) => row([e.file, e.body, e.year, f.line, f.column, render(msg(severityText(f.severity)), lang), f.rule, f.message])).join('');
}
