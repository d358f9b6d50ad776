import { MET_WORDS, PARTIAL_WORDS, UNMET_WORDS } from "../data/grades";
import { toSimplified } from "../data/traditional";
import type { Grade } from "./types";

/**
 * Qualitative vocabulary (data/grades.ts). A text is read as a grade only when it contains one of these words;
 * any other text is unreadable (never guessed). Negations and partial words take precedence.
 */
export function readGrade(written: string): Grade | null {
  const text = toSimplified(written);
  // A negation denied (不存在未能按时发放的情况, 未出现不合格): the denial says the thing was done.
  const s = withoutDenials(text);
  if (s !== text && !UNMET_WORDS.some((w) => s.includes(w)) && !PARTIAL_WORDS.some((w) => s.includes(w))) return "met";
  if (UNMET_WORDS.some((w) => s.includes(w))) return "unmet";
  if (PARTIAL_WORDS.some((w) => s.includes(w))) return "partial";
  if (MET_WORDS.some((w) => s.includes(w))) return "met";
  return null;
}

export const GRADE_NAMES: Record<Grade, string> = { met: "达成", partial: "部分达成", unmet: "未达成" };

/**
 * A denial of a negation, closed by what it denies (不存在未能按时发放的情况, 未出现不合格现象, 无未完成事项, 没有未按时发放的), or of
 * going over (未超预算, 未突破预算, 无超支): only
 * that span, never the rest of the clause (未出现拖欠但仍有部分补贴未按时发放 keeps its admission).
 */
const DENIED_NEGATION = /(?:未出现|未发生|没有出现|没有发生|不存在|未|没有|无|不|并未|杜绝|避免|防止)[^，,。；;但仍]{0,4}?(?:超支|(?:超出?|超过|突破)(?:年度)?(?:预算|标准|期限|时限|计划))(?:金额|范围)?(?:的)?(?:情况|现象|问题)?|(?:不存在|未出现|未发生|没有出现|杜绝)[^，,。；;但仍]{0,12}?(?:未|不|没有)[^，,。；;但仍]{0,12}?(?:的)?(?:情况|现象|问题|行为)|(?:无|没有|并无)(?:未|不)[^，,。；;但仍]{0,10}?(?:的)?(?:情况|现象|问题|事项|项目|人员)?(?=$|[，,。；;])/g;

/** The text with its denied negations taken out: what is left says whether anything was not done. */
export function withoutDenials(text: string): string {
  return text.replace(DENIED_NEGATION, "");
}
