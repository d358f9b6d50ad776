import { DEFAULT_RULES, evaluateTable, FINDING_CATALOGUE, mergeRules, runPipeline, suggestedFix, type Grid, type Merge } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the eleventh round: a name that is only a period or a figure (R21), progress given for the
 * actual (R22), a 执行准确性 statement the execution rate contradicts (R23), targets missed in a table with no column for
 * the reasons, and an actual that says plainly the work was not done. Each test builds the shape in a small grid.
 */
const tablesOf = (g: Grid, rulebook = DEFAULT_RULES) => runPipeline(g, { rulebook });
const m = (r1: number, c1: number, r2: number, c2: number): Merge => ({ r1, c1, r2, c2 });
const byRule = (g: Grid, id: string) => tablesOf(g)[0]!.result.findings.filter((f) => f.rule === id);

/** A 绩效目标完成情况表 with no weight column: one row per [level2, name, target, actual]. */
const plain = (rows: [string, string, string, string][], reasons = false) => grid([
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", ...(reasons ? ["偏差原因分析"] : [])],
  ...rows.map(([l2, name, t, a]) => [/满意/.test(l2) ? "满意度指标" : /效益/.test(l2) ? "效益指标" : "产出指标", l2, name, t, a, ...(reasons ? [null] : [])]),
]);

describe("R21: a name that is only a period", () => {
  test("全年, 年度, 上半年, 一季度 are told, each at its row", () => {
    for (const name of ["全年", "年度", "上半年", "一季度", "全年。"]) {
      const f = byRule(plain([["时效指标", name, "1-12月", "按期完成"], ["数量指标", "培训人数", "≥100人", "120人"]]), "R21");
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ code: "name-not-indicator", severity: "warning", indicator: 0 });
      expect(f[0]!.message).toContain(`“${name}”`);
    }
  });
  test("a figure or date as the name is name-is-value's, not R21's (one such row stays a note there)", () => {
    const t = tablesOf(plain([["时效指标", "1年", "1年", "1年"], ["数量指标", "培训人数", "≥100人", "120人"]]))[0]!;
    expect(t.result.findings.filter((f) => f.rule === "R21")).toEqual([]);
    expect(t.result.findings.find((f) => f.code === "name-is-value")).toMatchObject({ severity: "info" });
  });
  test("names that say what they measure stay quiet (全年影院观影人数, 年度工作计划完整性, 全年免费开放)", () => {
    for (const name of ["全年影院观影人数", "年度工作计划完整性", "项目完成及时率", "2020年度培训人数", "全年免费开放"]) {
      expect(byRule(plain([["时效指标", name, "100%", "100%"]]), "R21")).toEqual([]);
    }
  });
});

describe("R22: progress given for the actual", () => {
  const g = plain([
    ["数量指标", "宣传次数", "≥2次", "已完成100%"],
    ["质量指标", "创建质量", "按质按量完成", "已完成100%"],
    ["成本指标", "项目成本", "≤10万元", "已完成100%"],
    ["满意度指标", "群众满意度", "≥90%", "已完成100%"],
    ["数量指标", "任务完成率", "100%", "完成100%"],
  ]);
  test("one warning for the table naming the count, the amount and the satisfaction rows, not the worded or completion ones", () => {
    const f = byRule(g, "R22");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "actual-is-progress", severity: "warning", indicator: 0, rows: [0, 2, 3] });
    expect(f[0]!.message).toContain("第 1 项“宣传次数”");
    expect(f[0]!.message).toContain("第 4 项“群众满意度”");
    expect(f[0]!.message).not.toContain("创建质量");
    expect(f[0]!.message).not.toContain("任务完成率");
  });
  test("the rows it names raise no unit-mismatch of their own (one habit, one finding)", () => {
    const codes = tablesOf(g)[0]!.result.findings.map((f) => f.code);
    expect(codes).not.toContain("unit-mismatch");
  });
  test("with R22 switched off, nothing else is lost: the rows stay not comparable, never a 0", () => {
    const { rules } = mergeRules([{ id: "R22", enabled: false }]);
    const t = tablesOf(g, rules)[0]!;
    expect(t.result.findings.some((f) => f.code === "actual-is-progress")).toBe(false);
    expect(t.result.indicators[0]!.status).toBe("unreadable");
    expect(t.result.indicators[0]!.score).toBeNull();
  });
  test("a single progress row is told on its own row, without `rows`", () => {
    const f = byRule(plain([["成本指标", "项目成本", "≤10万元", "完成进度100%"]]), "R22");
    expect(f).toHaveLength(1);
    expect(f[0]!.rows).toBeUndefined();
  });
});

describe("targets missed in a table with no column for the reasons", () => {
  test("one warning naming every missed row, with its target and actual", () => {
    const f = tablesOf(plain([
      ["数量指标", "培训人数", "12500名", "12166名"],
      ["质量指标", "考核通过率", "100%", "98.79%"],
      ["质量指标", "验收达标率", "100%", "100%"],
      // (The form's last level: a table that stops before it with no total looks cut short, and is told as a note: see
      // test/layout/roundThirteen.test.ts.)
      ["服务对象满意度指标", "学员满意度", "≥90%", "95%"],
    ]))[0]!.result.findings.filter((x) => x.code === "deviation-missing");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: 0, rows: [0, 1] });
    expect(f[0]!.message).toMatch(/^2 项未达到目标：第 1 项“培训人数”（目标 12500名，实际 12166名）、第 2 项“考核通过率”/);
    expect(f[0]!.message).toContain("表中没有偏差原因栏");
  });
  test("a table with the column keeps its per-row warnings; every target met says nothing", () => {
    const withColumn = tablesOf(plain([["数量指标", "培训人数", "12500名", "12166名"], ["质量指标", "考核通过率", "100%", "98%"]], true))[0]!.result.findings.filter((x) => x.code === "deviation-missing");
    expect(withColumn.map((x) => x.indicator)).toEqual([0, 1]);
    expect(withColumn.every((x) => x.rows === undefined)).toBe(true);
    const met = tablesOf(plain([["数量指标", "培训人数", "12500名", "12600名"]]))[0]!.result.findings.filter((x) => x.code === "deviation-missing");
    expect(met).toEqual([]);
  });
});

describe("an actual that says plainly the work was not done", () => {
  test("1-2期未能及时培训 against 1-6期培训结束后及时考核 is unmet, though its figures cannot be placed", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "考核任务完成及时", target: "1-6期培训结束后及时考核", actual: "1-2期未能及时培训", weight: 100, reported_score: 0 }] });
    expect(r.indicators[0]!.met).toBe(false);
    expect(r.indicators[0]!.explanation).toContain("写明未完成");
    // Scored as the same words without the figures would be (the preset's band for 未达成), and not told "no figure".
    const bare = evaluateTable({ id: "t", indicators: [{ name: "考核任务完成及时", target: "及时考核", actual: "未能及时培训", weight: 100, reported_score: 0 }] });
    expect(r.indicators[0]!.score).toBe(bare.indicators[0]!.score);
    expect(r.findings.map((f) => f.code)).not.toContain("actual-no-figure");
  });
  test("a denied negation is done (不存在未能按时发放的情况, 未出现不合格情况)", () => {
    for (const actual of ["不存在未能按时发放的情况", "未出现不按时发放的情况"]) {
      const r = evaluateTable({ id: "t", indicators: [{ name: "补助按时发放", target: "按时发放", actual, weight: 100, reported_score: 100 }] });
      expect(r.indicators[0]!.met).toBe(true);
      expect(r.findings.map((f) => f.code)).toEqual([]);
    }
  });
  test("没有完成 and 未能完成 stay unmet", () => {
    for (const actual of ["没有完成", "未能完成"]) {
      expect(evaluateTable({ id: "t", indicators: [{ name: "任务完成", target: "按期完成", actual }] }).indicators[0]!.met).toBe(false);
    }
  });
});

/** A 转移支付区域绩效自评表 top: the funds block, then the 资金管理情况 block with `claim` for 执行准确性. */
function transfer(executed: number, claim: string): Grid {
  const g = grid([
    ["中央转移支付区域（项目）绩效自评表", null, null, null, null],
    ["资金投入情况(万元)", "项目", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"],
    [null, "年度资金总额:", 2000, executed, `${((executed / 2000) * 100).toFixed(2)}%`],
    ["资金管理情况", null, "情况说明", null, "存在问题和改进措施"],
    ["分配科学性", null, "资金分配科学合理", null, null],
    ["执行准确性", null, claim, null, null],
    ["绩效指标", "二级指标", "三级指标", "指标值", "全年实际完成值"],
    [null, "数量指标", "新建健身中心数量", "1个", "1个"],
  ]);
  g.merges = [m(0, 0, 0, 4), m(1, 0, 2, 0), m(3, 0, 3, 1), m(3, 2, 3, 3), m(4, 0, 4, 1), m(4, 2, 4, 3), m(5, 0, 5, 1), m(5, 2, 5, 3)];
  return g;
}

describe("R23: a 执行准确性 statement the execution rate contradicts", () => {
  test("不存在执行数偏离预算数较多的问题 at 57.90% is told at the statement's cell", () => {
    const f = byRule(transfer(1158, "不存在执行数偏离预算数较多的问题"), "R23");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "management-claim-vs-rate", severity: "warning", indicator: null });
    expect(f[0]!.message).toMatch(/^C6：资金管理情况“执行准确性”写“不存在执行数偏离预算数较多的问题”，但预算执行率仅 57\.90%/);
  });
  test("a statement that admits the gap, or a rate at the threshold or above, stays quiet", () => {
    expect(byRule(transfer(1158, "执行率较低，部分资金结转下年"), "R23")).toEqual([]);
    expect(byRule(transfer(1158, "存在执行数偏离预算数的问题"), "R23")).toEqual([]);
    expect(byRule(transfer(1900, "执行准确"), "R23")).toEqual([]);
  });
  test("the threshold is the reviewer's to set", () => {
    const { rules } = mergeRules([{ id: "R23", thresholds: { executionBelow: 0.96 } }]);
    expect(tablesOf(transfer(1900, "执行准确"), rules)[0]!.result.findings.filter((f) => f.rule === "R23")).toHaveLength(1);
  });
});

describe("the new codes are catalogued and have a suggested fix", () => {
  test.each(["name-not-indicator", "actual-is-progress", "management-claim-vs-rate"])("%s", (code) => {
    expect(FINDING_CATALOGUE[code as keyof typeof FINDING_CATALOGUE]).toBeDefined();
    expect(suggestedFix(code as keyof typeof FINDING_CATALOGUE)).not.toBe("");
  });
});

/** The 资金管理情况 block with [item, statement, problem] rows, under a funds block at `executed` of 2000. */
function managed(executed: number, items: [string, string | null, string | null][], budgetOnly = false): Grid {
  const g = grid([
    ["中央转移支付区域（项目）绩效自评表", null, null, null, null],
    ["资金投入情况(万元)", "项目", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"],
    [null, "年度资金总额:", 2000, executed, `${((executed / 2000) * 100).toFixed(2)}%`],
    ["资金管理情况", null, "情况说明", null, "存在问题和改进措施"],
    ...items.map(([item, said, problem]) => [item, null, said, null, problem]),
    ...(budgetOnly ? [] : [["绩效指标", "二级指标", "三级指标", "指标值", "全年实际完成值"], [null, "数量指标", "新建健身中心数量", "1个", "1个"]]),
  ]);
  g.merges = [m(0, 0, 0, 4), m(1, 0, 2, 0), m(3, 0, 3, 1), m(3, 2, 3, 3), ...items.flatMap((_, i) => [m(4 + i, 0, 4 + i, 1), m(4 + i, 2, 4 + i, 3)])];
  return g;
}

describe("R24 and R25: the 资金管理情况 block read item by item", () => {
  test("R24: a statement its own row's 存在问题 contradicts (及时分解下达 | 下达滞后) is told at the statement", () => {
    const f = byRule(managed(2000, [["分配科学性", "资金分配科学合理", "无"], ["下达及时性", "及时分解下达", "第三批资金2025年2月才下达，下达滞后"]]), "R24");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/^C6：资金管理情况“下达及时性”的情况说明写“及时分解下达”，同一行的存在问题却写“第三批资金2025年2月才下达，下达滞后”（E6）/);
  });
  test("R24 stays quiet on 无, on a problem denied, and on a statement that admits it", () => {
    expect(byRule(managed(2000, [["下达及时性", "及时分解下达", "无"], ["拨付合规性", "拨付合规", "不存在支付滞后的问题"], ["使用规范性", "部分资金下达滞后", "下达滞后"]]), "R24")).toEqual([]);
  });
  test("R25: each item whose 情况说明 is blank is told at its own cell", () => {
    const f = byRule(managed(2000, [["分配科学性", "资金分配科学合理", null], ["下达及时性", null, null], ["支出责任履行情况", null, null]]), "R25");
    expect(f.map((x) => x.message)).toEqual(["C6：资金管理情况“下达及时性”的情况说明未填写", "C7：资金管理情况“支出责任履行情况”的情况说明未填写"]);
  });
  test("the block is read under a funds block with no indicator table after it (the page cut there)", () => {
    const t = tablesOf(managed(1000, [["执行准确性", "执行准确", null]], true));
    expect(t).toHaveLength(1);
    expect(t[0]!.result.findings.filter((f) => f.rule === "R23")).toHaveLength(1);
  });
});

describe("forms as some pages carry them", () => {
  test("pinyin a page added after each character (預(yù)算數(shù)) does not hide a header, and the cells keep it as written", () => {
    const g = grid([
      ["資金投入情況(萬(wàn)元)", "項(xiàng)目", "全年預(yù)算數(shù)(A)", "全年執(zhí)行數(shù)(B)", "預(yù)算執(zhí)行率(B/A×100%)"],
      [null, "年度資金總額:", 148, 46, "31.00%"],
    ]);
    const t = tablesOf(g);
    expect(t).toHaveLength(1);
    expect(t[0]!.result.findings.find((f) => f.code === "rate-mismatch")?.message).toContain("31.08%");
    expect(g.cells[0]![2]!.v).toBe("全年預(yù)算數(shù)(A)");
  });
  test("a unit in brackets after a character is not pinyin (长度(km), 面积(m²))", async () => {
    const { toSimplified } = await import("../../src/engine/data/traditional");
    expect(toSimplified("长度(km)")).toBe("长度(km)");
    expect(toSimplified("面积(m²)")).toBe("面积(m²)");
    expect(toSimplified("執(zhí)行")).toBe("执行");
  });
  test("a row of column numbers (列次 | 0 | 1 …) under the funds header is not the amounts; 预算执行(E/C×100%) is the rate", () => {
    const g = grid([
      ["资金投入情况(万元)", "行次", "全年预算数(A)", "扣除统筹整合资金后预算金额(C)", "全年执行资金(E)", "预算执行(E/C×100%)"],
      ["列次", 0, 1, 2, 3, 4],
      ["年度资金总额(万元):", 1, 52.8, 52.8, 30.8, "58.33%"],
    ]);
    const t = tablesOf(g);
    expect(t).toHaveLength(1);
    expect(t[0]!.result.budget?.rate).toBeCloseTo(30.8 / 52.8, 6);
    expect(t[0]!.result.findings.some((f) => f.code === "rate-mismatch")).toBe(false);
  });
});

describe("R26: money left unspent with no reason anywhere", () => {
  test("told once, at the 执行准确性 row's 存在问题 cell, when nothing in the table says why", () => {
    const f = byRule(managed(1000, [["分配科学性", "资金分配科学合理", null], ["执行准确性", "按上级下达金额执行", null]]), "R26");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/^E6：预算执行率仅 50\.00%（低于 90%），表中没有说明资金未执行的原因/);
  });
  test("a reason in the block's 存在问题 (not 无), or a spent budget, says nothing", () => {
    expect(byRule(managed(1000, [["执行准确性", "按上级下达金额执行", "部分资金结转下年使用"]]), "R26")).toEqual([]);
    expect(byRule(managed(1900, [["执行准确性", "执行准确", null]]), "R26")).toEqual([]);
    expect(byRule(managed(1000, [["执行准确性", "按上级下达金额执行", "无"]]), "R26")).toHaveLength(1);
  });
});

describe("a rate typed into a percent-formatted cell", () => {
  test("0.31 under 0.00% is written 31.00% (checked to the hundredth); a computed 0.3108108 keeps its digits", async () => {
    const { cellForEngine } = await import("../../src/engine/layout/cellText");
    expect(cellForEngine({ v: 0.31, fmt: "0.00%" })).toBe("31.00%");
    expect(cellForEngine({ v: 0.3108108, fmt: "0.00%" })).toBe("31.08108%");
    expect(cellForEngine({ v: 0.31, fmt: "0%" })).toBe("31%");
    expect(cellForEngine({ v: 1, fmt: "0.0%" })).toBe("100.0%");
  });
});

describe("lists of amounts written line by line", () => {
  /** 彭水's shape: a funds record under an indicator, label | amount, a whole by source, then each programme by source. */
  const lists = (city3: number) => grid([
    ["一级指标", "二级指标", "三级指标", "指标解释", "自评内容", "完成情况"],
    ["项目预算管理", "资金投入", "预算资金安排", "资金预算安排情况", "转移支付资金合计(万元)", null],
    [null, null, null, null, "年度预算资金总额):", 1084.25],
    [null, null, null, null, "其中:中央补助", 668],
    [null, null, null, null, "市级资金", 343],
    [null, null, null, null, "本级资金(包括结转结余)", 73.25],
    [null, null, null, null, "其中:", null],
    [null, null, null, null, "奖励扶助资金(万元)", null],
    [null, null, null, null, "年度预算资金总额:", 763],
    [null, null, null, null, "其中:中央补助", 502],
    [null, null, null, null, "市级资金", 208],
    [null, null, null, null, "本级资金(包括结转结余)", 53],
    [null, null, null, null, "特别扶助资金(万元)", null],
    [null, null, null, null, "年度预算资金总额:", 321.25],
    [null, null, null, null, "其中:中央补助", 166],
    [null, null, null, null, "市级资金", city3],
    [null, null, null, null, "本级资金(包括结转结余)", 20.25],
  ]);
  const found = (g: Grid) => tablesOf(g).flatMap((t) => t.result.findings.filter((f) => f.code === "list-sum-mismatch").map((f) => f.message));
  test("parts that exceed their whole, and a part that is not the sum of the same part below, are told at their cells", () => {
    expect(found(lists(136))).toEqual([
      "F14：“年度预算资金总额”321.25，其中中央补助 166 + 市级资金 136 + 本级资金(包括结转结余) 20.25 = 322.25，多出 1",
      "F5：“市级资金”343，而其下各项的市级资金 208 + 136 = 344，相差 1",
    ]);
  });
  test("lists that add up say nothing; two parts short of their whole may name only some", () => {
    expect(found(lists(135))).toEqual([]);
    const two = grid([["一级指标", "二级指标", "三级指标", "自评内容", "完成情况"], ["项目管理", "资金投入", "预算资金安排", "资金合计:", 100], [null, null, null, "其中:中央补助", 60], [null, null, null, "市级资金", 30]]);
    expect(tablesOf(two)).toHaveLength(1);
    expect(found(two)).toEqual([]);
  });
});

describe("R27: met by its figures, not done by its own reason", () => {
  const rows = (note: string) => grid([
    ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
    ["产出指标", "时效指标", "项目完成周期", "4个月", "4个月", note],
    ["产出指标", "数量指标", "布展面积", "300平方米", "300平方米", null],
  ]);
  test("待展陈方案通过审核后，将尽快实施 beside a met 4个月 is told at the row", () => {
    const f = byRule(rows("展陈方案需通过省委宣传部审核,待展陈方案通过省委宣传部审核后,将尽快实施。"), "R27");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "met-but-reason-not-done", severity: "warning", indicator: 0 });
  });
  test("an actual the reader cannot judge (一次性 against 一次性通过省文物局验收) beside 未完成展陈建设 is told too; an unmet row is not", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
      ["产出指标", "质量指标", "工程实施总体质量", "一次性通过省文物局验收", "一次性", "未完成展陈建设"],
      ["产出指标", "数量指标", "布展面积", "300㎡", 0, "未完成展陈建设"],
    ]);
    const f = byRule(g, "R27");
    expect(f.map((x) => x.indicator)).toEqual([0]);
    expect(f[0]!.message).toContain("未表明未完成");
  });
  test("a reason that says it was done, or denies a delay, says nothing", () => {
    for (const note of ["按期完成", "不存在未按期完成的情况", "——"]) expect(byRule(rows(note), "R27")).toEqual([]);
  });
});

describe("unit symbols", () => {
  test("300㎡ against 0, 5km against 4.5公里, ≥300m² against 310m2 are read in their units", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "布展面积", target: "300㎡", actual: 0 },
      { name: "道路里程", target: "5km", actual: "4.5公里" },
      { name: "绿化面积", target: "≥300m²", actual: "310m2" },
    ] });
    expect(r.indicators.map((i) => i.met)).toEqual([false, false, true]);
    expect(r.indicators[1]!.completion).toBeCloseTo(0.9, 9);
  });
});

describe("a template's date placeholder left unfilled", () => {
  test("(-年-月-日) in a row's record is told at its cell, on the row's indicator; a signature line's blank 年 月 日 is not", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "自评内容", "完成情况"],
      ["项目预算管理", "资金下达", "资金发放及时性", "中央、市提前批资金(-年-月-日)", "按时下达"],
      ["项目预算管理", "资金下达", "资金到位率", "资金到位情况", "100%"],
      ["填表人：", null, "填表日期：    年  月  日", null, null],
    ]);
    const f = tablesOf(g)[0]!.result.findings.filter((x) => x.code === "placeholder-unfilled");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: 0 });
    expect(f[0]!.message).toMatch(/^D2：“中央、市提前批资金\(-年-月-日\)”仍是模板的占位日期/);
  });
});

describe("the review of this round's changes: realistic tables that must stay quiet", () => {
  const met = (target: string, actual: string, rs = 5) => evaluateTable({ id: "t", indicators: [{ name: "补贴发放", target, actual, weight: 10, reported_score: rs }, { name: "其他", target: "1", actual: "1", weight: 90, reported_score: 90 }] });
  test("a denial keeps what follows it: 未出现拖欠但仍有部分补贴未按时发放 and 杜绝安全事故的目标未达到 are not met", () => {
    expect(met("按时发放", "未出现拖欠但仍有部分补贴未按时发放").indicators[0]!.met).toBe(false);
    expect(met("杜绝安全事故", "杜绝安全事故的目标未达到").indicators[0]!.met).toBe(false);
  });
  test("a negation negated, or another year's work made good, is never read as unmet (120人，无未完成; 上年未完成的2期已补训)", () => {
    for (const [t, a] of [["≥100人", "120人，无未完成"], ["100%", "100%，没有未按时发放"], ["12期", "完成12期，上年未完成的2期已补训"]]) {
      // (Reported full marks: where the clause in the target's unit is read (120人), the row is met and scores 10.)
      const r = met(t!, a!, 10);
      expect(r.indicators[0]!.met).not.toBe(false);
      expect(r.findings.some((f) => f.code === "score-mismatch")).toBe(false);
    }
  });
  test("R27 stays quiet on 全年尚未发生安全事故, 无未完成事项, 完成上年未完成的任务, 效益仍在持续发挥, 待明年资金到位后继续实施二期", () => {
    const g = (note: string) => grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
      ["产出指标", "时效指标", "项目完成周期", "4个月", "4个月", note],
    ]);
    for (const note of ["全年尚未发生安全事故", "无未完成事项", "完成上年未完成的任务", "效益仍在持续发挥", "已完成年度任务，待明年资金到位后继续实施二期", "下一步正在推进二期建设"]) {
      expect(byRule(g(note), "R27")).toEqual([]);
    }
  });
  test("R23 reads an admission as an admission (因项目无法按期开工导致资金执行偏低; 剩余资金将于明年支付)", () => {
    for (const said of ["因项目无法按期开工导致资金执行偏低", "部分项目没有按计划推进导致执行率偏低", "严格按照资金管理办法执行，剩余资金将于明年支付"]) {
      expect(byRule(transfer(1158, said), "R23")).toEqual([]);
    }
  });
  test("R24 does not take improvement measures for problems (避免下达滞后, 防止资金结余)", () => {
    expect(byRule(managed(2000, [["下达及时性", "资金及时分解下达", "进一步加快资金拨付进度，避免下达滞后"], ["使用规范性", "严格按预算执行", "加强预算管理，防止资金结余"]]), "R24")).toEqual([]);
  });
  test("R26: a statement that gives the reason is the reason; a table with no indicators (cut) or no place for reasons says nothing", () => {
    expect(byRule(managed(1000, [["执行准确性", "因招标采购时间较长，资金尚未支付完毕", null]]), "R26")).toEqual([]);
    expect(byRule(managed(1000, [["执行准确性", "按上级下达金额执行", null]], true), "R26")).toEqual([]);
    // When 执行准确性 claims accuracy, R23 tells it; R26 does not tell the same row twice.
    const both = tablesOf(managed(1000, [["执行准确性", "执行准确", null]]))[0]!.result.findings.map((f) => f.rule);
    expect(both).toContain("R23");
    expect(both).not.toContain("R26");
  });
  test("R22 leaves rates of progress alone (项目完工率, 资金使用率, 开工率; 项目完成率 | 100 | 已完成100%)", () => {
    expect(byRule(plain([["数量指标", "项目完工率", "≥95%", "已完成100%"], ["数量指标", "资金使用率", "≥90%", "已完成100%"], ["数量指标", "开工率", "100%", "进度100%"], ["数量指标", "项目完成率", "100", "已完成100%"]]), "R22")).toEqual([]);
  });
  test("a list of amounts ends at a line that is no source of funds, and at a second 其中", () => {
    const lines = (rows: [string, number | null][]) => grid([["一级指标", "二级指标", "三级指标", "自评内容", "完成情况"], ["项目管理", "资金投入", "预算资金安排", "资金安排情况", null], ...rows.map(([l, a]) => [null, null, null, l, a])]);
    const found = (g: Grid) => tablesOf(g).flatMap((t) => t.result.findings.filter((f) => f.code === "list-sum-mismatch"));
    expect(found(lines([["年度资金总额:", 100], ["其中:中央补助", 60], ["市级资金", 40], ["实际到位资金", 100], ["实际支出资金", 95]]))).toEqual([]);
    expect(found(lines([["年度资金总额:", 100], ["其中:财政资金", 80], ["其中:中央资金", 50], ["省级资金", 30], ["自筹资金", 20]]))).toEqual([]);
    expect(found(lines([["年度资金总额:", 100], ["其中:中央补助", 60], ["市级资金", 30]]))).toEqual([]);
    expect(found(lines([["年度资金总额:", 100], ["其中:中央补助", 60], ["市级资金", 50]]))).toHaveLength(1);
  });
  test("labels with | in them never break the list check", () => {
    const g = grid([["一级指标", "二级指标", "三级指标", "自评内容", "完成情况"], ["项目管理", "资金投入", "预算资金安排", "资金安排", null],
      ...([["资金总额:", 100], ["其中:中央|省级", 50], ["市级", 50], ["甲项资金总额:", 50], ["其中:中央", 25], ["省级|市级", 25], ["乙项资金总额:", 50], ["其中:中央|省级", 25], ["市级", 25]] as [string, number][]).map(([l, a]) => [null, null, null, l, a])]);
    expect(() => tablesOf(g)).not.toThrow();
    expect((tablesOf(g)[0]!.detected.table as { amount_lists?: unknown[] }).amount_lists).toHaveLength(3);
  });
  test("栏次： and 列次 anywhere in the row are column numbers; 未执行金额 is not the spending", () => {
    const g = grid([
      ["资金投入情况(万元)", "全年预算数(A)", "未执行金额", "全年执行数(B)", "执行率(B/A)"],
      ["栏次：", 1, 2, 3, 4],
      ["年度资金总额:", 100, 10, 90, "90%"],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.result.budget?.rate).toBeCloseTo(0.9, 9);
    expect(t.result.findings.some((f) => f.code === "rate-mismatch")).toBe(false);
  });
  test("the next block after 资金管理情况 is not an item (绩效目标完成情况, 年度绩效目标)", () => {
    const f = byRule(managed(2000, [["分配科学性", "资金分配科学合理", null], ["绩效目标完成情况", null, null]]), "R25");
    expect(f).toEqual([]);
  });
  test("more placeholders and periods: 2024年×月×日, ○年○月○日, ＸＸ年ＸＸ月ＸＸ日; 第一季度, 当年度, 全年度内", async () => {
    const { DATE_PLACEHOLDER } = await import("../../src/engine/layout/placeholder");
    for (const t of ["2024年×月×日", "○年○月○日", "**年**月**日", "ＸＸ年ＸＸ月ＸＸ日"]) expect(DATE_PLACEHOLDER.test(t.normalize("NFKC"))).toBe(true);
    expect(DATE_PLACEHOLDER.test("2024年12月31日")).toBe(false);
    for (const name of ["第一季度", "当年度", "全年度内"]) expect(byRule(plain([["时效指标", name, "1-12月", "按期完成"]]), "R21")).toHaveLength(1);
  });
});

describe("the review's scripts, run again after the fixes", () => {
  test("a mixed account or a count of none is never read as unmet (第3期未按时，已补考; 未及时整改问题0个)", () => {
    for (const actual of ["1-6期均已考核，其中第3期未按时，已补考", "已验收，未及时整改问题0个", "13项中12项已整改，1项未能按期完成"]) {
      const r = evaluateTable({ id: "t", indicators: [{ name: "考核及时", target: "1-6期及时考核", actual, weight: 100, reported_score: 100 }] });
      expect(r.indicators[0]!.met).not.toBe(false);
      expect(r.findings.some((f) => f.code === "score-mismatch")).toBe(false);
    }
  });
  test("R26: statements that give the reason in other words (存在差异，主要是项目未完工; 项目尚在建设中; 支出进度慢于预期)", () => {
    for (const said of ["执行数与预算数存在差异，主要是项目未完工", "按合同约定支付进度款，项目尚在建设中", "资金支出进度慢于预期"]) {
      expect(byRule(managed(1000, [["执行准确性", said, null]]), "R26")).toEqual([]);
    }
  });
  test("5kW against 5千瓦 and 10t against 10吨 are one unit", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "装机容量", target: "5kW", actual: "5千瓦" }, { name: "清运量", target: "10t", actual: "10吨" }] });
    expect(r.indicators.map((i) => i.met)).toEqual([true, true]);
  });
  test("amount lists given as data with labels or cells missing are passed over, not told as “undefined”", () => {
    const r = runPipeline(grid([["三级指标", "指标值", "实际完成值"], ["培训人数", "100人", "100人"]]))[0]!;
    const table = { ...r.detected.table, amount_lists: [{ total: 100, parts: [{ amount: 70 }, { amount: 70 }] }] } as unknown as Parameters<typeof evaluateTable>[0];
    expect(evaluateTable(table).findings.some((f) => f.code === "list-sum-mismatch")).toBe(false);
    const whole = { ...r.detected.table, amount_lists: [{ label: "总额", total: 100, cell: "F2", parts: [{ label: "甲", amount: 70, cell: "F3" }, { label: "乙", amount: 70, cell: "F4" }] }] } as unknown as Parameters<typeof evaluateTable>[0];
    expect(evaluateTable(whole).findings.filter((f) => f.code === "list-sum-mismatch").map((f) => f.message)).toEqual(["F2：“总额”100，其中甲 70 + 乙 70 = 140，多出 40"]);
  });
});

describe("traditional script read as simplified (the cells kept as written)", () => {
  test("萬, 個 in amounts and counts, 達到 as a grade, and a rule written 得分=完成率×權重", () => {
    const r = evaluateTable({ id: "t", indicators: [
      { name: "受益人數", target: "≥5萬人", actual: "6萬人", weight: 40, reported_score: 40 },
      { name: "覆蓋村數", target: "10個", actual: "8個", weight: 30, reported_score: 24, rule_text: "得分=完成率×權重" },
      { name: "工作質量", target: "達到要求", actual: "已達到", weight: 30, reported_score: 30 },
    ] });
    expect(r.indicators.map((i) => i.met)).toEqual([true, false, true]);
    expect(r.indicators[1]!.score).toBeCloseTo(24, 9);
    expect(r.indicators[0]!.target).toBe("≥5萬人");
    // Only the missed 覆盖村数 wants its reason.
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}:${f.indicator}`)).toEqual(["deviation-missing:1"]);
  });
});

describe("unit symbols looked up safely", () => {
  test("a unit text that names an object property (0__proto__, 5constructor) is unreadable, never a crash", async () => {
    const { parseMeasure } = await import("../../src/engine");
    for (const t of ["0__proto__", "5constructor", "1toString"]) expect(() => parseMeasure(t)).not.toThrow();
    expect(evaluateTable({ id: "t", indicators: [{ name: "x", target: "达到预期指标", actual: "0__proto__", weight: 10 }] }).indicators[0]!.status).toBe("unreadable");
  });
});
