import { LazyFinding } from "../findings";
import { toSimplified } from "../data/traditional";
import { pct } from "../measure/format";
import type { Finding } from "../evaluate/types";
import type { TextCell } from "./breakdown";
import { TEXT_RATE_WORDS } from "../data/funds";

/**
 * A budget execution rate written in words above the table (实际下达预算2596万元,全年度实际总支出2595.6208万元,项目预算
 * 执行率99%.) against the two amounts the same sentence gives: told when it is off by more than its own rounding (99%
 * for 99.985%). Read only where the sentence is plain: one budget amount, one spending amount, both before the rate and
 * no 其中; anything else (two budgets, parts, an amount of another kind) is left alone.
 */
const UNIT: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
const AMOUNT = /(?<![\d.])(?<!\d,)(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)(?![/／每])/g;
const RATE = /执行率(?:为|达到|达|是)?\s*(\d+(?:\.\d+)?)\s*%/g;
const { spent: SPENT, budgeted: BUDGETED, notPlain: NOT_PLAIN } = TEXT_RATE_WORDS;

/** Whether a text may hold such a sentence at all (cheap, before any regular expression runs). */
export function mayHoldRate(s: string): boolean {
  return s.length >= 12 && s.includes("执行率") && s.includes("元");
}

export function textRateFindings(cells: readonly TextCell[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || typeof c.text !== "string" || typeof c.cell !== "string") continue;
    const text = toSimplified(c.text).normalize("NFKC");
    if (!mayHoldRate(text)) continue;
    if (seen.has(text)) continue;
    seen.add(text);
    for (const sentence of text.split(/[。；;\n]/)) {
      const found = check(sentence);
      if (found) {
        const { written, budget, spent, rate } = found;
        out.push(new LazyFinding("budget-text-rate", "warning", null, () => `${c.cell}：文字写预算执行率 ${written}%，按其中的金额 ${spent} / ${budget} 计算为 ${pct(rate)}`, `${written}%`, pct(rate)));
      }
    }
  }
  return out;
}

function check(sentence: string): { written: string; budget: string; spent: string; rate: number } | null {
  const rates = [...sentence.matchAll(RATE)];
  if (rates.length !== 1) return null;
  const r = rates[0]!;
  const before = sentence.slice(0, r.index);
  if (NOT_PLAIN.test(before)) return null;
  const amounts = [...before.matchAll(AMOUNT)];
  if (amounts.length !== 2) return null;
  const kinds = amounts.map((a, i) => {
    const from = i === 0 ? 0 : amounts[i - 1]!.index! + amounts[i - 1]![0].length;
    const words = before.slice(from, a.index);
    return SPENT.test(words) ? "spent" : BUDGETED.test(words) ? "budget" : null;
  });
  if (kinds[0] !== "budget" || kinds[1] !== "spent") return null;
  const value = (a: RegExpMatchArray) => Number(a[1]!.replace(/,/g, "")) * UNIT[a[2]!]!;
  const b = value(amounts[0]!);
  const s = value(amounts[1]!);
  if (!(b > 0) || !(s >= 0)) return null;
  const rate = s / b;
  const written = r[1]!;
  const decimals = written.includes(".") ? written.split(".")[1]!.length : 0;
  const tol = (0.5 * 10 ** -decimals) / 100 + 1e-9;
  if (Math.abs(Number(written) / 100 - rate) <= tol) return null;
  return { written, budget: amounts[0]![0].replace(/\s+/g, ""), spent: amounts[1]![0].replace(/\s+/g, ""), rate };
}
