import { MET_WORDS, PARTIAL_WORDS, UNMET_WORDS } from "../data/grades";
import type { Grade } from "./types";

/**
 * Qualitative vocabulary (data/grades.ts). A text is read as a grade only when it contains one of these words;
 * any other text is unreadable (never guessed). Negations and partial words take precedence.
 */
export function readGrade(s: string): Grade | null {
  if (UNMET_WORDS.some((w) => s.includes(w))) return "unmet";
  if (PARTIAL_WORDS.some((w) => s.includes(w))) return "partial";
  if (MET_WORDS.some((w) => s.includes(w))) return "met";
  return null;
}

export const GRADE_NAMES: Record<Grade, string> = { met: "达成", partial: "部分达成", unmet: "未达成" };
