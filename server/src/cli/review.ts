import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Lang } from '../core/l10n/text';
import { reviewDate, reviewPage } from '../core/review/page';
import type { ReviewEntry } from '../core/review/summary';
import { rulePage, shippedRulePages } from '../lsp/rulePages';
import { csvHeader, csvRows } from './csv';
import type { Emit, ResultWriter } from './output';
import { SARIF_SCHEMA, sarifNotification, sarifResults, sarifRunTail, type SarifTool } from './sarif';

/** The formats made for reviewers and tools: each file's part is its `ReviewEntry` as JSON (output.ts). */
export type ReviewFormat = 'html' | 'sarif' | 'csv';

export function isReviewFormat(format: string): format is ReviewFormat {
  return format === 'html' || format === 'sarif' || format === 'csv';
}

export interface ReviewContext {
  lang: Lang;
  version: string;
  /** The paths the run was given (the page's 审查范围). */
  paths: readonly string[];
  /** The folder SARIF's URIs are relative to. */
  cwd: string;
  now: Date;
}

export function reviewWriter(format: ReviewFormat, emit: Emit, ctx: ReviewContext): ResultWriter {
  const parse = (part: string) => JSON.parse(part) as ReviewEntry;
  if (format === 'csv') return csvWriter(emit, ctx.lang, parse);
  if (format === 'sarif') return sarifWriter(emit, ctx, parse);
  return htmlWriter(emit, ctx, parse);
}

/** The header row first (with the BOM), then each file's rows as it comes. */
function csvWriter(emit: Emit, lang: Lang, parse: (part: string) => ReviewEntry): ResultWriter {
  let started = false;
  const start = () => (started ? '' : ((started = true), csvHeader(lang)));
  return {
    file: async (part) => {
      const rows = csvRows(parse(part), lang);
      if (rows || !started) await emit(start() + rows);
    },
    end: async () => (started ? undefined : emit(start())),
  };
}

/** One SARIF log: each file's results as they come (one a line), then the tool, its rules and the files not checked. */
function sarifWriter(emit: Emit, ctx: ReviewContext, parse: (part: string) => ReviewEntry): ResultWriter {
  const tool: SarifTool = { version: ctx.version, informationUri: shippedDoc('README.md'), helpUri: ruleHref, lang: ctx.lang, root: ctx.cwd };
  const used = new Set<string>();
  const notifications: Sarif.Notification[] = [];
  let results = 0;
  let started = false;
  const head = () => (started ? '' : ((started = true), `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`));
  return {
    file: async (part) => {
      const entry = parse(part);
      if (entry.error !== undefined) notifications.push(sarifNotification(entry, tool));
      const lines = sarifResults(entry, tool).map((r) => {
        used.add(r.ruleId!);
        return `${results++ === 0 ? '\n' : ',\n'}        ${JSON.stringify(r)}`;
      });
      if (lines.length || !started) await emit(head() + lines.join(''));
    },
    end: async () => {
      const tail = JSON.stringify(sarifRunTail(used, notifications, tool), null, 2).slice(1, -1).replace(/\n/g, '\n    ');
      await emit(`${head()}${results ? '\n      ' : ''}],${tail}}\n  ]\n}\n`);
    },
  };
}

/** The page needs the whole run (it sorts worst first): it keeps each file's entry — no text — and writes at the end. */
function htmlWriter(emit: Emit, ctx: ReviewContext, parse: (part: string) => ReviewEntry): ResultWriter {
  const entries: ReviewEntry[] = [];
  return {
    file: async (part) => void entries.push(parse(part)),
    end: () => emit(reviewPage({ entries, folders: ctx.paths, date: reviewDate(ctx.now), lang: ctx.lang, ruleHref })),
  };
}

function ruleHref(ruleId: string): string {
  return rulePage(shippedRulePages(), ruleId);
}

/** A document shipped beside the bundle (dist/../NAME). */
function shippedDoc(name: string): string {
  return pathToFileURL(join(__dirname, '..', name)).href;
}
