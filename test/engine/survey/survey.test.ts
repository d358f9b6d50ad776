import { readFileSync } from "fs";
import { join } from "path";
import { checkSurvey, compositeRate, cronbachAlpha, readShare, surveyRate, validRate, type SurveyQuestion } from "../../../src/engine";
import { round } from "../../../src/engine";

interface FixtureQuestion { question: string; subtotal?: number; options: { label: string; count: number | null; share: string | null }[] }
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../fixtures/surveys", name), "utf8"));
const toQuestion = (q: FixtureQuestion): SurveyQuestion => ({
  question: q.question,
  subtotal: q.subtotal ?? null,
  options: q.options.map((o) => {
    const s = readShare(o.share);
    return { label: o.label, count: o.count, share: s?.share ?? null, shareDecimals: s?.decimals };
  }),
});
const pct = (x: number) => round(x * 100, 2);

describe("seed 000's questionnaire", () => {
  const s = load("seed000.json");
  const qs: SurveyQuestion[] = s.questions.map(toQuestion);
  test("valid rate 256/260 = 98.46%", () => {
    const v = validRate(s.valid, s.sent);
    expect(v.ok && pct(v.value)).toBe(98.46);
    expect(v.ok && v.explanation).toBe("有效率 = 256 / 260 = 98.46%");
  });
  test("便捷性 (159 + 89) / 256 = 96.88%", () => {
    const r = surveyRate(qs[4]!, undefined, s.valid);
    expect(r.ok && pct(r.rate)).toBe(96.88);
    expect(r.ok && r.explanation).toBe("(非常满意 159 + 满意 89) / 256 = 96.88%");
  });
  test("composite of the three satisfaction questions: 96.23% as the report has it (from its rates 96.9%, 94.6%, 97.2%)", () => {
    const written = [4, 6, 5].map((i) => readShare(s.questions[i].combined_as_written.pct)!.share);
    const c = compositeRate(written);
    expect(c.ok && pct(c.value)).toBe(96.23);
    // From the counts themselves the mean is 96.22%: the report averaged rounded rates.
    const fromCounts = compositeRate([4, 6, 5].map((i) => { const r = surveyRate(qs[i]!, undefined, s.valid); if (!r.ok) throw new Error(r.message); return r.rate; }));
    expect(fromCounts.ok && pct(fromCounts.value)).toBe(96.22);
  });
  test("知晓率 非常了解 + 基本了解: the 基本了解 count is missing, so it cannot be recomputed", () => {
    const r = surveyRate(qs[2]!, undefined, s.valid);
    expect(r).toEqual({ ok: false, message: expect.stringContaining("基本了解") });
  });
  test("the age question's counts (245) and shares (95.7%) are flagged as not covering the sample", () => {
    const f = checkSurvey(qs[1]!, s.valid);
    expect(f.map((x) => [x.code, x.reported, x.recomputed])).toEqual([
      ["survey-count-sum", 245, 256],
      ["survey-share-sum", "95.70%", "100.00%"],
    ]);
  });
  test("questions whose arithmetic holds are not flagged", () => {
    expect(checkSurvey(qs[0]!, s.valid)).toEqual([]);
  });
});

describe("seed 004's questionnaire", () => {
  const s = load("seed004.json");
  const qs: SurveyQuestion[] = s.questions.map(toQuestion);
  test("知晓率 (19 + 61) / 102 = 78.43% (熟悉 + 一般了解, as seed 004 counts awareness)", () => {
    const r = surveyRate(qs[0]!, ["熟悉", "一般了解"], s.valid);
    expect(r.ok && pct(r.rate)).toBe(78.43);
    expect(r.ok && r.explanation).toBe("(熟悉 19 + 一般了解 61) / 102 = 78.43%");
  });
  test("table 2's shares are flagged against their counts (8.63% written, 8.82% computed; 68.82% written, 68.63% computed)", () => {
    const f = checkSurvey(qs[1]!, s.valid).filter((x) => x.code === "survey-share-mismatch");
    expect(f.map((x) => [x.reported, x.recomputed])).toEqual([["8.63%", "8.82%"], ["68.82%", "68.63%"]]);
  });
  test("table 3's counts (99) are flagged against 102", () => {
    const f = checkSurvey(qs[2]!, s.valid);
    expect(f.find((x) => x.code === "survey-count-sum")).toMatchObject({ reported: 99, recomputed: 102 });
  });
  test("table 1 holds", () => expect(checkSurvey(qs[0]!, s.valid)).toEqual([]));
  test("mean satisfaction 92.04% from the four question rates", () => {
    const c = compositeRate(s.satisfaction_as_written.map((q: { rate: string }) => readShare(q.rate)!.share));
    expect(c.ok && pct(c.value)).toBe(92.04);
    expect(readShare(s.average_satisfaction_as_written)!.share).toBeCloseTo(0.9204, 6);
  });
});

/** Deterministic PRNG for generated answer matrices. */
function rng(seed: number) {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe("Cronbach's α", () => {
  test("equals the covariance-matrix form computed independently: α = k/(k−1)·(1 − trace(C)/sum(C))", () => {
    const r = rng(7);
    const k = 6;
    const answers = Array.from({ length: 120 }, () => {
      const trait = r() * 4;
      return Array.from({ length: k }, () => Math.max(1, Math.min(5, Math.round(1 + trait + (r() - 0.5) * 2))));
    });
    const n = answers.length;
    const means = Array.from({ length: k }, (_, j) => answers.reduce((s, row) => s + row[j]!, 0) / n);
    let trace = 0;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const cov = answers.reduce((s, row) => s + (row[i]! - means[i]!) * (row[j]! - means[j]!), 0) / (n - 1);
        sum += cov;
        if (i === j) trace += cov;
      }
    }
    const expected = (k / (k - 1)) * (1 - trace / sum);
    const a = cronbachAlpha(answers);
    expect(a.ok).toBe(true);
    if (a.ok) {
      expect(a.alpha).toBeCloseTo(expected, 10);
      expect(a.alpha).toBeGreaterThan(0.8);
      expect([a.items, a.respondents, a.dropped]).toEqual([6, 120, 0]);
    }
  });
  test("rows with blanks are left out and counted", () => {
    const a = cronbachAlpha([[1, 2, 3], [2, 3, 3], [null, 1, 1], [4, 5, 5], [3, 3, 4]]);
    expect(a.ok && a.dropped).toBe(1);
    expect(a.ok && a.respondents).toBe(4);
  });
  test.each<[string, (number | null)[][], string]>([
    ["one item", [[1], [2], [3]], "至少需要 2 个题目"],
    ["one complete row", [[1, 2], [null, 2]], "只有 1 份"],
    ["no variance", [[3, 3], [3, 3], [3, 3]], "无定义"],
  ])("%s is an error, not NaN", (_n, m, message) => {
    const a = cronbachAlpha(m);
    expect(a).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});

describe("edge cases", () => {
  test("zero valid answers", () => expect(surveyRate({ question: "Q", options: [{ label: "满意", count: 0 }] }).ok).toBe(false));
  test("no positive option", () => expect(surveyRate({ question: "Q", options: [{ label: "一般", count: 3 }] })).toEqual({ ok: false, message: expect.stringContaining("没有可计为正面的选项") }));
  test("weighted composite", () => {
    const c = compositeRate([0.9, 0.8], [3, 1]);
    expect(c.ok && round(c.value, 4)).toBe(0.875);
  });
  test("valid above sent", () => expect(validRate(300, 260).ok).toBe(false));
});
