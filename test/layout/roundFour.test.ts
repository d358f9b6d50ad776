import { DEFAULT_RULES, round, runPipeline, type Grid } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the fourth round of real tables (first contact with tables never seen: a transfer payment's
 * 资金情况 block, item names repeated under several headings, …). Each test builds the shape in a small grid and
 * checks the capability, never a fixture's own cells.
 */
const tableOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES })[0]!;
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
  const r06Of = (rows: (string | number)[][]) => tableOf(grid([header, ...rows])).result.findings.filter((f) => f.rule === "R06");
  test("道路交通设施 under 成本, 经济效益 and 社会效益: flagged once (warning), naming the other rows", () => {
    const r06 = r06Of([
      ["产出指标", "数量指标", "新建道路长度", "≥2公里", "2公里", 40, 40],
      ["产出指标", "成本指标", "道路交通设施", "713万元", "713万元", 20, 20],
      ["效益指标", "经济效益指标", "道路交通设施", "改善出行", "改善出行", 20, 20],
      ["效益指标", "社会效益指标", "道路交通设施", "方便群众", "方便群众", 20, 20],
    ]);
    expect(r06.map((f) => [f.indicator, f.severity])).toEqual([[1, "warning"]]);
    expect(r06[0]!.message).toContain("与第 3、4 项同名");
  });
  test("the same name twice under one heading, or a placeholder, is not a repeat", () => {
    expect(r06Of([
      ["产出指标", "数量指标", "指标1", "≥2个", "2个", 25, 25],
      ["效益指标", "社会效益指标", "指标1", "≥2个", "2个", 25, 25],
      ["产出指标", "质量指标", "验收合格率", "100%", "100%", 25, 25],
      ["产出指标", "质量指标", "验收合格率", "100%", "100%", 25, 25],
    ])).toEqual([]);
  });
});

describe("an evaluator's score table (内容 | 指标 | 权重 | 评分结果 | 备注)", () => {
  const g = grid([
    ["内容", "指标", "权重", "评分结果", "备注"],
    ["投入", "预算执行率", 30, 25, null],
    ["产出", "大修休息点", 40, 0, "目标值2座,完成值9座"],
    ["影响力", "报告质量", 30, 20, null],
    ["合计", null, 100, 45, null],
  ]);
  test("each score is the evaluator's judgement (info); a remark that states 目标值 and 完成值 is scored from them", () => {
    const t = tableOf(g);
    expect(t.detected.columns).toMatchObject({ level1: 0, level3: 1, weight: 2, score: 3, deviation: 4 });
    expect(t.result.indicators.map((i) => [i.score, i.rule_source])).toEqual([[25, "judgement"], [40, "preset"], [20, "judgement"]]);
    expect(t.result.indicators[1]).toMatchObject({ target: "2座", actual: "9座", status: "mismatch" });
    expect(t.result.findings.filter((f) => f.severity !== "info").map((f) => f.code).sort()).toEqual(["score-mismatch", "total-mismatch"]);
    expect(t.result.findings.some((f) => f.code === "layout" && f.message.includes("按备注“目标值2座,完成值9座”"))).toBe(true);
  });
});

describe("habits said once, and money the table itself contradicts", () => {
  const budget = [
    ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 150, 125.25, 10, "83.5%", 8.35],
  ];
  test("actuals written as ranges (≥90%) are one warning on the first such row, naming them all", () => {
    const t = tableOf(grid([
      ...budget,
      header,
      ["产出指标", "数量指标", "安装标尺", "≥266米", "≥266米", 30, 30],
      ["产出指标", "时效指标", "开工率", "≥90%", "≥90%", 30, 30],
      ["产出指标", "质量指标", "合格率", "100%", "100%", 30, 30],
      ["总分", null, null, null, null, 100, 98.35],
    ]));
    const f = t.result.findings.filter((x) => x.code === "actual-is-range");
    expect(f.map((x) => [x.indicator, x.severity])).toEqual([[0, "warning"]]);
    expect(f[0]!.message).toContain("第 1 项“≥266米”、第 2 项“≥90%”");
  });
  test("figure targets answered in words (达成目标值, 完成) on several rows: one warning naming them; one row alone keeps its own", () => {
    const rows = (n: number) => tableOf(grid([
      ...budget,
      header,
      ["产出指标", "质量指标", "结余率", "≤5%", "达成目标值", 30, 30],
      ["产出指标", "质量指标", "档案管理率", "100%", n > 1 ? "完成" : "100%", 30, 30],
      ["产出指标", "数量指标", "门诊人次", "≥300人次", "372人次", 30, 30],
      ["总分", null, null, null, null, 100, 98.35],
    ]));
    const two = rows(2).result.findings.filter((f) => f.code === "actual-no-figure");
    expect(two.map((f) => [f.indicator, f.severity])).toEqual([[0, "warning"]]);
    expect(two[0]!.message).toContain("第 1 项“达成目标值”（目标 ≤5%）、第 2 项“完成”（目标 100%）");
    expect(rows(1).result.findings.filter((f) => f.code === "actual-no-figure").map((f) => f.indicator)).toEqual([0]);
    // A satisfaction with a figure target answered in words is told once, not again as a satisfaction.
    const sat = tableOf(grid([...budget, header, ["满意度指标", "满意度", "群众满意度", "≥90%", "完成", 90, 90], ["总分", null, null, null, null, 100, 98.35]]));
    expect(sat.result.findings.filter((f) => f.code === "actual-no-figure").map((f) => f.indicator)).toEqual([0]);
  });
  test("R17: a cost whose actual amount is more than the year's spending (150万 against 125.25 万元 spent); a cost per unit is not compared", () => {
    const rows = (actual: string) => tableOf(grid([...budget, header, ["产出指标", "成本指标", "运行维护费", "≤150万元", actual, 90, 90], ["总分", null, null, null, null, 100, 98.35]]));
    expect(rows("150万").result.findings.filter((f) => f.rule === "R17").map((f) => [f.indicator, f.severity])).toEqual([[0, "warning"]]);
    expect(rows("125.25万元").result.findings.filter((f) => f.rule === "R17")).toEqual([]);
    expect(rows("80元/人").result.findings.filter((f) => f.rule === "R17")).toEqual([]);
  });
  test("a bare amount under 成本指标 is a ceiling (195.5万元 within 200万 is met), and the reader says so", () => {
    const t = tableOf(grid([...budget, header, ["产出指标", "成本指标", "宣传片制作费", "200万", "195.5万元", 90, 90], ["总分", null, null, null, null, 100, 98.35]]));
    expect(t.result.indicators[0]).toMatchObject({ target: "≤200万", met: true, score: 90 });
    expect(t.result.findings.some((f) => f.code === "layout" && f.message.includes("读作不超过目标值"))).toBe(true);
  });
  test("points written where the target and the actual go (20 | 20, adding up to 100, no weight column) are flagged row by row", () => {
    const t = tableOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因"],
      ["产出指标", "数量指标", "建设公路32.1公里", 40, 40, null],
      ["产出指标", "质量指标", "符合验收要求", 30, 30, null],
      ["满意度指标", "满意度", "群众满意度", 30, 30, null],
    ]));
    expect(t.result.findings.filter((f) => f.code === "value-is-points").map((f) => f.indicator)).toEqual([0, 1, 2]);
    const real = tableOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因"],
      ["产出指标", "数量指标", "培训人次", 40, 45, null],
      ["产出指标", "质量指标", "合格人数", 30, 30, null],
      ["满意度指标", "满意度", "回访户数", 30, 30, null],
    ]));
    expect(real.result.findings.filter((f) => f.code === "value-is-points")).toEqual([]);
  });
  test("a satisfaction whose actual has no figure (完成) is a warning; weights follow from scores adding up to 100 − the budget's points", () => {
    const t = tableOf(grid([
      ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)", null],
      ["年度财政资金总额", 200, 195.5, "97.75%", 19.55, null],
      ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["产出指标", "质量指标", "通过专家评审", "通过", "通过", 40],
      ["效益指标", "社会效益指标", "指导城市建设", "指导城市建设", "完成", 20],
      ["满意度指标", "满意度指标", "群众满意度", "满意", "完成", 20],
      ["总分", null, null, null, null, 99.55],
    ]));
    expect(t.result.indicators.map((i) => i.weight)).toEqual([40, 20, 20]);
    expect(t.result.findings.filter((f) => f.code === "actual-no-figure").map((f) => [f.indicator, f.severity])).toEqual([[2, "warning"]]);
    expect(round(t.result.total!, 2)).toBe(99.55);
  });
});

describe("a form in parts, and merged headers", () => {
  test("a table that stops at the next table's header with under 100 points: its whole-table checks are notes; the banner between is not a row", () => {
    const t = runPipeline(grid([
      ["自评总分:", 95, null, null, null, null],
      ["项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准"],
      ["项目决策2分", "决策依据", 2, 2, null, "有计划计2分"],
      ["项目管理13分", "财务制度", 3, 3, null, "有制度计3分"],
      ["项目管理13分", "运行监管", 10, 10, null, "有记录计10分"],
      ["项目年度目标1:道路养护", "项目年度目标1:道路养护", "项目年度目标1:道路养护", "项目年度目标1:道路养护", "项目年度目标1:道路养护", "项目年度目标1:道路养护"],
      ["一级指标", "三级指标", "年初指标值", "年终完成值", "自评分", "评价标准"],
      ["产出指标", "养护里程", "300公里", "300公里", 80, null],
    ]), { rulebook: DEFAULT_RULES });
    const first = t[0]!;
    expect(first.detected.columns).toMatchObject({ level1: 0, level3: 1, weight: 2, score: 3, recheck: 4, rule: 5 });
    expect(first.detected.indicatorRows).toHaveLength(3);
    expect(first.result.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual([]);
    expect(first.result.findings.some((f) => f.code === "weights-total" && f.message.includes("同一表单的一部分"))).toBe(true);
  });
  test("one name header merged over two columns whose cells differ is the first and second levels (評價內容 over 產出目標 | 數量目標)", () => {
    const t = tableOf({
      ...grid([
        ["評價內容", "評價內容", "績效內容", "績效目標值", "實際完成值", "累計完成率"],
        ["產出目標", "數量目標", "組織活動數量", ">=28次", "40次", "143%"],
        ["產出目標", "數量目標", "服務人次", ">=500人", "1700人", "340%"],
        ["產出目標", "質量目標", "政策知曉率", ">=95%", "98%", "103%"],
      ]),
    });
    expect(t.detected.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, target: 3, actual: 4, completion: 5 });
    expect(t.result.indicators.map((i) => i.status)).toEqual(["no-weight", "no-weight", "no-weight"]);
  });
});
