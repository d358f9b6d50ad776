import type JSZip from "jszip";
import type { Grid } from "../../engine";
import { DEFAULT_LIMITS, LimitError, limitMessage, type ReadLimits } from "../limits";
import { gridFromSparse, type SparseCell, type Merge } from "./cells";
import { htmlTables } from "./html";
import { mergeArea, nonOverlapping } from "./merges";
import { plainNumber } from "./text";
import { partNames, readPartBounded } from "./zip";

/** The sheet name given to a Word document's tables. */
export const DOCX_SHEET = "文档表格";

/**
 * The tables of a Word .docx as one grid: mammoth turns the document into HTML keeping rowspan/colspan; the
 * tables are laid one under another (a blank row between), as they follow each other in the document, so that
 * a budget block and its indicator table are read together. Every part is first decompressed under the limits.
 */
export async function readDocx(zip: JSZip, data: Uint8Array, file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  let total = 0;
  for (const name of partNames(zip)) {
    const { size } = await readPartBounded(zip, name, limits.sheetXmlBytes, () => limitMessage.sheetXml(file, name, limits), false);
    total += size;
    if (total > limits.totalXmlBytes) throw new LimitError(limitMessage.totalXml(file, limits));
  }
  const mammoth = await import("mammoth");
  const convert = (mammoth as unknown as { convertToHtml: typeof import("mammoth").convertToHtml }).convertToHtml ?? (mammoth as unknown as { default: typeof import("mammoth") }).default.convertToHtml;
  const buffer = typeof Buffer !== "undefined" ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : undefined;
  const arrayBuffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const { value: html } = await convert({ ...(buffer ? { buffer } : {}), arrayBuffer } as never);
  return [docxHtmlGrid(html, file, limits)];
}

/** Word-HTML tables → one grid. Exported for tests. */
export function docxHtmlGrid(html: string, file: string, limits: ReadLimits = DEFAULT_LIMITS): Grid {
  const tables = htmlTables(html, plainNumber);
  const cells: SparseCell[] = [];
  const merges: Merge[] = [];
  let at = 0;
  let merged = 0;
  for (const t of tables) {
    for (const c of t.cells) cells.push({ ...c, row: c.row + at });
    for (const m of t.merges) {
      merges.push({ r1: m.r1 + at, c1: m.c1, r2: m.r2 + at, c2: m.c2 });
      if ((merged += mergeArea(m)) > limits.mergedCells) throw new LimitError(limitMessage.mergedCells(file, limits));
    }
    if (cells.length > limits.cells) throw new LimitError(limitMessage.cells(file, cells.length, limits));
    if (merges.length > limits.merges) throw new LimitError(limitMessage.merges(file, merges.length, limits));
    at += t.rows + 1;
  }
  return gridFromSparse(DOCX_SHEET, cells, nonOverlapping(merges), limits.gridRows, limits.gridCols, (what, from, to) => {
    throw new LimitError(what === "rows" ? limitMessage.gridRows(file, DOCX_SHEET, from, to, limits) : limitMessage.gridCols(file, DOCX_SHEET, limits));
  });
}
