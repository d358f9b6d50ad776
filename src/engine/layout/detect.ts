import type { IndicatorInput, TableInput } from "../evaluate/types";
import { weightInName } from "../evaluate/levels";
import { amountOf, cellForEngine, numberOf } from "./cellText";
import { amountUnitIn, readAmount } from "../measure/number";
import { address, filledValues, text, type CellValue, type Grid, type GridCell } from "./grid";
import { budgetRoleOf, roleOf, type BudgetRole, type Role } from "./headers";

export type ColumnMap = Partial<Record<Role, number>>;

/** One indicator table found in a grid, with where everything is, and the engine's table built from it. */
export interface DetectedTable {
  /** Stable id: the sheet and the header's top-left cell (`Sheet1!A5`). Corrections, selections and undo records use it. */
  id: string;
  sheet: string;
  title: string;
  headerRows: [number, number];
  columns: ColumnMap;
  /** Grid row of each indicator, in the order of `table.indicators`. */
  indicatorRows: number[];
  budget: { headerRow: number; row: number; columns: Partial<Record<BudgetRole, number>> } | null;
  /** The 总分/合计 row and the cell holding the reported total. */
  total: { row: number; col: number | null } | null;
  /** The cell holding the reported rating. */
  rating: { row: number; col: number } | null;
  /** Rows after the table that are not indicators (notes, blanks) up to where the table ends. */
  lastRow: number;
  table: TableInput;
  /** Headers and cells that could not be mapped, with their addresses (Chinese). */
  issues: { address: string; message: string }[];
}

export interface DetectOptions {
  /** Corrections by table id (`Sheet1!A5`): a role → column (0-based in the grid), or null to unmap a role. */
  columns?: Record<string, Partial<Record<Role, number | null>>>;
  preset?: string;
}

const CORE: Role[] = ["level1", "level2", "level3", "weight", "target", "actual", "score"];
const TOTAL_WORDS = /^(?:总分|合计|总计|得分合计|综合得分|自评总分|合计分值|总得分)$/;
const SUBTOTAL_WORDS = /^(?:小计|小计得分)$/;
const RATING_LABEL = /^(?:评价等级|绩效等级|等级|自评等级|评级|评价结果|自评结果)$/;
const RATING_VALUE = /^(?:优|良|中|差|优秀|良好|中等|合格|不合格|较差)(?:等级)?$/;

/** Find every indicator table in a grid. Nothing throws: what cannot be mapped is reported in `issues`. */
export function detectTables(grid: Grid, options: DetectOptions = {}): DetectedTable[] {
  const vals = filledValues(grid);
  const found: DetectedTable[] = [];
  let r = 0;
  let searchFrom = 0;
  while (r < vals.length) {
    const header = headerAt(vals, r);
    if (!header) {
      r++;
      continue;
    }
    const columns = applyOverrides(header.columns, ownValue(options.columns, tableId(grid, header.start)));
    const t = readTable(grid, vals, header.start, header.end, columns, searchFrom, header.issues, options);
    found.push(t);
    r = t.lastRow + 1;
    searchFrom = r;
  }
  return found;
}

/** The stable id of a table whose header starts at grid row `row`. */
export function tableId(grid: Grid, row: number): string {
  return `${grid.sheet}!${address(grid, row, 0)}`;
}

function ownValue<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function applyOverrides(cols: ColumnMap, over: Partial<Record<Role, number | null>> | undefined): ColumnMap {
  if (!over) return cols;
  const out: ColumnMap = { ...cols };
  for (const [role, col] of Object.entries(over) as [Role, number | null][]) {
    for (const [r, c] of Object.entries(out) as [Role, number][]) if (c === col) delete out[r];
    if (col === null) delete out[role];
    else out[role] = col;
  }
  return out;
}

/** A header over one or two rows starting at `r`, or null. */
function headerAt(vals: CellValue[][], r: number): { start: number; end: number; columns: ColumnMap; issues: { col: number; text: string }[] } | null {
  const one = rolesOf(vals, r, null);
  if (!isHeader(one.columns)) return null;
  const next = vals[r + 1];
  if (next && next.some((v) => text(v) !== "") && !next.some((v) => typeof v === "number")) {
    const two = rolesOf(vals, r, r + 1);
    const changed = Object.keys(two.columns).length > Object.keys(one.columns).length || two.subRow;
    if (changed && isHeader(two.columns)) return { start: r, end: r + 1, columns: two.columns, issues: two.issues };
  }
  return { start: r, end: r, columns: one.columns, issues: one.issues };
}

function isHeader(cols: ColumnMap): boolean {
  const core = CORE.filter((k) => cols[k] !== undefined);
  const hasName = cols.level3 !== undefined || cols.level1 !== undefined || cols.level2 !== undefined;
  const hasFigure = cols.target !== undefined || cols.actual !== undefined || cols.score !== undefined || cols.weight !== undefined;
  return core.length >= 3 && hasName && hasFigure;
}

function rolesOf(vals: CellValue[][], r: number, sub: number | null): { columns: ColumnMap; issues: { col: number; text: string }[]; subRow: boolean } {
  const row = vals[r] ?? [];
  const below = sub === null ? [] : (vals[sub] ?? []);
  const columns: ColumnMap = {};
  const issues: { col: number; text: string }[] = [];
  let subRow = false;
  let prevRole: Role | null = null;
  for (let c = 0; c < Math.max(row.length, below.length); c++) {
    const top = text(row[c]);
    const bottom = text(below[c]);
    let role: Role | null = null;
    if (sub !== null && bottom !== "" && bottom !== top) {
      role = roleOf(top + bottom) ?? roleOf(bottom);
      if (role && roleOf(top) !== role) subRow = true;
    }
    role = role ?? roleOf(top);
    if (role === "weight" && (prevRole === "level1" || prevRole === "level2") && columns.level3 === undefined) {
      role = prevRole === "level1" ? "level1Weight" : "level2Weight";
    }
    if (role === null) {
      if (top !== "" && !/^\d/.test(top)) issues.push({ col: c, text: sub !== null && bottom !== top ? `${top}/${bottom}` : top });
    } else if (columns[role] === undefined) {
      columns[role] = c;
    }
    if (role !== null) prevRole = role;
  }
  return { columns, issues, subRow };
}

function readTable(grid: Grid, vals: CellValue[][], start: number, end: number, columns: ColumnMap, searchFrom: number, headerIssues: { col: number; text: string }[], options: DetectOptions): DetectedTable {
  const issues = headerIssues.map((i) => ({ address: address(grid, start, i.col), message: `未识别的表头“${i.text}”，该列不参与计算` }));
  const get = (row: number, role: Role): CellValue => (columns[role] === undefined ? null : (vals[row]?.[columns[role]!] ?? null));
  const cellAt = (row: number, role: Role) => (columns[role] === undefined ? null : (grid.cells[row]?.[columns[role]!] ?? null));
  const indicators: IndicatorInput[] = [];
  const indicatorRows: number[] = [];
  const levelTotals: Record<string, { weight?: number | null; score?: number | null }> = {};
  let total: DetectedTable["total"] = null;
  let rating: DetectedTable["rating"] = null;
  let blanks = 0;
  let last = end;
  for (let r = end + 1; r < vals.length; r++) {
    const row = vals[r] ?? [];
    const texts = row.map(text);
    if (texts.every((t) => t === "")) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    // A header row is text: a row holding a typed number (a weight, a score) is never the next table's header.
    if (!row.some((v) => typeof v === "number") && headerAt(vals, r)) break;
    const labelCol = texts.findIndex((t) => TOTAL_WORDS.test(t));
    if (labelCol >= 0) {
      total = { row: r, col: totalCell(grid, r, columns, labelCol) };
      last = r;
      const rc = ratingIn(vals, r);
      if (rc) rating = rc;
      continue;
    }
    const ratingHere = ratingIn(vals, r);
    if (ratingHere && texts.filter((t) => t !== "").length <= 3) {
      rating = ratingHere;
      last = r;
      continue;
    }
    if (texts.some((t) => SUBTOTAL_WORDS.test(t))) {
      last = r;
      continue;
    }
    const l3 = text(get(r, "level3"));
    const hasFigure = [get(r, "target"), get(r, "actual"), get(r, "weight"), get(r, "score")].some((v) => text(v) !== "");
    const distinct = new Set(texts.filter((t) => t !== ""));
    if (distinct.size === 1 && !hasFigure) {
      last = r; // a note row spanning the table (备注：…)
      continue;
    }
    if (l3 === "" && !hasFigure) continue;
    const input = rowInput(grid, r, get, cellAt, columns);
    // Merged level cells passed without their merges (a range given to EVAL.TABLE) are blank below the first
    // row: the level continues from the row above, as it does on the sheet.
    const prev = indicators[indicators.length - 1];
    if (prev && !input.level1 && prev.level1) input.level1 = prev.level1;
    if (prev && !input.level2 && prev.level2 && input.level1 === prev.level1) input.level2 = prev.level2;
    indicators.push(input);
    indicatorRows.push(r);
    last = r;
  }
  const budget = findBudget(grid, vals, searchFrom, start);
  const title = findTitle(vals, searchFrom, budget ? budget.headerRow : start);
  const table: TableInput = {
    id: tableId(grid, start),
    title,
    ...(options.preset ? { preset: options.preset } : {}),
    budget: budget ? budgetInput(grid, vals, budget) : null,
    indicators,
    reported_total: total && total.col !== null ? numberOf(grid.cells[total.row]?.[total.col]) : null,
    reported_rating: rating ? String(vals[rating.row]?.[rating.col] ?? "") : null,
    ...(Object.keys(levelTotals).length ? { level_totals: levelTotals } : {}),
  };
  if (indicators.length === 0) issues.push({ address: address(grid, end + 1, 0), message: "表头下方没有找到指标行" });
  return { id: tableId(grid, start), sheet: grid.sheet, title, headerRows: [start, end], columns, indicatorRows, budget, total, rating, lastRow: last, table, issues };
}

function rowInput(grid: Grid, r: number, get: (row: number, role: Role) => CellValue, cellAt: (row: number, role: Role) => GridCell | null, columns: ColumnMap): IndicatorInput {
  const str = (role: Role) => {
    const t = get(r, role);
    return t === null || String(t).trim() === "" ? null : String(t).trim();
  };
  let name = str("level3");
  let code: string | null = null;
  const m = name ? /^([A-Da-d]\d{1,3})[\s.、]*(.+)$/.exec(name) : null;
  if (m) {
    code = m[1]!.toUpperCase();
    name = m[2]!;
  }
  let target = cellForEngine(cellAt(r, "target") ?? null);
  let actual = cellForEngine(cellAt(r, "actual") ?? null);
  const op = str("op");
  const unit = str("unit");
  if (op && target !== null) target = withOp(op, target);
  if (unit && unit !== "%") {
    if (typeof target === "number" || (typeof target === "string" && /^[≥≤<>=]*-?\d+(?:\.\d+)?$/.test(target))) target = `${target}${unit}`;
    if (typeof actual === "number" || (typeof actual === "string" && /^[≥≤<>=]*-?\d+(?:\.\d+)?$/.test(actual))) actual = `${actual}${unit}`;
  }
  const weightCell = cellAt(r, "weight");
  const row: IndicatorInput = {
    ...(code ? { code } : {}),
    level1: str("level1"),
    level2: str("level2"),
    level3: name,
    weight: weightCell ? (numberOf(weightCell) ?? (weightCell.v === null ? null : String(weightCell.v))) : null,
    target,
    actual,
    reported_score: cellAt(r, "score") ? (numberOf(cellAt(r, "score")) ?? null) : null,
    completion_as_written: cellForEngine(cellAt(r, "completion") ?? null),
    rule_text: str("rule"),
    deviation_note: str("deviation"),
  };
  const judgement = str("judgement");
  if (judgement) row.judgement = judgement;
  // Level weights sit in merged cells beside their level names: read them filled down, as the names are.
  const l1w = columns.level1Weight !== undefined ? numberOf({ v: get(r, "level1Weight") }) : weightInName(row.level1);
  const l2w = columns.level2Weight !== undefined ? numberOf({ v: get(r, "level2Weight") }) : weightInName(row.level2);
  if (l1w !== null) row.level1_weight = l1w;
  if (l2w !== null) row.level2_weight = l2w;
  return row;
}

/** `正向`/`反向`/`≥` in a 指标性质 column joined to a bare target. */
function withOp(op: string, target: string | number): string | number {
  const t = String(target);
  if (/^[≥≤<>=＞＜＝]/.test(t)) return target;
  const o = /反向|≤|<=|不高于|不超过/.test(op) ? "≤" : /正向|≥|>=|不低于|不少于/.test(op) ? "≥" : /=|等于/.test(op) ? "=" : "";
  return o ? `${o}${t}` : target;
}

function totalCell(grid: Grid, r: number, columns: ColumnMap, labelCol: number): number | null {
  const sc = columns.score;
  if (sc !== undefined && numberOf(grid.cells[r]?.[sc]) !== null) return sc;
  const row = grid.cells[r] ?? [];
  for (let c = row.length - 1; c > labelCol; c--) if (numberOf(row[c]) !== null) return c;
  return sc ?? null;
}

function ratingIn(vals: CellValue[][], r: number): { row: number; col: number } | null {
  const row = vals[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    if (RATING_LABEL.test(text(row[c]))) {
      for (let d = c + 1; d < row.length; d++) if (text(row[d]) !== "" && text(row[d]) !== text(row[c])) return { row: r, col: d };
    }
  }
  for (let c = 0; c < row.length; c++) if (RATING_VALUE.test(text(row[c]))) return { row: r, col: c };
  return null;
}

function findBudget(grid: Grid, vals: CellValue[][], from: number, before: number): DetectedTable["budget"] {
  for (let r = from; r < before; r++) {
    const row = vals[r] ?? [];
    const columns: Partial<Record<BudgetRole, number>> = {};
    row.forEach((v, c) => {
      const role = budgetRoleOf(text(v));
      if (role && columns[role] === undefined) columns[role] = c;
    });
    if ((columns.initial !== undefined || columns.fullYear !== undefined) && columns.executed !== undefined) {
      for (let d = r + 1; d < before; d++) {
        const ex = grid.cells[d]?.[columns.executed];
        const a = readAmount(amountOf(ex ?? null));
        if (a !== null && !Number.isNaN(a.value)) return { headerRow: r, row: d, columns };
      }
    }
  }
  return null;
}

function budgetInput(grid: Grid, vals: CellValue[][], b: NonNullable<DetectedTable["budget"]>): TableInput["budget"] {
  const at = (role: BudgetRole) => (b.columns[role] === undefined ? null : (grid.cells[b.row]?.[b.columns[role]!] ?? null));
  const headerText = (vals[b.headerRow] ?? []).map(text).join(" ");
  const stated = numberOf(at("weight")) ?? weightInName(headerText.match(/[(（]\d+(?:\.\d+)?分[)）]/)?.[0] ?? null) ?? (/(\d+)分\*执行率/.exec(headerText) ? Number(/(\d+)分\*执行率/.exec(headerText)![1]) : null);
  const rate = at("rate");
  // The block's unit: a header such as 项目资金（万元） or 全年预算数（万元）, on the header row or the row's label.
  const unitText = [headerText, ...(vals[b.row] ?? []).slice(0, 2).map(text)].find((t) => amountUnitIn(t) !== null) ?? null;
  return {
    initial: amountOf(at("initial")),
    full_year: amountOf(at("fullYear")),
    executed: amountOf(at("executed")),
    unit: unitText ? amountUnitIn(unitText)!.unit : null,
    weight: stated,
    rate_as_written: rate && rate.v !== null ? String(cellForEngine(rate)) : null,
    reported_score: numberOf(at("score")),
  };
}

function findTitle(vals: CellValue[][], from: number, before: number): string {
  for (let r = from; r < before; r++) {
    const texts = (vals[r] ?? []).map(text);
    const i = texts.findIndex((t) => /^(?:项目名称|项目|单位名称)$/.test(t));
    if (i >= 0) {
      const v = texts.slice(i + 1).find((t) => t !== "" && t !== texts[i]);
      if (v) return v;
    }
  }
  for (let r = before - 1; r >= from && r >= before - 6; r--) {
    const distinct = [...new Set((vals[r] ?? []).map(text).filter((t) => t !== ""))];
    if (distinct.length === 1 && !/^\d/.test(distinct[0]!)) return distinct[0]!;
  }
  return "";
}
