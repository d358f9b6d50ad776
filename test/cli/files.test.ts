import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "./run";
import { csvField, summaryCsv } from "../../src/cli/summary";
import { gbk, SMALL_TABLE, sheetXml, xlsxWithSheet } from "../workbook/fixtures";

const samples = join(__dirname, "../../assets/samples");
const county = join(samples, "county-002-self-eval.xlsx");
const seed = (id: string) => join(__dirname, "../fixtures/seeds", `${id}.json`);
const tmp = () => mkdtempSync(join(tmpdir(), "eval-files-"));

describe("outputs never overwrite an input or each other", () => {
  test("two inputs with one name: two copies, the second renamed and reported; summary.csv names each copy", async () => {
    const d = tmp();
    mkdirSync(join(d, "a"));
    mkdirSync(join(d, "b"));
    copyFileSync(county, join(d, "a", "x.xlsx"));
    copyFileSync(county, join(d, "b", "x.xlsx"));
    const r = await run(["--summary", "--out", join(d, "out"), join(d, "a"), join(d, "b")]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(d, "out")).sort()).toEqual(["summary.csv", "x (2).scored.xlsx", "x.scored.xlsx", "汇总.xlsx"]);
    expect(r.out).toContain("x (2).scored.xlsx");
    const csv = readFileSync(join(d, "out", "summary.csv"), "utf8");
    expect(csv).toContain("x (2).scored.xlsx");
  });

  test("--out is the input folder holding x.scored.xlsx: that input is not overwritten", async () => {
    const d = tmp();
    copyFileSync(county, join(d, "x.xlsx"));
    copyFileSync(county, join(d, "x.scored.xlsx"));
    const before = readFileSync(join(d, "x.scored.xlsx"));
    const r = await run(["--summary", "--out", d, d]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, "x.scored.xlsx")).equals(before)).toBe(true);
    expect(readdirSync(d).sort()).toEqual(["summary.csv", "x (2).scored.xlsx", "x.scored.scored.xlsx", "x.scored.xlsx", "x.xlsx", "汇总.xlsx"]);
    // A second run reads summary.csv as EVAL's own output, listed and skipped, not an error.
    const again = await run(["--summary", "--out", d, join(d, "x.xlsx"), join(d, "summary.csv")]);
    expect(again.code).toBe(2); // summary.csv given by name is read (and has no table)
  });

  test("a folder in the way of a copy's name: the copy takes the next name", async () => {
    const d = tmp();
    copyFileSync(county, join(d, "x.xlsx"));
    mkdirSync(join(d, "out", "x.scored.xlsx"), { recursive: true });
    const r = await run(["--summary", "--out", join(d, "out"), join(d, "x.xlsx")]);
    expect(r.code).toBe(0);
    expect(existsSync(join(d, "out", "x (2).scored.xlsx"))).toBe(true);
  });

  test("--out problems: a file, a path through a file, a read-only place, summary.csv a folder: exit 2, a message, no stack", async () => {
    const d = tmp();
    writeFileSync(join(d, "file"), "x");
    for (const out of [join(d, "file"), join(d, "file", "sub"), "/proc/eval-out"]) {
      const r = await run(["--out", out, county]);
      expect([out, r.code]).toEqual([out, 2]);
      expect(r.err).toMatch(/--out/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const ro = join(d, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = await run(["--out", ro, county]);
    if (process.getuid?.() !== 0) expect([r.code, r.err]).toEqual([2, expect.stringContaining("没有写入权限")]);
    chmodSync(ro, 0o755);
    mkdirSync(join(d, "o2", "summary.csv"), { recursive: true });
    const s = await run(["--summary", "--out", join(d, "o2"), county]);
    expect(s.code).toBe(2);
    expect(s.err).toContain("同名文件夹已存在");
    expect(existsSync(join(d, "o2", "county-002-self-eval.scored.xlsx"))).toBe(true);
  });

  test("no temporary files are left behind", async () => {
    const d = tmp();
    await run(["--summary", "--out", d, county]);
    expect(readdirSync(d).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});

describe("summary.csv", () => {
  test("formula-like text gets a leading apostrophe (OWASP); numbers stay numbers", () => {
    expect(["=1+2", "+A1", "-cmd", "@SUM(A1)", "\tx", "\rx", "普通", "a,b", 'say "hi"', -3, 12.5, null].map(csvField)).toEqual(["'=1+2", "'+A1", "'-cmd", "'@SUM(A1)", "'\tx", "\"'\rx\"", "普通", '"a,b"', '"say ""hi"""', "-3", "12.5", ""]);
  });

  test("every input has a line: tables, files that could not be read (with the reason), skipped files", async () => {
    const d = tmp();
    writeFileSync(join(d, "坏.xls"), "not a workbook at all \u0000\u0001");
    writeFileSync(join(d, "说明.pdf"), "%PDF-1.4");
    writeFileSync(join(d, "~$x.xlsx"), "lock");
    const t = JSON.parse(readFileSync(seed("s002-t1"), "utf8"));
    t.title = "=HYPERLINK(\"http://x\")";
    writeFileSync(join(d, "t.json"), JSON.stringify(t));
    const r = await run(["--summary", "--out", join(d, "out"), d]);
    expect(r.code).toBe(2);
    const csv = readFileSync(join(d, "out", "summary.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toMatch(/坏\.xls,.*无法读取或评分：.*坏\.xls/);
    expect(csv).toMatch(/说明\.pdf,.*不受支持/);
    expect(csv).toMatch(/~\$x\.xlsx,.*已跳过/);
    expect(r.err).toContain("说明.pdf");
    expect(summaryCsv([], { errors: [{ input: "-x.xlsx", message: "=bad" }] })).toContain("'-x.xlsx");
  });
});

describe("hostile inputs in a batch: each one exit 2 with a message, every other file scored", () => {
  test("a symlink to /dev/zero, a far cell, a cell at XFD3, 60,000 merges, beside a good file", async () => {
    const d = tmp();
    copyFileSync(county, join(d, "good.xlsx"));
    symlinkSync("/dev/zero", join(d, "zero.xlsx"));
    writeFileSync(join(d, "far.xlsx"), await xlsxWithSheet(sheetXml([...SMALL_TABLE, [1048575, 0, "x"]], { dimension: "A1:XFD1048576" })));
    writeFileSync(join(d, "xfd.xlsx"), await xlsxWithSheet(sheetXml([...SMALL_TABLE.map(([r, c, v]) => [r, c + 16370, v] as [number, number, string | number])])));
    const merges = Array.from({ length: 60_000 }, (_, i) => `A${10 + i * 2}:B${11 + i * 2}`);
    writeFileSync(join(d, "merges.xlsx"), await xlsxWithSheet(sheetXml(SMALL_TABLE, { merges })));
    const t = Date.now();
    const r = await run(["--json", "--out", join(d, "out"), d]);
    expect(Date.now() - t).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out);
    expect(out.tables.filter((x: { file: string }) => x.file.endsWith("good.xlsx")).length).toBeGreaterThan(0);
    const byFile = Object.fromEntries(out.errors.map((e: { input: string; message: string }) => [e.input.split("/").pop(), e.message]));
    expect(byFile["zero.xlsx"]).toMatch(/不是普通文件/);
    expect(byFile["far.xlsx"]).toMatch(/1,048,576 行/);
    expect(byFile["merges.xlsx"]).toMatch(/合并单元格/);
    // A table in the last columns: scored (its results written where they fit) or a message naming the file.
    expect(out.tables.some((x: { file: string }) => x.file.endsWith("xfd.xlsx")) || /xfd\.xlsx/.test(byFile["xfd.xlsx"] ?? "")).toBe(true);
    expect(existsSync(join(d, "out", "good.scored.xlsx"))).toBe(true);
    const csv = readFileSync(join(d, "out", "summary.csv"), "utf8");
    for (const f of ["zero.xlsx", "far.xlsx", "merges.xlsx", "xfd.xlsx", "good.xlsx"]) expect([f, csv.includes(f)]).toEqual([f, true]);
  }, 30000);

  test("an exception while scoring one workbook is that file's error; the next file is scored", async () => {
    const xlsx = await import("../../src/cli/xlsx");
    const pool = await import("../../src/cli/pool");
    const real = xlsx.scoreWorkbookFile;
    const spy = jest.spyOn(xlsx, "scoreWorkbookFile").mockImplementation(async (job) => {
      if (job.file.includes("boom")) throw new Error("Out of bounds");
      return real(job);
    });
    const job = (file: string) => ({ file, preset: "national", tolerance: 0.01, ratingScheme: undefined as never, scored: true, mode: "formulas" as const });
    const r = await pool.scoreWorkbooks([job("boom.xlsx"), job(county)], () => undefined);
    spy.mockRestore();
    expect(r[0]!.errors[0]!.message).toMatch(/评分“boom\.xlsx”时出错.*Out of bounds/);
    expect(r[1]!.tables.length).toBeGreaterThan(0);
  });

  test("a file larger than the input limit is refused before it is read", async () => {
    const { expandInputs } = await import("../../src/cli/inputs");
    const d = tmp();
    writeFileSync(join(d, "big.xlsx"), Buffer.alloc(2048));
    const r = expandInputs([d], undefined, 1024);
    expect(r.files).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/big\.xlsx.*太大/);
  });
});

describe("JSON input", () => {
  const good = () => JSON.parse(readFileSync(seed("s002-t1"), "utf8"));
  test("a UTF-8 BOM is accepted; GBK is read", async () => {
    const d = tmp();
    const text = JSON.stringify(good());
    writeFileSync(join(d, "bom.json"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(d, "gbk.json"), gbk(text));
    const r = await run(["--json", join(d, "bom.json"), join(d, "gbk.json")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.tables).toHaveLength(2);
    expect(out.tables[1].title).toBe(out.tables[0].title);
    expect(out.tables[0].title).toMatch(/[\u4e00-\u9fff]/);
  });

  test("type errors name the file, the table and the field; one bad table never drops the others", async () => {
    const d = tmp();
    const bad = good();
    bad.indicators[2].target = { x: 1 };
    bad.indicators[0].weight = [10];
    const worse = good();
    worse.budget = "五万元";
    writeFileSync(join(d, "a.json"), JSON.stringify([good(), bad, worse, 7, { title: "无指标" }]));
    const r = await run(["--json", join(d, "a.json")]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out);
    expect(out.tables).toHaveLength(1);
    const msgs = out.errors.map((e: { message: string }) => e.message);
    expect(msgs).toHaveLength(4);
    expect(msgs[0]).toContain(`${join(d, "a.json")} 表 2 第 3 行：target 应为文字或数字`);
    expect(msgs[0]).toContain("表 2 第 1 行：weight 应为文字或数字");
    expect(msgs[1]).toContain("表 3：budget 应为对象或 null");
    expect(msgs[2]).toContain("表 4：应为表格对象");
    expect(msgs[3]).toContain("表 5：缺少 indicators 数组");
    expect(r.err).not.toMatch(/normalize is not a function/);
  });

  test("texts that are not [{cell, text}] are a message naming the file and the table, never a crash", async () => {
    const d = tmp();
    const bad = { ...good(), texts: [{ cell: "B2" }, 5] };
    writeFileSync(join(d, "t.json"), JSON.stringify([good(), bad]));
    const r = await run(["--json", join(d, "t.json")]);
    const out = JSON.parse(r.out);
    expect(out.tables).toHaveLength(1);
    expect(out.errors.map((e: { message: string }) => e.message).join("")).toContain(`${join(d, "t.json")} 表 2：texts 应为 [{cell, text}] 数组`);
  });

  test("budget splits that are not [{side, cell, total, parts}] are a message naming the file and the table, never a crash", async () => {
    const d = tmp();
    const g = good() as { budget?: unknown };
    const bad = { ...g, budget: { full_year: 100, executed: 90, weight: 10, reported_score: 9, splits: [{ side: "income", cell: "B5", total: 5, parts: "a" }] } };
    writeFileSync(join(d, "t.json"), JSON.stringify([good(), bad]));
    const r = await run(["--json", join(d, "t.json")]);
    const out = JSON.parse(r.out);
    expect(out.errors.map((e: { message: string }) => e.message).join("")).toContain(`${join(d, "t.json")} 表 2 预算：splits 应为`);
    expect(r.err).not.toMatch(/is not a function/);
  });

  test("a file that is neither UTF-8 nor GBK, and broken JSON: messages naming the file", async () => {
    const d = tmp();
    writeFileSync(join(d, "bin.json"), Buffer.from([0x7b, 0xff, 0xff, 0xff, 0x80]));
    writeFileSync(join(d, "broken.json"), "{ \"indicators\": [ ");
    const r = await run(["--json", join(d, "bin.json"), join(d, "broken.json"), seed("s002-t1")]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out);
    expect(out.tables).toHaveLength(1);
    expect(out.errors[0].message).toMatch(/bin\.json.*既不是 UTF-8 也不是 GBK/);
    expect(out.errors[1].message).toMatch(/broken\.json.*不是有效的 JSON/);
  });

  test("an .xls passed by name is read as a workbook, never as JSON", async () => {
    const d = tmp();
    const XLSX = await import("@e965/xlsx");
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["a"]]), "S");
    writeFileSync(join(d, "t.xls"), new Uint8Array(XLSX.write(wb, { bookType: "biff8", type: "array" }) as ArrayBuffer));
    const r = await run(["--json", join(d, "t.xls")]);
    expect(JSON.parse(r.out).errors[0].message).toContain("没有找到指标表");
  });
});
