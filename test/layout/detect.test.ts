import { detectTables } from "../../src/engine";
import { evaluateTable } from "../../src/engine";
import { round } from "../../src/engine";
import { grid } from "./grids";

const HEAD = ["一级指标", "二级指标", "三级指标", "权重", "目标值", "实际完成值", "得分"];
const ROWS: (string | number | null)[][] = [
  ["产出指标", "数量指标", "参保人数", 20, "≥16000人", "14368人", 17.96],
  [null, null, "发放次数", 10, "=12次", "12次", 10],
  [null, "质量指标", "准确率", 20, "=100%", "100%", 20],
  ["效益指标", "社会效益", "知晓率", 30, "≥90%", "=95%", 30],
  ["满意度指标", "满意度", "满意度", 20, "≥95%", "94%", 19.79],
];

describe("layout detection on awkward grids", () => {
  test("a plain table: every row mapped, levels filled down from merges", () => {
    const g = grid([HEAD, ...ROWS, ["总分", null, null, 100, null, null, 97.75]], [
      { r1: 1, c1: 0, r2: 3, c2: 0 },
      { r1: 1, c1: 1, r2: 2, c2: 1 },
    ]);
    const [t] = detectTables(g);
    expect(t!.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, weight: 3, target: 4, actual: 5, score: 6 });
    expect(t!.indicatorRows).toEqual([1, 2, 3, 4, 5]);
    expect(t!.table.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", "数量指标"], ["产出指标", "数量指标"], ["产出指标", "质量指标"], ["效益指标", "社会效益"], ["满意度指标", "满意度"],
    ]);
    expect(t!.total).toEqual({ row: 6, col: 6 });
    expect(t!.table.reported_total).toBe(97.75);
    const r = evaluateTable(t!.table);
    expect(round(r.indicators[0]!.score!, 2)).toBe(17.96);
    expect(round(r.total!, 2)).toBe(97.75);
  });

  test("headers over two rows (一级指标 over 名称/权重)", () => {
    const g = grid([
      ["一级指标", null, "三级指标", null, "目标值", "实际完成值", "得分"],
      ["名称", "权重", "名称", "权重", null, null, null],
      ["A 决策", 6, "A11 立项依据充分性", 3, "充分", "充分", 3],
      [null, null, "A12 立项程序规范性", 3, "规范", "规范", 3],
    ], [{ r1: 0, c1: 0, r2: 0, c2: 1 }, { r1: 0, c1: 2, r2: 0, c2: 3 }, { r1: 0, c1: 4, r2: 1, c2: 4 }, { r1: 0, c1: 5, r2: 1, c2: 5 }, { r1: 0, c1: 6, r2: 1, c2: 6 }, { r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 1, r2: 3, c2: 1 }]);
    const [t] = detectTables(g);
    expect(t!.headerRows).toEqual([0, 1]);
    expect(t!.columns).toMatchObject({ level1: 0, level1Weight: 1, level3: 2, weight: 3, target: 4, actual: 5, score: 6 });
    expect(t!.table.indicators[0]).toMatchObject({ code: "A11", level3: "立项依据充分性", weight: 3, level1_weight: 6 });
    expect(t!.table.indicators[1]).toMatchObject({ code: "A12", level1: "A 决策", level1_weight: 6 });
  });

  test("a table that starts at row 7 beside notes", () => {
    const g = grid([
      ["某某局 2024 年项目支出绩效自评表"],
      [],
      ["说明：本表由财务科填写。", null, null, null, null, null, null, null, "批注：请核对"],
      [],
      ["项目名称", "医疗救助工作经费"],
      [],
      HEAD,
      ...ROWS,
      ["备注：数据截至 2024 年 12 月 31 日"],
    ]);
    const [t] = detectTables(g);
    expect(t!.headerRows).toEqual([6, 6]);
    expect(t!.title).toBe("医疗救助工作经费");
    expect(t!.indicatorRows).toEqual([7, 8, 9, 10, 11]);
  });

  test("two tables on one sheet", () => {
    const g = grid([HEAD, ...ROWS, [], [], ["项目名称", "第二个项目"], HEAD, ...ROWS.slice(0, 2)]);
    const tables = detectTables(g);
    expect(tables).toHaveLength(2);
    expect(tables[0]!.indicatorRows).toHaveLength(5);
    expect(tables[1]!.indicatorRows).toEqual([10, 11]);
    expect(tables[1]!.title).toBe("第二个项目");
  });

  test("a column order different from the seeds', with synonyms", () => {
    const g = grid([
      ["指标名称", "全年完成值", "年度指标值", "指标分值", "自评得分", "一级指标", "未完成原因分析"],
      ["参保人数", "14368人", "16000人", 20, 17.96, "产出指标", "人口外流"],
    ]);
    const [t] = detectTables(g);
    expect(t!.columns).toMatchObject({ level3: 0, actual: 1, target: 2, weight: 3, score: 4, level1: 5, deviation: 6 });
    expect(t!.table.indicators[0]).toMatchObject({ target: "16000人", actual: "14368人", weight: 20, deviation_note: "人口外流" });
  });

  test("指标性质 and 度量单位 columns join the operator and unit to the figures", () => {
    const g = grid([
      ["三级指标", "指标性质", "目标值", "度量单位", "实际完成值", "权重"],
      ["参保人数", "正向", 16000, "人", 14368, 20],
      ["上访率", "反向", "1%", "%", "0.5%", 10],
    ]);
    const [t] = detectTables(g);
    expect(t!.table.indicators.map((i) => [i.target, i.actual])).toEqual([["≥16000人", "14368人"], ["≤1%", "0.5%"]]);
  });

  test("what cannot be mapped is reported with its cell address; the user can correct a mapping", () => {
    const g = grid([
      ["三级指标", "权重", "目标", "实际完成值", "得分", "神秘列"],
      ["参保人数", 20, "16000人", "14368人", 17.96, "x"],
    ]);
    const [t] = detectTables(g);
    expect(t!.columns.target).toBeUndefined();
    expect(t!.issues.map((i) => i.address)).toEqual(["C1", "F1"]);
    expect(t!.issues[0]!.message).toContain("未识别的表头“目标”");
    const [fixed] = detectTables(g, { columns: { [t!.id]: { target: 2 } } });
    expect(fixed!.table.indicators[0]!.target).toBe("16000人");
  });

  test("percent and date formats become text the engine reads", () => {
    const g = grid([["三级指标", "权重", "目标值", "实际完成值"], ["满意度", 10, null, null], ["完成时间", 10, "2024年12月10日前", null]]);
    g.cells[1]![2] = { v: 0.95, fmt: "0%" };
    g.cells[1]![3] = { v: 0.94, fmt: "0.00%" };
    g.cells[2]![3] = { v: 45632, fmt: "yyyy-mm-dd" };
    const [t] = detectTables(g);
    // (Round eleven: a value is padded to the decimals its format shows, 0.94 under 0.00% is 94.00% as the sheet shows it.)
    expect(t!.table.indicators.map((i) => [i.target, i.actual])).toEqual([["95%", "94.00%"], ["2024年12月10日前", "2024年12月6日"]]);
  });

  test("a sheet without a table gives none", () => {
    expect(detectTables(grid([["会议纪要"], ["时间", "地点"]]))).toEqual([]);
  });
});
