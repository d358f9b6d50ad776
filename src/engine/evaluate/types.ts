import type { Judgement, Rule } from "../rules/types";
import type { FindingCode } from "../findings";

/**
 * The project's JSON table format: the fields of the seed cases (../shared/cases/seed_tables.json) plus
 * optional `preset` (table) and `rule` (table default or row). Documented in docs/json-format.md.
 */
export interface TableInput {
  id?: string;
  title?: string;
  kind?: "self-eval" | "evaluation" | string;
  preset?: string;
  /** A rule for every row without one: a rule name (`按照完成比例赋分`) or a rule object. */
  rule?: string | Rule;
  rating_scheme?: string;
  budget?: BudgetInput | null;
  indicators: IndicatorInput[];
  reported_total?: number | string | null;
  reported_rating?: string | null;
  /** Reported subtotals by level-1 name or code letter (`A`, `产出指标`). */
  level_totals?: Record<string, { weight?: number | null; score?: number | null }> | null;
}

export interface BudgetInput {
  initial?: number | string | null;
  full_year?: number | string | null;
  executed?: number | string | null;
  weight?: number | string | null;
  rate_as_written?: string | null;
  /** The unit the block's amounts are written in when a header says (`万元`, `元`); bare numbers take it. */
  unit?: string | null;
  reported_score?: number | string | null;
  /** The reason the block's own rows give for its execution (执行率偏低原因 | 因招标流标…), where read from a sheet. */
  reason?: string | null;
  /** The total row's own label as written (年度资金总额), where read from a sheet. */
  label?: string | null;
  /** The block's 其中 rows (财政拨款, 上年结转, 其他资金) with their amounts and rate as written: each rate is checked. */
  parts?: {
    label: string;
    initial?: number | string | null;
    full_year?: number | string | null;
    executed?: number | string | null;
    rate_as_written?: string | null;
    /** The row's 分值 and 得分 cells as written, where the block has those columns (a 其中 row normally leaves them blank). */
    weight?: number | string | null;
    reported_score?: number | string | null;
    /** The address of the row's 得分 cell (G5), for the finding that names it. */
    score_cell?: string | null;
    /** true for a row under a second 其中 (其中:财政拨款, then 其中:中央资金): it splits the part above, not the total. */
    nested?: boolean;
  }[];
  /**
   * The 部门整体 form's two splits of the year's funds, written label:amount in cells under the total row (按收入性质分:
   * 2030.12 | 按支出性质分:1925.67, then 一般公共预算:1325.68 | 基本支出:900.47 …): each side's total (null when not written),
   * its parts, the cell of its total, its unit where written, and `partial` where a part could not be read (then its parts
   * are not added up). Each side's parts add up to its total; the two sides split the same funds unless each total is one
   * of the block's own amounts (收入 the 全年预算数, 支出 the 全年执行数).
   */
  splits?: { side: "income" | "expense"; cell: string; total: number | null; unit?: string | null; partial?: boolean; parts: { label: string; amount: number | null }[] }[];
}

export interface IndicatorInput {
  /** How many rows below this one hold its figures (★ rows scored by their parts; layout detection sets it). */
  from_parts?: number;
  /** The row's weight cell is merged with the row above (两者择其一: one weight for both): not a weight left out. */
  shares_weight_above?: boolean;
  code?: string | null;
  level1?: string | null;
  level2?: string | null;
  level3?: string | null;
  name?: string | null;
  weight?: number | string | null;
  target?: string | number | null;
  actual?: string | number | null;
  completion_as_written?: string | number | null;
  reported_score?: number | string | null;
  /**
   * The row's score out of 100 where the form converts it by the weight share (河北's 单项指标得分 | 权重占比(%) |
   * 单项指标折算得分): reported_score is then the converted score, unit_score × weight / 100.
   */
  unit_score?: number | string | null;
  /** The row's own word on whether its target was met (单项指标完成情况 | 完成), where the form has such a column. */
  status_text?: string | null;
  /**
   * What the evaluator found, in words (评分依据 / 评价依据 / 核查情况 of a score table): the figures a row's formula needs
   * are read from it where the table has no target or actual cell, and a checklist deduction's items are counted in it.
   */
  grounds_text?: string | null;
  rule_text?: string | null;
  /** A rule name or object for this row; wins over rule_text and the preset. */
  rule?: string | Rule | null;
  /** The evaluator's judgement for checklist, qualitative and all-or-nothing rules. */
  judgement?: Judgement | null;
  deviation_note?: string | null;
  level1_weight?: number | null;
  level2_weight?: number | null;
  /** The block of goals the row sits in, above its levels (年度绩效目标1(40分)), and the block's points. */
  block?: string | null;
  block_weight?: number | null;
  /** false (or a rule 不适用) marks an indicator that does not apply. */
  applicable?: boolean | null;
}

/**
 * ok: scored; mismatch: scored, and the reported score differs; pending: the actual is not yet filled;
 * unreadable: a target, actual or weight cannot be read; needs-rule: no rule could be found;
 * no-weight: target and actual read (completion and deviation known) but the table gives the row no weight.
 */
export type RowStatus = "ok" | "mismatch" | "pending" | "unreadable" | "needs-rule" | "no-weight";

export type Severity = "error" | "warning" | "info";

/** A reviewer finding: a machine code, the row (index) or null for the table, and a Chinese message. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  indicator: number | null;
  message: string;
  reported?: number | string | null;
  recomputed?: number | string | null;
  /** The 复核口径 rule that raised the finding (R01…), when a rulebook rule did. */
  rule?: string;
  /** Every row (index) a finding said once for the table names, when it names several (actuals written as ranges). */
  rows?: number[];
}

/** Where a row's rule came from. */
export type RuleSource = "row" | "rule-name" | "rule-text" | "judgement" | "table" | "preset";

export interface IndicatorResult {
  index: number;
  code: string | null;
  name: string;
  level1: string | null;
  level2: string | null;
  weight: number | null;
  target: string;
  actual: string;
  /** The completion the rule used (fraction), full precision; null when there is none. */
  completion: number | null;
  /** The recomputed score, full precision; null when it cannot be computed (see status). */
  score: number | null;
  reported_score: number | null;
  status: RowStatus;
  met: boolean | null;
  rule: Rule | null;
  rule_label: string | null;
  rule_source: RuleSource | null;
  /** How the score came out, in Chinese. */
  explanation: string;
  /** Short deviation analysis (偏差分析). */
  deviation: string;
  applicable: boolean;
  /** True when the figures scored are the budget block's (a money indicator: evaluate/funds.ts), not the row's cells. */
  from_budget?: boolean;
}

export interface BudgetResult {
  rate: number | null;
  score: number | null;
  weight: number;
  reported_score: number | null;
  explanation: string;
}

export interface TableResult {
  id: string;
  title: string;
  preset: string;
  budget: BudgetResult | null;
  indicators: IndicatorResult[];
  /** Recomputed total (full precision), null when a row could not be scored. */
  total: number | null;
  /** The sum of what could be scored, when total is null. */
  partial_total: number;
  reported_total: number | null;
  rating: string | null;
  reported_rating: string | null;
  findings: Finding[];
}
