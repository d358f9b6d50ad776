import { isDateFormat, parseAddress, type Grid, type GridCell } from "../../src/engine";
import { marshalArgument, isNotCalled, type Profile } from "../excel/simulator";
import { completionOfCells, deviationOf, scoreOf } from "../../src/functions/core";
import type { FnResult } from "../../src/functions/result";

/**
 * The EVAL formulas a write plan puts in cells, computed the way Excel computes them: each argument that names a
 * cell is passed as Excel passes it on the profile (marshalArgument: percent cells as fractions, dates as
 * serials, blanks as 0 on desktop and null on the web), string literals as strings, omitted arguments as null,
 * and CELL("format"|"type", ref) & "|" & … evaluated as Excel's CELL does (ECMA-376 §18.17.7.34).
 */
export function cellAt(grid: Grid, ref: string): GridCell | null {
  const a = parseAddress(ref);
  if (!a) throw new Error(`not a cell: ${ref}`);
  return grid.cells[a.row - grid.origin.row]?.[a.col - grid.origin.col] ?? null;
}

/** CELL("format", ref): G, F0/F2, ,0/,2, P0/P2…, D1–D9 (the codes of ECMA-376's table). */
export function cellFormat(cell: GridCell | null): string {
  const f = cell?.fmt ?? "General";
  if (f === "General" || f === "@") return "G";
  if (f.includes("%")) return `P${(/\.(0+)%/.exec(f)?.[1] ?? "").length}`;
  if (isDateFormat(f)) return "D4";
  const dec = (/\.(0+)/.exec(f)?.[1] ?? "").length;
  return `${f.includes(",") ? "," : "F"}${dec}`;
}

/** CELL("type", ref): b blank, l text, v anything else. */
export function cellType(cell: GridCell | null): string {
  if (!cell || cell.v === null || cell.v === "") return "b";
  return typeof cell.v === "string" ? "l" : "v";
}

/** Top-level arguments of `NAME(a,b,…)`, respecting quotes and parentheses. */
export function args(formula: string): { name: string; args: string[] } {
  const open = formula.indexOf("(");
  const name = formula.slice(0, open).replace(/^=/, "");
  const body = formula.slice(open + 1, formula.lastIndexOf(")"));
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return { name, args: out };
}

function value(grid: Grid, profile: Profile, arg: string): unknown {
  const a = arg.trim();
  if (a === "") return null;
  if (/^"[^"]*"$/.test(a)) return a.slice(1, -1);
  if (/^\$?[A-Z]{1,3}\$?\d+$/.test(a)) {
    const cell = cellAt(grid, a);
    const passed = marshalArgument(profile, cell ? { v: cell.v as string | number | boolean | null, ...(cell.fmt ? { fmt: cell.fmt } : {}) } : null, "scalar");
    if (isNotCalled(passed)) throw new Error(passed.notCalled);
    return passed;
  }
  // A concatenation of CELL(...) calls and string literals.
  return a.split("&").map((p) => {
    const part = p.trim();
    const m = /^CELL\("(format|type)",(\$?[A-Z]{1,3}\$?\d+)\)$/.exec(part);
    if (m) return m[1] === "format" ? cellFormat(cellAt(grid, m[2]!)) : cellType(cellAt(grid, m[2]!));
    if (/^"[^"]*"$/.test(part)) return part.slice(1, -1);
    throw new Error(`unexpected argument part: ${part}`);
  }).join("");
}

/** The result of one EVAL formula as Excel would compute it on the profile. */
export function computeFormula(grid: Grid, formula: string, profile: Profile): FnResult<number | string> {
  const { name, args: a } = args(formula);
  const v = a.map((x) => value(grid, profile, x)) as (string | number | null)[];
  switch (name) {
    case "EVAL.SCORE":
      return scoreOf(v[0], v[1], v[2], v[3] ?? null, v[4] ?? null, v[5] ?? null);
    case "EVAL.COMPLETION":
      return completionOfCells(v[0], v[1], v[2] ?? null);
    case "EVAL.DEVIATION":
      return deviationOf(v[0], v[1], v[2] ?? null);
    default:
      throw new Error(`not computed here: ${name}`);
  }
}
