import ExcelJS from "exceljs";
import type { CellValue, Grid, GridCell, Merge } from "../engine/layout/grid";
import { parseAddress } from "../engine/layout/grid";

export type ReadResult = { ok: true; workbook: ExcelJS.Workbook; grids: Grid[] } | { ok: false; message: string };

/**
 * Load an .xlsx (from Excel, WPS or ExcelJS) and read every worksheet into a grid. A file that cannot be
 * read is an error naming the file, never an exception (ExcelJS throws on some files; see toolchain.md).
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, name: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    return { ok: false, message: `无法读取工作簿“${name}”：${(e as Error).message || "不是有效的 .xlsx 文件"}（请用 Excel 或 WPS 另存为 .xlsx 后重试）` };
  }
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => {
    if (ws.state === "visible" || ws.state === undefined) grids.push(sheetToGrid(ws));
  });
  return { ok: true, workbook, grids };
}

/** One worksheet as a grid from A1: values (formula results), formulas, merges, formats, fills, notes. */
export function sheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const cells: (GridCell | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: (GridCell | null)[] = [];
    const wsRow = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = wsRow.getCell(c);
      row.push(toGridCell(cell));
    }
    cells.push(row);
  }
  const merges: Merge[] = [];
  for (const range of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
    const [a, b] = range.split(":");
    const p = parseAddress(a ?? "");
    const q = parseAddress(b ?? a ?? "");
    if (p && q) merges.push({ r1: p.row, c1: p.col, r2: q.row, c2: q.col });
  }
  return { sheet: ws.name, origin: { row: 0, col: 0 }, cells, merges };
}

function toGridCell(cell: ExcelJS.Cell): GridCell | null {
  if (cell.isMerged && cell.master.address !== cell.address) {
    const fill = fillOf(cell);
    return fill ? { v: null, fill } : null;
  }
  const raw = cell.value;
  let v: CellValue = null;
  let f: string | undefined;
  let fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  if (raw instanceof Date) {
    v = toSerial(raw);
    fmt = fmt ?? "yyyy-mm-dd";
  } else if (raw !== null && typeof raw === "object") {
    const o = raw as unknown as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      f = `=${String(o.formula ?? o.sharedFormula ?? "")}`;
      const res = o.result;
      v = res instanceof Date ? toSerial(res) : typeof res === "object" && res !== null ? ("error" in (res as object) ? String((res as { error: string }).error) : null) : ((res as CellValue | undefined) ?? null);
    } else if ("richText" in o) {
      v = (o.richText as { text: string }[]).map((t) => t.text).join("");
    } else if ("text" in o) {
      v = String(o.text);
    } else if ("error" in o) {
      v = String(o.error);
    }
  } else {
    v = (raw as CellValue | undefined) ?? null;
  }
  const fill = fillOf(cell);
  const note = noteOf(cell);
  if (v === null && !f && !fill && !note) return null;
  return { v, ...(f ? { f } : {}), ...(fmt ? { fmt } : {}), ...(fill ? { fill } : {}), ...(note ? { note } : {}) };
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") return fill.fgColor?.argb;
  return undefined;
}

function noteOf(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (!n) return undefined;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join("") : undefined;
}

/** A JavaScript date as an Excel serial (1900 date system, as Excel and WPS write). */
export function toSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}
