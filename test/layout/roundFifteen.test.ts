import { DEFAULT_RULES, evaluateTable, readRuleText, runPipeline, type Grid, type TableInput } from "../../src/engine";
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
