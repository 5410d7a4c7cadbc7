import { render, type Lang } from '../../server/src/core';
import { CLIENT_TEXT } from './text';

/** What the status-bar item of the active report shows (pure: unit-tested without VS Code). */
export interface StatusView {
  text: string;
  tooltip: string;
}

/** The report's own diagnostics by severity; null while its first check has not come back. */
export interface StatusCounts {
  errors: number;
  warnings: number;
  others: number;
}

/**
 * A quiet item: one neutral icon and the report's count of problems. VS Code's own status bar counts
 * errors and warnings (and colours them); this item repeats no colour and no per-severity icon.
 */
export function statusView(counts: StatusCounts | null, lang: Lang): StatusView {
  const r = (t: { zh: string; en: string }, args: Record<string, number> = {}) => render({ template: t, args }, lang);
  if (!counts) return { text: `$(sync~spin) ${r(CLIENT_TEXT.statusChecking)}`, tooltip: r(CLIENT_TEXT.statusCheckingTooltip) };
  const total = counts.errors + counts.warnings + counts.others;
  return {
    text: total ? `$(checklist) ${r(CLIENT_TEXT.statusProblems, { count: total })}` : `$(check) ${r(CLIENT_TEXT.statusClean)}`,
    tooltip: r(CLIENT_TEXT.statusTooltip, counts as unknown as Record<string, number>),
  };
}
