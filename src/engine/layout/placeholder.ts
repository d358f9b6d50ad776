import { address, type Grid } from "./grid";

/**
 * A date the template left to fill, still unfilled: (-年-月-日), ××年××月××日, 2024年×月×日, ○年○月○日 (full-width forms folded
 * first; not the blank 年 月 日 of a signature line).
 */
export const DATE_PLACEHOLDER = /(?:\d{4}|[-_—×xX○〇*]+)\s*年\s*[-_—×xX○〇*]+\s*月\s*[-_—×xX○〇*]+\s*日/;

/** The cells of rows `from`..`to` (inclusive) holding a template's date placeholder, as written, with their grid row. */
export function placeholderCells(grid: Grid, from: number, to: number): { cell: string; text: string; row: number }[] {
  const out: { cell: string; text: string; row: number }[] = [];
  for (let r = Math.max(0, from); r <= to && r < grid.cells.length; r++) {
    (grid.cells[r] ?? []).forEach((c, cc) => {
      if (typeof c?.v === "string" && c.v.includes("年") && DATE_PLACEHOLDER.test(c.v.normalize("NFKC"))) out.push({ cell: address(grid, r, cc), text: c.v.trim(), row: r });
    });
  }
  return out;
}
