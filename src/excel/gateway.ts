/*
 * The only code that calls Office.js. Every user action is one Excel.run; a read is one sync; a write is one
 * sync per 4 MB chunk of requests (Excel on the web rejects larger requests), so a normal plan is one sync.
 * Writes wait for cell edit mode to end (delayForCellEdit). Excel keeps no undo history for add-in writes,
 * so the pane's 撤销 restores cells from the plan's record of what they held.
 */
import type { Grid, GridCell, Merge } from "../engine";
import { parseAddress } from "../engine";
import type { WritePlan } from "../engine";
import type { Template } from "../engine";
import { chunkOps, cssColor, planToOps, type RangeOp } from "./ops";
import { officeErrorMessage } from "./errors";

export class ExcelError extends Error {}

async function run<T>(f: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, f);
  } catch (e) {
    throw new ExcelError(officeErrorMessage(e));
  }
}

/** `Sheet1!B3:D9` → its 0-based top-left and bottom-right. */
function corners(address: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [p, q] = a.split(":");
  const x = parseAddress(p ?? "");
  const y = parseAddress(q ?? p ?? "");
  return x && y ? { r1: x.row, c1: x.col, r2: y.row, c2: y.col } : null;
}

/** Read the active sheet's used range (or the selection) with values, formulas, formats, merges and fills: one sync. */
export async function readRegion(scope: "sheet" | "selection"): Promise<Grid> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const range = scope === "selection" ? context.workbook.getSelectedRange() : sheet.getUsedRange(true);
    range.load(["address", "values", "formulas", "numberFormat", "rowIndex", "columnIndex"]);
    const merged = range.getMergedAreasOrNullObject();
    merged.load("address");
    const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
    await context.sync();
    const origin = { row: range.rowIndex, col: range.columnIndex };
    const values = range.values as (string | number | boolean)[][];
    const formulas = range.formulas as (string | number | boolean)[][];
    const formats = range.numberFormat as string[][];
    const fills = props.value;
    const cells: (GridCell | null)[][] = values.map((row, r) =>
      row.map((v, c) => {
        const f = formulas[r]?.[c];
        const fmt = formats[r]?.[c];
        const fp = fills[r]?.[c]?.format?.fill;
        const fill = fp && fp.pattern && fp.pattern !== "None" && fp.color ? `FF${fp.color.replace("#", "").toUpperCase()}` : undefined;
        const value = v === "" ? null : v;
        if (value === null && !fill) return null;
        return {
          v: value,
          ...(typeof f === "string" && f.startsWith("=") ? { f } : {}),
          ...(fmt && fmt !== "General" ? { fmt } : {}),
          ...(fill ? { fill } : {}),
        };
      }),
    );
    const merges: Merge[] = [];
    if (!merged.isNullObject) {
      for (const part of merged.address.split(",")) {
        const m = corners(part);
        if (m) merges.push({ r1: m.r1 - origin.row, c1: m.c1 - origin.col, r2: m.r2 - origin.row, c2: m.c2 - origin.col });
      }
    }
    return { sheet: sheet.name, origin, cells, merges };
  });
}

/**
 * Apply write plans (one per table found) in one Excel.run: values, formulas, formats, fills and notes, one
 * sync per ≤ 4 MB chunk. A plan under 4 MB (tens of thousands of rows) is one chunk and one sync; only a
 * larger one is sent in parts, because Excel on the web refuses a request over 5 MB. Returns the syncs made.
 */
export async function applyPlans(plans: WritePlan[]): Promise<number> {
  const chunks = chunkOps(plans.flatMap(planToOps));
  const notes = typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", "1.18"));
  return run(async (context) => {
    const sheets = new Map<string, Excel.Worksheet>();
    const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
    const queue = (op: RangeOp) => {
      const sheet = sheetOf(op.sheet);
      const r = sheet.getRange(op.address);
      if (op.formulas) r.formulas = op.formulas;
      if (op.numberFormat) r.numberFormat = op.numberFormat;
      if (op.fill === null) r.format.fill.clear();
      else if (op.fill) r.format.fill.color = cssColor(op.fill);
      if (op.bold) r.format.font.bold = true;
      if (notes && op.note) sheet.notes.add(op.address, op.note);
      if (notes && op.note === null) sheet.notes.getItemOrNullObject(op.address).delete();
    };
    // The only place with more than one sync per action: each chunk must reach Excel before the next is queued.
    let syncs = 0;
    for (const chunk of chunks) {
      chunk.forEach(queue);
      await context.sync();
      syncs++;
    }
    return syncs;
  });
}

/** Select a cell so the user sees it (clicking a finding). */
export async function selectCell(sheetName: string, address: string): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}

/** Add a summary sheet (rows of values) with a native column chart of 复核得分 by 一级指标. */
export async function addSummarySheet(name: string, rows: (string | number)[][], chartRows: number): Promise<void> {
  await run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!existing.isNullObject) existing.delete();
    const sheet = context.workbook.worksheets.add(name);
    const width = Math.max(...rows.map((r) => r.length));
    const data = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    const range = sheet.getRangeByIndexes(0, 0, data.length, width);
    range.values = data;
    sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    sheet.getRangeByIndexes(1, 3, data.length - 1, 1).numberFormat = data.slice(1).map(() => ["0.00%"]);
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRangeByIndexes(0, 0, chartRows + 1, 3), Excel.ChartSeriesBy.columns);
    chart.title.text = "各一级指标权重与复核得分";
    chart.setPosition("F2");
    sheet.activate();
    await context.sync();
  });
}

/**
 * Turn every formula the plans wrote into its value (固化), so the workbook works without the add-in: the
 * written runs are loaded in one sync and written back as values in a second.
 */
export async function freezeFormulas(plans: WritePlan[]): Promise<number> {
  const ops = plans.flatMap((p) => planToOps({ sheet: p.sheet, writes: p.writes.filter((w) => w.formula !== undefined) }).filter((o) => o.formulas));
  if (ops.length === 0) return 0;
  return run(async (context) => {
    const ranges = ops.map((op) => context.workbook.worksheets.getItem(op.sheet).getRange(op.address).load("values"));
    await context.sync();
    ranges.forEach((r) => {
      const shown = r.values; // what each formula shows now
      r.values = shown;
    });
    await context.sync();
    return ops.reduce((n, op) => n + (op.formulas?.length ?? 0), 0);
  });
}

/** Insert a blank template table in a new sheet. */
export async function insertTemplate(t: Template): Promise<void> {
  await run(async (context) => {
    const name = `${t.name}${Date.now() % 10000}`;
    const sheet = context.workbook.worksheets.add(name);
    const width = Math.max(...t.rows.map((r) => r.length));
    sheet.getRangeByIndexes(0, 0, t.rows.length, width).values = t.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    for (const m of t.merges) sheet.getRangeByIndexes(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).merge(false);
    t.widths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
    sheet.activate();
    await context.sync();
  });
}
