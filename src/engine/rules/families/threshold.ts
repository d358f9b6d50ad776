import { pts } from "../../measure/format";
import { noScore, scored, type Scorer } from "../context";
import type { Rule } from "../types";
import { judgedMet } from "../judgement";

/** All or nothing (seed 004 C12: 全部纳入 → 满分，否则不得分; C41: 发现 1 例不符合 → 0). */
export const threshold: Scorer<Extract<Rule, { type: "threshold" }>> = (_rule, ctx) => {
  const w = ctx.weight;
  const judged = judgedMet(ctx.judgement);
  const c = ctx.comparison;
  const met = judged ?? (c.ok ? c.met : null);
  if (met === null) {
    if (!c.ok) return noScore(c.status, c.code, c.reason);
    return noScore("pending", "judgement-missing", "需评价人判断是否达到要求");
  }
  const why = judged !== null ? "评价人判断" : c.ok ? `实际“${c.actualShown}”，目标“${c.targetShown}”` : "";
  return met
    ? scored(w, 1, true, () => [why, `符合要求：得满分 ${pts(w)}`])
    : scored(0, 0, false, () => [why, "不符合要求：得 0 分"]);
};
