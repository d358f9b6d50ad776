import type { CellWrite, WritePlan } from "../../engine";
import { patchNotes, ShapeIds } from "./comments";
import { CT, Package, REL } from "./package";
import { patchSheetXml, type CellPatch, type SheetPatches } from "./sheet";
import { StyleBook } from "./styles";
import { JsZipArchive, openArchive } from "./zip";
import { refOf } from "./xml";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * The parts patchXlsx may change: the scored sheets' XML, their rels, comments and VML drawings, styles.xml,
 * [Content_Types].xml, the workbook's rels (a styles part added) and calcChain (removed when a formula is
 * replaced by a value). Every other part of the original is kept byte for byte.
 */
export const PATCHABLE_PART = /^(?:\[Content_Types\]\.xml|xl\/worksheets\/(?:_rels\/)?[^/]+\.xml(?:\.rels)?|xl\/comments[^/]*\.xml|xl\/drawings\/vmlDrawing[^/]*\.vml|xl\/styles\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/calcChain\.xml)$/i;

/**
 * Apply EVAL's write plans to an .xlsx/.xlsm file directly: values, formulas with their cached values, number
 * formats, fills, bold and notes go into the original package. Only the scored sheets' XML, their comments and
 * VML parts (and the rels and content types these need) and styles.xml (new formats appended, no index moved)
 * change; every other part keeps its bytes and its compression. Throws when the package cannot be patched
 * (the caller then falls back to a rewritten copy).
 */
export async function patchXlsx(original: Uint8Array, plans: WritePlan[], options: { archive?: "jszip" } = {}): Promise<Uint8Array> {
  const zip = options.archive === "jszip" ? await JsZipArchive.open(original) : await openArchive(original);
  const pkg = new Package(zip);
  const wbPart = await pkg.workbookPart();
  const sheets = await pkg.sheetParts(wbPart);
  const lower = new Map([...sheets].map(([k, v]) => [k.toLowerCase(), v]));

  const perSheet = new Map<string, { cells: SheetPatches; notes: Map<string, string | null> }>();
  for (const plan of plans) {
    const part = sheets.get(plan.sheet) ?? lower.get(plan.sheet.toLowerCase());
    if (!part || !pkg.has(part)) throw new Error(`工作簿中没有工作表“${plan.sheet}”`);
    let s = perSheet.get(part);
    if (!s) perSheet.set(part, (s = { cells: new Map(), notes: new Map() }));
    for (const w of plan.writes) {
      if (w.row < 0 || w.col < 0 || w.row >= MAX_ROWS || w.col >= MAX_COLS) throw new RangeError(`Out of bounds: ${plan.sheet} 行 ${w.row + 1} 列 ${w.col + 1} 超出 Excel 的最后一行或最后一列（XFD）`);
      addWrite(s, w);
    }
  }

  const wbRels = await pkg.rels(wbPart);
  const stylesRel = wbRels.find((r) => r.type === REL.styles);
  const stylesPart = stylesRel ? pkg.target(wbPart, stylesRel) : null;
  const styles = new StyleBook(stylesPart ? await pkg.get(stylesPart) : null);
  const ids = new ShapeIds();
  let removedFormula = false;
  for (const [part, { cells, notes }] of perSheet) {
    let xml = (await pkg.get(part))!;
    const before = xml;
    if (cells.size) {
      const r = patchSheetXml(xml, cells, styles);
      xml = r.xml;
      removedFormula ||= r.removedFormula;
    }
    xml = await patchNotes(pkg, part, xml, notes, ids);
    if (xml !== before) pkg.put(part, xml);
  }
  if (styles.changed) {
    const part = stylesPart ?? "xl/styles.xml";
    pkg.put(part, styles.toXml());
    if (!stylesPart) {
      await pkg.addRel(wbPart, REL.styles, part);
      await pkg.contentType(part, CT.styles);
    }
  }
  if (removedFormula) {
    // A calcChain entry for a cell that no longer holds a formula makes Excel repair the file: drop the chain (Excel rebuilds it).
    const chain = wbRels.find((r) => r.type === REL.calcChain);
    if (chain) {
      const part = pkg.target(wbPart, chain);
      pkg.remove(part);
      await pkg.removeRels(wbPart, REL.calcChain);
      await pkg.removeOverride(part);
    }
  }
  return zip.build();
}

function addWrite(s: { cells: SheetPatches; notes: Map<string, string | null> }, w: CellWrite): void {
  const ref = refOf(w.row, w.col);
  let row = s.cells.get(w.row);
  const get = (): CellPatch => {
    if (!row) s.cells.set(w.row, (row = new Map()));
    let p = row.get(w.col);
    if (!p) row.set(w.col, (p = { style: {} }));
    return p;
  };
  if (w.restoreTo) {
    const st = w.restoreTo;
    const p = get();
    const blank = st.v === null && !st.f && !st.fmt && !st.fill && !st.bold && !st.note;
    if (blank) {
      p.remove = true;
      delete p.content;
      p.style = {};
    } else {
      p.remove = false;
      p.content = { value: st.v, ...(st.f ? { formula: st.f } : {}) };
      p.style = { numFmt: st.fmt ?? null, fill: st.fill ?? null, bold: !!st.bold };
    }
    s.notes.set(ref, st.note ?? null);
    return;
  }
  if (w.formula !== undefined || w.value !== undefined || w.numFmt !== undefined || w.fill !== undefined || w.bold !== undefined) {
    const p = get();
    if (w.formula !== undefined) p.content = { value: w.value ?? null, formula: w.formula };
    else if (w.value !== undefined) p.content = { value: w.value };
    if (p.content) p.remove = false;
    if (w.numFmt !== undefined) p.style.numFmt = w.numFmt === "General" || w.numFmt === "" ? null : w.numFmt;
    if (w.fill !== undefined) p.style.fill = w.fill;
    if (w.bold !== undefined) p.style.bold = w.bold;
  }
  if (w.note !== undefined) s.notes.set(ref, w.note);
}
