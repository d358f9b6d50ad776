import { DEFAULT_RULES, evaluateTable, runPipeline, type Grid, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the fourteenth round: 河北's form, which scores each row out of 100 (单项指标得分) and converts
 * it by the row's weight share (权重占比) into its points (单项指标折算得分).
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const found = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.severity !== "info");

describe("河北's 单项指标得分 | 权重占比(%) | 单项指标折算得分 (成安 民政)", () => {
  const form = (rows: [string, string, number, string, number, number, number][]) => grid([
    ["一级指标", "二级指标", "三级指标", "预期指标值", null, null, "单项指标实际完成值", "单项指标完成情况", "自评得分", null, null],
    [null, null, null, "符号", "值", "单位(文字描述)", null, null, "单项指标得分", "权重占比(%)", "单项指标折算得分"],
    ...rows.map(([l1, name, target, actual, unit, weight, converted]) => [l1, "质量指标", name, ">=", target, "%(百分比)", actual, "完成", unit, weight, converted]),
  ]);
  test("a form filled right: the converted score is the row's points, nothing told", () => {
    const g = form([["产出指标", "覆盖率", 98, "100%", 100, 60, 60], ["满意度指标", "满意度", 95, "96%", 100, 40, 40]]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.reported_score)).toEqual([60, 40]);
    expect(t.result.indicators.map((r) => r.weight)).toEqual([60, 40]);
    expect(found(g).map((x) => x.code)).toEqual([]);
  });
  test("the weight share written as the score out of 100: one finding naming the rows, beside each row's score-mismatch", () => {
    const g = form([["产出指标", "覆盖率", 98, "100%", 25, 25, 6.25], ["产出指标", "完成率", 99, "100%", 25, 25, 6.25], ["效益指标", "补贴发放率", 75, "100%", 50, 50, 25]]);
    const f = found(g);
    expect(f.map((x) => x.code).sort()).toEqual(["score-mismatch", "score-mismatch", "score-mismatch", "unit-score-is-weight"]);
    const w = f.find((x) => x.code === "unit-score-is-weight")!;
    expect(w.rows).toEqual([0, 1, 2]);
    expect(w.message).toContain("第 1 项“覆盖率”写 25（权重占比 25%，按完成情况应为 100）");
    expect(w.message).toContain("25 × 25% = 6.25");
  });
  test("a converted score that is not the product is told on its row; a row scoring its weight share by its rule is not", () => {
    const g = form([["产出指标", "覆盖率", 98, "100%", 100, 60, 50], ["满意度指标", "满意度", 100, "40%", 40, 40, 16]]);
    const f = found(g);
    expect(f.filter((x) => x.code === "unit-score-conversion").map((x) => x.indicator)).toEqual([0]);
    expect(f.find((x) => x.code === "unit-score-conversion")!.message).toBe("第 1 项“覆盖率”折算得分写作 50，按单项指标得分 100 × 权重占比 60% 应为 60");
    // (40% of a 100% target earns 40 out of 100: the 40 written is due, though it equals the weight share.)
    expect(f.map((x) => x.code)).not.toContain("unit-score-is-weight");
  });
  test("单项指标得分 with no 折算得分 column is the score itself", () => {
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "单项指标得分"],
      ["产出指标", "覆盖率", "≥98%", "100%", 60, 60],
      ["满意度指标", "满意度", "≥95%", "95%", 40, 40],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.reported_score)).toEqual([60, 40]);
    expect(found(g)).toEqual([]);
  });
  test("from data: unit_score is checked the same way", () => {
    const t: TableInput = { id: "t", indicators: [{ name: "覆盖率", weight: 30, target: "≥98%", actual: "100%", unit_score: 30, reported_score: 9 }] };
    const codes = evaluateTable(t).findings.map((x) => x.code);
    expect(codes).toContain("unit-score-is-weight");
    expect(codes).toContain("score-mismatch");
    expect(codes).not.toContain("unit-score-conversion");
  });
});
