import { compare } from "./compare";
import { pct, plain } from "./format";
import type { Measure } from "./types";

/**
 * A short Chinese deviation analysis in the indicator's unit, e.g.
 * `未完成：实际 14368人，比目标 16000人少 1632人（-10.20%）`. Blank actual: `实际完成值未填写`.
 */
export function describeDeviation(target: Measure, actual: Measure): string {
  const c = compare(target, actual);
  if (!c.ok) return c.reason;
  if (c.kind === "grade") {
    return c.grade === "met" ? `已达成：${c.actualShown}` : c.grade === "partial" ? `部分达成：${c.actualShown}` : `未达成：${c.actualShown}`;
  }
  if (c.kind === "date") {
    if (c.daysLate <= 0) return `按时完成：${c.actualShown}，${c.daysLate < 0 ? `比时限 ${c.targetShown} 提前 ${-c.daysLate} 天` : `于时限 ${c.targetShown} 当天`}`;
    return `未按时完成：${c.actualShown}，比时限 ${c.targetShown} 晚 ${c.daysLate} 天`;
  }
  const diff = c.actual - c.target;
  const unit = unitOf(target, actual);
  const rel = c.target === 0 ? "" : `（${diff >= 0 ? "+" : ""}${pct(diff / c.target)}）`;
  const amount = unit === "%" ? `${plain(Math.abs(diff) * 100)} 个百分点` : withUnit(Math.abs(diff), unit);
  const head = c.met ? (Math.abs(diff) < 1e-12 ? "已完成" : c.lower ? "已完成（低于上限）" : "超额完成") : "未完成";
  if (Math.abs(diff) < 1e-12) return `${head}：实际 ${c.actualShown}，与目标 ${c.targetShown} 一致`;
  return `${head}：实际 ${withUnit(c.actual, unit)}，比目标 ${withUnit(c.target, unit)}${diff > 0 ? "多" : "少"} ${amount}${rel}`;
}

function unitOf(target: Measure, actual: Measure): string {
  if (target.kind === "percent") return "%";
  if (target.kind === "number" && target.unit) return target.unit;
  if (actual.kind === "number" && actual.unit) return actual.unit;
  return "";
}

function withUnit(v: number, unit: string): string {
  if (unit === "%") return `${plain(v * 100)}%`;
  return unit === "" ? plain(v) : `${plain(v)} ${unit}`;
}

