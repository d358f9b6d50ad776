import type { Grid } from "../../src/engine";
import type { WritePlan } from "../../src/engine";
import type { Template } from "../../src/engine";
import type { Gateway } from "../../src/taskpane/gateway";
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
  async apply(plans: WritePlan[]): Promise<void> {
    this.check("apply");
    this.applied.push(plans);
  }
  async select(sheet: string, address: string): Promise<void> {
    this.check("select");
    this.selected.push(`${sheet}!${address}`);
  }
  async addSummary(name: string, rows: (string | number)[][]): Promise<void> {
    this.check("addSummary");
    this.summaries.push({ name, rows });
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
