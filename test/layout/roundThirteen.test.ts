import { DEFAULT_RULES, evaluateTable, runPipeline, type Grid, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the thirteenth round, where the corpus began to count one finding per slip: a funds total row
 * of zeros over the 其中 row that holds the figures.
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const found = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.severity !== "info");

describe("a funds total row of zeros over a 其中 row with the figures (池州 棠溪)", () => {
  const funds = (total: (string | number | null)[]) => grid([
    ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额:", ...total],
    [null, "其中:本年财政拨款", 202.64, 132.912, 132.912, null, null, null],
    [null, "上年结转资金", null, null, null, null, null, null],
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null, null],
    ["产出指标", "补助村数量", "=8个", "8个", 90, 90, null, null],
  ]);
  test("the total row is told as an error, and the rate and score written are checked against the parts' sum", () => {
    const f = found(funds([0, 0, 0, 10, 0, 0]));
    expect(f.map((x) => x.code)).toEqual(["budget-total-zero", "budget-score-mismatch", "rate-mismatch"]);
    expect(f[0]!.message).toContain("全年预算数和执行数都写作 0");
    expect(f[0]!.message).toContain("“本年财政拨款”合计全年预算数 132.912、执行数 132.912");
    expect(f[1]!.message).toContain("报告得分 0，按 10 × 执行率复核为 10");
    const t = tablesOf(funds([0, 0, 0, 10, 0, 0]))[0]!;
    expect(t.result.budget!.score).toBe(10);
    expect(t.result.budget!.explanation).toMatch(/^年度资金总额行为 0，按其下“本年财政拨款”合计：执行率 = 132\.912 \/ 132\.912/);
  });
  test("a total row written right is not told; zeros with no figures below stay unreadable", () => {
    expect(found(funds([202.64, 132.912, 132.912, 10, 1, 10])).map((x) => x.code)).toEqual([]);
    const empty = grid([
      ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额:", 0, 0, 10, 0, 0],
      [null, "其中:本年财政拨款", 0, 0, null, null, null],
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null],
      ["产出指标", "补助村数量", "=8个", "8个", 90, 90, null],
    ]);
    expect(found(empty).map((x) => x.code)).toEqual(["budget-unreadable"]);
  });
  test("the same from data: parts in mixed units are not added up", () => {
    const t = (parts: NonNullable<TableInput["budget"]>["parts"]): TableInput => ({ id: "t", budget: { full_year: 0, executed: 0, weight: 10, reported_score: 0, parts }, indicators: [{ name: "补助村数量", weight: 90, target: "=8个", actual: "8个" }] });
    expect(evaluateTable(t([{ label: "其中:财政拨款", full_year: 100, executed: 90 }, { label: "上年结转", full_year: 20, executed: 18 }])).budget!.rate).toBeCloseTo(0.9, 10);
    expect(evaluateTable(t([{ label: "其中:财政拨款", full_year: "100万元", executed: 90 }])).findings.map((x) => x.code)).toContain("budget-unreadable");
  });
});
