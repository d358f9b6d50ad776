/** A weight written inside a level name: `A 决策(20分)`, `年度绩效目标 1 (70分)`, `C1 数量指标(10 分)`. */
export function weightInName(name: string | null | undefined): number | null {
  if (!name) return null;
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(name.normalize("NFKC"));
  return m ? Number(m[1]) : null;
}

/** A level name without its weight and spaces: `A 决策（20 分）` → `A决策`. */
export function levelKey(name: string | null | undefined): string {
  return (name ?? "").normalize("NFKC").replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]/, "").replace(/\s+/g, "");
}

/**
 * Weights the table leaves out but states by level (产出指标(60分) over rows with scores and no 分值 column), where
 * they follow with certainty: a level with one row gives it the level's points; a level whose rows' reported
 * scores add up to its points gave every row full marks (a score never exceeds its weight and the weights add up
 * to the level's points), so each row's weight is its score. Index → weight and the reason; nothing is guessed.
 */
export function weightsFromLevels(rows: { level1?: string | null; level1_weight?: number | null; weight?: unknown; reported_score?: unknown }[], readPoints: (v: unknown) => number | null): Map<number, { weight: number; why: string }> {
  const out = new Map<number, { weight: number; why: string }>();
  // Most tables weigh every row: nothing to infer, and nothing to group.
  if (rows.every((r) => typeof r.weight === "number" || readPoints(r.weight) !== null)) return out;
  const groups = new Map<string, { name: string; points: number | null; members: number[] }>();
  rows.forEach((row, i) => {
    if (!row.level1) return;
    const key = levelKey(row.level1);
    const g = groups.get(key) ?? { name: row.level1.replace(/\s+/g, ""), points: null, members: [] };
    g.points ??= row.level1_weight ?? weightInName(row.level1);
    g.members.push(i);
    groups.set(key, g);
  });
  for (const g of groups.values()) {
    if (g.points === null || !(g.points > 0)) continue;
    if (g.members.some((i) => readPoints(rows[i]!.weight) !== null)) continue;
    if (g.members.length === 1) {
      out.set(g.members[0]!, { weight: g.points, why: `未写分值：所在“${g.name}”只有这一项，分值取该级的 ${g.points} 分` });
      continue;
    }
    const scores = g.members.map((i) => readPoints(rows[i]!.reported_score));
    if (scores.some((s) => s === null || !(s > 0))) continue;
    const sum = scores.reduce<number>((a, s) => a + s!, 0);
    if (Math.abs(sum - g.points) > 1e-6) continue;
    g.members.forEach((i, k) => out.set(i, { weight: scores[k]!, why: `未写分值：所在“${g.name}”各项报告得分合计 ${g.points} 分，等于该级分值，即各项均得满分，分值取其得分 ${scores[k]} 分` }));
  }
  return out;
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
