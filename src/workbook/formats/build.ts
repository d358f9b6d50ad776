import ExcelJS from "exceljs";
import type { Grid } from "../../engine";
import { mergeLinear } from "./merges";

/** A name Excel accepts for a sheet: no []:*?/\, at most 31 characters, unique in the workbook. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet").trim() || "Sheet";
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/**
 * An ExcelJS workbook holding the grids read from a non-.xlsx input (values, formulas with their results, number
 * formats, fills, notes, merges), so that its scored copy is a new .xlsx. The grids' sheet names are updated
 * when Excel would not accept them, so that write plans find their sheet.
 */
export function gridsToWorkbook(grids: Grid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const g of grids) {
    g.sheet = safeSheetName(g.sheet, taken);
    const ws = wb.addWorksheet(g.sheet);
    g.cells.forEach((row, r) => {
      row.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(g.origin.row + r + 1, g.origin.col + col + 1);
        if (c.f) cell.value = { formula: c.f.replace(/^=/, ""), result: (c.v ?? undefined) as never };
        else if (c.v !== null) cell.value = c.v;
        if (c.fmt) cell.numFmt = c.fmt;
        if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
        if (c.note) cell.note = c.note;
      });
    });
    mergeLinear(
      ws,
      g.merges.map((m) => ({ r1: m.r1 + g.origin.row, c1: m.c1 + g.origin.col, r2: m.r2 + g.origin.row, c2: m.c2 + g.origin.col })),
    );
  }
  return wb;
}
