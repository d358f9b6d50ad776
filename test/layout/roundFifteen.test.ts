import { applyRulebook, DEFAULT_RULES, evaluateTable, readRuleText, runPipeline, type Grid, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the fifteenth round. First, an evaluator's 评分表 whose 评分依据 column says in words what was found:
 * the figures a formula needs are read from it, and a checklist deduction's items are counted in it.
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const warned = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.severity !== "info");

describe("a 评分表 with 评分标准 | 评分依据 | 得分 | 扣分说明", () => {
  const table = (rows: [string, number, string, string, number, string | null][]) => grid([
    ["一级指标", "三级指标", "分值", "评分标准", "评分依据", "得分", "扣分说明"],
    ...rows.map(([name, w, rule, grounds, score, note]) => ["过程", name, w, rule, grounds, score, note]),
  ]);
  test("评分依据 and 扣分说明 are read as what was found and the reason, not as rule or unknown columns", () => {
    const t = tablesOf(table([["资金使用合规性", 5, "符合规定得满分；每发现一项不合规问题扣1分，扣完为止。", "抽查凭证发现2项问题。", 3, "发现问题2项，扣2分。"]]))[0]!;
    expect(t.detected.table.indicators[0]!.grounds_text).toBe("抽查凭证发现2项问题。");
    expect(t.detected.table.indicators[0]!.deviation_note).toBe("发现问题2项，扣2分。");
    expect(t.result.indicators[0]!.score).toBe(3);
    expect(t.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
  test("a checklist deduction above what the items counted allow is told, and the row scored by the count", () => {
    const g = table([["资金使用合规性", 5, "符合规定得满分；每发现一项不合规问题扣1分，扣完为止。", "抽查会计凭证发现3项问题：①白条入账；②超进度拨付；③列支办公设备。", 4, "发现问题3项，扣1分。"]]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators[0]!.status).toBe("mismatch");
    expect(t.result.indicators[0]!.score).toBe(2);
    const f = warned(g).find((x) => x.code === "deduction-count")!;
    expect(f.message).toContain("评分依据写明 3项");
    expect(f.message).toContain("应扣 3 分、得 2 分，报告得分 4");
    expect(t.result.indicators[0]!.explanation).toContain("得分 = 5 − 3 × 1 = 2");
  });
  test("counted only in clauses naming the rule's verb: 44所学校中41所按期 is not three late", () => {
    const g = table([["工程完成及时性", 6, "开学前完工得满分；每延期完工1所学校扣1分，扣完为止。", "已完工44所学校中41所于开学前完工，3所延至9月中旬完工。", 6, null]]);
    expect(tablesOf(g)[0]!.result.indicators[0]!.score).toBe(3);
    expect(warned(g).map((x) => x.code)).toContain("deduction-count");
    const fine = table([["工程完成及时性", 6, "开学前完工得满分；每延期完工1所学校扣1分，扣完为止。", "已完工44所学校中41所于开学前完工，3所延至9月中旬完工。", 3, "3所延期，扣3分"]]);
    expect(warned(fine)).toEqual([]);
  });
  test("a lower score than the count allows is the evaluator's (other conditions); no count, two counts or none found: judged", () => {
    const rule = "符合规定得满分；每发现一项不合规问题扣1分，扣完为止。";
    for (const [grounds, score] of [["发现1项问题。", 2], ["未发现不合规问题。", 5], ["发现2项问题，另发现1项问题。", 5], ["抽查凭证，资料齐全。", 5]] as [string, number][]) {
      const g = table([["资金使用合规性", 5, rule, grounds, score, null]]);
      expect(warned(g).map((x) => x.code)).toEqual([]);
      expect(tablesOf(g)[0]!.result.indicators[0]!.score).toBe(score);
    }
  });
  test("a cap on the deduction (最多扣3分) is kept", () => {
    const g = table([["制度执行", 5, "每发现一处问题扣1分，最多扣3分。", "发现5处问题。", 4, null]]);
    expect(tablesOf(g)[0]!.result.indicators[0]!.score).toBe(2);
  });
  test("a generic count word (一例) counts items in the findings' own word (1笔)", () => {
    const t: TableInput = { id: "t", indicators: [{ name: "资金使用合规性", weight: 3, target: "合规", actual: "审计发现1笔差旅费超标准报销，已退回整改", rule_text: "资金使用符合规定得满分；每发现一例违规扣1分，扣完为止", reported_score: 3 }] };
    const r = evaluateTable(t);
    expect(r.indicators[0]!.score).toBe(2);
    expect(r.findings.map((x) => x.code)).toContain("deduction-count");
  });
  test("the rate a rule names, read from the 评分依据 once: 预算执行率×分值 with 执行率93.50%", () => {
    const g = table([["预算执行率", 5, "预算执行率×分值。", "到位资金1860万元，实际支出1739.1万元，执行率93.50%。", 4.68, null]]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators[0]!.score).toBeCloseTo(4.675, 6);
    expect(t.result.findings.find((x) => x.code === "grounds-read")!.message).toContain("按评分依据“执行率93.50%”读作实际 93.50%");
    const off = table([["隐患消除率", 8, "隐患消除率×分值。", "排查隐患62处，已消除60处，消除率96.77%。", 8, null]]);
    expect(warned(off).map((x) => x.code)).toContain("score-mismatch");
  });
  test("plan and result in one unit for a proportional rule; two plans, other units or another rate: not read", () => {
    const g = table([["维修学校数", 8, "实际完成学校数/计划学校数×分值。", "计划维修改造学校46所，实际完成44所。", 7.65, null]]);
    expect(tablesOf(g)[0]!.result.indicators[0]!.score).toBeCloseTo(7.652, 3);
    for (const grounds of ["计划46所，实际完成44间。", "计划46所，计划新增2所，实际完成44所。", "实际完成44所。"]) {
      const t = tablesOf(table([["维修学校数", 8, "实际完成学校数/计划学校数×分值。", grounds, 7.65, null]]))[0]!;
      expect(t.result.findings.map((x) => x.code)).not.toContain("grounds-read");
      expect(t.result.indicators[0]!.score).toBe(7.65);
    }
    const other = tablesOf(table([["预算执行率", 5, "预算执行率×分值。", "到位率100%，合格率95%。", 5, null]]))[0]!;
    expect(other.result.findings.map((x) => x.code)).not.toContain("grounds-read");
  });
});

describe("rule texts of 评分表 forms", () => {
  const type = (s: string) => readRuleText(s)?.rule.type ?? null;
  test("a rate named in the rule times the points is that rate; not a completion rate, nor a rate to be kept low", () => {
    expect(readRuleText("隐患消除率×分值。")!.rule).toEqual({ type: "rateTimesWeight", basis: "actual" });
    expect(type("满意度×分值")).toBe("rateTimesWeight");
    expect(type("完成率×分值")).toBe("proportional");
    expect(type("事故发生率×分值")).toBeNull();
    expect(type("合格率×分值，低于80%不得分")).toBeNull();
  });
  test("实际完成X/计划X×分值 is the proportional rule, with or without a cap written out", () => {
    expect(type("实际完成学校数/计划学校数×分值。")).toBe("proportional");
    expect(type("实际完成面积/计划面积×分值，最高不超过分值。")).toBe("proportional");
    expect(type("实际完成面积/计划面积×分值×0.8")).toBeNull();
  });
  test("a rate reaching a figure (合格率100%得满分) is a floor, as ≥100% is", () => {
    expect(readRuleText("验收合格率100%得满分；每降低1个百分点扣1分。")!.rule).toMatchObject({ type: "step", full: 1, step: 0.01, deduct: 1 });
  });
});

/** A row given as data, evaluated with the rulebook (the checks a reviewer runs). */
const one = (row: TableInput["indicators"][number], extra: Partial<TableInput> = {}) => evaluateTable({ id: "t", indicators: [row], ...extra });
const reviewed = (t: TableInput) => applyRulebook(t, evaluateTable(t), DEFAULT_RULES, { hasSurvey: false });

describe("what the fourth blind batch taught (first contact: 153/165 hand scores, 24/29 slips, 8 false alarms)", () => {
  test("a band scored as the rate over the threshold times the weight (80%（含）—90%按实际满意度/90%×权重分计分)", () => {
    const rule = "≥90%得满分；80%（含）—90%按实际满意度/90%×权重分计分；低于80%不得分";
    expect(readRuleText(rule)!.rule).toMatchObject({ type: "scaledBelow", fullAt: 0.9, zeroBelow: 0.8, perWeight: true, divisor: 0.9 });
    const r = one({ name: "参保群众满意度", weight: 10, target: "≥90%", actual: "86.4%", rule_text: rule, reported_score: 9.6 });
    expect(r.indicators[0]!.score).toBeCloseTo(9.6, 9);
    expect(r.indicators[0]!.explanation).toContain("÷ 90.00% × 10");
    expect(one({ name: "满意度", weight: 10, target: "≥90%", actual: "78%", rule_text: rule }).indicators[0]!.score).toBe(0);
  });
  test("得分=满意度×分值 in a band is the rate times the row's own weight, and its rate is read from the 评分依据", () => {
    const rule = "满意度≥90%得满分；60%≤满意度<90%，得分=满意度×分值；满意度<60%不得分。";
    const g = grid([
      ["一级指标", "三级指标", "分值", "评分标准", "得分", "评分依据及扣分说明"],
      ["效益", "学生满意度", 4, rule, 3.89, "有效问卷586份，满意513份，满意度87.54%，得分=87.54%÷90%×4=3.89。"],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.detected.table.indicators[0]!.grounds_text).toContain("满意度87.54%");
    expect(t.result.indicators[0]!.score).toBeCloseTo(3.5016, 4);
    expect(warned(g).map((x) => x.code)).toContain("score-mismatch");
  });
  test("items numbered after the verb are counted where no count is written (发现以下问题：①…；②…；③…)", () => {
    const g = grid([
      ["一级指标", "三级指标", "分值", "评分标准", "得分", "评分依据及扣分说明"],
      ["决策", "绩效指标明确性", 3, "指标细化量化得3分；每发现一项指标未细化量化或不可衡量扣0.5分，扣完为止。", 2, "发现以下问题：①未设定量化指标值；②未设定可衡量的指标值；③满意度口径不明。扣1分。"],
    ]);
    expect(tablesOf(g)[0]!.result.indicators[0]!.score).toBe(1.5);
    expect(warned(g).map((x) => x.code)).toEqual(["deduction-count"]);
  });
  test("a qualitative target partly met: a reported score inside its tier is the evaluator's setting; a met one is still full", () => {
    const partly = one({ name: "工程运行管护机制", weight: 6, target: "好", actual: "较好", reported_score: 4 });
    expect(partly.indicators[0]!.score).toBe(4);
    expect(partly.indicators[0]!.explanation).toContain("在该档内");
    expect(partly.findings.map((x) => x.code)).not.toContain("score-mismatch");
    expect(one({ name: "工程运行管护机制", weight: 6, target: "好", actual: "较好", reported_score: 6 }).findings.map((x) => x.code)).toContain("score-mismatch");
    expect(one({ name: "可持续", weight: 10, target: "可持续", actual: "可持续", reported_score: 9 }).findings.map((x) => x.code)).toContain("score-mismatch");
  });
  test("a range target: at least its lower end where the name says more is better, at most its top where less is", () => {
    const table = (rows: [string, string, string, string, number, number | null][]) => tablesOf(grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ...rows.map(([l2, name, target, actual, w, s]) => ["产出指标", l2, name, target, actual, w, s]),
    ]))[0]!;
    const t = table([["质量指标", "农村自来水普及率", "90%-95%", "93.8%", 5, 5], ["质量指标", "农村自来水普及率", "90%-95%", "85.5%", 5, null], ["数量指标", "培训场次", "3—5个", "4个", 4, 4]]);
    expect(t.detected.table.indicators.map((r) => r.target)).toEqual(["≥90%", "≥90%", "≥3个"]);
    expect(t.result.indicators.map((r) => r.score)).toEqual([5, expect.closeTo(4.75, 9), 4]);
    // Kept low: a cost, a rate of something bad, a range from 0.
    const low = table([["成本指标", "单位养护成本", "8-10万元", "12万元", 10, 8.33], ["质量指标", "不良反应发生率", "1%-5%", "8%", 10, 10], ["质量指标", "有效投诉", "0-3件", "5件", 10, 10], ["数量指标", "人均培训费用", "800-1000元", "1200元", 10, 8.33]]);
    expect(low.detected.table.indicators.map((r) => r.target)).toEqual(["≤10万元", "≤5%", "≤3件", "≤1000元"]);
    expect(low.result.indicators.map((r) => r.met)).toEqual([false, false, false, false]);
    // Direction unknown, a span of time, or a range given as the actual: not read.
    const unread = table([["数量指标", "设备运行", "2-4台", "3台", 4, 4], ["时效指标", "办结时限", "3-5个工作日", "4个工作日", 4, 4], ["质量指标", "验收合格率", "≥95%", "92%-96%", 4, 4]]);
    expect(unread.result.indicators.map((r) => r.status)).toEqual(["unreadable", "unreadable", "unreadable"]);
    // Given as data, with no name to tell the direction: not read.
    expect(one({ name: "x", weight: 5, target: "90%-95%", actual: "93%" }).indicators[0]!.status).toBe("unreadable");
  });
  test("个 with what it counts (≥0.5个等级) is a unit", () => {
    expect(one({ name: "耕地质量等级提升", weight: 5, target: "≥0.5个等级", actual: "0.5个等级", reported_score: 5 }).indicators[0]!.score).toBe(5);
    expect(one({ name: "x", weight: 5, target: "5个左右", actual: "5个" }).indicators[0]!.status).toBe("unreadable");
  });
  test("a budget weight typed as a share with a percent format (0.1 shown 10%) is 10 points, as a row's is", () => {
    const g: Grid = { ...grid([
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "权重", "执行率", "得分"],
      ["年度资金总额", 2236, 2318.5, 2205.62, 0.1, 0.9513, 9.51],
      ["一级指标", "三级指标", "权重", "年度指标值", "实际完成值", "得分", null],
      ["产出指标", "参保人数", 0.9, "≥62.5万人", "63.2万人", 90, null],
    ]) };
    g.cells[1]![4] = { v: 0.1, fmt: "0%" };
    g.cells[3]![2] = { v: 0.9, fmt: "0%" };
    const t = tablesOf(g)[0]!;
    expect(t.result.budget!.weight).toBe(10);
    expect(t.result.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual([]);
  });
  test("×权重分计分 after a plain formula is still the whole rule", () => {
    expect(readRuleText("完成年度指标值得满分；未完成的按实际完成值/年度指标值×权重分计分，最高不超过权重分")!.rule.type).toBe("proportional");
  });
  test("a level's points over rows with no weight: one row short among rows that met theirs with equal scores takes what is left", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
      ["产出指标（50分）", "数量指标（20分）", "农村户厕改造", "≥320户", "320户", 5],
      [null, null, "村庄清洁行动覆盖行政村", "=18个", "18个", 5],
      [null, null, "新增垃圾收集设施", "≥60个", "64个", 5],
      [null, null, "黑臭水体整治", "≥3处", "2处", 3.35],
    ], [{ r1: 1, c1: 1, r2: 4, c2: 1 }, { r1: 1, c1: 0, r2: 4, c2: 0 }]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.weight)).toEqual([5, 5, 5, 5]);
    expect(t.result.indicators[3]!.score).toBeCloseTo(3.333, 3);
    expect(t.result.findings.find((f) => f.code === "weight-from-level" && f.indicator === 3)!.message).toContain("20 − 3 × 5 = 5");
    // Met rows with different scores settle nothing (one of them may hide a deduction).
    const uneven = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
      ["产出指标", "数量指标（20分）", "甲", "≥320户", "320户", 4.5],
      [null, null, "乙", "=18个", "18个", 5],
      [null, null, "丙", "≥60个", "64个", 5],
      [null, null, "丁", "≥3处", "2处", 3.35],
    ], [{ r1: 1, c1: 1, r2: 4, c2: 1 }]);
    expect(tablesOf(uneven)[0]!.result.indicators[3]!.weight).toBeNull();
  });
  test("a completion written 100% for a target met or beaten is the rate capped, not a slip", () => {
    const r = one({ name: "单处工程平均维修养护成本", weight: 10, target: "≤3.86万元/处", actual: "3.6万元/处", completion_as_written: "100%", reported_score: 10 });
    expect(r.findings.map((f) => f.code)).not.toContain("rate-mismatch");
    expect(one({ name: "管网长度", weight: 10, target: "≥85公里", actual: "78.6公里", completion_as_written: "100%" }).findings.map((f) => f.code)).toContain("rate-mismatch");
  });
  test("rows with no weight and no score beside weights that make 100: monitoring rows, a note", () => {
    const t = evaluateTable({ id: "t", budget: { initial: 166, full_year: 166, executed: 151.35, weight: 10, reported_score: 9.12 }, indicators: [
      { name: "维修数量", weight: 45, target: "≥126处", actual: "131处", reported_score: 45 },
      { name: "受益人口", target: "≥42万人", actual: "42.8万人" },
      { name: "水质达标率", weight: 45, target: "≥95%", actual: "96%", reported_score: 45 },
    ] });
    const w = t.findings.find((f) => f.code === "weights-missing")!;
    expect(w.severity).toBe("info");
    expect(w.message).toContain("监测指标");
  });
  test("a total and a rating written in the title block, each in one cell (项目自评总得分：89.86分 | 自评等级：优)", () => {
    const g = grid([
      ["宕昌县2023年度项目支出绩效自评表", null, null, null, null, null],
      ["项目名称：基本公共卫生服务", null, null, null, "项目自评总得分：89.86分", null],
      ["主管部门：卫生健康局", null, null, null, "自评等级：优", null],
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "建档率", "≥90%", "91%", 50, 50],
      ["效益指标", "管理率", "≥60%", "47.9%", 50, 39.86],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.detected.table.reported_total).toBe(89.86);
    expect(t.detected.table.reported_rating).toBe("自评等级：优");
    const f = t.result.findings.find((x) => x.code === "rating-inconsistent")!;
    expect(f.message).toBe("报告总分 89.86 应评为“良”，报告为“优”");
  });
  test("R32: benefits at full marks while the outputs were recomputed at less than half their points", () => {
    const rows: TableInput["indicators"] = [
      { level1: "产出指标", name: "资助人数", weight: 20, target: "52人", actual: "10人", reported_score: 3.85 },
      { level1: "产出指标", name: "困难教师", weight: 30, target: "2人", actual: "0人", reported_score: 0 },
      { level1: "效益指标", name: "提高生活水平", weight: 30, target: "有效提高", actual: "有效提高", reported_score: 30 },
    ];
    const f = reviewed({ id: "t", indicators: rows }).find((x) => x.code === "benefit-beyond-output")!;
    expect(f.rows).toEqual([2]);
    expect(f.message).toContain("只得 3.85 分（共 50 分");
    const fine = rows.map((r, i) => (i === 1 ? { ...r, actual: "2人", reported_score: 30 } : r));
    expect(reviewed({ id: "t", indicators: fine }).map((x) => x.code)).not.toContain("benefit-beyond-output");
  });
  test("R06 names every row of a repeated name, so that the repeat itself is pointed at", () => {
    const f = reviewed({ id: "t", indicators: [
      { level1: "产出指标", level2: "数量指标", name: "资助困难教师及学生", weight: 50, target: "52人", actual: "52人", reported_score: 50 },
      { level1: "满意度指标", level2: "服务对象满意度", name: "资助困难教师及学生", weight: 50, target: "≥90%", actual: "95%", reported_score: 50 },
    ] }).find((x) => x.code === "indicator-repeated")!;
    expect(f.rows).toEqual([0, 1]);
  });
});

describe("the review of this round's readings (11 serious problems, each fixed)", () => {
  const scoreTable = (rows: [string, number, string, string, number, string | null][]) => tablesOf(grid([
    ["一级指标", "三级指标", "分值", "评分标准", "评分依据", "得分", "扣分说明"],
    ...rows.map(([name, w, rule, grounds, score, note]) => ["过程", name, w, rule, grounds, score, note]),
  ]))[0]!;
  test("a rate of another period, year or a bound in the 评分依据 is not the year's rate", () => {
    for (const g of ["截至2023年6月底资金执行率为45%，年底资金已全部支付完毕。", "年度预算100万元，全部支出；1-6月执行率为48%，符合序时进度。", "较上年执行率80%有较大提高，全年资金全部执行完毕。", "年末执行率达95%以上。"]) {
      const t = scoreTable([["预算执行率", 5, "预算执行率×分值。", g, 5, null]]);
      expect(t.result.findings.map((f) => f.code)).not.toContain("grounds-read");
      expect(t.result.indicators[0]!.score).toBe(5);
    }
  });
  test("no plan read from a shortfall, a multi-year or adjusted plan, or money for a count", () => {
    for (const g of ["实际完成44所，未按计划完成2所。", "项目总体目标新建道路30公里，本年度完成10公里，实际完成10公里。", "三年计划改造3000户，实际完成本年度任务1000户。", "原计划新建道路12公里，后调整为10公里，实际完成10公里。", "计划投资1200万元，实际完成投资1100万元；46所学校全部完工。"]) {
      const t = scoreTable([["完成数", 8, "实际完成学校数/计划学校数×分值。", g, 8, null]]);
      expect(t.result.findings.map((f) => f.code)).not.toContain("grounds-read");
    }
  });
  test("deduction-count: not last year's, cleared, places inspected, 一次性, 顺延/延长, 缺 of another thing, 整改 as a noun, good practices", () => {
    const rule = "资金使用符合国家财经法规和资金管理办法规定得满分；每发现一项不合规问题扣1分，扣完为止。";
    for (const [g, rs] of [
      ["上年度审计发现的3项问题已全部整改到位，本年抽查会计凭证未见违规。", 5], ["审计部门此前发现问题3项，经核实均已在评价前整改完毕，本次未发现问题。", 5],
      ["初步发现疑似问题3项，经与项目单位核实，均有合理依据，不属于违规。", 5], ["实地核查5个乡镇发现部分乡镇存在台账登记不完善问题。", 4],
      ["检查发现一次性补助资金发放名册已按规定公示。", 5], ["经抽查未发现不合规问题。主要做法：①建立资金台账；②实行报账制；③专款专用。", 5],
    ] as [string, number][]) expect(scoreTable([["资金使用合规性", 5, rule, g, rs, null]]).result.findings.map((f) => f.code)).not.toContain("deduction-count");
    const late = "开学前完工得满分；每延期完工1所学校扣1分，扣完为止。";
    for (const g of ["44所学校均于开学前完工，其中3所工期顺延后仍提前完工。", "经批准延长工期的2所学校按调整后工期完工，其余均按期完工。"]) expect(scoreTable([["完工及时性", 6, late, g, 6, null]]).result.findings.map((f) => f.code)).not.toContain("deduction-count");
    expect(scoreTable([["资料完整性", 4, "资料齐全得满分，每缺少一项资料扣0.5分。", "资料基本齐全，3个项目缺监理签字，已补齐。", 4, null]]).result.findings.map((f) => f.code)).not.toContain("deduction-count");
    expect(scoreTable([["隐患整改", 6, "隐患全部整改得满分；每1处隐患未整改扣1分。", "共排查隐患62处，已整改60处。", 4, null]]).result.indicators[0]!.score).toBe(4);
  });
  test("deduction-count: not where the rule has another scored part or a second rate; 二十项 is twenty", () => {
    expect(scoreTable([["合规性", 5, "建立健全资金管理制度得2分；资金使用合规得3分，每发现一项违规扣1分，扣完为止。", "制度健全；抽查发现违规列支4项。", 2, null]]).result.indicators[0]!.score).toBe(2);
    expect(scoreTable([["合规性", 5, "每发现一项不合规问题扣1分，评价前已整改的每项扣0.5分，扣完为止。", "发现不合规问题3项。", 3.5, null]]).result.findings.map((f) => f.code)).not.toContain("deduction-count");
    expect(scoreTable([["合规性", 5, "每发现一项不合规问题扣0.1分，扣完为止。", "抽查发现不合规问题二十项。", 4, null]]).result.indicators[0]!.score).toBe(3);
  });
  test("a scaled band with a further factor, a second scaled band, or a band of points below: not read", () => {
    for (const r of ["满意度≥90%得满分；80%≤满意度<90%按满意度×分值计分；60%≤满意度<80%得2分；满意度<60%不得分。", "满意度≥90%得满分；60%≤满意度<90%，得分=满意度×分值×80%；满意度<60%不得分。", "满意度≥90%得满分；80%≤满意度<90%得分=满意度×分值；60%≤满意度<80%得分=满意度×分值×50%；满意度<60%不得分。"]) expect(readRuleText(r)).toBeNull();
  });
  test("a rate rule on a row counted in people is no rate: unreadable, never 48000%", () => {
    const r = one({ name: "参训人数", weight: 10, target: "≥500人", actual: "480人", rule_text: "参训率×分值", reported_score: 9.6 });
    expect(r.indicators[0]!.status).toBe("unreadable");
  });
  test("a 评分依据 column with no 评分标准 beside it is the rule column, as before", () => {
    const t = tablesOf(grid([
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "评分依据"],
      ["产出指标", "培训人数", "≥500人", "450人", 30, 27.5, "每减少10人扣0.5分"],
    ]))[0]!;
    expect(t.detected.table.indicators[0]!.rule_text).toBe("每减少10人扣0.5分");
    expect(t.result.findings.map((f) => f.code)).not.toContain("score-mismatch");
  });
  test("a rating in a row about last year is not this year's", () => {
    const g = grid([
      ["项目名称", "某项目", null, null, null, null],
      ["上年度绩效评价结果", null, "评价等级", "良", "评价得分", 85],
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "建档率", "≥90%", "91%", 100, 100],
    ]);
    expect(tablesOf(g)[0]!.detected.table.reported_rating).toBeNull();
  });
  test("a row read from its 评分依据 is not told it lacks a reason; a survey in the 评分依据 is a survey", () => {
    const t = scoreTable([["满意度", 5, "满意度×分值", "发放问卷500份，满意度85%。", 4.25, null]]);
    expect(t.result.findings.map((f) => f.code)).not.toContain("deviation-missing");
    expect(t.result.findings.map((f) => f.code)).not.toContain("satisfaction-no-survey");
  });
});

describe("what the fifth blind batch's layouts taught (first contact: 68/71 hand scores, 11/13 slips, 10 false alarms, 12 extra rows)", () => {
  test("levels written as numbered headings in the names' column (一、产出指标 | 50 | 45.68; （一）数量指标) are headings", () => {
    const t = tablesOf(grid([
      ["绩效指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["一、产出指标", null, null, 50, 45],
      ["（一）数量指标", null, null, null, null],
      ["1.培育人数", "≥300人", "270人", 25, 22.5],
      ["（二）质量指标", null, null, null, null],
      ["2.考核合格率", "≥95%", "97%", 25, 25],
      ["二、效益指标", null, null, 50, 50],
      ["（一）社会效益指标", null, null, null, null],
      ["3.带动农户数", "≥1500户", "1600户", 50, 50],
      ["总分", null, null, 100, 97.5],
    ]))[0]!;
    expect(t.detected.table.indicators.map((r) => r.level3)).toEqual(["1.培育人数", "2.考核合格率", "3.带动农户数"]);
    expect(t.detected.table.indicators.map((r) => [r.level1, r.level2])).toEqual([["产出指标", "数量指标"], ["产出指标", "质量指标"], ["效益指标", "社会效益指标"]]);
    // (The one finding is the row short of its target with no reason given.)
    expect(t.result.findings.filter((f) => f.severity !== "info").map((f) => [f.code, f.indicator])).toEqual([["deviation-missing", 0]]);
  });
  test("a block of goals' title row (年度绩效目标2（40分） | 目标2：…) is the block's heading, not an indicator", () => {
    const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
    const t = tablesOf(grid([
      ["年度绩效目标1（50分）", "目标1：强化食品安全监管，完成抽检2400批次以上。", null, null, null, null, null],
      header,
      ["产出指标", "数量指标", "抽检批次", "≥2400批次", "2536批次", 50, 50],
      ["年度绩效目标2（50分）", "目标2：新登记市场主体6500户以上，企业开办时间压缩至1个工作日内。", null, null, null, null, null],
      header,
      ["产出指标", "数量指标", "新登记市场主体户数", "≥6500户", "6600户", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ], [{ r1: 0, c1: 1, r2: 0, c2: 6 }, { r1: 3, c1: 1, r2: 3, c2: 6 }]))[0]!;
    expect(t.detected.table.indicators.map((r) => r.level3)).toEqual(["抽检批次", "新登记市场主体户数"]);
    expect(t.result.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual([]);
  });
  test("完成率≥100%得满分；未达到的按完成率×分值计分 is the proportional rule", () => {
    expect(readRuleText("完成率≥100%得满分；未达到的按完成率×分值计分")!.rule.type).toBe("proportional");
  });
  test("a deadline missed where the table states no rule: a partial score is the evaluator's deduction; full marks stay a slip", () => {
    const row = { name: "培训任务完成时间", weight: 10, target: "2024年11月30日前", actual: "2024年12月26日", deviation_note: "汛期延期" };
    const partial = one({ ...row, reported_score: 6 });
    expect(partial.indicators[0]!.score).toBe(6);
    expect(partial.findings.find((f) => f.code === "judged-score")!.message).toContain("逾期 26 天完成");
    expect(one({ ...row, reported_score: 10 }).findings.map((f) => f.code)).toContain("score-mismatch");
    expect(one({ ...row, reported_score: 6, rule_text: "按期完成得满分，逾期不得分" }).findings.map((f) => f.code)).toContain("score-mismatch");
  });
});

describe("what the fifth blind batch's wordings taught (first contact: 69/92 pairs, 61/90 hand scores, 25 false alarms)", () => {
  const read = (target: string, actual: string, extra: Partial<TableInput["indicators"][number]> = {}) => one({ name: "x", weight: 10, target, actual, ...extra }).indicators[0]!;
  test("a sentence's one figure in the target's terms: its unit, a rate for a rate, a change for a change", () => {
    expect(read("≥600人", "全年共完成培训628人，较上年增加48人").score).toBe(10);
    expect(read("≥95%", "经结业考核合格612人，合格率97.45%").score).toBe(10);
    expect(read("≥90%", "受7月强降雨影响部分田间实训取消，仅完成85%").score).toBeCloseTo(9.444, 3);
    expect(read("≥90%", "回收有效问卷596份，满意572份，满意度95.97%").met).toBe(true);
    expect(read("较上年增长5%以上", "经抽样调查，参训学员人均纯收入较上年增长4.2%").score).toBeCloseTo(8.4, 9);
    expect(read("≥100人", "计划培训100人，实际培训90人").score).toBe(9);
    expect(read("≥12座", "建成10座，2座因电力配套未到位暂缓实施").score).toBeCloseTo(8.333, 3);
  });
  test("not where the figure is doubted, planned, part-undone, of another time or qualified by its remark", () => {
    for (const [t, a] of [["≥100人", "应培训100人，部分人员未参加"], ["≥90%", "截至10月底完成92%"], ["≥4轮", "完成巡查4轮，其中2轮未完成"], ["≥95%", "96%（预计）"], ["≥6个", "建成5个，另有1个因选址调整顺延至2024年"], ["≥600人", "培训600人左右"]] as [string, string][]) {
      const r = read(t, a);
      expect(r.status === "unreadable" || r.met === false).toBe(true);
    }
  });
  test("a rate asked for, answered by its two counts (抽查单项工程40个，验收合格38个), is the part over the whole, said", () => {
    const r = one({ name: "工程验收合格率", weight: 10, target: "≥95%", actual: "抽查单项工程40个，验收合格38个" }).indicators[0]!;
    expect(r.met).toBe(true);
    expect(r.explanation).toContain("38/40 = 95.00%");
    expect(one({ name: "水质检测合格率", weight: 10, target: "≥95%", actual: "全年送检水样216份，合格207份" }).indicators[0]!.met).toBe(true);
    expect(one({ name: "合格率", weight: 10, target: "≥95%", actual: "抽查40个，不合格2个" }).indicators[0]!.status).toBe("unreadable");
  });
  test("a date in a sentence (已于2023年11月20日全部结业并完成考核; 按时完成，12月20日前全部拨付)", () => {
    expect(read("2023年11月30日前", "已于2023年11月20日全部结业并完成考核").met).toBe(true);
    expect(read("12月20日前", "按时完成，12月20日前全部拨付").met).toBe(true);
    expect(read("2023年3月底前", "2023年5月12日左右").status).toBe("unreadable");
  });
  test("a deadline with no year against a date put off (延期至2024年3月完成) is missed, never 275 days early", () => {
    const r = read("12月底前", "延期至2024年3月完成");
    expect(r.met).toBe(false);
    expect(r.explanation).toContain("逾期");
  });
  test("当年完成 answered by a date is met, unless the date says it was put off", () => {
    expect(read("当年完成", "2023年12月15日完成").met).toBe(true);
    expect(read("当年完成", "延期至2024年3月完成").met).toBe(false);
  });
  test("none asked for (=0, 零事故) answered by what happened (9月份发生1次超标排放; 发生1起轻微工伤事故（已妥善处置）)", () => {
    expect(read("=0", "9月份发生1次超标排放，已整改到位").score).toBe(0);
    expect(read("零事故", "发生1起轻微工伤事故（已妥善处置）").score).toBe(0);
    expect(read("零事故", "全年未发生安全事故").score).toBe(10);
  });
  test("an average named by its indicator or its actual (日均清运量 260吨/日 | 271.4吨; 人均2,886元) is in the target's per-unit", () => {
    const t = tablesOf(grid([
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "生活垃圾日均清运量", "≥260吨/日", "271.4吨", 5, 5],
      ["产出指标", "培训补助标准", "控制在3000元/人以内", "人均2,886元", 5, 5],
      ["产出指标", "清运总量", "≥9万吨/年", "9.5万吨", 90, 90],
    ]))[0]!;
    expect(t.result.indicators.map((r) => r.status)).toEqual(["ok", "ok", "unreadable"]);
  });
  test("a rule counting what the words do not give as figures (每缺一项扣1分 on 健全 | 已明确…，管护经费尚未落实): the evaluator's judgement", () => {
    const r = one({ name: "建后管护机制健全性", weight: 3, target: "健全", actual: "已明确管护主体、建立管护制度，管护经费尚未落实", reported_score: 2, rule_text: "①明确管护主体；②落实管护经费；③建立管护制度。每缺一项扣1分，扣完为止。" });
    expect(r.indicators[0]!.score).toBe(2);
    expect(r.findings.map((f) => f.code)).toContain("judged-score");
  });
  test("a score written in words (满分, 5分) is read: 满分 on a missed target is a mismatch", () => {
    const t = tablesOf(grid([
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "规范管理服务率", "≥62%", "60.5%", 6, "满分"],
      ["产出指标", "报告率", "=100%", "100%", 4, "4分"],
    ]))[0]!;
    expect(t.result.indicators.map((r) => r.reported_score)).toEqual([6, 4]);
    expect(t.result.findings.filter((f) => f.code === "score-mismatch").map((f) => f.indicator)).toEqual([0]);
  });
});

describe("rule texts and targets left over from the fifth batch", () => {
  test("每少10公斤扣1分: a deduction for each whole step of so many units short; a part of a step is not guessed", () => {
    const rule = "亩均增产≥50公斤得满分，每少10公斤扣1分，扣完为止。";
    expect(readRuleText(rule)!.rule).toEqual({ type: "perUnit", full: 50, deduct: 1, unit: "公斤", per: 10 });
    const at = (actual: string) => one({ name: "粮食增产", weight: 6, target: "≥50公斤", actual, rule_text: rule }).indicators[0]!;
    expect(at("40公斤").score).toBe(5);
    expect(at("55公斤").score).toBe(6);
    expect(at("45公斤").status).toBe("unreadable");
  });
  test("a frequency (按季度, 每月) is at least that many times a year", () => {
    const at = (target: string, actual: string) => one({ name: "检测频次", weight: 3, target, actual }).indicators[0]!;
    expect(at("按季度", "按季度开展检测，全年检测4次").score).toBe(3);
    expect(at("按季度", "全年检测3次").score).toBeCloseTo(2.25, 9);
    expect(at("按月", "每月调度").met).toBe(true);
  });
});

describe("the review of the sentence readings (8 serious problems, each fixed)", () => {
  const read = (target: string, actual: string, name = "x", extra: Partial<TableInput["indicators"][number]> = {}) => one({ name, weight: 10, target, actual, ...extra }).indicators[0]!;
  test("a 其中 part is never the whole; 应届, 应急 and 年度任务 are not plans", () => {
    expect(read("≥600人", "培训应届毕业生628人，其中女性312人").score).toBe(10);
    expect(read("≥4次", "组织应急演练4次，其中消防演练2次").score).toBe(10);
    expect(read("≥95%", "检测水样216份，其中出厂水合格72份", "水质合格率").status).toBe("unreadable");
  });
  test("none asked for and none said to have happened: other counts are not read as events; 3个月 is no count", () => {
    for (const a of ["开展安全检查12次，全年未发生安全事故", "组织安全培训3次，未发生安全事故", "项目建设期3个月，未发生安全事故"]) expect(read("0次", a).score).not.toBe(0);
  });
  test("a rate from two counts only where the row's name asks for that rate", () => {
    expect(read("≥90%", "回收有效问卷192份，共发放200份", "满意度").status).toBe("unreadable");
    expect(read("≥90%", "参训120人，考核通过110人", "就业率").status).toBe("unreadable");
    expect(read("≥95%", "抽查单项工程40个，验收合格38个", "工程验收合格率").met).toBe(true);
  });
  test("the one date of a sentence only where it is the date of the work done", () => {
    for (const a of ["2023年3月开工建设，目前正在进行主体施工", "资金已于2023年6月拨付到位，项目正在建设中", "截至2023年12月31日，完成工程量的85%", "2023年12月完成主体工程，附属工程尚在施工", "2023年12月完成80%，剩余部分2024年完成"]) {
      expect(read("2023年12月底前", a).met).not.toBe(true);
    }
  });
  test("put off only where the text says put off to (延期至); never 未延期, 无逾期, 推迟开工 or 较原计划推迟10天", () => {
    for (const a of ["按期完成，未延期，2023年11月完成验收", "2023年11月完成，无逾期", "推迟开工，于2023年12月25日完工"]) expect(read("12月底前", a).met).not.toBe(false);
    expect(read("12月底前", "延期至2024年3月完成").met).toBe(false);
  });
  test("当年完成: only a date of the work done; 未发生安全事故 does not make it late", () => {
    expect(read("当年完成", "2023年11月全部完工，未发生安全事故").met).toBe(true);
    expect(read("当年完成", "2023年3月开工，尚在建设").met).not.toBe(true);
  });
  test("a rule counting what the words do not give: the reported score is taken only where it agrees with the words", () => {
    const rule = "①明确管护主体；②落实管护经费；③建立管护制度。每缺一项扣1分，扣完为止。";
    const at = (actual: string, reported: number) => one({ name: "管护机制", weight: 3, target: "健全", actual, reported_score: reported, rule_text: rule }).findings.map((f) => f.code);
    expect(at("已明确管护主体、建立管护制度，管护经费尚未落实", 2)).toContain("judged-score");
    expect(at("已明确管护主体、建立管护制度，管护经费尚未落实", 3)).toContain("score-mismatch");
    expect(at("健全", 2)).toContain("score-mismatch");
  });
  test("numbering （一）产出指标 / 1.数量指标 / （1）name reads the levels by their words", () => {
    const t = tablesOf(grid([
      ["绩效指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["（一）产出指标", null, null, 50, 50], ["1.数量指标", null, null, null, null], ["（1）培训人数", "≥300人", "300人", 50, 50],
      ["（二）效益指标", null, null, 50, 50], ["1.社会效益指标", null, null, null, null], ["（1）带动户数", "≥10户", "10户", 50, 50],
    ]))[0]!;
    expect(t.detected.table.indicators.map((r) => [r.level1, r.level2])).toEqual([["产出指标", "数量指标"], ["效益指标", "社会效益指标"]]);
    expect(t.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("sentences the review found read before and unread after the first sentence reader", () => {
  test("a clause of work still going on is passed over; a scale before the unit is read with it", () => {
    const at = (target: string, actual: string) => one({ name: "x", weight: 10, target, actual }).indicators[0]!;
    expect(at("≥300户", "已完成改造280户，20户正在施工").score).toBeCloseTo(9.333, 3);
    expect(at("≥3万人", "覆盖8个乡镇，受益群众3.2万人").met).toBe(true);
    expect(at("≥95万元", "累计支出98万元，支出率98%").met).toBe(true);
    // (A time in 个 is passed over only where the target is no time: 平均4.5个工作日 answers ≤10个工作日.)
    expect(at("≤10个工作日", "平均4.5个工作日完成修复").met).toBe(true);
  });
});

describe("a rule's threshold in words that is the row's target (平均提升0.5个等级及以上得满分，未达到按比例得分)", () => {
  test("is taken out and the rest read; another threshold leaves the rule unread", () => {
    const rule = "项目区耕地质量平均提升0.5个等级及以上得满分，未达到按比例得分。";
    expect(one({ name: "耕地质量等级提升", weight: 5, target: "≥0.5个等级", actual: "平均提升0.4个等级", rule_text: rule }).indicators[0]!.score).toBeCloseTo(4, 9);
    expect(one({ name: "耕地质量等级提升", weight: 5, target: "≥0.6个等级", actual: "0.5个等级", rule_text: rule }).indicators[0]!.status).toBe("needs-rule");
  });
});
