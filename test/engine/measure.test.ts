import { parseMeasure, parseActualAgainst } from "../../src/engine";
import { compare } from "../../src/engine";
import { describeDeviation } from "../../src/engine";
import type { Measure } from "../../src/engine";

function q(m: Measure): [string, string | null, number | null, string | null] {
  if (m.kind === "number") return [m.kind, m.op, m.value, m.unit];
  if (m.kind === "percent") return [m.kind, m.op, Math.round(m.value * 1e6) / 1e6, null];
  return [m.kind, null, null, null];
}

describe("parseMeasure reads every target and actual form of the seeds", () => {
  test.each<[string, [string, string | null, number | null, string | null]]>([
    ["≥24.37 万人", ["number", ">=", 243700, "人"]],
    ["=24.37万人", ["number", "=", 243700, "人"]],
    [">=1138种", ["number", ">=", 1138, "种"]],
    ["<=3.50万元", ["number", "<=", 35000, "元"]],
    ["=100%", ["percent", "=", 1, null]],
    ["≤1%", ["percent", "<=", 0.01, null]],
    ["95%", ["percent", null, 0.95, null]],
    ["=103.6 元/人", ["number", "=", 103.6, "元/人"]],
    ["<=450元/天/人", ["number", "<=", 450, "元/天/人"]],
    ["上访 率 ≤1%", ["percent", "<=", 0.01, null]],
    ["$\\geq 95\\%$", ["percent", ">=", 0.95, null]],
    ["30万", ["number", null, 300000, null]],
    ["16000", ["number", null, 16000, null]],
    ["242202 人", ["number", null, 242202, "人"]],
    ["≥95%", ["percent", ">=", 0.95, null]],
    ["=0.85万元/人", ["number", "=", 8500, "元/人"]],
    ["(委托)=5万元", ["number", "=", 50000, "元"]],
    ["=5万元左右的费用", ["unreadable", null, null, null]],
  ])("%s", (text, expected) => {
    expect(q(parseMeasure(text))).toEqual(expected);
  });
});

describe("parseMeasure reads the forms users type", () => {
  test.each<[string, [string, string | null, number | null, string | null]]>([
    [">= 95%", ["percent", ">=", 0.95, null]],
    ["＞＝９５％", ["percent", ">=", 0.95, null]],
    ["≧95%", ["percent", ">=", 0.95, null]],
    ["≦5%", ["percent", "<=", 0.05, null]],
    ["＜3次", ["number", "<", 3, "次"]],
    ["> 2 个", ["number", ">", 2, "个"]],
    ["＝12次", ["number", "=", 12, "次"]],
    ["═100%", ["percent", "=", 1, null]],
    ["不低于95%", ["percent", ">=", 0.95, null]],
    ["不少于1,200人次", ["number", ">=", 1200, "人次"]],
    ["95%以上", ["percent", ">=", 0.95, null]],
    ["不高于3%", ["percent", "<=", 0.03, null]],
    ["不超过10万元", ["number", "<=", 100000, "元"]],
    ["10万元以内", ["number", "<=", 100000, "元"]],
    ["5%以下", ["percent", "<=", 0.05, null]],
    ["1.2亿元", ["number", null, 120000000, "元"]],
    ["3千元", ["number", null, 3000, "元"]],
    ["1,234,567元", ["number", null, 1234567, "元"]],
    ["参保率不低于95%", ["percent", ">=", 0.95, null]],
    ["8户", ["number", null, 8, "户"]],
    ["26家", ["number", null, 26, "家"]],
    ["3辆", ["number", null, 3, "辆"]],
    ["100件", ["number", null, 100, "件"]],
    ["1年", ["number", null, 1, "年"]],
    ["30天", ["number", null, 30, "天"]],
    ["61元/人/年", ["number", null, 61, "元/人/年"]],
  ])("%s", (text, expected) => {
    expect(q(parseMeasure(text))).toEqual(expected);
  });

  test("an actual written with an operator keeps its figure and operator", () => {
    const m = parseMeasure("≥95%");
    expect(m).toMatchObject({ kind: "percent", op: ">=", value: 0.95 });
  });

  test("blank is not yet filled, never zero", () => {
    for (const b of [null, undefined, "", "  ", "—"]) expect(parseMeasure(b).kind).toBe("blank");
    expect(parseMeasure(0)).toMatchObject({ kind: "number", value: 0 });
  });

  test("dates", () => {
    expect(parseMeasure("2024年12月10日前")).toMatchObject({ kind: "date", op: "<=", year: 2024, month: 12, dayOfMonth: 10 });
    expect(parseMeasure("2024-12-10")).toMatchObject({ kind: "date", op: null, year: 2024, month: 12, dayOfMonth: 10 });
    expect(parseMeasure("12月底之前")).toMatchObject({ kind: "date", op: "<=", year: null, month: 12, dayOfMonth: 31 });
    expect(parseMeasure("2022年12月31日之前")).toMatchObject({ kind: "date", op: "<=", year: 2022 });
    expect(parseMeasure("=2024年7月31日")).toMatchObject({ kind: "date", op: "=", month: 7, dayOfMonth: 31 });
  });

  test("qualitative grades", () => {
    expect(parseMeasure("达到预期指标")).toMatchObject({ kind: "grade", grade: "met" });
    expect(parseMeasure("有效保障")).toMatchObject({ kind: "grade", grade: "met" });
    expect(parseMeasure("显著提升")).toMatchObject({ kind: "grade", grade: "met" });
    expect(parseMeasure("达成")).toMatchObject({ kind: "grade", grade: "met" });
    expect(parseMeasure("部分达成")).toMatchObject({ kind: "grade", grade: "partial" });
    expect(parseMeasure("未达成")).toMatchObject({ kind: "grade", grade: "unmet" });
    expect(parseMeasure("未达到预期指标")).toMatchObject({ kind: "grade", grade: "unmet" });
  });

  test("several figures in one cell", () => {
    const m = parseMeasure("普通居民 61 元/人/年; 特殊人员 140 元/人/年");
    expect(m.kind).toBe("multi");
    if (m.kind === "multi") expect(m.parts.map((p) => [p.label, p.measure.value])).toEqual([["普通居民", 61], ["特殊人员", 140]]);
  });

  test("what cannot be read is unreadable, naming the text", () => {
    for (const t of ["大约一百人", "abc", "95%左右吧", "3..5万元"]) {
      const m = parseMeasure(t);
      expect(m.kind).toBe("unreadable");
      if (m.kind === "unreadable") expect(m.reason).toContain(t);
    }
  });
});

describe("compare", () => {
  test("人 against % is a unit mismatch", () => {
    const c = compare(parseMeasure("242202 人"), parseMeasure("100%"));
    expect(c).toMatchObject({ ok: false, code: "unit-mismatch" });
  });
  test("万元 and 元 compare in the base unit", () => {
    const c = compare(parseMeasure("<=1.5万元"), parseMeasure("13000元"));
    expect(c.ok && c.kind === "quantity" && Math.round(c.ratio * 10000) / 10000).toBe(0.8667);
  });
  test("a blank actual is pending", () => {
    expect(compare(parseMeasure("≥95%"), parseMeasure(""))).toMatchObject({ ok: false, status: "pending", code: "actual-blank" });
  });
  test("a date without year borrows the other side's year", () => {
    const c = compare(parseMeasure("12月底之前"), parseMeasure("2024年12月3日"));
    expect(c).toMatchObject({ ok: true, kind: "date", met: true, daysLate: -28 });
  });
  test("0 against ≤1% is met", () => {
    expect(compare(parseMeasure("上访 率 ≤1%"), parseMeasure("0"))).toMatchObject({ ok: true, met: true });
  });
});

describe("describeDeviation", () => {
  test("the issue's example", () => {
    expect(describeDeviation(parseMeasure("16000人"), parseMeasure("14368人"))).toBe("未完成：实际 14368 人，比目标 16000 人少 1632 人（-10.20%）");
  });
  test("percent targets speak in percentage points", () => {
    expect(describeDeviation(parseMeasure("≥95%"), parseMeasure("94%"))).toBe("未完成：实际 94%，比目标 95% 少 1 个百分点（-1.05%）");
  });
  test("deadlines", () => {
    expect(describeDeviation(parseMeasure("2024年12月10日前"), parseMeasure("2024年12月6日"))).toBe("按时完成：2024年12月6日，比时限 2024年12月10日 提前 4 天");
  });
  test("blank", () => {
    expect(describeDeviation(parseMeasure("≥95%"), parseMeasure(null))).toBe("实际完成值未填写");
  });
});

describe("wordings of real tables", () => {
  const cmp = (t: string, a: string | number) => {
    const target = parseMeasure(t);
    return compare(target, parseActualAgainst(target, a));
  };
  test("百分比 for %, full-width and box-drawing operators, trailing punctuation", () => {
    expect(parseMeasure("≥100百分比")).toMatchObject({ kind: "percent", op: ">=", value: 1 });
    expect(parseMeasure("﹦100%")).toMatchObject({ kind: "percent", op: "=", value: 1 });
    expect(parseMeasure("═100%")).toMatchObject({ kind: "percent", op: "=" });
    expect(parseMeasure("≧735人次")).toMatchObject({ kind: "number", op: ">=", value: 735, unit: "人次" });
    expect(parseMeasure("社会认可的办学环境。")).toMatchObject({ kind: "grade", grade: "met" });
    expect(parseMeasure(">=530元/人*月")).toMatchObject({ kind: "number", value: 530, unit: "元/人/月" });
  });
  test("qualitative phrases of real tables", () => {
    for (const t of ["严格执行相关制度规定", "达成预期指标", "持续有效", "明显改善", "合格"]) expect(parseMeasure(t)).toMatchObject({ kind: "grade", grade: "met" });
    for (const t of ["基本达到", "较好", "基本完成"]) expect(parseMeasure(t)).toMatchObject({ kind: "grade", grade: "partial" });
  });
  test("dates with words: 2021年12月完成, 11月底完成100%, 年底前", () => {
    expect(parseMeasure("2021年12月完成")).toMatchObject({ kind: "date", op: "<=", year: 2021, month: 12, dayOfMonth: 31 });
    expect(parseMeasure("11月底完成100%")).toMatchObject({ kind: "date", month: 11, dayOfMonth: 30 });
    expect(parseMeasure("年底前")).toMatchObject({ kind: "date", year: null, month: 12, dayOfMonth: 31 });
    expect(cmp("2021年12月完成", "2021年12月完成")).toMatchObject({ ok: true, met: true });
  });
  test("a bare actual against a scaled unit is read in the target's unit, and says so", () => {
    const c = cmp("≤202.6万元", 132.9);
    expect(c).toMatchObject({ ok: true, kind: "quantity", met: true });
    if (c.ok && c.kind === "quantity") {
      expect(c.actual).toBeCloseTo(1329000);
      expect(c.notes.join()).toContain("按目标的单位（万元）计");
    }
    expect(cmp("=8个", 8)).toMatchObject({ ok: true, met: true });
  });
  test("the same words as the target are the target reached; 无 against a count is 0", () => {
    expect(cmp("社会认可的办学环境", "社会认可的办学环境.")).toMatchObject({ ok: true, kind: "grade", met: true });
    expect(cmp("大约一百人", "大约一百人")).toMatchObject({ ok: true, met: true });
    expect(cmp("大约一百人", "大约九十人")).toMatchObject({ ok: false });
    expect(cmp("0起", "无")).toMatchObject({ ok: true, met: true });
    expect(cmp("100%", "无")).toMatchObject({ ok: true, met: false, actual: 0 });
  });
  test("a met description with no target to compare (—, 一, words) counts as reached; partial stays a grade", () => {
    const c = cmp("—", "持续有效");
    expect(c).toMatchObject({ ok: true, kind: "quantity", met: true, ratio: 1, allOrNothing: true, qualitative: true });
    expect(describeDeviation(parseMeasure("—"), parseMeasure("持续有效"))).toBe("已达成：持续有效");
    expect(cmp("—", "基本达到")).toMatchObject({ ok: true, kind: "grade", grade: "partial" });
    expect(cmp("—", "说不清楚")).toMatchObject({ ok: false, status: "unreadable" });
  });
});
