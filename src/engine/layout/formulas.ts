/**
 * The EVAL.* formulas a write plan puts in cells, composed only from cell addresses, EVAL's own function names
 * and a preset name from the registry: never from cell text (text from cells never becomes a formula).
 */
export interface RowRefs {
  target: string;
  actual: string;
  weight: string;
  /** The row's rule cell, or "" to let the preset decide. */
  rule: string;
}

/**
 * The last argument of EVAL.SCORE / COMPLETION / DEVIATION as EVAL writes them: each input cell's number format
 * and the actual's type, computed by Excel (`CELL("format",…)`, `CELL("type",…)`), so that a percent cell (0.96),
 * a date cell (a serial) and a blank cell (0 on desktop, null on the web) score as the pane scores them.
 * See src/functions/cellInfo.ts.
 */
export function cellInfoArg(refs: RowRefs): string {
  return `CELL("format",${refs.target})&"|"&CELL("format",${refs.actual})&"|"&CELL("type",${refs.actual})`;
}

export function scoreFormula(refs: RowRefs, preset: string): string {
  return `EVAL.SCORE(${refs.target},${refs.actual},${refs.weight},${refs.rule},"${preset}",${cellInfoArg(refs)})`;
}

export function completionFormula(refs: RowRefs): string {
  return `EVAL.COMPLETION(${refs.target},${refs.actual},${cellInfoArg(refs)})`;
}

export function deviationFormula(refs: RowRefs): string {
  return `EVAL.DEVIATION(${refs.target},${refs.actual},${cellInfoArg(refs)})`;
}

export function ratingFormula(totalRef: string): string {
  return `EVAL.RATING(${totalRef})`;
}

/**
 * Largest table written with per-row formulas. Each row gets up to three (SCORE, COMPLETION, DEVIATION): 2,000
 * rows are 6,000 custom-function calls on every recalculation. Shared runtimes have shown #BUSY! and been
 * restarted at about 40,000 pending calls (OfficeDev/office-js #901); a 自评表 has 10–60 rows and even a
 * department's merged sheet a few hundred, so 2,000 keeps a wide margin while covering every real table.
 * Larger tables are written as values (EVAL.TABLE on the range gives live figures in one call).
 */
export const FORMULA_ROW_LIMIT = 2000;
