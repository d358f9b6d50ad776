import { directedCompletion } from "../../measure/compare";
import { pct, pts } from "../../measure/format";
import { clampScore, isOutcome, quantity, scored, type Scorer } from "../context";
import type { Rule } from "../types";

/**
 * 正向 (target ≥X): 得分 = 权重 × B/A; 反向 (target ≤X): 得分 = 权重 × A/B; never above the weight.
 * An actual of 0 against a 反向 target scores full (nothing to reduce); a target of 0 met scores full.
 */
export const proportional: Scorer<Extract<Rule, { type: "proportional" }>> = (rule, ctx) => {
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const lower = rule.direction ? rule.direction === "lower" : q.lower;
  const c = lower ? { ...q, lower: true } : { ...q, lower: false };
  const completion = directedCompletion(c);
  const w = ctx.weight;
  const notes = q.notes;
  if (lower) {
    const step = q.actual === 0
      ? `完成率：实际 ${q.actualShown}，目标 ${q.targetShown}，实际为 0，视为完成`
      : `完成率 = ${q.targetShown} / ${q.actualShown} = ${pct(completion)}`;
    if (q.met || completion >= 1) return scored(w, completion, true, () => [...notes, step, `反向指标，达到目标：得满分 ${pts(w)}`]);
    const score = clampScore(w * completion, w);
    return scored(score, completion, false, () => [...notes, step, `反向指标：得分 = ${pts(w)} × ${pct(completion)} = ${pts(score)}`]);
  }
  const step = q.target === 0 ? `目标为 0，实际 ${q.actualShown}` : `完成率 = ${q.actualShown} / ${q.targetShown} = ${pct(completion)}`;
  if (q.met) return scored(w, completion, true, () => [...notes, step, `正向指标，达到目标：得满分 ${pts(w)}`]);
  const score = clampScore(w * completion, w);
  return scored(score, completion, false, () => [...notes, step, `正向指标：得分 = ${pts(w)} × ${pct(completion)} = ${pts(score)}`]);
};
