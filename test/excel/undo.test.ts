/**
 * Write-back that never loses the user's work, on the Excel simulator (both profiles): a property test over
 * generated workbooks (write back, random user edits, write back again, 撤销), and the cases of issue 14 one by one.
 */
import { runPipeline, type Grid, type WritePlan } from "../../src/engine";
import { addSummarySheet, applyPlans, readRegions, undoState, undoWrites } from "../../src/excel/gateway";
import { RECORD_NS } from "../../src/excel/record";
import { ExcelSimulator, loadGrid, PROFILES, type Profile, type SimCell } from "./simulator";
import { addressOf, edits, generate, HOSTILE, type Spec } from "./undoWorkbooks";
import { tableGrid } from "../../src/bench/pane";

jest.setTimeout(120000);

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function host(profile: Profile): ExcelSimulator {
  const sim = new ExcelSimulator({ profile });
  uninstall = sim.install();
  return sim;
}

function build(sim: ExcelSimulator, spec: Spec): void {
  loadGrid(sim, spec.grid);
  const sheet = sim.sheet(spec.grid.sheet);
  for (const { r, c, cell } of spec.extra) {
    const x = sheet.at(r, c);
    if (cell.v !== undefined) x.v = cell.v;
    if (cell.f) {
      x.f = cell.f;
      x.v = "";
    }
    if (cell.fmt) x.fmt = cell.fmt;
    if (cell.fill) x.fill = cell.fill;
    if (cell.bold) x.bold = true;
    if (cell.note) x.note = cell.note;
  }
  for (const s of spec.sheets) sim.sheet(s.name).at(0, 0).v = s.a1;
  sim.activeSheet = spec.grid.sheet;
}

/** Every attribute of a cell, a missing cell being a blank one. */
const norm = (c: SimCell | undefined) => ({ v: c?.v ?? "", f: c?.f ?? null, fmt: c?.fmt ?? null, fill: c?.fill ?? null, bold: Boolean(c?.bold), note: c?.note ?? null });

function snapshot(sim: ExcelSimulator): Map<string, ReturnType<typeof norm>> {
  const m = new Map<string, ReturnType<typeof norm>>();
  for (const [name, s] of sim.sheets) for (const [k, c] of s.cells) {
    const [r, col] = k.split(",").map(Number) as [number, number];
    m.set(`${name}!${addressOf(r, col)}`, norm(c));
  }
  return m;
}

async function writeBack(mode: "formulas" | "values"): Promise<{ plans: WritePlan[]; grids: Grid[]; held: string[] }> {
  const grids = await readRegions("sheet");
  const plans = runPipeline(grids, { plan: { mode } }).map((p) => p.plan!).filter(Boolean);
  const report = await applyPlans(plans);
  return { plans, grids, held: report.held.map((h) => h.address) };
}

describe.each(PROFILES)("%s: write back, edit, write back again, 撤销 (generated workbooks)", (profile) => {
  test.each(Array.from({ length: 12 }, (_, i) => i + 1))("workbook %i", async (seed) => {
    const spec = generate(seed);
    const sim = host(profile);
    build(sim, spec);
    const before = snapshot(sim);
    const sheetsBefore = [...sim.sheets.keys()].sort();
    const sheet = sim.sheet(spec.grid.sheet);

    const first = await writeBack(spec.mode);
    expect(first.plans).toHaveLength(1);
    const summaryName = await addSummarySheet("汇总-自评表", [["一级指标", "权重", "复核得分", "得分率"], ["产出指标", 50, 45, 0.9]], 1);
    expect(summaryName).toBe("汇总-自评表 (2)");
    expect(sim.sheet("汇总-自评表").cell("A1")?.v).toBe("用户自己的汇总");
    // Nothing of the user's was written over.
    for (const { r, c, cell } of spec.extra) if (cell.v !== undefined || cell.f || cell.note) expect([addressOf(r, c), norm(sheet.get(r, c))]).toEqual([addressOf(r, c), before.get(`${spec.grid.sheet}!${addressOf(r, c)}`)]);

    // The user edits some of EVAL's cells and some table cells.
    // Held: cells of the user's the plan reached (a note-only cell outside the used range is not in the grid read).
    const written = first.plans[0]!.writes.filter((w) => (w.value !== undefined || w.formula !== undefined) && !first.held.includes(w.address)).map((w) => w.address);
    const tableCells = spec.grid.cells.flatMap((row, r) => row.map((c, k) => (c && r > 0 ? addressOf(r, k) : null))).filter((a): a is string => a !== null);
    const userEdits = edits(seed, written, tableCells);
    const edited = new Map<string, ReturnType<typeof norm>>();
    for (const e of userEdits) {
      const cell = sim.type(spec.grid.sheet, e.address, e.kind === "value" ? `'${e.text}` : e.kind === "formula" ? e.text : (sheet.cell(e.address)?.v ?? ""));
      if (e.kind === "formula") cell.v = "";
      if (e.kind === "note") cell.note = e.text;
      if (e.kind === "fill") cell.fill = e.text;
      edited.set(e.address, norm(cell));
    }

    // Written back again: EVAL's cells are updated in place, one set of columns.
    await writeBack(spec.mode);
    const headers = [...sheet.cells].filter(([k, c]) => k.startsWith("0,") && c.v === "复核得分").length;
    expect(headers).toBe(1);
    for (const [a, state] of edited) expect([a, norm(sheet.cell(a))]).toEqual([a, state]);

    // 撤销 (from the record in the workbook, as after a reopen: nothing from the pane is passed).
    expect(await undoState()).not.toBeNull();
    const report = await undoWrites();
    expect(sim.customXmlParts.filter((p) => p.namespaceUri === RECORD_NS)).toHaveLength(0);
    expect([...sim.sheets.keys()].sort()).toEqual(sheetsBefore);
    const after = snapshot(sim);
    const evalCells = new Set(written);
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      const [s, a] = [k.slice(0, k.lastIndexOf("!")), k.slice(k.lastIndexOf("!") + 1)];
      const blank = norm(undefined);
      if (s === spec.grid.sheet && edited.has(a)) {
        expect([k, after.get(k) ?? blank]).toEqual([k, edited.get(a)]);
        if (evalCells.has(a)) expect(report.kept.map((h) => h.address)).toContain(a);
      } else expect([k, after.get(k) ?? blank]).toEqual([k, before.get(k) ?? blank]);
    }
    expect(await undoState()).toBeNull();
  });
});

describe.each(PROFILES)("%s: the cases of issue 14", (profile) => {
  const small = (): Grid => tableGrid(6);

  test("a formula that shows \"\" and a note-only cell are the user's: not written over, and 撤销 leaves them", async () => {
    const sim = host(profile);
    const grid = small();
    loadGrid(sim, grid);
    const sheet = sim.sheet(grid.sheet);
    // In the first column EVAL would use (I), row 3: a formula showing "", and a note on row 4.
    Object.assign(sheet.at(2, 8), { v: "", f: '=IF(F3="","",F3)' });
    Object.assign(sheet.at(3, 8), { note: "用户的批注" });
    const { plans } = await writeBack("formulas");
    // The columns moved right of the user's cells: I3 and I4 untouched.
    expect(plans[0]!.writes.some((w) => w.address.startsWith("I"))).toBe(false);
    expect(sheet.get(2, 8)).toMatchObject({ f: '=IF(F3="","",F3)' });
    await undoWrites();
    expect(sheet.get(2, 8)).toMatchObject({ f: '=IF(F3="","",F3)', v: "" });
    expect(sheet.get(3, 8)?.note).toBe("用户的批注");
  });

  test("a write that reaches a cell the user filled in meanwhile leaves it, and says so", async () => {
    const sim = host(profile);
    const grid = small();
    loadGrid(sim, grid);
    const grids = await readRegions("sheet");
    const plans = runPipeline(grids, { plan: { mode: "values" } }).map((p) => p.plan!);
    // Between 识别 and 写回 the user types into a cell the plan will write.
    const target = plans[0]!.writes.find((w) => w.value !== undefined)!;
    sim.type(grid.sheet, target.address, "手工得分");
    const report = await applyPlans(plans);
    expect(report.held.map((h) => h.address)).toEqual([target.address]);
    expect(sim.sheet(grid.sheet).cell(target.address)?.v).toBe("手工得分");
  });

  test("names starting with =, +, - and @ go in as text, never as formulas", async () => {
    const sim = host(profile);
    const grid = small();
    HOSTILE.slice(0, 4).forEach((name, i) => {
      grid.cells[1 + i]![0] = { v: name };
    });
    loadGrid(sim, grid);
    const { plans } = await writeBack("formulas");
    const sheet = sim.sheet(grid.sheet);
    const texts = plans[0]!.writes.filter((w) => typeof w.value === "string" && w.formula === undefined);
    for (const w of texts) expect([w.address, sheet.cell(w.address)?.f]).toEqual([w.address, undefined]);
    const names = [...sheet.cells.values()].filter((c) => HOSTILE.slice(0, 4).includes(String(c.v)));
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names.every((c) => c.f === undefined)).toBe(true);
  });

  test("a failed chunk leaves a record 撤销 can work from, and the error says so", async () => {
    const sim = new ExcelSimulator({ profile: "web", payloadLimit: 5_000_000 });
    uninstall = sim.install();
    const grid = tableGrid(20000);
    loadGrid(sim, grid);
    const grids = await readRegions("sheet");
    const plans = runPipeline(grids, { plan: { mode: "values" } }).map((p) => p.plan!);
    const long = "按规则复核：实际完成值与目标值之比乘以分值，超过分值的部分不计。".repeat(13);
    const big = plans.map((p) => ({ ...p, writes: p.writes.map((w) => (w.note ? { ...w, note: long } : w)) }));
    // Excel refuses the third request (a stand-in for any failure half way).
    const execute = sim.execute.bind(sim);
    let n = 0;
    sim.execute = async (ctx, actions) => {
      if (actions.some((a) => a.name === "Add" || a.name === "values") && ++n === 2) throw Object.assign(new Error("boom"), { code: "GeneralException" });
      return execute(ctx, actions);
    };
    await expect(applyPlans(big)).rejects.toThrow(/撤销/);
    sim.execute = execute;
    expect(await undoState()).not.toBeNull();
    await undoWrites();
    const sheet = sim.sheet(grid.sheet);
    expect([...sheet.cells.values()].filter((c) => c.v === "复核得分" || c.note === long)).toHaveLength(0);
  });
});

test("what the record weighs for a 1,000-row table (formulas, notes on every row)", async () => {
  const sim = host("web");
  loadGrid(sim, tableGrid(1000));
  const { plans } = await writeBack("formulas");
  const bytes = sim.customXmlParts.reduce((n, p) => n + Buffer.byteLength(p.xml, "utf8"), 0);
  const cells = plans[0]!.writes.length;
  console.log(`undo record, 1,000 rows: ${cells} cells, ${bytes} bytes in ${sim.customXmlParts.length} custom XML part(s), ${(bytes / cells).toFixed(1)} bytes per cell`);
  expect(bytes).toBeLessThan(1_000_000);
});
