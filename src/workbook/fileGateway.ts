import ExcelJS from "exceljs";
import type { Grid } from "../engine";
import type { WritePlan } from "../engine";
import type { Template } from "../engine";
import { readWorkbook, sheetToGrid } from "./read";
import { applyPlanToWorkbook } from "./apply";

/**
 * The pane's gateway over an .xlsx file in the browser (no Excel: WPS users, reviewers with files). The file
 * is loaded into memory; nothing is written back to it: the result is offered as a new file to download.
 */
export class FileGateway {
  readonly mode = "file" as const;
  private constructor(private workbook: ExcelJS.Workbook, readonly fileName: string) {}

  static async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<FileGateway> {
    const r = await readWorkbook(data, fileName);
    if (!r.ok) throw new Error(r.message);
    return new FileGateway(r.workbook, fileName);
  }

  /** Every visible sheet (the selection has no meaning for a file). */
  async read(): Promise<Grid[]> {
    const grids: Grid[] = [];
    this.workbook.eachSheet((ws) => {
      if (ws.state === "visible" || ws.state === undefined) grids.push(sheetToGrid(ws));
    });
    return grids;
  }

  async apply(plans: WritePlan[]): Promise<void> {
    for (const plan of plans) applyPlanToWorkbook(this.workbook, plan);
  }

  async select(): Promise<void> {
    // Nothing to select in a file; the pane highlights the finding instead.
  }

  /** A summary sheet of values (ExcelJS cannot create charts; Excel draws one when the pane runs inside it). */
  async addSummary(name: string, rows: (string | number)[][]): Promise<void> {
    const old = this.workbook.getWorksheet(name);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
    ws.getRow(1).font = { bold: true };
    ws.getColumn(4).numFmt = "0.00%";
  }

  /** Formulas written by the plan become their cached values. */
  async freeze(plans: WritePlan[]): Promise<number> {
    let n = 0;
    for (const plan of plans) n += this.freezeOne(plan);
    return n;
  }

  private freezeOne(plan: WritePlan): number {
    const ws = this.workbook.getWorksheet(plan.sheet);
    if (!ws) return 0;
    let n = 0;
    for (const w of plan.writes) {
      if (!w.formula) continue;
      const cell = ws.getCell(w.row + 1, w.col + 1);
      const v = cell.value as { result?: ExcelJS.CellValue } | null;
      cell.value = v && typeof v === "object" && "result" in v ? (v.result ?? null) : (w.value as ExcelJS.CellValue);
      n++;
    }
    return n;
  }

  async insertTemplate(t: Template): Promise<void> {
    let name = t.name;
    for (let i = 2; this.workbook.getWorksheet(name); i++) name = `${t.name}${i}`;
    const ws = this.workbook.addWorksheet(name);
    t.rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    for (const m of t.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
    t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }

  /** The scored workbook as a new file: `<name>.scored.xlsx`. */
  async download(): Promise<{ name: string; data: Uint8Array }> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return { name: this.fileName.replace(/\.[^.]+$/, "") + ".scored.xlsx", data: new Uint8Array(buf as ArrayBuffer) };
  }
}
