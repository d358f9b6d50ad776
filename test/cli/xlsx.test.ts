import { mkdtempSync, readFileSync, existsSync, statSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/workbook/read";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
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
