import { FORMULA_ROW_LIMIT, runPipeline, type Grid } from "../../src/engine";

/** Corrections refer to a table by its id (sheet and header cell), never by its position: tables on two sheets. */
const sheet = (name: string, offset: number): Grid => {
  const rows: (string | number | null)[][] = [
    ...Array.from({ length: offset }, () => [null, null, null, null, null, null]),
    ["三级指标", "分值", "目标", "年度指标值", "实际完成值", "得分"],
    ["参保人数", 50, "≥100人", "≥100人", "90人", 45],
    ["满意度", 50, "≥90%", "≥90%", "95%", 50],
  ];
  return { sheet: name, origin: { row: 0, col: 0 }, cells: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] };
};

test("a column and a rule corrected on the second sheet's table change that table only", () => {
  const grids = [sheet("甲表", 0), sheet("乙表", 2)];
  const before = runPipeline(grids);
  expect(before.map((t) => t.id)).toEqual(["甲表!A1", "乙表!A3"]);
  const [a, b] = runPipeline(grids, {
    // 乙表: the target is in column D (年度指标值), not C; its first row is scored by 反向比例.
    columns: { "乙表!A3": { target: 3 } },
    rules: { "乙表!A3": { 0: "达标满分" } },
  });
  expect(a!.detected.columns.target).toBe(before[0]!.detected.columns.target);
  expect(a!.result.indicators[0]!.rule_label).toBe(before[0]!.result.indicators[0]!.rule_label);
  expect(b!.detected.columns.target).toBe(3);
  expect(b!.result.indicators[0]!.rule_source).toBe("row");
  expect(b!.result.indicators[0]!.score).toBe(0); // 达标满分: 90 of ≥100 is not met → 0
  expect(a!.result.indicators[0]!.score).toBe(45);
});

test("a correction keyed by a table's position (the old scheme) changes nothing", () => {
  const grids = [sheet("甲表", 0), sheet("乙表", 2)];
  const [, b] = runPipeline(grids, { columns: { 1: { target: 3 } } as never, rules: { 1: { 0: "达标满分" } } as never });
  expect(b!.result.indicators[0]!.rule_source).not.toBe("row");
});

test("above FORMULA_ROW_LIMIT rows a table asked for formulas is written as values, and says why", () => {
  const n = FORMULA_ROW_LIMIT + 1;
  const rows = [["三级指标", "分值", "年度指标值", "实际完成值", "得分"].map((v) => ({ v })), ...Array.from({ length: n }, (_, i) => [{ v: `指标${i}` }, { v: 1 }, { v: "≥10人" }, { v: "12人" }, { v: 1 }])];
  const [big] = runPipeline({ sheet: "大表", origin: { row: 0, col: 0 }, cells: rows, merges: [] }, { plan: { mode: "formulas" } });
  expect(big!.plan!.writes.some((w) => w.formula?.startsWith("EVAL."))).toBe(false);
  expect(big!.planNotice).toContain(`超过 ${FORMULA_ROW_LIMIT} 行`);
  const [small] = runPipeline(sheet("甲表", 0), { plan: { mode: "formulas" } });
  expect(small!.plan!.writes.some((w) => w.formula?.startsWith("EVAL.SCORE"))).toBe(true);
  expect(small!.planNotice).toBeNull();
});
