import { evaluateTable } from "../../src/engine";
import type { TableInput } from "../../src/engine";
import { normaliseRating, ratingOf as rate } from "../../src/engine";

const row = (over: Partial<TableInput["indicators"][number]> = {}) => ({ level1: "产出指标", level3: "参保人数", weight: 45, target: "≥100人", actual: "=100人", reported_score: 45, ...over });
const base = (over: Partial<TableInput> = {}): TableInput => ({
  id: "t",
  title: "测试表",
  budget: { initial: 100, executed: 100, weight: 10, reported_score: 10 },
  indicators: [row(), row({ level3: "满意度", target: "≥90%", actual: "=95%" })],
  reported_total: 100,
  reported_rating: "优",
  ...over,
});
const codes = (t: TableInput) => evaluateTable(t).findings.map((f) => f.code);

describe("review findings", () => {
  test("a clean table has none", () => expect(codes(base())).toEqual([]));
  test("weights that do not add to 100", () => {
    const t = base({ indicators: [row(), row({ weight: 40, reported_score: 40 })], reported_total: 95 });
    expect(codes(t)).toEqual(["weights-total"]);
  });
  test("a level's weight written in its name", () => {
    const t = base({ indicators: [row({ level1: "产出指标(50分)" }), row({ level1: "产出指标(50分)" })] });
    expect(evaluateTable(t).findings.find((f) => f.code === "weights-level")).toMatchObject({ reported: 50, recomputed: 90 });
  });
  test("a reported total that is not the sum of the reported scores", () => {
    const t = base({ reported_total: 98 });
    const f = evaluateTable(t).findings;
    expect(f.find((x) => x.code === "total-sum")).toMatchObject({ reported: 98, recomputed: 100 });
    expect(f.find((x) => x.code === "total-mismatch")).toMatchObject({ reported: 98, recomputed: 100 });
  });
  test("a score above its weight", () => {
    expect(codes(base({ indicators: [row({ reported_score: 50 }), row()] }))).toContain("score-above-weight");
  });
  test("a rating that does not match the total", () => {
    expect(codes(base({ reported_rating: "良" }))).toEqual(["rating-inconsistent", "rating-mismatch"]);
  });
  test("a missed target without a deviation reason; with one it is fine", () => {
    const missed = row({ actual: "=90人", reported_score: 40.5 });
    expect(codes(base({ indicators: [missed, row()], reported_total: 95.5, reported_rating: "优" }))).toContain("deviation-missing");
    expect(codes(base({ indicators: [{ ...missed, deviation_note: "参保人口外流" }, row()], reported_total: 95.5 }))).not.toContain("deviation-missing");
  });
  test("a blank actual is pending, never zero, and leaves the total open", () => {
    const r = evaluateTable(base({ indicators: [row({ actual: "" }), row()] }));
    expect(r.indicators[0]).toMatchObject({ status: "pending", score: null });
    expect(r.total).toBeNull();
    expect(r.partial_total).toBe(55);
    expect(r.findings.map((f) => f.code)).toEqual(["actual-blank", "total-incomplete"]);
  });
  test("a stated budget rate that does not match its figures", () => {
    const t = base({ budget: { initial: 100, executed: 90, weight: 10, rate_as_written: "95%", reported_score: 9 }, reported_total: 99 });
    expect(codes(t)).toContain("rate-mismatch");
  });
  test("indicators that do not apply: the rest rescaled to 100", () => {
    const t = base({ indicators: [row({ actual: "=50人", reported_score: null, deviation_note: "疫情" }), row({ applicable: false, reported_score: null })], reported_total: null, reported_rating: null });
    const r = evaluateTable(t);
    // 50 of 100 → proportional 22.5 of 45, budget 10 of 10: (22.5 + 10) × 100 / 55
    expect(Math.round(r.total! * 100) / 100).toBe(59.09);
    expect(r.indicators[1]).toMatchObject({ applicable: false, score: null, status: "ok" });
  });
  test("a criterion with no formula and no reported score is needs-rule", () => {
    const r = evaluateTable(base({ indicators: [row({ rule_text: "由专家酌情打分", reported_score: null }), row()] }));
    expect(r.indicators[0]!.status).toBe("needs-rule");
    expect(r.total).toBeNull();
  });
  test("a criterion with no formula and a reported score within the weight: the evaluator's judgement, shown as such", () => {
    const r = evaluateTable(base({ indicators: [row({ rule_text: "由专家酌情打分", reported_score: 30 }), row()] }));
    expect(r.indicators[0]).toMatchObject({ status: "ok", score: 30, rule_source: "judgement" });
    expect(r.findings.find((f) => f.indicator === 0)).toMatchObject({ code: "judged-score", severity: "info" });
    expect(r.indicators[0]!.explanation).toContain("评价人判断");
  });
  test("a rule text with figures that is not understood stays needs-rule even with a reported score", () => {
    const r = evaluateTable(base({ indicators: [row({ rule_text: "每发现1例问题酌情扣0.5至1分", reported_score: 30 }), row()] }));
    expect(r.indicators[0]!.status).toBe("needs-rule");
  });
  test("a reported score above the weight is never taken as a judgement", () => {
    const r = evaluateTable(base({ indicators: [row({ rule_text: "由专家酌情打分", reported_score: 50 }), row()] }));
    expect(r.indicators[0]!.status).toBe("needs-rule");
  });
  test("a weight that is not a positive number", () => {
    const r = evaluateTable(base({ indicators: [row({ weight: "十分" }), row()] }));
    expect(r.indicators[0]!.status).toBe("unreadable");
    expect(r.findings[0]).toMatchObject({ code: "weight-invalid" });
  });
  test("unknown preset is a misuse and throws", () => expect(() => evaluateTable(base({ preset: "mars" }))).toThrow("未知的预设"));
});

describe("ratings", () => {
  test.each<[number, string, string, string]>([
    [90.71, "优", "优", "优"], [90, "优", "良", "优"], [89.99, "良", "良", "优"], [80, "良", "中", "优"], [79.99, "中", "中", "良"],
    [70, "中", "中", "良"], [60, "中", "中", "中"], [59.99, "差", "差", "差"],
  ])("%d → standard %s, strict %s, 80-70-60 %s", (t, a, b, c) => {
    expect(rate(t)).toBe(a);
    expect(rate(t, "strict")).toBe(b);
    expect(rate(t, "80-70-60")).toBe(c);
  });
  test("written ratings", () => {
    expect(normaliseRating("优秀")).toBe("优");
    expect(normaliseRating("良好")).toBe("良");
    expect(normaliseRating("合格")).toBe("中");
    expect(normaliseRating("不合格")).toBe("差");
    expect(normaliseRating("优秀等级")).toBe("优");
    expect(normaliseRating("很好")).toBeNull();
  });
});

describe("the rating scheme", () => {
  const table = { id: "r", title: "评级", indicators: [{ name: "覆盖人数", weight: 100, target: "≥100人", actual: "85人", rule: "正向比例" }] };
  test("the caller's scheme applies when the table names none: 85 is 良 by 90/80/60 and 优 by 80/70/60", () => {
    expect(evaluateTable(table).rating).toBe("良");
    expect(evaluateTable(table, { ratingScheme: "80-70-60" }).rating).toBe("优");
  });
  test("a scheme the table names wins over the caller's", () => {
    expect(evaluateTable({ ...table, rating_scheme: "standard" }, { ratingScheme: "80-70-60" }).rating).toBe("良");
  });
});

describe("rows with nothing to compute, and actuals with no figure", () => {
  test("a figure target with an actual of only “完成” is scored by that grade and warned about", () => {
    const r = evaluateTable(base({ indicators: [row({ target: "≤90万元", actual: "完成", reported_score: 45 }), row()] }));
    expect(r.indicators[0]).toMatchObject({ status: "ok", score: 45 });
    expect(r.findings.find((f) => f.indicator === 0)).toMatchObject({ code: "actual-no-figure", severity: "warning" });
  });
  test("a dash target and a descriptive actual with a reported score: the evaluator's judgement, as an info finding", () => {
    const r = evaluateTable(base({ indicators: [row({ target: "—", actual: "按照学校管理标准对学校进行管理", reported_score: 40 }), row()] }));
    expect(r.indicators[0]).toMatchObject({ status: "ok", score: 40, rule_source: "judgement" });
    expect(r.findings.find((f) => f.indicator === 0)).toMatchObject({ code: "judged-score", severity: "info" });
  });
  test("a figure on either side is something to compute: no judgement, the row stays unreadable", () => {
    const r = evaluateTable(base({ indicators: [row({ target: "一", actual: "100%", reported_score: 40 }), row()] }));
    expect(r.indicators[0]!.status).toBe("unreadable");
    expect(r.indicators[0]!.rule_source).not.toBe("judgement");
  });
});
