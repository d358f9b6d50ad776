import { compare, directedCompletion, type CompareError } from "./compare";
import type { Measure } from "./types";

/**
 * Direction-aware completion rate (fraction): 正向 B/A; 反向 (≤ targets) A/B, an actual of 0 counting as 100%;
 * dates 100% when done on time, else 0; grades 达成 100%, 部分达成 80% (top of the middle tier), 未达成 0.
 * Blank or unreadable inputs give the comparison's error.
 */
export function completionOf(target: Measure, actual: Measure): { ok: true; value: number } | CompareError {
  const c = compare(target, actual);
  if (!c.ok) return c;
  if (c.kind === "quantity") return { ok: true, value: directedCompletion(c) };
  if (c.kind === "date") return { ok: true, value: c.met ? 1 : 0 };
  return { ok: true, value: c.grade === "met" ? 1 : c.grade === "partial" ? 0.8 : 0 };
}
