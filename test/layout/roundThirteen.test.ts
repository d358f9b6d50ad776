import { DEFAULT_RULES, evaluateTable, runPipeline, type Grid, type TableInput } from "../../src/engine";
import { grid } from "./grids";

/**
 * Capabilities taught by the thirteenth round, where the corpus began to count one finding per slip: a funds total row
 * of zeros over the 其中 row that holds the figures; 重庆's form with the score on its 其中 row and figures followed by a
 * conversion's replacement characters; a missed target in a table that looks cut short; a target that only names a rate.
 */
const tablesOf = (g: Grid) => runPipeline(g, { rulebook: DEFAULT_RULES });
const found = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.severity !== "info");

describe("a funds total row of zeros over a 其中 row with the figures (池州 棠溪)", () => {
  const funds = (total: (string | number | null)[]) => grid([
    ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额:", ...total],
    [null, "其中:本年财政拨款", 202.64, 132.912, 132.912, null, null, null],
    [null, "上年结转资金", null, null, null, null, null, null],
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null, null],
    ["产出指标", "补助村数量", "=8个", "8个", 90, 90, null, null],
  ]);
  test("the total row is told as an error, and the rate and score written are checked against the parts' sum", () => {
    const f = found(funds([0, 0, 0, 10, 0, 0]));
    expect(f.map((x) => x.code)).toEqual(["budget-total-zero", "budget-score-mismatch", "rate-mismatch"]);
    expect(f[0]!.message).toContain("全年预算数和执行数都写作 0");
    expect(f[0]!.message).toContain("“本年财政拨款”合计全年预算数 132.912、执行数 132.912");
    expect(f[1]!.message).toContain("报告得分 0，按 10 × 执行率复核为 10");
    const t = tablesOf(funds([0, 0, 0, 10, 0, 0]))[0]!;
    expect(t.result.budget!.score).toBe(10);
    expect(t.result.budget!.explanation).toMatch(/^年度资金总额行为 0，按其下“本年财政拨款”合计：执行率 = 132\.912 \/ 132\.912/);
  });
  test("a total row written right is not told; zeros with no figures below stay unreadable", () => {
    expect(found(funds([202.64, 132.912, 132.912, 10, 1, 10])).map((x) => x.code)).toEqual([]);
    const empty = grid([
      ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额:", 0, 0, 10, 0, 0],
      [null, "其中:本年财政拨款", 0, 0, null, null, null],
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null],
      ["产出指标", "补助村数量", "=8个", "8个", 90, 90, null],
    ]);
    expect(found(empty).map((x) => x.code)).toEqual(["budget-unreadable"]);
  });
  test("the same from data: parts in mixed units are not added up", () => {
    const t = (parts: NonNullable<TableInput["budget"]>["parts"]): TableInput => ({ id: "t", budget: { full_year: 0, executed: 0, weight: 10, reported_score: 0, parts }, indicators: [{ name: "补助村数量", weight: 90, target: "=8个", actual: "8个" }] });
    expect(evaluateTable(t([{ label: "其中:财政拨款", full_year: 100, executed: 90 }, { label: "上年结转", full_year: 20, executed: 18 }])).budget!.rate).toBeCloseTo(0.9, 10);
    expect(evaluateTable(t([{ label: "其中:财政拨款", full_year: "100万元", executed: 90 }])).findings.map((x) => x.code)).toContain("budget-unreadable");
  });
});

describe("重庆's 部门整体 funds block (忠县 科协): 全年(调整)预算数, the score on the 其中 row, figures with '?' after them", () => {
  const block = (amount: (v: string) => string | number, score: string | number = "9.68") => grid([
    ["资金情况", null, null, null, null, null, null],
    [null, "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"],
    ["年度总金额", amount("3,724,055.00"), amount("4,764,453.11"), amount("4,614,453.11"), null, null, null],
    ["其中:财政拨款", amount("3,724,055.00"), amount("4,764,453.11"), amount("4,614,453.11"), 96.85, 10, score],
  ]);
  test("the rate is on the adjusted budget, the score read from the 其中 row and said so, and checked (9.68 for 9.69)", () => {
    const t = tablesOf(block((v) => v))[0]!;
    expect(t.result.budget!.rate).toBeCloseTo(4614453.11 / 4764453.11, 10);
    const f = t.result.findings;
    expect(f.find((x) => x.code === "budget-scored-on-part")).toMatchObject({ severity: "info" });
    expect(f.find((x) => x.code === "budget-scored-on-part")!.message).toMatch(/^G4：预算执行的分值、执行率和得分写在“财政拨款”行/);
    expect(f.find((x) => x.code === "budget-score-rounding")!.message).toContain("报告得分 9.68，按 10 × 执行率复核为 9.69");
    expect(f.some((x) => x.code === "budget-part-scored")).toBe(false);
  });
  test("figures followed by replacement characters are read, once told as a note", () => {
    const t = tablesOf(block((v) => `${v}?`, "9.68?"))[0]!;
    expect(t.result.budget!.rate).toBeCloseTo(4614453.11 / 4764453.11, 10);
    const notes = t.result.findings.filter((x) => x.code === "budget-garbled");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info" });
    expect(notes[0]!.message).toContain("“3,724,055.00?”、“4,764,453.11?”、“4,614,453.11?” 等 4 处");
    // (A text that is no figure before them is left as it is: 约300万?)
    expect(tablesOf(block((v) => `约${v}?`))[0]?.result.budget?.rate ?? null).toBeNull();
  });
  test("the 其中 row's score is not taken when the total row has its own, or when the two rows' amounts differ", () => {
    const own = grid([
      [null, "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"],
      ["年度总金额", 100, 100, 90, 90, 10, 9],
      ["其中:财政拨款", 100, 100, 90, 90, 10, 9],
    ]);
    expect(tablesOf(own)[0]!.result.findings.some((x) => x.code === "budget-scored-on-part")).toBe(false);
    const differ = grid([
      [null, "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"],
      ["年度总金额", 120, 120, 100, null, null, null],
      ["其中:财政拨款", 100, 100, 90, 90, 10, 9],
    ]);
    expect(tablesOf(differ)[0]!.result.findings.some((x) => x.code === "budget-scored-on-part")).toBe(false);
  });
});

describe("a missed target in a table with no reason column", () => {
  const table = (rows: (string | number | null)[][]) => grid([["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"], ...rows]);
  const missed = ["产出指标", "数量指标", "开展科普活动", "10场", "9场", 7];
  test("a warning in a table that reaches its 满意度 row or its total", () => {
    const whole = table([missed, ["满意度指标", "服务对象满意度", "群众满意度", "≥90%", "95%", 10]]);
    expect(found(whole).filter((f) => f.code === "deviation-missing").map((f) => f.severity)).toEqual(["warning"]);
    const totalled = table([missed, ["效益指标", "社会效益", "科学素质", "提升", "提升", 6], ["合计", null, null, null, null, 13]]);
    expect(found(totalled).filter((f) => f.code === "deviation-missing").map((f) => f.severity)).toEqual(["warning"]);
  });
  test("a note where the table stops before its 满意度 level with no total (a page cut short: 鄂州 科协)", () => {
    const t = tablesOf(table([missed, ["效益指标", "社会效益", "科学素质", "提升", "提升", 6], [null, "可持续影响指", null, null, null, null]]))[0]!;
    const f = t.result.findings.filter((x) => x.code === "deviation-missing");
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0]!.message).toContain("表下未见总分行，表格可能不完整");
  });
});

describe("R29: a target that only names a rate", () => {
  const table = (target: string) => grid([
    ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分"],
    ["产出指标", "质量指标", "科普宣传栏内容更新", target, "实时更新", 6, 6],
  ]);
  test("知识更新率 is told; 提高普及率, 保持较高满意率 and ≥90% are not", () => {
    const f = tablesOf(table("知识更新率"))[0]!.result.findings.filter((x) => x.rule === "R29");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "target-names-rate", severity: "warning", indicator: 0 });
    expect(f[0]!.message).toContain("只写了“知识更新率”");
    for (const t of ["提高普及率", "保持较高满意率", "≥90%", "覆盖率100%", "知識更新率≥90%"]) expect(tablesOf(table(t))[0]!.result.findings.filter((x) => x.rule === "R29")).toEqual([]);
    expect(tablesOf(table("知識更新率"))[0]!.result.findings.filter((x) => x.rule === "R29")).toHaveLength(1);
  });
});

describe("the funds block against its 其中 rows and its budget", () => {
  const funds = (total: (string | number | null)[], parts: (string | number | null)[][], header = "全年执行数") => grid([
    ["项目资金(万元)", null, "全年预算数", header, "分值", "执行率", "得分"],
    [null, "年度资金总额", ...total],
    ...parts.map((p) => [null, ...p]),
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null],
    ["产出指标", "新建全民健身中心数量", "1个", "1个", 90, 90, null],
  ]);
  const sources = (executed: number | null) => [["其中:中央财政资金", 2000, executed, null, "57.89%", null], ["地方财政资金", null, null, null, null, null], ["其他资金", null, null, null, null, null]];
  test("the sources' amounts not adding up to the total row is told once, naming the amount (朝天 F8)", () => {
    const f = found(funds([2000, 1157.97, 10, "57.90%", 5.79], sources(1157.9))).filter((x) => x.code === "budget-parts-sum");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("执行数合计 1157.97，其下“中央财政资金” 1157.9");
    expect(found(funds([2000, 1157.97, 10, "57.90%", 5.79], sources(1157.97))).filter((x) => x.code === "budget-parts-sum")).toEqual([]);
  });
  test("not for a list with its own 合计, nor for kinds of appropriation under 财政拨款 (忠县: 财政拨款, then 一般公共预算)", () => {
    const listed = funds([188.61, 188.45, 10, "99.92%", 9.99], [["1项目支出", 30, 30, null, null, null], ["2基本支出", 158.61, 158.45, null, null, null], ["合计", 188.61, 188.45, null, null, null]]);
    expect(found(listed).filter((x) => x.code === "budget-parts-sum")).toEqual([]);
    const nested = funds([4764453.11, 4614453.11, 10, 96.85, 9.69], [["其中:财政拨款", 4764453.11, 4614453.11, null, null, null], ["一般公共预算", 4764453.11, 4614453.11, null, null, null]]);
    expect(found(nested).filter((x) => x.code === "budget-parts-sum")).toEqual([]);
  });
  test("spending above the year's budget is a warning (金寨 F5); 全年执行 without its 数 is the spending (新洲)", () => {
    const f = found(funds([329.77, 338.31, 10, "102.59%", 10], [], "全年执行")).filter((x) => x.code === "budget-over-executed");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("全年执行数 338.31 超过全年预算数 329.77（执行率 102.59%）");
    expect(found(funds([329.77, 329.77, 10, "100%", 10], [])).filter((x) => x.code === "budget-over-executed")).toEqual([]);
    // (And its kin: 本年执行, 累计执行, 已执行 are the spending; 预算执行 and 未执行 are not.)
    for (const h of ["本年执行（万元）", "累计执行(B)", "已执行"]) expect(tablesOf(funds([329.77, 338.31, 10, "102.59%", 10], [], h))[0]!.result.budget?.rate).toBeCloseTo(338.31 / 329.77, 10);
  });
  test("a 其中 row scored differently from the total row is a warning; the same score repeated stays a note (六安 I7, 杨楼 G5)", () => {
    const part = (score: number) => [["其中:当年财政拨款", 200, 179.43, 10, "89.72%", score]];
    expect(tablesOf(funds([200, 179.43, 10, "89.72%", 8.97], part(8)))[0]!.result.findings.find((x) => x.code === "budget-part-scored")).toMatchObject({ severity: "warning" });
    expect(tablesOf(funds([200, 179.43, 10, "89.72%", 8.97], part(8)))[0]!.result.findings.find((x) => x.code === "budget-part-scored")!.message).toContain("得分 8，与合计行的得分 8.97 不一致");
    expect(tablesOf(funds([200, 179.43, 10, "89.72%", 8.97], part(8.97)))[0]!.result.findings.find((x) => x.code === "budget-part-scored")).toMatchObject({ severity: "info" });
  });
});

describe("R30: a 效益 level filed among the 产出 levels", () => {
  const table = (levels: [string, string][]) => grid([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ...levels.map(([l1, l2], i) => [l1, l2, `指标${i + 1}名称`, "≥1个", "1个", 10, 10]),
  ]);
  test("经济效益 between 数量 and 时效 under 产出指标 is told at its row (楚雄 南华 C14)", () => {
    const f = tablesOf(table([["产出指标(50分)", "数量指标"], ["产出指标(50分)", "经济效益指标"], ["产出指标(50分)", "时效指标"], ["满意度指标", "服务对象满意度指标"]]))[0]!.result.findings.filter((x) => x.rule === "R30");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "benefit-within-output", severity: "warning", indicator: 1 });
    expect(f[0]!.message).toContain("其后是“时效指标”");
  });
  test("quiet after the last 产出 level (a 效益指标 label left out: 鄂州 财政局), and in a well-filed table", () => {
    expect(tablesOf(table([["产出指标", "数量指标"], ["产出指标", "成本指标"], ["产出指标", "社会效益指标"], ["满意度指标", "服务对象满意度指标"]]))[0]!.result.findings.filter((x) => x.rule === "R30")).toEqual([]);
    expect(tablesOf(table([["产出指标", "数量指标"], ["效益指标", "经济效益指标"], ["效益指标", "社会效益指标"]]))[0]!.result.findings.filter((x) => x.rule === "R30")).toEqual([]);
  });
});

describe("the review of this round's changes (13 findings, each answered here)", () => {
  const head = ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
  const indicators: (string | number | null)[][] = [
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", null, null],
    ["产出指标", "补助人数", "≥100人", "100人", 45, 45, null, null],
    ["满意度指标", "群众满意度", "≥90%", "95%", 45, 45, null, null],
  ];
  const funds = (rows: (string | number | null)[][]) => grid([head, ...rows.map((r) => [null, ...r]), ...indicators]);
  const codesOf = (g: Grid) => tablesOf(g)[0]!.result.findings.map((f) => `${f.severity} ${f.code}`);
  test("1. a dash on the 其中 row is no score: the total row's blank score is still told", () => {
    const c = codesOf(funds([["年度资金总额", 100, 100, 90, null, null, null], ["其中:本年财政拨款", 100, 100, 90, "—", null, "—"], ["上年结转资金", null, null, null, "—", null, "—"]]));
    expect(c).toContain("warning budget-score-mismatch");
    expect(c.some((x) => x.endsWith("budget-scored-on-part"))).toBe(false);
  });
  test("2. rows under a second 其中 split the part above: not added to the total's sources", () => {
    const c = codesOf(funds([["年度资金总额", 120, 120, 108, 10, "90%", 9], ["其中:财政拨款", 100, 100, 90, null, null, null], ["其中:中央资金", 60, 60, 54, null, null, null], ["省级资金", 30, 30, 27, null, null, null], ["县级资金", 10, 10, 9, null, null, null], ["其他资金", 20, 20, 18, null, null, null]]));
    expect(c.some((x) => x.endsWith("budget-parts-sum"))).toBe(false);
  });
  test("3. one 其中 line is 'of which', not a split: no sum asked of it", () => {
    const c = codesOf(funds([["年度资金总额", 30, 32.4, 31.69, 10, "97.81%", 9.78], ["其中:当年财政拨款", 30, 30, 29.5, "—", "98.33%", "—"]]));
    expect(c.some((x) => x.endsWith("budget-parts-sum"))).toBe(false);
  });
  test("4. a blank total row: the 其中 row read in its place is not made the total of the rest", () => {
    const c = codesOf(funds([["年度资金总额", null, null, null, 10, null, null], ["其中:本年财政拨款", 100, 100, 90, null, null, null], ["上年结转资金", null, 20, 20, null, null, null]]));
    expect(c.some((x) => x.endsWith("budget-parts-sum"))).toBe(false);
  });
  test("5. a total row of zeros over 财政拨款 and its 一般公共预算, or over a list with its own 合计: nothing counted twice", () => {
    const nested = tablesOf(funds([["年度资金总额", 0, 0, 0, null, null, null], ["财政拨款", 476.45, 476.45, 461.45, 10, 96.85, 9.69], ["一般公共预算", 476.45, 476.45, 461.45, null, 96.85, null]]))[0]!;
    expect(nested.result.findings.find((f) => f.code === "budget-total-zero")!.message).toContain("全年预算数 476.45、执行数 461.45");
    expect(nested.result.findings.some((f) => f.code === "budget-score-mismatch")).toBe(false);
    const listed = tablesOf(funds([["年度资金总额", 0, 0, 0, 10, 0, 0], ["1项目支出", 30, 30, 30, null, null, null], ["2基本支出", 100.54, 158.61, 158.45, null, null, null], ["合计", 130.54, 188.61, 188.45, null, null, null]]))[0]!;
    expect(listed.result.findings.find((f) => f.code === "budget-total-zero")!.message).toContain("其下“合计”行写明全年预算数 188.61、执行数 188.45");
  });
  test("6. a garbled 分值 or 得分 (20.00?, 19.37?) is read, with the note; never the default weight", () => {
    const t = tablesOf(funds([["年度资金总额", "3,724,055.00?", "4,764,453.11?", "4,614,453.11?", "20.00?", "96.85%?", "19.37?"]]))[0]!;
    expect(t.result.budget).toMatchObject({ weight: 20, reported_score: 19.37 });
    expect(t.result.findings.filter((f) => f.severity !== "info").map((f) => f.code)).not.toContain("budget-score-mismatch");
  });
  test("7 and 8. the 其中 row's score is taken only where the two rows' amounts are one (3724055 and 3,724,055.00), never on two blanks", () => {
    const same = tablesOf(funds([["年度资金总额", 3724055, 4764453.11, 4614453.11, null, null, null], ["其中:财政拨款", "3,724,055.00", "4,764,453.11", "4,614,453.11", 10, 96.85, 9.69]]))[0]!;
    expect(same.result.findings.some((f) => f.code === "budget-scored-on-part")).toBe(true);
    const blanks = tablesOf(funds([["年度资金总额", null, 120, 100, null, null, null], ["其中:财政拨款", null, 100, 100, 10, "100%", 10]]))[0]!;
    expect(blanks.result.findings.some((f) => f.code === "budget-scored-on-part")).toBe(false);
  });
  test("9. 其中 rows each scored on their own rate are the repeating habit (a note), not two scores for one block", () => {
    const t = tablesOf(funds([["年度资金总额", 200, 200, 179.43, 10, "89.72%", 8.97], ["其中:本年财政拨款", 150, 150, 150, 10, "100%", 10], ["上年结转资金", 50, 50, 29.43, 10, "58.86%", 5.89]]))[0]!;
    expect(t.result.findings.filter((f) => f.code === "budget-part-scored").map((f) => f.severity)).toEqual(["info", "info"]);
  });
  test("10. R29 leaves alone a target that names a standard (按同期贷款基准利率, 法定税率, 允许误差率)", () => {
    const r29 = (target: string) => tablesOf(grid([["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"], ["产出指标", "贷款贴息", target, "已执行", 10, 10]]))[0]!.result.findings.filter((f) => f.rule === "R29");
    for (const t of ["按同期贷款基准利率", "贷款市场报价利率", "行业基准收益率", "按规定费率", "国家标准允许误差率", "法定税率"]) expect(r29(t)).toEqual([]);
  });
  test("11. a complete table ending at 可持续影响 or with a sign-off under it keeps its warning", () => {
    const plainRows = (tail: (string | null)[][]) => grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
      ["产出指标", "数量指标", "培训人次", "500人次", "420人次"],
      ["效益指标", "可持续影响指标", "培训机制", "持续", "持续"],
      ...tail,
    ]);
    const sev = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.code === "deviation-missing").map((f) => f.severity);
    expect(sev(plainRows([]))).toEqual(["warning"]);
    expect(sev(plainRows([["填表人：张三", null, null, "审核人：李四", null]]))).toEqual(["warning"]);
    // (Cut at an opened level with nothing under it: a note.)
    expect(sev(plainRows([[null, "满意度指", null, null, null]]))).toEqual(["info"]);
  });
  test("12. spending over the budget by less than its last written decimal is the budget's rounding (2.3812 against 2.38)", () => {
    expect(codesOf(funds([["年度资金总额", 2.38, 2.38, 2.3812, 10, "100%", 10]]))).not.toContain("warning budget-over-executed");
  });
  test("13. rating-missing names the total's own cell (G7), not the row's first", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "500人次", "100人次", 50, 10],
      ["效益指标", "社会效益", "就业率", "60%", "30%", 50, 25],
      [null, null, "总分", null, null, 100, 35],
    ]);
    expect(tablesOf(g)[0]!.result.findings.find((f) => f.code === "rating-missing")!.message).toMatch(/^G4：/);
  });
});

describe("R31: a percentage in the thousands", () => {
  const table = (name: string, target: string | number, actual: string | number) => grid([
    ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["效益指标", name, target, actual, 20, 20],
  ]);
  const r31 = (g: Grid) => tablesOf(g)[0]!.result.findings.filter((f) => f.rule === "R31");
  test("新型经营主体实现产值(%) 8000 / 12767.36 is told (保山 施甸 D12); a target of 8000% too", () => {
    const f = r31(table("新型经营主体实现产值(%)", 8000, 12767.36));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "percent-implausible", severity: "warning", indicator: 0 });
    expect(f[0]!.message).toContain("指标值却是 8000（实际 12767.36）");
    expect(r31(table("产值增长", "≥8000%", "9000%"))).toHaveLength(1);
  });
  test("quiet on rates under a thousand (增长率(%) 150, 满意度(%) 95) and on amounts named without %", () => {
    expect(r31(table("产值增长率(%)", 150, 160))).toEqual([]);
    expect(r31(table("满意度(%)", "≥95", 96))).toEqual([]);
    expect(r31(table("新型经营主体实现产值(万元)", 8000, 12767.36))).toEqual([]);
  });
});

describe("a row the page moved one column to the right (大英 民政 B5)", () => {
  const rows = (last: (string | null)[]) => grid([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", null],
    ["产出指标", "数量指标", "养老机构数量", "≥5个", "6个", null],
    ["效益指标", "社会效益指标", "养老服务需求", "有所提升", "养老服务提升", null],
    last,
  ]);
  test("read one column to the left, and told at its cell as a warning", () => {
    const t = tablesOf(rows([null, "满意度指标", "服务对象满意度指标", "养老服务对象满意度", "≥90%", "98%"]))[0]!;
    const last = t.result.indicators[2]!;
    expect([last.name, last.target, last.actual]).toEqual(["养老服务对象满意度", "≥90%", "98%"]);
    const f = t.result.findings.filter((x) => x.code === "row-shifted");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", indicator: 2 });
    expect(f[0]!.message).toMatch(/^B4：第 3 项整行右移了一格（一级指标“满意度指标”写在二级指标栏/);
  });
  test("a row in place, or a level-1 name merged down, is not moved", () => {
    expect(tablesOf(rows(["满意度指标", "服务对象满意度指标", "养老服务对象满意度", "≥90%", "98%", null]))[0]!.result.findings.some((x) => x.code === "row-shifted")).toBe(false);
    // (Nothing past the table's last column: not moved, whatever the level words.)
    expect(tablesOf(rows([null, "满意度指标", "服务对象满意度指标", "养老服务对象满意度", "≥90%", null]))[0]!.result.findings.some((x) => x.code === "row-shifted")).toBe(false);
  });
});
