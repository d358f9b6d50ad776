import { pct, pts } from "../../measure/format";
import { isOutcome, noScore, quantity, scored, type Scorer } from "../context";
import type { Rule } from "../types";
import { byMet } from "./completion";
import { judgedShare } from "../judgement";

/** 满意度赋分 (seed 003): at or above the target → full; below it, proportional B/A × w. */
export const satisfaction: Scorer<Extract<Rule, { type: "satisfaction" }>> = (_rule, ctx) => {
  const other = byMet(ctx, "满意度赋分");
  if (other) return other;
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const w = ctx.weight;
  const r = q.ratio;
  const head = () => [...q.notes, `满意度 ${q.actualShown}，目标 ${q.targetShown}`];
  if (q.actual >= q.target - 1e-9) return scored(w, r, true, () => [...head(), `达到目标：得满分 ${pts(w)}`]);
  const s = Math.max(0, w * r);
  return scored(s, r, false, () => [...head(), `未达到目标：得分 = ${pts(w)} × ${q.actualShown} / ${q.targetShown} = ${pts(w)} × ${pct(r)} = ${pts(s)}`]);
};

/** 直接赋分 / deadline (seed 003): done on or before the date (or the target met) → full, otherwise 0. */
export const deadline: Scorer<Extract<Rule, { type: "deadline" }>> = (_rule, ctx) => {
  const c = ctx.comparison;
  if (!c.ok) return noScore(c.status, c.code, c.reason);
  const w = ctx.weight;
  if (c.kind === "date") {
    return c.met
      ? scored(w, 1, true, () => [`完成时间 ${c.actualShown}，时限 ${c.targetShown}${c.daysLate < 0 ? `，提前 ${-c.daysLate} 天` : ""}`, `按时完成：得满分 ${pts(w)}`])
      : scored(0, 0, false, () => [`完成时间 ${c.actualShown}，时限 ${c.targetShown}，逾期 ${c.daysLate} 天`, "未按时完成：得 0 分"]);
  }
  return byMet(ctx, "直接赋分") ?? (c.met
    ? scored(w, 1, true, () => [`实际 ${c.actualShown}，目标 ${c.targetShown}`, `达到目标：得满分 ${pts(w)}`])
    : scored(0, 0, false, () => [`实际 ${c.actualShown}，目标 ${c.targetShown}`, "未达到目标：得 0 分"]));
};

/** A target of 0 (安全事故 0 起): an actual of 0 → full; anything above → 0. */
export const zeroTarget: Scorer<Extract<Rule, { type: "zeroTarget" }>> = (_rule, ctx) => {
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  const w = ctx.weight;
  return q.actual <= 1e-12
    ? scored(w, 1, true, () => [`目标为 0，实际 ${q.actualShown}`, `得满分 ${pts(w)}`])
    : scored(0, 0, false, () => [`目标为 0，实际 ${q.actualShown}`, "超过 0：得 0 分"]);
};

/** The evaluator's share of the weight, as given in the judgement (0.5 or "50%"). */
export const judged: Scorer<Extract<Rule, { type: "judged" }>> = (_rule, ctx) => {
  const share = judgedShare(ctx.judgement);
  if (share === null) return noScore("needs-rule", "judgement-missing", "需评价人给出得分比例或指定评分规则");
  const s = share * ctx.weight;
  return scored(s, share, share >= 1, () => [`评价人判断：得权重的 ${pct(share)}`, `得分 = ${pct(share)} × ${pts(ctx.weight)} = ${pts(s)}`]);
};
