import type { Range } from '../model';
import type { RowDef } from '../formats/types';
import { labelKey } from '../text/normalize';
import type { CellToken } from './cells';
import { assembleLabel, canonicalKey, gluedLabel, isCutTail, isGenericHeader, isHeader, isNoise, isNumberingOnly, isProse, LabelState, looksLikeCell, matchCutLabel, matchRow } from './labels';
import type { RowBuild } from './rows';
import { isPlainNumber } from './values';

/** What each token turned out to be in the label pass (the template-order pass walks the same tokens). */
export const Role = { Skip: 0, Value: 1, Blank: 2, Label: 3, Text: 4, Header: 5 } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Rows by their labels: what each label owns, what no label owns, and what each token was. */
export interface LabelPass {
  builds: RowBuild[];
  orphans: CellToken[];
  headerKeys: string[];
  roles: Role[];
  /** The row each label token opened, by token index. */
  labels: Map<number, RowBuild>;
  lastConsumed: number;
  /** Where the pass stopped (prose after the table, or glued cells). */
  end: number;
  glued: { token: CellToken; sample: string } | null;
}

/** Reads tokens in order: a label opens its row, and the cells after it are that row's. */
export function labelPass(tokens: CellToken[], defs: readonly RowDef[], headerWords: readonly string[]): LabelPass {
  const lastKey = defs[defs.length - 1].key;
  const state = new LabelState(defs);
  const out: LabelPass = {
    builds: [], orphans: [], headerKeys: [], roles: new Array<Role>(tokens.length).fill(Role.Skip), labels: new Map(),
    lastConsumed: -1, end: tokens.length, glued: null,
  };
  let current: RowBuild | null = null;
  const value = (k: number) => {
    const tok = tokens[k];
    out.roles[k] = tok.blank ? Role.Blank : Role.Value;
    if (current) current.cells.push(tok);
    else if (state.started && !tok.blank) out.orphans.push(tok);
    else return;
    out.lastConsumed = k;
  };
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.blank || (isPlainNumber(tok.text) && !isNumberingOnly(tok.text) && !isNoise(tok.text))) {
      value(k);
      continue;
    }
    if (isNoise(tok.text)) continue;
    // A row's label with digits right after it: the cells are glued together (a sentence is prose, not cells).
    const sample = tok.text.includes('。') ? null : gluedLabel(tok.text, defs);
    if (sample) {
      out.glued = { token: tok, sample };
      out.end = k;
      break;
    }
    const key = labelKey(tok.text);
    const isValue = looksLikeCell(tok.text) && !isGenericHeader(key);
    // A header word after a header cell on its line is a header, though it names a row too ('| 类别 | 数据1 | … | 总计 |').
    const afterHeader = k > 0 && tokens[k - 1].line === tok.line && out.roles[k - 1] === Role.Header;
    const mayLabel = !(afterHeader && isHeader(key, headerWords));
    let def = key && mayLabel ? matchRow(state, key) : null;
    let label: { text: string; range: Range } = { text: tok.text, range: tok.range };
    if (!def && !isValue && key && isHeader(key, headerWords)) {
      out.roles[k] = Role.Header;
      out.headerKeys.push(key);
      if (state.started) out.lastConsumed = k;
      continue;
    }
    if (!def && !isValue && mayLabel) def = matchCutLabel(state, tok.text, key);
    if (!def && !isValue && mayLabel) {
      const joined = assembleLabel(state, tokens, k);
      if (joined) {
        def = joined.def;
        const last = tokens[joined.last];
        label = { text: tokens.slice(k, joined.last + 1).map((t) => t.text).join(''), range: { start: tok.range.start, end: last.range.end } };
        for (let j = k; j <= joined.last; j++) out.roles[j] = Role.Label;
        k = joined.last;
      }
    }
    if (def) {
      current = { def, label, cells: [] };
      out.builds.push(current);
      out.roles[k] = Role.Label;
      out.labels.set(k, current);
      state.read(def.key);
      out.lastConsumed = k;
      continue;
    }
    if (isValue) {
      value(k);
      continue;
    }
    // Text the format does not know: before the first row a header fragment; right after a label,
    // the rest of that label wrapped onto the next cell or line; else an extra row, or the end.
    if (isNumberingOnly(tok.text) || isCutTail(state, key)) continue;
    if (!state.started) {
      if (isProse(tok.text)) {
        out.end = k;
        break;
      }
      continue;
    }
    if (current && current.cells.length === 0 && current.def && continuesLabel(current, tok.text)) {
      current.label = { text: current.label.text + tok.text, range: { start: current.label.range.start, end: tok.range.end } };
      out.roles[k] = Role.Label;
      out.lastConsumed = k;
      continue;
    }
    if (isProse(tok.text) || (state.seen.has(lastKey) && rowComplete(current))) {
      out.end = k;
      break;
    }
    out.roles[k] = Role.Text;
    current = { def: null, label, cells: [] };
    out.builds.push(current);
    out.lastConsumed = k;
  }
  return out;
}

/** Text after a label that completes it: the label's wording goes on, or a bracket is still open. */
function continuesLabel(row: RowBuild, text: string): boolean {
  if (isProse(text)) return false;
  const joined = row.label.text + text;
  const open = (joined.match(/[（(]/g)?.length ?? 0) - (joined.match(/[）)]/g)?.length ?? 0);
  if (open > 0 || (open === 0 && /[（(]/.test(row.label.text) && !/[）)]/.test(row.label.text))) return true;
  return canonicalKey(row.def!).startsWith(labelKey(joined));
}

/** Has the row all the numbers its columns ask for (so that unknown text after the last row ends the table)? */
function rowComplete(row: RowBuild | null): boolean {
  if (!row || !row.def) return true;
  return row.cells.filter((c) => !c.weak).length >= row.def.columns.length;
}
