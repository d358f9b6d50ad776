import { toSimplified } from "../data/traditional";
/**
 * A worksheet region as plain data: what the Office.js and ExcelJS gateways read and what layout detection
 * reads. Rows and columns are 0-based inside the grid; `origin` is the sheet address of cells[0][0].
 */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** The value (a formula's cached result for formula cells). */
  v: CellValue;
  /** The formula, with its leading "=", when the cell holds one. */
  f?: string;
  /** Number format, when not General. */
  fmt?: string;
  /** Solid fill colour (ARGB, e.g. FFFFE699), when the cell has one. */
  fill?: string;
  /** The cell's note (comment) text, when it has one. */
  note?: string;
  /**
   * EVAL wrote this cell in an earlier write-back and the user has changed it since (see layout/undo.ts userView):
   * its content is the user's, but its place is EVAL's column, so a new plan keeps its columns here.
   */
  evalWrote?: boolean;
}

export interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Grid {
  sheet: string;
  /** 0-based sheet row/column of cells[0][0]. */
  origin: { row: number; col: number };
  cells: (GridCell | null)[][];
  merges: Merge[];
}

/**
 * A row with no cell of its own that cells merged down from above cover: their lower half (a table drawn on a grid finer
 * than its rows, as Word and PDF conversions leave it). Readers of consecutive lines pass over it; a blank row that no
 * merge covers still ends them.
 */
export function continuesAbove(grid: Grid, r: number): boolean {
  const row = grid.cells[r] ?? [];
  if (row.some((c) => c !== null && c !== undefined && c.v !== null && String(c.v).trim() !== "")) return false;
  return grid.merges.some((m) => m.r1 < r && m.r2 >= r);
}

/** `A1`-style address of a grid cell (0-based in the grid), in sheet coordinates. */
export function address(grid: Grid, row: number, col: number): string {
  return `${columnLetters(grid.origin.col + col)}${grid.origin.row + row + 1}`;
}

export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parse `B7` → 0-based {row, col}; null if not an address. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The grid's values with every merged area filled from its top-left cell (as a reader of the sheet sees it). */
export function filledValues(grid: Grid): CellValue[][] {
  const rows = grid.cells.length;
  let cols = 0;
  for (const r of grid.cells) if (r.length > cols) cols = r.length; // a loop: a spread of 130,000 rows overflows the stack
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < cols; c++) row.push(asTyped(grid.cells[r]?.[c]?.v ?? null));
    out.push(row);
  }
  for (const m of grid.merges) {
    const v = out[m.r1]?.[m.c1] ?? null;
    for (let r = m.r1; r <= m.r2 && r < rows; r++) {
      for (let c = m.c1; c <= m.c2 && c < cols; c++) {
        if (r !== m.r1 || c !== m.c1) out[r]![c] = v;
      }
    }
  }
  return out;
}

/**
 * A number stored as text (`10`, `３.５`: a system export, a pasted web table) as the number it is, so that the layout
 * sees a weight or a score where Excel shows one. Codes with a leading zero (`01`) and anything with a unit stay text.
 */
function asTyped(v: CellValue): CellValue {
  if (typeof v !== "string") return v;
  const t = foldWide(v);
  if (t.length > 24) return t;
  const s = t.trim();
  return NUMBER_TEXT.test(s) ? Number(s) : t;
}

/** Full-width digits and signs typed with a Chinese input method (５.５亩, １００％) as the figures they are. */
export function foldWide(s: string): string {
  return WIDE.test(s) ? s.replace(WIDE_ALL, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : s;
}

const WIDE = /[０-９]/;
const WIDE_ALL = /[０-９％．，＋－]/g;

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A cell's text as labels are matched: without spaces, traditional characters simplified (資金管理情況 is 资金管理情况). */
export function labelText(v: CellValue | undefined): string {
  // (A label's colon is no part of it: 执行准确性： is 执行准确性.)
  return v === null || v === undefined ? "" : toSimplified(String(v).replace(/\s+/g, "")).replace(/[:：]+$/, "");
}

/** Text of a value for header matching: no spaces or line breaks, full-width forms folded. */
export function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : String(v);
  return isFolded(s) ? s : s.normalize("NFKC").replace(/\s+/g, "");
}

/** Printable ASCII and CJK ideographs only: NFKC and space removal would change nothing. */
function isFolded(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/** Whether cell (r, c) lies in a merge below its first row: the merge's value carried down, not a cell of its own. */
export function mergedFromAbove(grid: Grid, r: number, c: number): boolean {
  return grid.merges.some((m) => r > m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}
