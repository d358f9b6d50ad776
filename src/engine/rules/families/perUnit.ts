import { plain, pts } from "../../measure/format";
import { isOutcome, quantity, scored, type Scorer } from "../context";
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
  const short = Math.ceil(full - q.actual - 1e-9);
  const s = Math.max(0, w - short * rule.deduct);
  return scored(s, q.ratio, false, () => [...head(), `少 ${short}${unit}，每少 1${unit}扣 ${pts(rule.deduct)} 分：得分 = ${pts(w)} − ${short} × ${pts(rule.deduct)} = ${pts(s)}${s === 0 ? "（扣完为止）" : ""}`]);
};
