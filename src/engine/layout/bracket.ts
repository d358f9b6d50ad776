import { address, type Grid } from "./grid";

/**
 * List numbering before a closing bracket (1) 培训, 1.1) 培训, 一）, a), ①), Ⅰ)), at the start or after a space or a
 * stop: not a stray bracket. Every such numbering in the text is taken out (1)理论 2)实操).
 */
const NUMBERING = /(^|[\s，,；;、。])(?:\d{1,3}(?:\.\d{1,3})*|[一二三四五六七八九十]{1,3}|[a-zA-Z]|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])\s*[)）]/g;
const OPEN = new Set(["(", "（", "[", "［", "【"]);
const CLOSE = new Set([")", "）", "]", "］", "】"]);

/**
 * Which bracket a short text leaves unmatched: "close" for a closing bracket with none open before it (年度预算资金总额):),
 * "open" for one never closed, null when they pair. Any opening bracket pairs with any closing one: half- and full-width,
 * and a half-open interval ([90%,100%)).
 */
export function unmatchedBracket(text: string): "open" | "close" | null {
  const which = balance(text);
  // Numbering is taken out only where a closing bracket is left over (( A ) pairs as written).
  return which === "close" ? balance(text.replace(NUMBERING, "$1")) : which;
}

function balance(text: string): "open" | "close" | null {
  let depth = 0;
  for (const ch of text) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) {
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
 * template's text not cleaned up, or a word lost in typing. Texts of up to 30 characters, as written, each text once.
 * A text left open whose next filled cell on the row closes it (得分（满分 | 100分）) is one label over two cells.
 */
export function strayBracketCells(grid: Grid, from: number, to: number): { cell: string; text: string; which: "open" | "close" }[] {
  const out: { cell: string; text: string; which: "open" | "close" }[] = [];
  const seen = new Set<string>();
  for (let r = Math.max(0, from); r <= to && r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    const found: { col: number; text: string; which: "open" | "close" }[] = [];
    row.forEach((c, cc) => {
      if (typeof c?.v !== "string" || c.f) return;
      const t = c.v.trim();
      if (t.length === 0 || t.length > LONGEST || !/[()（）[\]［］【】]/.test(t)) return;
      const which = unmatchedBracket(t);
      if (which) found.push({ col: cc, text: t, which });
    });
    if (found.length === 0) continue;
    const split = new Set<number>();
    for (const f of found) {
      if (f.which !== "open") continue;
      let next = -1;
      for (let cc = f.col + 1; cc < row.length && next < 0; cc++) if (row[cc] && row[cc]!.v !== null && String(row[cc]!.v).trim() !== "") next = cc;
      const closes = found.find((g) => g.col === next && g.which === "close");
      if (closes) {
        split.add(f.col);
        split.add(closes.col);
      }
    }
    for (const f of found) {
      if (split.has(f.col) || seen.has(f.text)) continue;
      seen.add(f.text);
      out.push({ cell: address(grid, r, f.col), text: f.text, which: f.which });
    }
  }
  return out;
}
