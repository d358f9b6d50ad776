import { round } from "../measure/format";
import type { TableResult } from "../evaluate/types";

export interface LevelGroup {
  weight: number;
  /** Sum of the level's row scores as shown (2 decimals). */
  score: number;
  /** false when a row of the level has no score yet. */
  complete: boolean;
}

/** The applicable rows grouped by 一级指标 (spaces ignored), in table order. */
export function levelGroups(result: TableResult): Map<string, LevelGroup> {
  const groups = new Map<string, LevelGroup>();
  for (const row of result.indicators) {
    if (!row.applicable) continue;
    const key = (row.level1 ?? "（未分级）").replace(/\s+/g, "");
    const g = groups.get(key) ?? { weight: 0, score: 0, complete: true };
    g.weight += row.weight ?? 0;
    if (row.score === null) g.complete = false;
    else g.score += round(row.score, 2);
    groups.set(key, g);
  }
  return groups;
}

/**
 * A table's summary by 一级指标, as the seeds' 表2: weight, recomputed score and 得分率 per level, then the
 * budget block and the total. Rows are plain values for a summary sheet and its chart.
 */
export function summaryRows(result: TableResult): (string | number)[][] {
  const groups = levelGroups(result);
  const rows: (string | number)[][] = [["一级指标", "权重", "复核得分", "得分率"]];
  if (result.budget) {
    const s = result.budget.score;
    rows.push(["预算执行", result.budget.weight, s === null ? "" : round(s, 2), s === null ? "" : round(s / result.budget.weight, 4)]);
  }
  for (const [k, g] of groups) rows.push([k, round(g.weight, 2), g.complete ? round(g.score, 2) : "", g.complete && g.weight > 0 ? round(g.score / g.weight, 4) : ""]);
  const totalWeight = rows.slice(1).reduce((s, r) => s + (typeof r[1] === "number" ? r[1] : 0), 0);
  rows.push(["合计", round(totalWeight, 2), result.total === null ? "" : round(result.total, 2), result.total === null || totalWeight === 0 ? "" : round(result.total / totalWeight, 4)]);
  rows.push(["等级", "", result.rating ?? "", ""]);
  return rows;
}
