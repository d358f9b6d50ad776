import type ExcelJS from "exceljs";
import type { CellState, CellWrite, WritePlan } from "../engine";
import { toSerial } from "./read";

/**
 * Apply a write plan to an ExcelJS workbook in memory: values and formulas (with their cached results), number
 * formats, fills, notes, bold. A fill or note of null removes it (the note's comment part goes too: no empty note
 * marker is left behind). A restore (撤销) that carries the cell's native snapshot puts the cell back exactly:
 * value, whole style (borders, fonts, alignment) and note. Text is always written as a string value: ExcelJS never
 * turns a string into a formula, so a name starting with "=", "+", "-" or "@" stays text.
 */
export function applyPlanToWorkbook(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`工作簿中没有工作表“${plan.sheet}”`);
  for (const w of plan.writes) applyWrite(ws.getCell(w.row + 1, w.col + 1), w);
}

function applyWrite(cell: ExcelJS.Cell, w: CellWrite): void {
  if (w.restoreTo?.native) {
    restoreNative(cell, w.restoreTo.native);
    return;
  }
  if (w.restoreTo && isBlank(w.restoreTo)) {
    // A cell that was blank and unstyled goes back to exactly that.
    cell.value = null;
    cell.style = {};
    removeNote(cell);
    return;
  }
  // ExcelJS shares one style object among cells written alike; give this cell its own before changing it,
  // or a fill meant for one cell would colour every cell sharing the style.
  if (w.fill !== undefined || w.numFmt !== undefined || w.bold !== undefined) cell.style = JSON.parse(JSON.stringify(cell.style ?? {}));
  if (w.formula !== undefined) {
    cell.value = { formula: w.formula.replace(/^=/, ""), result: (w.value ?? undefined) as ExcelJS.CellValue as never };
  } else if (w.value !== undefined) {
    cell.value = w.value as ExcelJS.CellValue;
  }
  if (w.numFmt !== undefined) {
    if (w.numFmt === "General" || w.numFmt === "") delete (cell.style as { numFmt?: string }).numFmt;
    else cell.numFmt = w.numFmt;
  }
  if (w.fill !== undefined) {
    if (w.fill === null) cell.style = { ...cell.style, fill: undefined as unknown as ExcelJS.Fill };
    else cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: w.fill } };
  }
  if (w.note !== undefined) {
    if (w.note === null) removeNote(cell);
    else cell.note = w.note;
  }
  if (w.bold !== undefined) {
    const font = { ...(cell.font ?? {}) } as Partial<ExcelJS.Font>;
    if (w.bold) font.bold = true;
    else delete font.bold;
    cell.font = font as ExcelJS.Font;
  }
}

/** ExcelJS's `note = undefined` leaves an empty comment (a note marker in Excel): drop the comment itself. */
function removeNote(cell: ExcelJS.Cell): void {
  delete (cell as unknown as { _comment?: unknown })._comment;
}

interface Native {
  value: unknown;
  style: unknown;
  note?: unknown;
}

/** The cell as ExcelJS holds it, as JSON: what a restore puts back. */
export function nativeOf(cell: ExcelJS.Cell): string {
  const value = cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value;
  const n: Native = { value: value ?? null, style: cell.style ?? {} };
  const note = (cell as unknown as { _comment?: { note?: unknown } })._comment?.note;
  if (note !== undefined) n.note = note;
  return JSON.stringify(n);
}

function restoreNative(cell: ExcelJS.Cell, text: string): void {
  const n = JSON.parse(text) as Native;
  const v = n.value as { date?: string } | null;
  cell.value = (v && typeof v === "object" && "date" in v && Object.keys(v).length === 1 ? new Date(v.date!) : n.value) as ExcelJS.CellValue;
  cell.style = JSON.parse(JSON.stringify(n.style ?? {})) as Partial<ExcelJS.Style>;
  if (n.note === undefined) removeNote(cell);
  else cell.note = n.note as string;
}

/** Everything EVAL reads of a cell before touching it (with the native snapshot for an exact restore). */
export function cellState(cell: ExcelJS.Cell, withNative = true): CellState {
  const raw = cell.value;
  let v: CellState["v"] = null;
  let f: string | undefined;
  if (raw instanceof Date) v = toSerial(raw);
  else if (raw !== null && typeof raw === "object") {
    const o = raw as unknown as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      f = `=${String(o.formula ?? o.sharedFormula ?? "")}`;
      const res = o.result;
      v = res instanceof Date ? toSerial(res) : res !== null && typeof res === "object" ? ("error" in (res as object) ? String((res as { error: string }).error) : null) : ((res as CellState["v"] | undefined) ?? null);
    } else if ("richText" in o) v = (o.richText as { text: string }[]).map((t) => t.text).join("");
    else if ("text" in o) v = String(o.text);
    else if ("error" in o) v = String(o.error);
  } else v = (raw as CellState["v"] | undefined) ?? null;
  if (v === "") v = null;
  const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = fill && fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  const noteRaw = (cell as unknown as { _comment?: { note?: unknown } })._comment?.note;
  const note = typeof noteRaw === "string" ? noteRaw : noteRaw && typeof noteRaw === "object" ? ((noteRaw as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("") : undefined;
  return {
    v,
    ...(f ? { f } : {}),
    ...(fmt ? { fmt } : {}),
    ...(argb ? { fill: argb } : {}),
    ...(cell.font?.bold ? { bold: true } : {}),
    ...(note ? { note } : {}),
    ...(withNative && !plainBlank(cell) ? { native: nativeOf(cell) } : {}),
  };
}

const isBlank = (s: CellState) => s.v === null && !s.f && !s.fmt && !s.fill && !s.bold && !s.note && !s.native;

/** No value, no style, no note: nothing a snapshot would need to carry. */
function plainBlank(cell: ExcelJS.Cell): boolean {
  const style = cell.style as Record<string, unknown> | undefined;
  const hasStyle = style && Object.values(style).some((x) => x !== undefined && !(typeof x === "object" && x !== null && Object.keys(x).length === 0));
  return (cell.value === null || cell.value === undefined || cell.value === "") && !hasStyle && !(cell as unknown as { _comment?: unknown })._comment;
}
