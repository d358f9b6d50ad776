import { installCustomFunctionsStub, call } from "./stub";
installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

describe("EVAL.* on seed figures", () => {
  test("SCORE", () => {
    expect(F.score("≥70%", "=100%", 10, "按照完成比例赋分")).toBe(5.71);
    expect(F.score("16000", "14368", 20, "正向比例")).toBe(17.96);
    expect(F.score("≤1%", "0", 10, "反向比例")).toBe(10);
    expect(F.score("<=1.5万元", "=1.3万元", 10, "按照完成比例赋分")).toBe(6.67);
    expect(F.score("95%", "94%", 10)).toBe(9.89);
    expect(F.score(">=180人", "=294人", 10, null, "xinjiang")).toBe(3.67);
    expect(F.score("2024年12月10日前", "2024年8月27日", 10, "直接赋分")).toBe(10);
  });
  test("RATING, BUDGET, EXECRATE", () => {
    expect(F.rating(90.71)).toBe("优");
    expect(F.rating(89.99)).toBe("良");
    expect(F.rating(90, "strict")).toBe("良");
    expect(F.budget(9.93, 9.2, 10)).toBe(9.26);
    expect(F.budget(100, 67.51, null, "hubei")).toBe(13.5);
    expect(F.execrate(5, 4.17)).toBe(0.834);
  });
  test("COMPLETION is direction-aware", () => {
    expect(F.completion("16000", "14368")).toBe(0.898);
    expect(F.completion("≤1.5万元", "1.2万元")).toBe(1.25);
    expect(F.completion("≤1%", "0")).toBe(1);
    expect(F.completion("2024年12月10日前", "2024年12月11日")).toBe(0);
    expect(F.completion("有效", "部分达成")).toBe(0.8);
  });
  test("DEVIATION and EXPLAIN", () => {
    expect(F.deviation("16000 人", "14368 人")).toBe("未完成：实际 14368 人，比目标 16000 人少 1632 人（-10.20%）");
    expect(F.explain("16000", "14368", 20, "正向比例")).toBe("完成率 = 14368 / 16000 = 89.80%；正向指标：得分 = 20 × 89.80% = 17.96；规则：正向比例");
  });
  test("TOTAL, WAVG, PARSE", () => {
    expect(F.total([[3.67], [10], [6.67]])).toBe(20.34);
    expect(F.wavg([[0.9], [1]], [[100], [300]])).toBe(0.975);
    expect(F.parse("≥24.37 万人")).toEqual([["类型 kind", "number"], ["运算符 op", ">="], ["数值 value", 243700], ["单位 unit", "人"]]);
  });
});

describe("bad input: the error code and its message", () => {
  test.each<[string, () => unknown, string, string]>([
    ["blank actual (web: null)", () => F.score("≥95%", null, 10), "#N/A", "实际完成值未填写"],
    ["blank actual (desktop: \"\")", () => F.score("≥95%", "", 10), "#N/A", "实际完成值未填写"],
    ["unreadable actual", () => F.score("≥95%", "大约一半", 10), "#VALUE!", "无法识别“大约一半”"],
    ["weight 0 (desktop blank)", () => F.score("≥95%", "90%", 0), "#VALUE!", "权重“0”不是正数"],
    ["weight blank", () => F.score("≥95%", "90%", null), "#VALUE!", "权重未填写"],
    ["weight text", () => F.score("≥95%", "90%", "十"), "#VALUE!", "不是正数"],
    ["unknown rule", () => F.score("≥95%", "90%", 10, "由专家酌情打分"), "#VALUE!", "未能理解评分规则"],
    ["unknown preset", () => F.score("≥95%", "90%", 10, null, "mars"), "#VALUE!", "未知的预设"],
    ["unit mismatch", () => F.score("242202人", "100%", 10), "#VALUE!", "单位不一致"],
    ["completion blank", () => F.completion("≥95%", null), "#N/A", "实际完成值未填写"],
    ["rating blank", () => F.rating(null), "#N/A", "总分未计算"],
    ["rating out of range", () => F.rating(120), "#VALUE!", "0–100"],
    ["budget zero", () => F.execrate(0, 5), "#VALUE!", "预算数为 0"],
    ["total with a blank", () => F.total([[3], [""], [4]]), "#N/A", "第 2 个得分为空"],
    ["total above weight", () => F.total([[3], [12]], [[5], [10]]), "#VALUE!", "超过其权重"],
    ["parse unreadable", () => F.parse("乱写"), "#VALUE!", "无法识别“乱写”"],
  ])("%s", (_name, f, code, message) => {
    const r = call(f);
    expect(Array.isArray(r)).toBe(true);
    const [c, m] = r as [string, string];
    expect(c).toBe(code);
    expect(m).toContain(message);
  });
});
