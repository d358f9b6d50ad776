import { GOAL_LABEL, GOAL_SUBLABEL } from "../data/rows";
import { address, labelText, type Grid } from "./grid";

/** A cell of the 年度总体目标 block: what the unit wrote as its goal or as what was done. */
export interface GoalCell {
  cell: string;
  value: string | number;
  /** The block's own heading over the cell (预期目标, 实际完成情况), where one stands at or left of its column. */
  heading?: string;
}

/** A cell's text as matched: no spaces, traditional characters simplified (總體目標 is 总体目标), no colon at the end. */
const squash = labelText;

/**
 * The cells of the title block's 年度总体目标 between `from` and the table's header `before`: its label row and the
 * rows under it up to the next label in the label's column (the block's own headings 预期目标 | 实际完成情况 left out).
 * Raw cells only: a merged cell counts once.
 */
export function goalCells(grid: Grid, from: number, before: number): GoalCell[] {
  for (let r = Math.max(0, from); r < before; r++) {
    const row = grid.cells[r] ?? [];
    const col = row.findIndex((c) => GOAL_LABEL.test(squash(c?.v)));
    if (col < 0) continue;
    const label = squash(row[col]?.v);
    const out: GoalCell[] = [];
    // The block's headings by column (预期目标 at B, 实际完成情况 at F): each cell is under the nearest one at or left of it.
    const headings = new Map<number, string>();
    for (let rr = r; rr < Math.min(before, r + 3); rr++) {
      const cells = grid.cells[rr] ?? [];
      cells.forEach((c, cc) => {
        const s = squash(c?.v);
        if (cc > col && s !== "" && s !== label && GOAL_SUBLABEL.test(s)) headings.set(cc, s);
      });
      // A new label in the label's column (or left of it) ends the block; the label repeated (a merge filled in) does not.
      if (rr > r && cells.slice(0, col + 1).some((c) => squash(c?.v) !== "" && squash(c?.v) !== label)) break;
      cells.forEach((c, cc) => {
        const v = c?.v;
        if (cc <= col || v === null || v === undefined || typeof v === "boolean") return;
        const s = squash(v);
        // A value repeated in the cell right before it is one merged cell filled across, unless the row above heads the
        // two cells differently (总体目标 | 全年实际完成情况: the result copied from the goal, not the goal filled across).
        const above = grid.cells[rr - 1] ?? [];
        const filledAcross = s === squash(cells[cc - 1]?.v) && (rr === r || squash(above[cc]?.v) === squash(above[cc - 1]?.v));
        if (s === "" || s === label || GOAL_SUBLABEL.test(s) || filledAcross) return;
        // A figure formatted as a percentage (1 shown 100%) is given as shown.
        const shown = typeof v === "number" && c?.fmt && /%/.test(c.fmt) ? `${Math.round(v * 1e6) / 1e4}%` : v;
        const under = [...headings.keys()].filter((h) => h <= cc).sort((a, b) => b - a)[0];
        out.push({ cell: address(grid, rr, cc), value: typeof shown === "number" ? shown : String(shown).trim(), ...(under !== undefined ? { heading: headings.get(under)! } : {}) });
      });
    }
    return out;
  }
  return [];
}
