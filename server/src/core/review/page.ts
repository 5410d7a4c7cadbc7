import { escapeHtml, family } from '../export/html';
import { FONTS } from '../export/style';
import { msg, render, type Lang, type Text } from '../l10n/text';
import { countBySeverity, worstFirst, type ReviewEntry } from './summary';
import { sha256Base64 } from './sha256';
import { REVIEW_TEXT, severityText } from './text';

export interface ReviewPageInput {
  entries: readonly ReviewEntry[];
  /** The folders (or files) reviewed, as the caller names them. */
  folders: readonly string[];
  /** The day of the review, `YYYY-MM-DD` (the caller's clock: the core has none). */
  date: string;
  lang: Lang;
  /** Where a rule's id links (its section of docs/rules.md); no link without it. */
  ruleHref?: (ruleId: string) => string;
}

/** Bars in the chart of the rules most often broken. */
const CHART_RULES = 12;

/**
 * The review page (问题清单) of a folder of reports: one self-contained page — inline CSS, no script, no
 * remote resource, a strict Content-Security-Policy: its one style element by hash, no inline style
 * attribute, so that the page passes a webview's policy too — with a row per report, worst first, its problems
 * under it, a chart of the rules most often broken, and the files not checked. Prints on A4: rows never
 * split, the table's header repeated on every page. Every text is escaped.
 */
export function reviewPage(input: ReviewPageInput): string {
  const { lang } = input;
  const tr = (t: Text, args: Record<string, string | number> = {}) => render(msg(t, args), lang);
  const checked = worstFirst(input.entries.filter((e) => e.error === undefined));
  const unchecked = input.entries.filter((e) => e.error !== undefined);
  const counts = checked.map(countBySeverity);
  const returned = counts.filter((c) => c.errors > 0).length;
  const sum = (k: 'errors' | 'warnings') => counts.reduce((a, c) => a + c[k], 0);
  const silenced = checked.reduce((a, e) => a + (e.silenced ?? 0), 0);
  const summary = [
    tr(REVIEW_TEXT.summary, { reports: checked.length, returned, passed: checked.length - returned, errors: sum('errors'), warnings: sum('warnings') }),
    unchecked.length ? tr(REVIEW_TEXT.summaryUnchecked, { count: unchecked.length }) : '',
    silenced ? tr(REVIEW_TEXT.summarySilenced, { count: silenced }) : '',
  ].join(lang === 'en' ? ' ' : '');
  const title = tr(REVIEW_TEXT.title);
  const folders = input.folders.join(lang === 'en' ? ', ' : '、');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${styleHash()}'">`,
    '<meta name="generator" content="nianbao">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(tr(REVIEW_TEXT.date, { date: dateText(input.date, lang) }))}</p>`,
    `<p class="meta">${escapeHtml(tr(REVIEW_TEXT.scope, { folders }))}</p>`,
    `<p class="summary" data-reports="${checked.length}" data-returned="${returned}" data-unchecked="${unchecked.length}">${escapeHtml(summary)}</p>`,
    `<h2>${escapeHtml(tr(REVIEW_TEXT.results))}</h2>`,
    checked.length ? resultsTable(checked, input, tr) : `<p>${escapeHtml(tr(REVIEW_TEXT.noReports))}</p>`,
    `<h2>${escapeHtml(tr(REVIEW_TEXT.chart))}</h2>`,
    chart(checked, input, tr),
    ...(unchecked.length ? [`<h2>${escapeHtml(tr(REVIEW_TEXT.uncheckedHeading))}</h2>`, uncheckedTable(unchecked, tr)] : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type Tr = (t: Text, args?: Record<string, string | number>) => string;

function resultsTable(entries: readonly ReviewEntry[], input: ReviewPageInput, tr: Tr): string {
  const head = [REVIEW_TEXT.colNumber, REVIEW_TEXT.colReport, REVIEW_TEXT.colYear, REVIEW_TEXT.colErrors, REVIEW_TEXT.colWarnings, REVIEW_TEXT.colVerdict]
    .map((t) => `<th>${escapeHtml(tr(t))}</th>`).join('');
  const bodies = entries.map((e, i) => {
    const c = countBySeverity(e);
    const verdict = c.errors > 0 ? 'returned' : 'passed';
    const name = e.body ? `<span class="body">${escapeHtml(e.body)}</span><span class="file">${escapeHtml(e.file)}</span>` : `<span class="file only">${escapeHtml(e.file)}</span>`;
    const row = [
      `<tr class="report ${verdict}" data-file="${escapeHtml(e.file)}" data-errors="${c.errors}" data-warnings="${c.warnings}" data-verdict="${verdict}">`,
      `<td class="number">${i + 1}</td>`,
      `<td class="name">${name}</td>`,
      `<td class="year">${e.year ?? '—'}</td>`,
      `<td class="count">${c.errors}</td>`,
      `<td class="count">${c.warnings}</td>`,
      `<td class="verdict">${escapeHtml(tr(c.errors > 0 ? REVIEW_TEXT.returned : REVIEW_TEXT.passed))}</td>`,
      '</tr>',
    ].join('');
    const findings = e.findings.length
      ? e.findings.map((f) => `<tr class="finding sev${f.severity}"><td></td><td colspan="5"><span class="place">${f.line}:${f.column}</span> <span class="severity">${escapeHtml(tr(severityText(f.severity)))}</span> ${ruleLink(f.rule, input)} <span class="message">${escapeHtml(f.message)}</span></td></tr>`)
      : [`<tr class="finding none"><td></td><td colspan="5">${escapeHtml(tr(REVIEW_TEXT.noFindings))}</td></tr>`];
    return `<tbody>\n${row}\n${findings.join('\n')}\n</tbody>`;
  });
  return [
    '<table class="results">',
    '<colgroup><col class="c-number"><col class="c-name"><col class="c-year"><col class="c-count"><col class="c-count"><col class="c-verdict"></colgroup>',
    `<thead><tr>${head}</tr></thead>`,
    ...bodies,
    '</table>',
  ].join('\n');
}

function ruleLink(rule: string, input: ReviewPageInput): string {
  const id = escapeHtml(rule);
  return input.ruleHref ? `<a class="rule" href="${escapeHtml(input.ruleHref(rule))}">${id}</a>` : `<span class="rule">${id}</span>`;
}

/** The rules most often broken (errors and warnings) across the reports, as bars: pure HTML and CSS. */
function chart(entries: readonly ReviewEntry[], input: ReviewPageInput, tr: Tr): string {
  const byRule = new Map<string, { count: number; reports: Set<string> }>();
  for (const e of entries) {
    for (const f of e.findings) {
      if (f.severity > 2) continue;
      const r = byRule.get(f.rule) ?? { count: 0, reports: new Set<string>() };
      r.count++;
      r.reports.add(e.file);
      byRule.set(f.rule, r);
    }
  }
  if (byRule.size === 0) return `<p>${escapeHtml(tr(REVIEW_TEXT.chartNone))}</p>`;
  const top = [...byRule].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, CHART_RULES);
  const max = top[0][1].count;
  const rows = top.map(([rule, r]) => {
    const width = Math.max(1, Math.round((r.count / max) * 100));
    return [
      `<tr data-rule="${escapeHtml(rule)}" data-count="${r.count}">`,
      `<td class="rule">${ruleLink(rule, input)}</td>`,
      `<td class="bar"><div class="bar w${width}"></div></td>`,
      `<td class="count">${escapeHtml(tr(REVIEW_TEXT.chartCount, { count: r.count, reports: r.reports.size }))}</td>`,
      '</tr>',
    ].join('');
  });
  const head = `<thead><tr><th>${escapeHtml(tr(REVIEW_TEXT.colRule))}</th><th></th><th>${escapeHtml(tr(REVIEW_TEXT.colCount))}</th></tr></thead>`;
  return ['<table class="chart">', '<colgroup><col class="c-rule"><col class="c-bar"><col class="c-chart-count"></colgroup>', head, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

function uncheckedTable(entries: readonly ReviewEntry[], tr: Tr): string {
  const rows = entries.map((e) => `<tr class="unchecked" data-file="${escapeHtml(e.file)}"><td class="file">${escapeHtml(e.file)}</td><td>${escapeHtml(e.error ?? '')}</td></tr>`);
  const head = `<thead><tr><th>${escapeHtml(tr(REVIEW_TEXT.colFile))}</th><th>${escapeHtml(tr(REVIEW_TEXT.colReason))}</th></tr></thead>`;
  return ['<table class="unchecked">', '<colgroup><col class="c-file"><col></colgroup>', head, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

/** A day as the page takes it: `YYYY-MM-DD` of the caller's local clock. */
export function reviewDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `2025-01-05` as 2025年1月5日 (or as given in English). */
function dateText(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || lang === 'en') return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const CSS = `
@page { size: A4; margin: 15mm 12mm; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: ${family(FONTS.table)}; font-size: 10.5pt; line-height: 1.5; }
main { max-width: 186mm; margin: 2em auto; padding: 0 1em; }
h1 { font-family: ${family(FONTS.title)}; font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 0.6em; }
h2 { font-family: ${family(FONTS.heading)}; font-size: 13pt; font-weight: normal; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p { margin: 0.2em 0; }
p.summary { margin: 0.6em 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { font-weight: bold; background: #eee; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.report { background: #f6f6f6; break-after: avoid; page-break-after: avoid; }
tr.report td { font-weight: bold; }
tr.finding td { border-top-style: dotted; font-size: 9.5pt; }
tr.finding td:first-child { border-top-style: none; }
td.number, td.year, td.count, td.verdict { text-align: center; }
tr.returned td.verdict { color: #b00; }
.body { display: block; }
.file { display: block; font-weight: normal; font-size: 9pt; color: #444; word-break: break-all; }
.file.only { font-size: inherit; color: inherit; }
.place { font-family: ui-monospace, monospace; }
.severity { font-weight: bold; }
.sev1 .severity { color: #b00; }
.sev2 .severity { color: #8a5a00; }
a.rule, span.rule { font-family: ui-monospace, monospace; color: #024; }
col.c-number { width: 8%; } col.c-name { width: 44%; } col.c-year { width: 10%; } col.c-count { width: 10%; } col.c-verdict { width: 18%; }
col.c-rule { width: 34%; } col.c-bar { width: 38%; } col.c-chart-count { width: 28%; } col.c-file { width: 40%; }
table.chart td { vertical-align: middle; }
${Array.from({ length: 100 }, (_, i) => `.w${i + 1} { width: ${i + 1}%; }`).join(' ')}
div.bar { height: 0.9em; background: #555; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
@media print { main { max-width: none; margin: 0; padding: 0; } a { color: inherit; text-decoration: none; } }
`.trim();

let styleHashOf: string | undefined;
/**
 * The policy's hash of the style element (CSP level 2: `'sha256-…'` of its text), made on the first page
 * written, not when the module loads: every thread of a batch loads it, few write a page.
 */
const styleHash = () => (styleHashOf ??= `sha256-${sha256Base64(CSS)}`);
