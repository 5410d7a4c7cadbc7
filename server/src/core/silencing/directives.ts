import type { LineIndex, Range } from '../text/positions';

/**
 * Silencing comments (README, "Silencing a finding"), as markdownlint's inline configuration:
 *
 *   <!-- nianbao-disable-next-line row-total -->     HTML and Markdown
 *   // nianbao-disable-next-line row-total           plain text: a line of its own
 *
 * `disable-next-line` silences the line after the comment, `disable` … `enable` the lines between
 * them, `disable-file` the whole document; with no rule ids, every rule. In plain text (Markdown
 * included) a directive is a line of its own and the reader skips it (reader/read.ts): no report
 * line starts with `//` or `<!--` followed by `nianbao-`, so such a line is never report content.
 */
export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names; null: every rule. */
  rules: string[] | null;
  /** The comment's first and last line. */
  line: number;
  endLine: number;
  /** The comment itself. */
  range: Range;
  /** What deleting it removes: its whole line (with the break) when it stands alone there, else the comment. */
  remove: { start: number; end: number };
}

/** A directive's text after its prefix: its kind, then rule ids separated by spaces or commas. */
const BODY = /^nianbao-(disable-next-line|disable-file|disable|enable)(?=$|[\s,，])([^]*)$/;
/** A line that is a directive in plain text: `// nianbao-…` or `<!-- nianbao-… -->`, alone on its line. */
const PLAIN_LINE = /^[ \t\u3000]*(?:\/\/[ \t]*(nianbao-[^]*?)|<!--[ \t]*(nianbao-[^]*?)[ \t]*-->)[ \t\u3000]*$/;
const CHEAP = 'nianbao-';

function parseBody(body: string): { kind: DirectiveKind; rules: string[] | null } | null {
  const m = BODY.exec(body.trim());
  if (!m) return null;
  const ids = m[2].split(/[\s,，]+/).filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules: ids.length ? ids : null };
}

/** Is this plain-text line a silencing directive (the reader then skips it)? */
export function isDirectiveLine(text: string): boolean {
  if (!text.includes(CHEAP)) return false;
  const m = PLAIN_LINE.exec(text);
  return !!m && parseBody(m[1] ?? m[2]) !== null;
}

/** The directives of a plain text (Markdown included): lines of their own. */
export function plainDirectives(text: string, index: LineIndex): Directive[] {
  if (!text.includes(CHEAP)) return [];
  const out: Directive[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const start = index.lineStarts[i];
    const end = index.lineEnd(i);
    const line = text.slice(start, end);
    if (!line.includes(CHEAP)) continue;
    const m = PLAIN_LINE.exec(line);
    const body = m && parseBody(m[1] ?? m[2]);
    if (!body) continue;
    const next = i + 1 < index.lineCount ? index.lineStarts[i + 1] : end;
    out.push({ ...body, line: i, endLine: i, range: { start: { line: i, character: 0 }, end: { line: i, character: end - start } }, remove: { start, end: next } });
  }
  return out;
}

/** The directives of an HTML page: its comments (a comment may span lines). */
export function htmlDirectives(text: string, index: LineIndex): Directive[] {
  if (!text.includes(CHEAP)) return [];
  const out: Directive[] = [];
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 4)) {
    const close = text.indexOf('-->', at + 4);
    const end = close < 0 ? text.length : close + 3;
    const body = close < 0 ? null : parseBody(text.slice(at + 4, close));
    if (body) {
      const range = { start: index.positionAt(at), end: index.positionAt(end) };
      out.push({ ...body, line: range.start.line, endLine: range.end.line, range, remove: wholeLine(text, index, at, end, range) });
    }
    at = end - 4;
  }
  return out;
}

function wholeLine(text: string, index: LineIndex, start: number, end: number, range: Range): { start: number; end: number } {
  const lineStart = index.lineStarts[range.start.line];
  const lineEnd = index.lineEnd(range.end.line);
  if (text.slice(lineStart, start).trim() || text.slice(end, lineEnd).trim()) return { start, end };
  const next = range.end.line + 1 < index.lineCount ? index.lineStarts[range.end.line + 1] : lineEnd;
  return { start: lineStart, end: next };
}

/** The directives of a document, in order: its comments in HTML, its directive lines in plain text. */
export function readDirectives(text: string, index: LineIndex, html: boolean): Directive[] {
  return html ? htmlDirectives(text, index) : plainDirectives(text, index);
}
