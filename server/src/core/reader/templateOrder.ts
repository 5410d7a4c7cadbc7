import type { FormatVersion } from '../model';
import type { RowDef } from '../formats/types';
import { APPLICATIONS_ROWS } from '../formats/applicationsTable';
import type { CellToken } from './cells';
import { fit } from './fit';
import { Role, type LabelPass } from './labelPass';
import type { RowBuild } from './rows';
import type { TableContext } from './rowTable';

interface Run {
  cells: CellToken[];
  /** A label written on the same line just before the run's first cell. */
  label: RowBuild | null;
}

/**
 * Table B from a converter that displaced labels from their numbers (corpus 101): the rows of numbers
 * are taken in template order. Accepted only when every row has exactly its number of cells, the
 * count of rows is the format's, the labels written beside numbers agree with their place, and at
 * most a stray number or two is left over.
 */
export function orderPass(
  tokens: CellToken[], pass: LabelPass, version: FormatVersion, ctx: TableContext,
): { builds: RowBuild[]; version: FormatVersion } | null {
  const runs = valueRuns(tokens, pass);
  const width = APPLICATIONS_ROWS[0].columns.length;
  const full: Run[] = [];
  // Left over may be a stray number standing alone (page furniture), at most two of them.
  let strays = 0;
  for (const r of runs) {
    const strong = r.cells.filter((c) => !c.weak).length;
    if (strong === 0) continue;
    const cells = fit(r.cells, width);
    if (cells.length === width) full.push({ cells, label: r.label });
    else if (r.cells.length > 1 || ++strays > 2) return null;
  }
  const versions: FormatVersion[] = ctx.forcedVersion ? [ctx.forcedVersion] : [version, version === '2021' ? '2019' : '2021'];
  for (const v of versions) {
    const defs = dataRows(v);
    if (defs.length !== full.length) continue;
    let agree = 0;
    let disagree = false;
    full.forEach((r, i) => {
      if (!r.label?.def) return;
      if (sameRow(r.label.def, defs[i])) agree++;
      else disagree = true;
    });
    if (disagree || agree < Math.max(3, Math.floor(defs.length / 3))) continue;
    const builds = defs.map((def, i) => ({
      def,
      label: full[i].label?.label ?? { text: def.label, range: { start: full[i].cells[0].range.start, end: full[i].cells[0].range.start } },
      cells: full[i].cells,
    }));
    // What is left over is a stray number or two on text lines (page furniture), not a cell.
    return { builds, version: v };
  }
  return null;
}

function sameRow(a: RowDef, b: RowDef): boolean {
  return a.key === b.key || (a.key === 'otherHandling' && b.key === 'other');
}

function dataRows(version: FormatVersion): RowDef[] {
  const out: RowDef[] = [];
  for (const d of APPLICATIONS_ROWS) {
    if (d.key === 'otherHandling' && version === '2019') out.push({ ...d, key: 'other', group: false, columns: APPLICATIONS_ROWS[0].columns });
    else if (!d.group && (!d.versions || d.versions.includes(version))) out.push(d);
  }
  return out;
}

/**
 * The runs of cells between labels and text. A run does not go on past a line that holds a row of
 * cells (a pipe row, PDF numbers after a label): there each line is its own run.
 */
function valueRuns(tokens: CellToken[], pass: LabelPass): Run[] {
  const perLine = new Map<number, number>();
  for (let k = 0; k < pass.end; k++) {
    if (pass.roles[k] === Role.Value || pass.roles[k] === Role.Blank) perLine.set(tokens[k].line, (perLine.get(tokens[k].line) ?? 0) + 1);
  }
  const runs: Run[] = [];
  let run: Run | null = null;
  let label: { build: RowBuild; line: number } | null = null;
  let prevLine = -1;
  for (let k = 0; k < pass.end; k++) {
    const role = pass.roles[k];
    const tok = tokens[k];
    if (role === Role.Value || role === Role.Blank) {
      if (run && tok.line !== prevLine && ((perLine.get(prevLine) ?? 0) >= 2 || (perLine.get(tok.line) ?? 0) >= 2)) run = null;
      if (!run) {
        run = { cells: [], label: label && label.line === tok.line ? label.build : null };
        runs.push(run);
      }
      run.cells.push(tok);
      prevLine = tok.line;
    } else if (role === Role.Label || role === Role.Text) {
      run = null;
      const build = pass.labels.get(k);
      if (build) label = { build, line: tok.lastLine };
    }
  }
  return runs;
}
