/** One answer option of a question: its label, the number who chose it, and the share as the report wrote it. */
export interface SurveyOption {
  label: string;
  count: number | null;
  /** Share as written, a fraction (0.574 for 57.4%), with the decimals it was written with. */
  share?: number | null;
  shareDecimals?: number;
}

export interface SurveyQuestion {
  question: string;
  options: SurveyOption[];
  /** A 小计 row's count, when the table has one. */
  subtotal?: number | null;
}

/** Which options count as positive: labels (matched at the start, before any note in brackets), or a test. */
export type Positive = string[] | ((label: string) => boolean);
