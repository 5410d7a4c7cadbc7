import type { FormatVersion, Range, Table } from '../model';
import { msg } from '../l10n/text';
import { rowDef, tableName } from './names';
import { convertApplications2019 } from '../service/convert';
import { certainYear } from './scope';
import { lazyFix, subject, type Finding, type Rule } from './types';

const OLD_IN_NEW = {
  zh: '本报告是{year}年度报告，应使用国办公开办函〔2021〕30号印发的年度报告格式（自2021年度报告起使用），但{table}是2019年格式（国办公开办函〔2019〕60号）：{evidence}。请按2021年格式重新填写此表。',
  en: 'This is the {year} report: the format of 国办公开办函〔2021〕30号 applies (from the 2021 reports on), but {table} is in the 2019 format (国办公开办函〔2019〕60号): {evidence}. Fill it in again in the 2021 format.',
};
const NEW_IN_OLD = {
  zh: '本报告是{year}年度报告，2019、2020年度报告使用国办公开办函〔2019〕60号规定的格式，但{table}是国办公开办函〔2021〕30号格式（自2021年度报告起使用）：{evidence}。请核对报告年度和表格格式。',
  en: 'This is the {year} report: reports for 2019 and 2020 use the format of 国办公开办函〔2019〕60号, but {table} is in the format of 国办公开办函〔2021〕30号 (used from the 2021 reports on): {evidence}. Check the year and the table’s format.',
};
const CONVERT = {
  zh: '将本表改为2021年格式（“（六）其他处理”分为三项，原数字计入“3.其他”，并加注说明）',
  en: 'Convert this table to the 2021 rows ((6) in three sub-rows, the old numbers in 3. Other, with a note)',
};
const EVIDENCE = {
  applications2019: { zh: '“（六）其他处理”只有一行，没有三个细分项', en: '“(6) Other handling” is one row without its three sub-rows' },
  applications2021: { zh: '“（六）其他处理”分为三个细分项', en: '“(6) Other handling” has three sub-rows' },
  active2019: { zh: '其栏目和行（本年新制作数量、上一年项目数量、本年增/减、第二十条第（九）项等）属于2019年格式', en: 'its columns and rows (newly made, items last year, change, Article 20 item (9)…) are those of 2019' },
  active2021: { zh: '其栏目（本年制发件数、现行有效件数、本年处理决定数量等）属于2021年格式', en: 'its columns (issued, in force, decisions this year…) are those of 2021' },
};

/** The format that applies to a report's year: 2021 from the 2021 reports on, 2019 for 2019 and 2020 (none before). */
function formatOfYear(year: number): FormatVersion | null {
  return year >= 2021 ? '2021' : year >= 2019 ? '2019' : null;
}

/** Where a table shows its version: the row that tells, else its first row. */
function witness(table: Table): Range {
  const tells = table.kind === 'applications'
    ? table.rows.find((r) => (table.version === '2019' ? r.key === 'other' : r.key !== null && rowDef('applications', r.key)?.parent === 'otherHandling'))
    : table.rows.find((r) => table.version === '2019' && (r.key === 'otherServices' || r.key === 'article20.9' || r.key === 'procurement'));
  return (tells ?? table.rows[0])?.label.range ?? table.range;
}

/**
 * A table laid out in the format of another year (issue 16, rule 1). Only a version read from the table's
 * own rows and headers can contradict the year; a table that could not be read says nothing.
 */
export const formatYear: Rule = {
  id: 'format-year',
  severity: 1,
  inputs: ['sections', 'active', 'applications'],
  description: { zh: '表格格式与报告年度相符', en: 'The tables are in the format of the report’s year' },
  check(ctx) {
    // The text stays lazy: only the conversion fix, when asked for, reads it.
    const { report, index } = ctx;
    const year = certainYear(report);
    const applies = year === null ? null : formatOfYear(year);
    if (!applies) return [];
    const out: Finding[] = [];
    for (const table of [report.tables.active, report.tables.applications]) {
      if (!table || table.unreadable || table.versionFrom !== 'table' || !table.version || table.version === applies) continue;
      const evidence = EVIDENCE[`${table.kind as 'active' | 'applications'}${table.version}`];
      const finding: Finding = {
        ruleId: this.id, subject: subject.table(table.kind), severity: applies === '2021' ? 1 : 2,
        range: witness(table),
        message: msg(applies === '2021' ? OLD_IN_NEW : NEW_IN_OLD, { year: year!, table: tableName(table.kind), evidence }),
      };
      // Table 三's rows convert exactly (table 二's columns do not): offered where the result reads back as such.
      if (table.kind === 'applications' && applies === '2021') {
        finding.fix = lazyFix(msg(CONVERT), () => convertApplications2019(report, ctx.text, index), { preferred: true, safe: false });
      }
      out.push(finding);
    }
    return out;
  },
};
