import { evaluateTable, parseActualAgainst, parseMeasure, round, runPipeline, type Grid } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the second round of real tables (河北, 安徽, 云南, 内蒙古, 北京 in test/fixtures/real): each
 * test builds the shape in a small grid or table and checks the capability, never a fixture's own cells.
 */
const m = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });
const tableOf = (g: Grid) => runPipeline(g)[0]!;
const budgetRows = (full: number, executed: number) => [
  ["项目资金(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
  [null, "年度资金总额:", full, executed, 10, null, 10],
];
const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];

describe("money indicators are read against the budget block", () => {
  test("a payment rate with blank cells takes the block's rate (info); a rate the block contradicts is scored by the block (warning)", () => {
    const g = grid([
      ...budgetRows(300, 259.45),
      header,
      ["产出指标", "时效指标", "年度资金支付完成率100%", null, null, 10, 10],
      ["产出指标", "时效指标", "11月30日前完成资金支付", "11月底完成100%", "100%", 8, 8],
      ["产出指标", "成本指标", "资金执行在预算范围内", null, null, 10, 10],
      ["产出指标", "数量指标", "发放人数", "≥100人", "100人", 62, 62],
    ]);
    const t = tableOf(g);
    const [pay, late, within] = t.result.indicators;
    expect(pay).toMatchObject({ from_budget: true, target: "≥100%", actual: "86.48%" });
    expect(round(pay!.score!, 2)).toBe(8.65);
    expect(round(late!.score!, 2)).toBe(6.92);
    expect(late!.explanation).toContain("预算执行率为 259.45 / 300 = 86.48%");
    expect(within).toMatchObject({ from_budget: true, score: 10, target: "≤300", actual: "259.45" });
    const codes = t.result.findings.map((f) => [f.indicator, f.code, f.severity]);
    expect(codes).toEqual(expect.arrayContaining([[0, "fund-from-budget", "info"], [1, "fund-rate-differs", "warning"], [2, "fund-from-budget", "info"], [0, "score-mismatch", "error"]]));
    // The figures are the block's, so the written score is a value, never a formula over the row's cells.
    const plan = runPipeline(g, { plan: { mode: "formulas" } })[0]!.plan!;
    const scoreCells = plan.writes.filter((w) => w.numFmt === "0.00" && w.row >= 3 && w.row <= 5);
    expect(scoreCells.length).toBe(3);
    expect(scoreCells.every((w) => w.formula === undefined)).toBe(true);
  });

  test("an evaluation's funds row (计划投资额 | 实际到位资金 | 实际使用情况) gives 到位率; 资金到位及时率 is not it", () => {
    const g = grid([
      ["计划投资额\n(万元)", 570, "实际到位资金\n(万元)", 398.88, "实际使用情况(万元)", 395.86, null],
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["项目管理", 25, "资金到位", 5, "到位率", 3, 3],
      [null, null, null, null, "资金到位及时率", 2, 2],
      [null, null, "资金管理", 20, "资金使用", 20, 20],
    ]);
    const t = tableOf(g);
    expect(t.detected.table).toMatchObject({ funds_block: { planned: 570, arrived: 398.88, used: 395.86 } });
    expect(t.result.indicators[0]).toMatchObject({ from_budget: true, actual: "69.98%", status: "mismatch" });
    expect(round(t.result.indicators[0]!.score!, 2)).toBe(2.1);
    expect(t.result.indicators[1]!.from_budget).toBeUndefined();
  });

  test("a payment rate that agrees with the block, a row with its own rule, and a table with no block are left as they are", () => {
    const agrees = tableOf(grid([...budgetRows(880, 880), header, ["产出指标", "时效指标", "预算执行率", "100%", "100%", 10, 10], ["产出指标", "数量指标", "人数", "≥1人", "1人", 80, 80]]));
    expect(agrees.result.indicators[0]!.from_budget).toBeUndefined();
    expect(agrees.result.findings.filter((f) => f.code.startsWith("fund-"))).toEqual([]);
    const noBlock = evaluateTable({ indicators: [{ level3: "资金支付完成率", target: "100%", actual: null, weight: 10 }] });
    expect(noBlock.indicators[0]).toMatchObject({ status: "pending" });
    const ownRule = evaluateTable({ budget: { full_year: 100, executed: 50, weight: 10 }, indicators: [{ level3: "预算执行率", target: null, actual: null, weight: 10, rule_text: "预算执行率≥95%得10分" }] });
    expect(ownRule.indicators[0]!.from_budget).toBeUndefined();
  });
});

describe("weights as shares and rows scored by their parts", () => {
  test("weights written as percentages (20%, or 0.2 in a % cell) are points of 100", () => {
    const g: Grid = {
      sheet: "S",
      origin: { row: 0, col: 0 },
      merges: [],
      cells: [
        ["三级指标", "权重", "年度指标值", "实际完成值", "得分"].map((v) => ({ v })),
        [{ v: "回收率" }, { v: 0.8, fmt: "0%" }, { v: "≥95%" }, { v: "96%" }, { v: 80 }],
        [{ v: "覆盖率" }, { v: "20%" }, { v: "≥90%" }, { v: "90%" }, { v: 20 }],
      ],
    };
    const t = tableOf(g);
    expect(t.result.indicators.map((i) => [i.weight, i.score, i.status])).toEqual([[80, 80, "ok"], [20, 20, "ok"]]);
  });

  test("a weighted row with no figures, followed by rows with figures and no weight: its parts, the worst part counts", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
      ["产出指标", "数量指标", "★补助种植面积", 10, null, null, 10],
      ["产出指标", "数量指标", "红薯种植面积", null, "5.5亩", "5.5亩", null],
      ["产出指标", "数量指标", "梨树种植面积", null, "6亩", "3亩", null],
      ["产出指标", "数量指标", "★养殖数量", 10, null, null, 10],
      ["产出指标", "数量指标", "猪养殖数量", null, "80头", "80头", null],
      ["产出指标", "质量指标", "工程质量合格", 80, null, null, 80],
      ["产出指标", "质量指标", "指标1:/", null, "/", "/", null],
    ]);
    const t = tableOf(g);
    expect(t.detected.indicatorRows).toEqual([1, 4, 6, 7]);
    expect(t.detected.rows.filter((r) => r.kind === "sub-item").map((r) => r.row)).toEqual([2, 3, 5]);
    expect(t.detected.table.indicators[0]).toMatchObject({ target: "5.5亩；6亩", actual: "5.5亩；3亩" });
    expect(t.result.indicators.slice(0, 2).map((i) => [i.score, i.status])).toEqual([[5, "mismatch"], [10, "ok"]]);
    // The form wants the scored row's own target and actual: told once, naming both ★ rows.
    expect(t.result.findings.find((f) => f.code === "target-in-parts")).toMatchObject({ severity: "warning", indicator: 0, rows: [0, 1] });
  });
});

describe("a scoring sheet whose header names only the indicator and its points", () => {
  test("blank header cells named by what they hold (评分标准 texts, 得分 numbers); checklist rules are the evaluator's judgement", () => {
    const g = grid([
      ["目标名称", null, "分值", null],
      ["充分性", "制定有项目实施方案,得3分,否则不得分。", 3, 3],
      ["信息传达", "15个工作日内通知各村的,得2分,有一项未达要求扣1分", 2, 1],
      ["发放情况", "全部发放得5分,未完成的按实际比例计分", 5, 5],
      ["宣传", "通过板报宣传,得2分", 2, 2],
    ]);
    const t = tableOf(g);
    expect(t.detected.columns).toMatchObject({ level3: 0, rule: 1, weight: 2, score: 3 });
    expect(t.result.findings.find((f) => f.code === "layout")!.message).toContain("按内容推定");
    expect(t.result.indicators.map((i) => [i.score, i.rule_source])).toEqual([[3, "judgement"], [1, "judgement"], [5, "judgement"], [2, "judgement"]]);
    // A proportional part (按实际比例计分) needs figures, but this sheet has no target or actual column at all (a score
    // table): only the evaluator could apply it, so the evaluator's score is taken, and said (info), never silent.
    expect(t.result.findings.filter((f) => f.code === "judged-score" && f.indicator === 2).map((f) => f.severity)).toEqual(["info"]);
    expect(t.result.findings.filter((f) => f.code === "needs-rule")).toEqual([]);
  });
});

describe("the budget block's 其中 rows", () => {
  test("each 其中 row's written rate is checked against its own amounts; a right one, or one without amounts, says nothing", () => {
    const g = grid([
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"],
      [null, "年度资金总额", 0, 2.38, 2.38, 10, 100, 10],
      [null, "其中:财政拨款", 0, 0.58, 0.58, "——", 100, "——"],
      [null, "其他资金", 0, 1.8, 1.8, "——", 0, "——"],
      [null, "上年结转", null, null, null, "——", null, "——"],
      ["年度总体目标", "保障运行", null, null, null, null, null, null],
      header,
      ["产出指标", "数量指标", "人数", "≥10人", "10人", 90, 90],
    ]);
    const t = tableOf(g);
    expect(t.detected.table.budget!.parts!.map((p) => p.label)).toEqual(["财政拨款", "其他资金", "上年结转"]);
    const rates = t.result.findings.filter((f) => f.code === "rate-mismatch");
    expect(rates.map((f) => f.message)).toEqual(["“其他资金”行的执行率写作 0，按 1.8 / 1.8 计算为 100.00%"]);
  });
});

describe("totals", () => {
  test("a total row whose label is unreadable (分总, merged over the name, target and actual) is the total, not an indicator", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "软件", "100%", "100%", 60, 60],
      ["效益指标", "社会效益", "资源", "扩大", "扩大", 40, 40],
      [null, "分总", "分总", "分总", "分总", 100, 100],
    ], [m(3, 1, 3, 4)]);
    const t = tableOf(g);
    expect(t.detected.indicatorRows).toEqual([1, 2]);
    expect(t.detected.rows.find((r) => r.row === 3)).toMatchObject({ kind: "total" });
    expect(t.result.reported_total).toBe(100);
    expect(t.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("a subtotal below 80 with no label is not taken for the total", () => {
    const g = grid([header, ["产出指标", "数量指标", "甲", "≥1个", "1个", 30, 30], ["产出指标", "数量指标", "乙", "≥1个", "1个", 20, 20], [null, null, null, null, null, 50, 50], ["效益指标", "社会效益", "丙", "≥1个", "1个", 50, 50], ["总分", null, null, null, null, 100, 100]]);
    const t = tableOf(g);
    expect(t.detected.rows.filter((r) => r.kind === "total").map((r) => r.row)).toEqual([5]);
  });

  test("remarks below the total (偏差原因分析 | 无) are notes; a reported total above what the visible scores allow is impossible", () => {
    const g = grid([
      ["自评得分", 98, null, null, null, null, null],
      header,
      ["产出指标", "数量指标", "甲", "≥1个", "1个", 40, 30],
      ["产出指标", "质量指标", "乙", "合格", "合格", 30, 24],
      ["效益指标", "社会效益", "丙", "提升", "提升", 20, 20],
      ["满意度指标", "满意度", "丁", null, null, null, null],
    ]);
    const t = tableOf(g);
    const f = t.result.findings.find((x) => x.code === "total-impossible");
    expect(f).toMatchObject({ severity: "error", reported: 98, recomputed: 84 });
    const remarks = grid([header, ["产出指标", "数量指标", "甲", "≥1个", "1个", 100, 100], ["总分", null, null, null, null, 100, 100], ["偏差原因分析", "无", "无", "无", "无", null, null]], [m(3, 1, 3, 6)]);
    const r = tableOf(remarks);
    expect(r.detected.indicatorRows).toEqual([1]);
    expect(r.detected.rows.find((x) => x.row === 3)).toMatchObject({ kind: "note" });
  });
});

describe("system-export columns and wordings", () => {
  test("自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分, with words under 指标分值: weight and score are the figures", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "预期指标值", "预期指标值", "单项指标实际完成值", "自评得分", "自评得分", "自评得分"],
      ["一级指标", "二级指标", "三级指标", "指标分值", "符号", null, "单位(文字描述)", "单项指标实际完成值", "单项指标得分", "权重占比(%)", "单项指标折算得分"],
      ["产出指标", "质量指标", "覆盖率", "享受人数占申报对象的比例", ">=", 98, "%(百分比)", "100%", 100, 60, 60],
      ["效益指标", "社会效益指标", "发放率", "补贴发放完成率", ">=", 75, "%(百分比)", "100%", 40, 40, 16],
    ], [m(0, 4, 0, 6), m(0, 8, 0, 10)]);
    const t = tableOf(g);
    expect(t.detected.columns).toMatchObject({ weight: 9, score: 10, op: 4, target: 5, unit: 6, actual: 7 });
    expect(t.detected.table.indicators.map((i) => i.target)).toEqual(["≥98%", "≥75%"]);
    expect(t.result.indicators.map((i) => [i.score, i.status])).toEqual([[60, "ok"], [40, "mismatch"]]);
  });

  test("a worded target (按时限完成) against a percentage (100%): read against 100%, with a warning; 无上访 against a count is none", () => {
    const r = evaluateTable({ indicators: [
      { level3: "春节前完成走访慰问", target: "按时限完成", actual: "100%", weight: 20 },
      { level3: "走访完成", target: "按时完成", actual: "80%", weight: 10 },
      { level3: "群体性事件", target: "小于5次", actual: "无上访", weight: 10 },
    ] });
    // The target is qualitative, so is the rule (定性三档): 100% done is 达成, 80% is 未达成 (that tier's 50%).
    expect(r.indicators.map((i) => i.score)).toEqual([20, 5, 10]);
    expect(r.findings.filter((f) => f.code === "grade-vs-rate").map((f) => f.indicator)).toEqual([0, 1]);
    expect(parseActualAgainst(parseMeasure("≤3起"), "未发生群体上访")).toMatchObject({ kind: "number", value: 0 });
    expect(parseActualAgainst(parseMeasure("≤3"), "无上访")).toMatchObject({ kind: "unreadable" }); // no unit: no count to be none of
  });

  test("a month deadline (9月前) against the month it was done (7月), neither with a year: compared within one year", () => {
    const r = evaluateTable({ indicators: [{ level3: "验收时间", target: "9月前", actual: "7月", weight: 5 }, { level3: "改造时间", target: "11月前完成", actual: "12月", weight: 5 }] });
    expect(r.indicators.map((i) => [i.met, i.status])).toEqual([[true, "ok"], [false, "ok"]]);
    expect(r.indicators[0]!.score).toBe(5);
  });

  test("no weights anywhere, every score = weight × completion: weights implied when they are whole and add up to 100 − the budget's points", () => {
    const g = grid([
      ["预算执行情况(万元)(20分)", null, null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
      ["年度财政资金总额", null, null, 650, 94, 0.1446, 2.89],
      ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      [null, "产出指标", "数量指标", "扶持主体(个)", 15, 6, 8],
      [null, "产出指标", "数量指标", "带动农户(人)", 11442, 4164, 7.3],
      [null, "效益指标", "经济效益指标", "实现产值(万元)", 8000, 12767.36, 47.9],
      [null, "满意度指标", "服务对象满意度指标", "满意度(%)", 90, 100, 11.1],
      ["总分", null, null, null, null, null, 61.09],
      ["偏差大或目标未完成原因分析", "一是台账不健全，二是带动能力有限", null, null, null, null, null],
    ], [m(2, 0, 6, 0), m(8, 1, 8, 6)]);
    const t = tableOf(g);
    expect(t.result.indicators.map((i) => i.weight)).toEqual([20, 20, 30, 10]);
    expect(t.result.findings.filter((f) => f.code === "weight-from-scores")).toHaveLength(4);
    // 7.3 against 7.28: the table writes one decimal, so it is not a mismatch; 47.9 above its weight 30 is.
    expect(t.result.indicators.map((i) => i.status)).toEqual(["ok", "ok", "mismatch", "mismatch"]);
    expect(t.result.findings.filter((f) => f.code === "score-above-weight").map((f) => f.indicator)).toEqual([2, 3]);
    // The reasons are given once below the table: no row is missing its reason.
    expect(t.result.findings.filter((f) => f.code === "deviation-missing")).toEqual([]);
    // Scores that do not follow weight × completion (or weights that do not add up) imply nothing.
    const off: Grid = { ...g, cells: g.cells.map((row, r) => row.map((c, k) => (r === 3 && k === 6 ? { v: 9 } : c))) };
    expect(tableOf(off).result.findings.filter((f) => f.code === "weight-from-scores")).toEqual([]);
  });

  test("weights stated only by level: a level's only row takes its points; rows whose scores add up to the level's points had full marks", () => {
    const r = evaluateTable({
      indicators: [
        { level1: "产出指标(60分)", level3: "甲", target: "100%", actual: "100%", reported_score: 30 },
        { level1: "产出指标(60分)", level3: "乙", target: "100%", actual: "90%", reported_score: 30 },
        { level1: "效益指标(20分)", level3: "丙", target: "≥5次", actual: "5次", reported_score: 20 },
        { level1: "满意度指标(20分)", level3: "丁", target: "≥90%", actual: "95%", reported_score: 15 },
        { level1: "满意度指标(20分)", level3: "戊", target: "≥90%", actual: "95%", reported_score: 4 },
      ],
    });
    expect(r.indicators.map((i) => i.weight)).toEqual([30, 30, 20, null, null]);
    expect(r.indicators[1]).toMatchObject({ status: "mismatch", score: 27 });
    expect(r.findings.filter((f) => f.code === "weight-from-level").map((f) => f.indicator)).toEqual([0, 1, 2]);
  });
});
