import type { Grid, GridCell } from "../../engine";
import { DEFAULT_LIMITS, LimitError, limitMessage, type ReadLimits } from "../limits";
import { gridFromSparse, type SparseCell } from "./cells";
import { nonOverlapping, mergeArea } from "./merges";
import { plainNumber } from "./text";

type XLSXModule = typeof import("@e965/xlsx");
let xlsxModule: Promise<XLSXModule> | null = null;
/** SheetJS (the current build, republished on npm as @e965/xlsx), loaded only when a non-.xlsx file comes. */
export function sheetjs(): Promise<XLSXModule> {
  xlsxModule ??= import("@e965/xlsx");
  return xlsxModule;
}

/** Stream names of an OLE compound file (Workbook, Book, WordDocument …); null when it is not one. */
export async function cfbStreams(data: Uint8Array): Promise<string[] | null> {
  const X = await sheetjs();
  try {
    const cfb = X.CFB.read(data, { type: "array" }) as { FullPaths: string[] };
    return cfb.FullPaths.map((p) => p.replace(/\/$/, "").split("/").pop() ?? "");
  } catch {
    return null;
  }
}

interface SheetCell {
  t: string;
  v?: unknown;
  w?: string;
  f?: string;
  z?: string | number;
  c?: { t?: string }[];
}

/**
 * Read a workbook with SheetJS: BIFF8/BIFF5 .xls and .et (bytes), SpreadsheetML 2003 and HTML (text), CSV
 * (text). `raw: true` keeps text as written ("96%", "=12个"); for text-only formats (HTML, CSV) a plain number
 * such as "10" becomes a number, as the same cell would be in an .xlsx.
 */
export async function readWithSheetjs(input: Uint8Array | string, file: string, kind: "binary" | "xlml" | "html" | "csv", limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  const X = await sheetjs();
  const opts = { raw: true, cellFormula: true, cellNF: true, cellDates: false, dense: true } as const;
  const wb = quietly(() => (typeof input === "string" ? X.read(input, { ...opts, type: "string" }) : X.read(input, { ...opts, type: "array" })));
  const textOnly = kind === "html" || kind === "csv";
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  if (wb.SheetNames.length > limits.sheets) throw new LimitError(limitMessage.sheets(file, wb.SheetNames.length, limits));
  let cells = 0;
  let merged = 0;
  let mergeCount = 0;
  const grids: Grid[] = [];
  for (const name of wb.SheetNames) {
    if (hidden.has(name)) continue;
    const ws = wb.Sheets[name] as unknown as { "!data"?: (SheetCell | undefined)[][]; "!merges"?: { s: { r: number; c: number }; e: { r: number; c: number } }[] };
    const present: SparseCell[] = [];
    (ws["!data"] ?? []).forEach((row, r) => {
      if (!row) return;
      row.forEach((c, col) => {
        if (!c) return;
        const g = toGridCell(c, textOnly);
        if (!g) return;
        if (++cells > limits.cells) throw new LimitError(limitMessage.cells(file, cells, limits));
        present.push({ row: r, col, cell: g });
      });
    });
    const merges = (ws["!merges"] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
    mergeCount += merges.length;
    if (mergeCount > limits.merges) throw new LimitError(limitMessage.merges(file, mergeCount, limits));
    for (const m of merges) if ((merged += mergeArea(m)) > limits.mergedCells) throw new LimitError(limitMessage.mergedCells(file, limits));
    grids.push(
      gridFromSparse(name, present, nonOverlapping(merges), limits.gridRows, limits.gridCols, (what, from, to) => {
        throw new LimitError(what === "rows" ? limitMessage.gridRows(file, name, from, to, limits) : limitMessage.gridCols(file, name, limits));
      }),
    );
  }
  return grids;
}

function toGridCell(c: SheetCell, textOnly: boolean): GridCell | null {
  let v: GridCell["v"] = null;
  switch (c.t) {
    case "n":
      v = typeof c.v === "number" ? c.v : Number(c.v);
      break;
    case "b":
      v = Boolean(c.v);
      break;
    case "e":
      v = c.w ?? "#N/A";
      break;
    case "d":
      v = c.v instanceof Date ? c.v.getTime() / 86400000 + 25569 : String(c.v ?? "");
      break;
    case "s":
    case "str":
      v = c.v === undefined || c.v === null ? null : String(c.v);
      if (typeof v === "string" && textOnly) v = plainNumber(v);
      if (v === "") v = null;
      break;
    default:
      v = null;
  }
  const f = c.f ? `=${c.f}` : undefined;
  const fmt = typeof c.z === "string" && c.z !== "General" ? c.z : undefined;
  const note = c.c?.map((x) => x.t ?? "").join("\n") || undefined;
  if (v === null && !f && !note) return null;
  return { v, ...(f ? { f } : {}), ...(fmt ? { fmt } : {}), ...(note ? { note } : {}) };
}

/**
 * SheetJS reading an .ods writes "ODS number format may be incorrect: value()=0" to the console for every conditional
 * number format it meets (LibreOffice saves one for each accounting format): a note to its own developers, not to a
 * reviewer. Those lines are held back while it reads; anything else it writes still goes out.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("ODS number format may be incorrect")) return;
    error(...args);
  };
  try {
    return read();
  } finally {
    console.error = error;
  }
}
