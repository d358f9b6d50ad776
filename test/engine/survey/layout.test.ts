import { detectSurveys, feedPlan, surveyPlan, surveyResult } from "../../../src/engine";
import type { Grid } from "../../../src/engine";
import { round } from "../../../src/engine";
import * as F from "../../../src/functions/functions";

import { seed004, wjxGrid } from "../../fixtures/surveys/wjxGrid";

const AWARE = ["熟悉", "一般了解"]; // seed 004 counts 一般了解 as aware

describe("survey tables in a sheet", () => {
  test("问卷星 layout: three questions, their options, counts, shares and 本题有效填写人次", () => {
    const blocks = detectSurveys(wjxGrid());
    expect(blocks).toHaveLength(3);
    expect(blocks.map((b) => b.question.options.map((o) => o.count))).toEqual([[19, 61, 22], [9, 70, 23], [5, 68, 26]]);
    expect(blocks.map((b) => b.question.subtotal)).toEqual([102, 102, 102]);
    expect(blocks[0]!.question.question).toContain("您是否了解医疗救助政策内容");
    expect(blocks[0]!).toMatchObject({ countsRange: "A5:B7", subtotalCell: "B8", layout: "options-in-rows" });
  });

  test("seed 004: 知晓率 (19 + 61) / 102 = 78.43%; table 2's shares and table 3's count of 99 flagged", () => {
    const [t1, t2, t3] = detectSurveys(wjxGrid()).map((b) => surveyResult(b, AWARE, seed004.valid));
    expect(round(t1!.rate! * 100, 2)).toBe(78.43);
    expect(t1!.explanation).toBe("正面选项占比 = (熟悉 19 + 一般了解 61) / 102 = 78.43%");
    expect(t2!.findings.filter((f) => f.code === "survey-share-mismatch").map((f) => [f.reported, f.recomputed])).toEqual([["8.63%", "8.82%"], ["68.82%", "68.63%"]]);
    expect(t3!.findings.find((f) => f.code === "survey-count-sum")).toMatchObject({ reported: 99, recomputed: 102 });
  });

  test("questions in rows (非常满意 | 满意 | 一般 | 不满意 | 非常不满意 | 合计), as satisfaction summaries are kept", () => {
    const cells = [
      ["调查内容", "非常满意", "满意", "一般", "不满意", "非常不满意", "合计"],
      ["报销流程便捷性", 159, 89, 6, 2, 0, 256],
      ["经办服务态度", 150, 90, 10, 4, 2, 250],
    ].map((r) => r.map((v) => ({ v })));
    const blocks = detectSurveys({ sheet: "满意度", origin: { row: 2, col: 1 }, cells, merges: [] });
    expect(blocks.map((b) => b.question.question)).toEqual(["报销流程便捷性", "经办服务态度"]);
    const [a, b] = blocks.map((x) => surveyResult(x));
    expect(round(a!.rate! * 100, 2)).toBe(96.88);
    expect(b!.findings.find((f) => f.code === "survey-count-sum")).toMatchObject({ reported: 256, recomputed: 250 });
    expect(blocks[0]!).toMatchObject({ countsRange: "C4:G4", subtotalCell: "H4" });
    // The formula the plan writes computes the same rate.
    const plan = surveyPlan({ sheet: "满意度", origin: { row: 2, col: 1 }, cells, merges: [] }, [a!], ["非常满意", "满意"], "formulas");
    expect(plan.writes[0]).toMatchObject({ address: "I4", formula: 'EVAL.SURVEYRATE(C4:G4,"1,2",H4)', value: 0.96875 });
    expect(F.surveyrate([[159, 89, 6, 2, 0]], [["1,2"]], 256)).toBe(0.96875);
  });

  test("the plan writes the rate beside each table, amber where shares do not match, never over a user's cell", () => {
    const grid = wjxGrid();
    const results = detectSurveys(grid).map((b) => surveyResult(b, AWARE, seed004.valid));
    const plan = surveyPlan(grid, results, AWARE, "formulas");
    const rate = plan.writes.find((w) => w.address === "D5")!;
    expect(rate).toMatchObject({ formula: 'EVAL.SURVEYRATE(A5:B7,"熟悉,一般了解",B8)', value: 0.784314, numFmt: "0.00%" });
    expect(rate.note).toContain("(熟悉 19 + 一般了解 61) / 102 = 78.43%");
    const t2 = plan.writes.filter((w) => w.fill === "FFFFE699" && w.note?.startsWith("写作"));
    // Table 2's two slips, and table 3's shares, which do not follow from its counts over 102 either.
    expect(t2.map((w) => w.note)).toEqual([
      "写作 8.63%，按 9 / 102 计算为 8.82%",
      "写作 68.82%，按 70 / 102 计算为 68.63%",
      "写作 8.04%，按 5 / 102 计算为 4.90%",
      "写作 66.27%，按 68 / 102 计算为 66.67%",
      "写作 25.69%，按 26 / 102 计算为 25.49%",
    ]);
    expect(plan.writes.every((w) => w.before.v === null)).toBe(true);
  });

  test("feeding a rate into a reported 实际完成值 writes it beside the table unless the user confirmed the replacement", () => {
    const grid: Grid = { sheet: "自评表", origin: { row: 0, col: 0 }, cells: [[{ v: "知晓率" }, { v: "≥80%" }, { v: "75%" }]], merges: [] };
    const beside = feedPlan(grid, 0, 2, 0.784314, "(熟悉 19 + 一般了解 61) / 102 = 78.43%");
    expect(beside.writes).toHaveLength(1);
    expect(beside.writes[0]).toMatchObject({ address: "H1", value: 0.784314, numFmt: "0.00%" });
    const p = feedPlan(grid, 0, 2, 0.784314, "(熟悉 19 + 一般了解 61) / 102 = 78.43%", { replace: true });
    expect(p.writes[0]).toMatchObject({ address: "C1", value: "78.43%", confirmed: true, before: { v: "75%" } });
    expect(p.writes[0]!.note).toContain("原值：75%");
  });
});
