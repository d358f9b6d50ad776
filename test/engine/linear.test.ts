import { evaluateTable, MAX_RULE_TEXT, parseMeasure, readRuleText, readPoints, readAmount, readRate, roleOf, readShare, detectTables, describeDeviation, clearMeasureCache, type Grid } from "../../src/engine";

/**
 * Every reader of cell text finishes in linear time: each gets its worst shapes at Excel's cell limit (32,767
 * characters) and must finish well under 50 ms. A cubic regular expression took 47 s on 8,001 characters.
 */
const N = 32767;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
const SHAPES: [string, string][] = [
  ["digits", rep("9")],
  ["digits with a point and zeros then %", `1.${rep("0").slice(4)}%`],
  ["decimal zeros", rep("1.0")],
  ["spaces", rep(" ")],
  ["percent signs", rep("%")],
  ["万", rep("万")],
  ["≥", rep("≥")],
  ["≥ and digits", rep("≥1")],
  ["markup <a", rep("<a")],
  ["latex", rep("$\\geq")],
  ["得分= then digits", `得分=${rep("1")}`],
  ["得分=", rep("得分=")],
  ["至 and digits", rep("1至")],
  ["band text", rep("90%-100%得3分，")],
  ["circled", rep("①")],
  ["semicolons", rep("1人;")],
  ["dates", rep("2024年12月")],
  ["commas", rep("1,")],
  ["mixed", rep("≥95%以上每降低5%扣1分 ")],
];

const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

describe.each(SHAPES)("%s at 32,767 characters", (_name, text) => {
  beforeAll(() => clearMeasureCache());
  test.each<[string, (s: string) => unknown]>([
    ["parseMeasure", (s) => parseMeasure(s)],
    ["deviation", (s) => describeDeviation(parseMeasure(s), parseMeasure(s))],
    ["readRuleText", (s) => readRuleText(s)],
    ["readPoints", (s) => readPoints(s)],
    ["readAmount", (s) => readAmount(s)],
    ["readRate", (s) => readRate(s)],
    ["roleOf", (s) => roleOf(s)],
    ["readShare", (s) => readShare(s)],
  ])("%s", (_reader, read) => {
    read(text); // warm-up
    expect(time(() => read(text))).toBeLessThan(50);
  });
});

describe.each(SHAPES.map(([n, t]) => [n, t.slice(0, MAX_RULE_TEXT)] as [string, string]))("%s at the longest rule text read (1,000 characters)", (_name, text) => {
  test("readRuleText", () => {
    readRuleText(text);
    expect(time(() => readRuleText(text))).toBeLessThan(50);
  });
  test("the rule resolution of a row", () => {
    expect(time(() => evaluateTable({ indicators: [{ name: "x", weight: 10, target: "≥90%", actual: "95%", rule_text: text, reported_score: 5 }] }))).toBeLessThan(50);
  });
});

test("a rule text beyond the limit is refused with its reason", () => {
  const r = evaluateTable({ indicators: [{ name: "x", weight: 10, target: "≥90%", actual: "95%", rule_text: rep("90%-100%得3分，") }] });
  expect(r.indicators[0]!.status).toBe("needs-rule");
  expect(r.indicators[0]!.explanation).toContain("评分规则文字过长");
});

test("a grid whose every cell is a worst shape is read in well under a second", () => {
  const header = ["三级指标", "分值", "年度指标值", "实际完成值", "得分", "评分标准"].map((v) => ({ v }));
  const rows = SHAPES.map(([, t]) => [{ v: "指标" }, { v: 10 }, { v: t }, { v: t }, { v: t }, { v: t }]);
  const grid: Grid = { sheet: "S", origin: { row: 0, col: 0 }, cells: [header, ...rows], merges: [] };
  let found = 0;
  const ms = time(() => (found = detectTables(grid).length));
  expect(found).toBe(1);
  expect(ms).toBeLessThan(1000);
});

test("a cell longer than any real target says so instead of being read", () => {
  const m = parseMeasure(rep("9"));
  expect(m.kind).toBe("unreadable");
  expect(m.kind === "unreadable" && m.reason).toContain("过长");
});
