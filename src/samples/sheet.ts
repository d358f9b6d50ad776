import type ExcelJS from "exceljs";

/** Small helpers to lay out a sample sheet the way the seeds' tables are laid out. */
export type Row = (string | number | null)[];

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };

export function writeRows(ws: ExcelJS.Worksheet, startRow: number, rows: Row[], opts: { border?: boolean; bold?: boolean } = {}): number {
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = ws.getCell(startRow + i, j + 1);
      if (v !== null) cell.value = v;
      if (opts.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (opts.bold) cell.font = { bold: true };
      cell.alignment = { vertical: "middle", wrapText: true };
    });
  });
  return startRow + rows.length;
}

/** Merge runs of equal values down a column (一级/二级指标 as merged cells), leaving the value in the top cell. */
export function mergeDown(ws: ExcelJS.Worksheet, col: number, fromRow: number, toRow: number): void {
  let start = fromRow;
  for (let r = fromRow + 1; r <= toRow + 1; r++) {
    const prev = ws.getCell(r - 1, col).value;
    const cur = r <= toRow ? ws.getCell(r, col).value : Symbol("end");
    if (cur !== prev) {
      if (r - 1 > start) {
        for (let k = start + 1; k <= r - 1; k++) ws.getCell(k, col).value = null;
        ws.mergeCells(start, col, r - 1, col);
      }
      start = r;
    }
  }
}

export function widths(ws: ExcelJS.Worksheet, w: number[]): void {
  w.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}
