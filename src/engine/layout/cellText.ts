import { dateFromSerial } from "../measure/date";
import type { GridCell } from "./grid";

/**
 * A cell as the engine reads it: text as written; a number formatted as a percentage becomes `95%`; a number
 * formatted as a date becomes `2024年12月10日`; other numbers stay numbers. Blank → null.
 */
export function cellForEngine(cell: GridCell | null | undefined): string | number | null {
  if (!cell || cell.v === null || cell.v === "") return null;
  const v = cell.v;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  const fmt = cell.fmt ?? "";
  if (fmt.includes("%")) return `${Math.round(v * 1e8) / 1e6}%`;
  if (isDateFormat(fmt) && v > 0 && v < 2958466) return dateFromSerial(v, String(v)).shown;
  return v;
}

/** Excel date formats mention days/months/years outside quoted text and are not elapsed-time-only. */
export function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").toLowerCase();
  return /[dy]/.test(f) || /m{1,4}[/\-.年月]/.test(f) || /年|月|日/.test(fmt);
}

/** A plain number from a cell holding a number or a text number (`10`, `10分`, `84.82分`); null when neither. */
export function numberOf(cell: GridCell | null | undefined): number | null {
  if (!cell || cell.v === null) return null;
  if (typeof cell.v === "number") return cell.v;
  if (typeof cell.v !== "string") return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:分|万元|元)?\s*$/.exec(cell.v.normalize("NFKC").replace(/,/g, ""));
  return m ? Number(m[1]) : null;
}
