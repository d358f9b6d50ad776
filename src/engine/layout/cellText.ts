import { dateFromSerial } from "../measure/date";
import { foldWide, type CellValue, type GridCell } from "./grid";
import { readPoints } from "../measure/number";

/**
 * A cell as the engine reads it: text as written; a number formatted as a percentage becomes `95%`; a number
 * formatted as a date becomes `2024年12月10日`; other numbers stay numbers. Blank → null.
 */
export function cellForEngine(cell: GridCell | null | undefined): string | number | null {
  if (!cell || cell.v === null || cell.v === "") return null;
  const v = cell.v;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "string") return v.trim() === "" ? null : foldWide(v.trim());
  const fmt = cell.fmt ?? "";
  if (fmt.includes("%")) {
    // As stored, padded to the decimals the format shows (0.31 under 0.00% is 31.00% as the sheet shows it: a rate
    // written to the hundredth); never rounded to them, so that a computed 0.3108108 keeps its digits.
    const shown = Math.round(v * 1e8) / 1e6;
    const places = /0\.(0+)%/.exec(fmt)?.[1]?.length ?? 0;
    const own = String(shown).split(".")[1]?.length ?? 0;
    return `${own >= places || !Number.isFinite(shown) || /e/i.test(String(shown)) ? String(shown) : shown.toFixed(places)}%`;
  }
  if (isDateFormat(fmt) && v > 0 && v < 2958466) return dateFromSerial(v, String(v)).shown;
  return v;
}

/** Excel date formats mention days/months/years outside quoted text and are not elapsed-time-only. */
export function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").toLowerCase();
  return /[dy]/.test(f) || /m{1,4}[/\-.年月]/.test(f) || /年|月|日/.test(fmt);
}

/** Points (a weight, a score) from a cell holding a number or a text number (`10`, `10分`); null when neither. */
export function numberOf(cell: GridCell | null | undefined): number | null {
  if (!cell || cell.v === null || typeof cell.v === "boolean") return null;
  const n = readPoints(cell.v);
  return n === null || Number.isNaN(n) ? null : n;
}

/** An amount from a cell as written (`300万元`, `1,234.50`, 89.974): the text is kept so that its unit is read. */
export function amountOf(cell: GridCell | null | undefined): string | number | null {
  if (!cell || cell.v === null || typeof cell.v === "boolean") return null;
  return typeof cell.v === "string" && cell.v.trim() === "" ? null : cell.v;
}

/** A number, or points written as text (`10`, `10分`, `9.5 分`): numberOf for a value already read; null otherwise. */
export function pointsOf(v: CellValue | undefined): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const n = readPoints(v);
  return n === null || Number.isNaN(n) ? null : n;
}
