import { LazyFinding } from "../findings";
import type { Finding } from "../evaluate/types";
import type { TextCell } from "./breakdown";
import { toSimplified } from "../data/traditional";

/**
 * A year written without its 年 (2021度本专科生奖助学金项目 for 2021年度): a slip in the title block or a sentence
 * above the table. Only a year of this century (2000–2049) with no digit before it, and not 度 as a unit (2000度电,
 * 用电2021度).
 */
const TYPO = /(?<![\d.,])(20[0-4]\d)度(?![电数])/g;
/**
 * Where a year stands: at the start of the text or after punctuation or a space, or after words that open a project's
 * name (关于, 开展, 实施 …). After anything else (发电2040度, 节省2000度, 按2000度计) 度 is a unit.
 */
const YEAR_BEFORE = /(?:^|[\s，。、；：:,;（(《“"【[]|关于|对照|按照|根据|依据|围绕|开展|实施|完成|组织|下达|安排|在|于|对|将)$/;
/** Texts about electricity or heat: there 度 is a unit wherever it stands. */
const ENERGY = /电|能耗|节能|温|容量|千瓦/;
/** Whether a text may hold the slip (cheap). */
export function mayHoldYearTypo(s: string): boolean {
  return s.includes("度") && /20[0-4]\d度/.test(s) && !ENERGY.test(s);
}

export function yearTypoFindings(cells: readonly TextCell[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || typeof c.text !== "string" || typeof c.cell !== "string") continue;
    // Matched in simplified characters (對照 is 对照).
    const text = toSimplified(c.text);
    if (ENERGY.test(text)) continue;
    const m = [...text.matchAll(TYPO)].find((x) => YEAR_BEFORE.test(text.slice(0, x.index)));
    if (!m) continue;
    const year = m[1]!;
    if (seen.has(year)) continue;
    seen.add(year);
    // As written where the simplified text lines up with it (no pinyin taken out), else as matched.
    const shown = text.length === c.text.length ? c.text : text;
    const around = shown.slice(Math.max(0, m.index! - 4), m.index! + 10).replace(/\s+/g, "");
    out.push(new LazyFinding("year-typo", "warning", null, () => `${c.cell}：“${around}”中“${year}度”漏写“年”字，应为“${year}年度”`));
  }
  return out;
}
