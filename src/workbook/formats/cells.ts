import type { Grid, GridCell } from "../../engine";

export type Merge = Grid["merges"][number];
export type CellValue = GridCell["v"];

/** `B7` → 0-based {row, col}; null when not an address or outside Excel's sheet (XFD1048576). */
export function parseRef(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > 1048576 || col > 16384) return null;
  return { row: row - 1, col: col - 1 };
}

/** `A1:C3` (or `A1`) → a 0-based merge, null when malformed. */
export function parseRange(ref: string): Merge | null {
  const [a, b] = ref.split(":");
  const p = parseRef(a ?? "");
  const q = parseRef(b ?? a ?? "");
  if (!p || !q) return null;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

/** A sparse sheet: cells by 0-based sheet row and column, as they are present in the file. */
export interface SparseCell {
  row: number;
  col: number;
  cell: GridCell;
}

/**
 * A grid sized by the cells present: origin at the first row and column holding something, rows as long as
 * their last cell (ragged; an empty row is []). Never rows × columns of what a file's dimension claims.
 * Merges are given in sheet coordinates and returned relative to the origin, clipped to the cells present.
 * Throws (via `tooBig`) when the cells span more rows or columns than allowed.
 */
export function gridFromSparse(sheet: string, cells: Iterable<SparseCell>, merges: Merge[], maxRows: number, maxCols: number, tooBig: (what: "rows" | "cols", from: number, to: number) => never): Grid {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  const list: SparseCell[] = [];
  for (const x of cells) {
    list.push(x);
    if (x.row < r0) r0 = x.row;
    if (x.row > r1) r1 = x.row;
    if (x.col < c0) c0 = x.col;
    if (x.col > c1) c1 = x.col;
  }
  if (list.length === 0) return { sheet, origin: { row: 0, col: 0 }, cells: [], merges: [] };
  if (r1 - r0 + 1 > maxRows) tooBig("rows", r0 + 1, r1 + 1);
  if (c1 - c0 + 1 > maxCols) tooBig("cols", c0 + 1, c1 + 1);
  const rows: (GridCell | null)[][] = [];
  for (let r = r0; r <= r1; r++) rows.push([]);
  for (const x of list) {
    const row = rows[x.row - r0]!;
    const c = x.col - c0;
    while (row.length < c) row.push(null);
    row[c] = x.cell;
  }
  // Merges whose first cell lies among the cells present (a merge out in empty space holds nothing to read).
  const rel = merges
    .filter((m) => m.r1 >= r0 && m.c1 >= c0 && m.r1 <= r1 && m.c1 <= c1)
    .map((m) => ({ r1: m.r1 - r0, c1: m.c1 - c0, r2: Math.min(m.r2, r1) - r0, c2: Math.min(m.c2, c1) - c0 }));
  return { sheet, origin: { row: r0, col: c0 }, cells: rows, merges: rel };
}
