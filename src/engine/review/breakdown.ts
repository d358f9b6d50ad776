import { LazyFinding } from "../findings";
import type { Finding } from "../evaluate/types";

/**
 * Sums written in words: 本项目共申请预算资金2026400元,其中村级组织运转400000元,……村级工作目标奖励100000元。 The amount
 * right before 其中 is the whole and the amounts after it, up to the end of the sentence, its parts (money only, two
 * parts or more, an aside in brackets left out). A whole its parts do not add up to is told, naming the cell.
 */
export interface TextCell {
  /** The cell, as the sheet names it (B12). */
  cell: string;
  text: string;
}

const UNIT: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
const AMOUNT = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)/g;
/** The whole: an amount, a few words at most (用于, 资金), then 其中 and the rest of the sentence. */
const WHOLE = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)[^。；;，,其\d]{0,8}[，,。；;]?\s*其中[:：]?([^。]*)/g;

/** Whether a text may hold a breakdown at all (cheap, before any regular expression runs). */
export function mayHoldBreakdown(s: string): boolean {
  return s.length >= 12 && s.includes("其中") && s.includes("元");
}

export function breakdownFindings(cells: readonly TextCell[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    // A merged cell's text is read once (the sheet repeats it in every cell of the merge).
    if (!mayHoldBreakdown(c.text) || seen.has(c.text)) continue;
    seen.add(c.text);
    for (const m of c.text.matchAll(WHOLE)) {
      const unit = m[2]!;
      // In cents, so that 30万元 + 29.99万元 adds up exactly.
      const cents = (n: string, u: string) => Math.round(Number(n.replace(/,/g, "")) * UNIT[u]! * 100);
      const whole = cents(m[1]!, unit);
      // An aside in brackets (含设备10万元) is inside a part, not a part of its own.
      const rest = m[3]!.replace(/[（(][^）)]*[）)]/g, "");
      const parts = [...rest.matchAll(AMOUNT)].map((p) => ({ shown: `${p[1]}${p[2]}`, cents: cents(p[1]!, p[2]!) }));
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, p) => s + p.cents, 0);
      if (sum === whole) continue;
      const inUnit = (c: number) => `${(c / 100 / UNIT[unit]!).toFixed(unit === "元" ? 2 : 6).replace(/\.?0+$/, "")}${unit}`;
      const said = `${m[1]}${unit}`;
      out.push(new LazyFinding("text-sum-mismatch", "warning", null, () => `${c.cell}：文字写明共 ${said}，其中 ${parts.length} 项（${parts.map((p) => p.shown).join("＋")}）合计 ${inUnit(sum)}，相差 ${inUnit(Math.abs(sum - whole))}：总数与分项之和不符`));
    }
  }
  return out;
}
