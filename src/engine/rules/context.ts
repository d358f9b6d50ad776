import type { Comparison, QuantityComparison } from "../measure/compare";
import { pct } from "../measure/format";
import type { Measure } from "../measure/types";
import type { Judgement, Rule } from "./types";

/** What a rule is applied to. `weight` is the row's maximum points (positive). */
export interface ScoreContext {
  target: Measure;
  actual: Measure;
  weight: number;
  judgement: Judgement | null;
  /** compare(target, actual), computed once by the caller. */
  comparison: Comparison;
  /** The score the table reports for the row, if any: a qualitative tier's evaluator may place the row anywhere inside it. */
  reported?: number | null;
}

/**
 * A rule's result: a score with the steps that explain it (Chinese), or why there is none. The steps are a
 * function: scoring builds no strings; a face that shows the explanation asks for it.
 */
export type RuleOutcome =
  | { ok: true; score: number; completion: number | null; met: boolean | null; steps: () => string[] }
  | { ok: false; status: "pending" | "unreadable" | "needs-rule"; code: string; reason: string };

export type Scorer<R extends Rule = Rule> = (rule: R, ctx: ScoreContext) => RuleOutcome;

export function scored(score: number, completion: number | null, met: boolean | null, steps: () => string[]): RuleOutcome {
  return { ok: true, score, completion, met, steps };
}

export function noScore(status: "pending" | "unreadable" | "needs-rule", code: string, reason: string): RuleOutcome {
  return { ok: false, status, code, reason };
}

/** The comparison as a quantity, or the outcome explaining why it is not one. */
export function quantity(ctx: ScoreContext): QuantityComparison | RuleOutcome {
  const c = ctx.comparison;
  if (!c.ok) return noScore(c.status, c.code, c.reason);
  if (c.kind !== "quantity") return noScore("unreadable", "rule-needs-number", `该规则需要数值，实际完成值为“${c.actualShown}”`);
  return c;
}

export function isOutcome(x: QuantityComparison | RuleOutcome | RateReading): x is RuleOutcome {
  return "ok" in x && (x.ok === false || "score" in x);
}

/** A rate read for rate-based rules: the actual rate itself, or completion B/A. */
export interface RateReading {
  rate: number;
  readonly step: string;
  met: boolean | null;
}

/**
 * The rate a rate-based rule reads. `actual`: the actual as a percentage (资金到位率 97.34%), which works even
 * without a target. `completion`: B/A against the target.
 */
export function readRate(ctx: ScoreContext, basis: "actual" | "completion"): RateReading | RuleOutcome {
  if (basis === "actual") {
    const a = ctx.actual;
    if (a.kind === "blank") return noScore("pending", "actual-blank", "实际完成值未填写");
    if (a.kind === "percent") return { rate: a.value, get step() { return `实际值 = ${a.shown}`; }, met: metOrNull(ctx) };
    const c = ctx.comparison;
    // A count or an amount (480人, 12个) is no rate, whatever the rule calls it (参训率×分值 on a row counted in 人).
    if (a.kind === "number" && a.unit !== null) return noScore("unreadable", "rule-needs-rate", `该规则需要一个比率，实际完成值为“${a.text}”`);
    if (c.ok && c.kind === "quantity") {
      return { rate: c.actual, get step() { return `实际值 = ${c.actualShown}`; }, met: c.met };
    }
    if (a.kind === "unreadable") return noScore("unreadable", "unreadable", `实际完成值${a.reason}`);
    return noScore("unreadable", "rule-needs-rate", `该规则需要一个比率，实际完成值为“${a.text}”`);
  }
  const q = quantity(ctx);
  if (isOutcome(q)) return q;
  return { rate: q.ratio, get step() { return `完成率 = ${q.actualShown} / ${q.targetShown} = ${pct(q.ratio)}`; }, met: q.met };
}

function metOrNull(ctx: ScoreContext): boolean | null {
  return ctx.comparison.ok ? ctx.comparison.met : null;
}

/** Clamp a score into [0, weight]. */
export function clampScore(score: number, weight: number): number {
  return Math.min(weight, Math.max(0, score));
}
