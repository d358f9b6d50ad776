import { pct, pts } from "../../measure/format";
import { clampScore, isOutcome, readRate, scored, type Scorer } from "../context";
import type { Rule } from "../types";

/** Seed 004 D31: 满意度 ≥90% 得满分；60% ≤ 满意度 < 90%，得分 = 满意度 × 3 分；< 60% 不得分. */
export const scaledBelow: Scorer<Extract<Rule, { type: "scaledBelow" }>> = (rule, ctx) => {
  const r = readRate(ctx, rule.basis);
  if (isOutcome(r)) return r;
  const w = ctx.weight;
  if (r.rate >= rule.fullAt - 1e-9) return scored(w, r.rate, true, () => [r.step, `≥ ${pct(rule.fullAt)}：得满分 ${pts(w)}`]);
  if (r.rate < rule.zeroBelow - 1e-9) return scored(0, r.rate, false, () => [r.step, `< ${pct(rule.zeroBelow)}：得 0 分`]);
  if (rule.perWeight) {
    const d = rule.divisor ?? 1;
    const s = clampScore((r.rate / d) * w, w);
    return scored(s, r.rate, false, () => [r.step, `${pct(rule.zeroBelow)} ≤ 比率 < ${pct(rule.fullAt)}：得分 = ${pct(r.rate)}${d !== 1 ? ` ÷ ${pct(d)}` : ""} × ${pts(w)} = ${pts(s)}`]);
  }
  const s = clampScore(r.rate * rule.multiplier, w);
  return scored(s, r.rate, false, () => [r.step, `${pct(rule.zeroBelow)} ≤ 比率 < ${pct(rule.fullAt)}：得分 = ${pct(r.rate)} × ${pts(rule.multiplier)} = ${pts(s)}`]);
};
