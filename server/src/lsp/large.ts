import { emptyReport, type CheckOptions } from '../core/engine';
import { msg } from '../core/l10n/text';
import { findHeadings } from '../core/reader/headings';
import { readSource } from '../core/text/source';
import { looksLikeHtml } from '../core/text/html';
import { subject, type Finding, type Report } from '../core';
import { LineIndex } from '../core/text/positions';
import { runRules, silence } from '../core/engine';
import { readDirectives } from '../core/silencing/directives';
import { countLines, LIMITS } from '../core/limits';
import { sectionMissing } from '../core/rules/sectionMissing';
import { sectionOrder } from '../core/rules/sectionOrder';
import { sectionNumeral } from '../core/rules/sectionNumeral';
import { sectionDuplicate } from '../core/rules/sectionDuplicate';
import type { ServerSettings } from './settings';

const TOO_LARGE = {
  zh: '文件过大（{size} MB，超过设置“nianbao.maxFileSize”规定的{limit} MB），只检查了章节结构，未检查表格和合计。',
  en: 'The file is large ({size} MB, above the nianbao.maxFileSize setting of {limit} MB): only the part structure was checked, not the tables and totals.',
};
const TOO_LARGE_LINES = {
  zh: '文件过大（{size} MB，超过设置“nianbao.maxFileSize”规定的{limit} MB）且有{lines}行，未作检查。',
  en: 'The file is large ({size} MB, above the nianbao.maxFileSize setting of {limit} MB) and has {lines} lines: it was not checked.',
};
const TOO_LARGE_HTML = {
  zh: '文件过大（{size} MB，超过设置“nianbao.maxFileSize”规定的{limit} MB）且为 HTML，未作检查。',
  en: 'The file is large ({size} MB, above the nianbao.maxFileSize setting of {limit} MB) and HTML: it was not checked.',
};

/** Is the text's UTF-8 above the size limit? (Measured without encoding it, and only when it could be.) */
export function overSize(text: string, settings: ServerSettings): boolean {
  const limit = settings.maxFileSize * 1024 * 1024;
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  return text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit;
}

/** Above the size limit: one clear diagnostic and only the cheap part-structure rules, never a frozen editor. */
export function tooLarge(text: string, settings: ServerSettings): { index: LineIndex; report: Report; findings: Finding[] } | null {
  if (!overSize(text, settings)) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  const mb = bytes / (1024 * 1024);
  const args = { size: mb.toFixed(1), limit: settings.maxFileSize };
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  // HTML would need its virtual lines (a source map per character): far too much memory at this size.
  if (looksLikeHtml(text)) {
    const index = new LineIndex(text);
    return { index, report: emptyReport(index.lineCount), findings: [{ ruleId: 'file-too-large', subject: subject.document(), severity: 2, range: top, message: msg(TOO_LARGE_HTML, args) }] };
  }
  // More lines than any report: not even the part structure is read (its lines would cost too much).
  const lines = countLines(text);
  if (lines > LIMITS.lines) {
    const index = new LineIndex(text);
    return { index, report: emptyReport(index.lineCount), findings: [{ ruleId: 'file-too-large', subject: subject.document(), severity: 2, range: top, message: msg(TOO_LARGE_LINES, { ...args, lines }) }] };
  }
  const src = readSource(text);
  const index = src.index;
  const report = emptyReport(index.lineCount);
  report.sections = findHeadings(src);
  const options: CheckOptions = { severity: settings.rules };
  const { findings } = silence(runRules(report, text, index, options, [sectionMissing, sectionOrder, sectionNumeral, sectionDuplicate]), readDirectives(text, index, false), options, report);
  findings.unshift({ ruleId: 'file-too-large', subject: subject.document(), severity: 2, range: top, message: msg(TOO_LARGE, args) });
  return { index, report, findings };
}

const NOT_TEXT = {
  zh: '此文件不是文本（含有二进制内容，可能是 Word、PDF 或图片文件），未作检查。请先另存为文本。',
  en: 'This file is not text (it has binary content: a Word, PDF or image file?) and was not checked. Save it as text first.',
};

/**
 * A binary file opened by mistake (as the CLI tells from its bytes: a NUL near the start, or a
 * .docx/.xlsx zip or a PDF signature): one clear diagnostic and nothing else, not a page of
 * nonsense findings.
 */
export function notText(text: string): { index: LineIndex; report: Report; findings: Finding[] } | null {
  const head = text.length > 8000 ? text.slice(0, 8000) : text;
  if (!head.includes('\0') && !head.startsWith('PK\u0003\u0004') && !head.startsWith('%PDF-')) return null;
  const index = new LineIndex(text);
  return {
    index,
    report: emptyReport(index.lineCount),
    findings: [{
      ruleId: 'not-text', subject: subject.document(), severity: 2,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: msg(NOT_TEXT),
    }],
  };
}
