/**
 * The Office.js gateway on the strict host simulator (test/excel/simulator), under both profiles: syncs per
 * action, payload sizes (every request and response under 5 MB on the web), whole-column and multi-area
 * selections, merged blocks, the 512-merge limit, notes by requirement set and script, and the cells a plan
 * leaves behind compared with the same plan applied through ExcelJS.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readWorkbook, sheetToGrid } from "../../src/workbook/read";
import { applyPlanToWorkbook } from "../../src/workbook/apply";
import { detectTables, buildPlan, undoPlan, evaluateTable, type DetectedTable, type WritePlan, type Grid } from "../../src/engine";
import { tableGrid } from "../../src/bench/pane";
import { applyPlans, freezeFormulas, readRegion, readRegions, selectCell, addSummarySheet, insertTemplate, ExcelError, MULTI_AREA_MESSAGE } from "../../src/excel/gateway";
import { ExcelSimulator, loadGrid, PROFILES, WEB_PAYLOAD_LIMIT, type Profile } from "./simulator";

jest.setTimeout(120000);

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function host(profile: Profile, options: Partial<ConstructorParameters<typeof ExcelSimulator>[0]> = {}): ExcelSimulator {
  const sim = new ExcelSimulator({ profile, ...options });
  uninstall = sim.install();
  return sim;
}

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
  return { grid: r.grids[0]!, workbook: await r.workbook() };
}

const under5MB = (sim: ExcelSimulator) => {
  for (const b of sim.stats.requestBytes) expect(b).toBeLessThan(WEB_PAYLOAD_LIMIT);
  for (const b of sim.stats.responseBytes) expect(b).toBeLessThan(WEB_PAYLOAD_LIMIT);
};

describe.each(PROFILES)("%s: reading", (profile) => {
  test("the Xinjiang sample reads back as the same grid and the same table, in one Excel.run and two syncs", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile);
    loadGrid(sim, grid);
    const read = await readRegion("sheet");
    expect(sim.stats.runs).toBe(1);
    // one sync to find the used range, one for its cells and merged areas
    expect(sim.stats.syncs).toBe(2);
    expect(read.sheet).toBe(grid.sheet);
    expect(read.merges).toEqual([...grid.merges].sort((p, q) => p.r1 - q.r1 || p.c1 - q.c1));
    const a = detectTables(read)[0]!;
    const b = detectTables(grid)[0]!;
    expect(a.table).toEqual(b.table);
    expect(evaluateTable(a.table).total).toBeCloseTo(83.13, 2);
  });

  test("a whole-column selection (C:H) reads the used rows of those columns, never the unbounded range", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile);
    loadGrid(sim, grid);
    sim.select("B:D");
    const [read, ...rest] = await readRegions("selection");
    expect(rest).toHaveLength(0);
    const used = sim.sheet(grid.sheet).used(true)!;
    expect(read!.origin).toEqual({ row: used.r1, col: 1 });
    expect(read!.cells).toHaveLength(used.r2 - used.r1 + 1);
    expect(read!.cells[0]).toHaveLength(3);
  });

  test("a multi-area selection gives one grid per area", async () => {
    const sim = host(profile);
    sim.activate("表");
    sim.type("表", "A1", "甲");
    sim.type("表", "B2", 5);
    sim.type("表", "D1", "乙");
    sim.type("表", "E3", "96%");
    sim.select("A1:B2", "D1:E3");
    const grids = await readRegions("selection");
    expect(grids.map((g) => g.origin)).toEqual([{ row: 0, col: 0 }, { row: 0, col: 3 }]);
    expect(grids[1]!.cells[2]![1]).toEqual({ v: 0.96, fmt: "0%" });
  });

  test("without getSelectedRanges (an older script), a multi-area selection is a clear Chinese message", async () => {
    const sim = host(profile, { scriptApi: "1.8" });
    sim.type("Sheet1", "A1", 1);
    sim.select("A1", "C3");
    await expect(readRegions("selection")).rejects.toThrow(new ExcelError(MULTI_AREA_MESSAGE));
    // and a single area still reads through getSelectedRange
    sim.select("A1:B2");
    expect((await readRegions("selection"))[0]!.cells[0]![0]).toEqual({ v: 1 });
  });

  test("a selection inside a merged block shows the block's value, and the merge clipped to the selection", async () => {
    const sim = host(profile);
    sim.activate("表");
    sim.type("表", "A1", "一级指标");
    sim.type("表", "A2", "产出指标");
    sim.merge("表", "A2:A6");
    for (let r = 1; r <= 6; r++) sim.type("表", `B${r}`, r === 1 ? "权重" : r);
    sim.select("A4:B5");
    const [g] = await readRegions("selection");
    expect(g!.origin).toEqual({ row: 3, col: 0 });
    expect(g!.cells[0]![0]).toEqual({ v: "产出指标" });
    expect(g!.cells[1]![0]).toBeNull();
    expect(g!.merges).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 0 }]);
  });

  test("a sheet with 3,000 merged areas is read in blocks that each stay under 512 merges", async () => {
    const sim = host(profile);
    sim.activate("表");
    for (let i = 0; i < 3000; i++) {
      sim.type("表", `A${2 * i + 1}`, `组${i}`);
      sim.merge("表", `A${2 * i + 1}:B${2 * i + 2}`);
      sim.type("表", `C${2 * i + 1}`, i);
    }
    const g = await readRegion("sheet");
    expect(g.merges).toHaveLength(3000);
    expect(g.cells[5998]![0]).toEqual({ v: "组2999" });
    expect(sim.stats.syncs).toBe(2);
  });

  test("a blank sheet reads as an empty grid", async () => {
    host(profile);
    const g = await readRegion("sheet");
    expect(g.cells).toEqual([]);
  });
});

describe.each(PROFILES)("%s: a 20,000-row table", (profile) => {
  test("is read and written back, every row scored; on the web every request and response is under 5 MB", async () => {
    const n = 20000;
    const grid = tableGrid(n);
    const sim = host(profile);
    loadGrid(sim, grid);
    const read = await readRegion("selection");
    const readSyncs = sim.stats.syncs;
    const readResponses = [...sim.stats.responseBytes];
    const { plan } = planFor(read, "formulas");
    expect(detectTables(read)[0]!.indicatorRows).toHaveLength(n);
    expect(read.cells).toEqual(grid.cells.map((row) => row.map((c) => (c ? { v: c.v } : null))));
    sim.stats.syncs = 0;
    sim.stats.requestBytes = [];
    sim.stats.responseBytes = [];
    const { syncs } = await applyPlans([plan]);
    expect(sim.stats.syncs).toBe(syncs);
    expect(sim.stats.runs).toBe(2);
    if (profile === "web") under5MB(sim);
    // Every indicator row got its 复核得分 (column I, right of the table's last column H).
    const sheet = sim.sheet("自评表");
    const scored = [...Array(n).keys()].filter((i) => sheet.cell(`I${i + 2}`)?.f?.startsWith("=EVAL.SCORE("));
    expect(scored).toHaveLength(n);
    const figures = { readSyncs, readMaxResponse: Math.max(...readResponses), readTotal: readResponses.reduce((a, b) => a + b, 0), writeSyncs: syncs, writeMaxRequest: Math.max(...sim.stats.requestBytes), writeTotal: sim.stats.requestBytes.reduce((a, b) => a + b, 0) };
    console.log(`${profile} 20,000 rows: ${JSON.stringify(figures)}`);
    if (profile === "web") {
      expect(readSyncs).toBeGreaterThan(2);
      for (const b of readResponses) expect(b).toBeLessThan(WEB_PAYLOAD_LIMIT);
    } else {
      // no documented limit on the desktop: a 32 MB budget per sync
      expect(readSyncs).toBeLessThanOrEqual(3);
      // the record's parts; the record and the cells' current states; one sync of writes (record saved first)
      expect(syncs).toBe(3);
    }
  });
});

describe.each(PROFILES)("%s: writing a plan", (profile) => {
  test("a write of over 5 MB (20,000 long notes) is sent in parts; on the web each under 5 MB; every note arrives", async () => {
    const grid = tableGrid(20000);
    const sim = host(profile);
    loadGrid(sim, grid);
    const { plan } = planFor(grid, "values", "all");
    const long = "按规则复核：实际完成值与目标值之比乘以分值，超过分值的部分不计。".repeat(13);
    const big: WritePlan = { ...plan, writes: plan.writes.map((w) => (w.note ? { ...w, note: long } : w)) };
    const notes = big.writes.filter((w) => w.note).length;
    expect(notes).toBeGreaterThan(19000);
    const { syncs } = await applyPlans([big]);
    expect(sim.stats.syncs).toBe(syncs);
    expect(sim.stats.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000_000);
    if (profile === "web") {
      expect(syncs).toBeGreaterThan(1);
      under5MB(sim);
    }
    const sheet = sim.sheet("自评表");
    expect(big.writes.filter((w) => w.note && sheet.cell(w.address)?.note === long)).toHaveLength(notes);
  });

  test.each(["values", "formulas"] as const)("the plan (%s) through the gateway leaves the cells ExcelJS leaves", async (mode) => {
    const { grid, workbook } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile);
    loadGrid(sim, grid);
    const { plan } = planFor(grid, mode);
    await applyPlans([plan]);
    // the record's parts; the record and the cells' states; the writes
    expect(sim.stats.syncs).toBe(3);
    applyPlanToWorkbook(workbook, plan);
    const after = sheetToGrid(workbook.getWorksheet(grid.sheet)!);
    const sheet = sim.sheet(grid.sheet);
    let formulas = 0;
    for (const w of plan.writes) {
      const viaExcelJs = after.cells[w.row - after.origin.row]?.[w.col - after.origin.col] ?? null;
      const viaOffice = sheet.get(w.row, w.col);
      expect([w.address, viaOffice?.f ?? null]).toEqual([w.address, viaExcelJs?.f ? `=${viaExcelJs.f.replace(/^=/, "")}` : null]);
      if (viaExcelJs?.f) formulas++;
      else expect([w.address, viaOffice?.v === "" ? null : (viaOffice?.v ?? null)]).toEqual([w.address, viaExcelJs?.v ?? null]);
      expect([w.address, viaOffice?.fill ? `FF${viaOffice.fill.slice(1)}` : null]).toEqual([w.address, viaExcelJs?.fill ?? null]);
      expect([w.address, viaOffice?.note ?? null]).toEqual([w.address, viaExcelJs?.note ?? null]);
      if (w.numFmt) expect([w.address, viaOffice?.fmt ?? "General"]).toEqual([w.address, viaExcelJs?.fmt ?? "General"]);
    }
    expect(formulas > 0).toBe(mode === "formulas");
    expect(plan.writes.some((w) => w.fill === "FFFFE699")).toBe(true); // the amber 18.98 mismatch is there
  });

  test("text that Excel would turn into a number, percent, date or formula stays text", async () => {
    const sim = host(profile);
    sim.activate("表");
    const texts = ["92.35%", "-10.20%", "2024-11-20", "0.5", "=不是公式", "TRUE", "+3", "未完成"];
    const plan: WritePlan = { sheet: "表", writes: texts.map((v, i) => ({ row: i, col: 0, address: `A${i + 1}`, value: v, before: { v: null } })) };
    await applyPlans([plan]);
    expect(texts.map((_, i) => sim.sheet("表").get(i, 0))).toEqual(texts.map((v) => ({ v })));
  });

  test("undo through the gateway restores every cell exactly, in one more Excel.run", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile);
    loadGrid(sim, grid);
    const snapshot = () =>
      JSON.stringify(
        [...sim.sheet(grid.sheet).cells.entries()]
          .filter(([, c]) => c.v !== "" || c.f || c.fill || c.note)
          .map(([k, c]) => [k, { ...c, fmt: undefined, bold: undefined }])
          .sort(),
      );
    const before = snapshot();
    const { plan } = planFor(grid, "formulas", "all");
    await applyPlans([plan]);
    expect(snapshot()).not.toBe(before);
    await applyPlans([undoPlan(plan)]);
    expect(sim.stats.runs).toBe(2);
    expect(snapshot()).toBe(before);
  });

  test("without ExcelApi 1.18 the explanations are not sent as notes (they stay in the 复核说明 column)", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile, { excelApi: "1.17" });
    loadGrid(sim, grid);
    const { plan } = planFor(grid, "values", "all");
    await applyPlans([plan]);
    expect([...sim.sheet(grid.sheet).cells.values()].filter((c) => c.note)).toHaveLength(0);
    const noteColumn = plan.writes.find((w) => w.value === "复核说明")!;
    expect(sim.sheet(grid.sheet).get(noteColumn.row + 1, noteColumn.col)?.v).toEqual(expect.any(String));
  });

  test("an old office.js without NoteCollection on a host that reports ExcelApi 1.18: no notes, no crash", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile, { excelApi: "1.18", scriptHasNotes: false });
    loadGrid(sim, grid);
    const { plan } = planFor(grid, "values", "all");
    expect(plan.writes.some((w) => w.note)).toBe(true);
    await applyPlans([plan]);
    expect([...sim.sheet(grid.sheet).cells.values()].filter((c) => c.note)).toHaveLength(0);
  });

  test("with ExcelApi 1.18 and a current script, notes are written", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile, { excelApi: "1.18" });
    loadGrid(sim, grid);
    const { plan } = planFor(grid, "values", "all");
    await applyPlans([plan]);
    const written = plan.writes.filter((w) => w.note);
    expect(written.length).toBeGreaterThan(0);
    for (const w of written) expect(sim.sheet(grid.sheet).get(w.row, w.col)?.note).toBe(w.note);
  });

  test("固化 turns the written EVAL formulas into the values Excel shows, in two syncs", async () => {
    const { grid } = await sampleGrid("xinjiang-003-self-eval.xlsx");
    const sim = host(profile);
    loadGrid(sim, grid);
    const { plan } = planFor(grid, "formulas");
    await applyPlans([plan]);
    // Excel calculates the formulas: here, each formula cell shows the plan's own cached value.
    const withFormula = plan.writes.filter((w) => w.formula);
    const sheet = sim.sheet(grid.sheet);
    for (const w of withFormula) sheet.get(w.row, w.col)!.v = w.value ?? "";
    sim.stats.syncs = 0;
    const n = await freezeFormulas([plan]);
    expect(n).toBe(withFormula.length);
    expect(sim.stats.syncs).toBe(2);
    for (const w of withFormula) {
      const c = sheet.get(w.row, w.col)!;
      expect([w.address, c.f ?? null, c.v]).toEqual([w.address, null, w.value ?? ""]);
    }
  });
});

describe.each(PROFILES)("%s: other actions", (profile) => {
  test("a bad address from Excel is a Chinese message naming the call, not a crash", async () => {
    host(profile);
    await expect(selectCell("自评表", "A1")).rejects.toThrow(/找不到指定的工作表/);
    await expect(selectCell("Sheet1", "ZZZZ0")).rejects.toThrow(/参数无效/);
  });

  test("the summary sheet replaces an old one EVAL created, in one Excel.run of three syncs each", async () => {
    const sim = host(profile);
    await addSummarySheet("汇总-表", [["一级指标", "权重", "复核得分", "得分率"], ["产出指标", 50, 45, 0.9]], 1);
    await addSummarySheet("汇总-表", [["一级指标", "权重", "复核得分", "得分率"], ["产出指标", 50, 40, 0.8]], 1);
    expect(sim.stats.runs).toBe(2);
    expect(sim.stats.syncs).toBe(6);
    expect(sim.sheets.has("汇总-表 (2)")).toBe(false);
    expect(sim.sheet("汇总-表").cell("C2")?.v).toBe(40);
    expect(sim.sheet("汇总-表").cell("D2")?.fmt).toBe("0.00%");
    expect(sim.activeSheet).toBe("汇总-表");
  });

  test("a template is inserted with its merges in one sync", async () => {
    const sim = host(profile);
    await insertTemplate({ name: "自评表", rows: [["项目支出绩效自评表", null], ["一级指标", "权重"]], merges: [{ r1: 0, c1: 0, r2: 0, c2: 1 }], widths: [10, 8] });
    expect(sim.stats.syncs).toBe(1);
    const sheet = sim.sheet(sim.activeSheet);
    expect(sheet.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 1 }]);
    expect(sheet.cell("A2")?.v).toBe("一级指标");
  });
});
