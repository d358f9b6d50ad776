import { pct, pts } from "../../measure/format";
import { clampScore, isOutcome, quantity, scored, type RuleOutcome, type ScoreContext, type Scorer } from "../context";
import type { Rule } from "../types";

/**
 * 按照完成比例赋分 (seed 000 C11, seed 003): r = B/A whatever the target's direction, as the source tables
 * compute it. r ≥ zeroAt → 0; 1 ≤ r < zeroAt → (1 − (r − 1)) × w; floor ≤ r < 1 → (r − floor)/(1 − floor) × w;
 * r < floor → 0. Dates and qualitative actuals score by whether the target was met.
 */
export const completion: Scorer<Extract<Rule, { type: "completion" }>> = (rule, ctx) => {
  const nonQuantity = byMet(ctx, "按照完成比例赋分");
  if (nonQuantity) return nonQuantity;
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const r = q.ratio;
  const w = ctx.weight;
  const head = [...q.notes, `完成率 = ${q.actualShown} / ${q.targetShown} = ${pct(r)}`];
  return scored(overAchievement(r, w, rule.floor, rule.zeroAt, head), r, q.met, head);
};

/** The piecewise formula shared by completion and cost rules; pushes its own explanation onto `steps`. */
export function overAchievement(r: number, w: number, floor: number, zeroAt: number, steps: string[]): number {
  if (r >= zeroAt) {
    steps.push(`完成率 ≥ ${pct(zeroAt)}：得 0 分`);
    return 0;
  }
  if (r >= 1) {
    const s = clampScore((1 - (r - 1)) * w, w);
    steps.push(r === 1 ? `完成率 = 100%：得满分 ${pts(w)}` : `超额完成：得分 = (1 − (${pct(r)} − 100%)) × ${pts(w)} = ${pts(s)}`);
    return s;
  }
  return belowTarget(r, w, floor, steps);
}

/** Floor-linear below the target: (r − floor)/(1 − floor) × w above the floor, 0 below it. */
export function belowTarget(r: number, w: number, floor: number, steps: string[]): number {
  if (r < floor) {
    steps.push(`完成率 < ${pct(floor)}：得 0 分`);
    return 0;
  }
  const s = clampScore(((r - floor) / (1 - floor)) * w, w);
  steps.push(`未完成：得分 = (${pct(r)} − ${pct(floor)}) / (1 − ${pct(floor)}) × ${pts(w)} = ${pts(s)}`);
  return s;
}

/** Dates and grades under a numeric rule: met → full, otherwise 0 (grades: partial → qualitative tier top). */
export function byMet(ctx: ScoreContext, ruleName: string): RuleOutcome | null {
  const c = ctx.comparison;
  if (!c.ok || c.kind === "quantity") return null;
  const w = ctx.weight;
  const what = c.kind === "date" ? `完成时间 ${c.actualShown}，目标 ${c.targetShown}` : `实际“${c.actualShown}”，目标“${c.targetShown}”`;
  if (c.kind === "grade" && c.grade === "partial") {
    const s = 0.8 * w;
    return scored(s, 0.8, false, [...c.notes, what, `${ruleName}：部分达成，按定性档次上限 80% 计 ${pts(s)}`]);
  }
  return c.met
    ? scored(w, 1, true, [...c.notes, what, `${ruleName}：已完成，得满分 ${pts(w)}`])
    : scored(0, 0, false, [...c.notes, what, `${ruleName}：未完成，得 0 分`]);
}
