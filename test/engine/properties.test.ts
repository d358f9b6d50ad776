import fc from "fast-check";
import { compare } from "../../src/engine";
import { parseMeasure } from "../../src/engine";
import { applyRule } from "../../src/engine";
import type { Rule } from "../../src/engine";
import { NAMED_RULES } from "../../src/engine";

const RULES: [string, Rule][] = [
  ...[...NAMED_RULES.entries()],
  ["floorLinear", { type: "floorLinear", floor: 0.6 }],
  ["cost zero", { type: "cost", floor: 0.6, over: "zero" }],
  ["cost penalty", { type: "cost", floor: 0.6, over: "penalty" }],
  ["bands", { type: "bands", basis: "actual", bands: [{ min: 0.9, max: 1, maxInclusive: true, points: 3 }, { min: 0.8, max: 0.9, points: 2 }] }],
  ["bands share", { type: "bands", basis: "completion", bands: [{ min: 0.9, share: 1 }, { min: 0.6, max: 0.9, share: 0.6 }] }],
  ["step", { type: "step", basis: "actual", full: 0.95, step: 0.05, deduct: 1, deductAs: "points" }],
  ["step share", { type: "step", basis: "completion", full: 1, step: 0.1, deduct: 0.2, deductAs: "share" }],
  ["rate×weight", { type: "rateTimesWeight", basis: "actual", fullAt: 0.9 }],
  ["scaledBelow", { type: "scaledBelow", basis: "actual", fullAt: 0.9, zeroBelow: 0.6, multiplier: 3 }],
  ["threshold", { type: "threshold" }],
  ["zeroTarget", { type: "zeroTarget" }],
  ["checklist", { type: "checklist", mode: "points", items: [{ label: "①", points: 2 }, { label: "②", points: 3 }] }],
];

const texts = fc.oneof(
  fc.tuple(fc.constantFrom("≥", "<=", "=", ">", "<", "", "不低于", "不超过"), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom("%", "人", "万元", "元", "次", "", "万人")).map(([o, v, u]) => `${o}${Math.round(v * 100) / 100}${u}`),
  fc.constantFrom("达到预期指标", "部分达成", "未达成", "有效保障", "2024年12月10日前", "2024年5月1日", "", "乱写的文字", "0", "≤1%"),
  fc.string(),
);

describe("every rule, random inputs", () => {
  test.each(RULES)("%s: 0 ≤ score ≤ weight, no exception escapes", (_name, rule) => {
    fc.assert(
      fc.property(texts, texts, fc.double({ min: 0.5, max: 100, noNaN: true }), (t, a, w) => {
        const target = parseMeasure(t);
        const actual = parseMeasure(a);
        const out = applyRule(rule, { target, actual, weight: w, judgement: null, comparison: compare(target, actual) });
        if (out.ok) {
          expect(out.score).toBeGreaterThanOrEqual(0);
          expect(out.score).toBeLessThanOrEqual(w + 1e-9);
          expect(Number.isFinite(out.score)).toBe(true);
        } else {
          expect(out.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  const monotonic: [string, Rule, string][] = [
    ["正向比例", { type: "proportional" }, "≥100"],
    ["floorLinear", { type: "floorLinear", floor: 0.6 }, "≥100"],
    ["step", { type: "step", basis: "completion", full: 1, step: 0.05, deduct: 1, deductAs: "points" }, "≥100"],
    ["rate×weight", { type: "rateTimesWeight", basis: "completion" }, "≥100"],
    ["completion below 100%", { type: "completion", floor: 0.6, zeroAt: 2 }, "≥100"],
  ];
  test.each(monotonic)("%s is monotonic in the actual up to the target", (_n, rule, target) => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const t = parseMeasure(target);
        const s = (v: number) => {
          const a = parseMeasure(v);
          const out = applyRule(rule, { target: t, actual: a, weight: 10, judgement: null, comparison: compare(t, a) });
          return out.ok ? out.score : NaN;
        };
        expect(s(hi)).toBeGreaterThanOrEqual(s(lo) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test("反向比例 is monotonic decreasing in the actual", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const t = parseMeasure("≤10");
        const s = (v: number) => {
          const a = parseMeasure(v);
          const out = applyRule({ type: "proportional" }, { target: t, actual: a, weight: 10, judgement: null, comparison: compare(t, a) });
          return out.ok ? out.score : NaN;
        };
        expect(s(lo)).toBeGreaterThanOrEqual(s(hi) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
