import { compare } from "./compare";
import { pct } from "./format";
import type { Measure } from "./types";
import type { IndicatorResult } from "../evaluate/types";
import { figure, outcomeLabel, outcomeOf, outcomeOfComparison, rowMeasures, type Outcome } from "../outcome";

/**
 * A short Chinese deviation analysis in the indicator's unit, e.g.
 * `未完成：实际 14368 人，比目标 16000 人少 1632 人（-10.20%）`. Blank actual: `实际完成值未填写`.
 * Its first word is the outcome (see outcome.ts): by default the comparison's, or `outcome` when the rule has
 * decided it (describeRowDeviation). Numbers carry at most 2 decimals; a space separates a number from the word
 * after it, none comes before %.
 */
export function describeDeviation(target: Measure, actual: Measure, outcome?: Outcome): string {
  const c = compare(target, actual);
  if (!c.ok) return c.reason;
  const o = outcome ?? outcomeOfComparison(c);
  if (o.kind === "not-applicable") return "本指标不适用";
  if (c.kind === "grade") {
    const head = o.kind === "unknown" ? "" : c.grade === "partial" ? "部分达成：" : o.kind === "missed" ? "未达成：" : "已达成：";
    return `${head}${c.actualShown}`;
  }
  if (c.kind === "quantity" && c.qualitative) return `${o.kind === "unknown" ? "" : o.kind === "missed" ? "未达成：" : "已达成："}${c.actualShown}`;
  if (c.kind === "date") {
    const when = c.daysLate < 0 ? `比时限 ${c.targetShown} 提前 ${-c.daysLate} 天` : c.daysLate === 0 ? `于时限 ${c.targetShown} 当天` : `比时限 ${c.targetShown} 晚 ${c.daysLate} 天`;
    const head = o.kind === "unknown" ? "" : o.kind === "missed" ? "未按时完成：" : "按时完成：";
    return `${head}${c.actualShown}，${when}`;
  }
  const diff = c.actual - c.target;
  const same = Math.abs(diff) <= 1e-9 * Math.max(1, Math.abs(c.target));
  const unit = unitOf(target, actual);
  const multi = target.kind === "multi";
  const a = multi ? c.actualShown : withUnit(c.actual, unit);
  const t = multi ? c.targetShown : withUnit(c.target, unit);
  const head = o.kind === "unknown" ? "" : `${o.kind === "met" ? (c.lower && !same ? "已完成（低于上限）" : "已完成") : o.kind === "exceeded" ? "超额完成" : "未完成"}：`;
  // One spacing rule: a space between a figure and the word after it (`95% 少`), none after a unit (`16000 人少`).
  const gap = /[\d%]$/.test(t) ? " " : "";
  if (same) return `${head}实际 ${a}，与目标 ${t}${gap}一致`;
  const rel = c.target === 0 ? "" : `（${diff >= 0 ? "+" : ""}${pct(diff / c.target)}）`;
  const amount = unit === "%" ? `${figure(Math.abs(diff) * 100)} 个百分点` : withUnit(Math.abs(diff), unit);
  return `${head}实际 ${a}，比目标 ${t}${gap}${diff > 0 ? "多" : "少"} ${amount}${rel}`;
}

/** The 偏差分析 of a scored row, whose first word is the row's outcome (the one the note and the pane show). */
export function describeRowDeviation(row: IndicatorResult): string {
  const { target, actual, comparison } = rowMeasures(row);
  const o = outcomeOf(row);
  // Target and actual do not compare, yet the row has an outcome: the evaluator's judgement (a score given against
  // a criterion, a checklist) decided it.
  if (!comparison.ok && o.kind !== "unknown" && o.kind !== "not-applicable") return `${outcomeLabel(o)}（按评价人判断）`;
  return describeDeviation(target, actual, o);
}

function unitOf(target: Measure, actual: Measure): string {
  if (target.kind === "percent") return "%";
  if (target.kind === "number" && target.unit) return target.unit;
  if (actual.kind === "number" && actual.unit) return actual.unit;
  return "";
}

function withUnit(v: number, unit: string): string {
  if (unit === "%") return `${figure(v * 100)}%`;
  return unit === "" ? figure(v) : `${figure(v)} ${unit}`;
}
