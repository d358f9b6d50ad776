import { FUND_RATE_NAMES, FUND_RATE_TOLERANCE, WITHIN_BUDGET_NAMES } from "../data/funds";
import { pct } from "../measure/format";
import { amountUnitIn, readAmount, sameUnit } from "../measure/number";
import { parseMeasure } from "../measure/parse";
import type { IndicatorInput, TableInput } from "./types";

/** What the budget block says about the money: its execution rate, and the amounts as written. */
export interface FundFacts {
  rate: number;
  budget: string;
  executed: string;
  /** `执行数 / 预算数 = 86.48%`, for explanations. */
  shown: string;
}

/** The budget block's rate with its amounts, or null when the block does not give one (no block, blanks, units unknown). */
export function fundFacts(table: TableInput): FundFacts | null {
  const b = table.budget;
  if (!b) return null;
  const full = readAmount(b.full_year);
  const budget = full ?? readAmount(b.initial);
  const executed = readAmount(b.executed);
  if (!budget || !executed || !(budget.value > 0) || !(executed.value >= 0)) return null;
  const pair = sameUnit(budget, executed, b.unit ? amountUnitIn(b.unit) : null);
  if (!pair.ok) return null;
  const rate = pair.b / pair.a;
  return { rate, budget: budget.written, executed: executed.written, shown: `${executed.written} / ${budget.written} = ${pct(rate)}` };
}

/**
 * A money indicator read against the budget block: the target and actual it is scored by, and what to say.
 * - a payment/execution rate with no actual takes the block's rate (info); with a rate the block contradicts
 *   (beyond rounding), the block's rate, and a warning; a target that is blank, a dash or words takes the rate
 *   written in the name or target (`完成率100%`, `11月底完成100%`), else 100%;
 * - spending within the budget with no actual: target ≤ 预算数, actual 执行数.
 * Null when the row is not a money indicator, or the block gives no rate, or the row already reads as it should.
 */
export function fundView(row: IndicatorInput, name: string, facts: FundFacts | null): { target: string; actual: string; differs: string | null; note: string } | null {
  if (!facts) return null;
  const actual = parseMeasure(row.actual);
  const target = parseMeasure(row.target);
  if (FUND_RATE_NAMES.some((re) => re.test(name))) {
    const rateActual = actual.kind === "percent" ? actual.value : null;
    if (actual.kind !== "blank" && rateActual === null) return null;
    const targetText = target.kind === "percent" ? String(row.target) : (writtenRate(String(row.target ?? "")) ?? writtenRate(name) ?? "100%");
    const budgetRate = pct(facts.rate);
    if (rateActual === null) return { target: targetText, actual: budgetRate, differs: null, note: `实际完成值未填写，取预算执行率 ${facts.shown}` };
    if (Math.abs(rateActual - facts.rate) <= FUND_RATE_TOLERANCE + 1e-12) {
      return targetText === String(row.target) ? null : { target: targetText, actual: String(row.actual), differs: null, note: `目标值未写比率，按“${targetText}”计` };
    }
    return { target: targetText, actual: budgetRate, differs: String(row.actual), note: `实际完成值写 ${String(row.actual)}，预算执行率为 ${facts.shown}，按预算执行率复核` };
  }
  if (WITHIN_BUDGET_NAMES.some((re) => re.test(name)) && actual.kind === "blank" && (target.kind === "blank" || target.kind === "grade" || target.kind === "unreadable")) {
    return { target: `≤${facts.budget}`, actual: facts.executed, differs: null, note: `实际完成值未填写，按预算块：执行数 ${facts.executed} 对预算数 ${facts.budget}` };
  }
  return null;
}

/** A rate written inside a text (`完成率100%`, `11月底完成100%`), as a target; null when none or several. */
function writtenRate(text: string): string | null {
  const all = [...text.matchAll(/([≥≤><=]?)\s*(\d+(?:\.\d+)?)\s*[%％]/g)];
  if (all.length !== 1) return null;
  return `${all[0]![1] || "≥"}${all[0]![2]}%`;
}
