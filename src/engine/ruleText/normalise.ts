import { stripMarkup } from "../measure/clean";
import { toSimplified } from "../data/traditional";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/**
 * Rule text as one comparable string: converted-document debris removed (`<p>`, LaTeX `$\geq 95\%$`,
 * `\text{完成率}`), full-width forms folded except the circled item marks ①②③ (which NFKC would turn into
 * digits), spaces from wrapped lines removed, comparison words turned into symbols (大于等于 → ≥), 个百分点 → %.
 */
export function normaliseRuleText(raw: string): string {
  let s = stripMarkup(toSimplified(raw));
  s = [...s].map((ch) => (CIRCLED.includes(ch) ? ch : ch.normalize("NFKC"))).join("");
  s = s.replace(/\s+/g, "");
  s = s
    .replace(/>=|≧|⩾/g, "≥")
    .replace(/<=|≦|⩽/g, "≤")
    .replace(/大于或等于|大于等于|不低于|不少于|不小于|达到或超过/g, "≥")
    .replace(/小于或等于|小于等于|不高于|不超过|不大于/g, "≤")
    .replace(/大于|高于|超过(?=\d)/g, ">")
    .replace(/小于|低于|不足|少于/g, "<")
    .replace(/个百分点/g, "%")
    .replace(/(?:达到|为)?(?<![\d.])(\d+(?:\.\d+)?%)(?:\(含\))?(?:及|或)以上/g, "≥$1")
    .replace(/达到(?=≥)/g, "")
    .replace(/[*＊]/g, "×")
    .replace(/—|–|－|~|～/g, "-")
    .replace(/(\d%?(?:\(含\))?)(?:至|到)(?=\d)/g, "$1-")
    .replace(/[;；]/g, "；")
    .replace(/[,，、]/g, "，")
    .replace(/\.%/g, "%");
  return trimDecimalZeros(s);
}

/**
 * `95.00%` → `95%`, `92.50%` → `92.5%`, `3.0分` → `3分`: trailing zeros of a decimal before % or 分 removed, in
 * one pass (the regular expression this replaces was cubic on long runs of digits).
 */
export function trimDecimalZeros(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */ && i > 0 && isDigit(s.charCodeAt(i - 1))) {
      let j = i + 1;
      while (j < s.length && isDigit(s.charCodeAt(j))) j++;
      const next = s[j];
      if (j > i + 1 && (next === "%" || next === "分")) {
        let k = j;
        while (k > i + 1 && s.charCodeAt(k - 1) === 48) k--;
        out += k === i + 1 ? "" : s.slice(i, k);
        i = j;
        continue;
      }
      out += s.slice(i, j);
      i = j;
      continue;
    }
    out += s[i];
    i++;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The circled marks in a text, in order of first appearance (①②③). */
export function circledMarks(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) if (CIRCLED.includes(ch) && !out.includes(ch)) out.push(ch);
  return out;
}

export function circled(i: number): string {
  return CIRCLED[i] ?? `(${i + 1})`;
}

/** `1/3` → 0.333…, `40%` → 0.4, `50%的` → 0.5; null if neither. */
export function shareOf(s: string): number | null {
  const f = /^(\d+)\/(\d+)/.exec(s);
  if (f) return Number(f[1]) / Number(f[2]);
  const p = /^(\d+(?:\.\d+)?)%/.exec(s);
  if (p) return Number(p[1]) / 100;
  return null;
}

const CN_NUM: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `三` → 3, `5` → 5. */
export function countOf(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return CN_NUM[s] ?? null;
}
