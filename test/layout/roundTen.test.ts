import { DEFAULT_RULES, evaluateTable, FINDING_CATALOGUE, mergeRules, runPipeline, suggestedFix, type Grid, type Merge } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the tenth round: a 年度总体目标 block holding only figures, and a target exceeded by an order
 * of magnitude raised as a warning. Each test builds the shape in a small grid, never a fixture's cells.
 */
const tablesOf = (g: Grid, rulebook = DEFAULT_RULES) => runPipeline(g, { rulebook });
const m = (r1: number, c1: number, r2: number, c2: number): Merge => ({ r1, c1, r2, c2 });

/** R18's findings on a two-row table whose first row is a 数量指标 named `name`. */
const r18 = (name: string, target: string, actual: string) => tablesOf(grid([
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["产出指标", "数量指标", name, target, actual, 50, 50],
  ["产出指标", "质量指标", "验收合格率", "≥95%", "98%", 50, 50],
  ["总分", null, null, null, null, 100, 100],
]))[0]!.result.findings.filter((f) => f.rule === "R18");

/** A 项目支出绩效自评表 whose goal block holds `expected` and `done`. */
function form(expected: string | number | null, done: string | number | null): Grid {
  const g = grid([
    ["项目支出绩效自评表", null, null, null, null, null, null, null],
    ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
    [null, expected, null, null, done, null, null, null],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "改造面积", "≥500平方米", "520平方米", 50, 50, null],
    ["效益指标", "社会效益指标", "使用满意度", "≥90%", "95%", 50, 50, null],
    ["总分", null, null, null, null, 100, 100, null],
  ]);
  g.merges = [m(0, 0, 0, 7), m(1, 0, 2, 0), m(1, 1, 1, 3), m(1, 4, 1, 7), m(2, 1, 2, 3), m(2, 4, 2, 7)];
  return g;
}
const goalCodes = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.code === "goal-not-stated");

describe("a 年度总体目标 that states no goal", () => {
  test("only the budget's amounts (43.2 | 37.24) is a warning naming the first cell and both figures", () => {
    const f = goalCodes(form(43.2, 37.24));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: null });
    expect(f[0]!.message).toMatch(/^B3：年度总体目标只填了数字（43\.2、37\.24）/);
  });
  test("amounts written with units or separators are figures too; a percentage alone is no goal either", () => {
    expect(goalCodes(form("43.2万元", "1,372.4万元"))).toHaveLength(1);
    expect(goalCodes(form("100%", "100%"))).toHaveLength(1);
  });
  test("a goal in words, even with figures in it, or words on one side only, is quiet", () => {
    expect(goalCodes(form("完成500平方米校舍改造", "已完成520平方米"))).toEqual([]);
    expect(goalCodes(form("完成校舍改造", 37.24))).toEqual([]);
    expect(goalCodes(form(43.2, "已完成校舍改造，支出37.24万元"))).toEqual([]);
  });
  test("an empty block is not this finding (nothing was written at all)", () => {
    expect(goalCodes(form(null, null))).toEqual([]);
  });
  test("the goal on the label's own row (年度总体目标 | text | text) is read, and a label below ends the block", () => {
    const g = grid([
      ["年度总体目标", 287, null, 171],
      ["项目资金", "改造校舍", null, null],
      ["一级指标", "三级指标", "年度指标值", "实际完成值"],
      ["产出指标", "改造面积", "≥500平方米", "520平方米"],
    ]);
    const t = tablesOf(g)[0]!;
    expect((t.detected.table as { goal_cells?: unknown }).goal_cells).toEqual([{ cell: "B1", value: 287 }, { cell: "D1", value: 171 }]);
    expect(t.result.findings.filter((f) => f.code === "goal-not-stated")).toHaveLength(1);
  });
  test("JSON input: cells not as {cell, value} are left alone, never thrown on", () => {
    const goal = (goal_cells: unknown) => evaluateTable({ id: "t", indicators: [{ name: "改造面积", target: "≥500平方米", actual: "520平方米", weight: 100 }], goal_cells } as never).findings.filter((f) => f.code === "goal-not-stated");
    expect(goal(undefined)).toEqual([]);
    expect(goal([{ cell: 3, value: 1 }, null])).toEqual([]);
    expect(goal([{ cell: "B3", value: 43.2 }])).toHaveLength(1);
  });
  test("the code has labels and a fix", () => {
    expect(FINDING_CATALOGUE["goal-not-stated"].zh).toContain("总体目标");
    expect(suggestedFix("goal-not-stated")).toContain("文字");
  });
});

describe("a target exceeded by an order of magnitude (R09)", () => {
  const table = (target: string, actual: string) => grid([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "举办健康知识讲座", target, actual, 50, 50],
    ["产出指标", "质量指标", "档案合格率", "≥90%", "95%", 50, 50],
    ["总分", null, null, null, null, 100, 100],
  ]);
  const r09 = (g: Grid, rulebook = DEFAULT_RULES) => tablesOf(g, rulebook)[0]!.result.findings.filter((f) => f.code === "target-too-low");
  test("25 times the target is a warning that asks for the figure to be checked", () => {
    const f = r09(table("6次", "150次"));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: 0 });
    expect(f[0]!.message).toContain("25 倍");
    expect(f[0]!.message).toContain("请核对");
  });
  test("8 times stays a hint; 2 times is nothing", () => {
    expect(r09(table("12次", "96次"))[0]).toMatchObject({ severity: "info" });
    expect(r09(table("12次", "24次"))).toEqual([]);
  });
  test("the reviewer's thresholds move it, and a 重大 rule stays 重大", () => {
    const { rules } = mergeRules([{ id: "R09", thresholds: { warnTimes: 30 } }]);
    expect(r09(table("6次", "150次"), rules)[0]).toMatchObject({ severity: "info" });
    const strict = mergeRules([{ id: "R09", severity: "重大" }]).rules;
    expect(r09(table("6次", "150次"), strict)[0]).toMatchObject({ severity: "error" });
    expect(r09(table("12次", "96次"), strict)[0]).toMatchObject({ severity: "error" });
  });
  test("a ceiling (≤) far above the actual is not this check", () => {
    expect(r09(table("≤40次", "2次"))).toEqual([]);
  });
});

describe("the 其中 rows' rates", () => {
  const block = (weight: number | null, part: { full_year: number | string; executed: number | string; rate_as_written: string }) => evaluateTable({
    id: "t",
    indicators: [{ name: "救助人次", target: "≥50000人次", actual: "110406人次", weight: 100 }],
    budget: { full_year: "3359.62万", executed: "3359.62万", unit: "万元", weight, rate_as_written: "100%", parts: [{ label: "中央财政资金", full_year: "829.3万", executed: "829.3万", rate_as_written: "100%" }, { label: "彩票公益金", ...part }] },
  }).findings.filter((f) => f.code === "rate-mismatch");
  test("nothing budgeted and nothing spent has no rate: 100% written there is told", () => {
    const f = block(10, { full_year: 0, executed: 0, rate_as_written: "100%" });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("“彩票公益金”行预算数和执行数均为 0，执行率却写作 100%");
    expect(block(10, { full_year: 0, executed: 0, rate_as_written: "/" })).toEqual([]);
    expect(block(10, { full_year: 0, executed: 0, rate_as_written: "0%" })).toEqual([]);
  });
  test("a block with no 分值 (a 目标自评表 showing only rates) has its parts checked too", () => {
    expect(block(0, { full_year: 0, executed: 0, rate_as_written: "100%" })).toHaveLength(1);
    expect(block(0, { full_year: "40万", executed: "30万", rate_as_written: "100%" })[0]!.message).toContain("75.00%");
    expect(block(0, { full_year: "40万", executed: "30万", rate_as_written: "75%" })).toEqual([]);
  });
});

describe("R18: a count given in words only", () => {
  test("a count whose target and actual are one copied sentence (a place name's 六 is no figure) is a warning", () => {
    const f = r18("指标1:修缮建筑数量", "完成六安市罗氏宗祠日常维护、护栏制装", "完成六安市罗氏宗祠日常维护、护栏制装");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: 0, code: "count-without-figure" });
    expect(f[0]!.message).toContain("与实际完成值同为文字");
  });
  test("a figure on either side, in digits or counted in words (三座), is quiet; so is a name that asks for no count", () => {
    expect(r18("修缮建筑数量", "6000平方米", "完成")).toEqual([]);
    expect(r18("修缮建筑数量", "完成修缮", "已修缮三座")).toEqual([]);
    expect(r18("修缮级别", "市级保护单位", "市级保护单位")).toEqual([]);
    expect(r18("培训人次", "", "完成")).toEqual([]);
  });
  test("R18 has its label, its fix and its place in the rulebook", () => {
    expect(DEFAULT_RULES.find((r) => r.id === "R18")).toMatchObject({ name: "数量指标未写数量", severity: "一般", enabled: true });
    expect(FINDING_CATALOGUE["count-without-figure"].zh).toBe("数量指标未写数量");
    expect(suggestedFix("count-without-figure")).toContain("数量");
  });
});

describe("a level's points headed 得分", () => {
  const form = (second: number) => grid([
    ["一级指标", "得分", "二级指标", "得分", "三级指标", "得分", "评价标准", "得分"],
    ["投入", 16, "预算配置", 16, "在职人员控制率", 8, "控制率≤100%，计8分", 8],
    [null, null, null, null, "三公经费变动率", second, "变动率≤0，计8分", 0],
    ["产出", 84, "履职", 84, "重点工作完成率", 84, "完成率100%，计84分", 80],
    ["合计", null, null, null, null, 100, null, 88],
  ], [m(1, 0, 2, 0), m(1, 1, 2, 1), m(1, 2, 2, 2), m(1, 3, 2, 3)]);
  test("told as a warning when a level's points are its rows' weights added (投入 16 = 8 + 8)", () => {
    const t = tablesOf(form(8))[0]!;
    const f = t.result.findings.filter((x) => x.code === "header-mislabel");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: null });
    expect(f[0]!.message).toContain("B1、D1、F1 表头写作“得分”");
    expect(f[0]!.message).toContain("“投入” 16 = 8 + 8");
    expect(FINDING_CATALOGUE["header-mislabel"].zh).toContain("分值");
    expect(suggestedFix("header-mislabel")).toContain("分值");
  });
  test("not told when no level's figures bear the reading out (the reading stays a note in 识别)", () => {
    const t = tablesOf(form(6))[0]!;
    expect(t.result.findings.filter((x) => x.code === "header-mislabel")).toEqual([]);
    expect(t.result.findings.some((x) => x.code === "layout" && x.message.includes("按该级的分值读取"))).toBe(true);
  });
});

describe("福建's 部门整体 funds block (小计 | 年度拨付金额 | 支出实现率)", () => {
  const block = (unit: string, rows: (string | number | null)[][]) => grid([
    ["部门整体支出绩效自评表", null, null, null, null, null, null, null, null],
    ["财政资金安排和使用情况", `资金结构\n(${unit})`, "预算安排", null, null, null, "拨付情况", "结余情况", null],
    [null, null, "年初部门预算安排金额", "历年结余结转", "年中调整金额", "小计\n④ = ①+② +③", "年度拨付金额", "支出实现率(%)\n⑥=⑤/④", "资金结余率(%)"],
    ...rows,
    ["一级指标", "二级指标", "三级指标", "绩效目标值", "实际完成值", "指标分值", "得分", null, null],
    ["产出指标", "数量指标", "编纂年鉴", "1部", "1部", 100, 100, null, null],
  ], [m(1, 1, 2, 1)]);
  test("the block is read: 小计 the budget, 拨付 the spending, the written rate checked, no points", () => {
    const t = tablesOf(block("万元", [[null, "财政资金小计", 130.54, 0, 58.07, 188.61, 150, "99.92", null]]))[0]!;
    expect(t.detected.table.budget).toMatchObject({ full_year: 188.61, executed: 150, weight: 0, unit: "万元" });
    expect(t.result.budget!.rate).toBeCloseTo(150 / 188.61, 6);
    expect(t.result.findings.find((f) => f.code === "rate-mismatch")?.message).toContain("79.53%");
  });
  test("元 typed under 万元 (2751417.82 万元 is 275 亿元) is a warning; the same under 元 is not", () => {
    const row = [null, "财政资金小计", 2537695, 213722.82, 0, 2751417.82, 2546673.98, "93%", "7%"];
    const f = tablesOf(block("万元", [row]))[0]!.result.findings.filter((x) => x.code === "budget-unit-doubt");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("约 275 亿元");
    expect(tablesOf(block("元", [row]))[0]!.result.findings.filter((x) => x.code === "budget-unit-doubt")).toEqual([]);
    expect(FINDING_CATALOGUE["budget-unit-doubt"].zh).toContain("单位");
    expect(suggestedFix("budget-unit-doubt")).toContain("万元");
  });
  test("拨付 is spending only where the form defines its rate so: beside 执行率 and 全年执行数 it is not read", () => {
    const g = grid([
      ["项目资金(万元)", "全年预算数", "年度拨付金额", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 100, 80, 10, "80%", 8],
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null],
      ["产出指标", "编纂年鉴", "1部", "1部", 90, 90, null],
    ]);
    expect(tablesOf(g)[0]!.detected.table.budget).toMatchObject({ full_year: 100, executed: 80 });
  });
});

describe("a year written without its 年", () => {
  const above = (sentence: string) => tablesOf(grid([
    [sentence, null, null, null],
    ["一级指标", "三级指标", "年度指标值", "实际完成值"],
    ["产出指标", "受资助学生人数", "14726人", "15935人"],
  ]))[0]!.result.findings.filter((f) => f.code === "year-typo");
  test("2021度本专科生奖助学金项目 is told, naming the cell and the fix", () => {
    const f = above("2021度本专科生奖助学金项目综合评价得分99.8分");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: null });
    expect(f[0]!.message).toMatch(/^A1：.*“2021度”漏写“年”字，应为“2021年度”/);
    expect(suggestedFix("year-typo")).toContain("2021年度");
  });
  test("2021年度, electricity (节约用电2000度, 2000度电) and a year out of range are quiet", () => {
    expect(above("2021年度本专科生奖助学金项目综合评价得分99.8分")).toEqual([]);
    expect(above("项目实施后全年节约用电2000度，减少支出")).toEqual([]);
    expect(above("全年节约2000度电，减少支出1200元")).toEqual([]);
    expect(above("加热至1200度后保温两小时的设备采购")).toEqual([]);
  });
});

describe("a deadline target answered by a percentage done", () => {
  const row = (target: string, actual: string) => evaluateTable({ id: "t", indicators: [{ level2: "时效指标", name: "项目完成时间", target, actual, weight: 10, reported_score: 10, deviation_note: null }] });
  test("11月底完成100% / 100% is met, scored, and told that the date done is not written", () => {
    const r = row("11月底完成100%", "100%");
    expect(r.indicators[0]).toMatchObject({ status: "ok", score: 10, met: true });
    const f = r.findings.find((x) => x.code === "date-vs-rate");
    expect(f).toMatchObject({ severity: "warning", indicator: 0 });
    expect(f!.message).toContain("没有写完成时间");
    expect(FINDING_CATALOGUE["date-vs-rate"].zh).toContain("期限");
    expect(suggestedFix("date-vs-rate")).toContain("日期");
  });
  test("the share due is the target's own (完成80%), else all of it; less says nothing sure about the deadline: not compared, never a 0", () => {
    expect(row("12月31日前完成80%", "85%").indicators[0]!.met).toBe(true);
    for (const [t, a] of [["12月31日前完成80%", "60%"], ["2021年12月底前完成", "95%"], ["2022年12月31日前", "98%"]] as const) {
      const r = row(t, a);
      expect(r.indicators[0]).toMatchObject({ status: "unreadable", score: null });
      expect(r.findings.map((f) => f.code)).toContain("unit-mismatch");
      expect(r.findings.map((f) => f.code)).not.toContain("score-mismatch");
    }
  });
  test("a date against a count (人) is still not comparable", () => {
    expect(row("11月底完成", "120人").findings.some((x) => x.code === "unit-mismatch")).toBe(true);
  });
});

describe("a subsidy standard under 成本指标", () => {
  const row = (name: string, actual: string) => tablesOf(grid([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
    ["产出指标", "成本指标", name, "3000元/人", actual],
  ]))[0]!;
  test("培训补贴标准 3000元/人 paid at 2600元/人 is not met (a standard is reached, not capped)", () => {
    const t = row("护工培训补贴标准达标", "2600元/人");
    expect(t.detected.table.indicators[0]!.target).toBe("3000元/人");
    expect(t.result.indicators[0]!.met).toBe(false);
  });
  test("any other cost written as a bare amount stays a ceiling (人均培训成本 2600 against 3000 is met)", () => {
    const t = row("人均培训成本", "2600元/人");
    expect(t.detected.table.indicators[0]!.target).toBe("≤3000元/人");
    expect(t.result.indicators[0]!.met).toBe(true);
  });
});

describe("round ten, after review: quiet where the new checks would have cried wolf", () => {
  test("header-mislabel: a level whose figure is its rows' scores added (产出 80 = the score) keeps its 得分 header", () => {
    const g = grid([
      ["一级指标", "得分", "二级指标", "得分", "三级指标", "分值", "指标值", "实际完成值", "得分"],
      ["投入", 16, "预算配置", 16, "在职人员控制率", 8, "≤100%", "98%", 8],
      [null, null, null, null, "三公经费变动率", 8, "≤0", "-2%", 8],
      ["产出", 80, "履职", 80, "重点工作完成率", 84, "100%", "95%", 80],
      ["合计", null, null, null, null, 100, null, null, 96],
    ], [m(1, 0, 2, 0), m(1, 1, 2, 1), m(1, 2, 2, 2), m(1, 3, 2, 3)]);
    expect(tablesOf(g)[0]!.result.findings.filter((f) => f.code === "header-mislabel")).toEqual([]);
  });
  test.each([["安全事故次数", "无", "无"], ["投诉次数", "零", "零"], ["违规违纪次数", "未发生", "未发生"], ["配备专职人员人数", "两名", "两名"], ["购置车辆数量", "五辆", "五辆"], ["发放图书数量", "两千本", "两千本"], ["编纂年鉴数量", "一部", "一部"], ["购置设备数量", "壹台", "壹台"]])("R18 is quiet on %s %s / %s", (name, t, a) => {
    expect(r18(name, t, a)).toEqual([]);
  });
  test("R09: ten times a small base (≥1次, ≥1%) stays a hint", () => {
    const r09 = (target: string, actual: string) => tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "开展培训", target, actual, 50, 50],
      ["产出指标", "质量指标", "档案合格率", "≥90%", "95%", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ]))[0]!.result.findings.filter((f) => f.code === "target-too-low");
    expect(r09("≥1次", "12次")[0]).toMatchObject({ severity: "info" });
    expect(r09("≥1%", "12%")[0]).toMatchObject({ severity: "info" });
    expect(r09("≥10%", "115.25%")[0]).toMatchObject({ severity: "warning" });
  });
  test("year-typo: 度 as a unit of energy or after a figure's verb is not a year", () => {
    const above = (sentence: string) => tablesOf(grid([
      [sentence, null, null, null],
      ["一级指标", "三级指标", "年度指标值", "实际完成值"],
      ["产出指标", "受资助学生人数", "14726人", "15935人"],
    ]))[0]!.result.findings.filter((f) => f.code === "year-typo");
    for (const s of ["光伏电站年发电2040度，运行正常", "每月节省2000度，节约支出", "由5000度降至2000度", "耐受2000度高温的设备", "储能容量2000度"]) expect(above(s)).toEqual([]);
    expect(above("对照2021度本专科生奖助学金项目年初绩效目标")).toHaveLength(1);
  });
  test("budget-unit-doubt is a warning only where the title block names a small unit; a province's programme gets a note", () => {
    const g = (unit: string) => tablesOf(grid([
      ["部门(单位)名称", unit, null, null, null, null],
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 1320000.5, 1320000.5, 10, "100%", 10],
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "补助人数", "≥1000人", "1200人", 90, 90],
    ]))[0]!.result.findings.filter((f) => f.code === "budget-unit-doubt");
    expect(g("某省交通运输厅")[0]).toMatchObject({ severity: "info" });
    expect(g("中共某市委党史研究室")[0]).toMatchObject({ severity: "warning" });
  });
  test("goal-not-stated names both cells of 100% | 100%; a 其中 list with a null part does not throw", () => {
    const f = tablesOf(form("100%", "100%"))[0]!.result.findings.find((x) => x.code === "goal-not-stated");
    expect(f!.message).toContain("（100%、100%）");
    expect(() => evaluateTable({ id: "t", indicators: [{ name: "x", target: "1个", actual: "1个", weight: 100 }], budget: { full_year: 10, executed: 10, weight: 0, parts: [null] } } as never)).not.toThrow();
  });
});

describe("never-seen shapes of round ten (batch 14)", () => {
  test("lines merged under one indicator (预算资金安排 over its list of amounts) are its record, not indicators; 名称 | 名称 | 名称 is a header line", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标解释", "自评内容", "完成情况", "未完成原因及改进措施"],
      ["名称", "名称", "名称", null, null, null, null],
      ["项目预算管理", "资金投入", "预算编制科学性", "依据充分，标准明确", "测算标准", "已按要求完成预算", null],
      [null, null, null, null, "测算依据", "按相关要求完成", null],
      [null, null, "预算资金安排", "预算安排情况", "资金合计(万元)", "已安排", null],
      [null, null, null, null, "年度预算资金总额", 1084.25, null],
      [null, null, null, null, "其中:中央补助", 668, null],
      [null, "资金下达", "资金发放及时性", "30日内下达", "下达日期", "按时下达", null],
    ], [m(0, 3, 1, 3), m(0, 4, 1, 4), m(0, 5, 1, 5), m(0, 6, 1, 6), m(2, 0, 7, 0), m(2, 1, 6, 1), m(2, 2, 3, 2), m(2, 3, 3, 3), m(4, 2, 6, 2), m(4, 3, 6, 3)]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.name)).toEqual(["预算编制科学性", "预算资金安排", "资金发放及时性"]);
    expect(t.detected.rows.filter((x) => x.kind === "sub-item").map((x) => x.row)).toEqual([3, 5, 6]);
    expect(t.detected.rows.find((x) => x.row === 1)).toMatchObject({ kind: "header" });
    expect(t.result.findings.filter((f) => f.code === "target-actual-blank")).toEqual([]);
  });
  test("a row with no weight whose units differ (37个 against 100%) says so, as a scored row does", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "基本药物制度补助", target: "37个基层医疗机构", actual: "100%", weight: null }] });
    expect(r.findings.find((f) => f.code === "unit-mismatch")).toMatchObject({ severity: "warning", indicator: 0 });
  });
  test("one count in a sentence is read (37个基层医疗机构, 本年度已完成37个…实施, 至少全年完成2次宣传); rough or undone counts are not", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "村卫生室实施基本药物制度", target: "实施基本药物制度补助村卫生室352个。", actual: "本年度已完成352个村卫生室基药补助的实施。", weight: 10, reported_score: 10 },
      { name: "宣传次数", target: "至少全年完成2次宣传", actual: "完成宣传3次", weight: 10, reported_score: 10 },
      { name: "参训人数", target: "培训200人", actual: "约180人参加培训", weight: 10, reported_score: 10 },
    ] });
    expect(r.indicators.map((x) => x.met)).toEqual([true, true, null]);
    expect(r.indicators[2]!.status).toBe("unreadable");
  });
  test("实施进度 is the actual where no column says 实际; beside 实际完成值 it is not", () => {
    const progress = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实施进度"],
      ["产出指标", "质量指标", "验收合格率", "≥95%", "98%"],
    ]))[0]!;
    expect(progress.result.indicators[0]).toMatchObject({ actual: "98%", met: true });
    const both = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "实施进度"],
      ["产出指标", "质量指标", "验收合格率", "≥95%", "96%", "已完成"],
    ]))[0]!;
    expect(both.result.indicators[0]!.actual).toBe("96%");
  });
});

describe("R19 and work under way", () => {
  const one = (name: string, target: string, actual: string) => tablesOf(grid([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "未完成原因和改进措施"],
    ["产出指标", "数量指标", name, target, actual, null],
  ]))[0]!.result;
  test("a rate whose target is a count (覆盖率 | 37个) is R19; a rate in % or a count name is not", () => {
    const f = one("政府办基层医疗卫生机构实施国家基本药物制度覆盖率", "实施乡镇社区基层医疗机构37个。", "本年度已完成37个").findings.filter((x) => x.rule === "R19");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", code: "rate-name-count-target" });
    expect(one("家庭医生签约率", "≥70%", "75%").findings.filter((x) => x.rule === "R19")).toEqual([]);
    expect(one("签约人数", "24694人", "22584人").findings.filter((x) => x.rule === "R19")).toEqual([]);
    expect(DEFAULT_RULES.find((r) => r.id === "R19")).toMatchObject({ name: "率类指标的指标值为个数", severity: "一般" });
  });
  test("建设中 against a target of one centre is partly done: not met, and the empty reason column is told", () => {
    const r = one("新建全民健身中心数量", "1个", "建设中");
    expect(r.indicators[0]!.met).toBe(false);
    expect(r.findings.find((x) => x.code === "deviation-missing")).toMatchObject({ severity: "warning" });
  });
});

describe("R20: output indicators under an evaluation dimension", () => {
  const levels = (level1: string) => tablesOf(grid([
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
    [level1, "数量指标", "宣传次数", "≥2次", "3次"],
    [null, "时效指标", "完成时间", "12月底前", "12月20日"],
    ["满意度指标", "满意度指标", "群众满意度", "≥90%", "95%"],
  ], [m(1, 0, 2, 0)]))[0]!.result.findings.filter((f) => f.rule === "R20");
  test("数量指标 and 时效指标 under 项目决策 are told once, naming both rows", () => {
    const f = levels("项目决策");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: 0, code: "output-under-other-level" });
    expect(f[0]!.message).toContain("第 1、2 项的数量指标、时效指标");
    expect(suggestedFix("output-under-other-level")).toContain("产出指标");
  });
  test("under 产出指标, 项目完成指标 or no first level it is quiet", () => {
    for (const l of ["产出指标", "项目完成指标", ""]) expect(levels(l)).toEqual([]);
  });
});

describe("a sum in words inside another's parts", () => {
  test("…1858.24万元;其中完成…补助471.23元,其中中央补助189.63万元,地方财政补助281.6万元: the inner sum is checked, and its unit told", () => {
    const text = "年度完成补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元;其中完成村卫生室实施基本药物制度补助471.23元,其中中央补助189.63万元,地方财政补助281.6万元";
    const f = evaluateTable({ id: "t", indicators: [{ name: "补助村卫生室", target: "352个", actual: "352个", weight: 100 }], texts: [{ cell: "E12", text }] } as never).findings.filter((x) => x.code === "text-sum-mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/^E12：文字写明共 471\.23元，其中 2 项/);
    expect(f[0]!.message).toContain("单位疑为误写");
  });
  test("an inner sum that adds up is quiet", () => {
    const text = "下达资金100万元,其中项目一60万元,项目二40万元;其中完成支付50万元,其中中央30万元,地方20万元";
    expect(evaluateTable({ id: "t", indicators: [{ name: "x", target: "1个", actual: "1个", weight: 100 }], texts: [{ cell: "B3", text }] } as never).findings.filter((x) => x.code === "text-sum-mismatch")).toEqual([]);
  });
});
