import type { IndicatorInput, TableInput } from "../engine";

/** A small deterministic PRNG (mulberry32) so that benchmark inputs are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ["人", "万人", "户", "次", "个", "种", "万元", "元/人", "件", "家"];
const RULES = ["按照完成比例赋分", "满意度赋分", "按评判等级赋分", "直接赋分", "正向比例", "反向比例"];

/** One realistic indicator row: targets and actuals written as the seeds write them. */
export function generateRow(rand: () => number, i: number): IndicatorInput {
  const kind = rand();
  const weight = [2, 3, 4, 5, 6, 10, 15, 20][Math.floor(rand() * 8)]!;
  let target: string;
  let actual: string;
  let rule = RULES[Math.floor(rand() * 4)]!;
  if (kind < 0.45) {
    const unit = UNITS[Math.floor(rand() * UNITS.length)]!;
    const t = Math.round(rand() * 100000) / 100;
    target = `${rand() < 0.7 ? ">=" : "≤"}${t}${unit}`;
    actual = `=${Math.round(t * (0.5 + rand()) * 100) / 100}${unit}`;
    if (rule === "直接赋分") rule = "正向比例";
  } else if (kind < 0.8) {
    const t = 80 + Math.floor(rand() * 20);
    target = `≥${t}%`;
    actual = `=${Math.min(100, Math.round((t - 20 + rand() * 40) * 100) / 100)}%`;
    if (rule === "直接赋分") rule = "满意度赋分";
  } else if (kind < 0.9) {
    target = `2024年12月${10 + Math.floor(rand() * 20)}日前`;
    actual = `2024年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日`;
    rule = "直接赋分";
  } else {
    target = ["有效保障", "显著提升", "提升"][Math.floor(rand() * 3)]!;
    actual = ["达到预期指标", "部分达成", "达成"][Math.floor(rand() * 3)]!;
    rule = "按评判等级赋分";
  }
  return { level1: "产出指标", level2: "数量指标", level3: `指标${i}`, weight, target, actual, rule_text: rule, reported_score: Math.round(rand() * weight * 100) / 100 };
}

/**
 * `rows` indicators split into tables of 30 rows, as a folder of 自评表 would be. As in real tables, most
 * reported scores are right: `fill` (an untimed evaluation) sets 90% of them to the engine's figure and leaves
 * 10% off by a point; most missed targets carry a deviation note.
 */
export function generateTables(rows: number, seed = 1, fill?: (t: TableInput) => (number | null)[]): TableInput[] {
  const rand = prng(seed);
  const tables: TableInput[] = [];
  for (let i = 0; i < rows; i += 30) {
    const indicators: IndicatorInput[] = [];
    for (let j = i; j < Math.min(rows, i + 30); j++) indicators.push(generateRow(rand, j));
    const t: TableInput = { id: `t${i / 30}`, title: `生成表 ${i / 30}`, budget: { initial: 100, full_year: 100, executed: 90 + rand() * 10, weight: 10, reported_score: 9.5 }, indicators, reported_total: 90 };
    if (fill) {
      fill(t).forEach((s, k) => {
        const row = indicators[k]!;
        row.reported_score = s === null ? null : rand() < 0.9 ? Math.round(s * 100) / 100 : Math.max(0, Math.round(s) - 1);
        if (rand() < 0.7) row.deviation_note = "受政策调整影响";
      });
    }
    tables.push(t);
  }
  return tables;
}
