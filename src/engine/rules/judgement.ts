import type { ChecklistItem, Judgement } from "./types";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/** A yes/no judgement: true/false, 1/0, 符合/不符合, 是/否; null when the judgement says nothing of it. */
export function judgedMet(j: Judgement | null): boolean | null {
  if (j === null) return null;
  if (typeof j === "number") return j >= 1 ? true : j <= 0 ? false : null;
  if (Array.isArray(j)) return j.every(Boolean);
  const s = j.replace(/\s+/g, "");
  if (/^(?:不符合|不满足|否|未达成|未达到|不合格|×|false|0)$/i.test(s)) return false;
  if (/^(?:符合|满足|是|达成|达到|合格|√|✓|true|1|全部符合|齐全)$/i.test(s)) return true;
  return null;
}

/**
 * Which checklist items the evaluator judged met: booleans in item order, a string of marks (`①③`), or
 * `全部符合` / `全部不符合`. Null when the judgement cannot be read against these items.
 */
export function itemsMet(j: Judgement | null, items: ChecklistItem[]): boolean[] | null {
  if (j === null) return null;
  if (Array.isArray(j)) return j.length === items.length ? j : null;
  if (typeof j === "number") return null;
  const s = j.replace(/\s+/g, "");
  if (/^(?:全部符合|全部满足|均符合|齐全|符合|满足|是)$/.test(s)) return items.map(() => true);
  if (/^(?:全部不符合|均不符合|不符合|否|无)$/.test(s)) return items.map(() => false);
  const marks = [...s].filter((ch) => CIRCLED.includes(ch));
  if (marks.length === 0 || marks.length !== [...s].length) return null;
  return items.map((it, i) => marks.includes(it.label) || marks.includes(CIRCLED[i] ?? ""));
}

/** A share of the weight given by the evaluator (0.5, "50%"), or null. */
export function judgedShare(j: Judgement | null): number | null {
  if (typeof j === "number") return j >= 0 && j <= 1 ? j : null;
  if (typeof j === "string") {
    const m = /^(\d+(?:\.\d+)?)%$/.exec(j.trim());
    if (m) return Number(m[1]) / 100;
  }
  return null;
}
