/** Comparison operator of a target or an actual, normalised from the many ways tables write it. */
export type Op = ">=" | ">" | "<=" | "<" | "=";

/** A grade read from qualitative text: 达成 / 部分达成 / 未达成. */
export type Grade = "met" | "partial" | "unmet";

interface MeasureBase {
  /** The text as it was given (before clean-up), for messages. */
  text: string;
}

/**
 * A number with an optional unit. `value` is in the base unit: `24.37万人` is 243700 with unit `人`,
 * `3.5万元` is 35000 with unit `元`. `unit` is null when the text has none (`16000`).
 */
export interface NumberMeasure extends MeasureBase {
  kind: "number";
  op: Op | null;
  /** A change written in words: `下降5%` / `减少3人` (down), `增长5%` (up); the value is the amount of change. */
  change?: "down" | "up";
  value: number;
  unit: string | null;
  /** How the figure is shown back to the user: the number and unit as written (`24.37万人`). */
  shown: string;
}

/** A percentage; `value` is a fraction (95% → 0.95). */
export interface PercentMeasure extends MeasureBase {
  kind: "percent";
  op: Op | null;
  change?: "down" | "up";
  value: number;
  shown: string;
}

/** A calendar date; `day` counts days since 1970-01-01. `year` may be missing (`12月底之前`). */
export interface DateMeasure extends MeasureBase {
  kind: "date";
  op: Op | null;
  year: number | null;
  month: number;
  dayOfMonth: number;
  shown: string;
  /** The event the date is of, where not a finish (签订, 开工, 下达): it answers only a target naming that event. */
  event?: string;
}

/** Qualitative text: a target such as `有效保障`, or an actual such as `达到预期指标` / `部分达成`. */
export interface GradeMeasure extends MeasureBase {
  kind: "grade";
  grade: Grade;
  shown: string;
}

/** Several figures in one cell: `普通居民 61 元/人/年; 特殊人员 140 元/人/年`. */
export interface MultiMeasure extends MeasureBase {
  kind: "multi";
  parts: { label: string; measure: NumberMeasure | PercentMeasure }[];
  shown: string;
}

/** A blank cell: for an actual this means "not yet filled", never zero. */
export interface BlankMeasure extends MeasureBase {
  kind: "blank";
}

/** Text that could not be read; `reason` says why, in Chinese. */
export interface UnreadableMeasure extends MeasureBase {
  kind: "unreadable";
  reason: string;
}

export type Measure =
  | NumberMeasure
  | PercentMeasure
  | DateMeasure
  | GradeMeasure
  | MultiMeasure
  | BlankMeasure
  | UnreadableMeasure;

export type QuantityMeasure = NumberMeasure | PercentMeasure;
