import { pct } from "../measure/format";
import type { Positive, SurveyQuestion } from "./types";

/**
 * Positive options by default: the 满意 family (非常满意, 满意, 比较满意, 基本满意), the 了解 family (非常了解,
 * 比较了解, 基本了解, 熟悉) and the 认可 family (高度认可, 非常认可, 比较认可, 基本认可). 一般/一般了解/不满意/
 * 不了解 are not positive. Seed 004 counts 一般了解 as aware: pass its own list there.
 */
export const DEFAULT_POSITIVE = ["非常满意", "满意", "比较满意", "基本满意", "非常了解", "比较了解", "基本了解", "了解", "熟悉", "高度认可", "非常认可", "比较认可", "基本认可", "认可"];

/** An option's label without its note in brackets: `非常满意（线上操作简便）` → `非常满意`. */
export function optionKey(label: string): string {
  return label.normalize("NFKC").replace(/\s+/g, "").replace(/\(.*$/, "");
}

export function isPositive(label: string, positive: Positive = DEFAULT_POSITIVE): boolean {
  if (typeof positive === "function") return positive(label);
  return positive.some((p) => optionKey(label) === optionKey(p));
}

export type RateResult = { ok: true; rate: number; positive: number; valid: number; explanation: string } | { ok: false; message: string };

/**
 * Share of valid answers in the positive options: Σ positive counts / valid answers. `valid` defaults to the
 * sum of the option counts. A positive option without a count, or no valid answers, is an error.
 */
export function surveyRate(q: SurveyQuestion, positive: Positive = DEFAULT_POSITIVE, valid?: number | null): RateResult {
  const chosen = q.options.filter((o) => isPositive(o.label, positive));
  if (chosen.length === 0) return { ok: false, message: `“${q.question}”中没有可计为正面的选项（${q.options.map((o) => optionKey(o.label)).join("、")}）` };
  const missing = chosen.find((o) => o.count === null);
  if (missing) return { ok: false, message: `“${q.question}”的选项“${optionKey(missing.label)}”没有人数，无法计算` };
  const pos = chosen.reduce((s, o) => s + (o.count ?? 0), 0);
  const total = valid ?? q.options.reduce((s, o) => s + (o.count ?? 0), 0);
  if (!(total > 0)) return { ok: false, message: `“${q.question}”的有效答卷数为 0` };
  const rate = pos / total;
  const parts = chosen.map((o) => `${optionKey(o.label)} ${o.count}`).join(" + ");
  return { ok: true, rate, positive: pos, valid: total, explanation: `${parts.includes("+") ? `(${parts})` : parts} / ${total} = ${pct(rate)}` };
}

/** Mean of several rates, or weighted by `weights` (a composite satisfaction over questions). */
export function compositeRate(rates: number[], weights?: number[]): { ok: true; value: number; explanation: string } | { ok: false; message: string } {
  if (rates.length === 0) return { ok: false, message: "没有可合成的比率" };
  if (weights && weights.length !== rates.length) return { ok: false, message: `比率（${rates.length} 个）与权重（${weights.length} 个）个数不同` };
  const w = weights ?? rates.map(() => 1);
  const sw = w.reduce((a, b) => a + b, 0);
  if (!(sw > 0)) return { ok: false, message: "权重合计为 0" };
  const value = rates.reduce((s, r, i) => s + r * w[i]!, 0) / sw;
  const how = weights ? `加权平均（权重 ${w.join("、")}）` : "平均";
  return { ok: true, value, explanation: `${how}：(${rates.map((r) => pct(r)).join(" + ")}) / ${weights ? pct(sw / 100).replace("%", "") : rates.length} = ${pct(value)}` };
}

/** 有效率 = valid / sent. */
export function validRate(valid: number, sent: number): { ok: true; value: number; explanation: string } | { ok: false; message: string } {
  if (!(sent > 0)) return { ok: false, message: "发放份数应为正数" };
  if (valid < 0 || valid > sent) return { ok: false, message: `有效问卷 ${valid} 份不应超过发放 ${sent} 份` };
  return { ok: true, value: valid / sent, explanation: `有效率 = ${valid} / ${sent} = ${pct(valid / sent)}` };
}
