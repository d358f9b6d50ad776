import type { CellWrite, GridCell, WritePlan } from "../engine";
import { columnLetters, jsonBytes, utf8Length } from "./address";

/** One Office.js range write: a vertical run of cells in one column with values/formulas, or a format change. */
export interface RangeOp {
  sheet: string;
  address: string;
  /** Formulas EVAL composed (from cell addresses and its own function names), one row per cell. */
  formulas?: (string | number | boolean)[][];
  /**
   * Values, one row per cell: every text goes here, never through `formulas`, with an apostrophe where Excel would
   * otherwise read it as a formula, number, date or boolean (textForExcel).
   */
  values?: (string | number | boolean)[][];
  numberFormat?: string[][];
  fill?: string | null;
  /** true sets bold, false takes it away (a restore). */
  bold?: boolean;
  note?: string | null;
  /** Estimated request size in UTF-8 bytes (values plus per-command overhead), for chunking under 5 MB. */
  bytes: number;
}

/*
 * Request overhead per command, in bytes. Office.js sends each sync as one JSON message of object paths
 * (worksheet → range → format → fill …, each with an id, a type, a name and its arguments) and actions (each
 * with an id, a type, a name, the object path id and its arguments). Measured on the test simulator's
 * rendering of that message, a path is about 110 bytes and an action about 90; these estimates are set
 * higher so that a chunk sized by them stays under the limit in Excel too.
 */
export const PATH_BYTES = 160;
export const ACTION_BYTES = 128;
/** The most one range write carries, so that any chunk limit above it can be met. */
export const RUN_BYTES = 1_000_000;

/**
 * A text value that Excel would turn into something else when it is written through `values`/`formulas`
 * (a number, a percent, a date, a boolean, or a formula for a leading "=", "+" or "-") gets an apostrophe, which
 * Excel does not store: the cell keeps the text the plan wrote. Range.values reference: "If the returned value
 * starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."
 */
export function textForExcel(s: string): string {
  if (s === "") return s;
  if (/^[=+\-@'#(.$¥￥€£0-9０-９]/.test(s) || /^\s/.test(s) || /^(true|false)$/i.test(s.trim()) || /^\d{1,4}[年月/-]/.test(s)) return `'${s}`;
  return s;
}

function formulaOf(w: CellWrite): string | number | boolean {
  if (w.formula !== undefined) return `=${w.formula.replace(/^=/, "")}`;
  const v = w.value as GridCell["v"];
  if (v === null) return "";
  return typeof v === "string" ? textForExcel(v) : v;
}

function addr(w: CellWrite): string {
  return `${columnLetters(w.col)}${w.row + 1}`;
}

/**
 * Turn a plan into as few range writes as its shape allows: cells with values in the same column and
 * consecutive rows become one range; fills, bold and notes are per cell. Pure, so it is tested without Excel.
 */
export function planToOps(plan: WritePlan): RangeOp[] {
  const ops: RangeOp[] = [];
  const valued = plan.writes.filter((w) => w.value !== undefined || w.formula !== undefined).sort((a, b) => a.col - b.col || a.row - b.row);
  const sheetBytes = utf8Length(plan.sheet);
  let run: CellWrite[] = [];
  let runBytes = 0;
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const cells = run.map((w) => [formulaOf(w)]);
    const isFormula = first.formula !== undefined;
    const hasFormat = run.some((w) => w.numFmt !== undefined);
    const numberFormat = hasFormat ? run.map((w) => [w.numFmt ?? "General"]) : undefined;
    const address = run.length === 1 ? addr(first) : `${addr(first)}:${addr(last)}`;
    // worksheet + range paths, one action per property set, and the arrays themselves
    const bytes = 2 * PATH_BYTES + sheetBytes + address.length + ACTION_BYTES + jsonBytes(cells) + (numberFormat ? ACTION_BYTES + jsonBytes(numberFormat) : 0);
    ops.push({ sheet: plan.sheet, address, ...(isFormula ? { formulas: cells } : { values: cells }), ...(numberFormat ? { numberFormat } : {}), bytes });
    run = [];
    runBytes = 0;
  };
  for (const w of valued) {
    const prev = run[run.length - 1];
    const size = jsonBytes(formulaOf(w)) + (w.numFmt ? utf8Length(w.numFmt) : 9) + 8;
    // A run stops at a gap, at a new column, between formulas and values, or at RUN_BYTES, so that no single write
    // outgrows a request and no value goes through `formulas`.
    if (prev && (prev.col !== w.col || prev.row + 1 !== w.row || (prev.formula === undefined) !== (w.formula === undefined) || runBytes + size > RUN_BYTES)) flush();
    run.push(w);
    runBytes += size;
  }
  flush();
  for (const w of plan.writes) {
    // Clearing a fill the cell never had is no change: not sent (20,000 of them on a large table).
    const fill = w.fill === null && !w.before.fill ? undefined : w.fill;
    const note = w.note === null && !w.before.note ? undefined : w.note;
    if (fill === undefined && w.bold === undefined && note === undefined) continue;
    const address = addr(w);
    let bytes = PATH_BYTES + address.length;
    if (fill !== undefined) bytes += 2 * PATH_BYTES + ACTION_BYTES + 12; // format → fill, set color / clear()
    if (w.bold !== undefined) bytes += 2 * PATH_BYTES + ACTION_BYTES; // format → font, set bold
    // notes → getItemOrNullObject(address).delete() [→ add(address, text)]
    if (note !== undefined) bytes += 2 * PATH_BYTES + 2 * ACTION_BYTES + 2 * address.length + (note === null ? 0 : jsonBytes(note) + ACTION_BYTES);
    ops.push({ sheet: plan.sheet, address, ...(fill !== undefined ? { fill } : {}), ...(w.bold !== undefined ? { bold: w.bold } : {}), ...(note !== undefined ? { note } : {}), bytes });
  }
  return ops;
}

/** Split ops into chunks whose requests stay under `limit` UTF-8 bytes (Excel on the web rejects requests over 5 MB). */
export function chunkOps(ops: RangeOp[], limit = 4_000_000): RangeOp[][] {
  const chunks: RangeOp[][] = [];
  let cur: RangeOp[] = [];
  let size = 0;
  for (const op of ops) {
    if (cur.length > 0 && size + op.bytes > limit) {
      chunks.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(op);
    size += op.bytes;
  }
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}

/** ARGB (FFFFE699) → CSS (#FFE699) for Office.js fills. */
export function cssColor(argb: string): string {
  return `#${argb.slice(-6)}`;
}
