import type ExcelJS from "exceljs";
import type { WritePlan } from "../engine";

/**
 * Apply a write plan to an ExcelJS workbook in memory: values and formulas (with their cached results), number
 * formats, fills, notes, bold. A fill or note of null removes it. The same plan, undone (undoPlan), restores the
 * cells exactly.
 */
export function applyPlanToWorkbook(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`工作簿中没有工作表“${plan.sheet}”`);
  for (const w of plan.writes) {
    const cell = ws.getCell(w.row + 1, w.col + 1);
    // ExcelJS shares one style object among cells written alike; give this cell its own before changing it,
    // or a fill meant for one cell would colour every cell sharing the style.
    if (w.fill !== undefined || w.numFmt !== undefined || w.bold) cell.style = JSON.parse(JSON.stringify(cell.style ?? {}));
    if (w.formula !== undefined) {
      cell.value = { formula: w.formula.replace(/^=/, ""), result: (w.value ?? undefined) as ExcelJS.CellValue as never };
    } else if (w.value !== undefined) {
      cell.value = w.value as ExcelJS.CellValue;
    }
    if (w.numFmt !== undefined) cell.numFmt = w.numFmt;
    if (w.fill !== undefined) {
      if (w.fill === null) cell.style = { ...cell.style, fill: undefined as unknown as ExcelJS.Fill };
      else cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: w.fill } };
    }
    if (w.note !== undefined) {
      if (w.note === null) (cell as unknown as { note?: string }).note = undefined;
      else cell.note = w.note;
    }
    if (w.bold) cell.font = { ...(cell.font ?? {}), bold: true };
  }
}
