import { emptyReport, type CheckOptions } from '../core/engine';
import { msg } from '../core/l10n/text';
import { findHeadings } from '../core/reader/headings';
import { readSource } from '../core/text/source';
import type { Finding, Report } from '../core';
import type { LineIndex } from '../core/text/positions';
import { runRules } from '../core/engine';
import { sectionMissing } from '../core/rules/sectionMissing';
import { sectionOrder } from '../core/rules/sectionOrder';
import { sectionNumeral } from '../core/rules/sectionNumeral';
import { sectionDuplicate } from '../core/rules/sectionDuplicate';
import type { ServerSettings } from './settings';

const TOO_LARGE = {
  zh: '文件过大({size} MB,超过设置 nianbao.maxFileSize 的 {limit} MB),只检查了章节结构,未检查表格和合计。',
  en: 'The file is large ({size} MB, above the nianbao.maxFileSize setting of {limit} MB): only the part structure was checked, not the tables and totals.',
};

/** Above the size limit: one clear diagnostic and only the cheap part-structure rules, never a frozen editor. */
export function tooLarge(text: string, settings: ServerSettings): { index: LineIndex; report: Report; findings: Finding[] } | null {
  const limit = settings.maxFileSize * 1024 * 1024;
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only measure when the text could be over the limit.
  if (text.length * 3 <= limit) return null;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes <= limit) return null;
  const mb = bytes / (1024 * 1024);
  const src = readSource(text);
  const index = src.index;
  const report = emptyReport(index.lineCount);
  report.sections = findHeadings(src);
  const options: CheckOptions = { severity: settings.rules };
  const findings = runRules(report, text, index, options, [sectionMissing, sectionOrder, sectionNumeral, sectionDuplicate]);
  findings.unshift({
    ruleId: 'file-too-large', severity: 2,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: msg(TOO_LARGE, { size: mb.toFixed(1), limit: settings.maxFileSize }),
  });
  return { index, report, findings };
}
