import { readFileSync } from "fs";
import { join } from "path";
import { readWorkbook } from "../../src/workbook/read";
import { applyPlanToWorkbook } from "../../src/workbook/apply";
import { detectTables } from "../../src/engine";
import { buildPlan, undoPlan } from "../../src/engine";
import { evaluateTable } from "../../src/engine";
import { round } from "../../src/engine";
import type { Grid } from "../../src/engine";

const sample = (name: string) => readFileSync(join(__dirname, "../../assets/samples", name));
async function tablesOf(name: string, preset = "national") {
  const r = await readWorkbook(sample(name), name);
  if (!r.ok) throw new Error(r.message);
  return { ...r, workbook: await r.workbook(), found: r.grids.flatMap((g) => detectTables(g, { preset }).map((t) => ({ grid: g, t, result: evaluateTable(t.table) }))) };
}

describe("the bundled samples are detected and scored against the golden figures", () => {
  test("Xinjiang 自评表 (seed 003): two sheets, every row, budget block, totals 83.13 and 95.46", async () => {
    const { found } = await tablesOf("xinjiang-003-self-eval.xlsx");
    expect(found.map((f) => [f.grid.sheet, f.t.indicatorRows.length, round(f.result.total!, 2), f.result.reported_total])).toEqual([
      ["s003-p10", 8, 83.13, 84.82],
      ["s003-p08", 8, 95.46, 96.25],
    ]);
    const p10 = found[0]!;
    expect(p10.t.table.budget).toMatchObject({ initial: 5, full_year: 5, executed: 4.17, weight: 10, reported_score: 10 });
    expect(p10.t.table.indicators.map((i) => i.weight)).toEqual([10, 10, 10, 10, 10, 10, 20, 10]);
    expect(p10.t.table.indicators.every((i) => i.level1 && i.level2)).toBe(true);
    expect(p10.result.indicators.filter((i) => i.status === "mismatch").map((i) => i.name)).toEqual(["长期护理保险鉴定执行率"]);
  });
  test("Hubei 自评表 (seed 001): 20-point budget block, merged levels, missing weights reported", async () => {
    const { found } = await tablesOf("hubei-001-self-eval.xlsx");
    expect(found).toHaveLength(2);
    expect(found[0]!.t.table.budget).toMatchObject({ initial: 100, executed: 67.51, weight: 20, reported_score: 13 });
    expect(round(found[0]!.result.budget!.score!, 2)).toBe(13.5);
    expect(found[0]!.t.table.indicators.map((i) => i.level1)).toEqual(["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标", "满意度指标"]);
    // No weights printed: the six rows that met their targets all report 10, so 10 is assumed as each one's full
    // mark (said, info); the unmet row (11789 of 13000 人) stays without a weight, and the total stays open.
    expect(found[0]!.result.findings.filter((f) => f.code === "no-weight").map((f) => f.indicator)).toEqual([0]);
    expect(found[0]!.result.findings.filter((f) => f.code === "weight-from-met-score")).toHaveLength(6);
    expect(found[0]!.result.total).toBeNull();
  });
  test("seed 002's table: 9.89 and 9.80 against 9 and 8, the unit mismatch, the rating row", async () => {
    const { found } = await tablesOf("county-002-self-eval.xlsx");
    const r = found[0]!.result;
    expect(r.indicators.map((i) => (i.score === null ? null : round(i.score, 2)))).toEqual([null, 10, 10, 15, 15, 10, 9.89, 9.8]);
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["unit-mismatch", "score-mismatch"]));
    expect(found[0]!.t.table.reported_rating).toBe("优秀");
    expect(r.budget!.score).toBe(10);
  });
  test("seed 004's four-dimension table: 22 rows, three weight levels under a two-row header", async () => {
    const { found } = await tablesOf("jiaocheng-004-evaluation.xlsx");
    const t = found[0]!.t;
    expect(t.indicatorRows).toHaveLength(22);
    expect(t.table.indicators[0]).toMatchObject({ code: "A11", level3: "立项依据充分性", weight: 3, level1_weight: 20, level2_weight: 6 });
    expect(t.table.reported_total).toBe(90.71);
    expect(t.table.reported_rating).toBe("优");
    expect(found[0]!.result.findings.filter((f) => f.code.startsWith("weights"))).toEqual([]);
    // Scored by its own 指标说明和评分标准 and the 评价人判断 column: 90.71, 优, as the report has it.
    expect(found[0]!.result.indicators.filter((i) => i.status !== "ok")).toEqual([]);
    expect(round(found[0]!.result.total!, 2)).toBe(90.71);
    expect(found[0]!.result.rating).toBe("优");
  });
  test("the formulas sample: EVAL formulas with cached values", async () => {
    const { found, grids } = await tablesOf("eval-formulas.xlsx");
    const g = grids[0]!;
    const formulas = g.cells.flat().filter((c) => c?.f?.includes("EVAL."));
    expect(formulas.length).toBeGreaterThanOrEqual(8 * 3 + 4);
    expect(g.cells.flat().find((c) => c?.f?.startsWith("=EVAL.RATING"))?.v).toBe("良");
    expect(round(found[0]!.result.total!, 2)).toBe(83.13);
  });
});

function snapshot(g: Grid): Map<string, string> {
  const m = new Map<string, string>();
  g.cells.forEach((row, r) => row.forEach((c, col) => c && m.set(`${r},${col}`, JSON.stringify(c))));
  return m;
}

describe("plan → file → read back", () => {
  test.each(["xinjiang-003-self-eval.xlsx", "county-002-self-eval.xlsx", "hubei-001-self-eval.xlsx", "jiaocheng-004-evaluation.xlsx"])("%s: written cells are there, no original value changed, undo restores exactly", async (name) => {
    const { workbook, found, grids } = await tablesOf(name);
    const before = grids.map(snapshot);
    const plans = found.map((f) => buildPlan(f.grid, f.t, f.result, { mode: "formulas", preset: "national" }));
    for (const p of plans) {
      for (const w of p.writes) if (w.value !== undefined || w.formula !== undefined) expect([w.address, w.before.v]).toEqual([w.address, null]);
      applyPlanToWorkbook(workbook, p);
    }
    const saved = await workbook.xlsx.writeBuffer();
    const back = await readWorkbook(new Uint8Array(saved as ArrayBuffer), name);
    if (!back.ok) throw new Error(back.message);
    back.grids.forEach((g, i) => {
      const orig = before[i]!;
      for (const [k, v] of orig) {
        const [r, c] = k.split(",").map(Number);
        const now = g.cells[r!]?.[c!];
        const was = JSON.parse(v);
        expect([k, now?.v ?? null, now?.f]).toEqual([k, was.v, was.f]);
      }
    });
    for (const p of plans) {
      const g = back.grids.find((x) => x.sheet === p.sheet)!;
      for (const w of p.writes) {
        const cell = g.cells[w.row]?.[w.col];
        if (w.value !== undefined) expect([w.address, cell?.v]).toEqual([w.address, w.value]);
        if (w.formula) expect(cell?.f).toBe(`=${w.formula}`);
        if (w.fill) expect(cell?.fill).toBe(w.fill);
      }
    }
    // Undo: apply the inverse plans (last first) and compare every cell with the original file.
    const backBook = await back.workbook();
    for (const p of [...plans].reverse()) applyPlanToWorkbook(backBook, undoPlan(p));
    const undone = await readWorkbook(new Uint8Array((await backBook.xlsx.writeBuffer()) as ArrayBuffer), name);
    if (!undone.ok) throw new Error(undone.message);
    undone.grids.forEach((g, i) => expect(snapshot(g)).toEqual(before[i]));
  });
});

describe("unreadable files", () => {
  test("a file that is not a workbook is a clear error naming it", async () => {
    const r = await readWorkbook(new TextEncoder().encode("这不是工作簿"), "坏文件.xlsx");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("无法读取工作簿“坏文件.xlsx”");
  });
});
