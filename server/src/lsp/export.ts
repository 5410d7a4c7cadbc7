import { render, type Lang } from '../core';
import { planExport } from '../core/export/document';
import { writeHtml } from '../core/export/html';
import { loadDocxWriter } from '../export/loadDocx';
import type { ServerSettings } from './settings';
import type { ExportParams, ExportResult } from './exportProtocol';

export { EXPORT_REQUEST, type ExportParams, type ExportProblem, type ExportResult } from './exportProtocol';

/** The report's file, or what stands in the way (the request's handler; see exportProtocol.ts). */
export async function exportText(text: string, params: ExportParams, settings: ServerSettings, lang: Lang): Promise<ExportResult> {
  const plan = planExport(text, { lang, formatVersion: settings.formatVersion, severity: settings.rules, blankAsZero: params.blankAsZero === true });
  const problems = plan.problems.map((f) => ({ rule: f.ruleId, line: f.range.start.line, message: render(f.message, lang) }));
  if (problems.length > 0 && params.force !== true) return { problems, blanks: plan.blanks };
  const content = params.to === 'docx' ? Buffer.from(await (await loadDocxWriter()).writeDocx(plan.document)).toString('base64') : writeHtml(plan.document);
  return { problems, blanks: plan.blanks, content };
}
