import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "./run";

/** eval-score --rules FILE: the 复核口径 rules a reviewer changed, on JSON tables and on workbooks. */
const seed = join(__dirname, "../fixtures/seeds/s003-p10.json");
const sample = join(__dirname, "../../assets/samples/xinjiang-003-self-eval.xlsx");
const dir = mkdtempSync(join(tmpdir(), "eval-rules-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rulesOf = (out: string) => (JSON.parse(out).tables as { findings: { rule?: string }[] }[]).flatMap((t) => t.findings.map((f) => f.rule).filter(Boolean));

test("by default the rulebook runs: R07 on the seed's satisfaction row with no survey", async () => {
  const r = await run(["--preset", "xinjiang", "--json", seed]);
  expect(r.code).toBe(0);
  expect(rulesOf(r.out)).toContain("R07");
});

test("a rule switched off and a threshold changed in a rules file (with a BOM) change the findings, JSON and workbook alike", async () => {
  const rules = file("rules.json", `\uFEFF${JSON.stringify([{ id: "R07", enabled: false }, { id: "R09", thresholds: { timesTarget: 1.5 } }])}`);
  for (const input of [seed, sample]) {
    const r = await run(["--preset", "xinjiang", "--json", "--rules", rules, input]);
    expect(r.code).toBe(0);
    expect(rulesOf(r.out)).not.toContain("R07");
    expect(rulesOf(r.out)).toContain("R09");
  }
});

test("a bad rules file is exit 2 with a Chinese message naming the file and the problem", async () => {
  const bad = file("bad.json", JSON.stringify([{ id: "R99" }]));
  const r = await run(["--json", "--rules", bad, seed]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("bad.json");
  expect(r.err).toContain("未知的规则编号“R99”");
  const broken = await run(["--rules", file("broken.json", "{"), seed]);
  expect(broken.code).toBe(2);
  expect(broken.err).toContain("不是有效的 JSON");
  const missing = await run(["--rules", join(dir, "none.json"), seed]);
  expect(missing.err).toContain("文件不存在");
});

test("--review: the scored copy carries the side-by-side (复核完成值, 复核得分, 偏离度, 复核说明), the original untouched", async () => {
  const out = join(dir, "review-out");
  const before = readFileSync(sample);
  const r = await run(["--preset", "xinjiang", "--review", "--out", out, sample]);
  expect(r.code).toBe(0);
  expect(readFileSync(sample).equals(before)).toBe(true);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, "xinjiang-003-self-eval.scored.xlsx"));
  const texts: string[] = [];
  wb.getWorksheet("s003-p10")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toEqual(expect.arrayContaining(["复核完成值", "复核得分", "偏离度", "复核说明"]));
  expect(texts.some((t) => t.startsWith("EVAL.SCORE") || t.includes("formula"))).toBe(false);
});
