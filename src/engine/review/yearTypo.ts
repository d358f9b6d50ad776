import { LazyFinding } from "../findings";
import type { Finding } from "../evaluate/types";
import type { TextCell } from "./breakdown";

/**
 * A year written without its 年 (2021度本专科生奖助学金项目 for 2021年度): a slip in the title block or a sentence
 * above the table. Only a year of this century (2000–2049) with no digit before it, and not 度 as a unit (2000度电,
 * 用电2021度).
 */
const TYPO = /(?<![\d.,])(20[0-4]\d)度(?![电数])/;
const UNIT_BEFORE = /(?:用电|节电|电量|约|共|计|达|耗)\s*$/;

/** Whether a text may hold the slip (cheap). */
export function mayHoldYearTypo(s: string): boolean {
  return s.includes("度") && TYPO.test(s);
}

export function yearTypoFindings(cells: readonly TextCell[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || typeof c.text !== "string" || typeof c.cell !== "string") continue;
    const m = TYPO.exec(c.text);
    if (!m || UNIT_BEFORE.test(c.text.slice(0, m.index))) continue;
    const year = m[1]!;
    if (seen.has(year)) continue;
    seen.add(year);
    const around = c.text.slice(Math.max(0, m.index - 4), m.index + 10).replace(/\s+/g, "");
    out.push(new LazyFinding("year-typo", "warning", null, () => `${c.cell}：“${around}”中“${year}度”漏写“年”字，应为“${year}年度”`));
  }
  return out;
}
