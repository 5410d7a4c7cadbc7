import type { Cell, Table, TableRow } from '../model';
import { msg, type Message } from '../l10n/text';
import { relationDef, relationInstances, type CellRef, type RelationInstance } from '../formats/relations';
import { writeCell } from '../service/cellEdit';
import { fitsCell, MAX_DIGITS } from '../reader/values';
import { subject, type ArithmeticData, type Finding, type Fix, type Rule, type RuleContext } from './types';
import { columnName, rowName } from './names';
import { Slot } from '../text/slot';

export const SET_TOTAL = { zh: '将此格改为{value}', en: 'Change this cell to {value}' };
const BLANK_AS_ZERO = {
  zh: '（按“空白按0计算”设置，空白单元格按0计入。）',
  en: ' (Blank cells counted as 0, as the setting “blank as zero” asks.)',
};
const TOO_LARGE = {
  zh: '计算结果超过{max}位数字，数值过大，无法填入表格，请核对参与计算的各个数字。',
  en: ' The computed value has more than {max} digits, too large to be written into the table: check the numbers it is computed from.',
};

/**
 * A table's cells by row and column, built once per table object: a keystroke that changes a number
 * updates its cell in place, so the index stays true; every rule and service of that version shares it.
 */
const cellIndexes = new Slot<Table, Map<string, Map<string, Cell>>>('cellIndex');

function cellIndex(table: Table): Map<string, Map<string, Cell>> {
  let index = cellIndexes.get(table);
  if (index) return index;
  index = new Map();
  for (const r of table.rows) {
    if (!r.key) continue;
    const byColumn = new Map<string, Cell>();
    for (const c of r.cells) if (c.column) byColumn.set(c.column, c);
    index.set(r.key, byColumn);
  }
  cellIndexes.set(table, index);
  return index;
}

/** A table's values by row and column; with `blankAsZero` a blank cell counts as 0. Values read live from the cells. */
export class TableValues {
  private readonly cells: Map<string, Map<string, Cell>>;
  /** Values set by a computation (recompute, fills), over what the cells hold. */
  private readonly overrides = new Map<Cell | string, number | null>();
  /** `zeroed`: cells counted as 0 whatever they hold (a fix about to write 0 there). */
  constructor(readonly table: Table, readonly blankAsZero = false, zeroed?: ReadonlySet<Cell>) {
    this.cells = cellIndex(table);
    if (zeroed) for (const c of zeroed) this.overrides.set(c, 0);
  }
  cell(ref: CellRef): Cell | undefined {
    return this.cells.get(ref.row)?.get(ref.column);
  }
  get(ref: CellRef): number | null {
    const c = this.cell(ref);
    if (!c) return this.overrides.get(`${ref.row}/${ref.column}`) ?? null;
    const o = this.overrides.get(c);
    if (o !== undefined) return o;
    return c.value ?? (this.blankAsZero && c.problem === 'blank' ? 0 : null);
  }
  /** null: the cell will hold no usable number (a fix writes text there). */
  set(ref: CellRef, value: number | null): void {
    const c = this.cell(ref);
    this.overrides.set(c ?? `${ref.row}/${ref.column}`, value);
  }
  sum(refs: readonly CellRef[]): number | null {
    let s = 0;
    for (const r of refs) {
      const v = this.get(r);
      if (v === null) return null;
      s += v;
    }
    return s;
  }
  /** What the stated cell should be: sum(parts) − sum(besides), or null when a cell is unusable. */
  expected(i: RelationInstance): number | null {
    const parts = this.sum(i.parts);
    const besides = this.sum(i.besides);
    return parts === null || besides === null ? null : parts - besides;
  }
  /** Does the relation hold? null when it cannot be evaluated. */
  holds(i: RelationInstance): boolean | null {
    const e = this.expected(i);
    const s = this.get(i.stated);
    return e === null || s === null ? null : e === s;
  }
  /** Did a blank counted as 0 take part in this relation? */
  usedBlank(i: RelationInstance): boolean {
    return this.blankAsZero && [i.stated, ...i.parts, ...i.besides].some((r) => this.cell(r)?.problem === 'blank');
  }
}

/** The relations of a table that do not hold, with their values (a blank stated cell is cell-blank's). */
export function failures(table: Table | null, ctx: RuleContext, ids: readonly string[]): { i: RelationInstance; cell: Cell; expected: number; values: TableValues }[] {
  if (!table || (table.kind !== 'applications' && table.kind !== 'reviewLitigation')) return [];
  if (table.kind === 'applications' && !table.version) return [];
  const values = new TableValues(table, ctx.options?.blankAsZero);
  const out = [];
  for (const i of relationInstances(table.kind, table.version)) {
    if (!ids.includes(i.relation)) continue;
    const cell = values.cell(i.stated);
    const expected = values.expected(i);
    if (!cell || cell.value === null || expected === null || expected === cell.value) continue;
    out.push({ i, cell, expected, values });
  }
  return out;
}

export function arithmeticData(i: RelationInstance, expected: number, actual: number): ArithmeticData {
  return { relation: i.relation, table: i.table, row: i.stated.row, column: i.stated.column, expected, actual };
}

/** The message of a relation that does not hold, in its relation's wording. */
export function relationMessage(i: RelationInstance, values: TableValues, expected: number, actual: number, extra: Record<string, number> = {}): Message {
  const def = relationDef(i.relation);
  const t = values.table;
  const template = values.usedBlank(i) ? { zh: def.message.zh + BLANK_AS_ZERO.zh, en: def.message.en + BLANK_AS_ZERO.en } : def.message;
  return msg(template, {
    row: rowName(t.kind, i.stated.row), column: columnName(t.kind, i.stated.row, i.stated.column, t.version), expected, actual, ...extra,
  });
}

/** A total that does not add up: the diagnostic sits on the cell that states it; the fix writes the computed value. */
export function totalMismatch(rule: Rule, cell: Cell, data: ArithmeticData, message: Message, fix: Partial<Fix> = {}): Finding {
  return {
    ruleId: rule.id,
    subject: subject.cell(data.table, data.row, data.column),
    severity: rule.severity,
    range: cell.range,
    message,
    data,
    fix: {
      title: msg(SET_TOTAL, { value: data.expected }),
      edits: writeCell(cell, data.expected),
      preferred: true,
      safe: true,
      ...fix,
    },
  };
}

/** The findings of a total relation (row, column, group): each total that does not add up, with its fix. */
export function totalFindings(rule: Rule, ctx: RuleContext, table: Table | null, ids: readonly string[]): Finding[] {
  return failures(table, ctx, ids).map(({ i, cell, expected, values }) => {
    const message = relationMessage(i, values, expected, cell.value!);
    const f = totalMismatch(rule, cell, arithmeticData(i, expected, cell.value!), message);
    if (fitsCell(expected)) return f;
    // A total no cell can hold is said, never written (it would then read as no number).
    delete f.fix;
    return { ...f, message: { template: { zh: message.template.zh + TOO_LARGE.zh, en: message.template.en + TOO_LARGE.en }, args: { ...message.args, max: MAX_DIGITS } } };
  });
}

/** The value of a row's cell in a column, or null when it cannot be used (blank, not a number, misaligned). */
export function valueOf(row: TableRow | undefined, column: string): number | null {
  return row?.cells.find((c) => c.column === column)?.value ?? null;
}
