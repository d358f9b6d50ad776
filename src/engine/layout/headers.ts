import { HEADER_PATTERNS, HEADER_SYNONYMS } from "../data/headers";
import { toSimplified } from "../data/traditional";

export { HEADER_SYNONYMS };

/** Column roles of an indicator table, and the header texts that name them (compared without spaces). */
export type Role =
  | "level1" | "level1Weight" | "level2" | "level2Weight" | "level3" | "code"
  | "weight" | "target" | "actual" | "completion" | "score" | "rule" | "deviation" | "op" | "unit"
  | "judgement" | "explanation" | "basis" | "prior" | "evidence" | "serial" | "recheck"
  | "unitScore" | "status" | "grounds";

/** A header text matched to a role: how sure (3 exact name, 2 keyword, 1 loose or a garbled exact name) and why. */
export interface HeaderMatch {
  role: Role;
  score: number;
  why: string;
}

/** Folded header text → role; the first role to name a text keeps it. */
const LOOKUP = new Map<string, Role>();
/** The same names by their characters in order (an OCR'd header such as 考值参分 for 参考分值). */
const BY_LETTERS = new Map<string, Role>();
for (const [role, words] of Object.entries(HEADER_SYNONYMS)) {
  for (const w of words) {
    const k = normaliseHeader(w);
    if (!LOOKUP.has(k)) LOOKUP.set(k, role as Role);
    const letters = [...k].sort().join("");
    if (k.length >= 3 && !BY_LETTERS.has(letters)) BY_LETTERS.set(letters, role as Role);
  }
}

/** Fold a header text: no spaces, half-width brackets, no trailing colon. */
export function fold(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").replace(/[:：]$/, "");
}

/**
 * A header text as it is matched: folded, traditional characters simplified, and bracketed suffixes and
 * prefixes that do not change the role removed: (A), (B), (B/A), (八) (an OCR'd A), （万元）, (元), (%), (20分),
 * (分), and a leading 序号-like number.
 */
export function normaliseHeader(s: string): string {
  let h = toSimplified(fold(s)).replace(/[（]/g, "(").replace(/[）]/g, ")");
  for (let i = 0; i < 3; i++) {
    const before = h;
    h = h
      .replace(/\((?:[A-Za-z](?:\/[A-Za-z])?|[\u4e00-\u9fa5A-Za-z]|%|万元|元|亿元|千元|\d+(?:\.\d+)?分|分|个|人)\)$/, "")
      .replace(/[:：.。]$/, "");
    if (h === before) break;
  }
  return h;
}

/** The best role a header text names, with its score and reason; null when it names none. */
export function matchHeader(header: string): HeaderMatch | null {
  const h = normaliseHeader(header);
  if (h === "" || h.length > 30) return null;
  const exact = LOOKUP.get(h);
  if (exact) return { role: exact, score: 3, why: `表头“${h}”` };
  for (const p of HEADER_PATTERNS) if (p.re.test(h)) return { role: p.role, score: p.score, why: `表头“${h}”含“${p.why}”` };
  const letters = [...h].sort().join("");
  const garbled = h.length >= 3 ? BY_LETTERS.get(letters) : undefined;
  if (garbled) return { role: garbled, score: 1, why: `表头“${h}”与“${HEADER_SYNONYMS[garbled].find((w) => [...normaliseHeader(w)].sort().join("") === letters) ?? ""}”字相同而次序颠倒（疑为识别错误）` };
  return null;
}

/** The role a header text names, or null. A weight in the header (`得分(20分)`) is ignored for matching. */
export function roleOf(header: string): Role | null {
  return matchHeader(header)?.role ?? null;
}

/** Budget block headers (自评表): 年初预算数/全年预算数/全年执行数/分值/执行率/得分, and the (A)/(B) form. */
export type BudgetRole = "initial" | "fullYear" | "executed" | "weight" | "rate" | "score";

/** Budget headers by keywords, in order; the header is normalised as above (so 全年预算数(A)（万元） → 全年预算数). */
/** 其中:财政拨款数, the appropriation: the budget only on a row that names no other (苏州's form). */
export const APPROPRIATION = /^(?:其中[:：])?财政拨款数$/;

const BUDGET_WORDS: [RegExp, BudgetRole][] = [
  [/得分/, "score"],
  [/^(?:分值|权重|满分|权重占比)$|^执行率(?:权重|分值)$/, "weight"],
  // 预算执行(E/C×100%): a rate by its formula, though it does not say 率 (四川's 林草 form).
  [/执行率|支出实现率|^预算执行\(.*100%\)$/, "rate"],
  // (全年执行 with its 数 left off: 武汉 新洲; so 本年执行, 年度执行, 累计执行, 已执行.)
  [/(?<!未)执行数|(?<!未)执行资金|(?<!未)执行金额|实际支出|支出数|实际执行|实际支付(?!率)|^(?:全年|本年|当年|年度|累计|已)执行$/, "executed"],
  [/全年预算|全年\(调整\)预算|调整后预算|调整预算|预算调整后|全年预算数/, "fullYear"],
  // 苏州's form: 市级财政资金使用情况 | 其中:财政拨款数 | 实际支付数 (the appropriation, beside what was paid). Only where
  // the row names no other budget (findBudget): beside 年初预算数 it is a part of that budget.
  [APPROPRIATION, "fullYear"],
  [/^(?:年初预算数?|预算数|年初预算安排)$/, "initial"],
];

/** `converted`: the row also has a 折算得分 column (河北's form), which then gives the block's points. */
export function budgetRoleOf(header: string, converted = false): BudgetRole | null {
  const raw = toSimplified(fold(header)).replace(/[（]/g, "(").replace(/[）]/g, ")");
  if (/^得分\(\d+(?:\.\d+)?分\*执行率\)$/.test(raw)) return "score";
  const h = normaliseHeader(header);
  if (h === "" || h.length > 20) return null;
  // 河北's form: 单项指标得分 (out of 100) | 权重占比(%) | 单项指标折算得分, the last the block's points.
  if (converted && /^单项(?:指标)?得分$/.test(h)) return null;
  for (const [re, role] of BUDGET_WORDS) if (re.test(h)) return role;
  return null;
}
