import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import type { Grid } from "../../src/engine";
import { runPipeline } from "../../src/engine";
import { readWorkbook, sheetToGrid } from "../../src/workbook/read";
import { patchXlsx } from "../../src/workbook/patch";
import { fixtureWorkbook, loadFixtures } from "../../src/bench/corpus";
import { writeTableWorkbooks } from "../../src/bench/workbooks";
import { generateTables } from "../../src/bench/generate";
import { moveFormula } from "../../src/workbook/formats/sheetXml";

/**
 * The CLI reads .xlsx grids straight from the XML (src/workbook/formats/sheetXml.ts); the browser's file mode
 * reads them through ExcelJS. Both must give the same grid, cell by cell, on every workbook the project holds
 * and on XML written the way Excel, WPS and SheetJS write it.
 */
type Cell = Grid["cells"][number][number];
const norm = (c: Cell) => {
  if (!c) return null;
  const v = typeof c.v === "number" ? Math.round(c.v * 1e9) / 1e9 : c.v;
  return { v, f: c.f ?? null, fmt: c.fmt ?? null, fill: c.fill ?? null, note: c.note ?? null };
};

async function both(bytes: Uint8Array, name: string): Promise<{ direct: Grid[]; viaExcelJs: Grid[] }> {
  const r = await readWorkbook(bytes, name);
  if (!r.ok) throw new Error(r.message);
  const wb = await r.workbook();
  const viaExcelJs: Grid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === "visible" || ws.state === undefined) viaExcelJs.push(sheetToGrid(ws));
  });
  return { direct: r.grids, viaExcelJs };
}

/** `skip`: cells (grid row,col) where ExcelJS is known to be wrong, each checked on its own below. */
function expectSame(direct: Grid[], viaExcelJs: Grid[], where: string, skip = new Set<string>()): number {
  const byName = new Map(viaExcelJs.map((g) => [g.sheet, g]));
  expect([where, direct.map((g) => g.sheet).sort()]).toEqual([where, viaExcelJs.map((g) => g.sheet).sort()]);
  let cells = 0;
  for (const d of direct) {
    const e = byName.get(d.sheet)!;
    expect([where, d.sheet, d.origin]).toEqual([where, d.sheet, e.origin]);
    expect([where, d.sheet, d.merges]).toEqual([where, d.sheet, e.merges]);
    const rows = Math.max(d.cells.length, e.cells.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(d.cells[r]?.length ?? 0, e.cells[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        if (skip.has(`${r},${c}`)) continue;
        expect([where, d.sheet, r, c, norm(d.cells[r]?.[c] ?? null)]).toEqual([where, d.sheet, r, c, norm(e.cells[r]?.[c] ?? null)]);
        cells++;
      }
    }
  }
  return cells;
}

const samples = join(__dirname, "../../assets/samples");

describe("the XML reader gives ExcelJS's grids", () => {
  test("the bundled samples, and their scored (patched) copies", async () => {
    let cells = 0;
    for (const name of readdirSync(samples).filter((f) => f.endsWith(".xlsx"))) {
      const bytes = new Uint8Array(readFileSync(join(samples, name)));
      const a = await both(bytes, name);
      cells += expectSame(a.direct, a.viaExcelJs, name);
      const plans = runPipeline(a.direct, { plan: { mode: "formulas" } }).flatMap((t) => (t.plan ? [t.plan] : []));
      const copy = await patchXlsx(bytes, plans);
      const b = await both(copy, `${name} (copy)`);
      cells += expectSame(b.direct, b.viaExcelJs, `${name} (copy)`);
    }
    expect(cells).toBeGreaterThan(2000);
  });

  test("every real table of the corpus as its workbook", async () => {
    const fixtures = loadFixtures(join(__dirname, "../fixtures/real"));
    expect(fixtures.length).toBeGreaterThanOrEqual(23);
    for (const fx of fixtures) {
      const a = await both(await fixtureWorkbook(fx), `${fx.id}.xlsx`);
      expectSame(a.direct, a.viaExcelJs, fx.id);
    }
    // (111 workbooks read twice each: about 3 s alone, more beside other suites on two cores.)
  }, 60_000);

  test("generated bench workbooks", async () => {
    const files = await writeTableWorkbooks(generateTables(5, 3));
    for (const f of files) {
      const a = await both(new Uint8Array(readFileSync(f)), f);
      expectSame(a.direct, a.viaExcelJs, f);
    }
  });

  test("SheetJS-written workbooks (inline strings, no shared strings part, dates, booleans)", async () => {
    const ws = XLSX.utils.aoa_to_sheet([["三级指标", "目标值", "实际完成值", "是否完成", "日期"], ["发放人数", "≥100人", 100, true, new Date(Date.UTC(2024, 11, 10))]], { cellDates: true });
    ws["!merges"] = [{ s: { r: 0, c: 3 }, e: { r: 0, c: 3 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "表1");
    for (const bookSST of [false, true]) {
      const bytes = new Uint8Array(XLSX.write(wb, { bookType: "xlsx", type: "array", bookSST, cellDates: true }) as ArrayBuffer);
      const a = await both(bytes, "sheetjs.xlsx");
      // ExcelJS reads a t="d" cell (an ISO date, ECMA-376 §18.18.11) as the number 2024: the XML reader gives its serial.
      expectSame(a.direct, a.viaExcelJs, `sheetjs sst=${bookSST}`, new Set(["1,4"]));
      expect(a.direct[0]!.cells[1]![3]!.v).toBe(true);
      expect(a.direct[0]!.cells[1]![4]).toMatchObject({ v: 45636 });
    }
  });

  test("XML as Excel writes it: shared formulas, rich text with phonetic runs, errors, styles, comments, rows without r", async () => {
    const bytes = await handWritten();
    const a = await both(bytes, "excel-like.xlsx");
    // ExcelJS gives a shared formula's follower the leader's address as its formula (=C2): the XML reader moves the formula.
    expectSame(a.direct, a.viaExcelJs, "excel-like", new Set(["2,2"]));
    const g = a.direct.find((x) => x.sheet === "自评表")!;
    const at = (ref: string) => {
      const col = ref.charCodeAt(0) - 65;
      const row = Number(ref.slice(1)) - 1;
      return g.cells[row - g.origin.row]?.[col - g.origin.col];
    };
    expect(at("A1")?.v).toBe("项目名称");
    expect(at("B2")).toMatchObject({ v: 0.95, fmt: "0.00%", fill: "FFFFFF00" });
    expect(at("C2")).toMatchObject({ v: 3, f: "=A3+B3" });
    expect(at("C3")).toMatchObject({ v: 7, f: "=A4+B4" });
    expect(at("D2")?.v).toBe("#DIV/0!");
    expect(at("E2")?.v).toBe("汉字");
    expect(at("A5")?.v).toBe("无行号");
    expect(at("B5")?.v).toBe("无列号");
    expect(at("A1")?.note).toBe("作者:\n请核对");
    expect(a.direct.map((x) => x.sheet)).toEqual(["自评表"]);
  });

  test("rows and cells without their r attribute (optional in ECMA-376 §18.3.1.73/§18.3.1.4; ExcelJS refuses them) are read in order", async () => {
    const r = await readWorkbook(await handWritten(true), "no-r.xlsx");
    if (!r.ok) throw new Error(r.message);
    const g = r.grids[0]!;
    expect(g.cells[4 - g.origin.row]!.slice(0, 2).map((c) => c?.v)).toEqual(["无行号", "无列号"]);
  });

  test("a shared formula moves its relative references only", () => {
    expect(moveFormula("SUM(A1:B1)+$C$1+C$1+$D1", 2, 1)).toBe("SUM(B3:C3)+$C$1+D$1+$D3");
    expect(moveFormula('IF(A1="B2",LOG10(A1),Sheet2!A1)', 1, 0)).toBe('IF(A2="B2",LOG10(A2),Sheet2!A2)');
    expect(moveFormula("'表 1'!A1*2", 0, 1)).toBe("'表 1'!B1*2");
  });
});

/** A workbook built by ExcelJS, then its parts rewritten the way Excel itself writes them. */
async function handWritten(rowsWithoutR = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("自评表");
  wb.addWorksheet("隐藏", { state: "hidden" });
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>汉</t></r><r><t xml:space="preserve">字</t></r><rPh sb="0" eb="1"><t>かん</t></rPh></si><si><t>无行号</t></si><si><t>无列号</t></si></sst>`);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const withFill = styles
    .replace(/<fills count="\d+">([\s\S]*?)<\/fills>/, (_m, inner: string) => `<fills count="3">${inner}<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>`)
    .replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_m, n: string, inner: string) => `<cellXfs count="${Number(n) + 1}">${inner}<xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/></cellXfs>`);
  zip.file("xl/styles.xml", withFill);
  const xfCount = Number(/<cellXfs count="(\d+)">/.exec(withFill)![1]) - 1;
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheet.replace(
      /<sheetData\s*\/>|<sheetData>[\s\S]*?<\/sheetData>/,
      `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" s="${xfCount}"><v>0.95</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">A3+B3</f><v>3</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="s"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c><c r="C3"><f t="shared" si="0"/><v>7</v></c></row><row r="4"><c r="A4"><v>3</v></c><c r="B4"><v>4</v></c></row>${rowsWithoutR ? `<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>` : `<row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" t="s"><v>3</v></c></row>`}</sheetData>`,
    ),
  );
  zip.file("xl/comments1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>作者</author></authors><commentList><comment ref="A1" authorId="0"><text><r><rPr><b/></rPr><t>作者:</t></r><r><t xml:space="preserve">
请核对</t></r></text></comment></commentList></comments>`);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`);
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", ct.replace("</Types>", '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>'));
  return zip.generateAsync({ type: "uint8array" });
}
