import { pct, pts } from "../../measure/format";
import { clampScore, noScore, scored, type Scorer } from "../context";
import { itemsMet } from "../judgement";
import type { Rule } from "../types";

/**
 * Checklists judged item by item (seed 000 A11 各占 1/3 权重分; A12 缺①扣 40%; seed 004 B21 ①得 1 分).
 * Without an item judgement, an actual that meets the target (e.g. `充分` against `充分`) counts every item met.
 */
export const checklist: Scorer<Extract<Rule, { type: "checklist" }>> = (rule, ctx) => {
  const w = ctx.weight;
  let met = itemsMet(ctx.judgement, rule.items);
  let basis = "评价人逐项判断";
  if (!met) {
    const c = ctx.comparison;
    if (c.ok && c.kind === "grade" && c.grade === "met") {
      met = rule.items.map(() => true);
      basis = `实际“${c.actualShown}”，各项均符合`;
    } else if (c.ok && c.kind === "grade" && c.grade === "unmet") {
      met = rule.items.map(() => false);
      basis = `实际“${c.actualShown}”，各项均不符合`;
    } else {
      return noScore("pending", "judgement-missing", `需评价人逐项判断（${rule.items.map((i) => i.label).join("")}）`);
    }
  }
  const marks = rule.items.map((it, i) => `${it.label}${met![i] ? "符合" : "不符合"}`).join("，");
  let raw: number;
  let formula: string;
  if (rule.mode === "points") {
    const got = rule.items.filter((_, i) => met![i]);
    raw = got.reduce((s, it) => s + (it.points ?? 0), 0);
    formula = `得分 = ${got.map((it) => pts(it.points ?? 0)).join(" + ") || "0"} = ${pts(raw)}`;
  } else if (rule.mode === "shares") {
    const got = rule.items.filter((_, i) => met![i]);
    const share = got.reduce((s, it) => s + (it.share ?? 0), 0);
    raw = share * w;
    formula = `得分 = ${pct(share)} × ${pts(w)} = ${pts(raw)}`;
  } else {
    const missing = rule.items.filter((_, i) => !met![i]);
    const share = missing.reduce((s, it) => s + (it.share ?? 0), 0);
    raw = (1 - share) * w;
    formula = missing.length === 0 ? `各项齐全：得满分 ${pts(w)}` : `缺${missing.map((m) => m.label).join("")}，扣 ${pct(share)}：得分 = ${pts(w)} × ${pct(1 - share)} = ${pts(raw)}`;
  }
  const s = clampScore(raw, w);
  const capped = raw > w + 1e-9 ? `（不超过权重 ${pts(w)}）` : "";
  const allMet = met.every(Boolean);
  return scored(s, w === 0 ? null : s / w, allMet, () => [basis, marks, formula + capped]);
};

/** The scores a checklist can produce, for checking a reported score when no item judgement is given. */
export function checklistScores(rule: Extract<Rule, { type: "checklist" }>, weight: number): number[] {
  const n = rule.items.length;
  const out = new Set<number>();
  for (let mask = 0; mask < 1 << n; mask++) {
    const met = rule.items.map((_, i) => (mask & (1 << i)) !== 0);
    const r = checklist(rule, { judgement: met, weight, target: { kind: "blank", text: "" }, actual: { kind: "blank", text: "" }, comparison: { ok: false, status: "pending", code: "actual-blank", reason: "" } });
    if (r.ok) out.add(Math.round(r.score * 100) / 100);
  }
  return [...out].sort((a, b) => a - b);
}
