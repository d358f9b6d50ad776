import { readFileSync } from "fs";
import { join } from "path";
import { deviationRate, issueList, runPipeline, sideBySide, sideBySidePlan, type Grid } from "../../src/engine";
import { readAnyWorkbook } from "../../src/workbook/read";

/** The reviewer's side-by-side and the 问题清单 on the seed workbook of seed 003 (新疆 长期护理保险, 83.13). */
async function xinjiang() {
  const r = await readAnyWorkbook(readFileSync(join(__dirname, "..", "..", "assets", "samples", "xinjiang-003-self-eval.xlsx")), "x.xlsx");
  if (!r.ok) throw new Error(r.message);
  const t = runPipeline(r.grids, { preset: "xinjiang" }).find((x) => x.result.indicators.some((i) => i.reported_score === 18.98))!;
  return t;
}

test("偏离度 = (自评 − 复核) / 复核; none when the review gives 0", () => {
  expect(deviationRate(18.98, 18.95)).toBeCloseTo(0.03 / 18.95, 12);
  expect(deviationRate(10, 0)).toBeNull();
  expect(deviationRate(null, 5)).toBeNull();
});

test("seed 003: the row reported 18.98 against 18.95 by its rule, side by side, with the rule applied", async () => {
  const t = await xinjiang();
  const s = sideBySide(t.result);
  const row = s.rows.find((r) => r.selfScore === 18.98)!;
  expect(row).toMatchObject({ reviewScore: 18.95, reviewActual: "100%" });
  expect(row.deviation).toBeCloseTo(0.001583, 6);
  expect(row.note).toContain("规则：按照完成比例赋分");
  expect(row.note).toContain("得分与规则不符");
  expect(s.reviewTotal).toBe(t.result.total === null ? null : Math.round(t.result.total * 100) / 100);
});

test("the side-by-side plan writes four 复核 columns beside the unit's, values only, over no filled cell", async () => {
  const t = await xinjiang();
  const plan = sideBySidePlan(t.grid, t.detected, t.result);
  const headers = plan.writes.filter((w) => w.row === t.grid.origin.row + t.detected.headerRows[0]).map((w) => w.value);
  expect(headers).toEqual(["复核完成值", "复核得分", "偏离度", "复核说明"]);
  expect(plan.writes.every((w) => w.formula === undefined)).toBe(true);
  for (const w of plan.writes) {
    const cell = t.grid.cells[w.row - t.grid.origin.row]?.[w.col - t.grid.origin.col];
    expect(cell?.v ?? null).toBeNull();
  }
  const score = plan.writes.find((w) => w.value === 18.95)!;
  expect(score.fill).toBe("FFFFE699");
});

test("复核 columns a sheet already has are filled, not added again", () => {
  const rows = [
    ["三级指标", "分值", "年度指标值", "实际完成值", "自评得分", "复核得分", "复核说明"],
    ["参保人数", 50, "≥100人", "90人", 50, null, null],
    ["满意度", 50, "≥90%", "95%", 50, null, null],
  ];
  const grid: Grid = { sheet: "S", origin: { row: 0, col: 0 }, cells: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] };
  const [t] = runPipeline(grid);
  const plan = sideBySidePlan(grid, t!.detected, t!.result);
  expect(plan.writes.find((w) => w.address === "F2")).toMatchObject({ value: 45 });
  expect(plan.writes.find((w) => w.address === "G2")!.value).toContain("规则");
  // 复核完成值 and 偏离度 are the only new columns, right of everything.
  expect(plan.writes.filter((w) => w.row === 0).map((w) => [w.address, w.value])).toEqual([["H1", "复核完成值"], ["I1", "偏离度"]]);
});

test("问题清单: most severe first, each with its cell and a suggested fix", async () => {
  const t = await xinjiang();
  const list = issueList([t]);
  expect(list.length).toBeGreaterThan(0);
  const order = { 重大: 0, 一般: 1, 提示: 2 };
  for (let i = 1; i < list.length; i++) expect(order[list[i]!.severity]).toBeGreaterThanOrEqual(order[list[i - 1]!.severity]);
  const mismatch = list.find((r) => r.code === "score-mismatch")!;
  expect(mismatch).toMatchObject({ severity: "重大", rule: "得分与规则不符" });
  expect(mismatch.cell).toMatch(/^[A-Z]+\d+$/);
  expect(mismatch.fix).toContain("评分规则");
});
