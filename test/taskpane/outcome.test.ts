/**
 * One classification of a row's outcome (met, exceeded, missed, not applicable, cannot tell) behind every word
 * the row shows: over every seed row, every corpus table and every sample workbook, the note written beside the
 * score, the 偏差分析 text, the fills and the pane's chip agree.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import {
  describeDeviation, describeRowDeviation, evaluateTable, explainRow, figure, FILL, outcomeLabel, outcomeOf, parseAddress, parseMeasure, runPipeline,
  type Grid, type IndicatorResult, type OutcomeKind, type TableInput, type WritePlan,
} from "../../src/engine";
import { readWorkbook } from "../../src/workbook/read";
import { outcomeChip } from "../../src/taskpane/steps/rowView";
import { zh } from "../../src/taskpane/strings";

const fixtures = join(__dirname, "../fixtures");
const PRESET: Record<string, string> = { s000: "xinjiang", s001: "hubei", s002: "national", s003: "xinjiang", s004: "national", xinjiang: "xinjiang", hubei: "hubei" };

const HEAD: Record<OutcomeKind, RegExp> = {
  met: /^(已完成|按时完成|已达成)/,
  exceeded: /^超额完成/,
  missed: /^(未完成|未按时完成|未达成|部分达成)/,
  "not-applicable": /^本指标不适用$/,
  unknown: /^(?!已完成|超额完成|未完成|按时完成|未按时完成|已达成|未达成)/,
};
const NOT_IN_NOTE: Record<OutcomeKind, RegExp | null> = {
  met: /未完成|未达成|未按时完成|未达到目标|超额完成/,
  exceeded: /未完成|未达成|未按时完成|未达到目标/,
  missed: /超额完成|已完成|已达成|按时完成：/,
  "not-applicable": /未完成|超额完成/,
  unknown: null,
};

/** The words of one row agree with its outcome. */
function expectAgreement(where: string, row: IndicatorResult): void {
  const o = outcomeOf(row);
  const deviation = row.applicable ? describeRowDeviation(row) : "本指标不适用";
  const note = explainRow(row);
  expect([where, row.name, o.kind, deviation]).toEqual([where, row.name, o.kind, expect.stringMatching(HEAD[o.kind])]);
  const bad = NOT_IN_NOTE[o.kind];
  if (bad) expect([where, row.name, o.kind, note]).toEqual([where, row.name, o.kind, expect.not.stringMatching(bad)]);
  expect(outcomeChip(row, zh).label).toBe(outcomeLabel(o));
  // When the row's own deviation (EVAL.DEVIATION's, which knows no rule) names an outcome, it is the same one.
  if (o.kind !== "unknown" && row.applicable && HEAD[o.kind].source !== HEAD.unknown.source && /^(已完成|超额完成|未完成)/.test(row.deviation)) {
    expect([where, row.name, row.deviation]).toEqual([where, row.name, expect.stringMatching(HEAD[o.kind])]);
  }
}

/** The fills and words a plan writes for a table agree with its rows' outcomes. */
function expectPlanAgreement(where: string, plan: WritePlan, rows: IndicatorResult[], cells: { target?: number; actual?: number; rowAt: (i: number) => number }): void {
  const at = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w]));
  for (const w of plan.writes) {
    expect([where, w.address, w.note ?? ""]).toEqual([where, w.address, expect.not.stringMatching(/【[a-z-]+】/)]);
    if (typeof w.value === "string") expect([where, w.address, w.value]).not.toEqual([where, w.address, "未完成"]);
  }
  rows.forEach((row, i) => {
    const kind = outcomeOf(row).kind;
    if (kind === "unknown") return;
    for (const c of [cells.target, cells.actual]) {
      if (c === undefined) continue;
      const w = at.get(`${cells.rowAt(i)},${c}`);
      expect([where, row.name, kind, w?.fill ?? null]).not.toEqual([where, row.name, kind, FILL.unreadable]);
    }
  });
}

function seedRows(): [string, IndicatorResult][] {
  const dir = join(fixtures, "seeds");
  return readdirSync(dir).flatMap((f) => {
    const t = JSON.parse(readFileSync(join(dir, f), "utf8")) as TableInput;
    return evaluateTable(t, { preset: PRESET[f.slice(0, 4)]! }).indicators.map((r): [string, IndicatorResult] => [f, r]);
  });
}

function corpusGrids(): [string, Grid][] {
  const dir = join(fixtures, "real");
  return readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => {
    const d = JSON.parse(readFileSync(join(dir, f), "utf8")) as { sheet: string; rows: (string | number | null)[][]; merges: string[]; formats?: Record<string, string> };
    const cells = d.rows.map((r, i) => r.map((v, j) => {
      if (v === null) return null;
      const fmt = (d.formats ?? {})[`${String.fromCharCode(65 + j)}${i + 1}`];
      return fmt ? { v, fmt } : { v };
    }));
    const merges = d.merges.map((m) => {
      const [a, b] = m.split(":").map((x) => parseAddress(x)!);
      return { r1: a!.row, c1: a!.col, r2: b!.row, c2: b!.col };
    });
    return [f, { sheet: d.sheet, origin: { row: 0, col: 0 }, cells, merges }];
  });
}

describe("the outcome of every row says one thing", () => {
  const seeds = seedRows();
  test(`every seed row (${seeds.length}): 偏差分析, the note and the pane's chip agree`, () => {
    expect(seeds.length).toBeGreaterThan(150);
    for (const [f, row] of seeds) expectAgreement(f, row);
  });

  test("every corpus table: the rows' words and the plan's fills agree; no codes in notes; a total is never 未完成", () => {
    const grids = corpusGrids();
    expect(grids.length).toBeGreaterThan(10);
    let rows = 0;
    for (const [f, grid] of grids) {
      for (const p of runPipeline(grid, { preset: "national", plan: { mode: "values" } })) {
        p.result.indicators.forEach((row) => expectAgreement(f, row));
        expectPlanAgreement(f, p.plan!, p.result.indicators, { target: p.detected.columns.target, actual: p.detected.columns.actual, rowAt: (i) => p.detected.indicatorRows[i]! });
        rows += p.result.indicators.length;
      }
    }
    expect(rows).toBeGreaterThan(50);
  });

  test("every sample workbook, as the pane writes it (formulas)", async () => {
    const dir = join(__dirname, "../../assets/samples");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".xlsx"))) {
      const r = await readWorkbook(readFileSync(join(dir, f)), f);
      if (!r.ok) throw new Error(r.message);
      for (const p of runPipeline(r.grids, { preset: PRESET[f.split("-")[0]!] ?? "national", plan: { mode: "formulas" } })) {
        p.result.indicators.forEach((row) => expectAgreement(f, row));
        expectPlanAgreement(f, p.plan!, p.result.indicators, { target: p.detected.columns.target, actual: p.detected.columns.actual, rowAt: (i) => p.detected.indicatorRows[i]! });
      }
    }
  });
});

describe("the rows the issue names", () => {
  const row = (id: string, i: number) => {
    const t = JSON.parse(readFileSync(join(fixtures, "seeds", `${id}.json`), "utf8")) as TableInput;
    return evaluateTable(t, { preset: "xinjiang" }).indicators[i]!;
  };
  test("a ≤ ceiling passed (127.7696万元 against ≤127.4565万元) is missed: never 超额完成", () => {
    const r = row("s003-p02", 8);
    expect(outcomeOf(r).kind).toBe("missed");
    expect(describeRowDeviation(r)).toBe("未完成：实际 1277696 元，比目标 1274565 元多 3131 元（+0.25%）");
    expect(explainRow(r)).toMatch(/^未完成。.*完成率高于 100%：得分 = \(1 − \(100\.25% − 100%\)\) × 4 = 3\.99/);
    expect(explainRow(r)).not.toContain("超额完成");
  });
  test("a ≤ ceiling kept under (22.455万元 against ≤22.5万元) is met: never 未完成", () => {
    const r = row("s003-p02", 4);
    expect(outcomeOf(r).kind).toBe("met");
    expect(describeRowDeviation(r)).toBe("已完成（低于上限）：实际 224550 元，比目标 225000 元少 450 元（-0.20%）");
    expect(explainRow(r)).toMatch(/^已完成。.*完成率低于 100%：得分/);
  });
  test("a higher-is-better target passed is exceeded", () => {
    const r = evaluateTable({ indicators: [{ name: "培训人数", weight: 10, target: "≥100人", actual: "120人", rule: "正向比例" }] }).indicators[0]!;
    expect(outcomeOf(r).kind).toBe("exceeded");
    expect(describeRowDeviation(r)).toBe("超额完成：实际 120 人，比目标 100 人多 20 人（+20.00%）");
  });
  test("cannot tell: blank actual, no rule; not applicable", () => {
    const t = evaluateTable({ indicators: [
      { name: "a", weight: 10, target: "≥100人", actual: null },
      { name: "b", weight: 10, target: "≥100人", actual: "90人", rule_text: "由专家综合打分" },
      { name: "c", weight: 10, target: "≥100人", actual: "90人", applicable: false },
    ] });
    expect(t.indicators.map((r) => outcomeLabel(outcomeOf(r)))).toEqual(["实际完成值未填写", "未指定评分规则", "不适用"]);
  });
  test("a missing weight leaves the outcome known and the figures unpainted", () => {
    const r = evaluateTable({ indicators: [{ name: "a", weight: "十", target: "≥100人", actual: "90人" }] }).indicators[0]!;
    expect(r.status).toBe("unreadable");
    expect(outcomeOf(r).kind).toBe("missed");
  });
});

describe("what the plan writes", () => {
  const header = ["三级指标", "权重", "目标值", "实际完成值", "得分"];
  const sheet = (rows: (string | number | null)[][]): Grid => ({ sheet: "S", origin: { row: 0, col: 0 }, cells: [header, ...rows, ["总分", 20, null, null, 15]].map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] });
  test("a weight that cannot be read paints the weight red, not the readable target and actual; the total cannot be checked, and says why", () => {
    const [p] = runPipeline(sheet([["培训人数", "十", "≥100人", "90人", 9], ["覆盖率", 10, "≥95%", "96%", 10]]), { preset: "national", plan: { mode: "values" } });
    const at = (a: string) => p!.plan!.writes.find((w) => w.address === a);
    expect(at("B2")?.fill).toBe(FILL.unreadable);
    expect(at("C2")).toBeUndefined();
    expect(at("D2")).toBeUndefined();
    const total = p!.plan!.writes.find((w) => w.row === 3 && w.bold && typeof w.value === "string" && w.value.startsWith("未能复核"));
    expect(total?.value).toBe("未能复核：1 项未计分");
    expect(p!.plan!.writes.some((w) => w.value === "未完成")).toBe(false);
    // The row's 偏差分析 still says what happened to its target.
    expect(p!.plan!.writes.find((w) => w.row === 1 && typeof w.value === "string" && w.value.startsWith("未完成："))?.value).toBe("未完成：实际 90 人，比目标 100 人少 10 人（-10.00%）");
  });
  test("notes name findings by their Chinese label, never by code", () => {
    const [p] = runPipeline(sheet([["培训人数", 10, "≥100人", "90人", 10], ["覆盖率", 10, "≥95%", "96%", 10]]), { preset: "national", plan: { mode: "formulas" } });
    const note = p!.plan!.writes.find((w) => w.address === "F2")!.note!;
    expect(note).toMatch(/^未完成。/);
    expect(note).toContain("【得分与规则不符】");
    expect(note).not.toMatch(/【[a-z-]+】/);
  });
});

describe("numbers in sentences", () => {
  test("at most 2 decimals, trailing zeros trimmed, no binary noise", () => {
    expect([figure(135000.0001), figure(0.1 + 0.2), figure(17.955), figure(1.005), figure(-0.001), figure(20), figure(393911.0004)]).toEqual(["135000", "0.3", "17.96", "1.01", "0", "20", "393911"]);
  });
  test("a space between a figure and the next word, none before %", () => {
    expect(describeDeviation(parseMeasure("≥95%"), parseMeasure("94%"))).toBe("未完成：实际 94%，比目标 95% 少 1 个百分点（-1.05%）");
    expect(describeDeviation(parseMeasure("20座"), parseMeasure("20座"))).toBe("已完成：实际 20 座，与目标 20 座一致");
    expect(describeDeviation(parseMeasure("12万元"), parseMeasure("13.5万元"))).toBe("超额完成：实际 135000 元，比目标 120000 元多 15000 元（+12.50%）");
  });
});
