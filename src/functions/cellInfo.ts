import { dateFromSerial } from "../engine";
import type { Cell } from "./result";

/**
 * Excel passes a cell's value to a custom function, not what the cell shows: `96%` arrives as 0.96, a date as
 * its serial (45616), and a blank cell as 0 on Windows and Mac but null on the web (office-js #4702; in ranges
 * as 0, #1951). The formulas EVAL writes therefore carry each input cell's number format and type as a last
 * argument, computed by Excel itself:
 *
 *   CELL("format",C2)&"|"&CELL("format",D2)&"|"&CELL("type",D2)   → e.g. "G|P0|v", "G|G|b"
 *
 * CELL("format") gives "P0"/"P2" for percent formats and "D1"–"D5" for dates; CELL("type") gives "b" for a blank
 * cell (ECMA-376 Part 1 §18.17.7.34; MS-OI29500 2.1.896: the English category strings work in every locale).
 * Because CELL depends on the cell, the formula recalculates when the user types a new value there. A
 * hand-typed call without this argument reads numbers as they arrive (a user can write "96%" as text).
 */
export interface CellInfo {
  targetFormat: string;
  actualFormat: string;
  actualBlank: boolean;
}

/** The info argument as EVAL writes it, or null when absent or not in that form. */
export function readCellInfo(v: Cell): CellInfo | null {
  if (typeof v !== "string" || v.length > 40) return null;
  const parts = v.split("|");
  if (parts.length !== 3) return null;
  return { targetFormat: parts[0]!.trim().toUpperCase(), actualFormat: parts[1]!.trim().toUpperCase(), actualBlank: parts[2]!.trim().toLowerCase() === "b" };
}

/** A number shown by the cell's format: 0.96 with P0 → "96%"; 45616 with D1 → "2024年11月20日". */
function asShown(v: Cell, format: string): Cell {
  if (typeof v !== "number" || !Number.isFinite(v)) return v;
  if (format.startsWith("P")) return `${Number((v * 100).toPrecision(12))}%`;
  if (/^D[1-5]/.test(format) && v > 0 && v < 2958466) return dateFromSerial(v, String(v)).shown;
  return v;
}

/** Target and actual as the sheet shows them, given the cell info (unchanged without it). */
export function shownInputs(target: Cell, actual: Cell, info: Cell): { target: Cell; actual: Cell } {
  const i = readCellInfo(info);
  if (!i) return { target, actual };
  return { target: asShown(target, i.targetFormat), actual: i.actualBlank ? null : asShown(actual, i.actualFormat) };
}
