import type { TableResult } from "../evaluate/types";
import type { RatingScheme } from "../evaluate/rating";
import { pts } from "../measure/format";
import { sideBySide } from "../review/sideBySide";
import type { DetectedTable } from "./detect";
import { text, type Grid } from "./grid";
import { cellWrite, FILL, firstFreeColumns, type CellWrite, type WritePlan } from "./plan";

type Part = "actual" | "score" | "deviation" | "note";
const HEADERS: Record<Part, string> = { actual: "复核完成值", score: "复核得分", deviation: "偏离度", note: "复核说明" };
/** 复核 columns a sheet may already have (the provincial 自评复核 module's, or a reviewer's own). */
const EXISTING: [RegExp, Part][] = [
  [/^(?:复核完成值|复核实际完成值|复核值|核实完成值)$/, "actual"],
  [/^(?:复核得分|复核分|复核分值|抽评分|抽评得分|核定得分)$/, "score"],
  [/^(?:偏离度|自评偏离度|偏差率)$/, "deviation"],
  [/^(?:复核说明|复核意见|复核备注|抽评意见)$/, "note"],
];

/**
 * The side-by-side written into the sheet: the unit's own columns stay as they are; the 复核 columns a sheet
 * already has are filled where empty; the others are written in the first free columns to the right, with a
 * header. Only values (text never becomes a formula); every cell's previous state is recorded for 撤销.
 */
export function sideBySidePlan(grid: Grid, t: DetectedTable, result: TableResult, scheme: RatingScheme = "standard"): WritePlan {
  const sbs = sideBySide(result, scheme);
  const headerRow = t.headerRows[0];
  const cols: Partial<Record<Part, number>> = {};
  for (let r = t.headerRows[0]; r <= t.headerRows[1]; r++) {
    (grid.cells[r] ?? []).forEach((c, i) => {
      const h = text(c?.v ?? null);
      for (const [re, part] of EXISTING) if (re.test(h) && cols[part] === undefined) cols[part] = i;
    });
  }
  const missing = (Object.keys(HEADERS) as Part[]).filter((p) => cols[p] === undefined);
  const writes: CellWrite[] = [];
  const put = (r: number, c: number, w: Omit<CellWrite, "row" | "col" | "address" | "before">) => {
    const cell = grid.cells[r]?.[c];
    if (cell && ((cell.v !== null && cell.v !== "") || cell.f)) return; // never over what is there
    writes.push(cellWrite(grid, r, c, w));
  };
  let lastRow = t.lastRow;
  for (const r of t.indicatorRows) if (r > lastRow) lastRow = r;
  if (missing.length) {
    const first = firstFreeColumns(grid, headerRow, lastRow + 1, missing.length);
    missing.forEach((p, i) => {
      cols[p] = first + i;
      put(headerRow, first + i, { value: HEADERS[p], bold: true, fill: FILL.header });
    });
  }
  for (const row of sbs.rows) {
    const r = t.indicatorRows[row.index]!;
    put(r, cols.actual!, { value: row.reviewActual });
    put(r, cols.score!, row.reviewScore === null ? { value: "未计分", fill: FILL.pending } : { value: row.reviewScore, numFmt: "0.00", ...(row.selfScore !== null && Math.abs(row.selfScore - row.reviewScore) > 0.01 ? { fill: FILL.mismatch } : {}) });
    if (row.deviation !== null) put(r, cols.deviation!, { value: row.deviation, numFmt: "0.00%" });
    put(r, cols.note!, { value: row.note });
  }
  const totalRow = t.total?.row ?? lastRow + 1;
  put(totalRow, cols.score!, sbs.reviewTotal === null ? { value: "未能复核", bold: true } : { value: sbs.reviewTotal, numFmt: "0.00", bold: true });
  if (sbs.deviation !== null) put(totalRow, cols.deviation!, { value: sbs.deviation, numFmt: "0.00%", bold: true });
  put(totalRow, cols.note!, { value: `自评 ${sbs.selfTotal === null ? "—" : pts(sbs.selfTotal)} 分（${sbs.selfRating ?? "—"}），复核 ${sbs.reviewTotal === null ? "未能复核" : `${pts(sbs.reviewTotal)} 分（${sbs.reviewRating ?? "—"}）`}`, bold: true });
  return { sheet: grid.sheet, writes };
}
