import { installCustomFunctionsStub, call } from "./stub";
installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

describe("questionnaire functions on seed figures", () => {
  test("SURVEYRATE: seed 004 知晓率 (19 + 61) / 102", () => {
    expect(F.surveyrate([["熟悉", 19], ["一般了解", 61], ["不清楚", 22]], [["熟悉"], ["一般了解"]])).toBe(0.784314);
    expect(F.surveyrate([["熟悉", 19], ["一般了解", 61], ["不清楚", 22]], [["熟悉,一般了解"]])).toBe(0.784314);
    expect(F.surveyrate([["熟悉", 19], ["一般了解", 61], ["不清楚", 22]], [["1,2"]])).toBe(0.784314);
    expect(F.surveyrate([["非常满意（线上操作简便）", 159], ["满意", 89], ["一般", null], ["不满意", null]], undefined, 256)).toBe(0.96875);
  });
  test("SURVEYCHECK: seed 004 table 2 and table 3", () => {
    expect(F.surveycheck([["熟悉", 9], ["一般了解", 70], ["不清楚", 23]], [["8.63%"], ["68.82%"], ["22.55%"]], 102)).toEqual([
      ["survey-share-mismatch", "选项“熟悉”写作 8.63%，按 9 / 102 计算为 8.82%"],
      ["survey-share-mismatch", "选项“一般了解”写作 68.82%，按 70 / 102 计算为 68.63%"],
    ]);
    const t3 = F.surveycheck([[5], [68], [26]], [[0.0804], [0.6627], [0.2569]], 102);
    expect(t3[0]).toEqual(["survey-count-sum", "各选项人数合计 99，与有效问卷数 102 不符"]);
    expect(F.surveycheck([[19], [61], [22]], [["18.63%"], ["59.80%"], ["21.57%"]], 102)).toEqual([["ok", "未发现问题"]]);
  });
  test("ALPHA", () => {
    expect(F.alpha([[1, 2, 2], [2, 2, 3], [4, 5, 4], [5, 4, 5], [3, 3, 3]])).toBeCloseTo(0.942568, 6) // Python statistics.variance gives 0.9425675675…;
  });
  test("errors", () => {
    expect(call(() => F.alpha([[1], [2]]))).toEqual(["#VALUE!", expect.stringContaining("至少需要 2 个题目")]);
    expect(call(() => F.surveyrate([["满意", "很多"]]))).toEqual(["#VALUE!", expect.stringContaining("不是有效数字")]);
    expect(call(() => F.surveycheck([[1], [2]], [[0.5]], 3))).toEqual(["#VALUE!", expect.stringContaining("行数不同")]);
  });
});
