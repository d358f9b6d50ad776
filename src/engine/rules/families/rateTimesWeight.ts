import { pct, pts } from "../../measure/format";
import { clampScore, isOutcome, readRate, scored, type Scorer } from "../context";
import type { Rule } from "../types";

/** 得分 = 比率 × 权重分 (seed 004 B11 资金到位率, D13 政策知晓率 ≥90% 满分，否则按比例: 78.43% × 6 = 4.71). */
export const rateTimesWeight: Scorer<Extract<Rule, { type: "rateTimesWeight" }>> = (rule, ctx) => {
  const r = readRate(ctx, rule.basis);
  if (isOutcome(r)) return r;
  const w = ctx.weight;
  const fullAt = rule.fullAt;
  if (fullAt !== undefined && r.rate >= fullAt - 1e-9) {
    return scored(w, r.rate, true, () => [r.step, `≥ ${pct(fullAt)}：得满分 ${pts(w)}`]);
  }
  const s = clampScore(r.rate * w, w);
  return scored(s, r.rate, rule.fullAt === undefined ? r.met : false, () => [r.step, `得分 = ${pct(r.rate)} × ${pts(w)} = ${pts(s)}${r.rate * w > w ? "（不超过权重）" : ""}`]);
};
