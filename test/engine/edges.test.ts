import fc from "fast-check";
import { applyRule, compare, evaluateTable, parseMeasure, type Judgement, type Rule } from "../../src/engine";
import { execRateOf, scoreOf } from "../../src/functions/core";

/** Issue "One way into the engine", item 6: zero and negative figures, decreases, weights and rule parameters. */
const one = (target: string, actual: string, weight: number | string = 10, rule?: string) =>
  evaluateTable({ indicators: [{ name: "指标", weight, target, actual, ...(rule ? { rule } : {}) }] }).indicators[0]!;

describe("zero and negative targets and actuals have a defined completion and score, or a reason", () => {
  test.each<[string, string, number, number, string]>([
    // target, actual, score of 10, completion, words in the explanation
    ["≥-5%", "-50%", 0, 0, "不能按比例"],
    ["≥-5%", "-3%", 10, 1, "达到目标"],
    ["≥0", "-5", 0, 0, "负数"],
    ["≥0", "0", 10, 1, "达到目标"],
    ["≥0", "3", 10, 1, "达到目标"],
    ["=0人", "3人", 0, 0, "未达到目标"],
    ["=0人", "0人", 10, 1, "达到目标"],
    ["0起", "0起", 10, 1, "达到目标"],
    ["≤0起", "0起", 10, 1, ""],
    ["≤0起", "2起", 0, 0, ""],
    ["下降5%", "下降6%", 10, 1.2, ""],
    ["下降5%", "下降4%", 8, 0.8, ""],
    ["下降5%", "-4%", 8, 0.8, "下降幅度"],
    ["下降5%", "增长2%", 0, 0, "负数"],
  ])("%s against %s → %d of 10", (target, actual, score, completion, words) => {
    const r = one(target, actual);
    expect(r.score).not.toBeNull();
    expect(r.score!).toBeCloseTo(score, 6);
    expect(r.completion!).toBeCloseTo(completion, 6);
    expect(r.explanation).not.toMatch(/Infinity|NaN/);
    expect(r.deviation).not.toMatch(/Infinity|NaN/);
    if (words) expect(r.explanation).toContain(words);
  });
});

describe("weights must be finite, positive and at most 100", () => {
  test.each<[number | string, string]>([[1e308, "大于 100"], [0, "不是正数"], [-3, "不是正数"], ["十分", "不是数"], [150, "大于 100"]])("%s", (w, why) => {
    const t = evaluateTable({ indicators: [{ name: "指标", weight: w, target: "≥90%", actual: "95%" }] });
    expect(t.indicators[0]!.score).toBeNull();
    expect(t.indicators[0]!.status).toBe("unreadable");
    expect(t.findings.find((f) => f.code === "weight-invalid")!.message).toContain(why);
    expect(t.total).toBeNull();
  });
  test("EVAL.SCORE refuses a weight of 1e308", () => expect(scoreOf("≥95%", "96%", 1e308, null, null)).toMatchObject({ ok: false }));
});

describe("amounts in different units", () => {
  test("100万元 budget with 800000元 executed is 80%, scored 8 of 10", () => {
    const t = evaluateTable({ budget: { full_year: "100万元", executed: "800000元", weight: 10 }, indicators: [] });
    expect(t.budget!.rate).toBeCloseTo(0.8, 9);
    expect(t.budget!.score).toBeCloseTo(8, 9);
  });
  test("a bare number beside an amount with a unit, and no header unit, is a finding, never a silent 1:1", () => {
    const t = evaluateTable({ budget: { full_year: "100万元", executed: 800000, weight: 10 }, indicators: [] });
    expect(t.budget!.score).toBeNull();
    expect(t.findings.find((f) => f.code === "budget-unit-unknown")!.message).toContain("没有写单位");
  });
  test("a header unit (万元) gives bare numbers their unit", () => {
    const t = evaluateTable({ budget: { full_year: "100万元", executed: 80, weight: 10, unit: "万元" }, indicators: [] });
    expect(t.budget!.rate).toBeCloseTo(0.8, 9);
  });
  test("EVAL.EXECRATE converts units and refuses the ambiguous pair", () => {
    expect(execRateOf("100万元", "800000元")).toEqual({ ok: true, value: 0.8 });
    expect(execRateOf("100万元", 800000)).toMatchObject({ ok: false });
    expect(execRateOf("1,000,000", "800,000")).toEqual({ ok: true, value: 0.8 });
  });
});

describe("presets and rule names cannot hit inherited keys", () => {
  test.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("%s", (name) => {
    expect(() => evaluateTable({ indicators: [] }, { preset: name })).toThrow("未知的预设");
    const r = evaluateTable({ indicators: [{ name: "x", weight: 10, target: "≥1", actual: "1", rule: name }] });
    expect(r.indicators[0]!.status).toBe("needs-rule");
    expect(scoreOf("≥1", "1", 10, name, null)).toMatchObject({ ok: false });
    expect(scoreOf("≥1", "1", 10, null, name)).toMatchObject({ ok: false });
  });
});

// Random parameters for every family: every score finite and within 0..weight, or a reason; never an exception.
const num = fc.double({ min: -5, max: 50, noNaN: false });
const tierArb = fc.tuple(num, num);
const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ type: fc.constant("proportional" as const), direction: fc.constantFrom("higher" as const, "lower" as const, undefined) }),
  fc.record({ type: fc.constant("completion" as const), floor: num, zeroAt: num }),
  fc.record({ type: fc.constant("floorLinear" as const), floor: num }),
  fc.record({ type: fc.constant("cost" as const), floor: num, over: fc.constantFrom("zero" as const, "penalty" as const), zeroAt: num }),
  fc.record({ type: fc.constant("bands" as const), basis: fc.constantFrom("actual" as const, "completion" as const), bands: fc.array(fc.record({ min: num, max: num, points: num, share: num }), { maxLength: 4 }) }),
  fc.record({ type: fc.constant("step" as const), basis: fc.constantFrom("actual" as const, "completion" as const), full: num, step: num, deduct: num, deductAs: fc.constantFrom("points" as const, "share" as const) }),
  fc.record({ type: fc.constant("rateTimesWeight" as const), basis: fc.constantFrom("actual" as const, "completion" as const), fullAt: num }),
  fc.record({ type: fc.constant("scaledBelow" as const), basis: fc.constantFrom("actual" as const, "completion" as const), fullAt: num, zeroBelow: num, multiplier: num }),
  fc.record({ type: fc.constantFrom("threshold" as const, "satisfaction" as const, "deadline" as const, "zeroTarget" as const, "judged" as const) }),
  fc.record({ type: fc.constant("checklist" as const), mode: fc.constantFrom("shares" as const, "points" as const, "deductions" as const), items: fc.array(fc.record({ label: fc.constantFrom("①", "②", "③"), share: num, points: num }), { maxLength: 4 }) }),
  fc.record({ type: fc.constantFrom("qualitative" as const, "graded" as const), met: tierArb, partial: tierArb, unmet: tierArb }),
) as fc.Arbitrary<Rule>;
const textArb = fc.oneof(
  fc.tuple(fc.constantFrom("≥", "≤", "=", "", "下降"), fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constantFrom("%", "人", "万元", "")).map(([o, v, u]) => `${o}${Math.round(v * 100) / 100}${u}`),
  fc.constantFrom("达到预期指标", "部分达成", "未达成", "2024年12月10日前", "2024年5月1日", "", "0"),
);
const judgementArb: fc.Arbitrary<Judgement | null> = fc.oneof(fc.constant(null), fc.double({ min: -1, max: 2 }), fc.constantFrom("①③", "全部符合", "50%", "300%"), fc.array(fc.boolean(), { maxLength: 3 }));

test("rule objects with random parameters: every score finite and within 0..weight", () => {
  fc.assert(
    fc.property(ruleArb, textArb, textArb, fc.double({ min: 0.5, max: 100, noNaN: true }), judgementArb, (rule, t, a, w, j) => {
      const target = parseMeasure(t);
      const actual = parseMeasure(a);
      const out = applyRule(rule, { target, actual, weight: w, judgement: j, comparison: compare(target, actual) });
      if (out.ok) {
        expect(Number.isFinite(out.score)).toBe(true);
        expect(out.score).toBeGreaterThanOrEqual(0);
        expect(out.score).toBeLessThanOrEqual(w + 1e-9);
        expect(out.steps().join("")).not.toMatch(/Infinity|NaN/);
      } else {
        expect(out.reason).not.toBe("");
      }
    }),
    { numRuns: 3000 },
  );
});

test("a graded rule object whose tiers exceed the weight is refused with its reason", () => {
  const r = evaluateTable({ indicators: [{ name: "x", weight: 10, target: "有效", actual: "达成", rule: { type: "graded", met: [3, 5], partial: [0.5, 0.8], unmet: [0, 0.5] } }] });
  expect(r.indicators[0]!.score).toBeNull();
  expect(r.indicators[0]!.explanation).toContain("评分规则参数无效");
});
