import { pct } from "../measure/format";
import type { Finding } from "../evaluate/types";
import { optionKey } from "./rates";
import type { SurveyQuestion } from "./types";

/**
 * Review a question's table: counts that do not add up to the valid answers (or the 小计 row), shares that do
 * not match their counts beyond the rounding they were written with, shares that do not add up to 100%.
 * `valid` is the number of valid questionnaires; `indicator` in the findings is null (table-level).
 */
export function checkSurvey(q: SurveyQuestion, valid: number): Finding[] {
  const out: Finding[] = [];
  const add = (code: "survey-count-sum" | "survey-share-mismatch" | "survey-share-sum", message: string, reported?: string | number, recomputed?: string | number) =>
    out.push({ code, severity: code === "survey-share-sum" ? "warning" : "error", indicator: null, message: `“${q.question}”：${message}`, ...(reported !== undefined ? { reported } : {}), ...(recomputed !== undefined ? { recomputed } : {}) });
  const counted = q.options.filter((o) => o.count !== null);
  const sum = counted.reduce((s, o) => s + (o.count ?? 0), 0);
  const base = q.subtotal ?? valid;
  if (counted.length > 0 && sum !== base) {
    const blank = q.options.filter((o) => o.count === null).map((o) => optionKey(o.label));
    add("survey-count-sum", `各选项人数合计 ${sum}，与${q.subtotal != null ? "小计" : "有效问卷数"} ${base} 不符${blank.length ? `（未填人数的选项：${blank.join("、")}）` : ""}`, sum, base);
  }
  if (q.subtotal != null && q.subtotal !== valid) add("survey-count-sum", `小计 ${q.subtotal} 与有效问卷数 ${valid} 不符`, q.subtotal, valid);
  for (const o of q.options) {
    if (o.count === null || o.share === null || o.share === undefined || !(valid > 0)) continue;
    const computed = o.count / valid;
    const tol = 0.5 * 10 ** -(o.shareDecimals ?? 2) / 100 + 1e-9;
    if (Math.abs(computed - o.share) > tol) add("survey-share-mismatch", `选项“${optionKey(o.label)}”写作 ${pct(o.share, o.shareDecimals ?? 2)}，按 ${o.count} / ${valid} 计算为 ${pct(computed)}`, pct(o.share, o.shareDecimals ?? 2), pct(computed));
  }
  const shares = q.options.filter((o) => o.share !== null && o.share !== undefined);
  if (shares.length > 0) {
    const s = shares.reduce((a, o) => a + (o.share ?? 0), 0);
    const tol = shares.length * 0.5 * 10 ** -Math.min(...shares.map((o) => o.shareDecimals ?? 2)) / 100 + 1e-9;
    if (Math.abs(s - 1) > tol) add("survey-share-sum", `各选项占比合计 ${pct(s)}，不等于 100%`, pct(s), "100.00%");
  }
  return out;
}

/** Parse a share as written (`57.4%`, `8.63%`) into a fraction and the decimals it was written with. */
export function readShare(text: string | null | undefined): { share: number; decimals: number } | null {
  if (!text) return null;
  const m = /^\s*(\d+(?:\.(\d+))?)\s*%\s*$/.exec(text.normalize("NFKC"));
  return m ? { share: Number(m[1]) / 100, decimals: m[2]?.length ?? 0 } : null;
}
