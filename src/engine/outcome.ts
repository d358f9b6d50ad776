import { compare, type Comparison } from "./measure/compare";
import { parseActualAgainst, parseMeasure } from "./measure/parse";
import type { Measure } from "./measure/types";
import type { IndicatorResult } from "./evaluate/types";

/**
 * What became of a row's target, in one word: the explanation, the 偏差分析 text, the fill colour and the pane
 * all derive their wording from this, so that a row can never say 超额完成 in one place and 未完成 in another.
 *
 * met: the target was reached (a ≤ ceiling kept under counts as met, not exceeded); exceeded: a higher-is-better
 * target was passed; missed: not reached (a partial grade, a late date, a ceiling passed); not-applicable: the row
 * does not apply; unknown: cannot tell (the actual is blank, a cell cannot be read, or there is no rule).
 */
export type OutcomeKind = "met" | "exceeded" | "missed" | "not-applicable" | "unknown";

/** Why an outcome is unknown. */
export type UnknownReason = "actual-blank" | "unreadable" | "no-rule";

export interface Outcome {
  kind: OutcomeKind;
  /** Set only when kind is "unknown". */
  reason: UnknownReason | null;
}

/** The words a person sees for each outcome (one catalogue, as FINDING_CATALOGUE for findings). */
export const OUTCOME_LABELS: Record<OutcomeKind, { zh: string; en: string }> = {
  met: { zh: "已完成", en: "Met" },
  exceeded: { zh: "超额完成", en: "Exceeded" },
  missed: { zh: "未完成", en: "Missed" },
  "not-applicable": { zh: "不适用", en: "Not applicable" },
  unknown: { zh: "无法判断", en: "Cannot tell" },
};

const UNKNOWN_LABELS: Record<UnknownReason, { zh: string; en: string }> = {
  "actual-blank": { zh: "实际完成值未填写", en: "Actual not yet filled" },
  unreadable: { zh: "无法识别", en: "Cannot be read" },
  "no-rule": { zh: "未指定评分规则", en: "No rule" },
};

/** An outcome's label: `未完成`, or for an unknown one its reason (`实际完成值未填写`). */
export function outcomeLabel(o: Outcome, lang: "zh" | "en" = "zh"): string {
  return o.kind === "unknown" && o.reason ? UNKNOWN_LABELS[o.reason][lang] : OUTCOME_LABELS[o.kind][lang];
}

const EPS = 1e-9;

/**
 * The outcome of a comparison of target and actual, with an optional verdict (`met`) that overrides the
 * comparison's own: a rule decides whether its target was met (a 反向比例 rule reads a bare target as a ceiling).
 * `lower` overrides the target's direction the same way.
 */
export function outcomeOfComparison(c: Comparison, verdict?: { met?: boolean | null; lower?: boolean }): Outcome {
  if (!c.ok) return unknown(c.status === "pending" ? "actual-blank" : "unreadable");
  const met = verdict?.met ?? c.met;
  if (!met) return { kind: "missed", reason: null };
  if (c.kind === "quantity" && !(verdict?.lower ?? c.lower) && !c.allOrNothing) {
    return { kind: c.actual > c.target + EPS * Math.max(1, Math.abs(c.target)) ? "exceeded" : "met", reason: null };
  }
  return { kind: "met", reason: null };
}

/** The row's target and actual, read again from the row's text (the reader caches, so this is cheap). */
export function rowMeasures(row: Pick<IndicatorResult, "target" | "actual">): { target: Measure; actual: Measure; comparison: Comparison } {
  const target = parseMeasure(row.target === "" ? null : row.target);
  const actual = parseActualAgainst(target, row.actual === "" ? null : row.actual);
  return { target, actual, comparison: compare(target, actual) };
}

/**
 * One row's outcome, from its status, its verdict (`met`, as the rule decided it), the rule's direction and the
 * comparison of its target and actual. A row whose only problem is its weight still has an outcome (its target
 * and actual can be compared); a row without a rule, or with a blank or unreadable actual, is unknown.
 */
export function outcomeOf(row: IndicatorResult): Outcome {
  if (!row.applicable) return { kind: "not-applicable", reason: null };
  if (row.status === "needs-rule") return unknown("no-rule");
  if (row.status === "pending") return unknown("actual-blank");
  const c = rowMeasures(row).comparison;
  const lower = row.rule?.type === "proportional" && row.rule.direction ? row.rule.direction === "lower" : undefined;
  if (row.met === null) {
    // Unreadable rows: the weight may be all that is wrong; then the target and actual still say what happened.
    return row.status === "unreadable" || row.status === "no-weight" ? outcomeOfComparison(c, { lower }) : unknown("unreadable");
  }
  if (!c.ok) return { kind: row.met ? "met" : "missed", reason: null };
  return outcomeOfComparison(c, { met: row.met, lower });
}

/**
 * Which of a row's cells cannot be read, so that only those are painted red: a weight that is missing or not
 * valid does not make a readable target or actual red.
 */
export function unreadableCells(row: IndicatorResult): { target: boolean; actual: boolean; weight: boolean } {
  if (row.status !== "unreadable") return { target: false, actual: false, weight: false };
  const { target, actual, comparison } = rowMeasures(row);
  const weight = row.weight === null;
  // Target and actual compare: they are readable (the weight is what is wrong, or the rule cannot use a grade where
  // it needs a number: the score cell says so).
  if (comparison.ok) return { target: false, actual: false, weight };
  if (comparison.code === "unit-mismatch") return { target: true, actual: true, weight };
  return { target: target.kind === "unreadable" || target.kind === "blank", actual: actual.kind === "unreadable", weight };
}

/**
 * A row's explanation in words that agree with its outcome. Some rules name the branches of their formula by the
 * completion rate (按照完成比例赋分: B/A above 100% is 超额完成, below is 未完成) whatever the target's direction;
 * for a ≤ ceiling those names say the opposite of what happened, so they are replaced by what they measure.
 */
export function explainRow(row: IndicatorResult): string {
  const o = outcomeOf(row);
  let text = row.explanation;
  if (o.kind !== "exceeded") text = text.replace(/超额完成：得分/g, "完成率高于 100%：得分");
  if (o.kind !== "missed") text = text.replace(/未完成：得分/g, "完成率低于 100%：得分");
  if (o.kind === "unknown" || o.kind === "not-applicable") return text;
  return `${outcomeLabel(o)}。${text}`;
}

/**
 * A number in a sentence: at most 2 decimals, trailing zeros trimmed, no binary noise (135000.0001 → 135000,
 * 0.1 + 0.2 → 0.3); never `-0`. Units and spacing are the caller's: a space before a word, none before %.
 */
export function figure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const clean = Number(n.toPrecision(12));
  const r = Math.round(Number((Math.abs(clean) * 100).toPrecision(12))) / 100;
  const s = r.toFixed(2).replace(/\.?0+$/, "");
  return clean < 0 && r !== 0 ? `-${s}` : s;
}

function unknown(reason: UnknownReason): Outcome {
  return { kind: "unknown", reason };
}
