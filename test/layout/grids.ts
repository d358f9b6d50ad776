import type { Grid, Merge } from "../../src/engine";

/** A grid from rows of values (null = empty), for layout tests. */
export function grid(rows: (string | number | null)[][], merges: Merge[] = [], sheet = "Sheet1"): Grid {
  return { sheet, origin: { row: 0, col: 0 }, cells: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges };
}
