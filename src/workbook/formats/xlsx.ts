import ExcelJS from "exceljs";
import type JSZip from "jszip";
import type { Grid, GridCell } from "../../engine";
import { DEFAULT_LIMITS, LimitError, limitMessage, type ReadLimits } from "../limits";
import { gridFromSparse, parseRange, type CellValue, type Merge, type SparseCell } from "./cells";
import { mergeArea, mergeLinear, nonOverlapping } from "./merges";
import { commentsOf, sharedStrings, sheetCells, stylesOf } from "./sheetXml";
import { partNames, readPartBounded, resolvePart, utf8Text, xmlUnescape } from "./zip";

export interface XlsxLoaded {
  /** The workbook as ExcelJS reads it, loaded on first call (the scored copy is patched, so most runs never need it). */
  workbook: () => Promise<ExcelJS.Workbook>;
  grids: Grid[];
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** Parts the grids are read from besides the sheets: the workbook, its relationships, strings, styles, comments. */
const TEXT_PART = /^xl\/(?:workbook\d*\.xml|_rels\/workbook\d*\.xml\.rels|sharedStrings\d*\.xml|styles\d*\.xml|comments[^/]*\.xml|worksheets\/_rels\/[^/]+\.rels)$/i;
const MERGE_CELLS = /<(?:\w+:)?mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?mergeCells>)/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;
const CELL_TAG = /<(?:\w+:)?c[\s>/]/g;

/**
 * Read an .xlsx/.xlsm bounded by what is in the file: every part is decompressed under a size limit, cells and
 * merges are counted in the sheet XML, and the grids are read straight from the XML (formats/sheetXml.ts), with
 * merges in linear time. ExcelJS loads the workbook only when `workbook()` is called (the browser's file mode
 * and a copy the patcher cannot make), with the merges taken out of its input and merged in linear time (its own
 * merge handling is quadratic). Throws LimitError for a breach, any other error when the file is not a workbook.
 */
export async function loadXlsx(zip: JSZip, data: Uint8Array, file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<XlsxLoaded> {
  let total = 0;
  let cells = 0;
  let mergeCount = 0;
  let merged = 0;
  const mergesByPart = new Map<string, Merge[]>();
  const texts = new Map<string, string>();
  const stripped = new Map<string, string>();
  for (const name of partNames(zip)) {
    const isSheet = SHEET_PART.test(name);
    const keep = isSheet || TEXT_PART.test(name);
    const { bytes, size } = await readPartBounded(zip, name, limits.sheetXmlBytes, () => limitMessage.sheetXml(file, name, limits), keep);
    total += size;
    if (total > limits.totalXmlBytes) throw new LimitError(limitMessage.totalXml(file, limits));
    if (!keep || !bytes) continue;
    const xml = utf8Text(bytes);
    texts.set(name.toLowerCase(), xml);
    if (!isSheet) continue;
    cells += count(xml, CELL_TAG);
    if (cells > limits.cells) throw new LimitError(limitMessage.cells(file, cells, limits));
    const merges: Merge[] = [];
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
      stripped.set(name, xml.replace(MERGE_CELLS, ""));
    }
    mergesByPart.set(name.toLowerCase(), nonOverlapping(merges.filter((m) => m.r1 !== m.r2 || m.c1 !== m.c2)));
  }
  const sheets = sheetList(texts);
  if (sheets.length > limits.sheets) throw new LimitError(limitMessage.sheets(file, sheets.length, limits));
  const grids = readGrids(texts, sheets, mergesByPart, file, limits);
  let loaded: Promise<ExcelJS.Workbook> | null = null;
  const workbook = () => (loaded ??= loadWithExcelJs(zip, data, stripped, sheets, mergesByPart));
  return { workbook, grids };
}

interface SheetEntry {
  name: string;
  part: string;
  visible: boolean;
}

async function loadWithExcelJs(zip: JSZip, data: Uint8Array, stripped: Map<string, string>, sheets: SheetEntry[], mergesByPart: Map<string, Merge[]>): Promise<ExcelJS.Workbook> {
  for (const [name, xml] of stripped) zip.file(name, xml);
  const input = stripped.size ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : data;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const partOf = new Map(sheets.map((s) => [s.name, s.part]));
  workbook.eachSheet((ws) => {
    const part = partOf.get(ws.name);
    const merges = (part && mergesByPart.get(part.toLowerCase())) || [];
    if (merges.length) mergeLinear(ws, merges);
  });
  return workbook;
}

/** The visible sheets' grids, in tab order, read from the XML parts kept. */
function readGrids(texts: Map<string, string>, sheets: SheetEntry[], mergesByPart: Map<string, Merge[]>, file: string, limits: ReadLimits): Grid[] {
  const wbName = [...texts.keys()].find((n) => /^xl\/workbook\d*\.xml$/.test(n)) ?? "";
  const rels = relationships(texts.get(wbName.replace(/^xl\//, "xl/_rels/") + ".rels") ?? "", "xl");
  const byType = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target.toLowerCase();
  const strings = sharedStrings(texts.get(byType("sharedStrings") ?? "xl/sharedstrings.xml") ?? "");
  const styles = stylesOf(texts.get(byType("styles") ?? "xl/styles.xml") ?? "");
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(texts.get(wbName) ?? "");
  const grids: Grid[] = [];
  for (const s of sheets) {
    if (!s.visible) continue;
    const part = s.part.toLowerCase();
    const xml = texts.get(part);
    if (xml === undefined) continue;
    const sheetRels = relationships(texts.get(part.replace(/^(.*\/)([^/]+)$/, "$1_rels/$2.rels")) ?? "", part.replace(/\/[^/]+$/, ""));
    const commentPart = [...sheetRels.values()].find((r) => r.type.endsWith("/comments"))?.target.toLowerCase();
    const notes = commentsOf(commentPart ? (texts.get(commentPart) ?? "") : "");
    const merges = mergesByPart.get(part) ?? [];
    const covered = new Set<number>();
    for (const m of merges) for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(r * 16384 + c);
    const present = sheetCells(xml, { strings, styles, notes, date1904, covered });
    grids.push(
      gridFromSparse(s.name, present, merges, limits.gridRows, limits.gridCols, (what, from, to) => {
        throw new LimitError(what === "rows" ? limitMessage.gridRows(file, s.name, from, to, limits) : limitMessage.gridCols(file, s.name, limits));
      }),
    );
  }
  return grids;
}

function count(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Relationship id → target part (lower-cased package path) and type, from a .rels part. */
function relationships(xml: string, baseDir: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1]!)?.[1];
    const type = /\bType="([^"]+)"/.exec(m[1]!)?.[1] ?? "";
    if (id && target && !/\bTargetMode="External"/.test(m[1]!)) out.set(id, { target: resolvePart(baseDir, xmlUnescape(target)), type });
  }
  return out;
}

/** The sheets in tab order: name, part and whether it is visible (xl/workbook.xml and its relationships). */
function sheetList(texts: Map<string, string>): SheetEntry[] {
  const wbName = [...texts.keys()].find((n) => /^xl\/workbook\d*\.xml$/.test(n));
  if (!wbName) return [];
  const rels = relationships(texts.get(wbName.replace(/^xl\//, "xl/_rels/") + ".rels") ?? "", "xl");
  const out: SheetEntry[] = [];
  for (const m of (texts.get(wbName) ?? "").matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const rid = /\br:id="([^"]+)"|\b\w+:id="([^"]+)"/.exec(m[1]!);
    const id = rid?.[1] ?? rid?.[2];
    const state = /\bstate="([^"]*)"/.exec(m[1]!)?.[1];
    const rel = id ? rels.get(id) : undefined;
    if (name !== undefined && rel && SHEET_PART.test(rel.target)) out.push({ name: xmlUnescape(name), part: rel.target, visible: !state || state === "visible" });
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
