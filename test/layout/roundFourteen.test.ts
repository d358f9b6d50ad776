import { applyRulebook, DEFAULT_RULES, evaluateTable, normaliseRating, runPipeline, type Grid, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the fourteenth round: 河北's form, which scores each row out of 100 (单项指标得分) and converts
 * it by the row's weight share (权重占比) into its points (单项指标折算得分).
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const found = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.severity !== "info");

describe("河北's 单项指标得分 | 权重占比(%) | 单项指标折算得分 (成安 民政)", () => {
  const form = (rows: [string, string, number, string, number, number, number][]) => grid([
    ["一级指标", "二级指标", "三级指标", "预期指标值", null, null, "单项指标实际完成值", "单项指标完成情况", "自评得分", null, null],
    [null, null, null, "符号", "值", "单位(文字描述)", null, null, "单项指标得分", "权重占比(%)", "单项指标折算得分"],
    ...rows.map(([l1, name, target, actual, unit, weight, converted]) => [l1, "质量指标", name, ">=", target, "%(百分比)", actual, "完成", unit, weight, converted]),
  ]);
  test("a form filled right: the converted score is the row's points, nothing told", () => {
    const g = form([["产出指标", "覆盖率", 98, "100%", 100, 60, 60], ["满意度指标", "满意度", 95, "96%", 100, 40, 40]]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.reported_score)).toEqual([60, 40]);
    expect(t.result.indicators.map((r) => r.weight)).toEqual([60, 40]);
    expect(found(g).map((x) => x.code)).toEqual([]);
  });
  test("the weight share written as the score out of 100: one finding naming the rows, beside each row's score-mismatch", () => {
    const g = form([["产出指标", "覆盖率", 98, "100%", 25, 25, 6.25], ["产出指标", "完成率", 99, "100%", 25, 25, 6.25], ["效益指标", "补贴发放率", 75, "100%", 50, 50, 25]]);
    const f = found(g);
    expect(f.map((x) => x.code).sort()).toEqual(["score-mismatch", "score-mismatch", "score-mismatch", "unit-score-is-weight"]);
    const w = f.find((x) => x.code === "unit-score-is-weight")!;
    expect(w.rows).toEqual([0, 1, 2]);
    expect(w.message).toContain("第 1 项“覆盖率”写 25（权重占比 25%，按完成情况应为 100）");
    expect(w.message).toContain("25 × 25% = 6.25");
  });
  test("a converted score that is not the product is told on its row; a row scoring its weight share by its rule is not", () => {
    const g = form([["产出指标", "覆盖率", 98, "100%", 100, 60, 50], ["满意度指标", "满意度", 100, "40%", 40, 40, 16]]);
    const f = found(g);
    expect(f.filter((x) => x.code === "unit-score-conversion").map((x) => x.indicator)).toEqual([0]);
    expect(f.find((x) => x.code === "unit-score-conversion")!.message).toBe("第 1 项“覆盖率”折算得分写作 50，按单项指标得分 100 × 权重占比 60% 应为 60");
    // (40% of a 100% target earns 40 out of 100: the 40 written is due, though it equals the weight share.)
    expect(f.map((x) => x.code)).not.toContain("unit-score-is-weight");
  });
  test("单项指标得分 with no 折算得分 column is the score itself", () => {
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "单项指标得分"],
      ["产出指标", "覆盖率", "≥98%", "100%", 60, 60],
      ["满意度指标", "满意度", "≥95%", "95%", 40, 40],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.reported_score)).toEqual([60, 40]);
    expect(found(g)).toEqual([]);
  });
  test("from data: unit_score is checked the same way", () => {
    const t: TableInput = { id: "t", indicators: [{ name: "覆盖率", weight: 30, target: "≥98%", actual: "100%", unit_score: 30, reported_score: 9 }] };
    const codes = evaluateTable(t).findings.map((x) => x.code);
    expect(codes).toContain("unit-score-is-weight");
    expect(codes).toContain("score-mismatch");
    expect(codes).not.toContain("unit-score-conversion");
  });
});

/** The rulebook's findings on a table given as data. */
const reviewed = (t: TableInput) => applyRulebook(t, evaluateTable(t), DEFAULT_RULES, { hasSurvey: false });
/** One row evaluated from data. */
const row = (target: string, actual: string, extra: Record<string, unknown> = {}) => evaluateTable({ id: "t", indicators: [{ name: "指标", weight: 100, target, actual, deviation_note: "原因已说明", ...extra }] });

describe("wordings met on first contact with tables from other provinces (a blind probe of 13 forms)", () => {
  test("two units of one kind are converted and compared, and the mixed units told (12公里 | 12600米)", () => {
    const r = row("12公里", "12600米");
    expect(r.indicators[0]).toMatchObject({ status: "ok", score: 100, met: true });
    expect(r.indicators[0]!.explanation).toContain("实际值“12600米”换算为 12.6公里 计");
    expect(r.findings.find((f) => f.code === "unit-converted")!.message).toBe("第 1 项“指标”目标以“公里”计（12公里），实际完成值却以“米”计（12600米）：计量单位不统一，已换算为 12.6公里 比较");
    expect(row("≥10吨", "9500公斤").indicators[0]!.score).toBeCloseTo(95, 9);
    expect(row("≥1.5万亩", "1000公顷").indicators[0]!.met).toBe(true);
    // One unit under two names (千米, 公里): nothing to tell.
    const same = row("≥12公里", "12千米");
    expect(same.indicators[0]!.met).toBe(true);
    expect(same.findings.map((f) => f.code)).not.toContain("unit-converted");
    // Units of two kinds stay unreadable; days are not converted to hours.
    expect(row("3000人", "2860户").indicators[0]!.status).toBe("unreadable");
    expect(row("≤2天", "40小时").indicators[0]!.status).toBe("unreadable");
  });
  test("a date with what happened on it (2023年5月12日签订) is that event's date, against a deadline naming it", () => {
    const late = row("2023年3月底前签订", "2023年5月12日签订");
    expect(late.indicators[0]).toMatchObject({ status: "ok", met: false, score: 0 });
    expect(late.indicators[0]!.explanation).toContain("逾期 42 天");
    expect(row("2023年6月30日前", "2023年6月2日验收").indicators[0]!.met).toBe(true);
    // Words that are no event leave the text unread.
    expect(row("2023年3月底前", "2023年5月12日左右").indicators[0]!.status).toBe("unreadable");
  });
  test("a time limit in a sentence, and one said done (24小时内完成), is at most that time", () => {
    const r = row("雪停后24小时内完成主干道清雪", "24小时内完成");
    expect(r.indicators[0]).toMatchObject({ status: "ok", met: true, score: 100 });
    expect(row("≤3个工作日", "接件后3个工作日内办结").indicators[0]!.met).toBe(true);
    expect(row("≤24小时", "36小时内完成").indicators[0]!.met).toBe(false);
    // A limit answered 完成 is done within it: no figure asked for.
    expect(row("6个月内完成", "完成").findings.map((f) => f.code)).toEqual([]);
  });
  test("the target's own words as the actual are met, even words of a lesser grade (有所提高 | 有所提高)", () => {
    expect(row("有所提高", "有所提高").indicators[0]).toMatchObject({ met: true, score: 100 });
    expect(row("有所提高", "基本达到").indicators[0]!.met).toBe(false);
  });
  test("a rise asked for in words, answered by the level reached with the year before's (提高至33.6%（上年31.9%）)", () => {
    const up = row("较上年有所提高", "提高至33.6%（上年31.9%）");
    expect(up.indicators[0]).toMatchObject({ status: "ok", met: true, score: 100 });
    expect(up.indicators[0]!.explanation).toContain("33.6% 高于上年 31.9%");
    const down = row("较上年有所提高", "提高至30%（上年31.9%）");
    expect(down.indicators[0]!.met).toBe(false);
    expect(row("有所提高", "提升至95%").indicators[0]!.met).toBe(true);
    // A bare figure says nothing of a rise: still not comparable.
    expect(row("有所提高", "95%").indicators[0]!.status).toBe("unreadable");
  });
});

describe("what the audit of the corpus's unpaired findings found (61 read one by one)", () => {
  test("missed targets on scored rows of a sheet with no reason column are told once, naming the rows", () => {
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "培训人数", "≥100人", "90人", 30, 27],
      ["产出指标", "验收合格率", "100%", "95%", 30, 28.5],
      ["满意度指标", "满意度", "≥90%", "95%", 40, 40],
      ["总分", null, null, null, 100, 95.5],
    ]);
    const f = found(g).filter((x) => x.code === "deviation-missing");
    expect(f).toHaveLength(1);
    expect(f[0]!.rows).toEqual([0, 1]);
    expect(f[0]!.message).toContain("2 项未达到目标");
    expect(f[0]!.message).toContain("表中没有偏差原因栏");
    // From data (no sheet, no column said either way) each row is still told.
    const data = evaluateTable({ id: "t", indicators: [{ name: "培训人数", weight: 100, target: "≥100人", actual: "90人", reported_score: 90 }] });
    expect(data.findings.filter((x) => x.code === "deviation-missing").map((x) => x.severity)).toEqual(["warning"]);
  });
  test("a rate truncated is told once, on the total row, and said to be truncated; a fraction is held to its own digits", () => {
    const t = (rate: string | number, partRate: string | number): TableInput => ({ id: "t", budget: { full_year: 32.4, executed: 31.69, weight: 10, rate_as_written: String(rate), reported_score: 9.78, parts: [{ label: "当年财政拨款", full_year: 32.4, executed: 31.69, rate_as_written: String(partRate) }] }, indicators: [{ name: "补助人数", weight: 90, target: "≥8人", actual: "8人", reported_score: 90 }] });
    const f = evaluateTable(t("97.80%", "97.80%")).findings.filter((x) => x.code === "rate-mismatch");
    expect(f.map((x) => x.message)).toEqual(["预算执行率写作 97.80%，按 31.69 / 32.4 计算为 97.81%（是截去尾数，未四舍五入）"]);
    expect(evaluateTable(t("97.81%", "97.81%")).findings.filter((x) => x.code === "rate-mismatch")).toEqual([]);
    // 0.978 is 31.69 / 32.4 = 0.97809 to three decimals; 0.977 is not.
    expect(evaluateTable(t("0.978", "0.978")).findings.filter((x) => x.code === "rate-mismatch")).toEqual([]);
    expect(evaluateTable(t("0.977", "0.977")).findings.filter((x) => x.code === "rate-mismatch")).toHaveLength(1);
  });
  test("a funding standard to be provided (生均公用经费标准 ≥720元) is no cost ceiling (R04)", () => {
    const t = (name: string): TableInput => ({ id: "t", indicators: [{ name, level2: "成本指标", weight: 100, target: "≥720元/生·年", actual: "720元/生·年", reported_score: 100 }] });
    const codes = (name: string) => reviewed(t(name)).map((f) => f.code);
    expect(codes("小学生均公用经费标准")).not.toContain("cost-direction");
    expect(codes("项目成本控制")).toContain("cost-direction");
  });
  test("all full marks with a target missed names the rows missed (R01)", () => {
    const t: TableInput = { id: "t", indicators: [
      { name: "治理企业数", weight: 40, target: "≥10家", actual: "10家", reported_score: 40 },
      { name: "单家补助", weight: 30, target: "≤15万元", actual: "16.8万元", reported_score: 30, deviation_note: "设备涨价" },
      { name: "满意度", weight: 30, target: "≥90%", actual: "95%", reported_score: 30 },
    ] };
    const f = reviewed(t).find((x) => x.code === "all-full-marks")!;
    expect(f.rows).toEqual([1]);
    expect(f.message).toContain("按规则复核有 1 项未完成目标（单家补助）");
  });
  test("work carried into next year explains money unspent (R26)", () => {
    const g = (reason: string) => grid([
      ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 287, 171, 10, "59.58%", 5.96],
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "计划完成率", "90%", "60%", 50, 33.33, reason],
      ["满意度指标", "满意度", "≥90%", "95%", 40, 40, null],
      ["总分", null, null, null, 100, 79.29, null],
    ]);
    expect(found(g("部分项目延续至下年")).map((x) => x.code)).not.toContain("budget-underspent-unexplained");
    expect(found(g("工作人员不足")).map((x) => x.code)).toContain("budget-underspent-unexplained");
  });
});

describe("吉林's 部门整体 form (blind probe): the rating as boxes to tick, a reason row under the funds", () => {
  const form = (rating: string, reason: string | null) => grid([
    ["部门预算资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 85, 10, "85.00%", 8.5],
    [null, "其中：财政拨款", 100, 100, 85, null, null, null],
    ...(reason ? [["执行率偏低原因", null, reason, reason, reason, reason, reason, reason]] : []),
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析"],
    ["产出指标", "数量指标", "维修校舍面积", "≥1000平方米", "1000平方米", 50, 50, null],
    ["满意度指标", "满意度", "家长满意度", "≥90%", "95%", 40, 40, null],
    ["总分", null, null, null, null, 100, 98.5, null],
    ["自评等级", null, rating, rating, rating, rating, rating, rating],
  ]);
  test("the one grade ticked is the rating reported, and checked", () => {
    const t = tablesOf(form("优（√）    良（  ）    中（  ）    差（  ）", null))[0]!;
    expect(t.detected.table.reported_rating).toContain("优（√）");
    expect(found(form("优（√）    良（  ）    中（  ）    差（  ）", null)).map((x) => x.code)).not.toContain("rating-unreadable");
    const wrong = found(form("优（  ）    良（√）    中（  ）    差（  ）", null)).find((x) => x.code === "rating-inconsistent")!;
    expect(wrong.message).toBe("报告总分 98.50 应评为“优”，报告为“良（表中勾选）”");
  });
  test.each([
    ["☑优 □良 □中 □差", "优"], ["□优 ■良 □中 □差", "良"], ["优 良√ 中 差", "良"], ["√优秀 □良好 □合格 □不合格", "优"],
    ["优（√） 良（√） 中（ ） 差（ ）", null], ["优 良 中 差", null],
  ])("%s → %s", (text, rating) => {
    expect(normaliseRating(text)).toBe(rating);
  });
  test("a reason row under the funds is no source of money, and answers for the money unspent (R26)", () => {
    const t = tablesOf(form("优（√） 良（ ） 中（ ） 差（ ）", "因招标流标两次，部分工程款结转下年"))[0]!;
    expect(t.detected.table.budget!.parts!.map((p) => p.label)).toEqual(["财政拨款"]);
    expect(t.detected.table.budget!.reason).toContain("因招标流标两次");
    expect(t.result.findings.map((f) => f.code)).not.toContain("budget-underspent-unexplained");
    expect(tablesOf(form("优（√） 良（ ） 中（ ） 差（ ）", null))[0]!.result.findings.map((f) => f.code)).toContain("budget-underspent-unexplained");
  });
});

describe("actuals as units type them, probed after the blind forms", () => {
  test("a remark in brackets after the value is shown and not read (95.2%（有效问卷500份）); one that denies it keeps the cell unread", () => {
    const r = row("≥90%", "95.2%（有效问卷500份）");
    expect(r.indicators[0]).toMatchObject({ status: "ok", met: true, score: 100 });
    expect(r.indicators[0]!.explanation).toContain("95.2%（有效问卷500份） / 90%");
    expect(row("≤50万元", "48.6万元（决算数）").indicators[0]!.met).toBe(true);
    expect(row("≥30场", "28场（含线上10场）").indicators[0]!.score).toBeCloseTo(93.333333, 5);
    expect(row("≥95%", "95%（未达标）").indicators[0]!.status).toBe("unreadable");
  });
  test("a count in Chinese numerals (两次, 十二个), and a figure with 余 (1200余人次), are read", () => {
    expect(row("≥2次", "两次").indicators[0]!.met).toBe(true);
    expect(row("≥12个", "十一个").indicators[0]!.score).toBeCloseTo(100 * 11 / 12, 9);
    expect(row("≥1000人次", "1200余人次").indicators[0]!.met).toBe(true);
    // 一般 is a grade, not one of anything.
    expect(row("好", "一般").indicators[0]!.met).toBe(false);
  });
  test("a fraction typed for a rate (0.96 against ≥95%) is read as a percentage, and said; a figure that can only be points stays points", () => {
    const r = row("≥95%", "0.96");
    expect(r.indicators[0]).toMatchObject({ met: true, score: 100 });
    expect(r.indicators[0]!.explanation).toContain("按 96% 计（按小数形式的百分比读取）");
    expect(row("≥95%", "96").indicators[0]!.met).toBe(true);
    expect(row("≥5%", "0.8").indicators[0]!.score).toBeCloseTo(16, 9);
    expect(row("≥95%", "0").indicators[0]!.score).toBe(0);
  });
  test("an actual with its own scale and no unit (99.5万 against ≤100万元) is not scaled twice", () => {
    const r = row("≤100万元", "99.5万");
    expect(r.indicators[0]).toMatchObject({ met: true, score: 100 });
    expect(r.indicators[0]!.explanation).toContain("按 99.5万元 计");
    expect(row("≤100万元", "99.5").indicators[0]!.met).toBe(true);
  });
});

describe("going over the budget, in words", () => {
  test.each([["未超预算", true], ["未突破年度预算", true], ["严格控制，未超支", true], ["超支", false], ["项目超出预算10%", false]])("控制在预算内 | %s → met %s", (text, met) => {
    expect(row("控制在预算内", text as string).indicators[0]!.met).toBe(met);
  });
  test("a ceiling in words answered 未超预算 is met", () => {
    expect(row("≤预算金额", "未超预算").indicators[0]!.met).toBe(true);
    expect(row("≤预算", "超出预算").indicators[0]!.met).toBe(false);
  });
});

describe("the second blind probe (12 more forms: 山东 … 安徽 民生工程)", () => {
  test("a 分值 merged over the rows of one level, each row scored, is shared evenly and said (分值按二级指标设置)", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "维修养护处数", "≥46处", "46处", 24, 8, null],
      [null, null, "更换管网长度", "≥32公里", "29.6公里", null, 7.4, "施工交叉，顺延至次年"],
      [null, null, "检测覆盖村数", "≥332个", "332个", null, 8, null],
      ["满意度指标", "满意度", "群众满意度", "≥90%", "92%", 76, 76, null],
      ["总分", null, null, null, null, 100, 99.4, null],
    ], [{ r1: 1, c1: 0, r2: 3, c2: 0 }, { r1: 1, c1: 1, r2: 3, c2: 1 }, { r1: 1, c1: 5, r2: 3, c2: 5 }]);
    const t = tablesOf(g)[0]!;
    expect(t.result.indicators.map((r) => r.weight)).toEqual([8, 8, 8, 76]);
    expect(t.result.indicators[1]!.score).toBeCloseTo(7.4, 9);
    expect(found(g)).toEqual([]);
    expect(t.result.findings.find((f) => f.code === "layout" && f.message.includes("按平均分配"))!.message).toContain("分值 24 合并在 3 项指标上（第 2–4 行），各项都有得分：按平均分配，每项 8 分");
    // Scores that do not fit an even share (16 of 24 on one of two rows): weights set by hand, left as they were.
    const uneven = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "维修养护处数", "≥46处", "46处", 24, 16],
      [null, null, "更换管网长度", "≥32公里", "32公里", null, 8],
      ["满意度指标", "满意度", "群众满意度", "≥90%", "92%", 76, 76],
    ], [{ r1: 1, c1: 5, r2: 2, c2: 5 }]);
    expect(tablesOf(uneven)[0]!.result.indicators.map((r) => r.weight)).toEqual([24, null, 76]);
  });
  test("targets written as sentences: a deadline at the end, a bound at the end, a label in quotation marks", () => {
    expect(row("年度文化惠民活动于2023年12月底前全部完成", "2023年12月20日前全部完成").indicators[0]!.met).toBe(true);
    expect(row("对全区28处文物保护单位开展安全巡查不少于4轮", "完成巡查4轮，覆盖28处").indicators[0]).toMatchObject({ status: "ok", met: true });
    expect(row("“三公”经费支出控制在12.5万元以内", "“三公”经费实际支出11.8万元").indicators[0]!.met).toBe(true);
    expect(row("为全县1200户低保户发放补助不少于95%", "96%").indicators[0]!.met).toBe(true);
    // A bound on each of several is no total.
    expect(row("对12个乡镇开展培训，每个乡镇不少于2次", "24次").indicators[0]!.status).toBe("unreadable");
  });
  test("a grade on a scale as the floor (较好及以上（好/较好/一般/差）) is met by that grade or better", () => {
    expect(row("较好及以上（好/较好/一般/差）", "较好").indicators[0]).toMatchObject({ met: true, score: 100 });
    expect(row("良好以上", "优秀").indicators[0]!.met).toBe(true);
    expect(row("较好及以上", "一般").indicators[0]!.met).toBe(false);
    // Without 及以上 the grade itself is asked for: 较好 for 好 is partly met, as before.
    expect(row("好", "较好").indicators[0]!.met).toBe(false);
  });
  test("自评：优 | 复核：良 reads the self-evaluation's rating", () => {
    expect(normaliseRating("自评：优")).toBe("优");
    expect(normaliseRating("等级：良好")).toBe("良");
  });
});

describe("the review of this round's changes: readings that must not turn a doubt into a score", () => {
  const status = (t: string, a: string) => {
    const r = row(t, a).indicators[0]!;
    return r.status === "ok" ? (r.met ? "met" : "unmet") : r.status;
  };
  test.each([
    // S1: denials are unmet; plans and rough wordings unread.
    ["2023年12月底前完成", "未能于2023年12月底前完成", "unmet"],
    ["24小时内完成", "未能在24小时内完成", "unmet"],
    ["开展巡查不少于4轮", "实际完成巡查3轮，未达到不少于4轮", "unmet"],
    ["2023年12月底前完成", "计划于2023年11月完成", "unreadable"],
    ["3个工作日内办结", "一般在3个工作日内办结", "unreadable"],
    ["≥95%", "合格率未达到95%", "unmet"],
    // S2: the clause in the target's unit, not where another clause says something was not done or names the plan.
    ["对28处文保单位开展巡查不少于4轮", "完成巡查4轮，其中2轮未完成", "unmet"],
    ["开展巡查不少于4轮", "计划巡查4轮，因疫情仅完成2次", "unreadable"],
    ["≥100人", "应培训100人，部分人员未参加", "unreadable"],
    // S3: the date of a start is no finish.
    ["2023年12月底前完工", "2023年5月开工", "unreadable"],
    ["2023年9月底前拨付", "2023年9月下达", "unreadable"],
    ["2023年6月底前签订合同", "2023年5月12日签订", "met"],
    // S4: a bound on each, or on a size, or one of two targets, is not the target.
    ["为1200户发放补助，户均不少于2000元", "240万元", "unreadable"],
    ["新建道路10公里，路面宽度不低于6米", "9.5公里", "unreadable"],
    ["完成绿化面积不少于5000平方米", "5200平方米", "met"],
    // S6: a remark that qualifies the figure leaves it unread.
    ["100%", "100%（部分完成）", "unreadable"],
    ["≥95%", "96%（预计）", "unreadable"],
    ["≥100户", "100户（实际发放80户）", "unreadable"],
    ["≤5%", "3%（超标）", "unreadable"],
    // M5: the far side of a limit says it was missed, not by how much.
    ["接件后3个工作日内办结", "超过3个工作日", "unreadable"],
    ["≥95%", "不足95%", "unreadable"],
    ["≥95%", "超过95%", "met"],
    // S10: the fraction reading only near a floor of 50% or more.
    ["≤10%", "0.5", "met"],
    // M2: 余 is more than the figure: past a ceiling at that figure.
    ["≤30天", "30余天", "unreadable"],
    ["≥1000人次", "1200余人次", "met"],
    ["≥12%", "1", "unmet"],
  ])("%s | %s → %s", (t, a, want) => {
    expect(status(t, a)).toBe(want);
  });
  test("S3: the date of an event the indicator is named for answers its deadline (合同签订时间 | 2023年5月12日签订)", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "保洁服务采购合同签订时间", weight: 100, target: "2023年3月底前", actual: "2023年5月12日签订", deviation_note: "招标延误" }] });
    expect(r.indicators[0]).toMatchObject({ status: "ok", met: false, score: 0 });
  });
  test("S5: a number cell with many decimals against 万元 keeps the target's unit", () => {
    const r = evaluateTable({ id: "t", indicators: [{ name: "完成投资额", weight: 100, target: "≥90万元", actual: 95.12345, reported_score: 100 }] });
    expect(r.indicators[0]).toMatchObject({ met: true, score: 100 });
    expect(r.findings.map((f) => f.code)).not.toContain("score-mismatch");
  });
  test("S7: denials of overspending are met", () => {
    for (const a of ["未出现超支", "不存在超支情况", "没有发生超支", "不超支", "未发生超预算情况"]) expect(status("控制在预算范围内", a)).toBe("met");
  });
  test("S8: meeting, training and office standards stay ceilings when read from a sheet", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "成本指标", "会议经费金额", "5万元", "4.8万元", 20, 20],
      ["满意度指标", "满意度", "满意度", "≥90%", "95%", 80, 80],
    ]);
    expect(found(g).map((x) => x.code)).toEqual([]);
  });
  test("S9: 单项指标得分 beside a plain 自评得分 (no 折算) is not a score out of 100", () => {
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "单项指标得分", "自评得分"],
      ["产出指标", "覆盖率", "≥98%", "100%", 60, 60, 60],
      ["满意度指标", "满意度", "≥90%", "95%", 40, 40, 40],
    ]);
    expect(found(g).map((x) => x.code)).toEqual([]);
    const sub = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "单项得分", "合计得分"],
      ["产出指标", "覆盖率", "≥98%", "100%", 60, 60, 100],
      ["满意度指标", "满意度", "≥90%", "95%", 40, 40, null],
    ]);
    expect(tablesOf(sub)[0]!.result.indicators.map((r) => r.reported_score)).toEqual([60, 40]);
  });
  test("S11: a rate written as a fraction is held to its percentage's digits", () => {
    const t = (rate: string): TableInput => ({ id: "t", budget: { full_year: 100, executed: 60, weight: 10, rate_as_written: rate, reported_score: 6 }, indicators: [{ name: "补助人数", weight: 90, target: "≥8人", actual: "8人", reported_score: 90 }] });
    expect(evaluateTable(t("1")).findings.map((x) => x.code)).toContain("rate-mismatch");
    expect(evaluateTable(t("0.6")).findings.map((x) => x.code)).not.toContain("rate-mismatch");
  });
  test.each([["○优 ●良 ○中 ○差", "良"], ["优 √良 中 差", "良"], ["优 √ 良 中 差", null], ["优（√）良（）中（）差（）", "优"]])("S12: %s → %s", (text, rating) => {
    expect(normaliseRating(text)).toBe(rating);
  });
  test("M3: an even share of 20 over three rows, written 6.67, is not above its weight", () => {
    const g = grid([
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "甲", "≥1个", "1个", 20, 6.67],
      [null, "乙", "≥1个", "1个", null, 6.67],
      [null, "丙", "≥1个", "1个", null, 6.66],
      ["满意度指标", "满意度", "≥90%", "95%", 80, 80],
    ], [{ r1: 1, c1: 4, r2: 3, c2: 4 }]);
    expect(found(g).map((x) => x.code)).not.toContain("score-above-weight");
  });
});

describe("the third blind probe (12 harder forms): 评分标准 printed beside each row", () => {
  const ruled = (rule: string, target: string, actual: string, reported?: number) => evaluateTable({ id: "t", indicators: [{ name: "指标", weight: 10, target, actual, rule_text: rule, deviation_note: "原因已说明", ...(reported !== undefined ? { reported_score: reported } : {}) }] });
  test.each([
    ["完成率×分值（完成率=实际完成值/年度指标值，最高为100%）", "≥1100吨/日", "1023吨/日", 9.3],
    ["完成率×分值", "≥42公里", "38.6公里", 9.19],
    ["得分=实际完成值/年度指标值×分值", "≥42公里", "38.6公里", 9.19],
    ["实际值≤指标值的得满分；超出的，得分=指标值/实际值×分值", "≤260元/吨", "268元/吨", 9.7],
    ["按期完成得满分，逾期不得分", "2023年9月30日前", "2023年11月20日完成验收", 0],
  ])("%s | %s | %s → %s", (rule, target, actual, score) => {
    const r = ruled(rule, target, actual).indicators[0]!;
    expect(r.status).toBe("ok");
    expect(Math.round(r.score! * 100) / 100).toBe(score);
    expect(r.explanation).toContain("按文字理解为");
  });
  test("达到预期得满分，部分达到得分值的50%: three grades at fixed shares", () => {
    expect(ruled("达到预期得满分，部分达到得分值的50%，未达到不得分", "健全", "基本达到").indicators[0]!.score).toBeCloseTo(5, 9);
  });
  test("a rule not read as a whole that says a target met scores full: a met row scores full, said; an unmet row stays needs-rule", () => {
    const met = ruled("在职人员控制率≤100%得满分；每超出1%扣0.5分", "≤100%", "96.4%", 10);
    expect(met.indicators[0]).toMatchObject({ status: "ok", score: 10 });
    expect(met.findings.filter((f) => f.code !== "weights-total").map((f) => `${f.code}/${f.severity}`)).toEqual(["rule-met-full/info"]);
    // A reported score below full may follow the rule's other conditions: the evaluator's judgement, no mismatch.
    const less = ruled("资金使用符合规定得满分；每发现一例违规扣1分", "合规", "合规", 8);
    expect(less.indicators[0]).toMatchObject({ status: "ok", score: 8 });
    expect(less.findings.map((f) => f.code)).not.toContain("score-mismatch");
    expect(ruled("在职人员控制率≤100%得满分；每超出1%扣0.5分", "≤100%", "103%").indicators[0]!.status).toBe("needs-rule");
    expect(ruled("“三公”经费变动率≤0得满分；大于0不得分", "≤0", "-6.8%", 10).indicators[0]).toMatchObject({ status: "ok", score: 10 });
  });
  test("a 预算执行率 row whose 评分标准 is the rate times the points is read against the funds block", () => {
    const t: TableInput = { id: "t", budget: { initial: 4280, full_year: 4865.3, executed: 4552.6, weight: 0 }, indicators: [{ name: "预算执行率", weight: 8, target: "100%", actual: "106.37%", reported_score: 8, rule_text: "预算执行率×分值（预算执行率=全年执行数/全年预算数）", deviation_note: "x" }, { name: "其他", weight: 92, target: "1", actual: "1", reported_score: 92 }] };
    const r = evaluateTable(t);
    expect(r.indicators[0]!.score).toBeCloseTo(7.49, 2);
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["fund-rate-differs", "score-mismatch"]));
  });
  test("a rate written with a full-width ％ keeps its decimals (96.08％)", () => {
    const t: TableInput = { id: "t", budget: { full_year: 2655.8, executed: 2551.6, weight: 10, rate_as_written: "96.08％", reported_score: 9.61 }, indicators: [{ name: "n", weight: 90, target: "1", actual: "1", reported_score: 90 }] };
    expect(evaluateTable(t).findings.map((f) => f.code)).not.toContain("rate-mismatch");
  });
});

describe("the third blind probe's layouts", () => {
  test("河北's funds block: 单项指标得分 | 权重占比 | 单项指标折算得分 gives the block's points from the last", () => {
    const g = grid([
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "执行率", "单项指标得分", "权重占比(%)", "单项指标折算得分"],
      [null, "年度资金总额", 260, 286.4, 268.9, 0.9389, 93.89, 10, 9.39],
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null, null],
      ["产出指标", "数量指标", "检查企业数", "≥320家", "346家", 90, 90, null, null],
    ]);
    const t = tablesOf(g)[0]!;
    expect(t.result.budget!.reported_score).toBe(9.39);
    expect(found(g).map((x) => x.code)).toEqual([]);
  });
  test("a header whose last group splits over a second row (原因分析 | 改进措施) is one header, not a second table", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "偏差原因分析及改进措施"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "原因分析", "改进措施"],
      ["产出指标", "数量指标", "养护面积", "≥386公顷", "386公顷", 60, 60, null, null],
      ["满意度指标", "满意度", "游客满意度", "≥90%", "91.2%", 40, 40, null, null],
    ]);
    const ts = tablesOf(g);
    expect(ts).toHaveLength(1);
    expect(ts[0]!.detected.indicatorRows).toEqual([2, 3]);
  });
  test("a table broken over two pages (第 1 页, the title again with 续表, the header again) is one table", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "清扫面积", "≥620万平方米", "628万平方米", 50, 50],
      ["第 1 页，共 2 页", null, null, null, null, null, null],
      ["某区部门整体支出绩效自评表（续表）", null, null, null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["满意度指标", "满意度", "市民满意度", "≥90%", "92.1%", 50, 50],
      ["合计", null, null, null, null, 100, 100],
    ]);
    const ts = tablesOf(g);
    expect(ts).toHaveLength(1);
    expect(ts[0]!.result.indicators).toHaveLength(2);
    expect(found(g)).toEqual([]);
  });
  test("R04 leaves a rate under 生态环境成本 alone (废弃物资源化利用率 ≥80%)", () => {
    const t: TableInput = { id: "t", indicators: [{ name: "园林绿化废弃物资源化利用率", level1: "成本指标", level2: "生态环境成本指标", weight: 100, target: "≥80%", actual: "85%", reported_score: 100 }] };
    expect(reviewed(t).map((f) => f.code)).not.toContain("cost-direction");
  });
  test("a unit with its alternative in brackets (件（套）) is the unit before them", () => {
    expect(row("≥2800件", "2800件（套）").indicators[0]!.met).toBe(true);
  });
});

describe("the review of the rule texts: a phrase is read only when it is the whole rule", () => {
  const ruled = (rule: string, target: string, actual: string) => evaluateTable({ id: "t", indicators: [{ name: "指标", weight: 10, target, actual, rule_text: rule, deviation_note: "x" }] }).indicators[0]!;
  test.each([
    ["完成率低于60%不得分，60%以上按完成率×分值", "≥100%", "50%"],
    ["完成率×分值×0.8", "≥100个", "90个"],
    ["完成率×分值，每低1%扣1分", "≥100个", "90个"],
    ["满意度≥90%得满分；低于90%的按完成率×分值", "≥95%", "92%"],
    ["按期完成得满分，每逾期一个月扣1分", "2023年9月30日前", "2023年11月20日完成验收"],
    ["达到预期得满分，部分达到得50%-80%", "健全", "基本达到"],
  ])("%s stays needs-rule", (rule, target, actual) => {
    expect(ruled(rule, target, actual).status).toBe("needs-rule");
  });
  test("a rule whose own threshold is the target itself is read (满意度≥90%得满分；低于90%的按完成率×分值 on a ≥90% row)", () => {
    expect(ruled("满意度≥90%得满分；低于90%的按完成率×分值", "≥90%", "88.2%").score).toBeCloseTo(9.8, 9);
    expect(ruled("结转结余率≤10%得满分；超出的按10%/实际值×分值计分", "≤10%", "12%").score).toBeCloseTo(100 / 12, 9);
    expect(ruled("固定资产利用率≥95%得满分；低于的按完成比例计分", "≥95%", "90%").score).toBeCloseTo(10 * 90 / 95, 9);
    expect(ruled("完成率≥60%得满分；低于60%的按完成率×分值", "≥90%", "50%").status).toBe("needs-rule");
  });
  test("执行率×分值 is the rate itself times the points; the direction of a formula comes from the target's sign", () => {
    expect(ruled("预算执行率×分值", "≥90%", "80%").score).toBeCloseTo(8, 9);
    expect(ruled("超出的按目标值/实际值×分值计分", "≥100个", "80个").score).toBeCloseTo(8, 9);
  });
  test("a 续表 title of another table is no continuation; 单项指标得分 is the funds block's score where there is no 折算得分", () => {
    const g = grid([
      ["A项目支出绩效自评表", null, null, null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "清扫面积", "≥620万平方米", "628万平方米", 100, 100],
      ["B项目支出绩效自评表（续表）", null, null, null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "维修面积", "≥4万平方米", "4万平方米", 100, 100],
    ]);
    expect(tablesOf(g)).toHaveLength(2);
    const f = grid([
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "执行率", "权重", "单项指标得分"],
      [null, "年度资金总额", 100, 100, 90, 0.9, 10, 10],
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null],
      ["产出指标", "数量指标", "检查企业数", "≥320家", "346家", 90, 90, null],
    ]);
    expect(found(f).map((x) => x.code)).toContain("budget-score-mismatch");
  });
});

describe("a column marking each row done (单项指标完成情况 | 完成)", () => {
  test("a row marked 完成 whose figures miss the target is told; one marked 未完成, or met, is not", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "单项指标完成情况", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "质量指标", "隐患整改闭环率", "=100%", "98.6%", "完成", 30, 29.58, "个别隐患跨年整改"],
      ["产出指标", "数量指标", "检查企业数", "≥320家", "346家", "完成", 30, 30, null],
      ["产出指标", "数量指标", "综合演练", "≥12次", "10次", "未完成", 40, 33.33, "汛期任务重"],
      ["合计", null, null, null, null, null, 100, 92.91, null],
    ]);
    const f = found(g).filter((x) => x.code === "status-claims-done");
    expect(f.map((x) => x.indicator)).toEqual([0]);
    expect(f[0]!.message).toBe("第 1 项“隐患整改闭环率”的完成情况写“完成”，但实际完成值“98.6%”未达到指标值“=100%”");
  });
});
