/**
 * Cronbach's α from item-level answers (rows = respondents, columns = items, e.g. 1–5 scale). Rows with a
 * blank are left out and counted. α = k/(k−1) · (1 − Σ item variances / variance of row totals), sample
 * variances (n − 1). Fewer than 2 items or 2 complete rows, or totals that do not vary, are errors.
 */
export function cronbachAlpha(answers: (number | null)[][]): { ok: true; alpha: number; items: number; respondents: number; dropped: number } | { ok: false; message: string } {
  let k = 0;
  for (const r of answers) if (r.length > k) k = r.length;
  if (k < 2) return { ok: false, message: "至少需要 2 个题目才能计算信度系数" };
  const rows = answers.filter((r) => r.length === k && r.every((v) => typeof v === "number" && Number.isFinite(v))) as number[][];
  const dropped = answers.length - rows.length;
  const n = rows.length;
  if (n < 2) return { ok: false, message: `完整作答的问卷只有 ${n} 份，无法计算信度系数` };
  const variance = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  };
  let itemVar = 0;
  for (let j = 0; j < k; j++) itemVar += variance(rows.map((r) => r[j]!));
  const totalVar = variance(rows.map((r) => r.reduce((a, b) => a + b, 0)));
  if (totalVar === 0) return { ok: false, message: "各问卷总分完全相同，信度系数无定义" };
  return { ok: true, alpha: (k / (k - 1)) * (1 - itemVar / totalVar), items: k, respondents: n, dropped };
}
