import type { Report } from '../model';
import type { Finding, OffsetEdit } from '../rules/types';
import type { LineIndex } from '../text/positions';
import { msg } from '../l10n/text';
import { ruleById } from '../rules';
import type { Action } from './actions';

/** How a document writes a silencing comment: an HTML comment (HTML, Markdown) or a `//` line (plain text). */
export type CommentStyle = 'html' | 'line';

const HERE = { zh: '在此处忽略此规则（{rule}）', en: 'Silence this rule here ({rule})' };
const TABLE = { zh: '在本表中忽略此规则（{rule}）', en: 'Silence this rule in this table ({rule})' };
const FILE = { zh: '在本文件中忽略此规则（{rule}）', en: 'Silence this rule in this file ({rule})' };

/** The style a document's comments take: HTML and Markdown (by its file name) write HTML comments. */
export function commentStyle(report: Report, fileName = ''): CommentStyle {
  return report.html || /\.(md|markdown)$/i.test(fileName) ? 'html' : 'line';
}

function comment(style: CommentStyle, kind: string, rule: string): string {
  return style === 'html' ? `<!-- nianbao-${kind} ${rule} -->` : `// nianbao-${kind} ${rule}`;
}

/**
 * "Silence this rule here" (a `disable-next-line` comment on a line of its own above the finding's
 * line) and "in this file" (a `disable-file` comment at the top). Comments go in at line boundaries
 * only: the reader skips such a line wherever it stands (a plain-text table too). Where a comment
 * line would split what a viewer shows as one table — between the rows of a Markdown pipe table — the
 * rule is silenced for the whole table instead (`disable` above it, `enable` below); inside an HTML
 * tag that spans lines no comment can go, and "here" is not offered.
 */
export function silenceActions(text: string, index: LineIndex, finding: Finding, style: CommentStyle): Action[] {
  if (!ruleById(finding.ruleId)) return [];
  const rule = finding.ruleId;
  const out: Action[] = [];
  const here = hereEdits(text, index, finding.range.start.line, style, rule);
  if (here) out.push({ title: msg(here.table ? TABLE : HERE, { rule }), kind: 'quickfix', edits: here.edits, resolves: [finding] });
  out.push({ title: msg(FILE, { rule }), kind: 'quickfix', edits: [lineAbove(text, index, topLine(text, index, style), comment(style, 'disable-file', rule))], resolves: [finding] });
  return out;
}

function hereEdits(text: string, index: LineIndex, line: number, style: CommentStyle, rule: string): { edits: OffsetEdit[]; table: boolean } | null {
  const start = index.lineStarts[line];
  if (style === 'html' && insideTag(text, start)) return null;
  const pipe = (i: number) => i >= 0 && i < index.lineCount && /^\s*[|｜]/.test(index.lineText(i));
  if (style === 'html' && pipe(line) && pipe(line - 1)) {
    let first = line;
    while (pipe(first - 1)) first--;
    let last = line;
    while (pipe(last + 1)) last++;
    return { edits: [lineAbove(text, index, first, comment(style, 'disable', rule)), lineBelow(text, index, last, comment(style, 'enable', rule))], table: true };
  }
  return { edits: [lineAbove(text, index, line, comment(style, 'disable-next-line', rule))], table: false };
}

/** Is this offset inside a tag (its `<` before, no `>` since)? */
function insideTag(text: string, offset: number): boolean {
  if (offset === 0) return false;
  const lt = text.lastIndexOf('<', offset - 1);
  return lt >= 0 && text.indexOf('>', lt) >= offset;
}

/** Where a file-wide comment goes: the top, after a byte-order mark, a doctype or an XML declaration. */
function topLine(text: string, index: LineIndex, style: CommentStyle): number {
  if (style !== 'html') return 0;
  return /^\uFEFF?\s*<(!doctype|\?xml)/i.test(index.lineText(0)) && index.lineCount > 1 ? 1 : 0;
}

/** A comment on a line of its own above `line`, indented as it is, ending with the document's line break. */
function lineAbove(text: string, index: LineIndex, line: number, body: string): OffsetEdit {
  let at = index.lineStarts[line];
  if (at === 0 && text.charCodeAt(0) === 0xfeff) at = 1;
  const indent = /^[ \t]*/.exec(index.lineText(line).replace(/^\uFEFF/, ''))![0];
  return { start: at, end: at, newText: indent + body + lineBreak(text, index, line) };
}

function lineBelow(text: string, index: LineIndex, line: number, body: string): OffsetEdit {
  const end = index.lineEnd(line);
  const indent = /^[ \t]*/.exec(index.lineText(line))![0];
  return { start: end, end, newText: lineBreak(text, index, line) + indent + body };
}

/** The break after a line, or the document's first one (a one-line text: '\n'). */
function lineBreak(text: string, index: LineIndex, line: number): string {
  for (const i of [line, 0]) {
    if (i + 1 >= index.lineCount) continue;
    return text.slice(index.lineEnd(i), index.lineStarts[i + 1]);
  }
  return '\n';
}
