import { LEVEL1_WORD, LEVEL2_WORD } from "../data/rows";
import { toSimplified } from "../data/traditional";
import type { IndicatorInput } from "../evaluate/types";
import { mergedFromAbove, text, type Grid } from "./grid";
import type { ColumnMap } from "./detect";

/** Two ways a page can misplace a table: a row moved one column to the right, and a table cut short at the page's end. */

/**
 * A row the page moved one column to the right (a blank, then 满意度指标 under 二级指标, 服务对象满意度指标 under 三级指标 …,
 * its actual past the table's last column): the columns to read it from, each role from the next column the table uses and
 * the last from the first filled cell past the table; null for a row in place. (Columns by the header's order, so a blank
 * column between them or a grid drawn twice as fine moves nothing.)
 */
export function movedRight(grid: Grid, r: number, columns: ColumnMap): ColumnMap | null {
  const { level1, level2, level3 } = columns;
  if (level1 === undefined || level2 === undefined || level3 === undefined || !(level1 < level2 && level2 < level3)) return null;
  const used = [...new Set(Object.values(columns) as number[])].sort((x, y) => x - y);
  const raw = grid.cells[r] ?? [];
  const at = (c: number) => toSimplified(text(raw[c]?.v ?? null).replace(/\s+/g, ""));
  const last = used[used.length - 1]!;
  let past = -1;
  for (let c = last + 1; c < Math.min(raw.length, last + 3) && past < 0; c++) if (at(c) !== "" && !mergedFromAbove(grid, r, c)) past = c;
  if (past < 0 || at(level1) !== "" || mergedFromAbove(grid, r, level1)) return null;
  const next = (c: number) => used.find((u) => u > c) ?? past;
  if (!LEVEL1_WORD.test(at(next(level1))) || !LEVEL2_WORD.test(at(next(level2)))) return null;
  return Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, next(c as number)])) as ColumnMap;
}

/** Words of a level name, whole or cut off (可持续影响指). */
const LEVEL_TEXT = /指标|指$|效益|产出|满意|成本|数量|质量|时效|持续|影响/;

/**
 * Whether a table looks cut short at the end of its page: nothing follows its last indicator to the end of the sheet but
 * a level name opened with no indicator under it (可持续影响指…), or nothing at all where the table holds only 产出's levels.
 * (A complete table ending without 满意度, or with a sign-off row under it, is not.)
 */
export function endsCut(grid: Grid, indicatorRows: readonly number[], indicators: readonly IndicatorInput[], columns: ColumnMap): boolean {
  if (indicatorRows.length === 0) return false;
  const levelCols = new Set([columns.level1, columns.level2].filter((c): c is number => c !== undefined));
  let levelsBelow = 0;
  for (let r = Math.max(...indicatorRows) + 1; r < grid.cells.length; r++) {
    for (const [ci, c] of (grid.cells[r] ?? []).entries()) {
      // (A merge, or a merge filled in cell by cell, carried down from above is the block's label, not a row of its own.)
      if (c === null || c.v === null || text(c.v) === "" || mergedFromAbove(grid, r, ci) || text(c.v) === text(grid.cells[r - 1]?.[ci]?.v ?? null)) continue;
      if (!levelCols.has(ci) || !LEVEL_TEXT.test(toSimplified(text(c.v)))) return false;
      levelsBelow++;
    }
  }
  const outputOnly = !indicators.some((x) => /效益|满意|持续|影响|效能|效率/.test(toSimplified(`${x.level1 ?? ""}${x.level2 ?? ""}`)));
  return levelsBelow > 0 || outputOnly;
}
