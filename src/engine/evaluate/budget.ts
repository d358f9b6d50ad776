import { pct, pts, round } from "../measure/format";
import { amountUnitIn, readAmount, readPoints, readRate, sameUnit, writtenDecimals } from "../measure/number";
import type { BudgetInput, BudgetResult, Finding } from "./types";

/**
 * Budget execution: rate = 执行数 / 全年预算数 (年初预算数 where no 全年 is given); score = 分值 × rate,
 * never above 分值. 分值 comes from the table, else the preset's budget weight. Amounts written in different
 * units are converted (100万元 against 800000元 is 80%); a bare number beside one with a unit takes the
 * block's unit (`unit`, e.g. from a 项目资金（万元） header) and is a finding when there is none.
 */
export function scoreBudget(b: BudgetInput, presetWeight: number, tolerance: number): { result: BudgetResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, "indicator">) => findings.push({ ...f, indicator: null });
  const full = readAmount(b.full_year);
  const initial = readAmount(b.initial);
  const executed = readAmount(b.executed);
  const statedWeight = readPoints(b.weight);
  const weight = statedWeight !== null && Number.isFinite(statedWeight) && statedWeight > 0 && statedWeight <= 100 ? statedWeight : presetWeight;
  const reported = readPoints(b.reported_score);
  const result: BudgetResult = { rate: null, score: null, weight, reported_score: reported !== null && Number.isFinite(reported) ? reported : null, explanation: "" };
  const budget = full ?? initial;
  const budgetName = full !== null ? "全年预算数" : "年初预算数";
  if (budget === null || executed === null) {
    result.explanation = budget === null ? "预算数未填写" : "执行数未填写";
    add({ code: budget === null ? "budget-blank" : "executed-blank", severity: "info", message: `预算执行：${result.explanation}` });
    return { result, findings };
  }
  if (Number.isNaN(budget.value) || Number.isNaN(executed.value) || budget.value <= 0 || executed.value < 0) {
    result.explanation = `${budgetName}“${budget.written}”或执行数“${executed.written}”不是有效金额`;
    add({ code: "budget-unreadable", severity: "error", message: `预算执行：${result.explanation}` });
    return { result, findings };
  }
  const pair = sameUnit(budget, executed, b.unit ? amountUnitIn(b.unit) : null);
  if (!pair.ok) {
    result.explanation = pair.reason;
    add({ code: "budget-unit-unknown", severity: "warning", message: `预算执行：${pair.reason}，执行率暂不计算` });
    return { result, findings };
  }
  const rate = pair.b / pair.a;
  const score = Math.min(weight, weight * rate);
  result.rate = rate;
  result.score = score;
  result.explanation = `执行率 = ${executed.written} / ${budget.written}（${budgetName}）${pair.note ? `（${pair.note}）` : ""}= ${pct(rate)}；得分 = ${pts(weight)} × ${pct(rate)} = ${pts(score)}${weight * rate > weight ? "（不超过分值）" : ""}`;
  if (result.reported_score !== null && Math.abs(result.reported_score - round(score, 2)) > tolerance + 1e-9) {
    add({
      code: "budget-score-mismatch",
      severity: "error",
      message: `预算执行率 ${pct(rate)}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}`,
      reported: result.reported_score,
      recomputed: round(score, 2),
    });
  }
  if (b.rate_as_written !== null && b.rate_as_written !== undefined && b.rate_as_written !== "") {
    const w = readRate(b.rate_as_written);
    const tol = 0.5 * 10 ** -writtenDecimals(b.rate_as_written) / 100 + 1e-9;
    if (w !== null && !Number.isNaN(w) && Math.abs(w - rate) > tol) {
      add({ code: "rate-mismatch", severity: "warning", message: `预算执行率写作 ${b.rate_as_written}，按 ${executed.written} / ${budget.written} 计算为 ${pct(rate)}`, reported: b.rate_as_written, recomputed: pct(rate) });
    }
  }
  return { result, findings };
}
