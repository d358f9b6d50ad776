import { pct, pts } from "../../measure/format";
import { clampScore, isOutcome, readRate, scored, type Scorer } from "../context";
import type { Rule } from "../types";

/**
 * Step deduction (seed 004 B12: 预算执行率 ≥95% 得 4 分；每降低 5% 扣 1 分，扣完为止). A partial step counts as
 * a whole one: 90.56% is 4.44 points below 95%, one step, 4 − 1 = 3.
 */
export const step: Scorer<Extract<Rule, { type: "step" }>> = (rule, ctx) => {
  const r = readRate(ctx, rule.basis);
  if (isOutcome(r)) return r;
  const w = ctx.weight;
  if (r.rate >= rule.full - 1e-9) return scored(w, r.rate, true, () => [r.step, `≥ ${pct(rule.full)}：得满分 ${pts(w)}`]);
  const gap = rule.full - r.rate;
  const steps = Math.ceil(gap / rule.step - 1e-9);
  const perStep = rule.deductAs === "points" ? rule.deduct : rule.deduct * w;
  const s = clampScore(w - steps * perStep, w);
  return scored(s, r.rate, false, () => [
    r.step,
    `比 ${pct(rule.full)} 低 ${pct(gap)}，每 ${pct(rule.step)} 扣 ${pts(perStep)} 分，扣 ${steps} 档：得分 = ${pts(w)} − ${steps} × ${pts(perStep)} = ${pts(s)}`,
  ]);
};
