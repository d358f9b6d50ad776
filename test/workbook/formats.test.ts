import { readFileSync } from "fs";
import { join } from "path";
import { runPipeline, round, type Grid } from "../../src/engine";
import { readAnyWorkbook } from "../../src/workbook/read";
import { setOfficeConverter } from "../../src/workbook/formats/convert";
import { docxHtmlGrid } from "../../src/workbook/formats/docx";
import { decodeText, plainNumber } from "../../src/workbook/formats/text";
import { docx, gbk, mergesOf, sheetjsWrite, valuesOf, xml2003 } from "./fixtures";

const samples = join(__dirname, "../../assets/samples");
const SAMPLES = ["county-002-self-eval.xlsx", "xinjiang-003-self-eval.xlsx", "hubei-001-self-eval.xlsx", "jiaocheng-004-evaluation.xlsx"];

async function read(data: Uint8Array, name: string) {
  const r = await readAnyWorkbook(data, name);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** What scoring sees: every table's recomputed and reported totals and per-row scores. */
function scores(grids: Grid[]) {
  return runPipeline(grids, { preset: "national" }).map((t) => ({
    total: t.result.total === null ? null : round(t.result.total, 2),
    reported: t.result.reported_total,
    rows: t.result.indicators.map((i) => [i.name, i.score === null ? null : round(i.score, 4), i.status]),
  }));
}

/** Numbers as the text formats write them (SheetJS writes the shortest form), for comparing values. */
const norm = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.map((v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n") : v)));
/** Text-only formats (HTML, CSV, Word) cannot tell the text "0" from the number 0: compare both as text. */
const plain = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.map((v) => (v === null ? null : String(v))));

describe("every format a reviewer receives reads to the same grid and scores as the .xlsx", () => {
  for (const name of SAMPLES) {
    test(name, async () => {
      const xlsx = await read(new Uint8Array(readFileSync(join(samples, name))), name);
      expect(xlsx.format).toBe("xlsx");
      const g = xlsx.grids[0]!;
      const want = norm(valuesOf(g));
      const wantScores = scores([g]);
      expect(wantScores.length).toBeGreaterThan(0);
      const variants: [string, Uint8Array | Promise<Uint8Array>, string][] = [
        ["t.xls", sheetjsWrite(g, "biff8"), "xls"],
        ["t.et", sheetjsWrite(g, "biff8"), "et"],
        ["t.ods", sheetjsWrite(g, "ods"), "ods"],
        ["t.xls", xml2003(g), "xlml"],
        ["t.xls", sheetjsWrite(g, "html"), "html"],
        ["t.csv", sheetjsWrite(g, "csv"), "csv"],
        ["t.docx", docx(g), "docx"],
      ];
      for (const [file, bytes, format] of variants) {
        const r = await read(await bytes, file);
        expect([file, format, r.format]).toEqual([file, format, format]);
        const got = r.grids[0]!;
        const textOnly = ["html", "csv", "docx"].includes(format);
        expect([format, (textOnly ? plain : norm)(norm(valuesOf(got)))]).toEqual([format, textOnly ? plain(want) : want]);
        if (format !== "csv") expect([format, mergesOf(got)]).toEqual([format, mergesOf(g)]);
        expect([format, scores([got])]).toEqual([format, wantScores]);
        // The workbook built for a non-.xlsx input holds the same cells (its scored copy is a new .xlsx).
        expect(r.converted).toBe(true);
        const back = await read(new Uint8Array((await (await r.workbook()).xlsx.writeBuffer()) as ArrayBuffer), "back.xlsx");
        expect([format, (textOnly ? plain : norm)(norm(valuesOf(back.grids[0]!)))]).toEqual([format, textOnly ? plain(want) : want]);
      }
    });
  }

  test("text stays text: 96% and =12个 in every format", async () => {
    const g: Grid = { sheet: "S", origin: { row: 0, col: 0 }, cells: [[{ v: "目标" }, { v: "96%" }, { v: "=12个" }, { v: 10 }, { v: "01" }]], merges: [] };
    for (const [file, bytes] of [["a.xls", sheetjsWrite(g, "biff8")], ["a.xls", sheetjsWrite(g, "html")], ["a.csv", sheetjsWrite(g, "csv")], ["a.xls", xml2003(g)]] as const) {
      const r = await read(bytes, file);
      expect(valuesOf(r.grids[0]!)).toEqual([["目标", "96%", "=12个", 10, "01"]]);
      expect(r.grids[0]!.cells[0]![2]!.f).toBeUndefined();
    }
  });

  test("CSV: UTF-8 with and without BOM, GBK, semicolons", async () => {
    const text = "指标,目标值,实际完成值\n满意度,≥90%,96%\n人数,100,\"1,234\"\n";
    const want = [["指标", "目标值", "实际完成值"], ["满意度", "≥90%", "96%"], ["人数", 100, 1234]];
    const utf8 = new TextEncoder().encode(text);
    const inGbk = gbk(text);
    expect(decodeText(inGbk)?.encoding).toBe("gb18030");
    for (const bytes of [utf8, Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), inGbk]) {
      const r = await read(bytes, "a.csv");
      expect(valuesOf(r.grids[0]!)).toEqual(want);
    }
    const html = `<html><head><meta charset="gb2312"></head><body><table><tr><td>满意度</td><td>96%</td></tr></table></body></html>`;
    const r = await read(gbk(html), "gbk.xls");
    expect([r.format, valuesOf(r.grids[0]!)]).toEqual(["html", [["满意度", "96%"]]]);
  });

  test("plain numbers in text formats; everything else stays text", () => {
    expect(["10", "-3.5", "1,234.5", "0.5", "96%", "01", "1e5", "=1", " 7 "].map(plainNumber)).toEqual([10, -3.5, 1234.5, 0.5, "96%", "01", "1e5", "=1", 7]);
  });

  test("Word tables: rowspan/colspan become merges; tables follow one another; paragraphs are lines", () => {
    const html = `<p>标题</p><table><tr><td rowspan="2"><p>产出指标</p></td><td colspan="2"><p>数量</p><p>指标</p></td></tr><tr><td>a</td><td>10</td></tr></table><p>x</p><table><tr><td>第二表</td></tr></table>`;
    const g = docxHtmlGrid(html, "a.docx");
    expect(valuesOf(g)).toEqual([["产出指标", "数量\n指标"], [null, "a", 10], [], ["第二表"]]);
    expect(g.merges).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 0 }, { r1: 0, c1: 1, r2: 0, c2: 2 }]);
  });

  test(".doc/.wps: a clear message naming the file and the install command when LibreOffice is missing; converted when it is there", async () => {
    // A compound file with a WordDocument stream, as Word 97-2003 writes.
    const XLSX = await import("@e965/xlsx");
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/WordDocument", new Uint8Array(64));
    const doc = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer);
    setOfficeConverter(null);
    let r = await readAnyWorkbook(doc, "自评表.doc");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("自评表.doc");
    const { ConverterMissing } = await import("../../src/workbook/formats/convert");
    setOfficeConverter(async () => {
      throw new ConverterMissing("no");
    });
    r = await readAnyWorkbook(doc, "自评表.doc");
    if (!r.ok) expect(r.message).toMatch(/自评表\.doc.*apt-get install libreoffice-calc-nogui libreoffice-writer-nogui/);
    const g: Grid = { sheet: "S", origin: { row: 0, col: 0 }, cells: [[{ v: "指标" }, { v: "96%" }]], merges: [] };
    const asDocx = await docx(g);
    setOfficeConverter(async (_d, _n, to) => {
      expect(to).toBe("docx");
      return asDocx;
    });
    r = await readAnyWorkbook(doc, "自评表.doc");
    expect(r.ok && [r.format, valuesOf(r.grids[0]!)]).toEqual(["doc", [["指标", "96%"]]]);
    setOfficeConverter(null);
  });

  test("files that are not workbooks: a message naming each", async () => {
    const cases: [Uint8Array, string, string][] = [
      [new Uint8Array(0), "空.xlsx", "空的"],
      [new TextEncoder().encode('{"indicators":[]}'), "t.xls", "JSON"],
      [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "z.xlsx", "zip"],
      [Uint8Array.from([0, 1, 2, 3, 0, 0, 9]), "b.xls", "不是可识别"],
    ];
    for (const [bytes, name, words] of cases) {
      const r = await readAnyWorkbook(bytes, name);
      expect(r.ok).toBe(false);
      if (!r.ok) expect([name, r.message.includes(name), r.message.includes(words)]).toEqual([name, true, true]);
    }
  });
});
