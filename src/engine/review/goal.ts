import { toSimplified } from "../data/traditional";
import { LazyFinding } from "../findings";
import type { Finding } from "../evaluate/types";
import type { GoalCell } from "../layout/goal";

/** A bare figure: a number, or an amount or percentage with nothing said about what it achieves (43.2, 37.24万元, 100%). */
const BARE = /^[\d,，.]+\s*(?:%|％|万元|元|万|亿元|千元)?$/;

/**
 * The 年度总体目标 is the project's goal in words (财预〔2020〕10号: what the money is to achieve). A block that holds
 * only figures (预期目标 43.2 | 实际完成情况 37.24, the budget's amounts) states no goal: told once, at its first cell.
 */
export function goalFindings(cells: readonly GoalCell[] | undefined): Finding[] {
  if (!Array.isArray(cells) || cells.length === 0) return [];
  const valid = cells.filter((c) => c && typeof c.cell === "string" && (typeof c.value === "number" || typeof c.value === "string"));
  if (valid.length === 0) return [];
  const copied = copiedGoal(valid);
  if (copied) return [copied];
  if (!valid.every((c) => typeof c.value === "number" || BARE.test(c.value.replace(/\s+/g, "")))) return [];
  const shown = valid.map((c) => String(c.value)).join("、");
  return [new LazyFinding("goal-not-stated", "warning", null, () => `${valid[0]!.cell}：年度总体目标只填了数字（${shown}），没有写明项目要达到的绩效目标和实际完成情况`)];
}

/**
 * The shortest text compared: a paragraph, not a phrase. A goal of a few words (国家基本公共卫生服务, 按期完成) may
 * honestly be the result too; a paragraph of several aims copied word for word is a copy.
 */
const SHORTEST_COPY = 30;
/**
 * A quantity to achieve (39户, 524m, 1.2万亩, 95%): a goal that states one and is copied as the result says it was done
 * to the figure, which is a result. Numbering (目标1:) and ages (0-6岁) are no quantity.
 */
const UNITS = "%|％|户|人次|人|名|个|次|场次|亩|万亩|公顷|平方米|㎡|m²|米|m|km|公里|千米|吨|t|万元|元|座|所|家|场|期|套|台|辆|项|件|份|册|株|棵|头|只|处|条|间|栋|批|天|日|小时";
const QUANTITY = new RegExp(`(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)\\s*(?:多|余)?\\s*(?:${UNITS})`, "i");

/**
 * What was done written word for word as the goal (预期目标 | 实际完成情况 the same paragraph): the goal copied over, with
 * nothing said of what was achieved. Told once, at the copy, for a paragraph that states no quantity (a goal of figures
 * copied over says they were met). Spaces and punctuation are not compared.
 */
function copiedGoal(cells: readonly GoalCell[]): Finding | null {
  const key = (v: string | number) => String(v).replace(/[\s，,。.；;、：:！!？?“”"'‘’（）()]/g, "");
  const seen = new Map<string, GoalCell>();
  // A copy is a cell headed as what was done (实际完成情况) repeating one that is not (预期目标): a 申报 form's 中长期目标
  // and 年度目标 may be one text for a one-year project, and a merged goal filled down repeats under one heading.
  const done = (c: GoalCell) => typeof c.heading === "string" && /完成/.test(c.heading);
  for (const c of cells) {
    if (typeof c.value !== "string") continue;
    // (Full-width figures and letters, １.２万亩, read as their half-width forms; 萬畝 as 万亩.)
    const said = toSimplified(c.value.normalize("NFKC"));
    const k = key(said);
    if (k.length < SHORTEST_COPY || QUANTITY.test(said)) continue;
    const first = seen.get(k);
    if (first && done(c) && !done(first)) {
      const shown = c.value.length > 30 ? `${c.value.slice(0, 30)}…` : c.value;
      return new LazyFinding("goal-copied", "warning", null, () => `${c.cell}：实际完成情况与 ${first.cell} 的年度目标逐字相同（“${shown}”）：只是照抄了目标，没有写出实际完成了什么`);
    }
    if (!seen.has(k)) seen.set(k, c);
  }
  return null;
}
