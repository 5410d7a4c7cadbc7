import type { RowDef } from '../formats/types';
import { fold, labelKey } from '../text/normalize';
import type { CellToken } from './cells';
import { isPlainNumber, looksLikeValue } from './values';

/** Which rows a label may still name: each row once, entry rows first, '其他'/'总计' only after their group. */
export class LabelState {
  readonly seen = new Set<string>();
  /** What is left of labels read from their cut-off start ('予公开' of '(三)不'): met later, it is no row. */
  cutTails?: Set<string>;
  /** The rows a label may name now, in the format's order: asked of every label, changed by each row read. */
  #open: RowDef[] | null = null;

  constructor(readonly defs: readonly RowDef[]) {}

  /** Has a row been read (the table has started)? */
  get started(): boolean {
    return this.seen.size > 0;
  }

  /** A row's label was read. */
  read(key: string): void {
    this.seen.add(key);
    this.#open = null;
  }

  open(): readonly RowDef[] {
    return (this.#open ??= this.defs.filter((d) => !this.seen.has(d.key) && (this.started || d.entry) && (!d.after || d.after.some((a) => this.seen.has(a)))));
  }
}

/** The row a label names by its pattern. */
export function matchRow(s: LabelState, key: string): RowDef | null {
  for (const d of s.open()) if (d.match.test(key)) return d;
  return null;
}

const canonicalKeys = new Map<RowDef, string>();
export function canonicalKey(d: RowDef): string {
  let k = canonicalKeys.get(d);
  if (k === undefined) canonicalKeys.set(d, (k = labelKey(d.label)));
  return k;
}

const canonicalLabels = new Map<RowDef, string>();
function canonicalLabel(d: RowDef): string {
  let k = canonicalLabels.get(d);
  if (k === undefined) canonicalLabels.set(d, (k = squeeze(d.label)));
  return k;
}

function squeeze(s: string): string {
  return fold(s).replace(/[\s\u3000]+/g, '');
}

/**
 * A label cut short: the first expected row whose wording it begins ('(二)部分公', '三、本年度办'),
 * or, with its numbering, the row whose numbered label it begins ('(三)不', '(一)予').
 */
export function matchCutLabel(s: LabelState, text: string, key: string): RowDef | null {
  // Before the first row, header fragments ('本年', '其他') must not pass for a row's label.
  if (key.length >= (s.started ? 2 : 4)) {
    for (const d of s.open()) if (canonicalKey(d).startsWith(key)) return d;
  }
  if (key.length < 1 || text.length > 200) return null;
  const whole = squeeze(text);
  if (whole.length < 3 || whole === key) return null;
  for (const d of s.open()) {
    if (!canonicalLabel(d).startsWith(whole)) continue;
    (s.cutTails ??= new Set()).add(canonicalKey(d).slice(key.length));
    return d;
  }
  return null;
}

/** The rest of a label whose start was read before ('予公开' after '(三)不'). */
export function isCutTail(s: LabelState, key: string): boolean {
  return key.length > 0 && (s.cutTails?.has(key) ?? false);
}

/** Could this key still grow into an expected row's label? */
function beginsLabel(s: LabelState, key: string): boolean {
  if (!key) return true;
  for (const d of s.open()) if (canonicalKey(d).startsWith(key)) return true;
  return false;
}

const MAX_PIECES = 10;
const MAX_PIECE = 16;

/**
 * A label broken over several cells or lines ('(三)' / '不予公开', '三、' / '本' / '年' / …): joins the
 * text tokens from `k` on while the join can still become a label, and returns the row and the last
 * token used, or null.
 */
export function assembleLabel(s: LabelState, tokens: readonly CellToken[], k: number): { def: RowDef; last: number } | null {
  let joined = '';
  const firstLine = tokens[k].line;
  for (let j = k; j < tokens.length && j - k < MAX_PIECES; j++) {
    const t = tokens[j];
    if (t.blank) continue;
    if (t.text.length > MAX_PIECE * 3 || isPlainNumber(t.text) || t.line - firstLine > MAX_PIECES) return null;
    joined += t.text;
    // The first piece must begin a label ('(三)', '三、', '本'), not end one ('予公开').
    if (j === k) {
      if (!beginsLabel(s, labelKey(joined))) return null;
      continue;
    }
    const key = labelKey(joined);
    const def = matchRow(s, key);
    if (def) return { def, last: j };
    if (!beginsLabel(s, key)) return null;
  }
  return null;
}

const NUMBERED_LABEL = /^\s*\d{1,2}\s*[.、．,，]\s*[\u3400-\u9fff]{2}/;
const NUMBERING_ONLY = /^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*[、.．])\s*$/;

/** A label's numbering alone ('1.', '(三)', '三、'): what is left of a label cut off or split. */
export function isNumberingOnly(text: string): boolean {
  return NUMBERING_ONLY.test(text);
}

/** Could this text be a cell's value? Not a label's numbering, nor a numbered label cut short ('2.其他法律行政法规禁'). */
export function looksLikeCell(text: string): boolean {
  return looksLikeValue(text) && !NUMBERED_LABEL.test(text) && !NUMBERING_ONLY.test(text);
}

/** Generic column headers of converted tables ('类别 | 数据1 | … | 数据6 | 总计'). */
const GENERIC_HEADER = /^(?:类别|项目|序号|内容|数据\d{0,2}|列\d{1,2})$/;

/** A converter's generic column header ('数据1' is no value). */
export function isGenericHeader(key: string): boolean {
  return GENERIC_HEADER.test(key);
}

/** A header cell, whole, with extra words, or cut short; or a converter's generic header. */
export function isHeader(key: string, words: readonly string[]): boolean {
  if (GENERIC_HEADER.test(key)) return true;
  for (const w of words) if (key.startsWith(w) || (key.length >= 2 && w.startsWith(key))) return true;
  return false;
}

const PAGE_FOOTER = /^(?:[-—–－_]+\s*\d{1,4}\s*[-—–－_]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
const CAPTION = /^表[一二三四五1-5](?:[：:、.\s]|$)/;

const JUNK = /^[?？!！。…*#~=_]{2,}$/;
/** A PDF page's running header: the report's title. */
const RUNNING_HEADER = /年度?报告$/;

/**
 * Layout text inside a table that is neither cell nor label: page footers ('— 4 —') and running headers
 * (the report's title), captions ('表三：…'), junk ('????').
 */
export function isNoise(text: string): boolean {
  // Asked of every value cell: ASCII digits alone are none of these, and need no folding.
  if (isAsciiDigits(text)) return false;
  // Footers, captions and headers are short; only junk may be long, and junk needs no folding.
  if (text.length > 200) return JUNK.test(text.trim());
  const t = fold(text).trim();
  // Each pattern but the running header's begins with one of these: a label does not.
  if (!NOISE_FIRST.has(t.charCodeAt(0)) && !(t.length <= 60 && t.endsWith('报告'))) return false;
  return PAGE_FOOTER.test(t) || CAPTION.test(t.replace(/^#+\s*/, '')) || JUNK.test(t) || (t.length <= 60 && RUNNING_HEADER.test(t));
}

/** The first characters of a page footer, a caption and junk (PAGE_FOOTER, CAPTION, JUNK). */
const NOISE_FIRST = new Set([...'-—–－_第0123456789#表?？!！。…*~='].map((c) => c.charCodeAt(0)));

function isAsciiDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/** Prose, not a cell: a sentence, or text far longer than any label. */
export function isProse(text: string): boolean {
  return text.includes('。') || text.length > 90;
}

const MAX_GLUED = 5000;

/**
 * Cells glued together without separators ('规章000规范性文件898989', '本年新收政府信息公开申请数量230'):
 * a row's label immediately followed by a digit. Returns the label and its digits, or null.
 */
export function gluedLabel(text: string, defs: readonly RowDef[]): string | null {
  if (!/\d/.test(text) || isPlainNumber(text)) return null;
  // Spaces are separators: only a digit right after the label's last character is glued to it.
  // A table glued into one line is a few hundred characters: a longer text is looked at that far.
  const t = fold(text.length > MAX_GLUED ? text.slice(0, MAX_GLUED) : text);
  // A label is glued where it ends right before a digit: only those places are looked at.
  const digitsAt: number[] = [];
  for (let i = 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digitsAt.push(i);
  }
  for (const d of defs) {
    if (d.group) continue;
    const key = canonicalKey(d);
    if (key.length < 2) continue;
    for (const at of digitsAt) {
      if (at < key.length || !t.startsWith(key, at - key.length)) continue;
      const digits = /^\d+(?![.、．\d])/.exec(t.slice(at, at + 40));
      if (digits) return key + digits[0];
    }
  }
  return null;
}
