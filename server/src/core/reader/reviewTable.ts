import type { MissingRow, Range, TableRow, Unreadable } from '../model';
import type { RowDef } from '../formats/types';
import { REVIEW_LITIGATION_GROUPS, REVIEW_LITIGATION_HEADER } from '../formats/reviewLitigationTable';
import { fold, labelKey } from '../text/normalize';
import type { CellToken } from './cells';
import { fit } from './fit';
import { isNoise } from './labels';
import { clip, toCell } from './rows';
import { looksLikeValue } from './values';

const GROUP_SIZE = 5;
const NEEDED = GROUP_SIZE * REVIEW_LITIGATION_GROUPS.length;
/** A header word glued to a number ('总计0', '审结3'): the cells cannot be told apart. */
const GLUED = /(?:总计|审结|维持|纠正|结果)\d/;

/** The numbers under one header cell: a group's own label (per-group layouts) or the header as a whole. */
interface Segment {
  group: RowDef | null;
  label: CellToken | null;
  values: CellToken[];
}

/** Where the table starts, for what has no token of its own to stand at. */
export interface Fallback {
  range: Range;
  offset: number;
}

export interface ReviewRead {
  rows: TableRow[];
  missingRows: MissingRow[];
  orphans: CellToken[];
  unreadable: Unreadable | null;
  lastConsumed: number;
}

/**
 * Table C: a header, then fifteen numbers in three groups of five. Numbers written under their own
 * group's label (per-group tables from converters) belong to that group; numbers under the header as a
 * whole are taken in order. Numbers under two or more labels that do not make five each cannot be
 * attributed: the table is unreadable rather than misread.
 */
export function readReviewLitigation(tokens: CellToken[], fallback: Fallback, endsDocument: boolean): ReviewRead {
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  let lastConsumed = -1;
  let stopped = false;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.blank) {
      if (seg) {
        seg.values.push(tok);
        lastConsumed = k;
      }
      continue;
    }
    if (isNoise(tok.text)) continue;
    const key = labelKey(tok.text);
    if (GLUED.test(fold(tok.text)) && !looksLikeValue(tok.text)) {
      const digits = oneDigitCells(tok);
      if (!digits) return { rows: [], missingRows: [], orphans: [], lastConsumed: k, unreadable: { reason: 'glued', range: clip(tok.range), sample: tok.text.slice(0, 24) } };
      seg = { group: null, label: tok, values: digits };
      segments.push(seg);
      lastConsumed = k;
      continue;
    }
    if (key && REVIEW_LITIGATION_HEADER.test(key)) {
      const group = REVIEW_LITIGATION_GROUPS.find((g) => g.match.test(key)) ?? null;
      if (group || !seg) {
        seg = { group, label: tok, values: [] };
        segments.push(seg);
      }
      lastConsumed = k;
      continue;
    }
    if (!looksLikeValue(tok.text)) {
      stopped = true;
      break;
    }
    if (!seg) {
      seg = { group: null, label: null, values: [] };
      segments.push(seg);
    }
    seg.values.push(tok);
    lastConsumed = k;
  }
  const labelled = segments.filter((s) => s.values.some((v) => !v.blank));
  if (segments.length > 0 && labelled.length === 0 && (stopped || !endsDocument)) {
    // Its header and not one number, and the text goes on: an empty template, not a table cut off.
    // Its blank cells are kept when there are exactly fifteen of them.
    const blanks = fit(segments.flatMap((s) => s.values), NEEDED);
    const cells = blanks.length === NEEDED ? blanks : [];
    const rows = REVIEW_LITIGATION_GROUPS.map((g, gi) =>
      row(g, segments.find((s) => s.group === g)?.label ?? segments[0].label, cells.slice(gi * GROUP_SIZE, gi * GROUP_SIZE + GROUP_SIZE), fallback));
    return { rows, missingRows: [], orphans: [], unreadable: null, lastConsumed };
  }
  const labelOf = (g: RowDef) => segments.find((s) => s.group === g)?.label ?? segments[0]?.label ?? null;
  if (labelled.length >= 2) return byGroupLabels(labelled, segments, labelOf, fallback, lastConsumed);
  // One run of numbers (or none): in order, the groups one after another.
  const run = labelled[0] ?? segments[segments.length - 1];
  if (run?.group && run.group !== REVIEW_LITIGATION_GROUPS[0] && fit(run.values, GROUP_SIZE).length === GROUP_SIZE && strong(run.values) <= GROUP_SIZE) {
    return byGroupLabels([run], segments, labelOf, fallback, lastConsumed);
  }
  const values = fit(run?.values ?? [], NEEDED);
  const rows: TableRow[] = [];
  const missingRows: MissingRow[] = [];
  REVIEW_LITIGATION_GROUPS.forEach((g, gi) => {
    const cells = values.slice(gi * GROUP_SIZE, gi * GROUP_SIZE + GROUP_SIZE);
    const label = labelOf(g);
    if (cells.length === 0) {
      missingRows.push(missing(g, rows, label, fallback, segments));
      return;
    }
    rows.push(row(g, label, cells, fallback));
  });
  return { rows, missingRows, orphans: values.slice(NEEDED).filter((t) => !t.blank), unreadable: null, lastConsumed };
}

function byGroupLabels(
  labelled: Segment[], segments: Segment[], labelOf: (g: RowDef) => CellToken | null, fallback: Fallback, lastConsumed: number,
): ReviewRead {
  const byGroup = new Map<RowDef, CellToken[]>();
  for (const s of labelled) {
    const cells = fit(s.values, GROUP_SIZE);
    if (!s.group || byGroup.has(s.group) || cells.length !== GROUP_SIZE) {
      const at = s.label ?? s.values[0];
      return {
        rows: [], missingRows: [], orphans: [], lastConsumed,
        unreadable: { reason: 'rowCounts', range: clip(at.range), rows: 1, row: s.group?.key ?? '', found: strong(s.values), expected: GROUP_SIZE },
      };
    }
    byGroup.set(s.group, cells);
  }
  const rows: TableRow[] = [];
  const missingRows: MissingRow[] = [];
  for (const g of REVIEW_LITIGATION_GROUPS) {
    const cells = byGroup.get(g);
    if (cells) rows.push(row(g, labelOf(g), cells, fallback));
    else missingRows.push(missing(g, rows, labelOf(g), fallback, segments));
  }
  return { rows, missingRows, orphans: [], unreadable: null, lastConsumed };
}

function row(g: RowDef, label: CellToken | null, cells: CellToken[], fallback: Fallback): TableRow {
  const lined = cells.length === GROUP_SIZE;
  return {
    key: g.key,
    group: false,
    label: { text: label?.text ?? g.label, range: label?.range ?? fallback.range },
    cells: cells.map((t, i) => toCell(t, lined ? g.columns[i] : null)),
    expectedCells: GROUP_SIZE,
  };
}

function missing(g: RowDef, rows: TableRow[], label: CellToken | null, fallback: Fallback, segments: Segment[]): MissingRow {
  const prev = rows[rows.length - 1];
  const lastCell = prev?.cells[prev.cells.length - 1];
  const lastHeader = segments[segments.length - 1]?.label;
  return {
    key: g.key, label: g.label, afterKey: prev?.key ?? null,
    anchor: label?.range ?? fallback.range,
    insertAt: lastCell ? lastCell.end : (lastHeader?.end ?? label?.end ?? fallback.offset),
  };
}

/**
 * Header and numbers glued together ('…尚未审结总计000000000000000'): exactly fifteen digits can only be
 * fifteen one-digit cells, so they are read; any other count cannot be split.
 */
function oneDigitCells(tok: CellToken): CellToken[] | null {
  const m = /[\d\s]+$/.exec(tok.text);
  if (!m) return null;
  const { start, end } = tok.range;
  // One source character per text character (a plain line), so each digit's place is known.
  if (start.line !== end.line || end.character - start.character !== tok.end - tok.start || tok.end - tok.start !== tok.text.length) return null;
  const cells: CellToken[] = [];
  for (let i = m.index; i < tok.text.length; i++) {
    if (!/\d/.test(tok.text[i])) continue;
    const at = { line: start.line, character: start.character + i };
    cells.push({ ...tok, text: tok.text[i], start: tok.start + i, end: tok.start + i + 1, range: { start: at, end: { line: at.line, character: at.character + 1 } }, blank: false, weak: false, gap: undefined });
  }
  return cells.length === NEEDED ? cells : null;
}

function strong(values: CellToken[]): number {
  return values.filter((v) => !v.blank).length;
}

