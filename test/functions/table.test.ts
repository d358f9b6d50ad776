import { readFileSync } from "fs";
import { join } from "path";
import { installCustomFunctionsStub, call } from "./stub";
import { readWorkbook } from "../../src/workbook/read";
installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

/** A sheet's values as Excel passes a range to a custom function: merged cells blank below their first cell. */
async function rangeOf(sample: string, sheet: string): Promise<(string | number | null)[][]> {
  const r = await readWorkbook(readFileSync(join(__dirname, "../../assets/samples", sample)), sample);
  if (!r.ok) throw new Error(r.message);
  const g = r.grids.find((x) => x.sheet === sheet)!;
  const width = Math.max(...g.cells.map((row) => row.length));
  return g.cells.map((row) => Array.from({ length: width }, (_, c) => (row[c]?.v as string | number | null) ?? null));
}

describe("EVAL.TABLE and EVAL.CHECK over a whole range", () => {
  test("TABLE over seed 003's 长期护理 table → 83.13, 良", async () => {
    const range = await rangeOf("xinjiang-003-self-eval.xlsx", "s003-p10");
    const out = F.table(range, "xinjiang");
    expect(out[0]).toEqual(["指标", "完成率", "复核得分", "状态", "说明"]);
    expect(out[1]!.slice(0, 3)).toEqual(["预算执行", 0.834, 8.34]);
    expect(out.find((r) => r[0] === "长期护理保险鉴定执行率")!.slice(2, 4)).toEqual([18.95, "不符"]);
    expect(out[out.length - 2]!.slice(0, 3)).toEqual(["总分", "", 83.13]);
    expect(out[out.length - 1]!.slice(0, 3)).toEqual(["等级", "", "良"]);
    expect(out.length).toBe(1 + 1 + 8 + 2);
    expect(new Set(out.map((r) => r.length))).toEqual(new Set([5]));
  });
  test("CHECK spills the findings with the range's row numbers", async () => {
    const range = await rangeOf("xinjiang-003-self-eval.xlsx", "s003-p10");
    const out = F.check(range, "xinjiang");
    const row = range.findIndex((r) => r[2] === "长期护理保险鉴定执行率") + 1;
    expect(out).toContainEqual([row, "score-mismatch", expect.stringContaining("18.98")]);
    expect(out).toContainEqual(["", "total-mismatch", expect.stringContaining("83.13")]);
  });
  test("a range without a table is #VALUE! with the reason", () => {
    expect(call(() => F.table([["会议纪要"], ["时间"]]))).toEqual(["#VALUE!", expect.stringContaining("没有找到指标表")]);
  });
  test("a clean table: CHECK says so", () => {
    const out = F.check([["三级指标", "权重", "目标值", "实际完成值", "得分"], ["参保人数", 100, "≥100人", "100人", 100]]);
    expect(out).toEqual([["行", "代码", "说明"], ["", "ok", "未发现问题"]]);
  });
});
