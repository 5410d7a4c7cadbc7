// Prints a summary of what the reader makes of a report: `npx tsx scripts/dump-model.ts FILE [--cells]`.
import { readFileSync } from 'node:fs';
import { readReport } from '../server/src/core/reader/read';

const [file, flag] = process.argv.slice(2);
const r = readReport(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const pos = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
console.log(`title: ${r.title?.text ?? '-'} | issuer: ${r.issuer?.text ?? '-'} | year: ${r.year?.value ?? '-'} | period: ${r.period ? `${r.period.from}..${r.period.to}` : '-'}`);
console.log(`format: ${r.format.version} (${r.format.source}) script: ${r.script} html: ${r.html}`);
for (const s of r.sections) console.log(`  section ${s.ordinal} ${s.key} numeral=${s.numeral?.text ?? '-'} "${s.title.text}" @${pos(s.range.start)} lines ${s.line + 1}-${s.endLine}`);
for (const t of Object.values(r.tables)) {
  if (!t) continue;
  console.log(`  table ${t.kind} v${t.version} (${t.versionFrom}) ${t.layout} section=${t.section} lines ${t.firstLine + 1}-${t.endLine} rows=${t.rows.length} orphans=${t.orphanCells.length}`);
  for (const row of t.rows) {
    const cells = row.cells.map((c) => (c.problem ? `[${c.problem}:${c.text}]` : c.text)).join(' ');
    if (flag === '--cells' || row.key === null || row.cells.length !== row.expectedCells || row.cells.some((c) => c.problem))
      console.log(`    ${row.key ?? '??'}${row.group ? '(group)' : ''} "${row.label.text.slice(0, 20)}" ${row.cells.length}/${row.expectedCells}: ${cells}`);
  }
  for (const m of t.missingRows) console.log(`    MISSING ${m.key} after ${m.afterKey}`);
  if (t.orphanCells.length) console.log(`    ORPHANS ${t.orphanCells.map((c) => c.text).join(' ')}`);
}
