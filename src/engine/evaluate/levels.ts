import { toSimplified } from "../data/traditional";
/**
 * A weight written inside a level name: `A 决策(20分)`, `年度绩效目标 1 (70分)`, `C1 数量指标(10 分)`, or after it with
 * no brackets (`数量指标15分`, `产出指标 40分`).
 */
export function weightInName(name: string | null | undefined): number | null {
  if (!name) return null;
  // (Matched in simplified characters: 數量指標15分 is 数量指标15分.)
  const s = toSimplified(String(name).normalize("NFKC"));
  const m = IN_BRACKETS.exec(s) ?? AT_END.exec(s);
  return m ? Number(m[1]) : null;
}

const IN_BRACKETS = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;
/** `数量指标15分`: a level word, then the points; not a name that is itself a figure (`得分90分`). */
const AT_END = /(?<=(?:指标|绩效|目标|效益|满意度|产出|效果|管理|决策|过程|投入))\s*(\d+(?:\.\d+)?)\s*分$/;

/** A level name without its weight and spaces: `A 决策（20 分）` → `A决策`. */
export function levelKey(name: string | null | undefined): string {
  const s = String(name ?? "").normalize("NFKC").replace(/\s+/g, "");
  // A label that is only its points (`(50分)`: the level's word lost in the source) keeps them, so that two such
  // levels are not taken for one.
  return s.replace(IN_BRACKETS, "").replace(AT_END, "") || s;
}

/**
 * Weights the table leaves out but states by level (产出指标(60分) over rows with scores and no 分值 column), where
 * they follow with certainty: a level with one row gives it the level's points; a level whose rows' reported
 * scores add up to its points gave every row full marks (a score never exceeds its weight and the weights add up
 * to the level's points), so each row's weight is its score. Index → weight and the reason; nothing is guessed.
 */
export function weightsFromLevels(rows: LevelRow[], readPoints: (v: unknown) => number | null, metOf?: (i: number) => boolean): Map<number, { weight: number; why: string }> {
  const out = new Map<number, { weight: number; why: string }>();
  // Most tables weigh every row: nothing to infer, and nothing to group.
  if (rows.every((r) => typeof r.weight === "number" || readPoints(r.weight) !== null)) return out;
  // A row whose own name states its points (相关性(5分), the 共性指标 score tables' way): the name's figure, where the
  // row reports no higher score, in a table that weighs no row otherwise (beside weighted rows, 平均分(80分) is a target).
  const weighsSome = rows.some((r) => readPoints(r.weight) !== null);
  if (!weighsSome) rows.forEach((r, i) => {
    if (readPoints(r.weight) !== null) return;
    const own = ownPoints(String(r.level3 ?? r.name ?? ""));
    const score = readPoints(r.reported_score);
    if (own === null || !(own > 0) || own > 100 || (score !== null && score > own + 1e-9)) return;
    out.set(i, { weight: own, why: `未写分值：指标名称“${String(r.level3 ?? r.name ?? "").replace(/\s+/g, "")}”写明 ${own} 分，分值取 ${own} 分` });
  });
  // The finer level first (数量指标15分 under 产出指标40分): its points are closer to the row's; a level with a row
  // already settled is left alone (its other rows' weights no longer follow from its points).
  inferByLevel(rows, readPoints, out, metOf, (r) => (r.level2 ? { key: `${levelKey(r.level1)}/${levelKey(r.level2)}`, name: r.level2, points: r.level2_weight ?? weightInName(r.level2) } : null));
  inferByLevel(rows, readPoints, out, metOf, (r) => (r.level1 ? { key: levelKey(r.level1), name: r.level1, points: r.level1_weight ?? weightInName(r.level1) } : null));
  // Then the block of goals above the levels (年度绩效目标2(40分) over two rows of 20).
  inferByLevel(rows, readPoints, out, metOf, (r) => (r.block ? { key: `block:${levelKey(r.block)}`, name: r.block, points: r.block_weight ?? weightInName(r.block) } : null));
  return out;
}

/** Points a name states of itself in brackets (`相关性(5分)`), not `满意度(≥90分)` nor a bare `得分90分`. */
function ownPoints(name: string | null | undefined): number | null {
  if (!name) return null;
  const m = IN_BRACKETS.exec(name.normalize("NFKC"));
  return m ? Number(m[1]) : null;
}

type LevelRow = { name?: string | null; level3?: string | null; level1?: string | null; level1_weight?: number | null; level2?: string | null; level2_weight?: number | null; block?: string | null; block_weight?: number | null; weight?: unknown; reported_score?: unknown };

function inferByLevel(rows: LevelRow[], readPoints: (v: unknown) => number | null, out: Map<number, { weight: number; why: string }>, metOf: ((i: number) => boolean) | undefined, levelOf: (r: LevelRow) => { key: string; name: string; points: number | null } | null): void {
  const groups = new Map<string, { name: string; points: number | null; members: number[] }>();
  rows.forEach((row, i) => {
    const level = levelOf(row);
    if (!level) return;
    const g = groups.get(level.key) ?? { name: level.name.replace(/\s+/g, ""), points: null, members: [] };
    g.points ??= level.points;
    g.members.push(i);
    groups.set(level.key, g);
  });
  for (const g of groups.values()) {
    if (g.points === null || !(g.points > 0)) continue;
    if (g.members.some((i) => out.has(i) || readPoints(rows[i]!.weight) !== null)) continue;
    if (g.members.length === 1) {
      out.set(g.members[0]!, { weight: g.points, why: `未写分值：所在“${g.name}”只有这一项，分值取该级的 ${g.points} 分` });
      continue;
    }
    const scores = g.members.map((i) => readPoints(rows[i]!.reported_score));
    if (scores.some((s) => s === null || !(s > 0))) continue;
    const sum = scores.reduce<number>((a, s) => a + s!, 0);
    if (Math.abs(sum - g.points) <= 1e-6) {
      g.members.forEach((i, k) => out.set(i, { weight: scores[k]!, why: `未写分值：所在“${g.name}”各项报告得分合计 ${g.points} 分，等于该级分值，即各项均得满分，分值取其得分 ${scores[k]} 分` }));
      continue;
    }
    // Short of the points: weights are whole points, none below its row's score, adding up to the level's. When the
    // smallest such weights (each score rounded up) already add up to the points, no other split is possible
    // (10、10、19.6 under 40 分 → 10、10、20).
    const least = scores.map((s) => Math.ceil(s! - 1e-9));
    // One row short of its target among rows that met theirs, all with the same score (a 乡镇 form: 数量指标（20分） over
    // 5、5、5、3.35): a met target scores full under 财预〔2020〕10号, so each met row's weight is its score, and the row short
    // of its target has what is left of the level's points. Assumed as weightsFromMetScores is, and said so.
    const unmet = metOf ? g.members.filter((i) => !metOf(i)) : [];
    if (metOf && unmet.length === 1 && g.members.length >= 3) {
      const metScores = g.members.filter((i) => i !== unmet[0]).map((i) => readPoints(rows[i]!.reported_score)!);
      const s = metScores[0]!;
      const left = g.points - metScores.reduce((a, x) => a + x, 0);
      if (metScores.every((x) => Math.abs(x - s) <= 1e-9) && Math.abs(left - s) <= 1e-9 && readPoints(rows[unmet[0]!]!.reported_score)! <= left + 1e-9) {
        g.members.forEach((i) => out.set(i, { weight: s, why: i === unmet[0] ? `未写分值：所在“${g.name}”共 ${g.points} 分，其余 ${metScores.length} 项已达到目标、均报 ${s} 分（达到目标应得满分），本项分值按 ${g.points} − ${metScores.length} × ${s} = ${s} 分推定` : `未写分值：所在“${g.name}”共 ${g.points} 分，已达到目标的各项均报 ${s} 分（达到目标应得满分），分值按 ${s} 分推定` }));
        continue;
      }
    }
    if (sum > g.points || least.reduce((a, w) => a + w, 0) !== g.points) continue;
    const list = least.join("、");
    g.members.forEach((i, k) => out.set(i, { weight: least[k]!, why: `未写分值：所在“${g.name}”共 ${g.points} 分；分值取整数、不低于各项得分（${scores.map((x) => String(x)).join("、")}）且合计 ${g.points} 分，只能是 ${list}，本项取 ${least[k]} 分` }));
  }
}

/**
 * Weights a table prints nowhere, where its scores add up to exactly the points left after the budget's (100 − 预算
 * 分值: 年度绩效目标 80 分 over eight rows of 10): a score never exceeds its weight, so every row had full marks and
 * its weight is its score. Index → weight and the reason; an empty map when the sum differs or a score is missing.
 */
export function weightsFromFullMarks(rows: { reported_score?: unknown; weight?: unknown }[], budgetWeight: number | null, readPoints: (v: unknown) => number | null): Map<number, { weight: number; why: string }> {
  const out = new Map<number, { weight: number; why: string }>();
  if (rows.length < 2 || budgetWeight === null || !(budgetWeight > 0) || budgetWeight >= 100) return out;
  if (rows.some((r) => readPoints(r.weight) !== null)) return out;
  const scores = rows.map((r) => readPoints(r.reported_score));
  if (scores.some((s) => s === null || !(s > 0))) return out;
  const points = 100 - budgetWeight;
  if (Math.abs(scores.reduce<number>((a, s) => a + s!, 0) - points) > 1e-6) return out;
  scores.forEach((s, i) => out.set(i, { weight: s!, why: `未写分值：各项报告得分合计 ${points} 分 = 100 − 预算执行 ${budgetWeight} 分，即各项均得满分，分值取其得分 ${s} 分` }));
  return out;
}

/**
 * Weights a table prints nowhere, implied by its own scores (the old 云南 form: 预算执行 20 分 and 年度绩效目标 80 分, no
 * 分值 column, every score written as 分值 × 完成率): taken only when every row has a score and a completion, every
 * score ÷ completion is a whole number within the score's rounding, and those add up to the points left after the
 * budget's (100 − 预算分值). Index → weight and the reason; an empty map when anything does not fit.
 */
export function weightsFromScores(rows: { reported_score?: unknown; weight?: unknown }[], completionOf: (i: number) => number | null, budgetWeight: number | null, readPoints: (v: unknown) => number | null): Map<number, { weight: number; why: string; fromScores: true }> {
  const out = new Map<number, { weight: number; why: string; fromScores: true }>();
  if (rows.length < 2 || budgetWeight === null || !(budgetWeight > 0) || budgetWeight >= 100) return out;
  if (rows.some((r) => readPoints(r.weight) !== null)) return out;
  const weights: number[] = [];
  for (const [i, r] of rows.entries()) {
    const s = readPoints(r.reported_score);
    const c = completionOf(i);
    if (s === null || !(s > 0) || c === null || c === undefined || !(c > 0)) return out;
    const w = s / c;
    const whole = Math.round(w);
    // A score written to one decimal (or fewer) may be off by 0.05: so may the weight, by 0.05 ÷ completion.
    if (whole <= 0 || Math.abs(w - whole) > 0.05 / c + 1e-9) return out;
    weights.push(whole);
  }
  const points = 100 - budgetWeight;
  if (weights.reduce((a, w) => a + w, 0) !== points) return out;
  const list = weights.join("、");
  weights.forEach((w, i) => out.set(i, { fromScores: true, weight: w, why: `未写分值：表中各项得分都等于“分值 × 完成率”，按此反推分值为 ${list}，合计 ${points} 分 = 100 − 预算执行 ${budgetWeight} 分；本项分值取 ${w} 分` }));
  return out;
}

/**
 * Weights a table prints nowhere and its scores do not settle (a table cut short, a row not met): a met target scores
 * full marks under 财预〔2020〕10号, so where every met row reports the same score (two or more of them), that score is
 * taken as the full mark of each. Assumed, not proven, and said so on each row. Not taken when met rows' scores differ
 * (one of them may hide a deduction: seed 001's 9 beside 10s), in a table with any weight (a blank weight among weighted
 * rows is the unit's slip), or when the scores add up to more than the points left after the budget's. Rows not met
 * stay without a weight.
 */
export function weightsFromMetScores(rows: { reported_score?: unknown; weight?: unknown }[], metOf: (i: number) => boolean, budgetWeight: number | null, readPoints: (v: unknown) => number | null): Map<number, { weight: number; why: string; assumed: true }> {
  const out = new Map<number, { weight: number; why: string; assumed: true }>();
  if (rows.length < 2 || rows.some((r) => readPoints(r.weight) !== null)) return out;
  const scores = rows.map((r) => readPoints(r.reported_score));
  const left = 100 - (budgetWeight !== null && budgetWeight > 0 && budgetWeight < 100 ? budgetWeight : 0);
  if (scores.reduce<number>((a, s) => a + (s ?? 0), 0) > left + 1e-6) return out;
  const met = rows.map((_, i) => i).filter((i) => scores[i] !== null && scores[i]! > 0 && metOf(i));
  if (met.length < 2) return out;
  const s = scores[met[0]!]!;
  if (met.some((i) => Math.abs(scores[i]! - s) > 1e-9)) return out;
  for (const i of met) out.set(i, { assumed: true, weight: s, why: `未写分值：表中 ${met.length} 项已达到目标的指标都报 ${s} 分（达到目标应得满分），分值按 ${s} 分推定；表中没有分值，无法核对` });
  return out;
}

/**
 * Whether a table prints no weight on any row (the old 云南 form, a 目标自评表): a missing weight there is the table's
 * form, not a slip. Stops at the first weighted row, so a weighted table is answered at once.
 */
export function printsNoWeight(table: { indicators: { weight?: unknown }[] }): boolean {
  return table.indicators.every((r) => r.weight === null || r.weight === undefined || String(r.weight).trim() === "");
}
