import { mkdtempSync, readFileSync, existsSync, statSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "./run";
import { readWorkbook } from "../../src/workbook/read";

const samples = join(__dirname, "../../assets/samples");

describe("eval-score on .xlsx", () => {
  test("--json adds file and sheet to each table", async () => {
    const r = await run(["--json", join(samples, "xinjiang-003-self-eval.xlsx")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.tables.map((t: { sheet: string; total: number }) => [t.sheet, t.total])).toEqual([["s003-p10", 83.13], ["s003-p08", 95.46]]);
    expect(out.tables[0].file).toContain("xinjiang-003-self-eval.xlsx");
  });
  test("--out writes scored copies and summary.csv; the inputs are not modified", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eval-"));
    const input = join(dir, "in.xlsx");
    copyFileSync(join(samples, "county-002-self-eval.xlsx"), input);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const out = join(dir, "out");
    const r = await run(["--summary", "--out", out, input]);
    expect(r.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    expect(existsSync(join(out, "in.scored.xlsx"))).toBe(true);
    const csv = readFileSync(join(out, "summary.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("\uFEFFfile,sheet,title,total,reported_total,rating,reported_rating,findings,errors,scored_copy,problem");
    expect(csv).toContain("城乡居民参加基本医疗保险县级配套资金");
    const back = await readWorkbook(readFileSync(join(out, "in.scored.xlsx")), "in.scored.xlsx");
    expect(back.ok && back.grids[0]!.cells.flat().some((c) => c?.v === "复核得分")).toBe(true);
    expect(r.out).toContain("复核总分");
  });
  test("a folder: every workbook; a broken file is an error naming it, exit 2", async () => {
    const r = await run(["--json", samples, join(__dirname, "../fixtures/bad/broken.xlsx")]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out);
    expect(out.tables.length).toBe(7);
    expect(out.errors).toEqual([{ input: expect.stringContaining("broken.xlsx"), message: expect.stringContaining("无法读取工作簿“broken.xlsx”") }]);
  });
});

describe("scored copies of .xlsx/.xlsm are the original plus EVAL's cells", () => {
  test("an .xlsm keeps its macros and its extension; parts EVAL does not write are byte-identical", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(join(samples, "county-002-self-eval.xlsx")));
    zip.file("xl/vbaProject.bin", Buffer.from("fake VBA project bytes"));
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", ct.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    const dir = mkdtempSync(join(tmpdir(), "eval-xlsm-"));
    const input = join(dir, "宏.xlsm");
    const { writeFileSync } = await import("fs");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const r = await run(["--out", join(dir, "out"), input]);
    expect(r.code).toBe(0);
    const copy = join(dir, "out", "宏.scored.xlsm");
    expect(existsSync(copy)).toBe(true);
    const a = await JSZip.loadAsync(readFileSync(input));
    const b = await JSZip.loadAsync(readFileSync(copy));
    expect(await b.file("xl/vbaProject.bin")!.async("string")).toBe("fake VBA project bytes");
    for (const k of ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "docProps/core.xml"]) {
      if (!a.file(k)) continue;
      expect([k, await b.file(k)!.async("string")]).toEqual([k, await a.file(k)!.async("string")]);
    }
    expect(readFileSync(join(dir, "out", "summary.csv"), "utf8")).toContain("宏.scored.xlsm");
  });
});
