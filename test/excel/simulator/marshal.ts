/**
 * What a custom function receives for an argument that refers to cells, on each profile.
 *
 * Excel passes a cell's stored value, never its display: a cell showing "96%" holds 0.96 (the percent format is
 * only how it is shown), a date cell holds its serial number (45616 for 2024-11-20; "Work with dates",
 * office-js-docs-pr docs/excel/excel-add-ins-ranges-dates.md), and a number stored as text arrives as that text.
 * Blank cells differ by platform and by parameter kind:
 *   - a scalar parameter given a blank cell receives 0 on Windows and Mac desktop and null on the web
 *     (OfficeDev/office-js issue 4702, "its value is 0 in desktop and null in office web");
 *   - a matrix (range) parameter receives 0 for blank cells (issue 1951, reported on Excel on the web for a
 *     repeating matrix argument; issue 5262, a matrix `any` parameter), on both profiles here.
 * An omitted optional argument is null ("Custom functions parameter options", docs/excel/custom-functions-parameter-options.md).
 * An error cell is not passed at all unless the metadata sets allowErrorForDataTypeAny: the function is not
 * called and the formula shows the error ("Handle and return errors from your custom function",
 * docs/excel/custom-functions-errors.md, "Errors as custom function inputs").
 */
import type { Profile } from "./host";
import type { Scalar } from "./model";

/** A cell as the sheet holds it (`null` = blank). `fmt` does not change what is passed; it is kept for callers. */
export type ArgCell = { v: Scalar | null; fmt?: string } | null;

export type ParamKind = "scalar" | "range";

/** The function is not called: Excel shows this error in the formula's cell. */
export interface NotCalled {
  notCalled: string;
}

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!", "#CONNECT!", "#BLOCKED!", "#FIELD!", "#UNKNOWN!"]);

export function isNotCalled(x: unknown): x is NotCalled {
  return typeof x === "object" && x !== null && "notCalled" in x;
}

function blank(cell: ArgCell): boolean {
  return cell === null || cell.v === null || cell.v === "";
}

function one(profile: Profile, cell: ArgCell, kind: ParamKind): Scalar | null {
  if (blank(cell)) return kind === "range" ? 0 : profile === "web" ? null : 0;
  return cell!.v as Scalar;
}

/**
 * What the function receives: for a scalar parameter, the value; for a range parameter, a 2-D array (a single
 * cell passed to a range parameter is [[value]]). `allowErrors`: the metadata's allowErrorForDataTypeAny.
 */
export function marshalArgument(profile: Profile, cell: ArgCell, kind: "scalar", allowErrors?: boolean): Scalar | null | NotCalled;
export function marshalArgument(profile: Profile, cells: ArgCell | ArgCell[][], kind: "range", allowErrors?: boolean): (Scalar | null)[][] | NotCalled;
export function marshalArgument(profile: Profile, cells: ArgCell | ArgCell[][], kind: ParamKind, allowErrors = false): Scalar | null | (Scalar | null)[][] | NotCalled {
  const grid: ArgCell[][] = Array.isArray(cells) ? cells : [[cells]];
  if (!allowErrors) {
    for (const row of grid) for (const c of row) if (c && typeof c.v === "string" && ERROR_VALUES.has(c.v)) return { notCalled: c.v };
  }
  if (kind === "scalar") {
    if (Array.isArray(cells)) throw new Error("a scalar parameter takes one cell");
    return one(profile, cells, "scalar");
  }
  return grid.map((row) => row.map((c) => one(profile, c, "range")));
}

/** An omitted optional argument. */
export const OMITTED = null;
