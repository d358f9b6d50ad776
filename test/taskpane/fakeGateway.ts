import type { Grid } from "../../src/engine";
import type { WritePlan } from "../../src/engine";
import type { Template } from "../../src/engine";
import type { Gateway, UndoReport, WriteReport } from "../../src/taskpane/gateway";
import { afterWrite, decideUndo, decideWrite, emptyRecord, sheetAddress, type CellState, type UndoRecord } from "../../src/engine";
import xinjiang from "../fixtures/grids/xinjiang-003-p10.json";

/** A copy of the Xinjiang sample's first sheet (seed 003, p10: reported 84.82, recomputed 83.13). */
export function sampleGrid(): Grid {
  return JSON.parse(JSON.stringify(xinjiang)) as Grid;
}

/** A gateway that records what the pane asks of it; `fail` makes the next call of a method throw. */
export class FakeGateway implements Gateway {
  mode: "excel" | "file" = "excel";
  calls: string[] = [];
  applied: WritePlan[][] = [];
  selected: string[] = [];
  summaries: { name: string; rows: (string | number)[][] }[] = [];
  templates: Template[] = [];
  frozen = 0;
  fail: Partial<Record<keyof Gateway, string>> = {};

  constructor(public grids: Grid[] = [sampleGrid()]) {}

  private check(name: keyof Gateway): void {
    this.calls.push(name);
    const message = this.fail[name];
    if (message) {
      delete this.fail[name];
      throw new Error(message);
    }
  }

  async read(): Promise<Grid[]> {
    this.check("read");
    return this.grids;
  }
  /** The workbook's cells as EVAL would read them (sheet!A1 → state), seeded from the grids; and EVAL's record. */
  cells = new Map<string, CellState>();
  record: UndoRecord | null = null;
  private seeded = false;
  private seed(): void {
    if (this.seeded) return;
    this.seeded = true;
    for (const g of this.grids) g.cells.forEach((row, r) => row.forEach((c, k) => {
      if (c) this.cells.set(`${g.sheet}!${sheetAddress(g.origin.row + r, g.origin.col + k)}`, { v: c.v, ...(c.f ? { f: c.f } : {}), ...(c.fmt ? { fmt: c.fmt } : {}), ...(c.fill ? { fill: c.fill } : {}), ...(c.note ? { note: c.note } : {}) });
    }));
  }
  state = (sheet: string, a: string): CellState => this.cells.get(`${sheet}!${a}`) ?? { v: null };
  /** Writes as decided by the engine against the cells (the same rules as both real gateways). */
  async apply(plans: WritePlan[]): Promise<WriteReport> {
    this.check("apply");
    this.seed();
    this.applied.push(plans);
    const d = decideWrite(plans, this.record ?? emptyRecord(), this.state, true);
    this.record = d.record;
    for (const p of d.plans) for (const w of p.writes) this.cells.set(`${p.sheet}!${w.address}`, afterWrite(this.state(p.sheet, w.address), w));
    return { written: d.plans.reduce((n, p) => n + p.writes.length, 0), held: d.held };
  }
  async undo(): Promise<UndoReport> {
    this.check("undo");
    const d = decideUndo(this.record ?? emptyRecord(), this.state, true);
    this.applied.push(d.plans);
    for (const p of d.plans) for (const w of p.writes) this.cells.set(`${p.sheet}!${w.address}`, w.restoreTo ?? afterWrite(this.state(p.sheet, w.address), w));
    this.record = null;
    return { restored: d.restored, kept: d.kept, sheetsRemoved: d.sheets };
  }
  async undoState(): Promise<{ cells: number; sheets: number } | null> {
    return this.record && (this.record.cells.length > 0 || this.record.sheets.length > 0) ? { cells: this.record.cells.length, sheets: this.record.sheets.length } : null;
  }
  async select(sheet: string, address: string): Promise<void> {
    this.check("select");
    this.selected.push(`${sheet}!${address}`);
  }
  async addSummary(name: string, rows: (string | number)[][]): Promise<string> {
    this.check("addSummary");
    this.summaries.push({ name, rows });
    return name;
  }
  async freeze(plans: WritePlan[]): Promise<number> {
    this.check("freeze");
    this.frozen = plans.reduce((n, p) => n + p.writes.filter((w) => w.formula).length, 0);
    return this.frozen;
  }
  /** Selection-changed subscribers (as Excel's onSelectionChanged would call them). */
  private selectionHandlers = new Set<(sheet: string, row: number, col: number) => void>();
  onSelectionChanged(handler: (sheet: string, row: number, col: number) => void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }
  /** The user selects a cell in Excel: 0-based sheet row and column. */
  userSelects(sheet: string, row: number, col: number): void {
    for (const h of this.selectionHandlers) h(sheet, row, col);
  }
  get selectionListeners(): number {
    return this.selectionHandlers.size;
  }
  async insertTemplate(t: Template): Promise<void> {
    this.check("insertTemplate");
    this.templates.push(t);
  }
}
