import { detectTables, evaluateTable, matchHeader, runPipeline, round, classifyRow, type Grid } from "../../src/engine";
import { grid } from "./grids";

/**
 * Layouts and wordings of real 自评表 from many provinces (test/fixtures/real holds the published tables): each
 * test builds the shape in a small grid and checks the capability, never a fixture's own cells.
 */
const m = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });
const tableOf = (g: Grid) => runPipeline(g)[0]!;
const codes = (g: Grid, severity?: string) => tableOf(g).result.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);

describe("header roles by a scored match on normalised text", () => {
  test("suffixes, prefixes, units, traditional script and OCR'd shuffles name the same roles", () => {
    expect(matchHeader("全年实际值(B)")?.role).toBe("actual");
    expect(matchHeader("指标值(A)")?.role).toBe("target");
    expect(matchHeader("指标值(八)")?.role).toBe("target");
    expect(matchHeader("年初目标值（A）")?.role).toBe("target");
    expect(matchHeader("参考分值")?.role).toBe("weight");
    expect(matchHeader("考值参分")).toMatchObject({ role: "weight", score: 1 });
    expect(matchHeader("指标权重(分)")?.role).toBe("weight");
    expect(matchHeader("自评得分")?.role).toBe("score");
    expect(matchHeader("指标得分（分）")?.role).toBe("score");
    expect(matchHeader("复核分")?.role).toBe("recheck");
    expect(matchHeader("抽评得分")?.role).toBe("recheck");
    expect(matchHeader("實際完成值")?.role).toBe("actual");
    expect(matchHeader("計算符號")?.role).toBe("op");
    expect(matchHeader("計量單位")?.role).toBe("unit");
    expect(matchHeader("得分系数(%)")?.role).not.toBe("completion");
    expect(matchHeader("未完成原因及拟采取的改进措施")?.role).toBe("deviation");
  });

  test("绩效指标 merged down the left gives way to 三级指标; 分值 before 年度指标值; vertical text", () => {
    const g = grid([
      ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
      ["绩效指标", "产\n出\n指\n标", "数量指标", "发放人数", 10, "≥100人", "100人", 10],
      ["绩效指标", "产\n出\n指\n标", "数量指标", "发放次数", 10, "=12次", "12次", 10],
    ], [m(0, 0, 2, 0)]);
    const [t] = detectTables(g);
    expect(t!.columns).toMatchObject({ level1: 1, level2: 2, level3: 3, weight: 4, target: 5, actual: 6, score: 7 });
    expect(t!.table.indicators.map((i) => i.level3)).toEqual(["发放人数", "发放次数"]);
  });

  test("a header over two rows with a 指标性质 | 指标值 | 度量单位 split under 年度指标值, in traditional script", () => {
    const g = grid([
      ["績效指標", "績效指標", "績效指標", "年度指標值", "年度指標值", "年度指標值", "實際完成值", "分值", "得分"],
      ["一級指標", "二級指標", "三級指標", "指標性質", "指標值", "度量單位", "實際完成值", "分值", "得分"],
      ["產出指標", "數量指標", "補助經費", "﹦", 72890, "元", 72890, 10, 9],
      ["產出指標", "質量指標", "驗收合格率", "≧", 100, "%", 100, 20, 20],
      ["效益指標", "社會效益指標", "知晓率", "═", 100, "百分比", "98%", 10, 9],
    ]);
    const [t] = detectTables(g);
    expect(t!.headerRows).toEqual([0, 1]);
    expect(t!.table.indicators.map((i) => [i.target, i.actual])).toEqual([["=72890元", "72890元"], ["≥100%", 100], ["=100%", "98%"]]);
    const r = evaluateTable(t!.table);
    expect(r.indicators.map((i) => round(i.score!, 2))).toEqual([10, 20, 9.8]);
    expect(r.findings.filter((f) => f.code === "score-mismatch").map((f) => f.indicator)).toEqual([0, 2]);
  });
});

describe("headers over three rows", () => {
  test("绩效指标 over 年度指标值 over 指标性质 | 指标值 | 度量单位", () => {
    const g = grid([
      ["绩效指标", "绩效指标", "绩效指标", "绩效指标", "绩效指标", "绩效指标", "完成情况", "分值", "得分"],
      ["三级指标", "年度指标值", "年度指标值", "年度指标值", "实际完成值", "实际完成值", "完成情况", "分值", "得分"],
      ["三级指标", "指标性质", "指标值", "度量单位", "完成值", "度量单位", "完成情况", "分值", "得分"],
      ["发放人数", "≥", 100, "人", 100, "人", "已完成", 60, 60],
      ["满意度", "≥", 90, "%", "95%", "%", "已完成", 40, 40],
    ], [m(0, 0, 0, 5), m(1, 1, 1, 3), m(1, 4, 1, 5), m(0, 6, 2, 6), m(0, 7, 2, 7), m(0, 8, 2, 8), m(1, 0, 2, 0)]);
    const [t] = detectTables(g);
    expect(t!.headerRows).toEqual([0, 2]);
    expect(t!.columns).toMatchObject({ level3: 0, op: 1, target: 2, unit: 3, actual: 4, weight: 7, score: 8 });
    expect(t!.table.indicators.map((i) => [i.target, i.actual])).toEqual([["≥100人", "100人"], ["≥90%", "95%"]]);
  });

  test("a weight only in a level label (数量指标（15分）) is checked against its rows", () => {
    const g = grid([["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"], ["产出指标", "数量指标（15分）", "人数", 10, "≥10人", "10人", 10], ["产出指标", "数量指标（15分）", "次数", 10, "≥2次", "2次", 10]]);
    expect(tableOf(g).result.findings.find((f) => f.code === "weights-level")).toMatchObject({ reported: 15, recomputed: 20 });
  });
});

describe("the row classifier", () => {
  const head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const body: (string | number | null)[][] = [
    head,
    ["产出指标", "数量指标", "指标1:发放人数", "≥100人", "100人", 60, 60, null],
    ["产出指标", "数量指标", "指标2:", null, null, null, null, null],
    ["产出指标", "数量指标", "……", null, null, null, null, null],
    ["产出指标", "数量指标", "其中：城镇人数", "60人", "60人", null, null, null],
    ["产出指标", "生态效益指标", "指标1:/", "/", "/", null, null, null],
    ["产出指标", "时效指标", null, null, null, null, null, null],
    ["效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", 40, 40, null],
    ["其他需要说明事项", "其他需要说明事项", "无", "无", "无", "无", "无", "无"],
    ["总分", "总分", "总分", null, null, 100, 100, null],
    ["注：1.一级指标分值统一设置为：产出指标60分、效益指标40分。", null, null, null, null, null, null, null],
    ["填表人：张三", null, null, "联系电话：123", null, null, "2024年 月 日", null],
    ["2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表", "2023年度项目支出绩效自评表"],
    ["项目名称", "第二个项目", null, null, null, null, null, null],
    head,
    ["产出指标", "数量指标", "培训次数", "≥2次", "2次", 100, 100, null],
  ];

  test("placeholders, sub-items, level headings, notes, signatures and the next table's title are not indicators, each with its reason", () => {
    const tables = detectTables(grid(body));
    expect(tables).toHaveLength(2);
    const [t] = tables;
    expect(t!.indicatorRows).toEqual([1, 5, 7]);
    expect(t!.rows.map((r) => r.kind)).toEqual(["indicator", "placeholder", "placeholder", "sub-item", "not-applicable", "level", "indicator", "note", "total", "note", "signature"]);
    expect(t!.rows.every((r) => r.reason !== "")).toBe(true);
    expect(t!.end).toMatchObject({ row: 12 });
    expect(t!.table.indicators[1]!.applicable).toBe(false);
    expect(tables[1]!.indicatorRows).toEqual([15]);
    expect(tables[1]!.title).toBe("第二个项目");
  });

  test("no false alarm from those rows: the not-applicable row needs no weight, the total checks", () => {
    const r = tableOf(grid(body.slice(0, 12)));
    expect(r.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(round(r.result.total!, 2)).toBe(100);
  });

  test("a row with only a name is reported as such; the whole-table checks become notes", () => {
    const g = grid([head, ["产出指标", "数量指标", "发放人数", "≥100人", "100人", 60, 60, null], ["满意度指标", "满意度", "公众满", null, null, null, null, null]]);
    const t = tableOf(g);
    expect(t.detected.rows.map((r) => r.kind)).toEqual(["indicator", "name-only"]);
    expect(t.result.findings.find((f) => f.code === "layout" && f.message.includes("公众满"))).toBeTruthy();
    expect(t.result.findings.find((f) => f.code === "weights-total")).toMatchObject({ severity: "info" });
  });

  test("classifyRow on its own", () => {
    const cells = { texts: ["说明", "无"], name: "无", levels: ["", ""], target: "无", actual: "无", weight: "", score: "" };
    expect(classifyRow(3, cells)).toMatchObject({ row: 3, kind: "note" });
  });

  test("level points in the table's own note are checked against the levels", () => {
    const g = grid([head, ["产出指标(70分)", "数量指标", "发放人数", "≥100人", "100人", 70, 70, null], ["效益指标(30分)", "社会效益", "满意度", "≥90%", "95%", 30, 30, null], ["注：一级指标分值统一设置为：产出指标50分、效益指标30分", null, null, null, null, null, null, null]]);
    const f = tableOf(g).result.findings.filter((x) => x.code === "weights-level");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: 0, severity: "warning", reported: 70, recomputed: 50 });
  });
});

describe("tables without a header, totals and budgets in other places", () => {
  test("a sheet that starts mid-table: columns inferred from 符号 | 值 | 单位 and the weights, said as a layout note", () => {
    const g = grid([
      [null, "产出指标", "数量指标", "足额保障率", "=", 100, "%", null, 50, null, null],
      [null, "产出指标", "数量指标", "调整次数", "≤", 10, "次", null, 50, null, null],
      ["合计", null, null, null, null, null, null, null, 100, null, null],
      ["评价结论", "及时足额", null, null, null, null, null, null, null, null, null],
    ]);
    const t = tableOf(g);
    expect(t.detected.indicatorRows).toEqual([0, 1]);
    expect(t.detected.columns).toMatchObject({ level3: 3, op: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9 });
    expect(t.detected.table.indicators.map((i) => i.target)).toEqual(["=100%", "≤10次"]);
    expect(t.result.findings.find((f) => f.code === "layout" && f.message.includes("未找到表头"))).toBeTruthy();
  });

  test("a total in the title block (自评总分(分) | 97.6, 项目总得分 99分)", () => {
    const rows = [["三级指标", "分值", "年度指标值", "实际完成值", "得分"], ["发放人数", 100, "≥100人", "100人", 100]];
    expect(detectTables(grid([["自评总分(分)", 97.6, null, null, null], ...rows]))[0]!.table.reported_total).toBe(97.6);
    expect(detectTables(grid([["项目总得分", "99分", null, null, null], ...rows]))[0]!.table.reported_total).toBe(99);
  });

  test("budget: 年度资金总额 of zeros with the figures in 其中：财政拨款; a blank 得分; no 分值 or 得分 at all; only the rate", () => {
    const ind = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["产出指标", "数量", "人数", "≥10人", "10人", 90, 90]];
    const zero = grid([["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], [null, "年度资金总额:", 0, 0, 0, 10, 0, 0], [null, "其中:本年财政拨款", 202.64, 132.912, 132.912, null, null, null], ...ind]);
    const t = tableOf(zero);
    expect(t.result.budget).toMatchObject({ rate: 1, score: 10, reported_score: 0 });
    expect(t.result.findings.map((f) => f.code)).toContain("budget-score-mismatch");
    const blank = grid([["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"], [null, "总额", 238.93, 251.89, 251.89, 1, 10, null], ...ind]);
    expect(tableOf(blank).result.findings.find((f) => f.code === "budget-score-mismatch")).toMatchObject({ severity: "warning", recomputed: 10 });
    const none = grid([["项目资金(万元)", null, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"], [null, "年度资金总额", 194.9, 194.9, 1], ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值"], ["产出指标", "数量", "到位率", "100%", "100%"]]);
    const n = tableOf(none);
    expect(n.result.budget).toMatchObject({ weight: 0, score: 0, rate: 1 });
    expect(n.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const rateOnly = grid([[null, "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"], ["年度总金额", null, null, null, 0.7927, 10, 7.93], ...ind]);
    rateOnly.cells[1]![4] = { v: 0.7927, fmt: "0.00%" };
    expect(tableOf(rateOnly).result.budget).toMatchObject({ weight: 10, reported_score: 7.93 });
    expect(round(tableOf(rateOnly).result.budget!.score!, 2)).toBe(7.93);
  });

  test("lower-is-better by the name when the target has no operator (控制率, 受害率), said once", () => {
    const g = grid([["三级指标", "计量单位", "指标性质", "指标值", "指标权重(分)", "全年完成值", "指标得分(分)"], ["公用经费控制率", "%", "定量指标", "100%", 50, "97%", 50], ["森林火灾受害率", "%", null, 0.9, 50, 0, 50]]);
    const t = tableOf(g);
    expect(t.detected.table.indicators.map((i) => i.target)).toEqual(["≤100%", "≤0.9%"]);
    expect(t.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("a table with no weights at all is a completion-only table, not a slip", () => {
    const g = grid([["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值"], ["产出指标", "数量", "到位率", "100%", "100%"], ["产出指标", "数量", "变质比例", 0, 0]]);
    expect(codes(g, "warning")).toEqual([]);
    expect(codes(g)).toContain("weights-missing");
  });
});
