/**
 * Small-number suppression, so nobody can be identified from a report.
 *
 * 1. Primary: any cell counting fewer than 5 young people (0 included) is shown as "<5"; so is any figure
 *    worked out from fewer than 5 people (an average change).
 * 2. Secondary (against differencing): cells are linked in lines whose parts add up to a shown total (the five
 *    answer cells add up to "young people"; age-band cells and area cells add up to "all young people"; improved +
 *    same + worse add up to "with 2+ answers"). In every line with a shown total, the hidden cells must not be
 *    recoverable by subtraction:
 *      - no line has exactly one hidden cell;
 *      - when a line hides "<5" cells, working back from its total must leave each of them anywhere from 0 to 4:
 *        the hidden cells together count at least 5, at most 4 x (number of "<5" cells - 1) when none is "c",
 *        and at least 5 x (number of "c" cells) + 4 when some are "c". So two "<5" cells alone are never enough
 *        (their sum would tell whether each is 0), and three cells of 4 under a total of 12 are not either.
 *    When a line breaks the rule, its smallest shown part is hidden as well and shown as "c"; when no part is left
 *    to hide, its total is hidden ("c"). This repeats over all lines until every line keeps the rule.
 *    An average change is shown only when the number of people it comes from is shown.
 */

export type Cell = number | '<5' | 'c';
export const THRESHOLD = 5;

export interface Line {
  parts: string[];
  total: string;
}

type State = 'shown' | 'primary' | 'secondary';

/** Is a line safe? k hidden "<5" cells, m hidden "c" cells, their sum s. */
export function lineIsSafe(k: number, m: number, s: number): boolean {
  if (k === 0) return m !== 1;
  if (m === 0) return s >= THRESHOLD && s <= (THRESHOLD - 1) * (k - 1);
  return s >= THRESHOLD * m + (THRESHOLD - 1);
}

/**
 * Decides which cells to show. `values` holds every cell (parts and totals); lines say which add up.
 * Returns the published value of every cell.
 */
export function protect(values: Map<string, number>, lines: Line[]): Map<string, Cell> {
  const state = new Map<string, State>();
  for (const [k, v] of values) state.set(k, v < THRESHOLD ? 'primary' : 'shown');
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (state.get(line.total) !== 'shown') continue;
      let k = 0;
      let m = 0;
      let s = 0;
      for (const p of line.parts) {
        const st = state.get(p);
        if (st === 'primary') k++;
        else if (st === 'secondary') m++;
        if (st !== 'shown') s += values.get(p) ?? 0;
      }
      if (lineIsSafe(k, m, s)) continue;
      const shown = line.parts.filter((p) => state.get(p) === 'shown');
      if (shown.length > 0) {
        shown.sort((a, b) => (values.get(a) ?? 0) - (values.get(b) ?? 0));
        state.set(shown[0], 'secondary');
      } else {
        state.set(line.total, 'secondary');
      }
      changed = true;
    }
  }
  const out = new Map<string, Cell>();
  for (const [k, v] of values) {
    const st = state.get(k);
    out.set(k, st === 'shown' ? v : st === 'primary' ? '<5' : 'c');
  }
  return out;
}

/** A single count with only the primary rule (for figures that add up with nothing else shown). */
export function countCell(n: number): Cell {
  return n < THRESHOLD ? '<5' : n;
}

/** An average shown to one decimal place, only when its base count is shown. */
export function averageCell(sum: number, base: Cell, n: number): Cell {
  if (typeof base !== 'number' || n < THRESHOLD) return typeof base === 'number' ? '<5' : base;
  return Math.round((sum / n) * 10) / 10;
}
