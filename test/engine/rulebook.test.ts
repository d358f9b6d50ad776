import { readFileSync } from "fs";
import { join } from "path";
import { applyRulebook, DEFAULT_RULES, evaluateTable, mergeRules, runPipeline, type ReviewRule, type TableInput } from "../../src/engine";
import { readAnyWorkbook } from "../../src/workbook/read";
import { fixtureWorkbook, loadFixtures } from "../../src/bench/corpus";

/**
 * The 复核口径 rulebook on real tables: each rule where it fires and where it must not. Tables come from the seeds
 * (test/fixtures/seeds) and the corpus (test/fixtures/real); where no real table breaks a rule, a real row is
 * changed in the one way the rule is about, and the unchanged row is the case where it must not fire.
 */
const seed = (name: string): TableInput => JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "seeds", `${name}.json`), "utf8"));
const fixtures = new Map(loadFixtures(join(__dirname, "..", "fixtures", "real")).map((f) => [f.id, f]));
async function corpus(id: string) {
  const r = await readAnyWorkbook(await fixtureWorkbook(fixtures.get(id)!), `${id}.xlsx`);
  if (!r.ok) throw new Error(r.message);
  return runPipeline(r.grids);
}
const rulesOf = (t: { findings: { rule?: string }[] }) => t.findings.map((f) => f.rule).filter(Boolean);
const only = (id: string): ReviewRule[] => DEFAULT_RULES.map((r) => ({ ...r, enabled: r.id === id }));
const review = (t: TableInput, id: string, hasSurvey = false) => applyRulebook(t, evaluateTable(t, { preset: "xinjiang" }), only(id), { hasSurvey });
const p10 = seed("s003-p10");
const withRow = (t: TableInput, i: number, change: Partial<TableInput["indicators"][number]>): TableInput => ({ ...t, indicators: t.indicators.map((r, k) => (k === i ? { ...r, ...change } : r)) });

describe("rules that fire on real tables as published", () => {
  test("R01 自评流于形式: 普陀 every indicator full marks at 86.18% execution", async () => {
    const [t] = await corpus("sh-putuo-tiyu-2022-jiesuan");
    expect(t!.result.findings.find((f) => f.rule === "R01")!.message).toContain("86.18%");
  });
  test("R08 产出达标而资金几乎未执行: 隆阳 outputs met at 10.77% execution", async () => {
    const [t] = await corpus("yn-baoshan-longyang-trfz-2022-huafei");
    expect(t!.result.findings.find((f) => f.rule === "R08")!.message).toContain("10.77%");
  });
  test("R02 效益指标未量化: 永德 减轻贫困学生家庭经济负担 “有效”", async () => {
    const [t] = await corpus("yn-lincang-yongde-mlzx-2022-yingyang");
    expect(t!.result.findings.filter((f) => f.rule === "R02").map((f) => f.message)).toEqual([expect.stringContaining("“有效”")]);
  });
  test("R07 满意度缺少调查依据: 永德 学生/家长满意度 100% with no questionnaire in the workbook, none once one is there", async () => {
    const [t] = await corpus("yn-lincang-yongde-mlzx-2022-yingyang");
    expect(t!.result.findings.filter((f) => f.rule === "R07")).toHaveLength(2);
    const withSurvey = review(seed("s003-p10"), "R07", true);
    expect(withSurvey).toEqual([]);
  });
  test("R03 指标值缺少运算符或单位: seed 001 预计参保人数 “16000”; not for “≥180人”", () => {
    const t = seed("s001-t1");
    expect(review(t, "R03").map((f) => f.message).join()).toContain("“16000”");
    expect(review(p10, "R03")).toEqual([]);
  });
});

describe("rules shown on a real row changed in the one way the rule is about (and silent on the row as published)", () => {
  test("R04 成本指标方向不当", () => {
    expect(review(p10, "R04")).toEqual([]);
    expect(review(withRow(p10, 4, { target: ">=1.5万元" }), "R04")[0]!.message).toContain("（下限）");
  });
  test("R05 数量指标为资金金额", () => {
    expect(review(p10, "R05")).toEqual([]);
    expect(review(withRow(p10, 0, { target: ">=180万元" }), "R05")[0]!.message).toContain("资金金额");
  });
  test("R06 同一指标重复计入", () => {
    expect(review(p10, "R06")).toEqual([]);
    expect(review(withRow(p10, 6, { level3: "长期护理保险鉴定次数" }), "R06")[0]!.message).toContain("重复");
  });
  test("R09 目标设定过低 (threshold 3×; 294 人 against 180 人 is 1.63×)", () => {
    expect(review(p10, "R09")).toEqual([]);
    expect(review(withRow(p10, 0, { target: ">=60人" }), "R09")[0]!.message).toContain("4.90 倍");
  });
  test("R10 偏差原因为空或套话: a missed target whose reason is “无”", () => {
    const missed = withRow(p10, 1, { actual: "=9次" });
    expect(review(missed, "R10")).toEqual([]); // blank: the review's own deviation-missing says so
    expect(review(withRow(missed, 1, { deviation_note: "无" }), "R10")[0]!.message).toContain("“无”");
    expect(review(withRow(missed, 1, { deviation_note: "受疫情影响，鉴定推迟至次年" }), "R10")).toEqual([]);
  });
  test("R11 扣分说明与得分不符 (seed 003 row 1 reports 3.67 of 10: 扣6.33分 agrees, 扣5分 does not)", () => {
    expect(review(withRow(p10, 0, { deviation_note: "超过预期，扣6.33分" }), "R11")).toEqual([]);
    expect(review(withRow(p10, 0, { deviation_note: "超过预期，扣5分" }), "R11")[0]!.message).toContain("扣5分");
  });
  test("R12 定性指标扣分无理由", () => {
    const q: TableInput = { indicators: [{ level1: "效益指标", level3: "群众获得感", weight: 10, target: "显著提升", actual: "部分达成", reported_score: 8 }] };
    expect(review(q, "R12")[0]!.message).toContain("没有写理由");
    expect(review(withRow(q, 0, { deviation_note: "宣传覆盖不足" }), "R12")).toEqual([]);
  });
  test("R13 数量指标方向不当: work to be done written as a ceiling; counts where fewer is better left alone", () => {
    const q: TableInput = { indicators: [{ level1: "产出指标", level2: "数量指标", level3: "开展示范村建设数量", weight: 10, target: "≤4个", actual: "4个", reported_score: 10 }] };
    expect(review(q, "R13")[0]!.message).toContain("“≤4个”（上限）");
    expect(review(withRow(q, 0, { target: "≥4个" }), "R13")).toEqual([]);
    expect(review(withRow(q, 0, { level3: "安全事故发生次数", target: "≤1次", actual: "0次" }), "R13")).toEqual([]);
    expect(review(withRow(q, 0, { level2: "成本指标" }), "R13")).toEqual([]);
  });
  test("R14 自评未填写: every weighted row blank (actual and score), said once for the table naming its rows; one filled row is enough", () => {
    const q: TableInput = { indicators: [{ level3: "覆盖率", weight: 60, target: "=100%", actual: null }, { level3: "保障率", weight: 30, target: "=100%", actual: "" }] };
    const f = review(q, "R14");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: null, rows: [0, 1] });
    expect(f[0]!.message).toContain("全部 2 个");
    expect(review(withRow(q, 1, { actual: "100%" }), "R14")).toEqual([]);
    expect(review(withRow(q, 1, { reported_score: 30 }), "R14")).toEqual([]);
  });
  test("R15 是否类指标写了数值 (a copied weight said so); 是/否 and other names left alone", () => {
    const q: TableInput = { indicators: [{ level3: "是否完成申报的数量", weight: 12.5, target: 12.5, actual: 12.5, reported_score: 12.5 }] };
    expect(review(q, "R15")[0]!.message).toContain("与本行分值 12.5 相同");
    expect(review(withRow(q, 0, { target: "是", actual: "是" }), "R15")).toEqual([]);
    expect(review(withRow(q, 0, { level3: "完成数量", target: 12, actual: 12 }), "R15")).toEqual([]);
  });
  test("R16 指标值与名称不符: a name asking for none with a target that allows some", () => {
    const q: TableInput = { indicators: [{ level1: "效益指标", level3: "年内无群体性事件发生", weight: 10, target: "小于5次", actual: "无上访", reported_score: 10 }] };
    expect(review(q, "R16")[0]!.message).toContain("允许发生");
    expect(review(withRow(q, 0, { target: "=0次" }), "R16")).toEqual([]);
    expect(review(withRow(q, 0, { level3: "群体性事件次数" }), "R16")).toEqual([]);
  });
});

describe("switching rules and thresholds", () => {
  test("a rule switched off raises nothing; a threshold changed changes the finding", async () => {
    const [t] = await corpus("sh-putuo-tiyu-2022-jiesuan");
    const off = mergeRules([{ id: "R01", enabled: false }]);
    expect(off.errors).toEqual([]);
    const r = await readAnyWorkbook(await fixtureWorkbook(fixtures.get("sh-putuo-tiyu-2022-jiesuan")!), "x.xlsx");
    const grids = r.ok ? r.grids : [];
    expect(rulesOf(runPipeline(grids, { rulebook: off.rules })[0]!.result)).not.toContain("R01");
    const lower = mergeRules([{ id: "R01", thresholds: { executionBelow: 0.8 } }]);
    expect(rulesOf(runPipeline(grids, { rulebook: lower.rules })[0]!.result)).not.toContain("R01"); // 86.18% ≥ 80%
    expect(rulesOf(t!.result)).toContain("R01");
    const severe = mergeRules([{ id: "R01", severity: "重大" }]);
    expect(runPipeline(grids, { rulebook: severe.rules })[0]!.result.findings.find((f) => f.rule === "R01")!.severity).toBe("error");
  });
  test("a bad rules file says what is wrong, in Chinese", () => {
    expect(mergeRules([{ id: "R99" }, { id: "R01", thresholds: { nope: 1 } }, { id: "R02", enabled: "yes" }]).errors).toEqual([
      expect.stringContaining("未知的规则编号“R99”"),
      expect.stringContaining("没有阈值“nope”"),
      expect.stringContaining("enabled 应为"),
    ]);
    expect(mergeRules("x").errors[0]).toContain("规则数组");
  });
  test("a 申报 table (targets only) runs only the rules that need no actuals", () => {
    const t = withRow(p10, 4, { target: ">=1.5万元", actual: null, reported_score: null });
    const r = evaluateTable(t, { preset: "xinjiang" });
    const stages = applyRulebook(t, r, DEFAULT_RULES, { hasSurvey: false }, "申报").map((f) => f.rule);
    expect(stages).toContain("R04");
    expect(stages.every((id) => DEFAULT_RULES.find((x) => x.id === id)!.stage === "申报及自评")).toBe(true);
  });
});
