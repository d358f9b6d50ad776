import ExcelJS from "exceljs";
import type { CellState, Grid, HeldCell, UndoRecord } from "../engine";
import type { WritePlan } from "../engine";
import type { Template } from "../engine";
import { cellsToRead, decideUndo, decideWrite, decodeRecord, emptyRecord, encodeRecord, freeSheetName, parseAddress, userView } from "../engine";
import { readWorkbook, sheetToGrid } from "./read";
import { applyPlanToWorkbook, cellState } from "./apply";

/** A1 of EVAL's record sheet says this; the record's text follows in A2, A3 … (at most RECORD_CELL characters each). */
export const RECORD_MARK = "EVAL undo record v1";
const RECORD_SHEET = "EVAL撤销记录";
/** Excel keeps at most 32,767 characters in a cell. */
const RECORD_CELL = 32_000;

export type { UndoReport, WriteReport } from "../taskpane/gateway";
import type { UndoReport, WriteReport } from "../taskpane/gateway";

/**
 * The pane's gateway over an .xlsx file in the browser (no Excel: WPS users, reviewers with files). The file
 * is loaded into memory; nothing is written back to it: the result is offered as a new file to download.
 *
 * EVAL's undo record lives inside the file, in a very hidden sheet (state "veryHidden": not listed by Excel or WPS,
 * not read by the pane) marked RECORD_MARK in A1, so that a scored copy opened again can still be undone. The
 * sheet is removed when the record empties (after 撤销), so the file is then the original, sheet by sheet.
 */
export class FileGateway {
  readonly mode = "file" as const;
  private constructor(private workbook: ExcelJS.Workbook, readonly fileName: string) {}

  static async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<FileGateway> {
    const r = await readWorkbook(data, fileName);
    if (!r.ok) throw new Error(r.message);
    return new FileGateway(await r.workbook(), fileName);
  }

  /** Every visible sheet (the selection has no meaning for a file), EVAL's own cells shown as the user had them. */
  async read(): Promise<Grid[]> {
    const grids: Grid[] = [];
    const record = this.record();
    this.workbook.eachSheet((ws) => {
      if (ws.state === "visible" || ws.state === undefined) grids.push(userView(sheetToGrid(ws), record));
    });
    return grids;
  }

  /**
   * Write plans without losing the user's work: every cell is read first; a cell holding the user's content is
   * left alone (listed in `held`); EVAL's cells from an earlier write-back are updated in place; the record is
   * saved before the first cell is written.
   */
  async apply(plans: WritePlan[]): Promise<WriteReport> {
    const old = this.record() ?? emptyRecord();
    const d = decideWrite(plans, old, (sheet, a) => this.state(sheet, a), true);
    this.saveRecord(d.record);
    for (const plan of d.plans) applyPlanToWorkbook(this.workbook, plan);
    return { written: d.plans.reduce((n, p) => n + p.writes.length, 0), held: d.held };
  }

  /** 撤销 from the record in the file: restores EVAL's cells still as EVAL left them, keeps and lists the user's edits, removes EVAL's sheets. */
  async undo(): Promise<UndoReport> {
    const record = this.record();
    if (!record) return { restored: 0, kept: [], sheetsRemoved: [] };
    const gone = new Set([...cellsToRead([], record).keys()].filter((s) => !this.workbook.getWorksheet(s)));
    const d = decideUndo({ ...record, cells: record.cells.filter((c) => !gone.has(c.s)) }, (sheet, a) => this.state(sheet, a), true);
    for (const plan of d.plans) applyPlanToWorkbook(this.workbook, plan);
    const removed: string[] = [];
    for (const name of d.sheets) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) {
        this.workbook.removeWorksheet(ws.id);
        removed.push(name);
      }
    }
    this.saveRecord(emptyRecord());
    const lost = record.cells.filter((c) => gone.has(c.s)).map((c): HeldCell => ({ sheet: c.s, address: c.a, now: "（工作表已不存在）", reason: "edited" }));
    return { restored: d.restored, kept: [...d.kept, ...lost], sheetsRemoved: removed };
  }

  /** What the file's record holds (null: nothing to undo). */
  async undoState(): Promise<{ cells: number; sheets: number } | null> {
    const r = this.record();
    return r && (r.cells.length > 0 || r.sheets.length > 0) ? { cells: r.cells.length, sheets: r.sheets.length } : null;
  }

  private state(sheet: string, a: string): CellState {
    const ws = this.workbook.getWorksheet(sheet);
    const p = parseAddress(a);
    if (!ws || !p) return { v: null };
    return cellState(ws.getCell(p.row + 1, p.col + 1));
  }

  private recordSheet(): ExcelJS.Worksheet | undefined {
    let found: ExcelJS.Worksheet | undefined;
    this.workbook.eachSheet((ws) => {
      if (!found && ws.state === "veryHidden" && ws.getCell(1, 1).value === RECORD_MARK) found = ws;
    });
    return found;
  }

  private record(): UndoRecord | null {
    const ws = this.recordSheet();
    if (!ws) return null;
    let text = "";
    for (let r = 2; ; r++) {
      const v = ws.getCell(r, 1).value;
      if (typeof v !== "string") break;
      text += v;
    }
    return decodeRecord(text);
  }

  private saveRecord(record: UndoRecord): void {
    const old = this.recordSheet();
    if (old) this.workbook.removeWorksheet(old.id);
    if (record.cells.length === 0 && record.sheets.length === 0) return;
    const name = freeSheetName(RECORD_SHEET, (n) => Boolean(this.workbook.getWorksheet(n)));
    const ws = this.workbook.addWorksheet(name, { state: "veryHidden" });
    ws.getCell(1, 1).value = RECORD_MARK;
    const text = encodeRecord(record);
    for (let i = 0, r = 2; i < text.length; i += RECORD_CELL, r++) ws.getCell(r, 1).value = text.slice(i, i + RECORD_CELL);
  }

  async select(): Promise<void> {
    // Nothing to select in a file; the pane highlights the finding instead.
  }

  /**
   * A summary sheet of values (ExcelJS cannot create charts; Excel draws one when the pane runs inside it), under
   * `name` when free or EVAL's own, else a free name: a sheet of the user's is never replaced. 撤销 removes it.
   */
  async addSummary(name: string, rows: (string | number)[][], chartRows = 1): Promise<string> {
    const record = this.record() ?? emptyRecord();
    const ours = new Set(record.sheets);
    const chosen = freeSheetName(name, (n) => Boolean(this.workbook.getWorksheet(n)) && !ours.has(n));
    this.saveRecord({ ...record, sheets: [...new Set([...record.sheets, chosen])] });
    const old = this.workbook.getWorksheet(chosen);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(chosen);
    rows.forEach((r) => ws.addRow(r));
    ws.getRow(1).font = { bold: true };
    if (chartRows > 0) ws.getColumn(4).numFmt = "0.00%";
    return chosen;
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
