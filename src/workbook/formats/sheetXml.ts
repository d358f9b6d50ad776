import { columnLetters, type GridCell } from "../../engine";
import { parseRef, type CellValue, type SparseCell } from "./cells";
import { getAttr as attr } from "../patch/xml";
import { xmlUnescape } from "./zip";

/*
 * The cells of an .xlsx read straight from its XML parts (ECMA-376 Part 1, §18.3 worksheets, §18.4 shared
 * strings, §18.8 styles, §18.7 comments), without building a workbook object: what the CLI needs to score a
 * file is values, formula results, number formats, solid fills and notes. The result is the same grid as
 * ExcelJS's reading gives (test/workbook/sheetXml.test.ts compares both on every workbook the tests hold).
 */

/** The number formats Excel does not write into styles.xml (ECMA-376 Part 1, §18.8.30; 27–36 and 50–58 as in zh-CN). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: 'm/d/yy "h":mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@", 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
  54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** What a cell's style index (`s`) gives: its number format (undefined for General) and its solid fill colour. */
export interface Styles {
  fmt: (string | undefined)[];
  fill: (string | undefined)[];
}

/** Inner text of every `<t>` in a run list (shared string, inline string, comment), phonetic runs left out. */
export function runText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1]!;
  return xmlUnescape(out);
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] ? runText(m[1]) : "");
  return out;
}

/** cellXfs → format and fill per style index; custom formats (numFmts) first, then the built-in table. */
export function stylesOf(xml: string): Styles {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1]!, "numFmtId"));
    const code = attr(m[1]!, "formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const fills: (string | undefined)[] = [];
  const fillsBlock = /<(?:\w+:)?fills\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fills>/.exec(xml)?.[1] ?? "";
  for (const m of fillsBlock.matchAll(/<(?:\w+:)?fill\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?fill>)/g)) {
    const body = m[1] ?? "";
    const pattern = /<(?:\w+:)?patternFill\b([^>]*)/.exec(body);
    const solid = pattern && attr(pattern[1]!, "patternType") === "solid";
    const fg = solid ? /<(?:\w+:)?fgColor\b([^>]*)/.exec(body) : null;
    fills.push(fg ? attr(fg[1]!, "rgb") : undefined);
  }
  const fmt: (string | undefined)[] = [];
  const fill: (string | undefined)[] = [];
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1]!, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    fmt.push(code && code !== "General" ? code : undefined);
    fill.push(fills[Number(attr(m[1]!, "fillId") ?? 0)]);
  }
  return { fmt, fill };
}

/** Comment (note) texts by cell reference. */
export function commentsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
    const ref = attr(m[1]!, "ref");
    if (ref) out.set(ref.toUpperCase(), runText(m[2]!));
  }
  return out;
}

export interface SheetContext {
  strings: string[];
  styles: Styles;
  notes: Map<string, string>;
  date1904: boolean;
  /** Cells inside a merge other than its top-left one (row * 16384 + col): they keep only their fill. */
  covered: Set<number>;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;

/** Every cell present in one worksheet's XML, as grid cells (0-based sheet row and column). */
export function sheetCells(xml: string, ctx: SheetContext): SparseCell[] {
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const endTag = xml.slice(start).search(/<\/(?:\w+:)?sheetData>/);
  const data = endTag < 0 ? xml.slice(start) : xml.slice(start, start + endTag);
  const out: SparseCell[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let rowIndex = -1;
  for (const r of data.matchAll(ROW)) {
    const rAttr = attr(r[1]!, "r");
    rowIndex = rAttr ? Number(rAttr) - 1 : rowIndex + 1;
    if (!r[2]) continue;
    let colIndex = -1;
    for (const c of r[2].matchAll(CELL)) {
      const attrs = c[1]!;
      const ref = attr(attrs, "r");
      const pos = ref ? parseRef(ref) : null;
      colIndex = pos ? pos.col : colIndex + 1;
      const row = pos ? pos.row : rowIndex;
      const cell = cellOf(attrs, c[2] ?? "", row, colIndex, ctx, shared);
      if (cell) out.push({ row, col: colIndex, cell });
    }
  }
  return out;
}

function cellOf(attrs: string, body: string, row: number, col: number, ctx: SheetContext, shared: Map<string, { formula: string; row: number; col: number }>): GridCell | null {
  const s = Number(attr(attrs, "s") ?? 0);
  const fill = ctx.styles.fill[s];
  if (ctx.covered.has(row * 16384 + col)) return fill ? { v: null, fill } : null;
  let fmt = ctx.styles.fmt[s];
  const t = attr(attrs, "t") ?? "n";
  const raw = body ? VALUE.exec(body)?.[1] : undefined;
  let v: CellValue = null;
  switch (t) {
    case "s":
      v = raw === undefined ? null : (ctx.strings[Number(raw)] ?? null);
      break;
    case "inlineStr":
      v = body ? runText(body.replace(FORMULA, "")) : null;
      break;
    case "str":
    case "e":
      v = raw === undefined ? null : xmlUnescape(raw);
      break;
    case "b":
      v = raw === undefined ? null : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
      break;
    case "d": {
      const ms = raw === undefined ? NaN : Date.parse(raw);
      v = Number.isFinite(ms) ? ms / 86400000 + 25569 : raw === undefined ? null : xmlUnescape(raw);
      if (typeof v === "number") fmt = fmt ?? "yyyy-mm-dd";
      break;
    }
    default: {
      const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
      v = Number.isFinite(n) ? n : null;
      if (typeof v === "number" && ctx.date1904 && fmt && isDateLike(fmt)) v += 1462;
    }
  }
  const f = body && body.includes("<") ? formulaOf(body, row, col, shared) : undefined;
  const note = ctx.notes.get(refText(row, col));
  if ((v === null || v === "") && !f && !fill && !note) return null;
  if (v === "" && !f && !fill && !note) return null;
  return { v, ...(f ? { f } : {}), ...(fmt ? { fmt } : {}), ...(fill ? { fill } : {}), ...(note ? { note } : {}) };
}

/** A date or time format (what makes a number a date serial): letters outside quotes and brackets. */
function isDateLike(fmt: string): boolean {
  return /[ymdhs]/i.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The cell's formula with its `=`; a shared formula's followers get the leader's formula moved by their offset. */
function formulaOf(body: string, row: number, col: number, shared: Map<string, { formula: string; row: number; col: number }>): string | undefined {
  const m = FORMULA.exec(body);
  if (!m) return undefined;
  const text = m[2] !== undefined ? xmlUnescape(m[2]) : "";
  const kind = attr(m[1]!, "t");
  const si = attr(m[1]!, "si");
  if (kind === "shared" && si !== undefined) {
    if (text) {
      shared.set(si, { formula: text, row, col });
      return `=${text}`;
    }
    const leader = shared.get(si);
    return leader ? `=${moveFormula(leader.formula, row - leader.row, col - leader.col)}` : undefined;
  }
  return text ? `=${text}` : undefined;
}

/** Relative A1 references moved by (dr, dc); `$` parts, quoted text and sheet-qualified names' quotes kept. */
export function moveFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(/"[^"]*"|'[^']*'|(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(])/g, (all, cAbs: string | undefined, letters: string | undefined, rAbs: string, digits: string, at: number) => {
    if (letters === undefined) return all;
    const before = formula[at - 1];
    if (before && /[\w.]/.test(before)) return all;
    let col = 0;
    for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
    const c = cAbs ? col : col + dc;
    const r = rAbs ? Number(digits) : Number(digits) + dr;
    if (c < 1 || r < 1) return "#REF!";
    return `${cAbs}${columnLetters(c - 1)}${rAbs}${r}`;
  });
}

const refText = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
