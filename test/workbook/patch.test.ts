import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { SaxesParser } from "saxes";
import type { CellWrite, WritePlan } from "../../src/engine";
import { scoreWorkbookBytes } from "../../src/cli/xlsx";
import { patchXlsx } from "../../src/workbook/patch";
import { addTableSheet } from "../../src/bench/workbooks";
import { generateTables } from "../../src/bench/generate";
import { readWorkbook } from "../../src/workbook/read";

const samples = join(__dirname, "../../assets/samples");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const job = (file: string) => ({ file, preset: "xinjiang", tolerance: 0.01, ratingScheme: undefined, scored: true, mode: "formulas" as const });

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

function wellFormed(name: string, text: string): void {
  const p = new SaxesParser({ xmlns: false });
  let error: Error | null = null;
  p.on("error", (e) => {
    error ??= e;
  });
  p.write(text).close();
  if (error) throw new Error(`${name}: ${(error as Error).message}`);
}

/** Parts a patch may change for the sheets in `scored` (sheet XML, their rels, comments, VML, styles, content types, workbook rels, calcChain). */
function allowed(name: string, scoredParts: Set<string>, newParts: Set<string>): boolean {
  if (scoredParts.has(name) || newParts.has(name)) return true;
  if (name === "[Content_Types].xml" || name === "xl/styles.xml" || name === "xl/_rels/workbook.xml.rels" || name === "xl/calcChain.xml") return true;
  const m = /^xl\/worksheets\/_rels\/(.+)\.rels$/.exec(name);
  if (m && scoredParts.has(`xl/worksheets/${m[1]}`)) return true;
  return /^xl\/comments\d*\.xml$|^xl\/drawings\/vmlDrawing\d*\.vml$/.test(name);
}

/** Sheet name → part, from the original package. */
async function sheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, "xl/")]));
  const ids = new Map([...rels.matchAll(/<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2]!, m[1]!.replace(/^\/?(xl\/)?/, "xl/")]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) out.set(m[1]!.replace(/&amp;/g, "&"), target.get(m[2]!) ?? ids.get(m[2]!)!);
  return out;
}

const noteText = (n: unknown) => (typeof n === "string" ? n : ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join(""));

/**
 * Patch `bytes` with `plans` and check: every part outside the allowed set is byte-identical, every changed XML
 * part is well formed, and ExcelJS reads each written cell back with the plan's value, formula, format, fill,
 * bold and note.
 */
async function checkCopy(name: string, bytes: Uint8Array, plans: WritePlan[], archive?: "jszip"): Promise<{ copy: Uint8Array; changed: string[] }> {
  expect(plans.length).toBeGreaterThan(0);
  const copy = await patchXlsx(bytes, plans, archive ? { archive } : {});
  const a = await parts(bytes);
  const b = await parts(copy);
  const bySheet = await sheetParts(bytes);
  const scored = new Set(plans.map((p) => bySheet.get(p.sheet)!));
  const added = new Set([...b.keys()].filter((k) => !a.has(k)));
  const changed: string[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w && w.equals(v)) continue;
    changed.push(k);
    expect([name, k, allowed(k, scored, added)]).toEqual([name, k, true]);
  }
  for (const k of added) expect([name, k, allowed(k, scored, added)]).toEqual([name, k, true]);
  for (const k of [...changed, ...added]) if (b.has(k) && /\.(xml|rels|vml)$/.test(k)) wellFormed(k, b.get(k)!.toString(k.endsWith(".vml") ? "latin1" : "utf8"));
  // The original's zip entries keep their order.
  expect([...b.keys()].slice(0, a.size).filter((k) => a.has(k))).toEqual([...a.keys()].filter((k) => b.has(k)));

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy as unknown as ArrayBuffer);
  for (const plan of plans) {
    const ws = wb.getWorksheet(plan.sheet)!;
    const last = new Map<string, CellWrite>();
    for (const w of plan.writes) last.set(w.address, { ...last.get(w.address), ...w });
    for (const w of last.values()) {
      const cell = ws.getCell(w.row + 1, w.col + 1);
      const where = `${name} ${plan.sheet}!${cell.address}`;
      if (w.formula !== undefined) {
        const v = cell.value as { formula?: string; result?: unknown };
        // ExcelJS reads a cached 0 as no result (its own copies too): the XML holds <v>0</v>.
        expect([where, v.formula, v.result ?? (w.value === 0 ? 0 : null)]).toEqual([where, w.formula.replace(/^=/, ""), w.value ?? null]);
      } else if (w.value !== undefined) expect([where, cell.value]).toEqual([where, w.value]);
      if (w.numFmt !== undefined) expect([where, cell.numFmt ?? "General"]).toEqual([where, w.numFmt]);
      if (w.fill) expect([where, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([where, w.fill]);
      if (w.bold) expect([where, cell.font?.bold]).toEqual([where, true]);
      if (typeof w.note === "string") expect([where, noteText(cell.note)]).toEqual([where, w.note]);
    }
  }
  return { copy, changed };
}

describe("patchXlsx: the scored copy is the original plus EVAL's cells", () => {
  const files = readdirSync(samples).filter((f) => f.endsWith(".xlsx"));
  test.each(files)("sample %s: parts outside the scored sheets byte-identical, cells read back", async (f) => {
    const bytes = readFileSync(join(samples, f));
    const r = await scoreWorkbookBytes(bytes, job(f));
    if (r.plans.length === 0) return; // a workbook without a 自评表 (eval-formulas) has nothing to write
    const { copy } = await checkCopy(f, bytes, r.plans);
    // EVAL's own reader takes the copy as it takes the original, plus the written columns.
    const back = await readWorkbook(copy, f);
    expect(back.ok && back.grids.some((g) => g.cells.flat().some((c) => c?.v === "复核得分"))).toBe(true);
    expect(r.copy).toBe("patched");
  });

  test("a workbook holding a chart, an image, data validation, conditional formats, defined names, frozen panes, print settings, a hidden sheet and notes", async () => {
    const bytes = await richWorkbook();
    const r = await scoreWorkbookBytes(bytes, job("rich.xlsx"));
    expect(r.tables.length).toBe(1);
    const { copy, changed } = await checkCopy("rich.xlsx", bytes, r.plans);
    const a = await parts(bytes);
    const b = await parts(copy);
    // What ExcelJS would have dropped or rewritten is there, byte for byte.
    for (const k of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/media/image1.png", "xl/printerSettings/printerSettings1.bin", "xl/workbook.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml"]) {
      expect([k, a.has(k), b.get(k)?.equals(a.get(k)!)]).toEqual([k, true, true]);
    }
    expect(changed.sort()).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/styles.xml", "xl/worksheets/sheet1.xml"].filter((k) => a.has(k)).sort());
    const sheet = b.get("xl/worksheets/sheet1.xml")!.toString();
    // The sheet's own settings survive in its XML.
    for (const s of ["<dataValidations", "<conditionalFormatting", 'state="frozen"', "<pageSetup", "<drawing ", "<legacyDrawing "]) expect([s, sheet.includes(s)]).toEqual([s, true]);
    // The existing note is still there, with EVAL's notes beside it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    expect(noteText(wb.getWorksheet("自评表")!.getCell("K1").note)).toBe("已有的批注");
    expect(wb.getWorksheet("隐藏")!.state).toBe("hidden");
  });

  test("the same through JSZip (the fallback for zip64 and other archives the fast reader refuses)", async () => {
    const bytes = await richWorkbook();
    const r = await scoreWorkbookBytes(bytes, job("rich.xlsx"));
    await checkCopy("rich.xlsx (jszip)", bytes, r.plans, "jszip");
  });

  test("unchanged zip entries are copied as they are: compressed bytes, method and header", async () => {
    const bytes = await richWorkbook();
    const r = await scoreWorkbookBytes(bytes, job("rich.xlsx"));
    const copy = Buffer.from(await patchXlsx(bytes, r.plans));
    // The image's local header and compressed bytes appear unchanged in the copy; the STORE'd printer settings too.
    const original = Buffer.from(bytes);
    for (const name of ["xl/media/image1.png", "xl/printerSettings/printerSettings1.bin", "xl/charts/chart1.xml"]) {
      const at = original.indexOf(Buffer.from(name));
      const header = original.subarray(at - 30, at + name.length + 40);
      expect([name, copy.includes(header)]).toEqual([name, true]);
    }
  });

  test("a sheet without notes gets new comments and VML parts, their rels and content types", async () => {
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, generateTables(30, 5)[0]!);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await scoreWorkbookBytes(bytes, job("plain.xlsx"));
    const { copy } = await checkCopy("plain.xlsx", bytes, r.plans);
    const b = await parts(copy);
    expect(b.has("xl/comments1.xml") && b.has("xl/drawings/vmlDrawing1.vml")).toBe(true);
    expect(b.get("[Content_Types].xml")!.toString()).toMatch(/comments1\.xml[^>]*comments\+xml/);
    expect(b.get("xl/worksheets/_rels/sheet1.xml.rels")!.toString()).toContain("vmlDrawing1.vml");
  });

  test("cells in row and column order; text as inline strings, never formulas; existing styles kept; restore writes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = "b2";
    ws.getCell("D2").value = 4;
    ws.getCell("D2").border = { top: { style: "thin" } };
    ws.getCell("B5").value = "b5";
    ws.getCell("C3").value = { formula: "1+1", result: 2 };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const w = (address: string, row: number, col: number, x: Partial<CellWrite>): CellWrite => ({ address, row, col, before: { v: null }, ...x });
    const plan: WritePlan = {
      sheet: "S",
      writes: [
        w("C2", 1, 2, { value: "=HYPERLINK(\"http://x\")", bold: true }),
        w("A2", 1, 0, { value: 1.5, numFmt: "0.00%" }),
        w("E2", 1, 4, { value: "<&>\"", note: "说明 & <note>" }),
        w("D2", 1, 3, { fill: "FFFFE699" }),
        w("A4", 3, 0, { formula: "=EVAL.SCORE(B1,B2,10)", value: 7.5, numFmt: "0.00" }),
        w("B4", 3, 1, { formula: "=EVAL.DEVIATION(B1,B2)", value: "未完成" }),
        w("A1", 0, 0, { value: true }),
        w("C7", 6, 2, { value: "later" }),
      ],
    };
    const { copy } = await checkCopy("order.xlsx", bytes, [plan]);
    const sheet = (await parts(copy)).get("xl/worksheets/sheet1.xml")!.toString();
    const refs = [...sheet.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(["A1", "A2", "B2", "C2", "D2", "E2", "C3", "A4", "B4", "B5", "C7"]);
    expect(sheet).toContain('t="inlineStr"');
    expect(sheet).not.toMatch(/<f>HYPERLINK/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(copy as unknown as ArrayBuffer);
    const s = back.getWorksheet("S")!;
    expect(s.getCell("D2").border?.top?.style).toBe("thin");
    expect(s.getCell("D2").value).toBe(4);
    expect(s.getCell("C3").value).toEqual({ formula: "1+1", result: 2 });
    // A restore takes EVAL's cells away again.
    const undo: WritePlan = { sheet: "S", writes: plan.writes.filter((x) => x.address !== "D2").map((x) => ({ ...x, value: undefined, formula: undefined, note: undefined, fill: undefined, bold: undefined, numFmt: undefined, restoreTo: { v: null } })) };
    const restored = await patchXlsx(copy, [undo]);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(restored as unknown as ArrayBuffer);
    expect(["A1", "A2", "C2", "E2", "A4", "C7"].map((a) => again.getWorksheet("S")!.getCell(a).value ?? null)).toEqual([null, null, null, null, null, null]);
    expect(noteText(again.getWorksheet("S")!.getCell("E2").note)).toBe("");
  });

  test("a cell past the last column is refused with an out-of-bounds error", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(patchXlsx(bytes, [{ sheet: "S", writes: [{ address: "XFE1", row: 0, col: 16384, value: 1, before: { v: null } }] }])).rejects.toThrow(/Out of bounds/);
  });
});

/**
 * A scored sheet with an image, data validation, conditional formats, frozen panes, print settings (and a
 * printer-settings part) and an existing note; a defined name; a hidden sheet; a sheet with a chart (written
 * into the zip: ExcelJS cannot write charts).
 */
async function richWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t = generateTables(30, 11)[0]!;
  const ws = addTableSheet(wb, t);
  ws.getCell("K1").value = "备注";
  ws.getCell("K1").note = "已有的批注";
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(img, { tl: { col: 12, row: 1 }, ext: { width: 20, height: 20 } });
  ws.getCell("E7").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  ws.addConditionalFormatting({ ref: "G6:G35", rules: [{ type: "cellIs", operator: "lessThan", formulae: [5], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } } }] });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 5 }];
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, printTitlesRow: "5:5" };
  wb.definedNames.add("'自评表'!$A$1:$B$1", "项目名称区");
  const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("A1").value = "隐藏的内容";
  wb.addWorksheet("图表").getCell("A1").value = "图表";
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  // A chart on sheet 3: chart part, drawing, rels, content types.
  zip.file("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'自评表'!$D$6:$D$35</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`);
  zip.file("xl/drawings/drawing2.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`);
  zip.file("xl/drawings/_rels/drawing2.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file("xl/worksheets/_rels/sheet3.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing2.xml"/></Relationships>`);
  const s3 = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
  zip.file("xl/worksheets/sheet3.xml", s3.replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
  // A printer-settings part on the scored sheet (stored uncompressed, as Excel often does).
  zip.file("xl/printerSettings/printerSettings1.bin", Buffer.from(Array.from({ length: 256 }, (_, i) => i)), { compression: "STORE" });
  const r1 = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", r1.replace("</Relationships>", '<Relationship Id="rIdPs1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>'));
  const s1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", s1.replace(/<pageSetup\b/, '<pageSetup r:id="rIdPs1"'));
  let ct = await zip.file("[Content_Types].xml")!.async("string");
  ct = ct.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>');
  zip.file("[Content_Types].xml", ct);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
