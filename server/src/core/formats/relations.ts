import type { FormatVersion } from './types';
import { APPLICANT_COLUMNS, APPLICANT_PART_COLUMNS, APPLICATIONS_ROWS, OTHER_2019_ROW, RESULT_ROWS } from './applicationsTable';
import { OUTCOME_PART_COLUMNS, REVIEW_LITIGATION_GROUPS } from './reviewLitigationTable';

/**
 * The statutory relations of tables 三 and 四, written once: the rules check them, recompute
 * settles them, hover shows them and the blank fill uses them. Each instance is one equation
 *   sum(parts) = stated + sum(besides)
 * whose `stated` cell carries the finding (and, for a total, is what recompute writes).
 */

/** Public ids (ArithmeticData.relation, README "JSON output"). */
export type RelationId = 'row-total' | 'column-total' | 'balance' | 'review-total' | 'litigationDirect-total' | 'litigationAfterReview-total';
export type RelationTable = 'applications' | 'reviewLitigation';

export interface CellRef {
  row: string;
  column: string;
}

export interface RelationInstance {
  relation: RelationId;
  table: RelationTable;
  stated: CellRef;
  parts: readonly CellRef[];
  besides: readonly CellRef[];
}

interface Wording {
  zh: string;
  en: string;
}

export interface RelationDef {
  id: RelationId;
  table: RelationTable;
  /** The rule that reports it. */
  ruleId: string;
  /** The stated cell is a total derived from the others (recompute and the blank fill write it). 结转下年度 is a count: no. */
  derived: boolean;
  /** The relation as a formula (hover). */
  formula: Wording;
  /** The finding's message: {row}, {column}, {expected}, {actual}, and the balance's four terms. */
  message: Wording;
  instances(version: FormatVersion): RelationInstance[];
}

const refs = (rows: readonly string[], cols: readonly string[]): CellRef[] => rows.flatMap((row) => cols.map((column) => ({ row, column })));

/** The rows of table 三 that carry numbers in a format version, in template order. */
export function applicationsNumberRows(version: FormatVersion): string[] {
  return [...APPLICATIONS_ROWS.slice(0, -2), OTHER_2019_ROW, ...APPLICATIONS_ROWS.slice(-2)]
    .filter((r) => !r.group && (!r.versions || r.versions.includes(version)))
    .map((r) => r.key);
}

const rowTotal: RelationDef = {
  id: 'row-total', table: 'applications', ruleId: 'row-total', derived: true,
  formula: {
    zh: '行合计：总计＝自然人＋商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他',
    en: 'Row total: total = the six applicant types',
  },
  message: {
    zh: '“{row}”行“总计”列应为{expected}（自然人与法人或其他组织各列之和），表中填写的是{actual}。',
    en: 'The total of row “{row}” should be {expected} (the sum of all applicant types), but {actual} is written.',
  },
  instances: (version) => applicationsNumberRows(version).map((row) => ({
    relation: 'row-total', table: 'applications', stated: { row, column: 'total' },
    parts: refs([row], APPLICANT_PART_COLUMNS), besides: [],
  })),
};

const columnTotal: RelationDef = {
  id: 'column-total', table: 'applications', ruleId: 'column-total', derived: true,
  formula: { zh: '列合计：（七）总计＝本年度各项办理结果之和', en: 'Column total: (7) total = sum of all results' },
  message: {
    zh: '“（七）总计”行“{column}”列应为{expected}（本年度各项办理结果之和），表中填写的是{actual}。',
    en: '“(7) Total” for “{column}” should be {expected} (the sum of all results this year), but {actual} is written.',
  },
  instances: (version) => APPLICANT_COLUMNS.map((c) => ({
    relation: 'column-total', table: 'applications', stated: { row: 'total', column: c.key },
    parts: refs(RESULT_ROWS[version], [c.key]), besides: [],
  })),
};

const balance: RelationDef = {
  id: 'balance', table: 'applications', ruleId: 'carry-over-balance', derived: false,
  formula: {
    zh: '结转平衡：本年新收＋上年结转＝（七）总计＋结转下年度继续办理',
    en: 'Balance: new + carried over = total + carried forward',
  },
  message: {
    zh: '“结转下年度继续办理”行“{column}”列与勾稽关系不符：本年新收（{newReceived}）加上年结转（{carriedOver}）应等于（七）总计（{total}）加结转下年度继续办理（{actual}）。请逐项核对这四个数字。',
    en: '“Carried forward” for “{column}” does not balance: new ({newReceived}) plus carried over ({carriedOver}) should equal (7) total ({total}) plus carried forward ({actual}). Check each of these four numbers.',
  },
  instances: () => APPLICANT_COLUMNS.map((c) => ({
    relation: 'balance', table: 'applications', stated: { row: 'carriedForward', column: c.key },
    parts: refs(['newReceived', 'carriedOver'], [c.key]), besides: [{ row: 'total', column: c.key }],
  })),
};

function groupTotal(row: string): RelationDef {
  const id = `${row}-total` as RelationId;
  return {
    id, table: 'reviewLitigation', ruleId: 'review-litigation-total', derived: true,
    formula: { zh: '组合计：总计＝结果维持＋结果纠正＋其他结果＋尚未审结', en: 'Group total: total = upheld + corrected + other + pending' },
    message: {
      zh: '“{row}”的“总计”应为{expected}（结果维持、结果纠正、其他结果、尚未审结之和），表中填写的是{actual}。',
      en: 'The total of “{row}” should be {expected} (upheld + corrected + other + pending), but {actual} is written.',
    },
    instances: () => [{
      relation: id, table: 'reviewLitigation', stated: { row, column: 'total' },
      parts: refs([row], OUTCOME_PART_COLUMNS), besides: [],
    }],
  };
}

/** Every relation, in the order recompute settles them (row totals, then (七)总计, then the balance). */
/** A relation's cells are data: computed once per format version. */
function memoized(def: RelationDef): RelationDef {
  const cache = new Map<FormatVersion, RelationInstance[]>();
  return { ...def, instances: (v) => cache.get(v) ?? (cache.set(v, def.instances(v)), cache.get(v)!) };
}

export const RELATIONS: readonly RelationDef[] = [
  rowTotal, columnTotal, balance, ...REVIEW_LITIGATION_GROUPS.map((g) => groupTotal(g.key)),
].map(memoized);

export function relationDef(id: RelationId): RelationDef {
  return RELATIONS.find((r) => r.id === id)!;
}

/** Every instance of a table's relations in a format version (table 四 is the same in both). */
const instances = new Map<string, RelationInstance[]>();
const cellsInRelations = new Map<string, Set<string>>();

/** Every relation of a table in a format version, cell by cell (data: computed once per table and version). */
export function relationInstances(table: RelationTable, version: FormatVersion | null): RelationInstance[] {
  const key = `${table}/${version ?? '2021'}`;
  let out = instances.get(key);
  if (!out) instances.set(key, (out = RELATIONS.filter((r) => r.table === table).flatMap((r) => r.instances(version ?? '2021'))));
  return out;
}

/** Does this cell take part in some relation of its table? */
export function inRelation(table: RelationTable, version: FormatVersion | null, ref: CellRef): boolean {
  const key = `${table}/${version ?? '2021'}`;
  let cells = cellsInRelations.get(key);
  if (!cells) {
    cells = new Set(relationInstances(table, version).flatMap((i) => [i.stated, ...i.parts, ...i.besides]).map((r) => `${r.row}/${r.column}`));
    cellsInRelations.set(key, cells);
  }
  return cells.has(`${ref.row}/${ref.column}`);
}

export function sameRef(a: CellRef, b: CellRef): boolean {
  return a.row === b.row && a.column === b.column;
}
