import { fundFacts, isMoneyName } from "../evaluate/funds";
import { completionOf } from "../measure/completion";
import { parseMeasure } from "../measure/parse";
import { describeDeviation, describeRowDeviation } from "../measure/deviation";
import { completionFormula, deviationFormula, ratingFormula, scoreFormula } from "./formulas";
import { pct, pts, round } from "../measure/format";
import type { IndicatorResult, TableResult } from "../evaluate/types";
import { findingLabel } from "../findings";
import { explainRow, rowMeasures, unreadableCells } from "../outcome";
import type { DetectedTable } from "./detect";
import { address, columnLetters, type CellValue, type Grid } from "./grid";
import { levelGroups } from "./summary";
import type { CellState } from "./undo";

export const FILL = { mismatch: "FFFFE699", unreadable: "FFF8CBAD", header: "FFE2EFDA", pending: "FFDDEBF7" } as const;

/** What a cell held before a plan touched it, so that the plan can be undone exactly. */
export interface CellSnapshot {
  v: CellValue;
  f?: string;
  fill?: string | null;
  note?: string | null;
}

/** One cell write. Only fills are ever written over a user's non-empty cell; values go to empty cells. */
export interface CellWrite {
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
  address: string;
  value?: CellValue;
  formula?: string;
  numFmt?: string;
  note?: string | null;
  fill?: string | null;
  /** true sets bold; false (in a restore) takes it away; absent leaves it. */
  bold?: boolean;
  /**
   * The user saw the cell's old and new content and chose to replace it (survey feeding): the gateways write it
   * even though the cell holds the user's content. Never set by a plan on its own.
   */
  confirmed?: boolean;
  /** A restore (撤销): the whole state the cell goes back to; a gateway that kept the cell's native form restores that. */
  restoreTo?: CellState;
  before: CellSnapshot;
}

export interface WritePlan {
  sheet: string;
  writes: CellWrite[];
  /**
   * What the plan writes (`table:Sheet1!A5`, `survey:Sheet1`, `feed:Sheet1!F16`): writing a plan with the same key
   * again updates the cells of the earlier run in place and restores those it no longer writes.
   */
  key?: string;
}

/** What a write puts in a cell (its place and the snapshot of what was there are added by cellWrite). */
export type WriteContent = Omit<CellWrite, "row" | "col" | "address" | "before">;

/** A write to grid cell (r, c), recording what the cell held so that it can be undone exactly. */
export function cellWrite(grid: Grid, r: number, c: number, w: WriteContent): CellWrite {
  const cell = grid.cells[r]?.[c] ?? null;
  const before: CellSnapshot = { v: cell?.v ?? null, ...(cell?.f ? { f: cell.f } : {}), fill: cell?.fill ?? null, note: cell?.note ?? null };
  return { row: grid.origin.row + r, col: grid.origin.col + c, address: address(grid, r, c), ...w, before };
}

export interface PlanOptions {
  /** "formulas": EVAL.* formulas on the row's own cells, with cached values; "values": plain values. */
  mode: "formulas" | "values";
  preset: string;
  /**
   * Which rows carry their explanation as a cell note: "all", or "attention" (rows that are not ok: mismatched,
   * not yet filled, unreadable, needing a rule). Default: all rows up to 1,000 indicators, attention beyond,
   * where 20,000 notes nobody opens would triple the write (EVAL.EXPLAIN still gives any row's explanation).
   */
  notes?: "all" | "attention";
}

/** Tables up to this many indicators get an explanation note on every row by default. */
export const NOTE_ALL_ROWS = 1000;

const HEADERS = ["复核得分", "完成率(复核)", "偏差分析", "复核说明"];

/**
 * The writes that put a table's results into its sheet: four columns to the right of the table (复核得分,
 * 完成率, 偏差分析, 复核说明) in the first columns that are empty on every row of the table, the recomputed
 * budget score, total and rating in the same columns, a summary of level-1 subtotals below the table, amber
 * fills on reported scores that do not match and red fills on cells that cannot be read. No non-empty cell
 * is written; every write records what was there.
 */
export function buildPlan(grid: Grid, t: DetectedTable, result: TableResult, opts: PlanOptions): WritePlan {
  const writes: CellWrite[] = [];
  const top = Math.min(t.headerRows[0], t.budget?.headerRow ?? Infinity);
  const bottom = Math.max(t.lastRow, t.total?.row ?? 0, t.rating?.row ?? 0);
  const first = firstFreeColumns(grid, top, bottom, HEADERS.length);
  const col = { score: first, completion: first + 1, deviation: first + 2, note: first + 3 };
  const put = (r: number, c: number, w: WriteContent) => writes.push(cellWrite(grid, r, c, w));
  const ref = (r: number, c: number | undefined) => (c === undefined ? null : address(grid, r, c).replace(/^([A-Z]+)(\d+)$/, "$1$2"));

  HEADERS.forEach((h, i) => put(t.headerRows[0], first + i, { value: h, bold: true, fill: FILL.header }));

  const notesFor = opts.notes ?? (result.indicators.length <= NOTE_ALL_ROWS ? "all" : "attention");
  // Findings grouped by row once (a filter per row would be quadratic on a 20,000-row table).
  const byRow = new Map<number, string[]>();
  for (const f of result.findings) if (f.indicator !== null) byRow.set(f.indicator, [...(byRow.get(f.indicator) ?? []), `【${findingLabel(f.code)}】${f.message}`]);
  // A money indicator whose target is words (控制在预算内), in a table with a budget block, is read from the block once its
  // actual is emptied (fund-from-budget: ≤ 预算数 against 执行数): a formula on its own cells could not follow, so such
  // rows get values, not formulas.
  const facts = opts.mode === "formulas" ? fundFacts(t.table) : null;
  result.indicators.forEach((row, i) => {
    const r = t.indicatorRows[i]!;
    const findings = byRow.get(i) ?? [];
    const note = notesFor === "all" || row.status !== "ok" || findings.length > 0 ? [explainRow(row), ...findings].join("\n") : undefined;
    const targetRef = ref(r, t.columns.target);
    const actualRef = ref(r, t.columns.actual);
    const weightRef = ref(r, t.columns.weight);
    const composed = t.columns.op !== undefined || t.columns.unit !== undefined;
    const formulaOk = opts.mode === "formulas" && targetRef && actualRef && weightRef && !composed && !row.from_budget && !(facts && isMoneyName(row.name) && !figureTarget(t.table.indicators[i]?.target)) && !t.table.indicators[i]?.from_parts && !shareWeight(grid, r, t.columns.weight) && (row.rule_source === "preset" || row.rule_source === "rule-name" || row.rule_source === "rule-text");
    if (row.score !== null) {
      const ruleArg = row.rule_source === "preset" ? "" : t.columns.rule !== undefined ? ref(r, t.columns.rule)! : "";
      const formula = formulaOk ? scoreFormula({ target: targetRef, actual: actualRef, weight: weightRef, rule: ruleArg }, opts.preset) : undefined;
      put(r, col.score, { value: round(row.score, 2), ...(formula ? { formula } : {}), numFmt: "0.00", ...(note ? { note } : {}), fill: row.status === "mismatch" ? FILL.mismatch : null });
    } else {
      const unscored = UNSCORED[row.status] ?? UNSCORED.unreadable!;
      put(r, col.score, { value: unscored.value, ...(note ? { note } : {}), fill: unscored.fill });
    }
    if (row.completion !== null && Number.isFinite(row.completion)) {
      // EVAL.COMPLETION is direction-aware (A/B for ≤ targets); a rule that reads B/A whatever the direction
      // (按照完成比例赋分) gets its figure as a value, so that the formula never recomputes to another number.
      const sameAsFunction = sameCompletion(row);
      put(r, col.completion, { value: round(row.completion, 6), ...(formulaOk && sameAsFunction ? { formula: completionFormula({ target: targetRef, actual: actualRef, weight: weightRef, rule: "" }) } : {}), numFmt: "0.00%" });
    }
    // The written text follows the row's outcome (the rule's verdict); EVAL.DEVIATION, which knows no rule, is
    // used only when it says the same.
    const deviation = row.applicable ? describeRowDeviation(row) : "本指标不适用";
    if (deviation) put(r, col.deviation, { value: deviation, ...(formulaOk && deviation === functionDeviation(row) ? { formula: deviationFormula({ target: targetRef, actual: actualRef, weight: weightRef, rule: "" }) } : {}) });
    const verdict = row.status === "mismatch" ? `报告 ${pts(row.reported_score ?? 0)}，复核 ${pts(row.score ?? 0)}` : row.status === "ok" ? "一致" : row.explanation.split("。")[0]!;
    put(r, col.note, { value: verdict });
    if (row.status === "mismatch" && t.columns.score !== undefined) put(r, t.columns.score, { fill: FILL.mismatch });
    if (row.status === "unreadable") {
      // Only the cells that cannot be read: a missing weight leaves a readable target and actual unpainted.
      const bad = unreadableCells(row);
      for (const [c, isBad] of [[t.columns.target, bad.target], [t.columns.actual, bad.actual], [t.columns.weight, bad.weight]] as const) if (c !== undefined && isBad) put(r, c, { fill: FILL.unreadable });
    }
  });

  if (t.budget && result.budget) {
    const b = result.budget;
    const br = t.budget.row;
    if (b.score !== null) put(br, col.score, { value: round(b.score, 2), numFmt: "0.00", note: b.explanation, fill: result.findings.some((f) => f.code === "budget-score-mismatch") ? FILL.mismatch : null });
    if (b.rate !== null) put(br, col.completion, { value: round(b.rate, 6), numFmt: "0.00%" });
    put(t.budget.headerRow, col.score, { value: "复核得分", bold: true, fill: FILL.header });
    if (result.findings.some((f) => f.code === "budget-score-mismatch") && t.budget.columns.score !== undefined) put(br, t.budget.columns.score, { fill: FILL.mismatch });
  }

  const tableFindings = result.findings.filter((f) => f.indicator === null).map((f) => `【${findingLabel(f.code)}】${f.message}`).join("\n");
  const scoreCells = result.indicators.map((_, i) => address(grid, t.indicatorRows[i]!, col.score));
  const budgetCell = t.budget && result.budget?.score !== null ? address(grid, t.budget.row, col.score) : null;
  const totalFormula = opts.mode === "formulas" && scoreCells.length > 0 ? `SUM(${[budgetCell, ...rangesOf(scoreCells)].filter(Boolean).join(",")})` : undefined;
  const totalRow = t.total?.row ?? null;
  // 未完成 means a missed target to a finance user: a total that cannot be checked says so, and why.
  const totalValue = result.total === null ? uncheckedTotal(result) : round(result.total, 2);
  const totalNote = `${result.total === null ? `已计分部分合计 ${pts(result.partial_total)}` : `复核总分 ${pts(result.total)}`}${tableFindings ? `\n${tableFindings}` : ""}`;
  const totalMismatch = result.findings.some((f) => f.code === "total-mismatch" || f.code === "total-sum");
  if (totalRow !== null) {
    put(totalRow, col.score, { value: totalValue, ...(totalFormula && result.total !== null ? { formula: totalFormula } : {}), numFmt: "0.00", note: totalNote, bold: true, fill: totalMismatch ? FILL.mismatch : null });
    if (totalMismatch && t.total?.col !== null && t.total?.col !== undefined) put(totalRow, t.total.col, { fill: FILL.mismatch });
    if (result.rating) put(totalRow, col.completion, { value: result.rating, ...(opts.mode === "formulas" && result.total !== null ? { formula: ratingFormula(address(grid, totalRow, col.score)) } : {}), bold: true });
  }
  writes.push(...summaryBlock(grid, t, result, bottom, first, put, totalRow === null ? { value: totalValue, note: totalNote } : null));
  return { sheet: grid.sheet, writes: dedupe(writes), key: `table:${t.id}` };
}

/** Level-1 subtotals (and the total when the table has no 总分 row) below the table, as the seeds' 表2. */
function summaryBlock(grid: Grid, t: DetectedTable, result: TableResult, bottom: number, first: number, put: (r: number, c: number, w: WriteContent) => void, total: { value: CellValue; note: string } | null): CellWrite[] {
  const groups = levelGroups(result);
  const lines: CellValue[][] = [["复核汇总", "权重", "复核得分", "得分率"]];
  if (result.budget) lines.push(["预算执行", result.budget.weight, result.budget.score === null ? "—" : round(result.budget.score, 2), result.budget.score === null ? "—" : pct(result.budget.score / result.budget.weight)]);
  for (const [k, g] of groups) lines.push([k, g.weight, g.complete ? round(g.score, 2) : `未能复核：${unscoredIn(result, k)} 项未计分`, g.complete && g.weight > 0 ? pct(g.score / g.weight) : "—"]);
  if (total) lines.push(["总分", null, total.value, result.rating ?? "—"]);
  let start = bottom + 2;
  while (!rowsEmpty(grid, start, start + lines.length - 1, first, first + 3)) start++;
  lines.forEach((line, i) => line.forEach((v, j) => {
    if (v !== null) put(start + i, first + j, { value: v, ...(i === 0 ? { bold: true, fill: FILL.header } : {}), ...(j === 2 && typeof v === "number" ? { numFmt: "0.00" } : {}) });
  }));
  return [];
}

/** What the score cell says for a row without a score, and its fill (blue: to do; red: a cell cannot be read). */
const UNSCORED: Partial<Record<IndicatorResult["status"], { value: string; fill: string }>> = {
  pending: { value: "未填写", fill: FILL.pending },
  "needs-rule": { value: "需指定规则", fill: FILL.pending },
  "no-weight": { value: "不计分（未写权重）", fill: FILL.pending },
  unreadable: { value: "无法计算", fill: FILL.unreadable },
};

/** `未能复核：2 项未计分`: the rows (and budget block) without a score that keep the total from being checked. */
export function uncheckedTotal(result: TableResult): string {
  if (result.indicators.length === 0) return "未能复核：只找到预算执行情况，没有绩效指标";
  const open = result.indicators.filter((r) => r.applicable && r.score === null).length + (result.budget && result.budget.score === null ? 1 : 0);
  return `未能复核：${open} 项未计分`;
}

function unscoredIn(result: TableResult, level1: string): number {
  return result.indicators.filter((r) => r.applicable && r.score === null && (r.level1 ?? "（未分级）").replace(/\s+/g, "") === level1).length;
}

function rowsEmpty(grid: Grid, r1: number, r2: number, c1: number, c2: number): boolean {
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (!isEmpty(grid, r, c)) return false;
  return !grid.merges.some((m) => m.r2 >= r1 && m.r1 <= r2 && m.c2 >= c1 && m.c1 <= c2);
}

/** Empty for placement: no value, no formula (one that shows "" is the user's), no note; or a cell of EVAL's columns. */
function isEmpty(grid: Grid, r: number, c: number): boolean {
  const cell = grid.cells[r]?.[c];
  return !cell || cell.evalWrote === true || ((cell.v === null || cell.v === "") && !cell.f && !cell.note);
}

/** The first `n` adjacent columns right of everything in rows r1..r2 that are empty there and not merged. */
export function firstFreeColumns(grid: Grid, r1: number, r2: number, n: number): number {
  let lastUsed = -1;
  for (let r = r1; r <= r2; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = row.length - 1; c > lastUsed; c--) if (!isEmpty(grid, r, c)) { lastUsed = c; break; }
  }
  for (const m of grid.merges) if (m.r2 >= r1 && m.r1 <= r2) lastUsed = Math.max(lastUsed, m.c2);
  let c = lastUsed + 1;
  while (!rowsEmpty(grid, r1, r2, c, c + n - 1)) c++;
  return c;
}

/** Collapse consecutive addresses in one column into ranges (D5:D9). */
function rangesOf(cells: string[]): string[] {
  const out: string[] = [];
  let start: string | null = null;
  let prev: { col: string; row: number } | null = null;
  for (const a of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const cur = { col: m[1]!, row: Number(m[2]) };
    if (prev && cur.col === prev.col && cur.row === prev.row + 1) {
      prev = cur;
      continue;
    }
    if (start && prev) out.push(start === `${prev.col}${prev.row}` ? start : `${start}:${prev.col}${prev.row}`);
    start = a;
    prev = cur;
  }
  if (start && prev) out.push(start === `${prev.col}${prev.row}` ? start : `${start}:${prev.col}${prev.row}`);
  return out;
}

/** Later writes to the same cell merge into the earlier one (a fill and a value on one cell). */
function dedupe(writes: CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) {
    const prev = byCell.get(w.address);
    byCell.set(w.address, prev ? { ...prev, ...w, before: prev.before } : w);
  }
  return [...byCell.values()];
}

/** The plan that restores every cell a plan wrote to what it held before. */
export function undoPlan(plan: WritePlan): WritePlan {
  return {
    sheet: plan.sheet,
    // Restore exactly what each write changed: its value (or formula), its fill, its note.
    writes: plan.writes.map((w) => ({
      row: w.row,
      col: w.col,
      address: w.address,
      ...(w.value !== undefined || w.formula !== undefined ? { value: w.before.v, ...(w.before.f ? { formula: w.before.f } : {}) } : {}),
      ...(w.fill !== undefined ? { fill: w.before.fill ?? null } : {}),
      ...(w.note !== undefined ? { note: w.before.note ?? null } : {}),
      before: { v: w.value ?? w.before.v, ...(w.formula ? { f: w.formula } : {}), fill: w.fill ?? null, note: w.note ?? null },
    })),
  };
}

export { columnLetters };

/** Whether EVAL.COMPLETION on the row's target and actual gives the completion the row's rule used. */
function sameCompletion(row: TableResult["indicators"][number]): boolean {
  const { target, actual } = rowMeasures(row);
  const c = completionOf(target, actual);
  return c.ok && row.completion !== null && Math.abs(c.value - row.completion) < 1e-9;
}

/** What EVAL.DEVIATION computes from the row's target and actual alone (it knows no rule); null when it gives an error. */
function functionDeviation(row: TableResult["indicators"][number]): string | null {
  const { target, actual, comparison } = rowMeasures(row);
  return comparison.ok ? describeDeviation(target, actual) : null;
}

/** A weight written as a share of 100 points (20%, 0.2 in a % cell): EVAL.SCORE would read 0.2, so the score is a value. */
function shareWeight(grid: Grid, r: number, col: number | undefined): boolean {
  const cell = col === undefined ? null : grid.cells[r]?.[col];
  return Boolean(cell && ((cell.fmt ?? "").includes("%") || (typeof cell.v === "string" && /[%％]/.test(cell.v))));
}

/** Whether a target is a figure (a number or a percentage), not words. */
function figureTarget(target: unknown): boolean {
  const m = parseMeasure(target as string | number | null | undefined);
  return m.kind === "number" || m.kind === "percent";
}
