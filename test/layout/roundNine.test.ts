import { DEFAULT_RULES, evaluateTable, FINDING_CATALOGUE, runPipeline, suggestedFix, type Grid, type Merge } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the ninth round: a score one cent off its rule, weights written in the indicator's own
 * name, an evaluator's score table cut at its top (no header, no target or actual), and optional rows left unused.
 * Each test builds the shape in a small table or grid, never a fixture's cells.
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const codes = (r: { findings: { code: string; severity: string }[] }) => r.findings.filter((f) => f.severity !== "info").map((f) => f.code);
const m = (r1: number, c1: number, r2: number, c2: number): Merge => ({ r1, c1, r2, c2 });

describe("a score one cent off its rule", () => {
  // 6 × 94.9 / 95 = 5.9937 → 5.99 at two decimals.
  const row = (reported: number) => ({ level2: "质量指标", name: "验收合格率", target: "≥95%", actual: "94.9%", weight: 6, reported_score: reported, deviation_note: "个别返工" });
  test("6 written where the rule gives 5.99 is a rounding warning, not a mismatch", () => {
    const r = evaluateTable({ id: "t", indicators: [row(6)] });
    const f = r.findings.find((x) => x.code === "score-rounding");
    expect(f).toMatchObject({ severity: "warning", indicator: 0, reported: 6, recomputed: 5.99 });
    expect(f!.message).toContain("应为 5.99");
    expect(r.indicators[0]!.status).toBe("ok");
    expect(codes(r)).not.toContain("score-mismatch");
  });
  test("the rule's figure rounded is quiet; a looser tolerance silences the cent; a stricter one makes it a mismatch", () => {
    const other = { level2: "数量指标", name: "验收项目", target: "10个", actual: "10个", weight: 94, reported_score: 94 };
    expect(codes(evaluateTable({ id: "t", indicators: [row(5.99), other] }))).toEqual([]);
    expect(codes(evaluateTable({ id: "t", indicators: [row(6), other] }, { tolerance: 0.02 }))).toEqual([]);
    expect(codes(evaluateTable({ id: "t", indicators: [row(6), other] }, { tolerance: 0.005 }))).toEqual(["score-mismatch"]);
  });
  test("a budget score from a rounded rate (50% for 49.88%) is told so", () => {
    const budget = { initial: 310.2, executed: 154.74, weight: 10, rate_as_written: "50%", reported_score: 5 };
    const r = evaluateTable({ id: "t", indicators: [{ name: "保洁道路", target: "20条", actual: "20条", weight: 90, reported_score: 90 }], budget });
    const f = r.findings.find((x) => x.code === "budget-score-rounding");
    expect(f).toMatchObject({ severity: "warning", indicator: null, reported: 5, recomputed: 4.99 });
    expect(f!.message).toContain("取舍后的执行率 50%");
    expect(r.findings.some((x) => x.code === "rate-mismatch")).toBe(false);
    const right = evaluateTable({ id: "t", indicators: [{ name: "保洁道路", target: "20条", actual: "20条", weight: 90, reported_score: 90 }], budget: { ...budget, reported_score: 4.99 } });
    expect(right.findings.some((x) => /rounding|mismatch/.test(x.code))).toBe(false);
  });
  test("both codes have labels and a fix", () => {
    for (const code of ["score-rounding", "budget-score-rounding"] as const) {
      expect(FINDING_CATALOGUE[code].zh).toContain("0.01");
      expect(suggestedFix(code)).toMatch(/两位小数/);
    }
  });
});

describe("weights written in the indicator's own name", () => {
  test("相关性(5分) with a score of 2 is weighed 5, said; a level's points do not override it", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { level1: "部门管理(12分)", level2: "资金管理(6分)", name: "预算编制(4分)", reported_score: 2 },
      { level1: "部门管理(12分)", level2: "资金管理(6分)", name: "资金使用(2分)", reported_score: 2 },
      { level1: "部门管理(12分)", level2: "资产管理(6分)", name: "资产登记(1分)", reported_score: 1 },
    ] });
    expect(r.indicators.map((x) => x.weight)).toEqual([4, 2, 1]);
    expect(r.findings.find((f) => f.code === "weight-from-level" && f.indicator === 0)?.message).toContain("指标名称“预算编制(4分)”写明 4 分");
  });
  test("a target in the name (满意度(≥90分)) or a score above the name's points is not a weight", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "群众满意度(≥90分)", reported_score: 8 },
      { name: "宣传次数(2分)", reported_score: 3 },
    ] });
    expect(r.indicators.map((x) => x.weight)).toEqual([null, null]);
  });
  test("a score table with points only in its names (一级 | 二级 | 三级 | 得分) takes each score as the evaluator's judgement", () => {
    const t = tablesOf(grid([
      ["部门整体支出绩效评价得分表", null, null, null],
      ["一级指标", "二级指标", "三级指标", "得分"],
      ["部门决策(20分)", "目标设定(12分)", "目标相关(6分)", 6],
      [null, null, "目标细化(6分)", 4],
      [null, "预算编制(8分)", "编制依据(8分)", 7],
      ["部门绩效(80分)", "履职效果(80分)", "任务完成(80分)", 72],
      ["合计", null, null, 90],
    ], [m(2, 0, 4, 0), m(2, 1, 3, 1)]))[0]!;
    expect(t.result.indicators.map((x) => [x.weight, x.score])).toEqual([[6, 6], [6, 4], [8, 7], [80, 72]]);
    expect(t.result.findings.filter((f) => f.code === "judged-score")).toHaveLength(4);
    expect(t.result.findings.find((f) => f.code === "total-sum")?.message).toContain("89");
  });
});

describe("an evaluator's score table cut at its top", () => {
  const rows: (string | number | null)[][] = [
    ["项目决策(20分)", "决策过程(8分)", "决策依据", 4, 4],
    [null, null, "决策程序", 4, 3],
    [null, "绩效目标(12分)", "目标明确", 6, 6],
    [null, null, "目标合理", 6, 5],
    ["项目产出(40分)", "产出数量(20)", "完成数量", 20, 18],
    [null, "产出质量(20)", "完成质量", 20, 20],
    ["总分", null, null, 60, 56],
  ];
  const merges = [m(0, 0, 3, 0), m(0, 1, 1, 1), m(2, 1, 3, 1)];
  test("is read by its two columns of points and a level whose points are its rows'", () => {
    const tables = tablesOf(grid(rows, merges));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.detected.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, weight: 3, score: 4 });
    expect(t.result.indicators.map((x) => x.name)).toEqual(["决策依据", "决策程序", "目标明确", "目标合理", "完成数量", "完成质量"]);
    expect(t.result.indicators.map((x) => x.score)).toEqual([4, 3, 6, 5, 18, 20]);
    expect((t.detected.table as { starts_mid_form?: boolean }).starts_mid_form).toBe(true);
    expect(t.detected.issues[0]!.message).toContain("未找到表头");
  });
  test("a blank row inside the rows does not stop it", () => {
    const withBlank = [...rows.slice(0, 2), [null, null, null, null, null], ...rows.slice(2)];
    expect(tablesOf(grid(withBlank, [m(0, 0, 4, 0), m(0, 1, 1, 1), m(3, 1, 4, 1)]))[0]?.result.indicators).toHaveLength(6);
  });
  test("two columns of numbers without a level whose points add up are not taken for a table", () => {
    const plain = rows.map((r) => [r[0] === null ? null : String(r[0]).replace(/\(.*\)/, ""), r[1] === null ? null : String(r[1]).replace(/\(.*\)/, ""), ...r.slice(2)]);
    expect(tablesOf(grid(plain, merges))).toHaveLength(0);
  });
  test("a second column above the first (not a score beside its points) is not taken either", () => {
    const swapped = rows.map((r, i) => (i === 1 ? [r[0] ?? null, r[1] ?? null, r[2] ?? null, 3, 4] : r));
    expect(tablesOf(grid(swapped, merges))).toHaveLength(0);
  });
});

describe("optional rows the form offers (可选项)", () => {
  test("with no points and no score they are options not taken: a note", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { level2: "项目效益(20分)", name: "社会效益", weight: 10, reported_score: 9, target: "", actual: "" },
      { level2: "项目效益(20分)", name: "生态效益(可选项)", target: "", actual: "" },
      { level2: "项目效益(20分)", name: "可持续影响（可选）", target: "", actual: "" },
      { level2: "满意度(80分)", name: "服务对象满意度", weight: 80, reported_score: 80, target: "", actual: "" },
    ] });
    const f = r.findings.find((x) => x.code === "weights-missing");
    expect(f).toMatchObject({ severity: "info" });
    expect(f!.message).toContain("未选用的可选项");
  });
  test("a row with no points that is not marked optional is still a warning", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { level2: "项目效益(30分)", name: "社会效益", weight: 10, reported_score: 9, target: "", actual: "" },
      { level2: "项目效益(30分)", name: "生态效益", target: "", actual: "" },
      { level2: "满意度(70分)", name: "服务对象满意度", weight: 70, reported_score: 70, target: "", actual: "" },
    ] });
    expect(r.findings.find((x) => x.code === "weights-missing")).toMatchObject({ severity: "warning" });
  });
});

describe("an assessment form (考核表): 年度工作目标 | 评分标准 | 权数 | 考评得分", () => {
  const rows: (string | number | null)[][] = [
    ["项目", "考核内容", "考核指标", "年度工作目标", "评分标准", "权数", "考评得分"],
    ["支出管理(50分)", "预算支出", "预算支出完成率", "100%", "按完成比例计算得分,满分为止", 20, null],
    [null, "结转结余", "结转结余率", "≤10%", "二者择其一进行考核,按完成比例计算得分", 20, null],
    [null, null, "结转结余变动率", "≤-20%", null, null, null],
    [null, "资产管理", "资产登记率", "100%", "按完成比例计算得分,满分为止", 10, null],
  ];
  const merges = [m(1, 0, 4, 0), m(2, 1, 3, 1), m(2, 4, 3, 4), m(2, 5, 3, 5), m(2, 6, 3, 6)];
  test("权数 is the weight and 年度工作目标 the target", () => {
    const t = tablesOf(grid(rows, merges))[0]!;
    expect(t.detected.columns).toMatchObject({ level3: 2, target: 3, rule: 4, weight: 5, score: 6 });
    expect(t.result.indicators.map((x) => x.weight)).toEqual([20, 20, null, 10]);
  });
  test("the second of 二者择其一 shares the weight merged over both: no weight is missing", () => {
    const t = tablesOf(grid(rows, merges))[0]!;
    expect(t.detected.table.indicators[2]!.shares_weight_above).toBe(true);
    expect(codes(t.result)).not.toContain("weights-missing");
  });
  test("it shares it also when the merge is lost (the rule above says 二者择其一)", () => {
    const t = tablesOf(grid(rows))[0]!;
    expect(t.detected.table.indicators[2]!.shares_weight_above).toBe(true);
    expect(codes(t.result)).not.toContain("weights-missing");
  });
  test("a blank 考评得分 column is the assessor's to fill: not told as an unfilled self-evaluation", () => {
    const t = tablesOf(grid(rows, merges))[0]!;
    expect(t.result.findings.some((f) => f.code === "self-eval-unfilled")).toBe(false);
  });
  test("a self-evaluation with its 实际完成值 and 自评得分 blank is still told", () => {
    const t = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评得分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", null, 50, null],
      ["效益指标", "社会效益指标", "就业率", "≥90%", null, 50, null],
    ]))[0]!;
    expect(codes(t.result)).toContain("self-eval-unfilled");
  });
  test("a row inserted inside merged cells (its own cells empty) is a blank row, not an indicator", () => {
    const inserted = [...rows.slice(0, 3), [null, null, null, null, null, null, null], ...rows.slice(3)];
    const t = tablesOf(grid(inserted, [m(1, 0, 5, 0), m(2, 1, 4, 1), m(2, 4, 4, 4), m(2, 5, 4, 5), m(2, 6, 4, 6)]))[0]!;
    expect(t.result.indicators.map((x) => x.name)).toEqual(["预算支出完成率", "结转结余率", "结转结余变动率", "资产登记率"]);
  });
});

describe("得分 written beside every level (一级指标 | 得分 | 二级指标 | 得分 | 三级指标 | 得分 | … | 得分)", () => {
  test("the 得分 columns right after a level hold its points; the last one is the score", () => {
    const t = tablesOf(grid([
      ["一级指标", "得分", "二级指标", "得分", "三级指标", "得分", "评价标准", "得分"],
      ["投入", 20, "预算配置", 20, "人员控制率", 10, "≤100%计10分", 10],
      [null, null, null, null, "公用经费控制率", 10, "≤100%计10分", 6],
      ["产出", 80, "职责履行", 80, "任务完成率", 80, "按比例计分", 76],
    ], [m(1, 0, 2, 0), m(1, 1, 2, 1), m(1, 2, 2, 2), m(1, 3, 2, 3)]))[0]!;
    expect(t.detected.columns).toMatchObject({ level1: 0, level1Weight: 1, level2: 2, level2Weight: 3, level3: 4, weight: 5, score: 7 });
    expect(t.result.indicators.map((x) => [x.weight, x.reported_score])).toEqual([[10, 10], [10, 6], [80, 76]]);
    expect(t.detected.issues.find((i) => i.address === "B1")?.message).toContain("按该级的分值读取");
  });
  test("a single 得分 after the name is still the score", () => {
    const t = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "得分"],
      ["部门决策(10分)", "目标设定(10分)", "目标相关(10分)", 8],
      ["部门绩效(90分)", "履职效果(90分)", "任务完成(90分)", 85],
    ]))[0]!;
    expect(t.detected.columns.score).toBe(3);
  });
});

describe("an execution rate written in words above the table", () => {
  const g = (sentence: string) => grid([
    ["2021年度奖助学金项目自评结果", null, null, null, null],
    [sentence, null, null, null, null],
    ["一级指标", "二级指标", "指标名称", "目标值", "实际完成值"],
    ["产出指标", "数量指标", "资助学生人数", "≥1000人", "1200人"],
    ["效益指标", "社会效益指标", "完成学业率", "100%", "100%"],
  ]);
  test("99% written for 2595.6208万元 of 2596万元 (99.99%) is told, naming the cell", () => {
    const t = tablesOf(g("2021年项目实际下达预算2596万元,全年度实际总支出2595.6208万元,项目预算执行率99%。"))[0]!;
    const f = t.result.findings.find((x) => x.code === "budget-text-rate");
    expect(f).toMatchObject({ severity: "warning", indicator: null });
    expect(f!.message).toContain("A2");
    expect(f!.message).toContain("99.99%");
  });
  test("a rate within its rounding, a sentence with 其中, or one whose amounts are not a budget and a spending stay quiet", () => {
    for (const s of [
      "全年预算数为1,239.70万元，全年执行数为1,238.51万元，总预算执行率为99.90%。",
      "共到位资金1022.04万元，资金支付总额为925.59万元，预算执行率为90.56%。",
      "下达预算100万元，其中省级80万元，实际支出90万元，执行率99%。",
      "年初预算100万元，调整预算120万元，执行率99%。",
      "每户补助300元，发放50户，执行率100%。",
    ]) expect(tablesOf(g(s))[0]!.result.findings.some((x) => x.code === "budget-text-rate")).toBe(false);
  });
});

describe("a missed target on a row with no weight", () => {
  // (Round eleven: where the table has no reason column, the missed rows are told once, as a warning naming them; see
  // test/layout/roundEleven.test.ts. A note had let five missed targets with nowhere to explain them pass unseen.)
  test("wants its reason: a warning where the table has a reason column left blank, and where it has none", () => {
    const rows = (withColumn: boolean) => grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", ...(withColumn ? ["偏差原因分析"] : [])],
      ["产出指标", "数量指标", "培训人数", "≥12500人", "12166人", ...(withColumn ? [null] : [])],
      ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", ...(withColumn ? [null] : [])],
      // (The form's last level: without it and a total, a table looks cut short and its missed targets are a note.)
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", ...(withColumn ? [null] : [])],
    ]);
    const warned = tablesOf(rows(true))[0]!.result.findings.find((f) => f.code === "deviation-missing");
    expect(warned).toMatchObject({ severity: "warning", indicator: 0 });
    const noted = tablesOf(rows(false))[0]!.result.findings.find((f) => f.code === "deviation-missing");
    expect(noted).toMatchObject({ severity: "warning", indicator: 0 });
    expect(noted!.message).toContain("没有偏差原因栏");
  });
});

describe("the review of this round's changes: realistic tables that must stay quiet", () => {
  test("a double negative (不存在未能按时发放的情况) is not read as a missed target", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "补助按时发放", target: "按时发放", actual: "不存在未能按时发放的情况", weight: 50, reported_score: 50 },
      { name: "安全事故", target: "无事故", actual: "无事故", weight: 50, reported_score: 50 },
    ] });
    expect(codes(r)).toEqual([]);
  });
  test("三级指标 | 自评得分 | 评价得分 keeps its self-scores: the 得分-after-a-level reading needs a level's 得分 first", () => {
    const t = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "自评得分", "评价得分"],
      ["决策(20分)", "目标(12分)", "目标相关(6分)", 6, 6],
      [null, null, "目标细化(6分)", 6, 5],
      [null, "依据(8分)", "编制依据(8分)", 8, 8],
      ["绩效(80分)", "效果(80分)", "任务完成(80分)", 78, 76],
    ], [m(1, 0, 3, 0), m(1, 1, 2, 1)]))[0]!;
    expect(t.detected.columns.weight).toBeUndefined();
    expect(t.detected.columns.score).toBe(3);
    expect(t.result.indicators.map((x) => x.weight)).toEqual([6, 6, 8, 80]);
    expect(codes(t.result)).toEqual([]);
  });
  test("a 工作目标 column of goals in words does not take the target from 年度指标值", () => {
    const t = tablesOf(grid([
      ["工作目标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"],
      ["完成全年培训任务", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50, null],
      [null, "效益指标", "社会效益指标", "就业率", "≥90%", "95%", 50, 50, null],
    ], [m(1, 0, 2, 0)]))[0]!;
    expect(t.detected.columns.target).toBe(4);
    expect(codes(t.result)).toEqual([]);
  });
  test("a budget score from a rate right to two decimals (10 × 99.85% = 9.985 → 9.99) is not a rounding slip", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "培训人次", target: "100人次", actual: "100人次", weight: 90, reported_score: 90 }], budget: { full_year: 1234.56, executed: 1232.7, weight: 10, rate_as_written: "99.85%", reported_score: 9.99 } });
    expect(r.findings.some((f) => /rounding|mismatch/.test(f.code))).toBe(false);
  });
  test("the second of 二者择其一, and a row whose rule is not understood, are not told for a missed target with no weight", () => {
    const t = tablesOf(grid([
      ["考核内容", "考核指标", "年度工作目标", "实际完成值", "评分标准", "权数", "考评得分", "偏差原因"],
      ["结转结余", "结转结余率", "≤10%", "8%", "二者择其一进行考核", 20, 20, null],
      [null, "结转结余变动率", "≤-20%", "-10%", null, null, null, null],
      ["审批", "审批办理时限", "5个工作日", "3个工作日", "不超过规定时限的酌情给分", null, null, null],
      ["资产", "资产登记率", "100%", "100%", "按完成比例计分", 80, 80, null],
    ], [m(1, 0, 2, 0), m(1, 4, 2, 4), m(1, 5, 2, 5), m(1, 6, 2, 6)]))[0]!;
    const warned = t.result.findings.filter((f) => f.severity !== "info" && (f.code === "deviation-missing" || f.code === "weight-missing"));
    expect(warned).toEqual([]);
  });
  test("an indicator spanning three merged rows in a score table does not end the table", () => {
    const rows: (string | number | null)[][] = [["一级指标", "二级指标", "三级指标", "分值", "得分"]];
    const merges: Merge[] = [];
    const names = ["目标相关", "目标细化", "编制依据", "任务完成"];
    const points = [10, 10, 20, 60];
    names.forEach((n, i) => {
      const r0 = 1 + i * 3;
      rows.push(["决策", "目标", n, points[i]!, points[i]!], [null, null, null, null, null], [null, null, null, null, null]);
      for (let c = 0; c < 5; c++) merges.push(m(r0, c, r0 + 2, c));
    });
    rows.push(["合计", null, null, 100, 100]);
    const t = tablesOf(grid(rows, merges))[0]!;
    expect(t.result.indicators.map((x) => x.name)).toEqual(names);
    expect(t.detected.total).not.toBeNull();
  });
  test("拨付到位 is money arrived, not spent: a sentence with it is left alone", () => {
    const t = tablesOf(grid([
      ["项目预算资金50万元，已全部拨付到位50万元，预算执行率96%。", null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次"],
    ]))[0]!;
    expect(t.result.findings.some((f) => f.code === "budget-text-rate")).toBe(false);
  });
  test("beside weighted rows, a figure in a name's brackets (平均分(80分)) is a target, not a weight", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "培训人次", target: "100人次", actual: "100人次", weight: 90, reported_score: 90 },
      { name: "学员考试平均分(80分)", reported_score: 8 },
    ] });
    expect(r.indicators[1]!.weight).toBeNull();
  });
  test("a name that is a number does not break the table", () => {
    expect(() => evaluateTable({ id: "t", indicators: [{ name: 2023 as unknown as string, target: "100%", actual: "90%", weight: 50, reported_score: 45 }, { name: "(可选项)" }] })).not.toThrow();
  });
});

describe("the 部门整体 form's splits of the funds (按收入性质分 | 按支出性质分)", () => {
  const block = (income: string, expense: string, parts: [string, string][]) => grid([
    ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null, null],
    ["年度预算申请(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分"],
    [null, "年度资金总额", 800, 1000, 1000, 10, "100%", 10],
    [null, income, null, null, expense, null, null, null],
    ...parts.map(([a, b]) => [null, a, null, null, b, null, null, null] as (string | number | null)[]),
    ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
  ], [m(1, 0, 1, 1), m(2, 0, 3 + parts.length, 0)]);
  const parts: [string, string][] = [["其中:一般公共预算:700", "其中:基本支出:400"], ["政府性基金拨款:100", "项目支出:600"], ["纳入专户管理的非税收入拨款:", ""], ["其他资金:200", ""]];
  test("two totals that differ are told, naming the cell", () => {
    const t = tablesOf(block("按收入性质分:1000", "按支出性质分:900", [["其中:一般公共预算:700", "其中:基本支出:300"], ...parts.slice(1)]))[0]!;
    const f = t.result.findings.filter((x) => x.code === "budget-split-mismatch");
    expect(f.map((x) => x.message).join("")).toContain("E4：按支出性质分合计 900，与按收入性质分合计 1000 不一致");
  });
  test("a side whose parts do not add up to its total is told", () => {
    const t = tablesOf(block("按收入性质分:1000", "按支出性质分:1000", [["其中:一般公共预算:600", "其中:基本支出:400"], ...parts.slice(1)]))[0]!;
    expect(t.result.findings.find((x) => x.code === "budget-split-mismatch")?.message).toContain("B4：按收入性质分合计 1000，其下各项（一般公共预算 600、政府性基金拨款 100、其他资金 200）合计 900");
  });
  test("splits that agree, or totals left blank whose parts agree, are quiet", () => {
    expect(tablesOf(block("按收入性质分:1000", "按支出性质分:1000", parts))[0]!.result.findings.some((x) => x.code === "budget-split-mismatch")).toBe(false);
    expect(tablesOf(block("按收入性质分:", "按支出性质分:", parts))[0]!.result.findings.some((x) => x.code === "budget-split-mismatch")).toBe(false);
  });
});

describe("the splits, as the review found real blocks written", () => {
  const g = (head: (string | number | null)[], lines: (string | number | null)[][], total: [number, number, number] = [1000, 1000, 1000]) => grid([
    ["年度预算申请(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分"],
    [null, "年度资金总额", ...total, 10, "100%", 10],
    [null, ...head],
    ...lines.map((l) => [null, ...l]),
    ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
  ]);
  const told = (t: ReturnType<typeof tablesOf>) => t[0]!.result.findings.filter((f) => f.code === "budget-split-mismatch").map((f) => f.message);
  test("a part that cannot be read (—, a bracket, a negative) leaves its side unchecked, not short", () => {
    for (const odd of ["政府性基金拨款:—", "纳入专户管理的非税收入拨款(含教育收费):0", "政府性基金拨款:-10.00"]) {
      expect(told(tablesOf(g(["按收入性质分:1000", null, null, "按支出性质分:1000"], [["其中:一般公共预算:700", null, null, "其中:基本支出:400"], [odd, null, null, "项目支出:600"], ["其他资金:300", null, null, null]])))).toEqual([]);
    }
  });
  test("a 其中 under a part opens sub-parts: not added in", () => {
    expect(told(tablesOf(g(["按收入性质分:1000", null, null, "按支出性质分:1000"], [["其中:一般公共预算:700", null, null, "其中:基本支出:400"], ["其中:财政拨款:650", null, null, "项目支出:600"], ["其他资金:300", null, null, null]])))).toEqual([]);
  });
  test("收入 the 全年预算数 and 支出 the 全年执行数: two figures, not one split two ways", () => {
    expect(told(tablesOf(g(["按收入性质分:1000", null, null, "按支出性质分:900"], [["其中:一般公共预算:1000", null, null, "其中:基本支出:400"], [null, null, null, "项目支出:500"]], [1000, 1000, 900])))).toEqual([]);
  });
  test("both sides in one column, amounts in the next cell, and parts rounded to the cent are read right", () => {
    expect(told(tablesOf(g(["按收入性质分:1000", null, null, null], [["其中:一般公共预算:700", null, null, null], ["其他资金:300", null, null, null], ["按支出性质分:1000", null, null, null], ["其中:基本支出:400", null, null, null], ["项目支出:600", null, null, null]])))).toEqual([]);
    expect(told(tablesOf(g(["按收入性质分：", 1000, null, "按支出性质分：", 1000], [["其中:一般公共预算:", 700, null, "其中:基本支出:", 400], ["其他资金:", 300, null, "项目支出:", 600]])))).toEqual([]);
    expect(told(tablesOf(g(["按收入性质分:1000", null, null, "按支出性质分:1000"], [["其中:一般公共预算:333.34", null, null, "其中:基本支出:400"], ["政府性基金拨款:333.34", null, null, "项目支出:600"], ["其他资金:333.33", null, null, null]])))).toEqual([]);
  });
  test("a side in 元 against one in 万元 is compared in one unit; large amounts print to the cent", () => {
    expect(told(tablesOf(g(["按收入性质分:10000000元", null, null, "按支出性质分:1000万元"], [])))).toEqual([]);
    const msgs = told(tablesOf(g(["按收入性质分:20301200元", null, null, "按支出性质分:19256700元"], [])));
    expect(msgs.join("")).toContain("19256700元");
    expect(msgs.join("")).not.toContain(".02");
  });
});

describe("a 年度主要任务 block between the budget and the indicators", () => {
  const rows = (withSplits: boolean): (string | number | null)[][] => [
    ["年度预算申请（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
    [null, "年度资金总额", 500, 600, 570, 10, "95%", 9.5, null],
    ...(withSplits ? [[null, "按收入性质分:600", null, null, "按支出性质分:600", null, null, null, null], [null, "其中:一般公共预算:600", null, null, "其中:基本支出:400", null, null, null, null], [null, "政府性基金拨款:", null, null, "项目支出:200", null, null, null, null]] : []),
    ["年度主要任务", "任务名称", "预算数", "执行数", "主要内容", null, "执行率", null, null],
    [null, "农业技术推广", 100, 95, "推广新品种10个", null, "80%", null, null],
    ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "推广新品种", "≥10个", "10个", 45, 45, null],
    [null, "效益指标", "社会效益指标", "农民增收", "≥5%", "6%", 45, 45, null],
    ["总分", null, null, null, null, null, 100, 99.5, null],
  ];
  test("its rows are not read as the budget's 其中 rows (a task's 预算数 is no part of the block)", () => {
    for (const withSplits of [true, false]) {
      const t = tablesOf(grid(rows(withSplits)))[0]!;
      expect(t.detected.table.budget?.parts ?? []).toEqual([]);
      expect(codes(t.result)).toEqual([]);
    }
  });
});

describe("a completion written bare under 完成率(%)", () => {
  test("95 and 106.25 are the percentages, 0.95 the fraction: none is a mismatch; 90 for 95% still is", () => {
    const t = tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "完成率(%)", "分值", "得分", "偏差原因分析"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "95人次", 95, 30, 28.5, "部分学员未到"],
      ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 106.25, 30, 30, null],
      ["效益指标", "社会效益指标", "结业率", "≥80%", "76%", 0.95, 20, 19, "个别学员缺考"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "95%", 90, 20, 20, null],
      ["总分", null, null, null, null, null, 100, 97.5, null],
    ]))[0]!;
    const told = t.result.findings.filter((f) => f.code === "rate-mismatch");
    expect(told.map((f) => f.indicator)).toEqual([3]);
  });
});
