import { readFileSync } from "fs";
import { join } from "path";
import { evaluateTable } from "../../src/engine";
import { round } from "../../src/engine";
import type { TableInput, TableResult } from "../../src/engine";

function load(id: string): TableInput {
  return JSON.parse(readFileSync(join(__dirname, "../fixtures/seeds", `${id}.json`), "utf8")) as TableInput;
}
const r2 = (n: number | null) => (n === null ? null : round(n, 2));
const codes = (r: TableResult) => r.findings.map((f) => f.code);
const mismatchRows = (r: TableResult) => r.indicators.filter((i) => i.status === "mismatch").map((i) => i.name);

describe("seed 003 under xinjiang: every score reproduced within 0.01 but the rows the source got wrong", () => {
  const projects = ["s003-p01", "s003-p02", "s003-p03", "s003-p04", "s003-p05", "s003-p06", "s003-p07", "s003-p08", "s003-p09", "s003-p10", "s003-p11"];
  const expectedMismatch: Record<string, string[]> = { "s003-p08": ["扩面征收劳务费"], "s003-p10": ["长期护理保险鉴定执行率"] };
  test.each(projects)("%s rows", (id) => {
    const t = load(id);
    const r = evaluateTable(t, { preset: "xinjiang" });
    expect(mismatchRows(r)).toEqual(expectedMismatch[id] ?? []);
    for (const row of r.indicators) {
      expect(row.score).not.toBeNull();
      if (row.status === "ok") expect(Math.abs((row.reported_score ?? NaN) - (row.score ?? NaN))).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });
  test.each<[string, number]>([
    ["s003-p01", 100], ["s003-p02", 92.58], ["s003-p03", 97.63], ["s003-p04", 99.04], ["s003-p05", 98.61],
    ["s003-p06", 100], ["s003-p07", 100], ["s003-p09", 98.33], ["s003-p11", 93.21],
  ])("%s total %d reproduced", (id, total) => {
    const r = evaluateTable(load(id), { preset: "xinjiang" });
    expect(r2(r.total)).toBe(total);
    expect(r.reported_total).toBe(total);
    expect(codes(r)).not.toContain("total-mismatch");
    expect(codes(r)).not.toContain("budget-score-mismatch");
  });
  test("扩面征收: 劳务费 5.35 (5.4 reported), budget 92.65% → 9.26 (10 reported), total 95.46", () => {
    const r = evaluateTable(load("s003-p08"), { preset: "xinjiang" });
    const row = r.indicators.find((i) => i.name === "扩面征收劳务费")!;
    expect(r2(row.score)).toBe(5.35);
    expect(row.reported_score).toBe(5.4);
    expect(r2(r.budget!.score)).toBe(9.26);
    expect(r.findings.find((f) => f.code === "budget-score-mismatch")).toMatchObject({ reported: 10, recomputed: 9.26 });
    expect(r2(r.total)).toBe(95.46);
    expect(r.findings.find((f) => f.code === "total-mismatch")).toMatchObject({ reported: 96.25, recomputed: 95.46 });
  });
  test("长期护理: 鉴定执行率 18.95 (18.98 reported, completion written 97.95%), budget 83.40% → 8.34, total 83.13", () => {
    const r = evaluateTable(load("s003-p10"), { preset: "xinjiang" });
    const row = r.indicators.find((i) => i.name === "长期护理保险鉴定执行率")!;
    expect(r2(row.score)).toBe(18.95);
    expect(row.explanation).toContain("(1 − (105.26% − 100%)) × 20 = 18.95");
    expect(r.findings.filter((f) => f.indicator === row.index).map((f) => f.code)).toEqual(["score-mismatch", "rate-mismatch"]);
    expect(r2(r.budget!.score)).toBe(8.34);
    expect(r2(r.total)).toBe(83.13);
    expect(r.rating).toBe("良");
  });
});

describe("seed 001 under hubei", () => {
  const budgets: [string, number, number | null][] = [
    ["s001-t1", 20, 20], ["s001-t2", 13.5, 13], ["s001-t3", 18.74, 18], ["s001-t4", 19.95, 18], ["s001-t5", 20, 20],
    ["s001-t6", 20, 20], ["s001-t7", 20, null], ["s001-t8", 20, 20],
  ];
  test.each(budgets)("%s budget %d (reported %s)", (id, expected, reported) => {
    const r = evaluateTable(load(id), { preset: "hubei" });
    expect(r2(r.budget!.score)).toBe(expected);
    expect(r.budget!.weight).toBe(20);
    const mismatch = r.findings.find((f) => f.code === "budget-score-mismatch");
    if (reported !== null && reported !== expected) expect(mismatch).toMatchObject({ reported, recomputed: expected });
    else expect(mismatch).toBeUndefined();
  });
  test("missing per-row weights are reported as such, not scored", () => {
    const r = evaluateTable(load("s001-t1"), { preset: "hubei" });
    // Each row still gets its completion and deviation; it is not scored (status no-weight, an info finding).
    expect(r.indicators.every((i) => i.status === "no-weight" && i.score === null)).toBe(true);
    expect(r.indicators.every((i) => i.completion !== null && i.deviation !== "")).toBe(true);
    expect(r.findings.filter((f) => f.code === "no-weight")).toHaveLength(7);
    expect(codes(r)).toContain("weights-missing");
    expect(r.total).toBeNull();
  });
});

describe("seed 002 under national", () => {
  const r = evaluateTable(load("s002-t1"), { preset: "national" });
  const byName = (n: string) => r.indicators.find((i) => i.name.includes(n))!;
  test("满意度 94% against 95% → 9.89, flagged against the reported 9", () => {
    expect(r2(byName("满意度").score)).toBe(9.89);
    expect(byName("满意度").status).toBe("mismatch");
  });
  test("知晓度 97% against 99% → 9.80, flagged against the reported 8", () => {
    expect(r2(byName("知晓度").score)).toBe(9.8);
    expect(r.findings.find((f) => f.code === "score-mismatch" && f.indicator === byName("知晓度").index)).toMatchObject({ reported: 8, recomputed: 9.8 });
  });
  test("the 人-against-% unit mismatch is flagged", () => {
    expect(byName("补助涉及范围").status).toBe("unreadable");
    expect(r.findings.find((f) => f.code === "unit-mismatch")?.indicator).toBe(0);
  });
  test("上访率 ≤1% with an actual of 0 → full marks", () => {
    const row = byName("确保全县");
    expect(row.score).toBe(10);
    expect(row.status).toBe("ok");
  });
  test("budget 300/300 → 10", () => expect(r.budget!.score).toBe(10));
});

describe("seed 004 with its rules as rule objects", () => {
  const r = evaluateTable(load("s004-annex1"));
  const byCode = (c: string) => r.indicators.find((i) => i.code === c)!;
  test("B12 90.56% → 3", () => expect(byCode("B12").score).toBe(3));
  test("D13 78.43% → 4.71", () => expect(r2(byCode("D13").score)).toBe(4.71));
  test("every row as reported, total 90.71, 优", () => {
    expect(r.indicators.filter((i) => i.status !== "ok")).toEqual([]);
    expect(r2(r.total)).toBe(90.71);
    expect(r.rating).toBe("优");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("seed 000 with its rules as rule objects", () => {
  const r = evaluateTable(load("s000-annex1"));
  test("100, 优, every row as reported", () => {
    expect(r2(r.total)).toBe(100);
    expect(r.rating).toBe("优");
    expect(r.indicators.filter((i) => i.status !== "ok")).toEqual([]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
