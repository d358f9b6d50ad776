/**
 * The Office.js gateway against office-addin-mock (test/excel/fakeExcel.ts): syncs per action, request sizes,
 * and the cells a plan leaves behind compared with the same plan applied through ExcelJS.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readWorkbook, sheetToGrid } from "../../src/workbook/read";
import { applyPlanToWorkbook } from "../../src/workbook/apply";
import { detectTables, type DetectedTable } from "../../src/engine";
import { buildPlan, undoPlan, type WritePlan } from "../../src/engine";
import { evaluateTable } from "../../src/engine";
import { columnLetters, type Grid } from "../../src/engine";
import { tableGrid } from "../../src/bench/pane";
import { applyPlans, freezeFormulas, readRegion, selectCell, ExcelError } from "../../src/excel/gateway";
import { FakeExcel } from "./fakeExcel";

jest.setTimeout(60000);

const g = globalThis as unknown as { Excel: unknown; Office: unknown };

function install(fake: FakeExcel): FakeExcel {
  g.Excel = fake.global();
  g.Office = fake.office();
  return fake;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

function planFor(grid: Grid, mode: "formulas" | "values" = "values", notes?: "all" | "attention"): { table: DetectedTable; plan: WritePlan } {
  const table = detectTables(grid)[0];
  if (!table) throw new Error("no table");
  const result = evaluateTable(table.table, { preset: "national" });
  return { table, plan: buildPlan(grid, table, result, { mode, preset: result.preset, ...(notes ? { notes } : {}) }) };
}

async function sampleGrid(name: string): Promise<{ grid: Grid; workbook: import("exceljs").Workbook }> {
  const data = readFileSync(join(__dirname, "../../assets/samples", name));
  const r = await readWorkbook(data, name);
  if (!r.ok) throw new Error(r.message);
  return { grid: r.grids[0]!, workbook: r.workbook };
}

describe("reading the sheet: one Excel.run, one sync; writing it back: one Excel.run", () => {
  test("the Xinjiang sample reads back as the same grid and the same table", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const fake = install(new FakeExcel());
    fake.loadGrid(grid);
    const read = await readRegion("sheet");
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(1);
    expect(read.sheet).toBe(grid.sheet);
    expect(read.merges).toEqual(grid.merges);
    const a = detectTables(read)[0]!;
    const b = detectTables(grid)[0]!;
    expect(a.table).toEqual(b.table);
    expect(evaluateTable(a.table).total).toBeCloseTo(83.13, 2);
  });

  test.each([30, 20000])("a %i-row table: read in one sync, written in at most two, every row scored", async (n) => {
    const grid = tableGrid(n);
    const fake = install(new FakeExcel());
    fake.loadGrid(grid);
    const read = await readRegion("selection");
    expect(fake.syncs).toBe(1);
    const { plan } = planFor(read);
    expect(detectTables(read)[0]!.indicatorRows).toHaveLength(n);
    fake.syncs = 0;
    const syncs = await applyPlans([plan]);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(fake.syncs).toBe(syncs);
    expect(fake.runs).toBe(2);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(5_000_000);
    // Every indicator row got its 复核得分 (column I, right of the table's last column H).
    const scored = [...Array(n).keys()].filter((i) => fake.cell("自评表", `I${i + 2}`)?.v !== undefined);
    expect(scored).toHaveLength(n);
  });

  test("a bad address from Excel is a Chinese message, not a crash", async () => {
    g.Excel = { run: async () => Promise.reject(Object.assign(new Error("The argument is invalid"), { code: "InvalidArgument", debugInfo: { errorLocation: "Range.select" } })) };
    await expect(selectCell("自评表", "ZZZ0")).rejects.toThrow(ExcelError);
    await expect(selectCell("自评表", "ZZZ0")).rejects.toThrow(/参数无效.*Range\.select/);
  });
});

describe("writing a plan", () => {
  test("a write over 5 MB is sent in requests under 5 MB, and every cell arrives", async () => {
    const grid = tableGrid(20000);
    const fake = install(new FakeExcel());
    fake.loadGrid(grid);
    const { plan } = planFor(grid, "values", "all");
    // Long explanations: 20,000 notes of 400 characters make a request of well over 5 MB.
    const long = "按规则复核：实际完成值与目标值之比乘以分值，超过分值的部分不计。".repeat(13);
    const big: WritePlan = { ...plan, writes: plan.writes.map((w) => (w.note ? { ...w, note: long } : w)) };
    const notes = big.writes.filter((w) => w.note).length;
    expect(notes).toBeGreaterThan(19000);
    const syncs = await applyPlans([big]);
    expect(syncs).toBeGreaterThan(1);
    expect(fake.syncs).toBe(syncs);
    expect(fake.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000_000);
    for (const bytes of fake.requestBytes) expect(bytes).toBeLessThan(5_000_000);
    expect(big.writes.filter((w) => w.note && fake.cell("自评表", w.address)?.note === long)).toHaveLength(notes);
  });

  test.each(["values", "formulas"] as const)("the plan (%s) through the gateway leaves the cells ExcelJS leaves", async (mode) => {
    const { grid, workbook } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const fake = install(new FakeExcel());
    fake.loadGrid(grid);
    const { plan } = planFor(grid, mode);
    await applyPlans([plan]);
    applyPlanToWorkbook(workbook, plan);
    const after = sheetToGrid(workbook.getWorksheet(grid.sheet)!);
    let formulas = 0;
    for (const w of plan.writes) {
      const viaExcelJs = after.cells[w.row - after.origin.row]?.[w.col - after.origin.col] ?? null;
      const viaOffice = fake.cell(grid.sheet, w.address);
      expect([w.address, viaOffice?.f ?? null]).toEqual([w.address, viaExcelJs?.f ?? null]);
      if (viaExcelJs?.f) formulas++;
      else expect([w.address, viaOffice?.v ?? null]).toEqual([w.address, viaExcelJs?.v ?? null]);
      expect([w.address, viaOffice?.fill ?? null]).toEqual([w.address, viaExcelJs?.fill ?? null]);
      expect([w.address, viaOffice?.note ?? null]).toEqual([w.address, viaExcelJs?.note ?? null]);
      if (w.numFmt) expect([w.address, viaOffice?.fmt]).toEqual([w.address, viaExcelJs?.fmt]);
    }
    expect(formulas > 0).toBe(mode === "formulas");
    expect(plan.writes.some((w) => w.fill === "FFFFE699")).toBe(true); // the amber 18.98 mismatch is there
  });

  test("undo through the gateway restores every cell exactly, in one more Excel.run", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const fake = install(new FakeExcel());
    fake.loadGrid(grid);
    const before = JSON.stringify([...fake.sheets.get(grid.sheet)!.entries()].sort());
    const { plan } = planFor(grid, "formulas");
    await applyPlans([plan]);
    expect(JSON.stringify([...fake.sheets.get(grid.sheet)!.entries()].sort())).not.toBe(before);
    await applyPlans([undoPlan(plan)]);
    expect(fake.runs).toBe(2);
    const restored = [...fake.sheets.get(grid.sheet)!.entries()].filter(([, c]) => c.v !== null || c.f || c.fill || c.note).sort();
    expect(JSON.stringify(restored)).toBe(before);
  });

  test("without ExcelApi 1.18 the explanations are not sent as notes (they stay in the 复核说明 column)", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const fake = install(new FakeExcel(false));
    fake.loadGrid(grid);
    const { plan } = planFor(grid);
    await applyPlans([plan]);
    expect([...fake.sheets.get(grid.sheet)!.values()].filter((c) => c.note)).toHaveLength(0);
    const noteColumn = plan.writes.find((w) => w.value === "复核说明")!;
    expect(fake.cell(grid.sheet, `${columnLetters(noteColumn.col)}${noteColumn.row + 2}`)?.v).toEqual(expect.any(String));
  });

  test("固化 turns the written EVAL formulas into the values Excel shows, in two syncs", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const fake = install(new FakeExcel());
    fake.loadGrid(grid);
    const { plan } = planFor(grid, "formulas");
    await applyPlans([plan]);
    // Excel calculates the formulas: here, each formula cell shows the plan's own cached value.
    const withFormula = plan.writes.filter((w) => w.formula);
    for (const w of withFormula) fake.cell(grid.sheet, w.address)!.v = w.value ?? null;
    fake.syncs = 0;
    const n = await freezeFormulas([plan]);
    expect(n).toBe(withFormula.length);
    expect(fake.syncs).toBe(2);
    for (const w of withFormula) {
      const c = fake.cell(grid.sheet, w.address)!;
      expect([w.address, c.f ?? null, c.v]).toEqual([w.address, null, w.value ?? null]);
    }
  });
});
