/**
 * The simulator's in-memory workbook: cells as Excel stores them (a typed "96%" is the number 0.96 with a
 * percent format; a typed date is a serial number), merges, notes, the selection. No Office.js here: host.ts
 * puts the Office.js object model on top of it.
 */
import { a1, columnLetters, parseArea, type Rect } from "../../../src/excel/address";

export type Scalar = string | number | boolean;

/** One cell as Excel stores it. `v` is "" for a blank cell (Range.values reports blanks as "", see host.ts). */
export interface SimCell {
  v: Scalar;
  /** The formula, with its "=", when the cell holds one (`v` is then its cached result). */
  f?: string;
  /** Number format; absent means "General". */
  fmt?: string;
  /** Fill colour "#RRGGBB", absent for no fill. */
  fill?: string;
  bold?: boolean;
  note?: string;
}

export class SimSheet {
  cells = new Map<string, SimCell>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  charts: { title?: string; position?: string }[] = [];
  constructor(public name: string) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }
  get(r: number, c: number): SimCell | undefined {
    return this.cells.get(this.key(r, c));
  }
  /** The cell at (r, c), created blank if needed. */
  at(r: number, c: number): SimCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { v: "" };
      this.cells.set(k, cell);
    }
    return cell;
  }
  /** By A1 address: `cell("B7")`. */
  cell(address: string): SimCell | undefined {
    const r = parseArea(address);
    return r ? this.get(r.r1, r.c1) : undefined;
  }

  /**
   * Worksheet.getUsedRange(valuesOnly): the smallest range holding every cell with a value (valuesOnly) or with
   * a value or formatting. Null when the sheet is blank.
   */
  used(valuesOnly: boolean): Rect | null {
    let box: Rect | null = null;
    for (const [k, c] of this.cells) {
      const hasValue = c.v !== "" || c.f !== undefined;
      const hasFormat = c.fmt !== undefined || c.fill !== undefined || c.bold !== undefined || c.note !== undefined;
      if (!(hasValue || (!valuesOnly && hasFormat))) continue;
      const [r, col] = k.split(",").map(Number) as [number, number];
      box = box ? { r1: Math.min(box.r1, r), c1: Math.min(box.c1, col), r2: Math.max(box.r2, r), c2: Math.max(box.c2, col) } : { r1: r, c1: col, r2: r, c2: col };
    }
    if (!valuesOnly) {
      for (const m of this.merges) box = box ? { r1: Math.min(box.r1, m.r1), c1: Math.min(box.c1, m.c1), r2: Math.max(box.r2, m.r2), c2: Math.max(box.c2, m.c2) } : { ...m };
    }
    return box;
  }
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain identifier. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Sheet1!C:H`, `Sheet1!2:4` or `Sheet1!B3:D9`, as Range.address reports them. */
export function addressOf(sheet: string, r: Rect, maxRows: number, maxCols: number): string {
  const wholeCols = r.r1 === 0 && r.r2 === maxRows - 1;
  const wholeRows = r.c1 === 0 && r.c2 === maxCols - 1;
  let a: string;
  if (wholeCols && !wholeRows) a = `${columnLetters(r.c1)}:${columnLetters(r.c2)}`;
  else if (wholeRows && !wholeCols) a = `${r.r1 + 1}:${r.r2 + 1}`;
  else a = a1(r);
  return `${sheetRef(sheet)}!${a}`;
}

/** Excel's serial number of a calendar date (1900 date system; serial 1 = 1900-01-01, with Excel's 1900-02-29). */
export function dateSerial(y: number, m: number, d: number): number {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days;
}

/**
 * What Excel stores when text is entered (typed, or set through Range.values / Range.formulas): "=…" is a
 * formula; a number stays a number; "96%" becomes 0.96 with a percent format; an ISO date becomes its serial
 * number with a date format; TRUE/FALSE become booleans; a leading apostrophe keeps the rest as text.
 * Sources: Range.values reference (office-js-docs-reference, excel.range.yml: "+", "-", "=" start a formula;
 * ISO dates are stored as dates, locale-shaped ones as text); "Work with dates" (office-js-docs-pr,
 * docs/excel/excel-add-ins-ranges-dates.md: dates are serial numbers); Microsoft Support "Format numbers as
 * percentages" (typing 10% stores 0.1 with a percent format).
 */
export function entered(text: Scalar, currentFormat?: string): { v: Scalar; f?: string; fmt?: string } {
  if (typeof text !== "string") return { v: text };
  if (text === "") return { v: "" };
  if (text.startsWith("'")) return { v: text.slice(1) };
  if (text.startsWith("=")) return { v: "", f: text };
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { v: Number(t) };
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/.exec(t);
  if (pct) {
    const decimals = (pct[1]!.split(".")[1] ?? "").length;
    const general = !currentFormat || currentFormat === "General";
    return { v: Number(pct[1]) / 100, ...(general ? { fmt: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" } : {}) };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return { v: dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])), ...(!currentFormat || currentFormat === "General" ? { fmt: "yyyy-mm-dd" } : {}) };
  if (/^(true|false)$/i.test(t)) return { v: t.toUpperCase() === "TRUE" };
  // "+abc" / "-abc" are taken as formulas (Range.values reference); Excel cannot evaluate them here.
  if (/^[+-]/.test(t)) return { v: "#NAME?", f: `=${t}` };
  return { v: text };
}
