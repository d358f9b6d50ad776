import { evaluate, type EvaluateOptions } from "./evaluate/table";
import type { Finding, TableInput, TableResult } from "./evaluate/types";
import { reviewTable } from "./review/table";
import { detectTables, type DetectedTable } from "./layout/detect";
import type { Grid } from "./layout/grid";
import type { Role } from "./layout/headers";
import { buildPlan, type PlanOptions, type WritePlan } from "./layout/plan";
import { LazyFinding } from "./findings";
import { applyRulebook, DEFAULT_RULES, type ReviewRule } from "./rulebook";
import { detectSurveys } from "./survey/layout";
import { FORMULA_ROW_LIMIT } from "./layout/formulas";

/**
 * The one way into the engine: grid(s) in; detected tables, their evaluations, the review and (on request)
 * the write plan out. The task pane, the CLI, EVAL.TABLE / EVAL.CHECK and the bench all call this.
 *
 *   detect (layout) → evaluate (rows, budget, total, rating) → review (table checks) → plan (what to write)
 */
export interface PipelineOptions extends EvaluateOptions {
  /** Column corrections by table id (`Sheet1!A5`): a role → grid column, or null to unmap it. */
  columns?: Record<string, Partial<Record<Role, number | null>>>;
  /** Rule corrections by table id, then by indicator index: a rule name. */
  rules?: Record<string, Record<number, string>>;
  /** Build each table's write plan with these options; omitted: no plan. */
  plan?: Omit<PlanOptions, "preset">;
  /** The 复核口径 rules to apply after the review (default: DEFAULT_RULES); [] for none. */
  rulebook?: readonly ReviewRule[];
  /** 申报: a target-setting table without actuals (only the rules that need none run); default 自评. */
  stage?: "申报" | "自评";
  /** Whether the workbook holds a questionnaire table (runPipeline finds out from the grids). */
  hasSurvey?: boolean;
}

export interface PipelineTable {
  /** Stable id: sheet and header cell (`Sheet1!A5`). */
  id: string;
  grid: Grid;
  detected: DetectedTable;
  result: TableResult;
  plan: WritePlan | null;
  /** When formulas were asked for but the table is written as values, why (Chinese); null otherwise. */
  planNotice: string | null;
}

/** Evaluate and review a table given as data (JSON input, a custom function's range). */
export function evaluateTable(table: TableInput, options: EvaluateOptions = {}): TableResult {
  const e = evaluate(table, options);
  e.result.findings.push(...reviewTable(table, e.result, { tolerance: e.tolerance, scheme: e.scheme, naWeight: e.naWeight }));
  return e.result;
}

/** Every table in the grids, detected, scored, reviewed and (when asked) planned. Throws only on an unknown preset. */
export function runPipeline(grids: Grid | Grid[], options: PipelineOptions = {}): PipelineTable[] {
  const list = Array.isArray(grids) ? grids : [grids];
  const opts = options.hasSurvey === undefined && (options.rulebook ?? DEFAULT_RULES).some((r) => r.enabled && r.id === "R07") ? { ...options, hasSurvey: list.some((g) => detectSurveys(g).length > 0) } : options;
  const out: PipelineTable[] = [];
  for (const grid of list) {
    for (const detected of detectTables(grid, { columns: options.columns })) out.push(scoreDetected(grid, detected, opts));
  }
  return out;
}

/** One detected table through evaluate → review → plan (also used to rescore after a setting or rule changes). */
export function scoreDetected(grid: Grid, detected: DetectedTable, options: PipelineOptions = {}): PipelineTable {
  const rules = own(options.rules, detected.id);
  const table = rules ? { ...detected.table, indicators: detected.table.indicators.map((row, i) => (own(rules, String(i)) ? { ...row, rule: rules[i]! } : row)) } : detected.table;
  const result = evaluateTable(table, options);
  result.title = result.title || detected.title;
  result.findings.push(...applyRulebook(table, result, options.rulebook ?? DEFAULT_RULES, { hasSurvey: options.hasSurvey ?? false }, options.stage));
  for (const issue of detected.issues) result.findings.push(layoutFinding(grid.sheet, issue));
  let planNotice: string | null = null;
  let mode = options.plan?.mode;
  if (mode === "formulas" && detected.indicatorRows.length > FORMULA_ROW_LIMIT) {
    mode = "values";
    planNotice = `表格有 ${detected.indicatorRows.length} 行指标，超过 ${FORMULA_ROW_LIMIT} 行：写入数值而不是逐行公式（逐行公式会让 Excel 重算过慢）；需要随数据更新时可用 =EVAL.TABLE(区域)`;
  }
  const plan = options.plan && mode ? buildPlan(grid, detected, result, { ...options.plan, mode, preset: result.preset }) : null;
  return { id: detected.id, grid, detected, result, plan, planNotice };
}

function layoutFinding(sheet: string, issue: { address: string; message: string }): Finding {
  return new LazyFinding("layout", "info", null, () => `${sheet}!${issue.address}：${issue.message}`);
}

function own<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
