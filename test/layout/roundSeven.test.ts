import { compare, DEFAULT_RULES, evaluateTable, parseActualAgainst, parseMeasure, runPipeline, type Grid } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the seventh round (the corpus's last misses): the points of a block of goals written left
 * of its header (年度绩效目标1(40分)), weights forced by whole points, a level whose met rows lost points, and a budget
 * block with no indicator table under it. Each test builds the shape in a small grid or table, never a fixture's cells.
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const head = (label: string) => [label, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"];

describe("a block of goals with its points left of the header, and no 分值 column", () => {
  test("rows whose scores add up to the block's points get those scores as weights, said as inferred", () => {
    const t = tablesOf(grid([
      head("年度绩效目标1(40分)"),
      [null, "产出指标", "质量指标", "资料整编", "100%", "100%", 20],
      [null, "产出指标", "时效指标", "按时上报", "100%", "100%", 20],
      ["总分", null, null, null, null, null, 40],
    ]))[0]!;
    expect(t.result.indicators.map((i) => i.weight)).toEqual([20, 20]);
    expect(t.result.findings.filter((f) => f.code === "weight-from-level")).toHaveLength(2);
    expect(t.detected.issues.map((i) => i.message).join("")).toContain("目标块“年度绩效目标1(40分)”");
  });
  test("each block keeps its own points when the header repeats under the rows", () => {
    const t = tablesOf(grid([
      head("年度绩效目标1(30分)"),
      [null, "产出指标", "数量指标", "监测点数", "10个", "10个", 15],
      [null, "产出指标", "质量指标", "数据合格率", "100%", "100%", 15],
      head("年度绩效目标2(70分)"),
      [null, "产出指标", "数量指标", "整编册数", "5册", "5册", 35],
      [null, "产出指标", "质量指标", "审核通过率", "100%", "100%", 35],
      ["总分", null, null, null, null, null, 100],
    ]))[0]!;
    expect(t.result.indicators.map((i) => i.weight)).toEqual([15, 15, 35, 35]);
    expect(t.result.total).toBe(100);
  });
  test("scores short of the points: whole weights no lower than each score that add up to the points, when only one split fits", () => {
    const t = tablesOf(grid([
      head("年度绩效目标1(40分)"),
      [null, "产出指标", "质量指标", "数据合格率", "100%", "100%", 10],
      [null, "产出指标", "时效指标", "按时取得资料", "100%", "100%", 10],
      [null, "满意度指标", "服务对象满意度指标", "资料审核通过率", "98%", "98%", 19.6],
      ["总分", null, null, null, null, null, 39.6],
    ]))[0]!;
    expect(t.result.indicators.map((i) => i.weight)).toEqual([10, 10, 20]);
    const third = t.result.findings.find((f) => f.code === "score-mismatch");
    expect(third).toMatchObject({ indicator: 2, severity: "error" });
    expect(t.result.findings.find((f) => f.code === "weight-from-level")?.message).toContain("分值取整数");
  });
  test("when more than one split fits, no weight is taken", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "甲", block: "年度绩效目标1(40分)", target: "100%", actual: "100%", reported_score: 9 },
      { name: "乙", block: "年度绩效目标1(40分)", target: "100%", actual: "100%", reported_score: 19.6 },
    ] });
    expect(r.indicators.map((i) => i.weight)).toEqual([null, null]);
  });
  test("met rows scoring less than their level's points are told, naming every row", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "甲", level1: "产出指标(40分)", target: "100%", actual: "100%", reported_score: 9 },
      { name: "乙", level1: "产出指标(40分)", target: "100%", actual: "100%", reported_score: 19.6 },
    ] });
    const f = r.findings.find((x) => x.code === "level-met-short");
    expect(f).toMatchObject({ severity: "warning", indicator: 0, rows: [0, 1], recomputed: 40 });
    expect(f?.message).toContain("均已达到目标");
  });
  test("a level whose rows are not all met is not told (a deduction may be due)", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "甲", level1: "产出指标(40分)", target: "100%", actual: "100%", reported_score: 9 },
      { name: "乙", level1: "产出指标(40分)", target: "100%", actual: "90%", reported_score: 19.6 },
    ] });
    expect(r.findings.some((x) => x.code === "level-met-short")).toBe(false);
  });
});

describe("a budget block with no indicator table under it", () => {
  const block = [
    ["项目支出绩效自评表", null, null, null, null, null, null],
    ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 200, 200, 179.43, 10, 0.897, 9],
    [null, "其中:当年财政拨款", 200, 200, 179.43, null, 0.897, null],
    ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null],
    [null, "开展系列文化活动", null, null, "通过项目实施", null, null],
  ];
  test("is a table of its own: its rate and score are checked, the total and rating are not", () => {
    const tables = tablesOf(grid(block));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.result.indicators).toEqual([]);
    expect(t.result.budget).toMatchObject({ weight: 10, reported_score: 9 });
    expect(t.result.total).toBeNull();
    expect(t.result.rating).toBeNull();
    expect(t.result.findings.find((f) => f.code === "budget-score-mismatch")).toMatchObject({ severity: "error", recomputed: 8.97 });
    expect(t.result.findings.find((f) => f.code === "total-incomplete")?.message).toContain("只有预算执行情况");
    expect(t.detected.issues[0]!.message).toContain("没有绩效指标表头");
  });
  test("a budget block that heads an indicator table is not read twice", () => {
    const tables = tablesOf(grid([
      ...block.slice(0, 4),
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "活动场次", "≥10场", "12场", 90, 90],
      ["总分", null, null, null, null, 100, 99],
    ]));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.result.indicators).toHaveLength(1);
  });
  test("a budget block right under a table that has none is that table's budget", () => {
    const tables = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "活动场次", "≥10场", "12场", 90, 90],
      ["总分", null, null, null, null, 100, 99],
      [null, null, null, null, null, null, null],
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "得分"],
      [null, "年度资金总额", 200, 200, 180, 10, 9],
    ]));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.result.budget).toMatchObject({ weight: 10, reported_score: 9 });
    expect(tables[0]!.result.total).toBe(99);
    expect(tables[0]!.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
  test("a budget header whose amounts are lost makes no table", () => {
    expect(tablesOf(grid([
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总", null, null, null, null, null, null],
    ]))).toEqual([]);
  });
});

describe("rows with only an indicator's name", () => {
  const head = ["一级指标", "二级指标", "三级指标", "指标值", "完成值"];
  test("inside the table, more rows below: an indicator left unfilled, told as a warning", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标", "质量指标", "抽检完成率", "100%", "100%"],
      [null, null, "不合格产品处置率", null, null],
      [null, null, "培训覆盖率", "100%", "100%"],
    ]))[0]!;
    expect(t.result.indicators.map((i) => i.name)).toEqual(["抽检完成率", "不合格产品处置率", "培训覆盖率"]);
    expect(t.result.indicators[1]).toMatchObject({ level2: "质量指标", status: "pending" });
    const f = t.result.findings.filter((x) => x.code === "target-actual-blank");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: 1, severity: "warning" });
    expect(t.result.findings.some((x) => x.indicator === 1 && x.code === "actual-blank")).toBe(false);
    expect(t.detected.issues.some((i) => i.message.includes("不合格产品处置率"))).toBe(false);
  });
  test("at the end of a cut table: a doubt, not an indicator", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标", "质量指标", "抽检完成率", "100%", "100%"],
      [null, null, "培训覆盖率", "100%", "100%"],
      [null, null, "不合格产品处置率", null, null],
    ]))[0]!;
    expect(t.result.indicators).toHaveLength(2);
    expect(t.detected.issues.some((i) => i.message.includes("只有指标名称“不合格产品处置率”"))).toBe(true);
  });
  test("names held before a name-only row that opens a level of its own are inside the table", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标", "成本指标", "培训成本", "≤400元", "180元"],
      [null, null, "抽验平均标准", null, null],
      ["效益指标", "社会效益指标", "总体安全", null, null],
    ]))[0]!;
    expect(t.result.indicators.map((i) => i.name)).toEqual(["培训成本", "抽验平均标准"]);
  });
  test("a table where nothing was filled in is R14's, not a warning per row", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标", "质量指标", "抽检完成率", null, null],
      [null, null, "培训覆盖率", "100%", null],
    ]))[0]!;
    expect(t.result.findings.some((x) => x.code === "target-actual-blank")).toBe(false);
  });
});

describe("R14 (the table is unfilled) names its rows", () => {
  test("a table-level finding whose rows are every blank row", () => {
    const t = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
      ["产出指标", "数量指标", "覆盖率", "=100%", null, 60, null],
      ["效益指标", "社会效益指标", "保障率", "=100%", null, 30, null],
    ]))[0]!;
    expect(t.result.findings.find((x) => x.code === "self-eval-unfilled")).toMatchObject({ indicator: null, rows: [0, 1] });
  });
});

describe("cells as other workbooks store them", () => {
  const head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
  test("numbers typed as text and full-width digits are the figures they show", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标", "数量指标", "培训人次", "≥１００人次", "１２０人次", "５０", "50"],
      ["效益指标", "社会效益指标", "知晓率", "≥90%", "95%", "50", "50分"],
      ["总分", null, null, null, null, "100", "100"],
    ]))[0]!;
    expect(t.result.indicators.map((i) => [i.weight, i.status, i.score])).toEqual([[50, "ok", 50], [50, "ok", 50]]);
    expect(t.result.reported_total).toBe(100);
    expect(t.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
  test("a page that starts at its rows with no sign column is read by the form's level names", () => {
    const t = tablesOf(grid([
      ["产出指标", "数量指标", "河道保洁里程", "12公里", "12公里"],
      ["产出指标", "时效指标", "完成时间", "2020年底", "2020年12月"],
      ["效益指标", "社会效益指标", "环境改善", "明显改善", "明显改善"],
    ]));
    expect(t).toHaveLength(1);
    expect(t[0]!.result.indicators.map((i) => i.name)).toEqual(["河道保洁里程", "完成时间", "环境改善"]);
    expect(t[0]!.detected.issues[0]!.message).toContain("未找到表头");
  });
  test("blank rows left inside a table do not end it when indicator rows follow", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
      [null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
      [null, "质量指标", "合格率", "≥90%", "95%", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ]))[0]!;
    expect(t.result.indicators.map((i) => i.name)).toEqual(["培训人次", "合格率"]);
    expect(t.result.indicators[1]!.level1).toBe("产出指标");
  });
  test("a heading row names the levels of the rows under it", () => {
    const t = tablesOf(grid([
      head,
      ["产出指标(50分)", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
      ["效益指标(50分)", "社会效益指标", null, null, null, null, null],
      [null, null, "知晓率", "≥90%", "95%", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ]))[0]!;
    expect(t.result.indicators[1]).toMatchObject({ level1: "效益指标(50分)", level2: "社会效益指标" });
    expect(t.result.findings.some((f) => f.code === "weights-level")).toBe(false);
  });
});

describe("actuals that give no result", () => {
  test("the grade scale copied as the actual (好坏) is told; a grade chosen from it (优) is not", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "管理机制健全性", target: "好坏", actual: "好坏", weight: 5, reported_score: 5 },
      { name: "管理制度健全性", target: "优良中低差", actual: "优", weight: 5, reported_score: 5 },
    ] });
    const f = r.findings.filter((x) => x.code === "actual-is-scale");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: 0, severity: "warning" });
    expect(f[0]!.message).toContain("照抄指标值");
  });
  test("a target's words with a range copied into the actual (满意率达95%以上) is an actual written as a range", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "满意度", target: "辖区企业满意率达95%以上。", actual: "辖区企业满意率达95%以上。", weight: 10, reported_score: 10 },
      { name: "覆盖率", target: "100%", actual: "100%", weight: 10, reported_score: 10 },
    ] });
    expect(r.findings.find((x) => x.code === "actual-is-range")).toMatchObject({ indicator: 0 });
  });
  test("a row EVAL cannot score without a rule is a to-do (info), not a finding against the table", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "问题整改", weight: 5, reported_score: 4, target: "≥90%", actual: "95%", rule_text: "每发现1例问题酌情扣0.5至1分" }] });
    expect(r.indicators[0]!.status).toBe("needs-rule");
    expect(r.findings.find((x) => x.code === "needs-rule")).toMatchObject({ indicator: 0, severity: "info" });
  });
});

describe("words units write for a target reached", () => {
  const against = (t: string, a: string) => {
    const target = parseMeasure(t);
    return compare(target, parseActualAgainst(target, a));
  };
  test.each([["100%", "100%完成"], ["100%", "100%已发放"], ["及时发放", "已发放"], ["及时足额发放", "足额发放"], ["及时", "准时"]])("%s / %s is met", (t, a) => {
    expect(against(t, a)).toMatchObject({ ok: true, met: true });
  });
  test.each([["及时发放", "未发放"], ["足额拨付", "未足额拨付"], ["100%", "尚未拨付"]])("%s / %s is not met", (t, a) => {
    expect(against(t, a)).toMatchObject({ met: false });
  });
});

describe("R09 (target set too low) on rates", () => {
  test("a growth rate eleven times its target is a warning (round ten: an order of magnitude) that says the figure's unit may be wrong too", () => {
    const t = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
      ["产出指标", "数量指标", "贷款发放额增长率", "≥10%", "115.25%", 50, 50],
      ["产出指标", "质量指标", "贷款回收率", "≥90%", "98.7%", 50, 50],
      ["合计", null, null, null, null, 100, 100],
    ]))[0]!;
    const f = t.result.findings.filter((x) => x.code === "target-too-low");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: 0, severity: "warning" });
    expect(f[0]!.message).toContain("数量级");
  });
});

describe("units and unit-less targets", () => {
  const against = (t: string, a: string) => {
    const target = parseMeasure(t);
    return compare(target, parseActualAgainst(target, a));
  };
  test.each([["≤3个工作日", "2个工作日"], ["≥2平方公里", "2.5平方公里"], ["≥40学时", "48学时"]])("%s / %s is read and met", (t, a) => {
    expect(against(t, a)).toMatchObject({ ok: true, met: true });
  });
  test("a bare target against a rate is read as that rate's figure, and says so", () => {
    const c = against("≥95", "96%");
    expect(c).toMatchObject({ ok: true, met: true });
    expect(c.ok && c.notes.join("")).toContain("未写单位，按 95% 计");
    expect(against("≥95", "90%")).toMatchObject({ ok: true, met: false });
  });
  test("a bare target that cannot be a rate stays a unit mismatch", () => {
    expect(against("≥500", "96%")).toMatchObject({ ok: false });
  });
});
