import { explain, score } from "./helpers";
import type { Rule } from "../../src/engine";
import { ruleByName } from "../../src/engine";

const completion: Rule = { type: "completion", floor: 0.6, zeroAt: 2 };

describe("正向/反向比例 (proportional, capped)", () => {
  const p: Rule = { type: "proportional" };
  test("scores 14368 of 16000 as 17.96 under 正向比例", () => expect(score(ruleByName("正向比例")!, "16000", "14368", 20)).toBe(17.96));
  test("explains it", () => expect(explain(p, "16000", "14368", 20)).toBe("完成率 = 14368 / 16000 = 89.80%；正向指标：得分 = 20 × 89.80% = 17.96"));
  test("met → full, never above the weight", () => expect(score(p, "≥90%", "≥95%", 10)).toBe(10));
  test("反向: ≤1% with 0 → full", () => expect(score(ruleByName("反向比例")!, "≤1%", "0", 10)).toBe(10));
  test("反向: ≤2% with 4% → w × A/B = 5", () => expect(score(p, "≤2%", "4%", 10)).toBe(5));
  test("满意度 94% against 95% → 9.89", () => expect(score(p, "95%", "94%", 10)).toBe(9.89));
  test("知晓度 97% against 99% → 9.80", () => expect(score(p, "99%", "97%", 10)).toBe(9.8));
});

describe("按照完成比例赋分 (completion with over-achievement penalty)", () => {
  test.each<[string, string, number, number]>([
    [">=70%", "=100%", 10, 5.71],
    [">=180人", "=294人", 10, 3.67],
    [">=80%", "=100%", 10, 7.5],
    [">=100", "=200", 10, 0],
    [">=100", "=199", 10, 0.1],
    [">=100", "=100", 10, 10],
    [">=100", "=60", 10, 0],
    [">=100", "=59.9", 10, 0],
    [">=100", "=80", 10, 5],
    ["<=1.5万元", "=1.3万元", 10, 6.67],
    ["<=3.5万元", "=2.87万元", 10, 5.5],
    ["<=95%", "=100%", 20, 18.95],
  ])("%s, actual %s, weight %d → %d", (t, a, w, s) => expect(score(completion, t, a, w)).toBe(s));
  test("dates and grades score by whether the target was met", () => {
    expect(score(completion, "=2024年7月31日", "2024年5月21日", 10)).toBe(10);
    expect(score(completion, "显著提升", "达到预期指标", 20)).toBe(20);
  });
});

describe("floor-linear, cost", () => {
  const fl: Rule = { type: "floorLinear", floor: 0.6 };
  test.each<[string, string, number]>([["≥95%", "=95%", 10], ["≥100%", "=80%", 5], ["≥100%", "=60%", 0], ["≥100%", "=59%", 0], ["≥100%", "=110%", 10]])("floorLinear %s %s → %d", (t, a, s) => expect(score(fl, t, a, 10)).toBe(s));
  const costZero: Rule = { type: "cost", floor: 0.6, over: "zero" };
  const costPenalty: Rule = { type: "cost", floor: 0.6, over: "penalty" };
  test.each<[Rule, string, string, number]>([
    [costZero, "=103.6 元/人", "=103.6 元/人", 10],
    [costZero, "=100元", "=101元", 0],
    [costPenalty, "=100元", "=110元", 9],
    [costZero, "=100元", "=80元", 5],
    [costZero, "=100元", "=50元", 0],
  ])("cost %#", (r, t, a, s) => expect(score(r, t, a, 10)).toBe(s));
});

describe("bands", () => {
  const b11: Rule = { type: "bands", basis: "actual", bands: [{ min: 0.9, max: 1, maxInclusive: true, points: 3 }, { min: 0.8, max: 0.9, points: 2 }, { min: 0.7, max: 0.8, points: 1 }] };
  test.each<[string, number]>([["100%", 3], ["90%", 3], ["89.99%", 2], ["80%", 2], ["79.9%", 1], ["70%", 1], ["69.99%", 0], ["0%", 0]])("资金到位率 %s → %d", (a, s) => expect(score(b11, null, a, 3)).toBe(s));
  const share: Rule = { type: "bands", basis: "completion", bands: [{ min: 0.9, max: 1, maxInclusive: true, share: 1 }, { min: 0.8, max: 0.9, share: 0.8 }, { min: 0.6, max: 0.8, share: 0.6 }] };
  test.each<[string, number]>([["=91.4%", 15], ["=85.5%", 15], ["=80%", 12], ["=70%", 9], ["=50%", 0], ["=99%", 15]])("share of weight, target ≥95%, actual %s", (a, s) => expect(score(share, "≥95%", a, 15)).toBe(s));
});

describe("step deduction", () => {
  const b12: Rule = { type: "step", basis: "actual", full: 0.95, step: 0.05, deduct: 1, deductAs: "points" };
  test.each<[string, number]>([["95%", 4], ["100%", 4], ["94.99%", 3], ["90.56%", 3], ["90%", 3], ["89.99%", 2], ["75%", 0], ["10%", 0]])("预算执行率 %s", (a, s) => expect(score(b12, null, a, 4)).toBe(s));
  const c21: Rule = { type: "step", basis: "actual", full: 0.7, step: 0.1, deduct: 0.2, deductAs: "share" };
  test.each<[string, number]>([[">70%", 6], ["65%", 4.8], ["60%", 4.8], ["59%", 3.6], ["1%", 0]])("救助比例 %s", (a, s) => expect(score(c21, null, a, 6)).toBe(s));
});

describe("rate × weight, scaled below a threshold", () => {
  const b11: Rule = { type: "rateTimesWeight", basis: "actual" };
  const d13: Rule = { type: "rateTimesWeight", basis: "actual", fullAt: 0.9 };
  test("B11 100% → 2, 95% → 1.9, capped", () => {
    expect(score(b11, null, "100%", 2)).toBe(2);
    expect(score(b11, null, "95%", 2)).toBe(1.9);
    expect(score(b11, null, "120%", 2)).toBe(2);
  });
  test("D13 78.43% of 6 → 4.71; ≥90% full", () => {
    expect(score(d13, null, "78.43%", 6)).toBe(4.71);
    expect(score(d13, null, "90%", 6)).toBe(6);
  });
  const d31: Rule = { type: "scaledBelow", basis: "actual", fullAt: 0.9, zeroBelow: 0.6, multiplier: 3 };
  test.each<[string, number]>([["92.04%", 6], ["90%", 6], ["89%", 2.67], ["60%", 1.8], ["59.9%", 0]])("D31 %s", (a, s) => expect(score(d31, null, a, 6)).toBe(s));
});

describe("all-or-nothing, target of 0, deadline, satisfaction", () => {
  test("threshold follows the evaluator or the target", () => {
    expect(score({ type: "threshold" }, null, null, 6, "符合")).toBe(6);
    expect(score({ type: "threshold" }, null, null, 6, "不符合")).toBe(0);
    expect(score({ type: "threshold" }, "=100%", "=99%", 6)).toBe(0);
    expect(score({ type: "threshold" }, null, null, 6)).toBe("pending");
  });
  test("zero target", () => {
    expect(score({ type: "zeroTarget" }, "=0起", "0起", 5)).toBe(5);
    expect(score({ type: "zeroTarget" }, "=0起", "1起", 5)).toBe(0);
  });
  test("deadline", () => {
    expect(score({ type: "deadline" }, "2024年12月10日前", "2024年8月27日", 10)).toBe(10);
    expect(score({ type: "deadline" }, "2024年12月10日前", "2024年12月10日", 10)).toBe(10);
    expect(score({ type: "deadline" }, "2024年12月10日前", "2024年12月11日", 10)).toBe(0);
    expect(score({ type: "deadline" }, "2024年12月15日", "2024-12-03", 10)).toBe(10);
    expect(score({ type: "deadline" }, "2024年12月15日", 45629, 10)).toBe(10); // Excel serial for 2024-12-03
  });
  test("satisfaction: at or above → full; below → proportional", () => {
    expect(score({ type: "satisfaction" }, "=95%", "=100%", 10)).toBe(10);
    expect(score({ type: "satisfaction" }, ">=95%", "=90%", 10)).toBe(9.47);
  });
});

describe("checklists", () => {
  const shares: Rule = { type: "checklist", mode: "shares", items: [{ label: "①", share: 1 / 3 }, { label: "②", share: 1 / 3 }, { label: "③", share: 1 / 3 }] };
  const deductions: Rule = { type: "checklist", mode: "deductions", items: [{ label: "①", share: 0.4 }, { label: "②", share: 0.3 }, { label: "③", share: 0.3 }] };
  const points: Rule = { type: "checklist", mode: "points", items: [{ label: "①", points: 1 }, { label: "②", points: 1 }, { label: "③", points: 2 }] };
  test.each<[Rule, string, number]>([
    [shares, "①②③", 3], [shares, "①", 1], [shares, "①③", 2], [shares, "全部不符合", 0],
    [deductions, "②③", 1.8], [deductions, "①③", 2.1], [deductions, "全部符合", 3],
    [points, "③", 2], [points, "①②③", 3], [points, "①②", 2],
  ])("%#: %s", (rule, j, s) => expect(score(rule, null, null, 3, j)).toBe(s));
  test("points never above the weight", () => expect(score(points, null, null, 2, "①②③")).toBe(2));
  test("without a judgement a met grade counts every item", () => expect(score(shares, "充分", "充分", 2)).toBe(2));
  test("without any judgement it waits for the evaluator", () => expect(score(shares, null, null, 2)).toBe("pending"));
});

describe("qualitative tiers", () => {
  const q8050: Rule = ruleByName("定性三档")!;
  const q8060: Rule = ruleByName("定性三档80/60")!;
  test("top of the tier unless the evaluator says otherwise", () => {
    expect(score(q8050, "有效", "达成", 10)).toBe(10);
    expect(score(q8050, "有效", "部分达成", 10)).toBe(8);
    expect(score(q8050, "有效", "未达成", 10)).toBe(5);
    expect(score(q8060, "有效", "未达成", 10)).toBe(6);
    expect(score(q8050, "有效", "部分达成", 6, 0.5)).toBe(3);
    expect(score(q8050, "有效", "部分达成", 6, "60%")).toBe(3.6);
  });
  test("a share outside the tier is refused", () => expect(score(q8050, "有效", "部分达成", 6, 0.9)).toBe("unreadable"));
});

describe("rule names", () => {
  test.each(["正向比例", "反向比例", "按照完成比例赋分", "满意度赋分", "按评判等级赋分", "直接赋分", "不适用"])("%s is known", (n) => expect(ruleByName(n)).not.toBeNull());
  test("unknown names are null", () => expect(ruleByName("随便打分")).toBeNull());
});
