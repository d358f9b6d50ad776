import { pct, pts, round } from "../measure/format";
import { readNumber, readRateText, writtenDecimals } from "./coerce";
import type { BudgetInput, BudgetResult, Finding } from "./types";

/**
 * Budget execution: rate = 执行数 / 全年预算数 (年初预算数 where no 全年 is given); score = 分值 × rate,
 * never above 分值. 分值 comes from the table, else the preset's budget weight.
 */
export function scoreBudget(b: BudgetInput, presetWeight: number, tolerance: number): { result: BudgetResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, "indicator">) => findings.push({ ...f, indicator: null });
  const full = readNumber(b.full_year);
  const initial = readNumber(b.initial);
  const executed = readNumber(b.executed);
  const statedWeight = readNumber(b.weight);
  const weight = statedWeight !== null && Number.isFinite(statedWeight) && statedWeight > 0 ? statedWeight : presetWeight;
  const reported = readNumber(b.reported_score);
  const result: BudgetResult = { rate: null, score: null, weight, reported_score: reported !== null && Number.isFinite(reported) ? reported : null, explanation: "" };
  const budget = full ?? initial;
  const budgetName = full !== null ? "全年预算数" : "年初预算数";
  if (budget === null || executed === null) {
    result.explanation = budget === null ? "预算数未填写" : "执行数未填写";
    add({ code: budget === null ? "budget-blank" : "executed-blank", severity: "info", message: `预算执行：${result.explanation}` });
    return { result, findings };
  }
  if (Number.isNaN(budget) || Number.isNaN(executed) || budget <= 0) {
    result.explanation = `预算数“${String(full ?? b.initial)}”或执行数“${String(b.executed)}”不是有效金额`;
    add({ code: "budget-unreadable", severity: "error", message: `预算执行：${result.explanation}` });
    return { result, findings };
  }
  const rate = executed / budget;
  const score = Math.min(weight, weight * rate);
  result.rate = rate;
  result.score = score;
  result.explanation = `执行率 = ${executed} / ${budget}（${budgetName}）= ${pct(rate)}；得分 = ${pts(weight)} × ${pct(rate)} = ${pts(score)}${weight * rate > weight ? "（不超过分值）" : ""}`;
  if (result.reported_score !== null && Math.abs(result.reported_score - round(score, 2)) > tolerance + 1e-9) {
    add({
      code: "budget-score-mismatch",
      severity: "error",
      message: `预算执行率 ${pct(rate)}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}`,
      reported: result.reported_score,
      recomputed: round(score, 2),
    });
  }
  if (b.rate_as_written) {
    const w = readRateText(b.rate_as_written);
    const tol = 0.5 * 10 ** -writtenDecimals(b.rate_as_written) / 100 + 1e-9;
    if (w !== null && !Number.isNaN(w) && Math.abs(w - rate) > tol) {
      add({ code: "rate-mismatch", severity: "warning", message: `预算执行率写作 ${b.rate_as_written}，按 ${executed} / ${budget} 计算为 ${pct(rate)}`, reported: b.rate_as_written, recomputed: pct(rate) });
    }
  }
  return { result, findings };
}
