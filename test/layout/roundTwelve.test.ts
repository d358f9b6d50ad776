import { applyRulebook, DEFAULT_RULES, evaluateTable, runPipeline, type Grid, type Merge, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the twelfth round: a table evaluated but never scored (R14), a 其中 row scored again, a total
 * in 差 with no rating, a bracket left unmatched, a funds row with one amount and its rate written, a 分值 header merged
 * over two columns, a level name one character off the framework's (R28), and the year's result copied from its goal.
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const m = (r1: number, c1: number, r2: number, c2: number): Merge => ({ r1, c1, r2, c2 });
const codes = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.severity !== "info").map((f) => f.code);

describe("R14: actuals written, no score anywhere", () => {
  const rows = (scores: (number | null)[], total: (string | number | null)[] = ["合计", null, null, null, 100, null]) => grid([
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "培训人数", "≥100人", "120人", 50, scores[0] ?? null],
    ["效益指标", "群众满意度", "≥90%", "96%", 50, scores[1] ?? null],
    total,
  ]);
  test("told once for the table when a 合计 row gives the points and no total", () => {
    const f = tablesOf(rows([null, null]))[0]!.result.findings.filter((x) => x.rule === "R14");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "self-eval-unfilled", severity: "warning", indicator: null, rows: [0, 1] });
    expect(f[0]!.message).toContain("2 个指标填了实际完成值");
  });
  test("quiet when one row is scored, when the total is written, or when no total row was seen", () => {
    expect(tablesOf(rows([50, null]))[0]!.result.findings.filter((x) => x.rule === "R14")).toEqual([]);
    expect(tablesOf(rows([null, null], ["合计", null, null, null, 100, 98]))[0]!.result.findings.filter((x) => x.rule === "R14")).toEqual([]);
    expect(tablesOf(rows([null, null], [null, null, null, null, null, null]))[0]!.result.findings.filter((x) => x.rule === "R14")).toEqual([]);
  });
  test("a table given as data (no total row known) is not told", () => {
    const t: TableInput = { id: "t", indicators: [{ name: "培训人数", weight: 50, target: "≥100人", actual: "120人" }, { name: "满意度", weight: 50, target: "≥90%", actual: "" }] };
    expect(applyRulebook(t, evaluateTable(t), DEFAULT_RULES, { hasSurvey: false }).filter((x) => x.rule === "R14")).toEqual([]);
  });
});

describe("the funds block", () => {
  const funds = (part: (string | number | null)[]) => grid([
    ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额:", 8.408, 8.408, 10, 1, 10],
    [null, "其中:本年财政拨款", ...part],
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null],
    ["产出指标", "种植面积", "5.5亩", "5.5亩", 90, 90, null],
  ]);
  test("a 其中 row scored again under the scored total is a note (the form scores the block once)", () => {
    const t = tablesOf(funds([8.408, 8.408, 10, 1, 10]))[0]!;
    const f = t.result.findings.find((x) => x.code === "budget-part-scored");
    expect(f).toMatchObject({ severity: "info" });
    expect(f!.message).toContain("G3：");
    expect(f!.message).toContain("分值 10、得分 10");
    expect(tablesOf(funds([8.408, 8.408, "—", 1, "—"]))[0]!.result.findings.some((x) => x.code === "budget-part-scored")).toBe(false);
  });
  test("one amount blank and the rate written (864.2 | 空 | 100% | 20): scored from the rate, and the blank told", () => {
    const g = grid([
      ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
      ["部门整体支出总额", 864.2, null, "100%", 20],
      ["一级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["产出指标", "办结信访案件", "168起", "168起", 40],
      ["效益指标", "群众满意度", "≥90%", "95%", 40],
      ["总分", null, null, null, "100分"],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.result.budget).toMatchObject({ rate: 1, score: 20, weight: 20 });
    const f = t.result.findings.find((x) => x.code === "executed-blank");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain("执行数未填写，表中执行率为 100.00%、得分 20");
    // The weights follow from the scores (80 = 100 − 20) and the total adds up.
    expect(t.result.indicators.map((r) => r.weight)).toEqual([40, 40]);
    expect(t.result.findings.some((x) => x.code === "total-sum")).toBe(false);
  });
  test("the spending blank and no rate written stays a note (a row not yet filled)", () => {
    const r = evaluateTable({ id: "t", budget: { full_year: 100, executed: null, weight: 10, rate_as_written: null, reported_score: null }, indicators: [{ name: "种植面积", target: "5.5亩", actual: "5.5亩", weight: 90, reported_score: 90 }] });
    expect(r.findings.find((x) => x.code === "executed-blank")).toMatchObject({ severity: "info" });
    expect(r.budget?.score).toBeNull();
  });
});

describe("a total in 差 with no rating", () => {
  const g = (total: number, rating: string | null = null) => grid([
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "资助人数", "52人", "10人", 50, 9.62],
    ["效益指标", "满意度", "≥90%", "95%", 50, total - 9.62],
    ["合计", null, null, null, 100, total],
    ...(rating ? [["评价等级", rating, null, null, null, null]] : []),
  ]);
  test("told under 60 when no rating is written; quiet at 60 and above, or with 差 written", () => {
    expect(codes(g(46.35))).toContain("rating-missing");
    expect(codes(g(75))).not.toContain("rating-missing");
    expect(codes(g(46.35, "差"))).not.toContain("rating-missing");
    // (Since round thirteen the finding names the total row, where the rating belongs.)
    expect(tablesOf(g(46.35))[0]!.result.findings.find((f) => f.code === "rating-missing")!.message).toMatch(/^F4：报告总分 46\.35 分/);
  });
});

describe("a bracket left unmatched", () => {
  test("a stray closing bracket or an open one in a short text; numbering and paired brackets are fine", async () => {
    const { unmatchedBracket } = await import("../../src/engine/layout/bracket");
    expect(unmatchedBracket("年度预算资金总额):")).toBe("close");
    expect(unmatchedBracket("效益指标(30分")).toBe("open");
    expect(unmatchedBracket("(2021年度)")).toBeNull();
    expect(unmatchedBracket("（2021年度)")).toBeNull();
    expect(unmatchedBracket("1)培训人数")).toBeNull();
    expect(unmatchedBracket("一）培训人数")).toBeNull();
  });
  test("told at its cell in the funds block", () => {
    const g = grid([
      ["项目资金(万元)", "年度预算资金总额):", "全年预算数", "全年执行数", "执行率"],
      [null, "年度资金总额", 100, 100, "100%"],
      ["一级指标", "三级指标", "指标值", "实际完成值", null],
      ["产出指标", "种植面积", "5.5亩", "5.5亩", null],
    ]);
    const f = tablesOf(g)[0]!.result.findings.find((x) => x.code === "bracket-unmatched");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain("B1：");
  });
});

describe("a 分值 header merged over two columns after 评价内容", () => {
  test("is the rows' weight column (its figures stand in the first column of the merge)", () => {
    const g = grid([
      ["项目权重", "评价内容", null, null, "分值", "分值", "自评分", "复核分", "评价标准及依据"],
      ["项目决策2分", "决策依据", null, null, 2, null, 2, null, "有项目年度工作计划计2分"],
      ["项目管理6分", "财务制度", null, null, 3, null, 3, null, "单位财务管理制度1分"],
      [null, "运行监管", null, null, 3, null, 2, null, "运行监管记录2分"],
    ], [m(0, 4, 0, 5), m(1, 4, 1, 5), m(2, 4, 2, 5), m(3, 4, 3, 5), m(0, 1, 0, 3), m(1, 1, 1, 3), m(2, 1, 2, 3), m(3, 1, 3, 3)]);
    const t = tablesOf(g)[0]!;
    expect(t.detected.columns.weight).toBe(4);
    expect(t.result.indicators.map((r) => [r.weight, r.score])).toEqual([[2, 2], [3, 3], [3, 2]]);
  });
});

describe("R28: a level name one character off the framework's", () => {
  test("日效性指标 for 时效性指标; framework names, other words and short names are left alone", async () => {
    const { levelTypoOf } = await import("../../src/engine/rulebook/checks");
    expect(levelTypoOf("日效性指标")).toBe("时效性指标");
    expect(levelTypoOf("社会效溢指标")).toBe("社会效益指标");
    for (const name of ["时效指标", "时效性指标", "社会效益指标", "服务对象满意度指标", "效率指标", "实效指标", "进度指标", "产出数量", "可持续性", "數量指標", "数量指标15分"]) expect(levelTypoOf(name)).toBeNull();
  });
  test("told once per level name, at its first row", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
      ["产出指标", "日效性指标", "解决问题时间", "2天以内", "2天以内"],
      ["产出指标", "日效性指标", "办结时间", "5天", "5天"],
    ]);
    const f = tablesOf(g)[0]!.result.findings.filter((x) => x.rule === "R28");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "level-name-typo", severity: "warning", indicator: 0 });
  });
});

describe("the year's result copied from its goal", () => {
  const g = (goal: string, done: string) => grid([
    ["年度总体目标", "预期目标", null, "实际完成情况"],
    [null, goal, null, done],
    ["一级指标", "三级指标", "指标值", "实际完成值"],
    ["产出指标", "种植面积", "5.5亩", "5.5亩"],
  ]);
  const aims = "目标1:继续为适龄儿童常规接种。目标2:减少艾滋病新发感染,降低艾滋病病死率,疫情继续控制在低流行水平。";
  test("a paragraph of aims copied word for word, with no quantity, is told at the copy", () => {
    const f = tablesOf(g(aims, aims))[0]!.result.findings.find((x) => x.code === "goal-copied");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain("D2：");
  });
  test("a goal of figures copied over (done to the figure), a short phrase, or a result in other words is not", () => {
    const figures = "落实39户特色种养业奖补政策,增加脱贫户家庭收入10.9万元,带动产业发展,激发内生动力,巩固脱贫成果";
    expect(tablesOf(g(figures, figures))[0]!.result.findings.some((x) => x.code === "goal-copied")).toBe(false);
    expect(tablesOf(g("国家基本公共卫生服务", "国家基本公共卫生服务"))[0]!.result.findings.some((x) => x.code === "goal-copied")).toBe(false);
    expect(tablesOf(g(aims, "完成适龄儿童常规接种3200人次，艾滋病疫情控制在低流行水平"))[0]!.result.findings.some((x) => x.code === "goal-copied")).toBe(false);
  });
});

describe("the review of this round's changes (each case a reviewer built)", () => {
  const scored = (rows: (string | number | null)[][], above: (string | number | null)[][] = [], below: (string | number | null)[][] = []) => grid([
    ...above,
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ...rows,
    ...below,
  ]);
  const failing = [["产出指标", "资助人数", "52人", "10人", 50, 9.62], ["效益指标", "满意度", "≥90%", "95%", 50, 36.73]];
  test("rating-missing: quiet for a table of 50 points, a rating written above, in one cell or on a sign-off row", () => {
    expect(codes(scored([["产出指标", "资助人数", "52人", "52人", 25, 25], ["效益指标", "满意度", "≥90%", "95%", 25, 25]], [], [["合计", null, null, null, 50, 50]]))).not.toContain("rating-missing");
    const total = ["合计", null, null, null, 100, 46.35];
    expect(codes(scored(failing, [["项目名称", "某项目", "自评等级", "差", null, null]], [total]))).not.toContain("rating-missing");
    expect(codes(scored(failing, [], [total, ["评价等级：差", null, null, null, null, null]]))).not.toContain("rating-missing");
    expect(codes(scored(failing, [], [total, ["自评等级", "差", "填表人", "张三", "联系电话", "123"]]))).not.toContain("rating-missing");
    expect(codes(scored(failing, [], [total, ["说明：自评结果为差，原因是资助人数未达标", null, null, null, null, null]]))).not.toContain("rating-missing");
    expect(codes(scored(failing, [], [total]))).toContain("rating-missing");
  });
  test("a =SUM total showing 0 over blank scores is no total: R14 says the table is not scored, and nothing says 差", () => {
    const g = scored([["产出指标", "培训人数", "≥100人", "120人", 50, null], ["效益指标", "满意度", "≥90%", "96%", 50, null]], [], [["合计", null, null, null, 100, null]]);
    g.cells[3]![5] = { v: 0, f: "=SUM(F2:F3)" };
    const t = tablesOf(g)[0]!;
    expect(t.result.findings.some((f) => f.code === "rating-missing")).toBe(false);
    expect(t.result.findings.find((f) => f.rule === "R14")?.message).toContain("自评尚未打分");
  });
  test("R14 is quiet for a form with no 得分 column", () => {
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "偏差原因"],
      ["产出指标", "培训人数", "≥100人", "120人", 50, null],
      ["效益指标", "满意度", "≥90%", "96%", 50, null],
      ["合计", null, null, null, 100, null],
    ]);
    expect(tablesOf(g)[0]!.result.findings.filter((f) => f.rule === "R14")).toEqual([]);
  });
  test("goal-copied: quiet for a 申报 form's 中长期目标 and 年度目标, a goal filled down, and a goal in Chinese numerals", () => {
    const aims = "继续为适龄儿童常规接种，减少艾滋病新发感染，降低病死率，疫情继续控制在低流行水平，提高人民群众健康水平。";
    const form = (rows: (string | null)[][]) => grid([...rows, ["一级指标", "三级指标", "指标值", "实际完成值"], ["产出指标", "接种率", "≥90%", "95%"]]);
    expect(tablesOf(form([["总体目标", "中长期目标", null, "年度目标"], [null, aims, null, aims]]))[0]!.result.findings.some((f) => f.code === "goal-copied")).toBe(false);
    expect(tablesOf(form([["年度总体目标", "预期目标", null, null], [null, aims, null, null], [null, aims, null, null]]))[0]!.result.findings.some((f) => f.code === "goal-copied")).toBe(false);
    const numerals = "为全县三千名适龄儿童常规接种，减少艾滋病新发感染，降低病死率，疫情继续控制在低流行水平。";
    expect(tablesOf(form([["年度总体目标", "预期目标", null, "实际完成情况"], [null, numerals, null, numerals]]))[0]!.result.findings.some((f) => f.code === "goal-copied")).toBe(false);
  });
  test("R28: quiet in a two-level table, on words of their own, and on numbering or punctuation around a framework name", async () => {
    const { levelTypoOf } = await import("../../src/engine/rulebook/checks");
    for (const name of ["满意率", "满意率指标", "社会成效指标", "经济成效", "时限性指标", "时间性", "实效性", "社会效果", "社会效应", "社会效率", "社会效能", "可持续影响力指标", "时效性：", "满意度：", "①时效性", "1满意度", "A满意度", "总满意度", "满意程度"]) expect(levelTypoOf(name)).toBeNull();
    expect(levelTypoOf(123)).toBeNull();
    const g = grid([
      ["一级指标", "二级指标", "指标值", "实际完成值", "分值", "得分"],
      ["效益指标", "满意率", "≥90%", "95%", 50, 50],
      ["产出指标", "日效性", "5天", "5天", 50, 50],
    ]);
    expect(tablesOf(g)[0]!.result.findings.filter((f) => f.rule === "R28")).toEqual([]);
  });
  test("bracket-unmatched: numbering, a half-open interval, a pair of brackets with spaces, a label over two cells; each text once", async () => {
    const { unmatchedBracket } = await import("../../src/engine/layout/bracket");
    for (const t of ["1)理论 2)实操", "1.1)培训人数", "Ⅰ)产出指标", "①)培训人数", "[90%,100%)", "全年预算数( A )"]) expect(unmatchedBracket(t)).toBeNull();
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "得分（满分", "100分）"],
      ["产出指标（60分", "培训人数", "≥100人", "120人", 30, null],
      ["产出指标（60分", "培训次数", "≥2次", "2次", 30, null],
    ]);
    const f = tablesOf(g)[0]!.result.findings.filter((x) => x.code === "bracket-unmatched");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("A2：");
  });
  test("fields given as data of the wrong type do not stop the table (a 其中 row's weight as an object)", () => {
    const r = evaluateTable({ id: "t", budget: { full_year: 100, executed: 100, weight: 10, reported_score: 10, parts: [{ label: "财政拨款", weight: { v: 10 } as unknown as number, reported_score: {} as unknown as number }] }, indicators: [{ name: "种植面积", target: "5亩", actual: "5亩", weight: 90, reported_score: 90, level2: 123 as unknown as string }] });
    expect(r.budget?.score).toBe(10);
  });
  test("a rate of 0 beside a blank amount (a formula over the blank) is no rate written: the blank stays a note", () => {
    const r = evaluateTable({ id: "t", budget: { full_year: 100, executed: null, weight: 10, rate_as_written: "0", reported_score: null }, indicators: [{ name: "种植面积", target: "5亩", actual: "5亩", weight: 90, reported_score: 90 }] });
    expect(r.findings.find((x) => x.code === "executed-blank")).toMatchObject({ severity: "info" });
  });
});

describe("a table that names no unit", () => {
  const form = (above: (string | number | null)[][], merges: Merge[] = []) => grid([
    ...above,
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "培训人数", "≥100人", "120人", 100, 100],
  ], merges);
  test("every field for the unit blank and no unit named above: told at the first field's value cell", () => {
    const f = tablesOf(form([["2023年度部门整体支出绩效评价自评表", null, null, null, null, null], ["单位", null, null, null, null, null]]))[0]!.result.findings.find((x) => x.code === "unit-blank");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain("B2：“单位”栏空白");
    const merged = tablesOf(form([["主管部门", null, null, "实施单位", null, null]], [m(0, 0, 0, 1)]))[0]!.result.findings.find((x) => x.code === "unit-blank");
    expect(merged!.message).toContain("C1：“主管部门”栏空白");
  });
  test("quiet when one field is filled, when the title names the unit, or when a field holds its value inline", () => {
    const quiet = (above: (string | number | null)[][]) => expect(tablesOf(form(above))[0]!.result.findings.some((x) => x.code === "unit-blank")).toBe(false);
    quiet([["主管部门", null, null, "实施单位", "天长市水利局", null]]);
    quiet([["南华县农业农村局2023年度项目支出绩效自评表", null, null, null, null, null], ["单位", null, null, null, null, null]]);
    quiet([["单位名称:塘湖镇政府", null, null, null, null, null]]);
    quiet([["项目名称", "水旱灾害防御经费", null, null, null, null]]);
  });
});

describe("indicator rows with no header of their own in the middle of a sheet", () => {
  // A preview that skipped from one table's funds block to its last rows (唐山 乐亭): the rows, then 总分.
  const page = (total: boolean) => grid([
    ["项目支出绩效自评表", null, null, null, null, null, null, null],
    ["项目名称", null, "商品质量检测经费", null, null, null, null, null],
    ["项目资金(万元)", null, "年度资金总", null, null, null, null, null],
    [null, "效益指标", "可持续影响指标", "可持续", "可持续", "可持续", 10, 9],
    [null, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "100%", 10, 10],
    total ? ["总分", null, null, null, null, null, 100, 99] : [null, null, null, null, null, null, null, null],
  ]);
  test("read as a page that starts mid-table where they end at a 总分 row: scores checked, whole-table checks as notes", () => {
    const t = tablesOf(page(true)).find((x) => x.result.indicators.length > 0)!;
    expect(t.result.indicators.map((r) => [r.name, r.score])).toEqual([["可持续", 10], ["服务对象满意度", 10]]);
    expect(t.result.findings.find((f) => f.code === "score-mismatch")).toMatchObject({ severity: "error", indicator: 0 });
    expect(t.result.findings.find((f) => f.code === "total-sum")).toMatchObject({ severity: "info" });
    expect(t.result.findings.some((f) => f.code === "layout" && f.message.includes("未找到表头（指标行夹在其他内容之间"))).toBe(true);
  });
  test("not without a 总分 row below them", () => {
    expect(tablesOf(page(false)).every((x) => x.result.indicators.length === 0)).toBe(true);
  });
});
