import { FUND_ARRIVAL_NAMES, FUND_RATE_NAMES, FUND_RATE_TOLERANCE, WITHIN_BUDGET_NAMES } from "../data/funds";
import { pct } from "../measure/format";
import { toSimplified } from "../data/traditional";
import { amountUnitIn, readAmount, sameUnit } from "../measure/number";
import { parseMeasure } from "../measure/parse";
import type { IndicatorInput, TableInput } from "./types";

/** Every money indicator's name has one of these (a quick test before the patterns: most rows are not about money). */
const MONEY_WORDS = /支付|拨付|执行|支出|使用|进度|到位|预算/;
export const isMoneyName = (name: string): boolean => MONEY_WORDS.test(toSimplified(name));

/** A rate of the project's money: its value and how it was computed (`259.45 / 300 = 86.48%`). */
export interface FundRate {
  rate: number;
  shown: string;
}

/** What the budget block (or a 计划投资额 | 实际到位资金 | 实际使用 funds row) says about the money. */
export interface FundFacts {
  /**
   * 执行数 / 预算数 (or a funds row's 使用 / 到位), with the amounts as written, the amount spent in 元 when its unit is
   * known, and what the rate is called; null when the table gives neither.
   */
  execution: (FundRate & { budget: string; executed: string; spentYuan: number | null; what: string }) | null;
  /** 实际到位资金 / 计划投资额, where the table gives them; null otherwise. */
  arrival: FundRate | null;
}

/**
 * The money's rates, or null when the table gives none (no block, blanks, units unknown). With no budget block, a
 * funds row's 使用 amount over its 到位 amount (or, with none arrived, over its 计划/年度金额) is the execution rate.
 */
export function fundFacts(table: TableInput): FundFacts | null {
  const block = (table as { funds_block?: FundsBlock }).funds_block;
  const fromBlock = blockRate(table);
  const used = !fromBlock && block && block.used !== null && block.used !== undefined ? ratio(block.used, block.arrived ?? block.planned, null) : null;
  const execution = fromBlock ? { ...fromBlock, what: "预算执行率" } : used ? { ...used, what: block!.arrived !== null && block!.arrived !== undefined ? "资金使用率（实际使用 / 实际到位）" : "资金使用率（使用金额 / 年度金额）" } : null;
  const arrival = block && block.arrived !== null && block.arrived !== undefined ? ratio(block.arrived, block.planned, null) : null;
  return execution || arrival ? { execution, arrival } : null;
}

/**
 * A funds row of an evaluation's basic information (计划投资额 570 | 实际到位资金 398.88 | 实际使用情况 395.86), or of a
 * transfer payment's 资金情况 (年度金额 208万元 | 资金使用情况 合计 109.8万元: no arrival amount).
 */
export interface FundsBlock {
  planned: number | string;
  arrived?: number | string | null;
  used?: number | string | null;
}

function blockRate(table: TableInput): ReturnType<typeof ratio> {
  const b = table.budget;
  if (!b) return null;
  return ratio(b.executed, readAmount(b.full_year) !== null ? b.full_year : b.initial, b.unit ?? null);
}

/** part / whole, both amounts in one unit, with the amounts as written; null when either is missing or not an amount. */
function ratio(part: number | string | null | undefined, whole: number | string | null | undefined, unit: string | null): (FundRate & { budget: string; executed: string; spentYuan: number | null }) | null {
  const budget = readAmount(whole ?? null);
  const executed = readAmount(part ?? null);
  if (!budget || !executed || !(budget.value > 0) || !(executed.value >= 0)) return null;
  const pair = sameUnit(budget, executed, unit ? amountUnitIn(unit) : null);
  if (!pair.ok) return null;
  const rate = pair.b / pair.a;
  const hint = unit ? amountUnitIn(unit) : null;
  const spentYuan = executed.unit === "元" ? executed.value : hint ? executed.value * hint.multiplier : null;
  return { rate, budget: budget.written, executed: executed.written, spentYuan, shown: `${executed.written} / ${budget.written} = ${pct(rate)}` };
}

/**
 * A money indicator read against the budget block: the target and actual it is scored by, and what to say.
 * - a payment/execution rate (or an arrival rate, 到位率, where the table gives 计划投资额 and 实际到位资金) with no
 *   actual takes the block's rate (info); with a rate the block contradicts (beyond rounding), the block's rate, and a
 *   warning; a target that is blank, a dash or words takes the rate written in the name or target (`完成率100%`,
 *   `11月底完成100%`), else 100%;
 * - spending within the budget with no actual: target ≤ 预算数, actual 执行数.
 * Null when the row is not a money indicator, or the table gives no such figure, or the row already reads as it should.
 */
export function fundView(row: IndicatorInput, written: string, facts: FundFacts | null): { target: string; actual: string; differs: string | null; note: string } | null {
  // The name as matched (預算執行率 is 预算执行率).
  const name = toSimplified(written);
  if (!facts || !isMoneyName(name)) return null;
  const actual = parseMeasure(row.actual);
  const target = parseMeasure(row.target);
  const byRate = (r: FundRate, what: string) => {
    const rateActual = actual.kind === "percent" ? actual.value : null;
    if (actual.kind !== "blank" && rateActual === null) return null;
    const targetText = target.kind === "percent" ? String(row.target) : (writtenRate(String(row.target ?? "")) ?? writtenRate(name) ?? "100%");
    if (rateActual === null) return { target: targetText, actual: pct(r.rate), differs: null, note: `实际完成值未填写，取${what} ${r.shown}` };
    if (Math.abs(rateActual - r.rate) <= FUND_RATE_TOLERANCE + 1e-12) {
      return targetText === String(row.target) ? null : { target: targetText, actual: String(row.actual), differs: null, note: `目标值未写比率，按“${targetText}”计` };
    }
    return { target: targetText, actual: pct(r.rate), differs: String(row.actual), note: `实际完成值写 ${String(row.actual)}，${what}为 ${r.shown}，按${what}复核` };
  };
  const e = facts.execution;
  if (e && FUND_RATE_NAMES.some((re) => re.test(name))) return byRate(e, e.what);
  if (facts.arrival && FUND_ARRIVAL_NAMES.some((re) => re.test(name))) return byRate(facts.arrival, "资金到位率（实际到位资金 / 计划投资额）");
  if (e && WITHIN_BUDGET_NAMES.some((re) => re.test(name)) && actual.kind === "blank" && (target.kind === "blank" || target.kind === "grade" || target.kind === "unreadable")) {
    return { target: `≤${e.budget}`, actual: e.executed, differs: null, note: `实际完成值未填写，按预算块：执行数 ${e.executed} 对预算数 ${e.budget}` };
  }
  return null;
}

/** A rate written inside a text (`完成率100%`, `11月底完成100%`), as a target; null when none or several. */
function writtenRate(text: string): string | null {
  const all = [...text.matchAll(/([≥≤><=]?)\s*(\d+(?:\.\d+)?)\s*[%％]/g)];
  if (all.length !== 1) return null;
  return `${all[0]![1] || "≥"}${all[0]![2]}%`;
}
