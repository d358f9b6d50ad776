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
