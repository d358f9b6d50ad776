import JSZip from "jszip";
import { readAnyWorkbook } from "../../src/workbook/read";
import { DEFAULT_LIMITS } from "../../src/workbook/limits";
import { ref, SHEET_NS, SMALL_TABLE, sheetXml, xlsxWithSheet } from "./fixtures";

/** Each hostile file is refused (or read) within seconds, with a Chinese message naming the file. */
async function refused(bytes: Uint8Array, name: string, words: RegExp, limits = DEFAULT_LIMITS) {
  const t = Date.now();
  const r = await readAnyWorkbook(bytes, name, { limits });
  const ms = Date.now() - t;
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.message).toContain(`“${name}”`);
    expect(r.message).toMatch(words);
  }
  expect(ms).toBeLessThan(5000);
  return ms;
}

describe("hostile files are bounded by what is in them, not by what they claim", () => {
  test("one cell at A1048576 (10 KB, dimension A1:XFD1048576): no rows × columns grid, a clear message", async () => {
    const bytes = await xlsxWithSheet(sheetXml([...SMALL_TABLE, [1048575, 0, "far away"]], { dimension: "A1:XFD1048576" }));
    expect(bytes.length).toBeLessThan(10_000);
    await refused(bytes, "far.xlsx", /第 1 行延伸到第 1,048,576 行/);
  });

  test("a table and a dimension claiming A1:XFD1048576: the grid is the cells present", async () => {
    const bytes = await xlsxWithSheet(sheetXml(SMALL_TABLE, { dimension: "A1:XFD1048576" }));
    const r = await readAnyWorkbook(bytes, "claims.xlsx");
    expect(r.ok && [r.grids[0]!.cells.length, Math.max(...r.grids[0]!.cells.map((x) => x.length))]).toEqual([3, 6]);
  });

  test("a value at XFD3 is read (the grid spans it, rows stay ragged)", async () => {
    const bytes = await xlsxWithSheet(sheetXml([...SMALL_TABLE, [2, 16383, "x"]]));
    const r = await readAnyWorkbook(bytes, "xfd.xlsx");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.grids[0]!.cells.map((x) => x.length)).toEqual([6, 6, 16384]);
  });

  test("130,000 rows: a message, no stack overflow", async () => {
    const cells: [number, number, number][] = [];
    for (let r = 0; r < 130_000; r++) cells.push([r, 0, r]);
    const rows = cells.map(([r]) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");
    const bytes = await xlsxWithSheet(`<?xml version="1.0"?><worksheet ${SHEET_NS}><sheetData>${rows}</sheetData></worksheet>`);
    await refused(bytes, "rows.xlsx", /超过 100,000 行/);
  }, 20000);

  test("60,000 small merges: refused before ExcelJS sees them; 20,000 are merged in linear time", async () => {
    const merges = (n: number) => Array.from({ length: n }, (_, i) => `${ref(10 + Math.floor(i / 100) * 2, (i % 100) * 2)}:${ref(11 + Math.floor(i / 100) * 2, (i % 100) * 2 + 1)}`);
    await refused(await xlsxWithSheet(sheetXml(SMALL_TABLE, { merges: merges(60_000) })), "merges.xlsx", /合并单元格区域超过 50,000 个/);
    const t = Date.now();
    const r = await readAnyWorkbook(await xlsxWithSheet(sheetXml([...SMALL_TABLE, [410, 200, "end"]], { merges: merges(20_000) })), "m20k.xlsx");
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.ok && r.grids[0]!.merges.length).toBe(20_000);
    // The merges survive into the workbook (its scored copy keeps them).
    if (r.ok) expect(Object.keys(((await r.workbook()).getWorksheet("表1") as unknown as { _merges: object })._merges)).toHaveLength(20_000);
  }, 30000);

  test("one merge covering the whole sheet: refused (it would create 17 billion cells)", async () => {
    await refused(await xlsxWithSheet(sheetXml(SMALL_TABLE, { merges: ["A5:XFD1048576"] })), "bigmerge.xlsx", /合并单元格覆盖的单元格超过/);
  });

  test("overlapping merges (invalid) are skipped, not an exception", async () => {
    const r = await readAnyWorkbook(await xlsxWithSheet(sheetXml([...SMALL_TABLE, [7, 0, "end"]], { merges: ["A5:B6", "B6:C7"] })), "overlap.xlsx");
    expect(r.ok && r.grids[0]!.merges).toEqual([{ r1: 4, c1: 0, r2: 5, c2: 1 }]);
  });

  test("a zip bomb: the sheet XML inflates past the limit; decompression stops there", async () => {
    const filler = `<row r="9"><c r="A9" t="inlineStr"><is><t>${"0".repeat(8 * 1024 * 1024)}</t></is></c></row>`;
    const xml = `<?xml version="1.0"?><worksheet ${SHEET_NS}><sheetData>${filler}</sheetData></worksheet>`;
    const bytes = await xlsxWithSheet(xml);
    expect(bytes.length).toBeLessThan(100_000);
    await refused(bytes, "bomb.xlsx", /解压后超过 1 MB/, { ...DEFAULT_LIMITS, sheetXmlBytes: 1024 * 1024 });
    // Another part (shared strings) is bounded the same way.
    const other = await xlsxWithSheet(sheetXml(SMALL_TABLE), { "xl/sharedStrings.xml": `<sst>${"x".repeat(8 * 1024 * 1024)}</sst>` });
    await refused(other, "bomb2.xlsx", /xl\/sharedStrings\.xml/, { ...DEFAULT_LIMITS, sheetXmlBytes: 1024 * 1024 });
  });

  test("too many cells, too many bytes, too many sheets: each a message naming the file", async () => {
    const cells: [number, number, number][] = [];
    for (let r = 0; r < 300; r++) for (let c = 0; c < 10; c++) cells.push([r, c, r * c]);
    await refused(await xlsxWithSheet(sheetXml(cells)), "cells.xlsx", /单元格超过 1,000 个/, { ...DEFAULT_LIMITS, cells: 1000 });
    await refused(new Uint8Array(2048), "big.xls", /太大/, { ...DEFAULT_LIMITS, inputBytes: 1024 });
    const XLSX = await import("@e965/xlsx");
    const wb = XLSX.utils.book_new();
    for (let i = 0; i < 5; i++) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[i]]), `S${i}`);
    const xls = new Uint8Array(XLSX.write(wb, { bookType: "biff8", type: "array" }) as ArrayBuffer);
    await refused(xls, "sheets.xls", /5 个工作表/, { ...DEFAULT_LIMITS, sheets: 3 });
  });

  test("legacy formats are bounded too: an HTML table of a far row, an XML 2003 sheet of many cells", async () => {
    const html = `<table><tr><td>a</td></tr>${"<tr><td>1</td></tr>".repeat(2000)}</table>`;
    await refused(new TextEncoder().encode(html), "rows.xls", /超过 1,000 行/, { ...DEFAULT_LIMITS, gridRows: 1000 });
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell ss:MergeAcross="16000"><Data ss:Type="String">t</Data></Cell></Row><Row ss:Index="1000000"><Cell><Data ss:Type="String">far</Data></Cell></Row></Table></Worksheet></Workbook>`;
    await refused(new TextEncoder().encode(xml), "far.xls", /行/);
  });

  test("a broken zip and a zip that is neither workbook nor document", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    await refused(await zip.generateAsync({ type: "uint8array" }), "other.xlsx", /zip 压缩包/);
  });
});
