/**
 * Scoring rules are data (JSON-serialisable): a preset, a cell, a table's JSON or a rule text all yield
 * the same objects. Rates and shares are fractions (0.95 for 95%); points are in the sheet's points.
 */

/** Which figure a rate-based rule reads: the actual rate itself (资金到位率 100%) or completion B/A. */
export type Basis = "actual" | "completion";

/** One band of a band rule: `min ≤ x < max` by default; `points` or `share` (of the weight) is awarded. */
export interface Band {
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  points?: number;
  share?: number;
}

export interface ChecklistItem {
  /** The item's mark as written (①, ②…) or a short label. */
  label: string;
  /** Share of the weight the item is worth (shares) or deducts when missing (deductions). */
  share?: number;
  /** Points the item is worth (points mode). */
  points?: number;
}

export type Tier = [number, number];

export type Rule =
  /** 正向 得分 = 权重 × B/A; 反向 得分 = 权重 × A/B; met → full; never above the weight. */
  | { type: "proportional"; direction?: "higher" | "lower" }
  /** 按照完成比例赋分: r = B/A; r ≥ zeroAt → 0; 1 ≤ r < zeroAt → (1 − (r − 1)) × w; floor ≤ r < 1 → (r − floor)/(1 − floor) × w; else 0. */
  | { type: "completion"; floor: number; zeroAt: number }
  /** Target met → full; otherwise (r − floor)/(1 − floor) × w above the floor, 0 below. */
  | { type: "floorLinear"; floor: number }
  /** Cost: r = B/A; r > 1 → 0 (over: zero) or the over-achievement formula (over: penalty); r = 1 → full; floor–1 linear. */
  | { type: "cost"; floor: number; over: "zero" | "penalty"; zeroAt?: number }
  /** Bands on a rate, awarding points or a share of the weight; a rate in no band scores 0. */
  | { type: "bands"; basis: Basis; bands: Band[] }
  /** Full at or above `full`; each `step` below it deducts `deduct` points (or a share of the weight); never below 0. */
  | { type: "step"; basis: Basis; full: number; step: number; deduct: number; deductAs: "points" | "share" }
  /** Full at `full` units (null: the target's); each unit short deducts `deduct` points (少一个扣1分); never below 0. */
  | { type: "perUnit"; full: number | null; deduct: number; unit: string | null; per?: number }
  /** 得分 = rate × weight (or × maxPoints), full at or above `fullAt`, capped at the weight. */
  | { type: "rateTimesWeight"; basis: Basis; fullAt?: number }
  /**
   * Full at or above `fullAt`; from `zeroBelow` up to `fullAt` the score is rate × `multiplier` points (with `perWeight`,
   * rate ÷ `divisor` × the row's weight: 得分=满意度×分值, 按实际满意度/90%×权重分计分); below, 0.
   */
  | { type: "scaledBelow"; basis: Basis; fullAt: number; zeroBelow: number; multiplier: number; perWeight?: boolean; divisor?: number }
  /** All or nothing: target met (or the evaluator's judgement) → full, otherwise 0. */
  | { type: "threshold" }
  /** Items judged by the evaluator: each met item's share/points, or full minus missing items' deductions. */
  | { type: "checklist"; mode: "shares" | "points" | "deductions"; items: ChecklistItem[] }
  /** Qualitative three tiers as shares of the weight: 达成 [0.8,1], 部分达成 [0.5,0.8], 未达成 [0,0.5]; top of the tier unless judged otherwise. */
  | { type: "qualitative"; met: Tier; partial: Tier; unmet: Tier }
  /** 满意度赋分: at or above the target → full; below, proportional (B/A × w). */
  | { type: "satisfaction" }
  /** 按评判等级赋分: the evaluator's grade decides; a met quantitative target is the top grade. */
  | { type: "graded"; met: Tier; partial: Tier; unmet: Tier }
  /** 直接赋分 / deadline: done on or before the date (or target met) → full, otherwise 0. */
  | { type: "deadline" }
  /** A target of 0 (安全事故 0 起): an actual of 0 → full, anything above → 0. */
  | { type: "zeroTarget" }
  /** The evaluator's own share of the weight (评价人判断 50%): used when a row's rule text states no rule. */
  | { type: "judged" }
  /** The indicator does not apply: no score; the table's other weights are rescaled to 100. */
  | { type: "notApplicable" };

export type RuleType = Rule["type"];

/** The evaluator's judgement for rules that need one: items met (①③ or booleans), a grade word, or a share. */
export type Judgement = boolean[] | string | number;
