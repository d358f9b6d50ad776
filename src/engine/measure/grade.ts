import type { Grade } from "./types";

/**
 * Qualitative vocabulary. A text is read as a grade only when it contains one of these words; any
 * other text is unreadable (never guessed). Negations and partial words take precedence.
 */
const UNMET = ["未达成", "未达到", "未完成", "未实现", "没有达到", "不达标", "不符合", "不合规", "不满足", "较差", "程度较低", "不健全", "不规范", "不充分", "不合理", "不明确", "无效", "否"];
const PARTIAL = ["部分达成", "部分达到", "部分完成", "部分实现", "部分符合", "部分满足", "一定效果", "基本符合", "较好", "一般", "部分"];
const MET = [
  "达成", "达到", "完成", "实现", "有效", "显著", "明显", "提升", "提高", "增强", "保障", "改善", "充分", "规范",
  "合理", "明确", "科学", "合规", "健全", "良好", "符合", "满足", "齐全", "及时", "准确", "稳定", "优化", "加强",
  "促进", "持续", "落实", "到位", "降低", "减轻", "扩大", "完善", "是", "好", "优", "高",
];

/** Grade of a qualitative text, or null when the text holds no grade word. */
export function readGrade(s: string): Grade | null {
  if (UNMET.some((w) => s.includes(w))) return "unmet";
  if (PARTIAL.some((w) => s.includes(w))) return "partial";
  if (MET.some((w) => s.includes(w))) return "met";
  return null;
}

export const GRADE_NAMES: Record<Grade, string> = { met: "达成", partial: "部分达成", unmet: "未达成" };
