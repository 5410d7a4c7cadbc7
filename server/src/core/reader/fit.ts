import type { CellToken } from './cells';

/**
 * Fits a row's cells to its number of columns. Weak blanks are layout filler when the real cells
 * already fill the row; a single collapsed run of blank lines becomes exactly the missing cells;
 * otherwise trailing, then leading filler goes while there are too many. Linear in the cells.
 */
export function fit(cells: readonly CellToken[], expected: number): CellToken[] {
  let strong = 0;
  let gaps = 0;
  let slots = 0;
  for (const c of cells) {
    if (!c.weak) strong++;
    else if (c.gap) (gaps++, (slots += c.gap.length));
  }
  if (strong === expected) return cells.length === expected ? cells.slice() : cells.filter((c) => !c.weak);
  // n empty cells leave n + 1 blank lines: when the runs account for exactly the missing cells, each
  // run is its own count; a single run holds whatever is missing (its lines may have collapsed).
  if (gaps > 0 && strong < expected && (strong + slots === expected || gaps === 1)) {
    const out: CellToken[] = [];
    for (const c of cells) {
      if (!c.weak) out.push(c);
      else if (c.gap) out.push(...expandGap(c.gap, gaps === 1 ? expected - strong : c.gap.length));
    }
    return out;
  }
  let a = 0;
  let b = cells.length;
  while (b - a > expected && cells[b - 1].weak) b--;
  while (b - a > expected && cells[a].weak) a++;
  return cells.slice(a, b);
}

/** `n` blank cells in a collapsed run: one per blank line while there are lines, then on the last. */
function expandGap(slots: readonly CellToken[], n: number): CellToken[] {
  const out: CellToken[] = [];
  for (let i = 0; i < n; i++) out.push(slots[Math.min(i, slots.length - 1)]);
  return out;
}
