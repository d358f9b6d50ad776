import { plain, pts } from "../../measure/format";
import { isOutcome, noScore, quantity, scored, type Scorer } from "../context";
import type { Rule } from "../types";

/**
 * Deduction per unit short (福建 部门整体: 达9个得6分，少检查一个扣1分，扣完为止): the full count (the rule's, else the
 * target's) scores full marks; each unit short, a part of one counted whole, deducts `deduct` points; never below 0.
 */
export const perUnit: Scorer<Extract<Rule, { type: "perUnit" }>> = (rule, ctx) => {
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const w = ctx.weight;
  const full = rule.full ?? q.target;
  const unit = rule.unit ?? "";
  const head = () => [...q.notes, `实际 ${q.actualShown}，满分线 ${plain(full)}${unit}`];
  if (q.actual >= full - 1e-9) return scored(w, q.ratio, true, () => [...head(), `达到 ${plain(full)}${unit}：得满分 ${pts(w)}`]);
  const per = rule.per ?? 1;
  if (per !== 1) {
    // Every so many units short (每少10公斤扣1分): a whole number of them only; how a part of one is deducted, the rule does not say.
    const steps = (full - q.actual) / per;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return noScore("unreadable", "unreadable", `少 ${plain(full - q.actual)}${unit}，不是 ${plain(per)}${unit} 的整数倍：评分标准未写不足一档如何扣分`);
    const s = Math.max(0, w - Math.round(steps) * rule.deduct);
    return scored(s, q.ratio, false, () => [...head(), `少 ${plain(full - q.actual)}${unit}，每少 ${plain(per)}${unit}扣 ${pts(rule.deduct)} 分：得分 = ${pts(w)} − ${Math.round(steps)} × ${pts(rule.deduct)} = ${pts(s)}${s === 0 ? "（扣完为止）" : ""}`]);
  }
  const short = Math.ceil(full - q.actual - 1e-9);
  const s = Math.max(0, w - short * rule.deduct);
  return scored(s, q.ratio, false, () => [...head(), `少 ${short}${unit}，每少 1${unit}扣 ${pts(rule.deduct)} 分：得分 = ${pts(w)} − ${short} × ${pts(rule.deduct)} = ${pts(s)}${s === 0 ? "（扣完为止）" : ""}`]);
};
