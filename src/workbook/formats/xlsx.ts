import ExcelJS from "exceljs";
import type JSZip from "jszip";
import type { Grid, GridCell } from "../../engine";
import { DEFAULT_LIMITS, LimitError, limitMessage, type ReadLimits } from "../limits";
import { gridFromSparse, parseRange, type CellValue, type Merge, type SparseCell } from "./cells";
import { mergeArea, mergeLinear, nonOverlapping } from "./merges";
import { partNames, readPartBounded, utf8Text, xmlUnescape } from "./zip";

export interface XlsxLoaded {
  workbook: ExcelJS.Workbook;
  grids: Grid[];
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const MERGE_CELLS = /<(?:\w+:)?mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?mergeCells>)/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;
const CELL_TAG = /<(?:\w+:)?c[\s>/]/g;

/**
 * Load an .xlsx/.xlsm with ExcelJS, bounded by what is in the file: every part is decompressed under a size
 * limit before ExcelJS sees it, cells and merges are counted in the sheet XML, and the merge list is taken out
 * of the XML and merged in linear time (ExcelJS's merge handling is quadratic). Throws LimitError for a breach,
 * any other error when the file is not a workbook ExcelJS can read.
 */
export async function loadXlsx(zip: JSZip, data: Uint8Array, file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<XlsxLoaded> {
  let total = 0;
  let cells = 0;
  let mergeCount = 0;
  let merged = 0;
  const mergesByPart = new Map<string, Merge[]>();
  let changed = false;
  for (const name of partNames(zip)) {
    const isSheet = SHEET_PART.test(name);
    const { bytes, size } = await readPartBounded(zip, name, limits.sheetXmlBytes, () => limitMessage.sheetXml(file, name, limits), isSheet);
    total += size;
    if (total > limits.totalXmlBytes) throw new LimitError(limitMessage.totalXml(file, limits));
    if (!isSheet || !bytes) continue;
    const xml = utf8Text(bytes);
    cells += count(xml, CELL_TAG);
    if (cells > limits.cells) throw new LimitError(limitMessage.cells(file, cells, limits));
    const merges: Merge[] = [];
    let stripped = xml;
    if (/<(?:\w+:)?mergeCells\b/.test(xml)) {
      for (const block of xml.match(MERGE_CELLS) ?? []) {
        for (const m of block.matchAll(MERGE_REF)) {
          const r = parseRange(m[1]!);
          if (!r) continue;
          mergeCount++;
          if (mergeCount > limits.merges) throw new LimitError(limitMessage.merges(file, mergeCount, limits));
          merged += mergeArea(r);
          if (merged > limits.mergedCells) throw new LimitError(limitMessage.mergedCells(file, limits));
          merges.push(r);
        }
      }
      stripped = xml.replace(MERGE_CELLS, "");
      zip.file(name, stripped);
      changed = true;
    }
    mergesByPart.set(name.toLowerCase(), nonOverlapping(merges));
  }
  const sheetsByName = await sheetParts(zip);
  if (sheetsByName.size > limits.sheets) throw new LimitError(limitMessage.sheets(file, sheetsByName.size, limits));
  const input = changed ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : data;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => {
    const part = sheetsByName.get(ws.name);
    const merges = (part && mergesByPart.get(part.toLowerCase())) || [];
    if (merges.length) mergeLinear(ws, merges);
    if (ws.state === "visible" || ws.state === undefined) grids.push(worksheetToGrid(ws, file, limits, merges));
  });
  return { workbook, grids };
}

function count(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Sheet name → part path, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wbName = partNames(zip).find((n) => /^xl\/workbook\d*\.xml$/i.test(n));
  if (!wbName) return out;
  const wb = (await zip.file(wbName)?.async("string")) ?? "";
  const relsName = wbName.replace(/^xl\//i, "xl/_rels/") + ".rels";
  const rels = (await zip.file(relsName)?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, "/"));
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const rid = /\br:id="([^"]+)"|\b\w+:id="([^"]+)"/.exec(m[1]!);
    const id = rid?.[1] ?? rid?.[2];
    if (name !== undefined && id && targets.has(id)) out.set(xmlUnescape(name), targets.get(id)!);
  }
  return out;
}

/**
 * One worksheet as a grid sized by the cells present (values, formula results, formulas, merges, number
 * formats, fills, notes). `merges` are the sheet's merges in sheet coordinates (default: ExcelJS's list).
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file = "", limits: ReadLimits = DEFAULT_LIMITS, merges?: Merge[]): Grid {
  const list = merges ?? Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map((r) => parseRange(r.range)).filter((m): m is Merge => m !== null);
  const present: SparseCell[] = [];
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  rows.forEach((row, r) => {
    if (!row) return;
    const cells = (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells;
    cells.forEach((cell, c) => {
      if (!cell) return;
      const g = toGridCell(cell);
      if (g) present.push({ row: r, col: c, cell: g });
    });
  });
  return gridFromSparse(ws.name, present, list, limits.gridRows, limits.gridCols, (what, from, to) => {
    throw new LimitError(what === "rows" ? limitMessage.gridRows(file, ws.name, from, to, limits) : limitMessage.gridCols(file, ws.name, limits));
  });
}

function toGridCell(cell: ExcelJS.Cell): GridCell | null {
  if (cell.isMerged && cell.master.address !== cell.address) {
    const fill = fillOf(cell);
    return fill ? { v: null, fill } : null;
  }
  const raw = cell.value;
  let v: CellValue = null;
  let f: string | undefined;
  let fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  if (raw instanceof Date) {
    v = toSerial(raw);
    fmt = fmt ?? "yyyy-mm-dd";
  } else if (raw !== null && typeof raw === "object") {
    const o = raw as unknown as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      f = `=${String(o.formula ?? o.sharedFormula ?? "")}`;
      const res = o.result;
      v = res instanceof Date ? toSerial(res) : typeof res === "object" && res !== null ? ("error" in (res as object) ? String((res as { error: string }).error) : null) : ((res as CellValue | undefined) ?? null);
    } else if ("richText" in o) {
      v = (o.richText as { text: string }[]).map((t) => t.text).join("");
    } else if ("text" in o) {
      v = String(o.text);
    } else if ("error" in o) {
      v = String(o.error);
    }
  } else {
    v = (raw as CellValue | undefined) ?? null;
  }
  const fill = fillOf(cell);
  const note = noteOf(cell);
  if (v === null && !f && !fill && !note) return null;
  return { v, ...(f ? { f } : {}), ...(fmt ? { fmt } : {}), ...(fill ? { fill } : {}), ...(note ? { note } : {}) };
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") return fill.fgColor?.argb;
  return undefined;
}

function noteOf(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (!n) return undefined;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join("") : undefined;
}

/** A JavaScript date as an Excel serial (1900 date system, as Excel and WPS write). */
export function toSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}
