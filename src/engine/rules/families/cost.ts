import { pct, pts } from "../../measure/format";
import { isOutcome, quantity, scored, type Scorer } from "../context";
import type { Rule } from "../types";
import { belowTarget, overAchievement } from "./completion";

/**
 * Cost (seed 000 C41): r = B/A; r > 100% → 0 (over: zero) or the over-achievement formula (over: penalty,
 * seed 003); r = 100% → full; floor ≤ r < 100% linear; below the floor 0.
 */
export const cost: Scorer<Extract<Rule, { type: "cost" }>> = (rule, ctx) => {
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const r = q.ratio;
  const w = ctx.weight;
  const head = () => [...q.notes, `完成率 = ${q.actualShown} / ${q.targetShown} = ${pct(r)}`];
  if (r > 1 + 1e-12) {
    if (rule.over === "zero") return scored(0, r, false, () => [...head(), "成本超出计划（完成率 > 100%）：得 0 分"]);
    const o = overAchievement(r, w, rule.floor, rule.zeroAt ?? 2);
    return scored(o.score, r, false, () => [...head(), o.step()]);
  }
  if (r >= 1 - 1e-12) return scored(w, r, true, () => [...head(), `完成率 = 100%：得满分 ${pts(w)}`]);
  const b = belowTarget(r, w, rule.floor);
  return scored(b.score, r, q.met, () => [...head(), b.step()]);
};
