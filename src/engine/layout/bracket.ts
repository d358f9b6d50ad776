import { address, type Grid } from "./grid";

/** List numbering before a closing bracket (1) 培训, 一）, a)): not a stray bracket. */
const NUMBERING = /^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zA-Z])\s*[)）]/;

/**
 * Which bracket a short text leaves unmatched: "close" for a closing bracket with none open before it (年度预算资金总额):),
 * "open" for one never closed, null when they pair (half- and full-width brackets pair with each other).
 */
export function unmatchedBracket(text: string): "open" | "close" | null {
  let depth = 0;
  for (const ch of NUMBERING.test(text) ? text.replace(NUMBERING, "") : text) {
    if (ch === "(" || ch === "（") depth++;
    else if (ch === ")" || ch === "）") {
      depth--;
      if (depth < 0) return "close";
    }
  }
  return depth > 0 ? "open" : null;
}

/** The longest text looked at: a label or a short value. A long text may have been cut by its cell (…(1). */
const LONGEST = 30;

/**
 * The label cells of rows `from`..`to` (inclusive) with a bracket left unmatched (年度预算资金总额):, 效益指标(30分 …): a
 * template's text not cleaned up, or a word lost in typing. Texts of up to 30 characters, as written.
 */
export function strayBracketCells(grid: Grid, from: number, to: number): { cell: string; text: string; which: "open" | "close" }[] {
  const out: { cell: string; text: string; which: "open" | "close" }[] = [];
  for (let r = Math.max(0, from); r <= to && r < grid.cells.length; r++) {
    (grid.cells[r] ?? []).forEach((c, cc) => {
      if (typeof c?.v !== "string" || c.f) return;
      const t = c.v.trim();
      if (t.length === 0 || t.length > LONGEST || !/[()（）]/.test(t)) return;
      const which = unmatchedBracket(t);
      if (which) out.push({ cell: address(grid, r, cc), text: t, which });
    });
  }
  return out;
}
