import { pct, pts } from "../../measure/format";
import { directedCompletion } from "../../measure/compare";
import { isOutcome, quantity, scored, type Scorer } from "../context";
import type { Rule } from "../types";
import { belowTarget, byMet } from "./completion";

/** 实际完成率符合预期指标值得满分；未完成且高于 floor 的按超过的比重赋分 (seed 000 C21, C22, C31). */
export const floorLinear: Scorer<Extract<Rule, { type: "floorLinear" }>> = (rule, ctx) => {
  const other = byMet(ctx, "达标得满分");
  if (other) return other;
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const r = directedCompletion(q);
  const steps = () => [...q.notes, `完成率 = ${q.lower ? `${q.targetShown} / ${q.actualShown}` : `${q.actualShown} / ${q.targetShown}`} = ${pct(r)}`];
  if (q.met) return scored(ctx.weight, r, true, () => [...steps(), `达到目标：得满分 ${pts(ctx.weight)}`]);
  const b = belowTarget(r, ctx.weight, rule.floor);
  return scored(b.score, r, false, () => [...steps(), b.step()]);
};
