import { LazyFinding } from "../findings";
import type { Finding } from "../evaluate/types";
import type { GoalCell } from "../layout/goal";

/** A bare figure: a number, or an amount or percentage with nothing said about what it achieves (43.2, 37.24万元, 100%). */
const BARE = /^[\d,，.]+\s*(?:%|％|万元|元|万|亿元|千元)?$/;

/**
 * The 年度总体目标 is the project's goal in words (财预〔2020〕10号: what the money is to achieve). A block that holds
 * only figures (预期目标 43.2 | 实际完成情况 37.24, the budget's amounts) states no goal: told once, at its first cell.
 */
export function goalFindings(cells: readonly GoalCell[] | undefined): Finding[] {
  if (!Array.isArray(cells) || cells.length === 0) return [];
  const valid = cells.filter((c) => c && typeof c.cell === "string" && (typeof c.value === "number" || typeof c.value === "string"));
  if (valid.length === 0 || !valid.every((c) => typeof c.value === "number" || BARE.test(c.value.replace(/\s+/g, "")))) return [];
  const shown = valid.map((c) => String(c.value)).join("、");
  return [new LazyFinding("goal-not-stated", "warning", null, () => `${valid[0]!.cell}：年度总体目标只填了数字（${shown}），没有写明项目要达到的绩效目标和实际完成情况`)];
}
