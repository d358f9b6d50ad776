/*
 * The only code that calls Office.js. Every user action is one Excel.run. Inside it, syncs are few and each is
 * forced by a documented limit (docs/excel-host.md):
 *   read   — one sync to learn where the data is (used range, selection areas), then the cells and merged areas in
 *            row blocks, as many blocks per sync as fit the payload budget (5 MB per response on the web; merged-
 *            area queries at most 512 merges each); a third sync only when a merged block crosses into the selection
 *            from outside it (its value lives in its top-left cell, outside the selection).
 *   write  — one sync per chunk of commands under the payload budget: one sync for a normal plan.
 * Writes wait for cell edit mode to end (delayForCellEdit). Every write first reads the cells it will touch and
 * EVAL's record (record.ts); the record is saved in the first request, before any cell is written, so a write that
 * fails half way can still be undone by 撤销, which works from the record kept in the workbook.
 */
import type { Grid, GridCell, HeldCell, UndoRecord, WritePlan } from "../engine";
import { cellsToRead, decideUndo, decideWrite, emptyRecord, freeSheetName, userView } from "../engine";
import { queueNotes, queueRecordParts, queueRecordXml, queueSaveRecord, readStates, recordBytes, recordFrom } from "./record";
import { a1, cols, intersect, jsonBytes, parseAreas, rows, type Rect } from "./address";
import { officeErrorMessage } from "./errors";
import { hasSelectedRanges, notesOf, payloadBudget, runOptions } from "./host";
import { chunkOps, cssColor, planToOps, textForExcel, type RangeOp } from "./ops";

export class ExcelError extends Error {}

/** A template to insert (the engine's Template, by shape). */
export interface TemplateLike {
  name: string;
  rows: (string | number | null)[][];
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  widths: number[];
}

export const MULTI_AREA_MESSAGE = "当前选择包含多个不相连的区域，而此版本的 Excel 只能读取单个区域：请只选中一个连续区域（或不选，读取整张工作表）后重试 / The selection has several areas: select one block and try again";

async function run<T>(f: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    const options = runOptions();
    return options ? await Excel.run(options, f) : await Excel.run(f);
  } catch (e) {
    if (e instanceof ExcelError) throw e;
    if ((e as { code?: string }).code === "InvalidSelection") throw new ExcelError(MULTI_AREA_MESSAGE);
    throw new ExcelError(officeErrorMessage(e));
  }
}

const errorCode = (e: unknown): string | undefined => (e as { code?: string })?.code;
const TOO_BIG = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"]);

/** Bytes per cell assumed before anything is measured: values + formulas (Chinese text, 3 bytes a character) + format + fill. */
const FIRST_BYTES_PER_CELL = 200;
/** Request bytes per queued block (range path, loads, getCellProperties or getMergedAreasOrNullObject). */
const BLOCK_REQUEST_BYTES = 1_200;
/** Response bytes assumed per merged-area block (≤ 512 addresses; most blocks have a handful). */
const MERGE_RESPONSE_BYTES = 4_000;
/** getMergedAreasOrNullObject fails past 512 merged areas (Range reference, ExcelApi 1.13). */
export const MERGED_AREAS_LIMIT = 512;

/**
 * A block of R rows × C columns can hold at most (R+1)(C+1)/2 merges whose top-left lies in it (each merge is
 * at least two cells, its top-left and the cell right of or below it, all disjoint), so blocks with
 * (R+1)(C+1) ≤ 2·512 can never make getMergedAreasOrNullObject fail.
 */
export function mergeTiles(area: Rect): Rect[] {
  const c = Math.min(cols(area), 63);
  const r = Math.max(1, Math.floor((2 * MERGED_AREAS_LIMIT) / (c + 1)) - 1);
  const out: Rect[] = [];
  for (let r1 = area.r1; r1 <= area.r2; r1 += r) {
    for (let c1 = area.c1; c1 <= area.c2; c1 += c) out.push({ r1, c1, r2: Math.min(area.r2, r1 + r - 1), c2: Math.min(area.c2, c1 + c - 1) });
  }
  return out;
}

type CellsJob = { kind: "cells"; rect: Rect };
type MergesJob = { kind: "merges"; rect: Rect };
type Job = CellsJob | MergesJob;

interface CellsBlock {
  rect: Rect;
  values: unknown[][];
  formulas: unknown[][];
  formats: string[][];
  fills: { format?: { fill?: { color?: string; pattern?: string } } }[][];
}

/**
 * Run read jobs in as few syncs as the payload budget allows. Each sync carries as many jobs as fit (estimated
 * from the bytes per cell measured so far); a sync refused for its size is retried in halves ("If you encounter
 * a limit error, retry with a smaller block size": Read or write to a large range).
 */
async function readJobs(context: Excel.RequestContext, sheet: Excel.Worksheet, jobs: Job[]): Promise<{ blocks: CellsBlock[]; merges: Rect[] }> {
  const budget = payloadBudget();
  const blocks: CellsBlock[] = [];
  const merges: Rect[] = [];
  let perCell = FIRST_BYTES_PER_CELL;
  const estimate = (j: Job) => (j.kind === "cells" ? rows(j.rect) * cols(j.rect) * perCell : MERGE_RESPONSE_BYTES);
  const queue = [...jobs];
  let maxJobs = Infinity;
  while (queue.length > 0) {
    const batch: Job[] = [];
    let response = 0;
    let request = 0;
    while (queue.length > 0 && batch.length < maxJobs) {
      const j = queue[0]!;
      if (batch.length > 0 && (response + estimate(j) > budget || request + BLOCK_REQUEST_BYTES > budget)) break;
      batch.push(queue.shift()!);
      response += estimate(j);
      request += BLOCK_REQUEST_BYTES;
    }
    const pending = batch.map((j) => {
      const range = sheet.getRangeByIndexes(j.rect.r1, j.rect.c1, rows(j.rect), cols(j.rect));
      if (j.kind === "merges") {
        const m = range.getMergedAreasOrNullObject();
        m.load("address");
        return { j, m };
      }
      range.load(["values", "formulas", "numberFormat"]);
      const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      return { j, range, props };
    });
    try {
      await context.sync();
    } catch (e) {
      if (!TOO_BIG.has(errorCode(e) ?? "")) throw e;
      // Too big: fewer blocks per sync, or a single block in halves, and go again.
      queue.unshift(...batch);
      if (batch.length > 1) {
        maxJobs = Math.ceil(batch.length / 2);
        continue;
      }
      const j = queue.shift()!;
      if (rows(j.rect) < 2) throw e;
      const mid = j.rect.r1 + Math.floor(rows(j.rect) / 2) - 1;
      queue.unshift({ ...j, rect: { ...j.rect, r2: mid } }, { ...j, rect: { ...j.rect, r1: mid + 1 } });
      continue;
    }
    let cells = 0;
    let bytes = 0;
    for (const p of pending) {
      if (p.j.kind === "merges") {
        if (!p.m!.isNullObject) merges.push(...parseAreas(p.m!.address));
        continue;
      }
      const block: CellsBlock = {
        rect: p.j.rect,
        values: p.range!.values,
        formulas: p.range!.formulas,
        formats: p.range!.numberFormat as string[][],
        fills: p.props!.value as CellsBlock["fills"],
      };
      blocks.push(block);
      cells += rows(p.j.rect) * cols(p.j.rect);
      bytes += jsonBytes(block.values) + jsonBytes(block.formulas) + jsonBytes(block.formats) + jsonBytes(block.fills);
    }
    // What came back sets the estimate for the next syncs (with a margin for Excel's own encoding).
    if (cells > 0) perCell = Math.max(24, (bytes / cells) * 1.3);
  }
  return { blocks, merges };
}

/** Row blocks of a rectangle sized to about a quarter of the budget each, so several fit one sync. */
function cellJobs(area: Rect, budget: number): CellsJob[] {
  const perRow = cols(area) * FIRST_BYTES_PER_CELL;
  const n = Math.max(1, Math.floor(budget / 4 / perRow));
  const out: CellsJob[] = [];
  for (let r1 = area.r1; r1 <= area.r2; r1 += n) out.push({ kind: "cells", rect: { ...area, r1, r2: Math.min(area.r2, r1 + n - 1) } });
  return out;
}

function toGridCell(v: unknown, f: unknown, fmt: string | undefined, fp: { color?: string; pattern?: string } | undefined): GridCell | null {
  const fill = fp && fp.pattern && fp.pattern !== "None" && fp.color ? `FF${fp.color.replace("#", "").toUpperCase()}` : undefined;
  const value = v === "" || v === null || v === undefined ? null : (v as GridCell["v"]);
  // A formula that shows "" is the user's cell all the same: kept, with its formula.
  const isFormula = typeof f === "string" && f.startsWith("=");
  if (value === null && !fill && !isFormula) return null;
  return {
    v: value,
    // A text constant reads back the same in formulas and values; only a real formula differs from its result.
    ...(typeof f === "string" && f.startsWith("=") && f !== v ? { f } : {}),
    ...(fmt && fmt !== "General" ? { fmt } : {}),
    ...(fill ? { fill } : {}),
  };
}

/** The cells of `area` from the blocks read. */
function cellsOf(area: Rect, blocks: CellsBlock[]): (GridCell | null)[][] {
  const out: (GridCell | null)[][] = Array.from({ length: rows(area) }, () => Array<GridCell | null>(cols(area)).fill(null));
  for (const b of blocks) {
    const x = intersect(b.rect, area);
    if (!x) continue;
    for (let r = x.r1; r <= x.r2; r++) {
      const i = r - b.rect.r1;
      for (let c: number = x.c1; c <= x.c2; c++) {
        const k: number = c - b.rect.c1;
        out[r - area.r1]![c - area.c1] = toGridCell(b.values[i]?.[k], b.formulas[i]?.[k], b.formats[i]?.[k], b.fills[i]?.[k]?.format?.fill);
      }
    }
  }
  return out;
}

/**
 * Read the active sheet's used range, or each area of the selection intersected with the used range (a whole-
 * column selection such as C:H becomes the used rows of C:H), with values, formulas, number formats, fills and
 * merged areas. One grid per selected area.
 */
export async function readRegions(scope: "sheet" | "selection"): Promise<Grid[]> {
  return run(async (context) => {
    const workbook = context.workbook;
    const sheet = workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    const parts = queueRecordParts(context);
    // Notes are the user's content too (a note-only cell is never written over): their texts now, their cells with
    // the blocks' first sync.
    const noteList = notesOf(sheet);
    noteList?.load("items/content");
    let selection: { address: string } | null = null;
    if (scope === "selection") {
      // getSelectedRanges sees every area; getSelectedRange throws InvalidSelection on a multi-area selection.
      const s = hasSelectedRanges(workbook) ? workbook.getSelectedRanges() : workbook.getSelectedRange();
      s.load("address");
      selection = s;
    }
    await context.sync();
    const name = sheet.name;
    // EVAL's record rides on the cells' first sync: its own cells are shown as the user's table had them.
    const xml = queueRecordXml(parts);
    const noteCells = (noteList?.items ?? []).map((n) => {
      const where = n.getLocation();
      where.load(["rowIndex", "columnIndex"]);
      return { n, where };
    });
    if (used.isNullObject) return [{ sheet: name, origin: { row: 0, col: 0 }, cells: [], merges: [] }];
    const usedRect: Rect = { r1: used.rowIndex, c1: used.columnIndex, r2: used.rowIndex + used.rowCount - 1, c2: used.columnIndex + used.columnCount - 1 };
    const areas = selection ? parseAreas(selection.address) : [usedRect];
    const targets = areas.map((a) => intersect(a, usedRect)).filter((r): r is Rect => r !== null);
    if (targets.length === 0) {
      const first = areas[0];
      return [{ sheet: name, origin: { row: first?.r1 ?? 0, col: first?.c1 ?? 0 }, cells: [], merges: [] }];
    }
    // Merged areas are found by their top-left cell (office-js #3611): for a selection, look from the used
    // range's top-left down to the selection, so a merge that starts above or left of it is found too.
    const band: Rect = selection
      ? { r1: usedRect.r1, c1: usedRect.c1, r2: Math.max(...targets.map((t) => t.r2)), c2: Math.max(...targets.map((t) => t.c2)) }
      : usedRect;
    const budget = payloadBudget();
    const jobs: Job[] = [...targets.flatMap((t) => cellJobs(t, budget)), ...mergeTiles(band).map((rect): MergesJob => ({ kind: "merges", rect }))];
    const { blocks, merges } = await readJobs(context, sheet, jobs);
    const unique = [...new Map(merges.map((m) => [a1(m), m])).values()];

    // A merge that crosses into a target from outside: its value is in its top-left cell, outside the target.
    const outside = new Map<string, Rect>();
    for (const t of targets) {
      for (const m of unique) {
        if (intersect(m, t) && !(m.r1 >= t.r1 && m.c1 >= t.c1)) outside.set(a1({ r1: m.r1, c1: m.c1, r2: m.r1, c2: m.c1 }), { r1: m.r1, c1: m.c1, r2: m.r1, c2: m.c1 });
      }
    }
    const topLefts = outside.size > 0 ? (await readJobs(context, sheet, [...outside.values()].map((rect): CellsJob => ({ kind: "cells", rect })))).blocks : [];
    const record = recordFrom(xml);

    return targets.map((t): Grid => {
      const cells = cellsOf(t, blocks);
      for (const { n, where } of noteCells) {
        const r = where.rowIndex - t.r1;
        const k = where.columnIndex - t.c1;
        if (r < 0 || k < 0 || r >= cells.length || k >= cells[r]!.length) continue;
        cells[r]![k] = { ...(cells[r]![k] ?? { v: null }), note: n.content };
      }
      const gridMerges: Grid["merges"] = [];
      for (const m of unique) {
        const x = intersect(m, t);
        if (!x) continue;
        gridMerges.push({ r1: x.r1 - t.r1, c1: x.c1 - t.c1, r2: x.r2 - t.r1, c2: x.c2 - t.c1 });
        if (x.r1 !== m.r1 || x.c1 !== m.c1) {
          // Show the merged block's value in the part that is inside the selection, as the user sees it.
          const tl = cellsOf({ r1: m.r1, c1: m.c1, r2: m.r1, c2: m.c1 }, topLefts)[0]![0]!;
          cells[x.r1 - t.r1]![x.c1 - t.c1] = tl;
        }
      }
      gridMerges.sort((p, q) => p.r1 - q.r1 || p.c1 - q.c1);
      return userView({ sheet: name, origin: { row: t.r1, col: t.c1 }, cells, merges: gridMerges }, record);
    });
  });
}

/** The first area's grid (see readRegions). */
export async function readRegion(scope: "sheet" | "selection"): Promise<Grid> {
  return (await readRegions(scope))[0]!;
}

/** What a write-back did: cells written, and the plan's cells left alone because they hold the user's content. */
export interface WriteReport {
  written: number;
  held: HeldCell[];
  syncs: number;
}

/** What 撤销 did: cells restored, cells kept because the user changed them since, sheets removed. */
export interface UndoReport {
  restored: number;
  kept: HeldCell[];
  sheetsRemoved: string[];
  syncs: number;
}

export const PARTIAL_WRITE = "写回在中途失败：已写入的单元格已记录在工作簿中，点击“撤销”可全部恢复";

/** Queue one op on its sheet (values, formulas, formats, fills, bold, notes). */
function queueOp(op: RangeOp, sheetOf: (name: string) => Excel.Worksheet, notesFor: (name: string) => Excel.NoteCollection | null): void {
  const sheet = sheetOf(op.sheet);
  if (op.formulas || op.values || op.numberFormat || op.fill !== undefined || op.bold !== undefined) {
    const r = sheet.getRange(op.address);
    if (op.values) r.values = op.values;
    if (op.formulas) r.formulas = op.formulas;
    if (op.numberFormat) r.numberFormat = op.numberFormat;
    if (op.fill === null) r.format.fill.clear();
    else if (op.fill) r.format.fill.color = cssColor(op.fill);
    if (op.bold !== undefined) r.format.font.bold = op.bold;
  }
  const n = op.note !== undefined ? notesFor(op.sheet) : null;
  if (n) {
    // One note per cell: remove any note there first (a call on a null object does nothing), then add.
    n.getItemOrNullObject(op.address).delete();
    if (op.note) n.add(op.address, op.note);
  }
}

function sheetCache(context: Excel.RequestContext) {
  const sheets = new Map<string, Excel.Worksheet>();
  const notes = new Map<string, Excel.NoteCollection | null>();
  const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
  const notesFor = (name: string) => (notes.has(name) ? notes.get(name)! : notes.set(name, notesOf(sheetOf(name))).get(name)!);
  return { sheetOf, notesFor };
}

/**
 * Write ops in chunks under the payload budget, the record's save queued first (before any cell), so that a chunk
 * that fails leaves a record 撤销 can work from. The only place with more than one sync for the writes: each
 * chunk must reach Excel before the next is queued (the 5 MB request limit on the web).
 */
async function writeChunks(context: Excel.RequestContext, ops: RangeOp[], save: (() => void) | null, saveBytes: number, c: ReturnType<typeof sheetCache>): Promise<number> {
  const budget = payloadBudget();
  const chunks = chunkOps([{ sheet: "", address: "", bytes: saveBytes }, ...ops], budget);
  let syncs = 0;
  for (const [i, chunk] of chunks.entries()) {
    for (const op of chunk) {
      if (op.sheet === "") save?.();
      else queueOp(op, c.sheetOf, c.notesFor);
    }
    try {
      await context.sync();
    } catch (e) {
      if (i > 0 || chunk.length > 1) throw new ExcelError(`${PARTIAL_WRITE}（${officeErrorMessage(e)}）`);
      throw e;
    }
    syncs++;
  }
  return syncs;
}

/**
 * Apply write plans (one per table found) in one Excel.run, never losing the user's work:
 *   sync 1  EVAL's record parts, each plan sheet's notes;
 *   sync 2  the record's text, and the current value, formula, number format, fill, bold and note of every cell the
 *           plans touch (a formula that shows "" is content, a note is the user's);
 *   sync 3  only when an earlier run of the same plans left cells this run does not write: their states;
 *   then    the record (saved first) and the writes, one sync per chunk under the payload budget.
 * A plan cell holding the user's content is not written (listed in `held`); EVAL's own cells from an earlier
 * write-back are updated in place; text goes in as values, formulas only where EVAL composed them.
 */
export async function applyPlans(plans: WritePlan[]): Promise<WriteReport> {
  return run(async (context) => {
    const c = sheetCache(context);
    const parts = queueRecordParts(context);
    const sheets = [...new Set(plans.map((p) => p.sheet))];
    for (const s of sheets) c.sheetOf(s).load("name");
    const noteLists = queueNotes(c.sheetOf, sheets);
    await context.sync();
    const xml = queueRecordXml(parts);
    const planCells = cellsToRead(plans, emptyRecord());
    const first = await readStates(context, c.sheetOf, planCells, noteLists);
    let syncs = 1 + first.syncs;
    const old = recordFrom(xml) ?? emptyRecord();
    const keys = new Set(plans.map((p) => p.key));
    const extra = new Map<string, Set<string>>();
    for (const cell of old.cells) {
      if (!keys.has(cell.k) || planCells.get(cell.s)?.has(cell.a)) continue;
      (extra.get(cell.s) ?? extra.set(cell.s, new Set()).get(cell.s)!).add(cell.a);
    }
    let second: Awaited<ReturnType<typeof readStates>> | null = null;
    if (extra.size > 0) {
      second = await readStates(context, c.sheetOf, extra, new Map([...extra.keys()].map((s) => [s, noteLists.get(s) ?? null])));
      syncs += second.syncs;
    }
    const notes = first.notes && (second?.notes ?? true);
    const d = decideWrite(plans, old, (s, a) => (extra.get(s)?.has(a) && second ? second.state(s, a) : first.state(s, a)), notes);
    const ops = d.plans.flatMap(planToOps);
    syncs += await writeChunks(context, ops, () => queueSaveRecord(context, parts, d.record), recordBytes(d.record), c);
    return { written: d.plans.reduce((n, p) => n + p.writes.length, 0), held: d.held, syncs };
  });
}

/**
 * 撤销, from the record kept in the workbook (so it works after the pane was closed or the workbook reopened):
 * every cell EVAL wrote that still holds what EVAL left goes back to what it held before; a cell the user changed
 * since is kept and listed; sheets EVAL created are deleted; the record is removed. Syncs: the record parts; their
 * text and the sheets' notes; the cells' states (and notes' locations); the restores (chunked).
 */
export async function undoWrites(): Promise<UndoReport> {
  return run(async (context) => {
    const c = sheetCache(context);
    const parts = queueRecordParts(context);
    await context.sync();
    const xml = queueRecordXml(parts);
    await context.sync();
    const record = recordFrom(xml);
    if (!record) return { restored: 0, kept: [], sheetsRemoved: [], syncs: 2 };
    const cells = cellsToRead([], record);
    // A recorded sheet may be gone (deleted or renamed by the user): its cells are listed, not written.
    const present = [...cells.keys()].map((s) => ({ s, ws: context.workbook.worksheets.getItemOrNullObject(s) }));
    const created = record.sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(s));
    await context.sync();
    const gone = new Set(present.filter((p) => p.ws.isNullObject).map((p) => p.s));
    for (const s of gone) cells.delete(s);
    const noteLists = queueNotes(c.sheetOf, cells.keys());
    await context.sync();
    const states = await readStates(context, c.sheetOf, cells, noteLists);
    const d = decideUndo({ ...record, cells: record.cells.filter((x) => !gone.has(x.s)) }, states.state, states.notes);
    const kept = [...d.kept, ...record.cells.filter((x) => gone.has(x.s)).map((x): HeldCell => ({ sheet: x.s, address: x.a, now: "（工作表已不存在）", reason: "edited" }))];
    const ops = d.plans.flatMap(planToOps);
    for (const ws of created) ws.delete();
    const syncs = 3 + states.syncs + (await writeChunks(context, ops, () => queueSaveRecord(context, parts, emptyRecord()), 1_000, c));
    return { restored: d.restored, kept, sheetsRemoved: record.sheets.filter((_, i) => !created[i]!.isNullObject), syncs };
  });
}

/** Whether the workbook holds an undo record (cells and created sheets), for the pane's 撤销 button. */
export async function undoState(): Promise<{ cells: number; sheets: number } | null> {
  return run(async (context) => {
    const parts = queueRecordParts(context);
    await context.sync();
    const xml = queueRecordXml(parts);
    await context.sync();
    const r = recordFrom(xml);
    return r && (r.cells.length > 0 || r.sheets.length > 0) ? { cells: r.cells.length, sheets: r.sheets.length } : null;
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

/**
 * Add a summary sheet (rows of values) with a native column chart of 复核得分 by 一级指标, under `name` when that is
 * free or a sheet EVAL created, else under a free name (`汇总-表 (2)`): a sheet of the user's is never replaced. The
 * sheet joins EVAL's record (saved before the sheet is added), so 撤销 removes it. Returns the name used.
 */
export async function addSummarySheet(name: string, rows: (string | number)[][], chartRows: number): Promise<string> {
  return run(async (context) => {
    const parts = queueRecordParts(context);
    const all = context.workbook.worksheets;
    all.load("items/name");
    await context.sync();
    const xml = queueRecordXml(parts);
    await context.sync();
    const record: UndoRecord = recordFrom(xml) ?? emptyRecord();
    const names = new Set(all.items.map((w) => w.name));
    const ours = new Set(record.sheets);
    const chosen = freeSheetName(name, (n) => names.has(n) && !ours.has(n));
    queueSaveRecord(context, parts, { ...record, sheets: [...new Set([...record.sheets, chosen])] });
    // Only a sheet EVAL created can be under the chosen name: it is replaced.
    if (names.has(chosen)) all.getItem(chosen).delete();
    const sheet = all.add(chosen);
    const width = Math.max(...rows.map((r) => r.length));
    const data = rows.map((r) => Array.from({ length: width }, (_, i) => {
      const v = r[i] ?? "";
      return typeof v === "string" ? textForExcel(v) : v;
    }));
    const range = sheet.getRangeByIndexes(0, 0, data.length, width);
    range.values = data;
    sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    // The 汇总 sheet (chartRows > 0): 得分率 as percents and a chart; a plain list (问题清单) has neither.
    if (chartRows > 0) {
      if (data.length > 1 && width > 3) sheet.getRangeByIndexes(1, 3, data.length - 1, 1).numberFormat = data.slice(1).map(() => ["0.00%"]);
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRangeByIndexes(0, 0, chartRows + 1, 3), Excel.ChartSeriesBy.columns);
      chart.title.text = "各一级指标权重与复核得分";
      chart.setPosition("F2");
    }
    sheet.activate();
    await context.sync();
    return chosen;
  });
}

/**
 * Turn every formula the plans wrote into its value (固化), so the workbook works without the add-in: the
 * written runs are loaded in one sync (or more, by the response budget) and written back as values.
 */
export async function freezeFormulas(plans: WritePlan[]): Promise<number> {
  const ops = plans.flatMap((p) => planToOps({ sheet: p.sheet, writes: p.writes.filter((w) => w.formula !== undefined) }).filter((o) => o.formulas));
  if (ops.length === 0) return 0;
  const budget = payloadBudget();
  return run(async (context) => {
    const sheets = new Map<string, Excel.Worksheet>();
    const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
    // The values come back once (in response chunks) and go out as values (in request chunks).
    const loaded: { op: RangeOp; values: (string | number | boolean)[][] }[] = [];
    for (const chunk of chunkOps(ops, budget / 2)) {
      const ranges = chunk.map((op) => ({ op, r: sheetOf(op.sheet).getRange(op.address).load("values") }));
      await context.sync();
      for (const { op, r } of ranges) loaded.push({ op, values: r.values.map((row) => row.map((v) => (typeof v === "string" ? textOrValue(v) : v))) });
    }
    const writes = loaded.map(({ op, values }): RangeOp & { shown: (string | number | boolean)[][] } => ({ ...op, shown: values }));
    for (const chunk of chunkOps(writes, budget)) {
      for (const w of chunk as typeof writes) sheetOf(w.sheet).getRange(w.address).values = w.shown;
      await context.sync();
    }
    return ops.reduce((n, op) => n + (op.formulas?.length ?? 0), 0);
  });
}

/** A shown text value written back as text (an error value such as #N/A stays as its text). */
function textOrValue(v: string): string {
  return v === "" ? "" : /^[=+\-'0-9.]/.test(v) || /^(true|false)$/i.test(v) ? `'${v}` : v;
}

/** Insert a blank template table in a new sheet. */
export async function insertTemplate(t: TemplateLike): Promise<void> {
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
