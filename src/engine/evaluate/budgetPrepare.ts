import { figureBeforeGarble, readAmount, readPoints } from "../measure/number";
import type { BudgetInput, Finding } from "./types";

type Figure = BudgetInput["executed"];

/**
 * The block as the evaluator reads it, and what was done to get there (told as notes, never silently):
 * - a figure followed by replacement characters (4,764,453.11?: a page or file converted between encodings) is read as the
 *   figure;
 * - the block's 分值, 执行率 and 得分 written on its first 其中 row while the total row leaves all three blank (重庆's 部门整体
 *   form: 年度总金额 | 3,724,055.00 | … | (blank) above 其中:财政拨款 | … | 96.85 | 10.00 | 9.68) are the block's, where that
 *   row's amounts are the total row's.
 */
export function prepareBudget(b: BudgetInput): { input: BudgetInput; notes: Omit<Finding, "indicator">[] } {
  const notes: Omit<Finding, "indicator">[] = [];
  const garbled: string[] = [];
  const clean = <T extends Figure>(v: T): T | string => {
    if (typeof v !== "string") return v;
    const figure = figureBeforeGarble(v);
    if (figure === null) return v;
    if (!garbled.includes(v.trim())) garbled.push(v.trim());
    return figure;
  };
  const parts = Array.isArray(b.parts) ? b.parts.map((p) => (p && typeof p === "object" ? { ...p, initial: clean(p.initial), full_year: clean(p.full_year), executed: clean(p.executed), rate_as_written: clean(p.rate_as_written), weight: clean(p.weight), reported_score: clean(p.reported_score) } : p)) : b.parts;
  let input: BudgetInput = { ...b, initial: clean(b.initial), full_year: clean(b.full_year), executed: clean(b.executed), weight: clean(b.weight), rate_as_written: clean(b.rate_as_written), reported_score: clean(b.reported_score), ...(parts ? { parts } : {}) };
  if (garbled.length) {
    // A note: the figure read is a repair, and the reader says so; whether the file's figure was so is for the user to check.
    notes.push({ code: "budget-garbled", severity: "info", message: `预算执行：${garbled.slice(0, 3).map((g) => `“${g}”`).join("、")}${garbled.length > 3 ? ` 等 ${garbled.length} 处` : ""}的数字后有无法识别的字符（多为文字转换时丢失的字符），按其前面的数字读取：请核对原表` });
  }
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  const first = Array.isArray(input.parts) ? input.parts[0] : undefined;
  // The same amount read (3724055 and "3,724,055.00" are one figure); a blank is no amount, never the same as another blank.
  const same = (a: Figure, c: Figure) => {
    const x = readAmount(a);
    const y = readAmount(c);
    return x !== null && y !== null && Number.isFinite(x.value) && x.unit === y.unit && Math.abs(x.value - y.value) < 0.005;
  };
  // The budget the total row states: 全年 where it gives one, else 年初.
  const base = readAmount(input.full_year) !== null ? "full_year" : "initial";
  // (The part's score a figure: a dash or a slash there is the template's "not scored here".)
  const scored = (v: unknown) => (typeof v === "number" || typeof v === "string") && Number.isFinite(readPoints(v) ?? NaN);
  if (first && typeof first === "object" && blank(input.rate_as_written) && blank(input.reported_score) && readPoints(input.weight) === null && scored(first.reported_score) && same(first.executed, input.executed) && same(first[base], input[base])) {
    const { weight, reported_score, score_cell, rate_as_written, ...amounts } = first;
    input = { ...input, weight: weight ?? input.weight, rate_as_written: rate_as_written ?? null, reported_score, parts: [amounts, ...input.parts!.slice(1)] };
    notes.push({ code: "budget-scored-on-part", severity: "info", message: `${score_cell ? `${score_cell}：` : ""}预算执行的${weight !== null && weight !== undefined ? "分值、" : ""}执行率和得分写在“${first.label}”行（合计行空着，两行金额相同）：按该行复核` });
  }
  return { input, notes };
}
