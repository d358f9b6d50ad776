import type { StyleBook, StyleChange } from "./styles";
import { colLetters, esc, findAll, findElement, getAttr, parseRef, refOf, setAttr } from "./xml";

type Value = string | number | boolean | null;

/** Everything a plan does to one cell, merged in order. */
export interface CellPatch {
  /** New content; absent keeps the cell's content. */
  content?: { value: Value; formula?: string };
  style: StyleChange;
  /** Take the cell out entirely (a restore to a blank, unformatted cell). */
  remove?: boolean;
}

export type SheetPatches = Map<number, Map<number, CellPatch>>;

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"]);

/**
 * Apply cell patches to one worksheet's XML. Only the rows that change are rewritten (their other cells kept as
 * written); new rows and cells go in row and column order; the dimension and a row's spans grow to cover them.
 * Text is written as inline strings (sharedStrings is left alone); a formula carries its cached value.
 * `removedFormula` tells the caller that a formula was replaced by a value (calcChain must then go).
 */
export function patchSheetXml(xml: string, patches: SheetPatches, styles: StyleBook): { xml: string; removedFormula: boolean } {
  const sd = findElement(xml, "sheetData");
  if (!sd) throw new Error("工作表 XML 中没有 sheetData");
  const p = sd.prefix;
  const inner = sd.inner ?? "";
  const targets = [...patches.keys()].sort((a, b) => a - b);
  let ti = 0;
  let removedFormula = false;
  const pieces: string[] = [];
  let cursor = 0;
  let implicit = -1;
  const render = (row: number, existing: RowFound | null): string => {
    const r = renderRow(row, existing, patches.get(row)!, styles, p);
    if (r.removedFormula) removedFormula = true;
    return r.xml;
  };
  for (const f of findAll(inner, "row")) {
    const rAttr = getAttr(f.attrs, "r");
    const n = rAttr ? Number(rAttr) - 1 : implicit + 1;
    implicit = n;
    pieces.push(inner.slice(cursor, f.start));
    cursor = f.end;
    while (ti < targets.length && targets[ti]! < n) pieces.push(render(targets[ti++]!, null));
    if (ti < targets.length && targets[ti] === n) {
      ti++;
      pieces.push(render(n, { attrs: f.attrs, inner: f.inner, explicit: rAttr !== undefined }));
    } else pieces.push(inner.slice(f.start, f.end));
  }
  while (ti < targets.length) pieces.push(render(targets[ti++]!, null));
  pieces.push(inner.slice(cursor));
  const data = `<${p}sheetData${sd.attrs}>${pieces.join("")}</${p}sheetData>`;
  let out = xml.slice(0, sd.start) + data + xml.slice(sd.end);
  out = growDimension(out, patches);
  return { xml: out, removedFormula };
}

interface RowFound {
  attrs: string;
  inner: string | null;
  explicit: boolean;
}

function renderRow(row: number, existing: RowFound | null, patches: Map<number, CellPatch>, styles: StyleBook, p: string): { xml: string; removedFormula: boolean } {
  let removedFormula = false;
  const cells: { col: number; xml: string }[] = [];
  let tail = "";
  const cols = [...patches.keys()].sort((a, b) => a - b);
  let ci = 0;
  const add = (col: number, found: CellFound | null) => {
    const patch = patches.get(col)!;
    if (patch.remove) {
      if (found && /<(?:[\w.-]+:)?f[\s>/]/.test(found.inner ?? "")) removedFormula = true;
      return;
    }
    const r = renderCell(row, col, found, patch, styles, p);
    if (r.removedFormula) removedFormula = true;
    if (r.xml) cells.push({ col, xml: r.xml });
  };
  if (existing?.inner) {
    const inner = existing.inner;
    let implicit = -1;
    let end = 0;
    for (const c of findAll(inner, "c")) {
      const ref = getAttr(c.attrs, "r");
      const col = ref ? (parseRef(ref)?.col ?? implicit + 1) : implicit + 1;
      implicit = col;
      end = c.end;
      while (ci < cols.length && cols[ci]! < col) add(cols[ci++]!, null);
      if (ci < cols.length && cols[ci] === col) {
        ci++;
        add(col, { attrs: c.attrs, inner: c.inner });
      } else {
        const raw = inner.slice(c.start, c.end);
        // A cell without r gets one: a cell inserted before it would otherwise move it.
        cells.push({ col, xml: ref ? raw : raw.replace(/^<([\w.:-]+)/, `<$1 r="${refOf(row, col)}"`) });
      }
    }
    tail = inner.slice(end).trim() ? inner.slice(end) : "";
  }
  while (ci < cols.length) add(cols[ci++]!, null);
  let attrs = existing?.attrs ?? "";
  attrs = setAttr(attrs, "r", String(row + 1));
  if (getAttr(attrs, "spans") !== undefined && cells.length) {
    const lo = Math.min(...cells.map((c) => c.col)) + 1;
    const hi = Math.max(...cells.map((c) => c.col)) + 1;
    attrs = setAttr(attrs, "spans", `${lo}:${hi}`);
  }
  const body = cells.map((c) => c.xml).join("") + tail;
  if (!existing && !body) return { xml: "", removedFormula };
  return { xml: body ? `<${p}row${attrs}>${body}</${p}row>` : `<${p}row${attrs}/>`, removedFormula };
}

interface CellFound {
  attrs: string;
  inner: string | null;
}

function renderCell(row: number, col: number, found: CellFound | null, patch: CellPatch, styles: StyleBook, p: string): { xml: string; removedFormula: boolean } {
  const hasStyle = patch.style.numFmt !== undefined || patch.style.fill !== undefined || patch.style.bold !== undefined;
  if (!found && !patch.content && !hasStyle) return { xml: "", removedFormula: false };
  let attrs = setAttr(found?.attrs ?? "", "r", refOf(row, col));
  const base = Number(getAttr(attrs, "s") ?? 0) || 0;
  const s = styles.derive(base, patch.style);
  if (s !== base || getAttr(attrs, "s") !== undefined) attrs = setAttr(attrs, "s", s === 0 && getAttr(attrs, "s") === undefined ? null : String(s));
  let inner = found?.inner ?? "";
  let removedFormula = false;
  if (patch.content) {
    const had = /<(?:[\w.-]+:)?f[\s>/]/.test(inner);
    attrs = setAttr(setAttr(setAttr(attrs, "t", null), "cm", null), "vm", null);
    const { value, formula } = patch.content;
    if (formula !== undefined) {
      const f = `<${p}f>${esc(formula.replace(/^=/, ""))}</${p}f>`;
      if (typeof value === "number" && Number.isFinite(value)) inner = `${f}<${p}v>${num(value)}</${p}v>`;
      else if (typeof value === "boolean") {
        attrs = setAttr(attrs, "t", "b");
        inner = `${f}<${p}v>${value ? 1 : 0}</${p}v>`;
      } else if (typeof value === "string") {
        attrs = setAttr(attrs, "t", ERRORS.has(value) ? "e" : "str");
        inner = `${f}<${p}v>${esc(value)}</${p}v>`;
      } else if (typeof value === "number") {
        attrs = setAttr(attrs, "t", "e");
        inner = `${f}<${p}v>#NUM!</${p}v>`;
      } else inner = f;
    } else {
      if (had) removedFormula = true;
      if (value === null) inner = "";
      else if (typeof value === "number") {
        if (Number.isFinite(value)) inner = `<${p}v>${num(value)}</${p}v>`;
        else {
          attrs = setAttr(attrs, "t", "e");
          inner = `<${p}v>#NUM!</${p}v>`;
        }
      } else if (typeof value === "boolean") {
        attrs = setAttr(attrs, "t", "b");
        inner = `<${p}v>${value ? 1 : 0}</${p}v>`;
      } else {
        attrs = setAttr(attrs, "t", "inlineStr");
        inner = `<${p}is><${p}t xml:space="preserve">${esc(value)}</${p}t></${p}is>`;
      }
    }
  }
  return { xml: inner ? `<${p}c${attrs}>${inner}</${p}c>` : `<${p}c${attrs}/>`, removedFormula };
}

/** A number as Excel writes it: shortest round-trip form. */
function num(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function growDimension(xml: string, patches: SheetPatches): string {
  const d = findElement(xml, "dimension");
  if (!d) return xml;
  const ref = getAttr(d.attrs, "ref") ?? "";
  const [a, b] = ref.split(":");
  const lo = parseRef(a ?? "");
  const hi = parseRef(b ?? a ?? "");
  if (!lo || !hi) return xml;
  let r1 = lo.row;
  let c1 = lo.col;
  let r2 = hi.row;
  let c2 = hi.col;
  // "A1" alone is what writers put for an empty sheet: the patched cells then make the whole range.
  const empty = !b && lo.row === 0 && lo.col === 0;
  let first = empty;
  for (const [row, cols] of patches) {
    for (const [col, patch] of cols) {
      if (patch.remove) continue;
      if (first) {
        r1 = r2 = row;
        c1 = c2 = col;
        first = false;
      }
      r1 = Math.min(r1, row);
      r2 = Math.max(r2, row);
      c1 = Math.min(c1, col);
      c2 = Math.max(c2, col);
    }
  }
  if (empty) {
    r1 = Math.min(r1, 0);
    c1 = Math.min(c1, 0);
  }
  const next = r1 === r2 && c1 === c2 ? refOf(r1, c1) : `${colLetters(c1)}${r1 + 1}:${colLetters(c2)}${r2 + 1}`;
  if (next === ref) return xml;
  return xml.slice(0, d.start) + `<${d.prefix}dimension${setAttr(d.attrs, "ref", next)}${d.inner === null ? "/>" : `>${d.inner}</${d.prefix}dimension>`}` + xml.slice(d.end);
}
