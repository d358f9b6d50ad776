/* Build the same table in every format a reviewer receives, and hostile workbooks, in memory (no big committed files). */
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import type { Grid } from "../../src/engine";

type V = string | number | boolean | null;

/** A grid's values as rows (formula results; merged cells empty except their first). */
export function valuesOf(g: Grid): V[][] {
  const rows = g.origin.row + g.cells.length;
  const out: V[][] = [];
  for (let r = 0; r < rows; r++) out.push([]);
  g.cells.forEach((row, r) => row.forEach((c, col) => {
    if (c && c.v !== null) out[g.origin.row + r]![g.origin.col + col] = c.v;
  }));
  return out.map((r) => Array.from({ length: r.length }, (_, i) => r[i] ?? null));
}

export function mergesOf(g: Grid): { r1: number; c1: number; r2: number; c2: number }[] {
  return g.merges.map((m) => ({ r1: m.r1 + g.origin.row, c1: m.c1 + g.origin.col, r2: m.r2 + g.origin.row, c2: m.c2 + g.origin.col }));
}

/** BIFF8 .xls (also what WPS saves as .et), OpenDocument .ods, HTML and CSV from SheetJS, from one grid's values and merges. */
export function sheetjsWrite(g: Grid, bookType: "biff8" | "ods" | "html" | "csv"): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(valuesOf(g));
  ws["!merges"] = mergesOf(g).map((m) => ({ s: { r: m.r1, c: m.c1 }, e: { r: m.r2, c: m.c2 } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, g.sheet.slice(0, 31));
  const out = XLSX.write(wb, { bookType, type: bookType === "biff8" || bookType === "ods" ? "array" : "string" }) as ArrayBuffer | string;
  return typeof out === "string" ? new TextEncoder().encode(out) : new Uint8Array(out);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** SpreadsheetML 2003 (what provincial systems export as ".xls"), with MergeAcross/MergeDown. */
export function xml2003(g: Grid): Uint8Array {
  const values = valuesOf(g);
  const merges = mergesOf(g);
  const covered = new Set<string>();
  const master = new Map<string, { across: number; down: number }>();
  for (const m of merges) {
    master.set(`${m.r1},${m.c1}`, { across: m.c2 - m.c1, down: m.r2 - m.r1 });
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
  }
  const rows = values.map((row, r) => {
    const cells: string[] = [];
    let next = 0;
    const width = Math.max(row.length, ...merges.filter((m) => m.r1 === r).map((m) => m.c1 + 1));
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const v = row[c] ?? null;
      const mm = master.get(`${r},${c}`);
      if (v === null && !mm) continue;
      const attrs = `${c !== next ? ` ss:Index="${c + 1}"` : ""}${mm?.across ? ` ss:MergeAcross="${mm.across}"` : ""}${mm?.down ? ` ss:MergeDown="${mm.down}"` : ""}`;
      const data = v === null ? "" : typeof v === "number" ? `<Data ss:Type="Number">${v}</Data>` : typeof v === "boolean" ? `<Data ss:Type="Boolean">${v ? 1 : 0}</Data>` : `<Data ss:Type="String">${esc(v)}</Data>`;
      cells.push(`<Cell${attrs}>${data}</Cell>`);
      next = c + 1 + (mm?.across ?? 0);
    }
    return `<Row ss:Index="${r + 1}">${cells.join("")}</Row>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="${esc(g.sheet)}"><Table>${rows.join("")}</Table></Worksheet></Workbook>`;
  return new TextEncoder().encode(xml);
}

/** A Word .docx holding the grid as one table (gridSpan for merged columns, vMerge for merged rows). */
export async function docx(g: Grid): Promise<Uint8Array> {
  const values = valuesOf(g);
  const merges = mergesOf(g);
  const width = Math.max(...values.map((r) => r.length), ...merges.map((m) => m.c2 + 1));
  const at = (r: number, c: number) => merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  const rows = values.map((row, r) => {
    const tcs: string[] = [];
    for (let c = 0; c < width; ) {
      const m = at(r, c);
      const span = m ? m.c2 - m.c1 + 1 : 1;
      const vmerge = m && m.r2 > m.r1 ? (r === m.r1 ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : "";
      const v = m ? (r === m.r1 ? values[m.r1]![m.c1] : null) : row[c];
      const text = v === null || v === undefined ? "" : String(v);
      const paras = (text === "" ? [""] : text.split("\n")).map((t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`).join("");
      tcs.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${vmerge}</w:tcPr>${paras}</w:tc>`);
      c += span;
    }
    return `<w:tr>${tcs.join("")}</w:tr>`;
  });
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>项目支出绩效自评表</w:t></w:r></w:p><w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(width)}</w:tblGrid>${rows.join("")}</w:tbl></w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** An .xlsx written by hand: one sheet's XML given whole (for hostile cells, dimensions and merges). */
export async function xlsxWithSheet(sheetXml: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  for (const [k, v] of Object.entries(extra)) zip.file(k, v);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export const SHEET_NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
const col = (n: number) => {
  let s = "";
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
export const ref = (r: number, c: number) => `${col(c)}${r + 1}`;

/** Inline-string cells, rows in order: [[row, col, text]]. */
export function sheetXml(cells: [number, number, string | number][], opts: { dimension?: string; merges?: string[] } = {}): string {
  const byRow = new Map<number, string[]>();
  for (const [r, c, v] of cells) {
    const x = typeof v === "number" ? `<c r="${ref(r, c)}"><v>${v}</v></c>` : `<c r="${ref(r, c)}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(x);
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([r, xs]) => `<row r="${r + 1}">${xs.join("")}</row>`).join("");
  const merges = opts.merges?.length ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}>${opts.dimension ? `<dimension ref="${opts.dimension}"/>` : ""}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

/** A small indicator table (the header words detection looks for) at the top left, as cells. */
export const SMALL_TABLE: [number, number, string | number][] = [
  [0, 0, "一级指标"], [0, 1, "三级指标"], [0, 2, "分值"], [0, 3, "年度指标值"], [0, 4, "实际完成值"], [0, 5, "得分"],
  [1, 0, "产出指标"], [1, 1, "培训人数"], [1, 2, 50], [1, 3, "≥100人"], [1, 4, "120人"], [1, 5, 50],
  [2, 0, "效益指标"], [2, 1, "满意度"], [2, 2, 50], [2, 3, "≥90%"], [2, 4, "96%"], [2, 5, 50],
];

import * as cp from "@e965/xlsx/dist/cpexcel.js";
type CpUtils = { utils: { encode(cp: number, s: string): ArrayLike<number> } };
const cpt = ((cp as unknown as Partial<CpUtils>).utils ? cp : (cp as unknown as { default: unknown }).default) as unknown as CpUtils;
/** Text in GBK (code page 936), as Chinese Windows and WPS save "ANSI" files. */
export const gbk = (s: string): Uint8Array => Uint8Array.from(cpt.utils.encode(936, s));
