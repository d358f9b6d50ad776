import { rate, type RatingScheme } from "../evaluate/rating";
import type { IndicatorResult, TableResult } from "../evaluate/types";
import { findingLabel } from "../findings";
import { round } from "../measure/format";
import { rowMeasures } from "../outcome";
import { shown } from "../measure/compare";

/**
 * The reviewer's side-by-side, as third-party 复核 working papers lay it out: 自评完成值 | 自评得分 | 复核完成值 |
 * 复核得分 | 偏离度 | 复核说明 (the rule applied).
 *
 * 偏离度 = (自评得分 − 复核得分) / 复核得分: positive when the unit scored itself higher than the review, as the
 * working papers grade the quality of a 自评 (a large positive 偏离度 is a self-evaluation too generous). When the
 * review gives 0 points the ratio has no meaning: 偏离度 is then blank and the 复核说明 states the difference in
 * points. 复核完成值 is the actual as the review read it (the cell's figure in its unit, `96%`, `2024年8月27日`).
 */
export interface SideRow {
  index: number;
  name: string;
  selfActual: string;
  reviewActual: string;
  selfScore: number | null;
  reviewScore: number | null;
  deviation: number | null;
  note: string;
}

export interface SideBySide {
  rows: SideRow[];
  selfTotal: number | null;
  reviewTotal: number | null;
  deviation: number | null;
  selfRating: string | null;
  reviewRating: string | null;
}

/** (self − review) / review; null when either is missing or the review is 0. */
export function deviationRate(self: number | null, review: number | null): number | null {
  if (self === null || review === null || Math.abs(review) < 1e-9) return null;
  return (self - review) / review;
}

function reviewActual(row: IndicatorResult): string {
  if (row.actual.trim() === "") return "（未填写）";
  const a = rowMeasures(row).actual;
  return a.kind === "unreadable" ? `无法识别：${row.actual.trim()}` : shown(a);
}

/** The side-by-side of one table: every applicable row, the totals and ratings of both. */
export function sideBySide(result: TableResult, scheme: RatingScheme = "standard"): SideBySide {
  const labels = new Map<number, string[]>();
  for (const f of result.findings) if (f.indicator !== null) labels.set(f.indicator, [...(labels.get(f.indicator) ?? []), findingLabel(f.code)]);
  const rows = result.indicators.filter((r) => r.applicable).map((r): SideRow => {
    const review = r.score === null ? null : round(r.score, 2);
    const d = deviationRate(r.reported_score, review);
    const diff = r.reported_score !== null && review !== null && review === 0 && r.reported_score !== 0 ? `复核为 0 分，自评高 ${round(r.reported_score, 2)} 分；` : "";
    const rule = r.rule_label ? `规则：${r.rule_label}` : "未确定规则";
    const found = labels.get(r.index);
    return { index: r.index, name: r.name, selfActual: r.actual, reviewActual: reviewActual(r), selfScore: r.reported_score, reviewScore: review, deviation: d, note: `${diff}${rule}；${r.explanation}${found ? `【${[...new Set(found)].join("、")}】` : ""}` };
  });
  const selfTotal = result.reported_total;
  const reviewTotal = result.total === null ? null : round(result.total, 2);
  return {
    rows,
    selfTotal,
    reviewTotal,
    deviation: deviationRate(selfTotal, reviewTotal),
    selfRating: result.reported_rating ?? (selfTotal !== null ? rate(selfTotal, scheme) : null),
    reviewRating: result.rating,
  };
}
