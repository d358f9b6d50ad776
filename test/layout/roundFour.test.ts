import { DEFAULT_RULES, round, runPipeline, type Grid } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the fourth round of real tables (first contact with tables never seen: a transfer payment's
 * 资金情况 block, item names repeated under several headings, …). Each test builds the shape in a small grid and
 * checks the capability, never a fixture's own cells.
 */
const tableOf = (g: Grid) => runPipeline(g, { rules: DEFAULT_RULES })[0]!;
const header = ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"];

describe("a transfer payment's 资金情况 row (年度金额 | 资金使用情况 合计) gives the execution rate", () => {
  const funds = (used: string) => [
    ["资金情况(万元)", "年度金额:", "208万元", "资金使用情况(万元)", "合计:", used, null],
    header,
    ["产出指标", "数量指标", "贷款发放户数", "≥100户", "120户", 40, 40],
    ["产出指标", "质量指标", "回收率", "≥90%", "98%", 30, 30],
    ["满意度指标", "服务对象满意度", "满意度", "≥80%", "95%", 30, 30],
    ["得分合计", null, null, null, null, 100, 100],
  ];
  test("all full marks with 52.79% of the money used is 自评流于形式 (R01), said with its amounts", () => {
    const t = tableOf(grid(funds("109.8万元")));
    expect(t.detected.table).toMatchObject({ funds_block: { planned: "208万元", used: "109.8万元", arrived: null } });
    const r01 = t.result.findings.find((f) => f.rule === "R01");
    expect(r01?.severity).toBe("warning");
    expect(r01?.message).toContain("资金使用率仅 52.79%（109.8万元 / 208万元，低于 90%）");
  });
  test("with the money spent, or no 使用 amount, nothing is said", () => {
    expect(tableOf(grid(funds("205万元"))).result.findings.filter((f) => f.rule === "R01")).toEqual([]);
    const none = funds("109.8万元").map((r, i) => (i === 0 ? ["资金情况(万元)", "年度金额:", "208万元", null, null, null, null] : r));
    const t = tableOf(grid(none));
    expect(t.detected.table).not.toHaveProperty("funds_block");
    expect(t.result.findings.filter((f) => f.rule === "R01")).toEqual([]);
  });
  test("a payment-rate indicator is read against 使用 / 年度金额", () => {
    const g = grid([...funds("109.8万元").slice(0, 2), ["产出指标", "时效指标", "资金支付进度", "100%", "100%", 100, 100]]);
    const row = tableOf(g).result.indicators[0]!;
    expect(row).toMatchObject({ from_budget: true, actual: "52.79%" });
    expect(round(row.score!, 2)).toBe(52.79);
    expect(row.explanation).toContain("资金使用率");
  });
});

describe("R06: one name under several headings is one finding, on its first row", () => {
  test("道路交通设施 under 成本, 经济效益 and 社会效益: flagged once (warning), naming the other rows", () => {
    const t = tableOf(grid([
      header,
      ["产出指标", "数量指标", "新建道路长度", "≥2公里", "2公里", 40, 40],
      ["产出指标", "成本指标", "道路交通设施", "713万元", "713万元", 20, 20],
      ["效益指标", "经济效益指标", "道路交通设施", "改善出行", "改善出行", 20, 20],
      ["效益指标", "社会效益指标", "道路交通设施", "方便群众", "方便群众", 20, 20],
    ]));
    const r06 = t.result.findings.filter((f) => f.rule === "R06");
    expect(r06.map((f) => [f.indicator, f.severity])).toEqual([[1, "warning"]]);
    expect(r06[0]!.message).toContain("与第 3、4 项同名");
  });
  test("the same name twice under one heading, or a placeholder, is not a repeat", () => {
    const t = tableOf(grid([
      header,
      ["产出指标", "数量指标", "指标1", "≥2个", "2个", 25, 25],
      ["效益指标", "社会效益指标", "指标1", "≥2个", "2个", 25, 25],
      ["产出指标", "质量指标", "验收合格率", "100%", "100%", 25, 25],
      ["产出指标", "质量指标", "验收合格率", "100%", "100%", 25, 25],
    ]));
    expect(t.result.findings.filter((f) => f.rule === "R06")).toEqual([]);
  });
});
