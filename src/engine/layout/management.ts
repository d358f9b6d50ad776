import { address, continuesAbove, labelText, type Grid } from "./grid";

/**
 * An item of the 资金管理情况 block (转移支付区域绩效自评表): the item, what the unit wrote about it (情况说明; "" when
 * left blank) and where, and what it wrote under 存在问题 on the same row, if anything (with that cell, where the block has
 * the column).
 */
export interface ManagementClaim {
  item: string;
  cell: string;
  text: string;
  problem?: string;
  problemCell?: string;
}

const squash = labelText;

/** The block's heading, its statement column and its problems column. */
const BLOCK = /^资金管理情况$/;
const STATEMENT = /^情况说明$/;
const PROBLEM = /^存在(?:的)?问题/;
/** Where the block ends: the next block of the form. */
const NEXT_BLOCK = /总体目标|绩效指标|一级指标|年度目标|绩效目标|目标完成|项目实施情况|自评结论|评价结论|产出指标/;
/** A row of column numbers (列次 | 8 | 9 | 10). */
const NUMBERS_ROW = /^(?:列次|栏次|行次)$/;

/**
 * The items of the 资金管理情况 block between `from` and the table's header `before`, as written: each row under the
 * block's heading (分配科学性, 下达及时性 … 执行准确性) with the cell under 情况说明 and the one under 存在问题. A row's item
 * is its last label left of the statement (a sub-item, 资金分解下达进度, where the form has one). Empty when no block.
 */
export function managementClaims(grid: Grid, from: number, before: number): ManagementClaim[] {
  for (let r = Math.max(0, from); r < before; r++) {
    const row = grid.cells[r] ?? [];
    if (!row.some((c) => BLOCK.test(squash(c?.v)))) continue;
    const statement = row.findIndex((c) => STATEMENT.test(squash(c?.v)));
    if (statement < 0) return [];
    const problem = row.findIndex((c, i) => i > statement && PROBLEM.test(squash(c?.v)));
    const out: ManagementClaim[] = [];
    for (let rr = r + 1; rr < Math.min(before, r + 32) && out.length < 16; rr++) {
      const cells = grid.cells[rr] ?? [];
      // (The lower half of cells merged down, a table drawn on a finer grid, is passed over.)
      if (continuesAbove(grid, rr)) continue;
      const labels = cells.slice(0, statement).map((c) => squash(c?.v)).filter((s) => s !== "" && !/^\d+$/.test(s));
      if (labels.some((s) => NUMBERS_ROW.test(s))) continue;
      if (cells.some((c) => NEXT_BLOCK.test(squash(c?.v)))) break;
      const item = labels[labels.length - 1];
      if (item === undefined) break;
      const said = cells[statement]?.v;
      const claim: ManagementClaim = { item, cell: address(grid, rr, statement), text: typeof said === "string" || typeof said === "number" ? String(said).trim() : "" };
      const p = problem < 0 ? undefined : cells[problem]?.v;
      if (problem >= 0) claim.problemCell = address(grid, rr, problem);
      if (typeof p === "string" && p.trim() !== "") claim.problem = p.trim();
      out.push(claim);
    }
    return out;
  }
  return [];
}
