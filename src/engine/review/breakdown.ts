import { LazyFinding } from "../findings";
import { toSimplified } from "../data/traditional";
import type { Finding } from "../evaluate/types";

/**
 * Sums written in words: 本项目共申请预算资金2026400元,其中村级组织运转400000元,……村级工作目标奖励100000元。 The amount
 * right before 其中 is the whole and the amounts in the clauses after it its parts, up to the end of the sentence or the
 * first clause that turns to something else (实际支出, 截至, 合计, a second 其中 …). Money only; a text with a rate (每户300元,
 * 2万元/台), a round figure (约, 余) or 万 without 元 among its parts is left alone, and so is an aside in brackets. A whole
 * its parts exceed (two parts or more), or fall short of (three or more: a list of two may name only some), is told,
 * naming the cell.
 */
export interface TextCell {
  /** The cell, as the sheet names it (B12). */
  cell: string;
  text: string;
}

const UNIT: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
/** An amount of money; the number does not start inside another (no digit, point or thousands comma before it). */
const AMOUNT = /(?<![\d.])(?<!\d,)(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)/g;
/** The whole: an amount, a few words at most (用于, 资金), then 其中 and the rest of the sentence. */
const WHOLE = /(?<![\d.])(?<!\d,)(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)[^。；;，,其\d]{0,8}[，,。；;]?\s*其中[:：]?([^。]*)/g;
/** A clause that turns from the parts to something else: spending, a date, a sum, another breakdown. */
const TURN = /合计|共计|累计|小计|总计|其中|实际|支出|执行|结余|剩余|余额|截至|截止|到位|拨付|完成/;
/** Parts that are not plain amounts: rates, round figures, 万 with no 元. */
const NOT_PLAIN = /每|人均|户均|单价|标准|平均|\d\s*(?:亿元|万元|元)\s*[/／]|约|余|近|左右|多万|\d\s*万(?!元)/;

/** Whether a text may hold a breakdown at all (cheap, before any regular expression runs). */
export function mayHoldBreakdown(s: string): boolean {
  return s.length >= 12 && s.includes("其中") && s.includes("元");
}

/** Every whole; `inner` when it stands inside the parts of one before it (its own parts then end at a ；). */
function allWholes(text: string): { m: RegExpExecArray; inner: boolean }[] {
  const out: { m: RegExpExecArray; inner: boolean }[] = [];
  const re = new RegExp(WHOLE.source, "g");
  let end = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ m, inner: m.index < end });
    end = Math.max(end, m.index + m[0].length);
    re.lastIndex = m.index + m[0].indexOf("其中") + 2;
  }
  return out;
}

export function breakdownFindings(cells: readonly TextCell[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || typeof c.text !== "string" || typeof c.cell !== "string") continue;
    const text = toSimplified(c.text).normalize("NFKC");
    // A merged cell's text is read once (the sheet repeats it in every cell of the merge).
    if (!mayHoldBreakdown(text) || seen.has(text)) continue;
    seen.add(text);
    // Each whole is sought again right after the 其中 before it: a second whole inside the first one's parts (…1858.24万元;
    // 其中完成…补助471.23元,其中中央补助189.63万元,…) is a sum of its own.
    for (const { m, inner } of allWholes(text)) {
      // A round whole (约100万元, 100万元左右) is no sum to check.
      if (/约|近|逾|超/.test(text.slice(Math.max(0, m.index - 2), m.index)) || /余|左右|多/.test(m[0].slice(0, m[0].indexOf("其中")))) continue;
      const unit = m[2]!;
      // In cents, so that 30万元 + 29.99万元 adds up exactly.
      const cents = (n: string, u: string) => Math.round(Number(n.replace(/,/g, "")) * UNIT[u]! * 100);
      const whole = cents(m[1]!, unit);
      // An aside in brackets (含设备10万元) is inside a part, not a part of its own.
      const own = inner ? m[3]!.split(/[；;]/)[0]! : m[3]!;
      const clauses = own.replace(/[（(][^（(）)]*[）)]/g, "").split(/[，,、；;]/);
      const turn = clauses.findIndex((x) => TURN.test(x));
      const partsText = (turn < 0 ? clauses : clauses.slice(0, turn)).join("，");
      if (NOT_PLAIN.test(partsText)) continue;
      const parts = [...partsText.matchAll(AMOUNT)].map((p) => ({ shown: `${p[1]}${p[2]}`, cents: cents(p[1]!, p[2]!) }));
      const sum = parts.reduce((s, p) => s + p.cents, 0);
      if (sum === whole || parts.length < (sum > whole ? 2 : 3)) continue;
      const inUnit = (x: number) => `${(x / 100 / UNIT[unit]!).toFixed(unit === "元" ? 2 : 6).replace(/\.?0+$/, "")}${unit}`;
      const said = `${m[1]}${unit}`;
      // The same figures a unit apart (471.23元 against parts in 万元 adding to 471.23万元): the unit is the slip.
      const unitSlip = [1e4, 1e-4, 1e8, 1e-8].some((k) => Math.abs(sum - whole * k) < 1);
      out.push(new LazyFinding("text-sum-mismatch", "warning", null, () => `${c.cell}：文字写明共 ${said}，其中 ${parts.length} 项（${parts.map((p) => p.shown).join("＋")}）合计 ${inUnit(sum)}，相差 ${inUnit(Math.abs(sum - whole))}：总数与分项之和不符${unitSlip ? "（数字相同而单位不同：总数或分项的单位疑为误写）" : ""}`));
    }
  }
  return out;
}
