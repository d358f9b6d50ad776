import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { readRuleText } from "../../../src/engine";
import { evaluateTable } from "../../../src/engine";
import { round } from "../../../src/engine";
import type { TableInput } from "../../../src/engine";

const dir = join(__dirname, "../../fixtures/seeds");
const load = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")) as TableInput;

describe("every distinct rule text of the seeds is understood or refused", () => {
  const texts = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) {
    const t = JSON.parse(readFileSync(join(dir, f), "utf8")) as TableInput;
    for (const i of t.indicators) if (i.rule_text && !texts.has(i.rule_text)) texts.set(i.rule_text, `${t.id} ${i.code ?? i.level3}`);
  }
  const read = [...texts].map(([text, where]) => ({ where, rule: readRuleText(text)?.rule.type ?? null }));

  test("44 distinct texts; exactly one refused: seed 004 D21, which states no scoring rule", () => {
    expect(texts.size).toBe(44);
    expect(read.filter((r) => r.rule === null).map((r) => r.where)).toEqual(["s004-annex1 D21"]);
  });
  test("the families they are read as", () => {
    const by = Object.fromEntries(read.map((r) => [r.where, r.rule]));
    expect(by).toMatchObject({
      "s000-annex1 A11": "checklist", "s000-annex1 A12": "checklist", "s000-annex1 A21": "checklist",
      "s000-annex1 B11": "bands", "s000-annex1 B12": "bands", "s000-annex1 B13": "threshold",
      "s000-annex1 C11": "completion", "s000-annex1 C21": "floorLinear", "s000-annex1 C41": "cost",
      "s000-annex1 D11": "bands", "s000-annex1 D21": "bands",
      "s004-annex1 B11": "rateTimesWeight", "s004-annex1 B12": "step", "s004-annex1 C11": "checklist",
      "s004-annex1 C12": "threshold", "s004-annex1 C21": "step", "s004-annex1 C41": "threshold",
      "s004-annex1 D13": "rateTimesWeight", "s004-annex1 D31": "scaledBelow",
    });
  });
  test("at least 90% of the quantitative texts are understood (here all 15)", () => {
    const codes = ["s000-annex1 B11", "s000-annex1 B12", "s000-annex1 C11", "s000-annex1 C21", "s000-annex1 C22", "s000-annex1 C31", "s000-annex1 C41", "s000-annex1 D11", "s000-annex1 D21", "s004-annex1 B11", "s004-annex1 B12", "s004-annex1 C11", "s004-annex1 C21", "s004-annex1 D13", "s004-annex1 D31"];
    const quantitative = read.filter((r) => codes.includes(r.where));
    expect(quantitative.length).toBe(15);
    expect(quantitative.filter((r) => r.rule !== null).length / quantitative.length).toBeGreaterThanOrEqual(0.9);
  });
});

function withoutRules(t: TableInput, keep: string[] = []): TableInput {
  return { ...t, indicators: t.indicators.map(({ rule, ...row }) => (keep.includes(row.code ?? "") ? { ...row, rule } : row)) };
}

describe("the annexes scored by their own rule texts, no preset named", () => {
  test("seed 000: 100, 优, every row as reported", () => {
    const r = evaluateTable(withoutRules(load("s000-annex1")));
    expect(r.indicators.filter((i) => i.status !== "ok").map((i) => i.code)).toEqual([]);
    expect(r.indicators.every((i) => i.rule_source === "rule-text")).toBe(true);
    expect(round(r.total!, 2)).toBe(100);
    expect(r.rating).toBe("优");
  });
  test("seed 004: 90.71, 优; B12 90.56% → 3 and D13 78.43% → 4.71 from their texts (D21 keeps its rule object: its text states none)", () => {
    const r = evaluateTable(withoutRules(load("s004-annex1"), ["D21"]));
    const by = (c: string) => r.indicators.find((i) => i.code === c)!;
    expect(by("B12")).toMatchObject({ score: 3, rule_source: "rule-text" });
    expect(round(by("D13").score!, 2)).toBe(4.71);
    expect(by("D13").explanation).toContain("按文字理解为");
    expect(r.indicators.filter((i) => i.status !== "ok")).toEqual([]);
    expect(round(r.total!, 2)).toBe(90.71);
    expect(r.rating).toBe("优");
  });
  test("without a rule object, seed 004 D21 is scored by the evaluator's share, and without one it is needs-rule, never a guess", () => {
    const t = withoutRules(load("s004-annex1"));
    const judged = evaluateTable(t);
    expect(judged.indicators.find((i) => i.code === "D21")).toMatchObject({ score: 3, rule_source: "judgement" });
    expect(round(judged.total!, 2)).toBe(90.71);
    // Without the judgement object, the reported 3 of 6 is the evaluator's judgement (the rule states no formula),
    // shown as such: the annex still totals 90.71, 优.
    const bare = evaluateTable({ ...t, indicators: t.indicators.map((i) => (i.code === "D21" ? { ...i, judgement: null } : i)) });
    expect(bare.indicators.find((i) => i.code === "D21")).toMatchObject({ status: "ok", score: 3, rule_source: "judgement" });
    expect(round(bare.total!, 2)).toBe(90.71);
    expect(bare.rating).toBe("优");
    expect(bare.findings.some((f) => f.code === "judged-score")).toBe(true);
    // Without a reported score either, it is needs-rule, never a guess.
    const none = evaluateTable({ ...t, indicators: t.indicators.map((i) => (i.code === "D21" ? { ...i, judgement: null, reported_score: null } : i)) });
    expect(none.indicators.find((i) => i.code === "D21")!.status).toBe("needs-rule");
    expect(none.total).toBeNull();
  });
  test("the paraphrase is Chinese and names the numbers", () => {
    const p = readRuleText("预算执行率≥95%，得 4 分；每降低 5%，扣 1 分，扣完为止。")!.paraphrase;
    expect(p).toContain("95.00%");
    expect(p).toContain("5.00%");
    expect(p).toContain("扣 1 分");
  });
});
