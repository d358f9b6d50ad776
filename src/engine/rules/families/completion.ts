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
  const o = overAchievement(r, w, rule.floor, rule.zeroAt);
  return scored(o.score, r, q.met, () => [...q.notes, `完成率 = ${q.actualShown} / ${q.targetShown} = ${pct(r)}`, o.step()]);
};

/** A score with the step that explains it, built only when asked for. */
export interface Piece {
  score: number;
  step: () => string;
}

/** The piecewise formula shared by completion and cost rules. */
export function overAchievement(r: number, w: number, floor: number, zeroAt: number): Piece {
  if (r >= zeroAt) return { score: 0, step: () => `完成率 ≥ ${pct(zeroAt)}：得 0 分` };
  if (r >= 1) {
    const s = clampScore((1 - (r - 1)) * w, w);
    return { score: s, step: () => (r === 1 ? `完成率 = 100%：得满分 ${pts(w)}` : `超额完成：得分 = (1 − (${pct(r)} − 100%)) × ${pts(w)} = ${pts(s)}`) };
  }
  return belowTarget(r, w, floor);
}

/** Floor-linear below the target: (r − floor)/(1 − floor) × w above the floor, 0 below it. */
export function belowTarget(r: number, w: number, floor: number): Piece {
  if (!(r >= floor)) return { score: 0, step: () => `完成率 < ${pct(floor)}：得 0 分` };
  const s = clampScore(((r - floor) / (1 - floor)) * w, w);
  return { score: s, step: () => `未完成：得分 = (${pct(r)} − ${pct(floor)}) / (1 − ${pct(floor)}) × ${pts(w)} = ${pts(s)}` };
}

/** Dates and grades under a numeric rule: met → full, otherwise 0 (grades: partial → qualitative tier top). */
export function byMet(ctx: ScoreContext, ruleName: string): RuleOutcome | null {
  const c = ctx.comparison;
  if (!c.ok || c.kind === "quantity") return null;
  const w = ctx.weight;
  const what = () => c.kind === "date" ? `完成时间 ${c.actualShown}，目标 ${c.targetShown}` : `实际“${c.actualShown}”，目标“${c.targetShown}”`;
  if (c.kind === "grade" && c.grade === "partial") {
    const s = 0.8 * w;
    return scored(s, 0.8, false, () => [...c.notes, what(), `${ruleName}：部分达成，按定性档次上限 80% 计 ${pts(s)}`]);
  }
  return c.met
    ? scored(w, 1, true, () => [...c.notes, what(), `${ruleName}：已完成，得满分 ${pts(w)}`])
    : scored(0, 0, false, () => [...c.notes, what(), `${ruleName}：未完成，得 0 分`]);
}
