import type { CellValue } from "../engine";
import { columnLetters } from "../engine";
import type { CellWrite, WritePlan } from "../engine";

/** One Office.js range write: a vertical run of cells in one column with values/formulas, or a format change. */
export interface RangeOp {
  sheet: string;
  address: string;
  /** Formulas or values, one row per cell (Office.js accepts values in `formulas`). */
  formulas?: (string | number | boolean)[][];
  numberFormat?: string[][];
  fill?: string | null;
  bold?: boolean;
  note?: string | null;
  /** Approximate request size in bytes, for chunking under Excel on the web's 5 MB limit. */
  bytes: number;
}

function formulaOf(w: CellWrite): string | number | boolean {
  if (w.formula !== undefined) return `=${w.formula.replace(/^=/, "")}`;
  const v = w.value as CellValue;
  return v === null ? "" : v;
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
  let run: CellWrite[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const formulas = run.map((w) => [formulaOf(w)]);
    const hasFormat = run.some((w) => w.numFmt !== undefined);
    const numberFormat = hasFormat ? run.map((w) => [w.numFmt ?? "General"]) : undefined;
    const bytes = JSON.stringify(formulas).length + (numberFormat ? JSON.stringify(numberFormat).length : 0) + 64;
    ops.push({ sheet: plan.sheet, address: run.length === 1 ? addr(first) : `${addr(first)}:${addr(last)}`, formulas, ...(numberFormat ? { numberFormat } : {}), bytes });
    run = [];
  };
  for (const w of valued) {
    const prev = run[run.length - 1];
    if (prev && (prev.col !== w.col || prev.row + 1 !== w.row)) flush();
    run.push(w);
  }
  flush();
  for (const w of plan.writes) {
    // Clearing a fill the cell never had is no change: not sent (20,000 of them on a large table).
    const fill = w.fill === null && !w.before.fill ? undefined : w.fill;
    const note = w.note === null && !w.before.note ? undefined : w.note;
    if (fill === undefined && !w.bold && note === undefined) continue;
    ops.push({
      sheet: plan.sheet,
      address: addr(w),
      ...(fill !== undefined ? { fill } : {}),
      ...(w.bold ? { bold: true } : {}),
      ...(note !== undefined ? { note } : {}),
      bytes: 96 + (note?.length ?? 0) * 3,
    });
  }
  return ops;
}

/** Split ops into chunks whose requests stay under `limit` bytes (Excel on the web rejects requests over 5 MB). */
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
