/**
 * Write-back that never loses the user's work, through the file gateway (browser / WPS mode): the same generated
 * workbooks as test/excel/undo.test.ts; the record travels inside the downloaded file; after write-back + 汇总 + 撤销
 * the downloaded workbook equals the original cell by cell (values, formulas, styles, notes) and sheet by sheet.
 */
import ExcelJS from "exceljs";
import { runPipeline, type WritePlan } from "../../src/engine";
import { FileGateway } from "../../src/workbook/fileGateway";
import { addressOf, edits, generate, HOSTILE, type Spec } from "../excel/undoWorkbooks";

jest.setTimeout(120000);

async function fileOf(spec: Spec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.grid.sheet);
  spec.grid.cells.forEach((row, r) => row.forEach((c, k) => {
    if (c) ws.getCell(r + 1, k + 1).value = c.v as ExcelJS.CellValue;
  }));
  for (const { r, c, cell } of spec.extra) {
    const x = ws.getCell(r + 1, c + 1);
    if (cell.v !== undefined) x.value = cell.v;
    if (cell.f) x.value = { formula: cell.f.slice(1), result: "" } as ExcelJS.CellValue;
    if (cell.fmt) x.numFmt = cell.fmt;
    if (cell.fill) x.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${cell.fill.slice(1)}` } };
    if (cell.bold) x.font = { bold: true };
    if (cell.note) x.note = cell.note;
  }
  for (const s of spec.sheets) wb.addWorksheet(s.name).getCell(1, 1).value = s.a1;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

type Cells = Map<string, string>;
/** Every cell of every sheet: value (with formula), whole style, note. */
function cellsOf(wb: ExcelJS.Workbook): { sheets: string[]; cells: Cells } {
  const cells: Cells = new Map();
  const sheets: string[] = [];
  wb.eachSheet((ws) => {
    sheets.push(`${ws.name}:${ws.state}`);
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      const state = JSON.stringify({ v: cell.value ?? null, s: cell.style ?? {}, n: cell.note ?? null });
      if (state !== JSON.stringify({ v: null, s: {}, n: null })) cells.set(`${ws.name}!${cell.address}`, state);
    }));
  });
  return { sheets, cells };
}

const wbOf = (gw: FileGateway) => (gw as unknown as { workbook: ExcelJS.Workbook }).workbook;

async function writeBack(gw: FileGateway, mode: "formulas" | "values"): Promise<{ plans: WritePlan[]; held: string[] }> {
  const plans = runPipeline(await gw.read(), { plan: { mode } }).map((p) => p.plan!).filter(Boolean);
  const report = await gw.apply(plans);
  return { plans, held: report.held.map((h) => h.address) };
}

describe("file gateway: write back, edit, write back again, 撤销 (generated workbooks)", () => {
  test.each(Array.from({ length: 12 }, (_, i) => i + 1))("workbook %i", async (seed) => {
    const spec = generate(seed);
    const original = await fileOf(spec);
    const before = cellsOf(await load(original));
    let gw = await FileGateway.open(original, "t.xlsx");

    const first = await writeBack(gw, spec.mode);
    expect(await gw.addSummary("汇总-自评表", [["一级指标", "权重"], ["产出指标", 50]])).toBe("汇总-自评表 (2)");
    const written = first.plans[0]!.writes.filter((w) => (w.value !== undefined || w.formula !== undefined) && !first.held.includes(w.address)).map((w) => w.address);
    // The user edits some of EVAL's cells and some table cells.
    const tableCells = spec.grid.cells.flatMap((row, r) => row.map((c, k) => (c && r > 0 ? addressOf(r, k) : null))).filter((a): a is string => a !== null);
    const ws = wbOf(gw).getWorksheet(spec.grid.sheet)!;
    const editedAt = new Set<string>();
    for (const e of edits(seed, written, tableCells)) {
      const cell = ws.getCell(e.address);
      if (e.kind === "value") cell.value = e.text;
      if (e.kind === "formula") cell.value = { formula: e.text.slice(1), result: "" } as ExcelJS.CellValue;
      if (e.kind === "note") cell.note = e.text;
      if (e.kind === "fill") cell.style = { ...JSON.parse(JSON.stringify(cell.style)), fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } } };
      editedAt.add(`${spec.grid.sheet}!${e.address}`);
    }
    // Saved, downloaded and opened again (the pane closed): the record is inside the file.
    const reopened = await gw.download();
    gw = await FileGateway.open(reopened.data, "t.scored.xlsx");
    const edited = cellsOf(await load(reopened.data)).cells;
    await writeBack(gw, spec.mode);
    const headerRow = (await gw.read())[0]!;
    expect(headerRow.cells[0]!.filter((c) => c?.v === "复核得分")).toHaveLength(0); // the read shows the user's table

    expect(await gw.undoState()).not.toBeNull();
    const report = await gw.undo();
    const final = await gw.download();
    const after = cellsOf(await load(final.data));
    expect(after.sheets).toEqual(before.sheets);
    for (const k of new Set([...before.cells.keys(), ...after.cells.keys()])) {
      if (editedAt.has(k)) {
        expect([k, after.cells.get(k)]).toEqual([k, edited.get(k)]);
        if (written.includes(k.slice(k.indexOf("!") + 1))) expect(report.kept.map((h) => `${h.sheet}!${h.address}`)).toContain(k);
      } else expect([k, after.cells.get(k)]).toEqual([k, before.cells.get(k)]);
    }
  });
});

describe("file gateway: the cases of issue 14", () => {
  test.each([1, 2, 3, 4, 5, 6])("write-back + 汇总 + 撤销 gives back the original file, cell by cell and sheet by sheet (workbook %i)", async (seed) => {
    const spec = generate(seed);
    const original = await fileOf(spec);
    const gw = await FileGateway.open(original, "t.xlsx");
    await writeBack(gw, spec.mode);
    await gw.addSummary("汇总-自评表", [["一级指标"], ["产出指标"]]);
    await gw.undo();
    const a = cellsOf(await load(original));
    const b = cellsOf(await load((await gw.download()).data));
    expect(b.sheets).toEqual(a.sheets);
    expect([...b.cells]).toEqual([...a.cells]);
  });

  test("names starting with =, +, - and @ are written as text", async () => {
    const spec = generate(1);
    HOSTILE.slice(0, 4).forEach((name, i) => {
      spec.grid.cells[1 + i]![0] = { v: name };
    });
    const gw = await FileGateway.open(await fileOf(spec), "t.xlsx");
    await writeBack(gw, "formulas");
    const wb = await load((await gw.download()).data);
    const hostile: unknown[] = [];
    wb.getWorksheet(spec.grid.sheet)!.eachRow((row) => row.eachCell((c) => {
      if (HOSTILE.slice(0, 4).includes(String(c.value))) hostile.push(c.value);
      if (c.formula) expect(c.formula).toMatch(/^(EVAL\.|SUM\(|IF\(A)/);
    }));
    expect(hostile.length).toBeGreaterThanOrEqual(4);
    expect(hostile.every((v) => typeof v === "string")).toBe(true);
  });
});
