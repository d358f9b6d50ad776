import { compare, DEFAULT_RULES, evaluateTable, levelKey, parseActualAgainst, parseMeasure, readRuleText, round, runPipeline, weightInName, type Grid, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the fifth round of real tables (and the corpus's last misses): direction-only targets,
 * points after a level's name, weights assumed from met rows' common score, 评价标准 that state no rule, 少一个扣1分,
 * unfilled tables with no weights, target tables, the transfer-payment 资金管理情况 block. Each test builds the
 * shape in a small grid or table and checks the capability, never a fixture's own cells.
 */
const tableOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES })[0]!;
const against = (t: string, a: string) => {
  const target = parseMeasure(t);
  return compare(target, parseActualAgainst(target, a));
};

describe("a target that names only a direction (增加, 超上年度) against an actual that states a change", () => {
  test.each([
    ["增加", "增372人次"],
    ["超上年度", "增收27万元"],
    ["较上年提高", "提高3%"],
    ["有下降", "水电支出减少0.1万元"],
  ])("%s / %s is met, all or nothing, and says why", (t, a) => {
    const c = against(t, a);
    expect(c).toMatchObject({ ok: true, met: true, ratio: 1, allOrNothing: true });
    expect(c.ok && c.notes.join("")).toContain("只写方向、未写数值");
  });
  test("a change the other way is not met", () => {
    expect(against("增加", "下降1%")).toMatchObject({ ok: true, met: false, ratio: 0 });
  });
  test("a bare figure states no change: still unreadable, never guessed", () => {
    expect(against("增加", "372人次")).toMatchObject({ ok: false, status: "unreadable" });
  });
});

describe("points after a level's name, without brackets", () => {
  test("数量指标15分 and 产出指标 40分 give their points; other names give none", () => {
    expect(weightInName("数量指标15分")).toBe(15);
    expect(weightInName("产出指标 40分")).toBe(40);
    expect(weightInName("得分90分")).toBeNull();
    expect(levelKey("数量指标15分")).toBe("数量指标");
  });
  test("a label that is only its points keeps them as its key: (50分) and (30分) are two levels", () => {
    expect(levelKey("(50分)")).not.toBe(levelKey("(30分)"));
  });
  test("the finer level gives a lone row its points before the coarser one", () => {
    const t: TableInput = {
      id: "t",
      indicators: [
        { name: "道路里程", level1: "产出指标40分", level2: "数量指标15分", target: "300公里", actual: "300公里", weight: null, reported_score: 15 },
        { name: "满意度", level1: "满意度指标10分", level2: "服务对象满意度", target: "≥90%", actual: "95%", weight: null, reported_score: 10 },
      ],
    };
    const r = evaluateTable(t);
    expect(r.indicators.map((i) => i.weight)).toEqual([15, 10]);
    expect(r.findings.filter((f) => f.code === "weight-from-level")).toHaveLength(2);
  });
});

describe("a table with no weights: met rows reporting one common score", () => {
  const rows = (scores: (number | null)[]) =>
    scores.map((s, i) => ({ name: `指标${i + 1}号`, target: i === 3 ? "≥5亿元" : "100%", actual: i === 3 ? "4亿元" : "100%", weight: null, reported_score: s }));
  test("every met row reports 10: each weighs 10, said as assumed; the unmet row stays without a weight", () => {
    const r = evaluateTable({ id: "t", budget: { full_year: 100, executed: 100, weight: 20, reported_score: 20 }, indicators: rows([10, 10, 10, 8]) });
    expect(r.indicators.map((i) => i.weight)).toEqual([10, 10, 10, null]);
    expect(r.indicators.slice(0, 3).map((i) => i.score)).toEqual([10, 10, 10]);
    const said = r.findings.filter((f) => f.code === "weight-from-met-score");
    expect(said).toHaveLength(3);
    expect(said[0]!.severity).toBe("info");
    expect(said[0]!.message).toContain("无法核对");
    expect(r.findings.find((f) => f.code === "weights-missing")?.severity).toBe("info");
  });
  test("met rows with different scores (one may hide a deduction): no weight is assumed", () => {
    const r = evaluateTable({ id: "t", indicators: rows([10, 9, 10, 8]) });
    expect(r.indicators.every((i) => i.weight === null)).toBe(true);
    expect(r.findings.some((f) => f.code === "weight-from-met-score")).toBe(false);
  });
  test("a table with some weights keeps a blank weight as the unit's slip", () => {
    const r = evaluateTable({ id: "t", indicators: rows([10, 10, 10, 8]).map((x, i) => (i === 0 ? { ...x, weight: 10 } : x)) });
    expect(r.findings.some((f) => f.code === "weight-from-met-score")).toBe(false);
  });
});

describe("评价标准 texts", () => {
  test("one that only asks for evidence and says how weights were split is no rule: the preset applies, said", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "里程", target: "300公里", actual: "270公里", weight: 15, reported_score: 13.5, rule_text: "1、提供三级指标完成程度的佐证资料;\n2、三级指标分值按三级指标个数平均确定(15分÷三级指标个数),四舍五入保留整数。" }] });
    expect(r.indicators[0]).toMatchObject({ status: "ok", rule_source: "preset" });
    expect(round(r.indicators[0]!.score!, 2)).toBe(13.5);
    expect(r.indicators[0]!.explanation).toContain("未说明如何得分或扣分");
  });
  test("a criterion with no formula still needs a rule (or the evaluator's judgement), never the preset", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "制度", target: "健全", actual: "健全", weight: 5, reported_score: null, rule_text: "制度健全、执行有效" }] });
    expect(r.indicators[0]!.status).toBe("needs-rule");
  });
  test("达9个得6分，少检查一个扣1分，扣完为止 is read and applied per unit short", () => {
    const read = readRuleText("本指标满分6分,开展抽查数量达9个得6分,少检查一个扣1分,扣完为止。");
    expect(read?.rule).toEqual({ type: "perUnit", full: 9, deduct: 1, unit: "个" });
    const score = (actual: string) => evaluateTable({ id: "t", indicators: [{ name: "抽查个数", target: "9个", actual, weight: 6, reported_score: null, rule_text: "达9个得6分,少检查一个扣1分,扣完为止" }] }).indicators[0]!;
    expect(score("9个").score).toBe(6);
    expect(score("7个").score).toBe(4);
    expect(score("7个").explanation).toContain("少 2个");
    expect(score("1个").score).toBe(0);
    expect(readRuleText("每少一场扣0.5分")?.rule).toEqual({ type: "perUnit", full: null, deduct: 0.5, unit: "场" });
  });
});

describe("tables with nothing filled in, and tables of targets", () => {
  const head = ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"];
  test("no weights, no actuals, no scores: each row is pending (not a weight slip), and R14 says the table is unfilled", () => {
    const t = tableOf(grid([head, ["产出指标", "数量指标", "圈舍面积(平方米)", 5000, null, null], ["产出指标", "质量指标", "合格率(%)", 95, null, null], ["总分", null, null, null, null, null]]));
    expect(t.result.indicators.map((i) => i.status)).toEqual(["pending", "pending"]);
    expect(t.result.findings.filter((f) => f.severity !== "info" && f.code !== "self-eval-unfilled")).toEqual([]);
    expect(t.result.findings.find((f) => f.code === "self-eval-unfilled")?.message).toContain("全部 2 个指标都没有填写");
  });
  test("a table of targets (no 实际完成值, no 得分 column) is not an unfilled self-evaluation", () => {
    const t = tableOf(grid([["评价指标", "指标名称", "目标值", "分值"], ["产出", "覆盖率", "100%", 50], ["效益", "满意度", "≥90%", 50]]));
    expect(t.detected.table).toMatchObject({ targets_only: true });
    expect(t.result.findings.some((f) => f.code === "self-eval-unfilled")).toBe(false);
  });
});

describe("the 资金管理情况 block of a transfer-payment form", () => {
  test("its items are scored rows (the evaluator's judgement); 总体目标完成情况 below ends the block; the budget block stops above it", () => {
    const g = grid([
      ["资金投入情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "预算执行率", "得分", null],
      [null, "年度资金总额:", 4, 4, 10, "100%", 10, null],
      [null, "其中:中央财政资金", 4, 4, "——", null, null, null],
      ["资金管理情况", null, "情况说明", null, "分值", "得分", "存在问题和改进措施", null],
      ["分配科学性", null, "资金全部拨付至影院", null, 6, 6, null, null],
      ["下达及时性", null, "资金已拨付", null, 6, 5, "拨付晚一个月", null],
      ["总体目标完成情况", "年初设定目标", null, null, "全年实际完成情况", null, null, null],
    ]);
    const t = tableOf(g);
    expect(t.result.indicators.map((i) => [i.name, i.score])).toEqual([["分配科学性", 6], ["下达及时性", 5]]);
    expect(t.detected.table.budget?.parts?.map((p) => p.label)).toEqual(["中央财政资金"]);
    expect(t.result.findings.filter((f) => f.code === "judged-score")).toHaveLength(2);
  });
});

describe("sixth round: forms in blocks and pieces", () => {
  const head = ["年度绩效目标(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分"];
  test("the same header again under the rows is the form's next block of goals: one table, one total", () => {
    const g = grid([
      head,
      [null, "产出指标", "质量指标", "数据合格率", "100%", "100%", 20, 20],
      [null, "产出指标", "时效指标", "按时上报率", "100%", "100%", 20, 20],
      ["年度绩效目标2(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分"],
      [null, "效益指标", "社会效益指标", "资料整编", "100%", "100%", 40, 40],
      ["总分", null, null, null, null, null, 80, 80],
    ]);
    const tables = runPipeline(g, { rulebook: DEFAULT_RULES });
    expect(tables).toHaveLength(1);
    expect(tables[0]!.result.indicators.map((i) => i.name)).toEqual(["数据合格率", "按时上报率", "资料整编"]);
    expect(tables[0]!.result.reported_total).toBe(80);
    expect(tables[0]!.detected.rows.filter((r) => r.kind === "header").map((r) => r.row)).toEqual([3]);
  });
  test("a table that starts at its rows (the page before holds its head): weights short of 100 are a note", () => {
    const g = grid([
      [null, null, null, "讲座知晓率", "=", 100, "%", 100, 5, 5, null],
      [null, null, "可持续影响指标", "管理机制健全性", "定性", "好", null, "好", 5, 5, null],
      [null, "满意度指标", "服务对象满意度指标", "参与人员满意度", "≥", 95, "%", 96, 5, 5, null],
      ["合计", null, null, null, null, null, null, null, 100, 100, null],
    ]);
    const t = tableOf(g);
    expect(t.result.indicators).toHaveLength(3);
    expect(t.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(t.result.findings.find((f) => f.code === "weights-total")?.message).toContain("跨页表格的后半部分");
  });
  test("评价标准 listing items with their points in brackets is a checklist: the evaluator's score is the judgement", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "目标内容", weight: 4, reported_score: 3, target: null, actual: null, rule_text: "设有目标(1分)\n目标明确(1分)\n目标细化(1分)\n目标量化(1分)" }] });
    expect(r.indicators[0]).toMatchObject({ status: "ok", score: 3, rule_source: "judgement" });
    expect(r.findings.some((f) => f.code === "needs-rule")).toBe(false);
  });
  test("a habit said once names every row it concerns (rows), the first as its indicator", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "开放天数", target: "≥360天", actual: "≥360天", weight: 50, reported_score: 50 },
      { name: "服务天数", target: "≥360天", actual: "≥360天", weight: 50, reported_score: 50 },
    ] });
    const f = r.findings.find((x) => x.code === "actual-is-range");
    expect(f).toMatchObject({ indicator: 0, rows: [0, 1] });
  });
  test("a cost target in words (控制在预算中) against 100% is read as met", () => {
    expect(against("本着节约的原则,控制在预算中。", "100%")).toMatchObject({ ok: true, met: true, ratio: 1 });
  });
  test("a cut table (no total row) whose last row lost its weight: a note, not a slip", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "宣传场次", "≥1场", "1场", 12, 12],
      ["产出指标", "数量指标", "试剂数量", "≥2400份", "3200份", 12, 12],
      ["产出指标", "质量指标", "经费支出合规性", "严格执行财经制度", "严格执行财经", null, null],
    ]);
    const t = tableOf(g);
    expect(t.result.findings.find((f) => f.code === "weights-missing")?.severity).toBe("info");
  });
});
