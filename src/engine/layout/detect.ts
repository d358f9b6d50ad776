import type { IndicatorInput, TableInput } from "../evaluate/types";
import type { DetectedTableInput } from "../evaluate/table";
import { weightInName } from "../evaluate/levels";
import { amountOf, cellForEngine, numberOf, pointsOf } from "./cellText";
import { headerlessStart } from "./headerless";
import { figureBeforeGarble, readAmount } from "../measure/number";
import { address, filledValues, mergedFromAbove, text, type CellValue, type Grid, type GridCell } from "./grid";
import { classifyRow, type RowClass } from "./classify";
import { ALTERNATIVE_RULE, BLOCK_LABEL, NUMBERED_LEVEL, LEVEL2_WORD, LEVEL_VALUE, LOWER_IS_BETTER_NAMES, NOTE_LEVEL_WEIGHT, PAID_STANDARD } from "../data/rows";
import { toSimplified } from "../data/traditional";
import { budgetRoleOf, matchHeader, normaliseHeader, type BudgetRole, type HeaderMatch, type Role } from "./headers";
import { goalCells } from "./goal";
import { managementClaims } from "./management";
import { amountGroups } from "./amountList";
import { placeholderCells } from "./placeholder";
import { strayBracketCells } from "./bracket";
import { unitBlank } from "./identity";
import { budgetInput, findBudget, fundsRow } from "./budgetBlock";
import { endsCut, movedRight } from "./pageShape";
import { breakdownTexts, findTitle, ratingAbove, ratingIn, ratingWritten, totalAbove, totalInText, unitName } from "./titleBlock";

export type ColumnMap = Partial<Record<Role, number>>;

/** A header the reader could not map, or read against its words (`pointsHeaded`: a 得分 that holds a level's points). */
type HeaderIssue = { col: number; text: string; note?: string; pointsHeaded?: boolean };

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
  /** The budget block: its header and the row of its total (分值, 执行率, 得分). (A total row of zeros over 其中 rows with the figures is the evaluator's to tell: budget-total-zero.) */
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
  /** Every row read under the header up to `lastRow`: what the reader took it for and why (Chinese). */
  rows: RowClass[];
  /** The row where the table was taken to end and why (a blank pair, the next title or header); null at the grid's end. */
  end: { row: number; reason: string } | null;
}

export interface DetectOptions {
  /** Corrections by table id (`Sheet1!A5`): a role → column (0-based in the grid), or null to unmap a role. */
  columns?: Record<string, Partial<Record<Role, number | null>>>;
  preset?: string;
}

const CORE: Role[] = ["level1", "level2", "level3", "weight", "target", "actual", "score"];
const TOTAL_WORDS = /^(?:总分|合计|总计|得分合计|综合得分|自评总分|合计分值|总得分|分值合计|评价总分|总分值|合计得分)$/;

/** A total label without its points or colon: `总分(100分)`, `合计：` → 总分, 合计. */
function totalLabel(t: string): string {
  return t.length > 12 ? t : toSimplified(t).replace(/[（(]\d*(?:\.\d+)?分?[)）]$/, "").replace(/[:：]$/, "");
}

/** A budget block's header (年初预算数 … 执行数 …) starting a new table's budget below this one. */
function budgetHeaderAt(vals: CellValue[][], r: number): boolean {
  const seen = new Set<BudgetRole>();
  if (!(vals[r] ?? []).some((v) => typeof v === "string" && /执行|支出/.test(toSimplified(v)))) return false;
  for (const v of vals[r] ?? []) {
    const role = budgetRoleOf(text(v));
    if (role) seen.add(role);
  }
  return seen.has("executed") && (seen.has("initial") || seen.has("fullYear"));
}
const SUBTOTAL_WORDS = /^(?:小计|小计得分)$/;

/** Find every indicator table in a grid. Nothing throws: what cannot be mapped is reported in `issues`. */
export function detectTables(grid: Grid, options: DetectOptions = {}): DetectedTable[] {
  const vals = filledValues(grid);
  const found: DetectedTable[] = [];
  let r = 0;
  let searchFrom = 0;
  // A sheet that starts mid-table (the second page of a printed table): columns inferred from the rows.
  const cont = headerlessStart(grid, vals, headerAt);
  if (cont) {
    const id = tableId(grid, cont.start);
    const columns = applyOverrides(cont.columns, ownValue(options.columns, id));
    const t = readTable(grid, vals, cont.start, cont.start - 1, columns, 0, [], options);
    const names = (Object.entries(columns) as [Role, number][]).map(([k, c]) => `${ROLE_LABEL[k] ?? k} ${address(grid, cont.start, c).replace(/\d+$/, "")}`).join("、");
    t.issues.unshift({ address: address(grid, cont.start, 0), message: `未找到表头（表格从指标行开始，可能是跨页表格的后半部分）：按内容推定各列为 ${names}；请核对，必要时在识别步骤中更正` });
    // Its first rows are on the page before: the whole-table checks (weights to 100, the total) are notes.
    const d = t.table as DetectedTableInput;
    d.layout_doubts = [...(d.layout_doubts ?? []), "表格从指标行开始（跨页表格的后半部分），前面的指标不在本表中"];
    d.starts_mid_form = true;
    found.push(t);
    r = t.lastRow + 1;
    searchFrom = r;
  }
  while (r < vals.length) {
    const header = headerAt(vals, r);
    if (!header) {
      r++;
      continue;
    }
    const columns = applyOverrides(header.columns, ownValue(options.columns, tableId(grid, header.start)));
    const t = readTable(grid, vals, header.start, header.end, columns, searchFrom, header.issues, options);
    partOfForm(grid, t);
    found.push(t);
    r = t.lastRow + 1;
    searchFrom = r;
  }
  if (!cont) found.push(...midSheetBlocks(grid, vals, found, options));
  return [...found, ...budgetOnly(grid, vals, found)].sort((a, b) => a.headerRows[0] - b.headerRows[0]);
}

/**
 * Indicator rows with no header of their own in the middle of a sheet, outside every table read (a preview that skipped
 * from one table's funds block to its last rows): read as a page that starts mid-table, as a sheet starting so is. Only
 * a block that starts at a row naming a level of the form (可持续影响指标, 服务对象满意度指标) and ends at a 总分/合计 row
 * within 30 rows, with no header between.
 */
function midSheetBlocks(grid: Grid, vals: CellValue[][], found: DetectedTable[], options: DetectOptions): DetectedTable[] {
  const out: DetectedTable[] = [];
  const covered = (r: number) => [...found, ...out].some((t) => r >= Math.min(t.budget?.headerRow ?? t.headerRows[0], t.headerRows[0]) && r <= t.lastRow);
  const levelRow = (r: number) => (vals[r] ?? []).some((v) => LEVEL2_WORD.test(toSimplified(text(v).replace(/\s+/g, ""))));
  const totalRow = (r: number) => (vals[r] ?? []).some((v) => TOTAL_WORDS.test(totalLabel(text(v))));
  for (let r = 1; r < vals.length && r < 2000; r++) {
    if (covered(r) || !levelRow(r) || levelRow(r - 1) || headerAt(vals, r)) continue;
    let end = -1;
    for (let e = r + 1; e < Math.min(vals.length, r + 30) && end < 0; e++) {
      if (covered(e) || headerAt(vals, e)) break;
      if (totalRow(e)) end = e;
    }
    if (end < 0) continue;
    const sub: Grid = { sheet: grid.sheet, origin: { row: grid.origin.row + r, col: grid.origin.col }, cells: grid.cells.slice(r, end + 1), merges: grid.merges.filter((m) => m.r1 >= r && m.r2 <= end).map((m) => ({ ...m, r1: m.r1 - r, r2: m.r2 - r })) };
    const subVals = filledValues(sub);
    const at = headerlessStart(sub, subVals, headerAt);
    if (!at || at.start !== 0) continue;
    const columns = applyOverrides(at.columns, ownValue(options.columns, tableId(grid, r)));
    const t = readTable(grid, vals, r, r - 1, columns, r, [], options);
    if (t.table.indicators.length === 0) continue;
    const names = (Object.entries(columns) as [Role, number][]).map(([k, c]) => `${ROLE_LABEL[k] ?? k} ${address(grid, r, c).replace(/\d+$/, "")}`).join("、");
    t.issues.unshift({ address: address(grid, r, 0), message: `未找到表头（指标行夹在其他内容之间，前面的指标和表头可能在别处或被截去）：按内容推定各列为 ${names}；请核对，必要时在识别步骤中更正` });
    const d = t.table as DetectedTableInput;
    d.layout_doubts = [...(d.layout_doubts ?? []), "表格从指标行开始（前面的指标和表头不在此处），前面的指标不在本表中"];
    d.starts_mid_form = true;
    out.push(t);
    r = t.lastRow;
  }
  return out;
}

/**
 * Budget blocks no indicator table claimed (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 with the
 * indicators cut off, or kept on another page): each is a table of its own with no indicators, so that its rate and
 * score are still checked, and the reader says the indicators were not found. Only a block with amounts read.
 */
function budgetOnly(grid: Grid, vals: CellValue[][], found: DetectedTable[]): DetectedTable[] {
  const covered = (r: number) => found.some((t) => r >= (t.budget?.headerRow ?? t.headerRows[0]) && r <= t.lastRow);
  const heads: number[] = [];
  for (let r = 0; r < vals.length; r++) if (!covered(r) && budgetHeaderAt(vals, r)) heads.push(r);
  const out: DetectedTable[] = [];
  heads.forEach((h, k) => {
    const next = [heads[k + 1] ?? vals.length, ...found.map((t) => t.budget?.headerRow ?? t.headerRows[0]).filter((r) => r > h)];
    const budget = findBudget(grid, vals, h, Math.min(...next));
    if (!budget || budget.headerRow !== h || !amountsIn(grid, budget)) return;
    // Right under a table that has none (the form's budget block printed after its indicators): that table's budget.
    const above = found.filter((t) => t.lastRow < h).sort((a, b) => b.lastRow - a.lastRow)[0];
    // (Not under rows read with no header of their own: their table's funds block is on the page before.)
    const midForm = above !== undefined && (above.table as DetectedTableInput).starts_mid_form === true;
    if (above && !midForm && above.budget === null && h - above.lastRow <= 6 && !found.some((t) => t !== above && t.headerRows[0] > above.lastRow && t.headerRows[0] < h)) {
      above.budget = budget;
      above.table.budget = budgetInput(grid, vals, budget);
      above.lastRow = Math.max(above.lastRow, budget.row);
      above.issues.push({ address: address(grid, h, 0), message: "预算执行情况在指标表之下：按本表的预算块复核" });
      return;
    }
    const id = tableId(grid, h);
    const title = findTitle(vals, k === 0 ? 0 : heads[k - 1]! + 1, h);
    const table: TableInput = { id, title, budget: budgetInput(grid, vals, budget), indicators: [], reported_total: null, reported_rating: null };
    // The blocks under the funds (资金管理情况) belong to it: read up to the next block or table.
    const claims = managementClaims(grid, h, Math.min(...next));
    if (claims.length) (table as DetectedTableInput).management_claims = claims;
    const last = budget.row;
    out.push({ id, sheet: grid.sheet, title, headerRows: [h, h], columns: {}, indicatorRows: [], budget, total: null, rating: null, lastRow: last, table, issues: [{ address: address(grid, h, 0), message: "只找到预算执行情况，其下没有绩效指标表头（表格可能被截断，或指标在别处）：只复核预算执行率和得分" }], rows: [], end: null });
  });
  return out;
}

/** Whether a budget block's total row holds its amounts (a full-year or initial budget and the spending). */
function amountsIn(grid: Grid, b: NonNullable<DetectedTable["budget"]>): boolean {
  const at = (role: BudgetRole) => (b.columns[role] === undefined ? null : readAmount(figureBeforeGarble(grid.cells[b.row]?.[b.columns[role]!]?.v) ?? amountOf(grid.cells[b.row]?.[b.columns[role]!] ?? null)));
  const ok = (a: ReturnType<typeof at>) => a !== null && !Number.isNaN(a.value);
  return ok(at("executed")) && (ok(at("fullYear")) || ok(at("initial")));
}

const ROLE_LABEL: Partial<Record<Role, string>> = { level1: "一级指标", level2: "二级指标", level3: "三级指标", op: "计算符号", target: "指标值", unit: "度量单位", actual: "完成值", weight: "权重", score: "得分", unitScore: "单项指标得分", deviation: "原因分析" };
/** Whether a row within the next five, before any header, is an indicator row: a name, a weight and a figure. */
function indicatorAhead(vals: CellValue[][], r: number, get: (row: number, role: Role) => CellValue): boolean {
  for (let d = r + 1; d < Math.min(vals.length, r + 6); d++) {
    if ((vals[d] ?? []).every((v) => text(v) === "")) continue;
    if (headerAt(vals, d)) return false;
    return text(get(d, "level3")) !== "" && pointsOf(get(d, "weight")) !== null && (text(get(d, "target")) !== "" || text(get(d, "actual")) !== "");
  }
  return false;
}

const POINTS_ROLES = new Set<Role>(["weight", "score", "unitScore", "level1Weight", "level2Weight"]);
/**
 * A table whose rows stop at the next table's header, with fewer than 100 points (项目决策 2 + 项目管理 13 above a
 * 项目绩效 85 part with a header of its own): one part of a form. Its whole-table checks (weights to 100, the total
 * in the title block) are notes, never findings against the unit.
 */
function partOfForm(grid: Grid, t: DetectedTable): void {
  if (t.end?.reason !== "下一张表的表头" || t.table.indicators.length === 0) return;
  const points = t.table.indicators.reduce((s, i) => s + (typeof i.weight === "number" ? i.weight : 0), 0) + (typeof t.table.budget?.weight === "number" ? t.table.budget.weight : 0);
  if (!(points > 0 && points < 100 - 0.01)) return;
  const d = t.table as DetectedTableInput;
  d.layout_doubts = [...(d.layout_doubts ?? []), `第 ${grid.origin.row + t.end.row + 1} 行起是另一张表，本表分值合计 ${Math.round(points * 100) / 100}，可能只是同一表单的一部分`];
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
function headerAt(vals: CellValue[][], r: number): { start: number; end: number; columns: ColumnMap; issues: HeaderIssue[] } | null {
  const one = rolesOf(vals, r, []);
  if (!isHeader(one.columns)) {
    // A header that names only the indicator and its points (目标名称 | | 分值 | ), its other columns blank: the
    // blank ones are named by what they hold (a 得分 beside the points, a 评分标准 text), and the reader says so.
    const inferred = blankColumns(vals, r, one.columns);
    if (!inferred || !isHeader(inferred.columns)) return null;
    return { start: r, end: r, columns: inferred.columns, issues: [...one.issues, ...inferred.issues] };
  }
  let best = { start: r, end: r, columns: one.columns, issues: one.issues, others: one.others };
  // Headers over two or three rows: each lower row that is text only and names more (or finer) roles extends it. A row
  // that only repeats the one above (the lower half of cells merged down, a table drawn on a finer grid) is passed over.
  const same = (a: CellValue[] | undefined, b: CellValue[] | undefined) => !!a && !!b && a.length === b.length && a.every((v, i) => text(v) === text(b[i]));
  for (let d = 1, own = 0; d <= 4 && own < 2; d++) {
    const next = vals[r + d];
    if (same(next, vals[r + d - 1])) continue;
    own++;
    if (!next || !next.some((v) => text(v) !== "") || next.some((v) => typeof v === "number")) break;
    // A row naming a level of the form beside a figure (产出指标 | 质量指标 | 抽检完成率 | 100%, all text) is the first
    // indicator row, not the header's second row.
    if (next.some((v) => LEVEL_VALUE.test(text(v))) && next.some((v) => /\d/.test(text(v)))) break;
    // Points with their unit (2分) are a row's figures: no header cell is only that.
    if (next.some((v) => typeof v === "string" && /^\s*\d+(?:\.\d+)?\s*分\s*$/.test(v))) break;
    const subs = Array.from({ length: d }, (_, i) => r + 1 + i);
    const more = rolesOf(vals, r, subs);
    const changed = Object.keys(more.columns).length > Object.keys(best.columns).length || (more.subRow && !sameColumns(more.columns, best.columns));
    if (!changed) {
      // A lower row that only splits a group into parts the reader already has (偏差原因分析及改进措施 over 原因分析 | 改进措施):
      // still the header, not a second table's.
      const above = vals[r + d - 1] ?? [];
      const split = next.map((v, c) => (text(v) !== text(above[c]) ? text(v) : "")).filter((t) => t !== "");
      if (split.length > 0 && split.length <= 3 && split.every((t) => matchHeader(t) !== null) && isHeader(more.columns) && sameColumns(more.columns, best.columns)) {
        best = { ...best, end: r + d };
        continue;
      }
      break;
    }
    if (!isHeader(more.columns)) break;
    best = { start: r, end: r + d, columns: more.columns, issues: more.issues, others: more.others };
  }
  return { ...best, columns: valueBetween(preferFigures(vals, best.end + 1, best.columns, best.others)) };
}

/**
 * 预期指标值 over 符号 | (blank) | 单位 written without its merge: the blank column between the sign and the unit is the
 * value itself (the national template's 指标值 group), when no other column is.
 */
function valueBetween(columns: ColumnMap): ColumnMap {
  if (columns.target !== undefined || columns.op === undefined || columns.unit !== columns.op + 2) return columns;
  const mid = columns.op + 1;
  return Object.values(columns).includes(mid) ? columns : { ...columns, target: mid };
}

/** Two headers that give every role the same column. */
function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k as Role] === b[k as Role]);
}

function isHeader(cols: ColumnMap): boolean {
  const core = CORE.filter((k) => cols[k] !== undefined);
  const hasName = cols.level3 !== undefined || cols.level1 !== undefined || cols.level2 !== undefined;
  const hasFigure = cols.target !== undefined || cols.actual !== undefined || cols.score !== undefined || cols.weight !== undefined;
  return core.length >= 3 && hasName && hasFigure;
}

function rolesOf(vals: CellValue[][], r: number, subs: number[]): { columns: ColumnMap; issues: HeaderIssue[]; subRow: boolean; others: Partial<Record<Role, number[]>> } {
  const row = vals[r] ?? [];
  const sub = subs.length ? subs[subs.length - 1]! : null;
  // The text under the top cell: the lower rows' distinct texts joined (a merged cell repeats down the rows).
  const width = Math.max(row.length, ...subs.map((x) => (vals[x] ?? []).length));
  const below: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const x of subs) {
      const t = text(vals[x]?.[c]);
      if (t !== "" && t !== text(row[c]) && parts[parts.length - 1] !== t) parts.push(t);
    }
    below.push(parts.join(""));
  }
  const columns: ColumnMap = {};
  const scores: Partial<Record<Role, number>> = {};
  const issues: HeaderIssue[] = [];
  const others: Partial<Record<Role, number[]>> = {};
  let subRow = false;
  let prevRole: Role | null = null;
  let prevCol = -1;
  let levelScores = false;
  // Another 得分 right of column c (looked for only where a 得分 follows a level's name).
  const scoreAfter = (c: number) => {
    for (let x = c + 1; x < row.length; x++) if (matchHeader(text(row[x]))?.role === "score") return true;
    return false;
  };
  for (let c = 0; c < Math.max(row.length, below.length); c++) {
    const top = text(row[c]);
    const bottom = below[c] ?? "";
    // One header merged over two columns (a table drawn on a finer grid) is one column: its first. The copy the merge
    // repeats is passed over, as the column right after the one it belongs to.
    // (Not where the cells below the two differ: 评价内容 over 产出目标 | 数量目标 is two levels, read below.)
    if (c > 0 && top !== "" && top === text(row[c - 1]) && bottom === (below[c - 1] ?? "") && prevCol === c - 1 && (!differBelow(vals, r, c - 1, c) || blankBelow(vals, r, c - 1, c))) {
      prevCol = c;
      continue;
    }
    let m: HeaderMatch | null = null;
    let fromSub = false;
    if (sub !== null && bottom !== "" && bottom !== top) {
      // 一级指标 over 名称/权重 reads as one name (exact); 年度指标值 over 指标性质/指标值/度量单位 by the lower cell.
      const joined = matchHeader(top + bottom);
      const lowest = subs.length > 1 ? text(vals[sub]?.[c]) : bottom;
      m = joined && joined.score === 3 ? joined : ((lowest !== bottom && lowest !== "" ? matchHeader(lowest) : null) ?? matchHeader(bottom) ?? joined);
      if (m && matchHeader(top)?.role !== m.role) subRow = true;
      fromSub = m !== null;
    }
    m = m ?? matchHeader(top);
    let role = m?.role ?? null;
    if (role === "weight" && (prevRole === "level1" || prevRole === "level2") && columns.level3 === undefined) {
      role = prevRole === "level1" ? "level1Weight" : "level2Weight";
    }
    // 一级指标 | 得分 | 二级指标 | 得分 | 三级指标 | 得分 | … | 得分: a 得分 right after a level, with another further
    // right, holds that level's points (投入 16 = 8 + 8), not the score.
    // Only in that form: the 三级指标's 得分 is read so only after a level's (一级指标 | 自评得分 | 评价得分 keeps its scores).
    if (role === "score" && !fromSub && (prevRole === "level1" || prevRole === "level2" || (prevRole === "level3" && levelScores)) && prevCol === c - 1 && scoreAfter(c)) {
      if (prevRole !== "level3") levelScores = true;
      role = prevRole === "level1" ? "level1Weight" : prevRole === "level2" ? "level2Weight" : "weight";
      issues.push({ col: c, text: top, note: `表头“${top}”紧随${prevRole === "level1" ? "一级指标" : prevRole === "level2" ? "二级指标" : "三级指标"}、右侧另有得分列：按该级的分值读取（表头疑为误写）`, pointsHeaded: true });
    }
    // One name header merged over two columns with nothing below it (评价内容 over 产出目标 | 数量目标): the first and second levels.
    if (role === "level1" && columns.level1 !== undefined && columns.level2 === undefined && c === columns.level1 + 1 && sameMerged(row, columns.level1, c) && sub === null && differBelow(vals, r, columns.level1, c)) role = "level2";
    if (role === null) {
      if (top !== "" && !/^\d/.test(top)) issues.push({ col: c, text: sub !== null && bottom !== "" && bottom !== top ? `${top}/${bottom}` : top });
    } else if (columns[role] === undefined || (m!.score > (scores[role] ?? 0) && (fromSub || !sameMerged(row, columns[role]!, c)))) {
      // A better-named column takes a role from a loosely named one (绩效指标 over the block, then 三级指标); under
      // one merged top cell (自评得分 over 单项指标得分 | 权重占比 | 折算得分) the lower names decide.
      if (columns[role] !== undefined) (others[role] ??= []).push(columns[role]!);
      columns[role] = c;
      scores[role] = m!.score;
    } else if (columns[role] !== c) {
      (others[role] ??= []).push(c);
    }
    if (role !== null) {
      prevRole = role;
      prevCol = c;
    }
  }
  // A loosely named group column (内容) is the indicator's name where no column names the indicator.
  if (columns.level3 === undefined && columns.level1 !== undefined && scores.level1 === 1 && columns.level2 === undefined) {
    columns.level3 = columns.level1;
    delete columns.level1;
    // Its 分值 then is each row's weight, not a level's (评价内容 | 分值 | 自评分, 分值 merged over two columns).
    if (columns.level1Weight !== undefined && columns.weight === undefined) {
      columns.weight = columns.level1Weight;
      delete columns.level1Weight;
    }
  }
  // 单项指标得分 is a score out of 100 only beside a 折算得分 column (河北's form). Otherwise it is the row's score itself, as
  // any 得分 column: the first of equally named ones (单项得分 | 合计得分), or none where a column is named exactly (自评得分).
  if (columns.unitScore !== undefined) {
    const head = (c: number) => `${text(row[c])}${below[c] ?? ""}`;
    if (columns.score === undefined || !/折算/.test(head(columns.score))) {
      if (columns.score === undefined || ((scores.score ?? 0) < 3 && columns.unitScore < columns.score)) columns.score = columns.unitScore;
      delete columns.unitScore;
    }
  }
  // 评分依据 is what the evaluator found only beside a 评分标准 column; alone, it is where the table writes each row's rule
  // (每降低1个百分点扣1分), as it was read before the grounds were.
  if (columns.grounds !== undefined && columns.rule === undefined) {
    columns.rule = columns.grounds;
    delete columns.grounds;
  }
  return { columns, issues, subRow, others };
}

/**
 * Points columns (weight, score) hold figures: where the column named for one holds only words in the rows below
 * the header (an explanation under 指标分值, as a template shifted by a column leaves it) and another column named
 * for the same role holds numbers, that one is taken.
 */
function preferFigures(vals: CellValue[][], from: number, columns: ColumnMap, others: Partial<Record<Role, number[]>>): ColumnMap {
  const out = { ...columns };
  const rows = vals.slice(from, from + 30);
  const figures = (c: number) => {
    let n = 0;
    let words = 0;
    for (const row of rows) {
      const v = row?.[c];
      if (pointsOf(v) !== null) n++;
      else if (text(v) !== "") words++;
    }
    return { n, words };
  };
  for (const role of ["weight", "score"] as const) {
    const c = out[role];
    if (c === undefined || !others[role]?.length) continue;
    const here = figures(c);
    if (here.n > 0 || here.words < 2) continue;
    const better = others[role]!.find((o) => figures(o).n >= 2 && !Object.values(out).includes(o));
    if (better !== undefined) out[role] = better;
  }
  // 项目权重 over the level labels (项目决策2分) and 分值 beside the name read as the level's points: where the first
  // holds words and the second figures, the second is each row's weight and the first the level.
  if (out.weight !== undefined && out.level1Weight !== undefined && out.level1 === undefined) {
    const w = figures(out.weight);
    if (w.n === 0 && w.words >= 2 && figures(out.level1Weight).n >= 2) {
      out.level1 = out.weight;
      out.weight = out.level1Weight;
      delete out.level1Weight;
    }
  }
  // No 二级指标 header, but a column between the first level and the name holding 数量指标, 质量指标, 成本指标 …
  // (a header cell left blank): that column is the second level.
  if (out.level2 === undefined && out.level3 !== undefined) {
    const used = new Set(Object.values(out));
    for (let c = (out.level1 ?? -1) + 1; c < out.level3; c++) {
      if (used.has(c)) continue;
      const words = rows.filter((row) => LEVEL2_WORD.test(toSimplified(text(row?.[c]).replace(/\s+/g, "")))).length;
      if (words >= 2) {
        out.level2 = c;
        break;
      }
    }
  }
  // 指标性质 (正向/反向) beside 指标方向 (大于等于/小于等于/等于): the comparison is the operator.
  const compares = (c: number) => rows.filter((row) => /^(?:大于|小于|等于|不大于|不小于|不高于|不低于|[≥≤=<>≧≦＝]|>=|<=)/.test(text(row?.[c]))).length;
  if (out.op !== undefined && others.op?.length && compares(out.op) === 0) {
    const better = others.op.find((o) => compares(o) >= 1 && !Object.values(out).includes(o));
    if (better !== undefined) out.op = better;
  }
  return out;
}

/**
 * Roles for the blank cells of a header that names only the indicator and the weight, from the rows below (up to
 * 8): a column right of the weight holding numbers no greater than the row's weight is the score; a column of
 * texts that award points (得3分, 扣1分, 不得分) is the rule. Null unless a score column is found in 3 rows or more.
 */
function blankColumns(vals: CellValue[][], r: number, columns: ColumnMap): { columns: ColumnMap; issues: HeaderIssue[] } | null {
  if (columns.level3 === undefined || columns.weight === undefined || columns.score !== undefined) return null;
  const header = vals[r] ?? [];
  const rows = vals.slice(r + 1, r + 9);
  const width = Math.max(header.length, ...rows.map((x) => x.length));
  const out: ColumnMap = { ...columns };
  const named: string[] = [];
  for (let c = 0; c < width; c++) {
    if (text(header[c]) !== "" || Object.values(out).includes(c)) continue;
    const scores = rows.filter((row) => {
      const s = pointsOf(row[c]);
      const w = pointsOf(row[columns.weight!]);
      // (Points typed as a percentage, 3 as 3%, are stored as 0.03: no score is more than a hundred times below 1.)
      return s !== null && w !== null && s >= 0 && (s <= w || (w > 0 && w < 1 && s <= w * 100 + 1e-9));
    }).length;
    const rules = rows.filter((row) => /得\s*\d+(?:\.\d+)?\s*分|扣\s*\d+(?:\.\d+)?\s*分|不得分/.test(text(row[c]))).length;
    if (c > columns.weight && out.score === undefined && scores >= 3) {
      out.score = c;
      named.push(`第 ${c + 1} 列（数字不大于分值）为得分`);
    } else if (out.rule === undefined && rules >= 3) {
      out.rule = c;
      named.push(`第 ${c + 1} 列（写明得分、扣分）为评分标准`);
    }
  }
  if (out.score === undefined) return null;
  return { columns: out, issues: [{ col: out.score, text: `表头空白，按内容推定：${named.join("；")}` }] };
}

/** Column b is blank under the header on most rows where column a is filled (the empty half of a merged field). */
function blankBelow(vals: CellValue[][], r: number, a: number, b: number): boolean {
  let blank = 0;
  let filled = 0;
  for (const row of vals.slice(r + 1, r + 9)) {
    if (text(row?.[a]) === "") continue;
    if (text(row?.[b]) === "") blank++;
    else filled++;
  }
  return blank >= 2 && blank > filled;
}

/** Two columns whose cells below the header mostly hold different texts (two levels, not one cell merged across them). */
function differBelow(vals: CellValue[][], r: number, a: number, b: number): boolean {
  let differ = 0;
  let same = 0;
  for (const row of vals.slice(r + 1, r + 9)) {
    if (text(row?.[a]) === "" || text(row?.[b]) === "") continue;
    if (text(row?.[a]) !== text(row?.[b])) differ++;
    else same++;
  }
  return differ >= 2 && differ > same;
}

/** Two columns of one merged header cell (the same text filled across). */
function sameMerged(row: CellValue[], a: number, b: number): boolean {
  const t = text(row[a]);
  for (let c = a + 1; c <= b; c++) if (text(row[c]) !== t) return false;
  return true;
}

function readTable(grid: Grid, vals: CellValue[][], start: number, end: number, columns: ColumnMap, searchFrom: number, headerIssues: HeaderIssue[], options: DetectOptions): DetectedTable {
  // A label left of the header with points (年度绩效目标1(40分) merged down its block): the rows below share those points.
  let block = blockAt(vals[start] ?? [], columns);
  let nextBlock: { name: string; points: number } | null = null;
  const issues = headerIssues.map((i) => ({ address: address(grid, start, i.col), message: i.note ? i.note : block && i.text.replace(/\s+/g, "") === block.name ? `目标块“${block.name}”：其下指标共 ${block.points} 分` : `未识别的表头“${i.text}”，该列不参与计算` }));
  // Points written with their unit (10分) in the weight and score columns are the numbers they state.
  const getIn = (cols: ColumnMap) => (row: number, role: Role): CellValue => {
    const c = cols[role];
    const v = c === undefined ? null : (vals[row]?.[c] ?? null);
    return typeof v === "string" && POINTS_ROLES.has(role) ? (pointsOf(v) ?? v) : v;
  };
  const cellIn = (cols: ColumnMap) => (row: number, role: Role) => (cols[role] === undefined ? null : (grid.cells[row]?.[cols[role]!] ?? null));
  const get = getIn(columns);
  const cellAt = cellIn(columns);

  const indicators: IndicatorInput[] = [];
  const indicatorRows: number[] = [];
  const shiftedRows: { cell: string; level: string; indicator: number }[] = [];
  const levelTotals: Record<string, { weight?: number | null; score?: number | null }> = {};
  let total: DetectedTable["total"] = null;
  let rating: DetectedTable["rating"] = null;
  let blanks = 0;
  let last = end;
  const rows: RowClass[] = [];
  const directions: { name: string; row: number }[] = [];
  let deviationBlock = "";
  let parentOpen = false;
  let partsOf = 0;
  let endAt: DetectedTable["end"] = null;
  const held: { at: number; row: number; issue: { address: string; message: string } }[] = [];
  let heading: { level1: string; level2: string } | null = null;
  // Rows with only an indicator's name and more of the table below them (指标4.不合格产品处置率 | | ): indicators left
  // unfilled, in their place. (At a table's end, where a cut page leaves names alone, they stay doubts.)
  // An indicator row taken: its levels from a heading row above (质量指标 | | ; 效益指标(30分) | 经济效益指标 | ), else
  // from the row above (level cells not merged down over it), and the block of goals it sits in.
  const place = (input: IndicatorInput, r: number) => {
    const prev = indicators[indicators.length - 1];
    if (heading) {
      if (!input.level1 && heading.level1) input.level1 = heading.level1;
      if (!input.level1 && prev?.level1) input.level1 = prev.level1;
      if (!input.level2 && heading.level2) input.level2 = heading.level2;
      heading = null;
    }
    if (prev && !input.level1 && prev.level1) input.level1 = prev.level1;
    if (prev && !input.level2 && prev.level2 && input.level1 === prev.level1) input.level2 = prev.level2;
    if (block) {
      input.block = block.name;
      input.block_weight = block.points;
    }
    indicators.push(input);
    indicatorRows.push(r);
  };
  const flushHeld = () => {
    for (const h of held.splice(0)) {
      place(rowInput(grid, h.row, get, cellAt, columns, directions), h.row);
      rows[h.at] = { row: h.row, kind: "indicator", reason: "只有指标名称，下方仍有指标：按未填写的指标读取" };
      issues.splice(issues.indexOf(h.issue), 1);
    }
  };
  for (let r = end + 1; r < vals.length; r++) {
    const row = vals[r] ?? [];
    const texts = row.map(text);
    // A row whose own cells are all empty, its texts only those of cells merged down from above (a row inserted
    // inside merged level, rule and weight cells), is a blank row too.
    const ownBlank = (grid.cells[r] ?? []).every((cell) => cell === null || cell === undefined || text(cell.v ?? null) === "");
    if (ownBlank && texts.some((t) => t !== "")) {
      // Covered by merges from the rows above (an indicator spanning several rows): part of the table, never its end.
      rows.push({ row: r, kind: "empty", reason: "表内空行（只有上方合并单元格的内容）" });
      continue;
    }
    if (texts.every((t) => t === "")) {
      // Two blank rows end the table, unless an indicator row (a name and points) follows within a few rows before
      // any header: blank rows left inside a table (level cells that lost their merges, rows cleared by hand).
      if (++blanks >= 2 && !(total === null && indicatorAhead(vals, r, get))) {
        endAt = { row: r, reason: "连续两行空行" };
        break;
      }
      rows.push({ row: r, kind: "empty", reason: "表内空行" });
      continue;
    }
    blanks = 0;
    // A header row is text: a row holding a typed number (a weight, a score) is never the next table's header.
    const nextHeader = !row.some((v) => typeof v === "number") ? headerAt(vals, r) : null;
    if (nextHeader && indicators.length > 0 && total === null && sameColumns(nextHeader.columns, columns)) {
      // The same header again right under the rows (年度绩效目标1(40分) | 一级指标 … then 年度绩效目标2(40分) | 一级指标 …):
      // the form's next block of goals, one table with one total below, not a new table.
      for (let h = r; h <= nextHeader.end; h++) rows.push({ row: h, kind: "header", reason: "与上方相同的表头：同一张表的下一个目标块" });
      block = blockAt(row, columns) ?? nextBlock;
      nextBlock = null;
      issues.push({ address: address(grid, r, 0), message: `此行重复上方的表头：按同一张表的下一个目标块继续读取${block ? `（“${block.name}”，共 ${block.points} 分）` : ""}` });
      last = nextHeader.end;
      r = nextHeader.end;
      continue;
    }
    if (nextHeader) {
      endAt = { row: r, reason: "下一张表的表头" };
      break;
    }
    const labelCol = texts.findIndex((t) => TOTAL_WORDS.test(t) || (t.length >= 2 && t.length <= 12 && /[)）:：]$|總|計/.test(t) && TOTAL_WORDS.test(totalLabel(t))));
    if (labelCol >= 0) {
      total = { row: r, col: totalCell(grid, r, columns, labelCol) };
      rows.push({ row: r, kind: "total", reason: `合计行“${texts[labelCol]}”` });
      last = r;
      const rc = ratingIn(vals, r);
      if (rc) rating = rc;
      continue;
    }
    if (totalBySum(r, get, indicators)) {
      total = { row: r, col: columns.score ?? null };
      rows.push({ row: r, kind: "total", reason: `合计行（无指标名称、目标值和实际值，分值 ${text(get(r, "weight"))} 是满分或以上各项分值之和）` });
      last = r;
      const rc = ratingIn(vals, r);
      if (rc) rating = rc;
      continue;
    }
    // A rating row holds three texts at most (评价等级 | 优; a merged cell filled across counts once): an indicator row is
    // never one, and is not searched.
    const ratingHere = new Set(texts.filter((t) => t !== "")).size <= 3 ? ratingIn(vals, r) : null;
    if (ratingHere) {
      rating = ratingHere;
      rows.push({ row: r, kind: "rating", reason: "评价等级行" });
      last = r;
      continue;
    }
    if (texts.some((t) => SUBTOTAL_WORDS.test(t))) {
      rows.push({ row: r, kind: "subtotal", reason: "小计行" });
      last = r;
      continue;
    }
    if (!row.some((v) => typeof v === "number") && budgetHeaderAt(vals, r)) {
      endAt = { row: r, reason: "预算执行情况表头：下一张表的预算块" };
      break;
    }
    // A row whose name and target both lie inside cells merged down from an indicator above (预算资金安排 merged over its
    // list of 年度预算资金总额 | 其中:中央补助 | 市级资金 …): lines of that indicator's record, not indicators of their own.
    const own = (c: number | undefined) => (c === undefined ? "" : text(grid.cells[r]?.[c]?.v ?? null));
    const ownPoints = own(columns.weight) !== "" || own(columns.score) !== "";
    const lastKind = rows.length > 0 ? rows[rows.length - 1]!.kind : null;
    const above = indicators.length > 0 && (lastKind === "indicator" || lastKind === "sub-item") ? indicators[indicators.length - 1]! : null;
    // The same record with its merges lost (its own name, target and level cells empty, text further right, under an
    // indicator or a name held as one) or filled in (the name and target of the indicator above repeated): a line of it too.
    const lostMerge = (above !== null || lastKind === "name-only") && own(columns.level3) === "" && own(columns.target) === "" && own(columns.level1) === "" && own(columns.level2) === "";
    const filledMerge = above !== null && own(columns.level3) !== "" && own(columns.level3) === text(above.level3 ?? null) && (columns.target === undefined || (own(columns.target) !== "" && own(columns.target) === text(above.target ?? null)));
    if (columns.level3 !== undefined && !ownPoints && ((mergedFromAbove(grid, r, columns.level3) && (columns.target === undefined || mergedFromAbove(grid, r, columns.target))) || lostMerge || filledMerge)) {
      if (lastKind === "name-only") flushHeld();
      const of = text(get(r, "level3")) || text(indicators[indicators.length - 1]?.level3 ?? null);
      rows.push({ row: r, kind: "sub-item", reason: `“${of}”合并单元格中的续行（该指标记录的分项），不单独作为指标` });
      last = r;
      continue;
    }
    // A typed number in the weight column: an indicator row (notes, titles and signatures hold no numbers there).
    const classified: RowClass = typeof get(r, "weight") === "number" && text(get(r, "level3")) !== "" && !NUMBERED_LEVEL.test(toSimplified(text(get(r, "level3"))).replace(/\s+/g, "")) ? { row: r, kind: "indicator", reason: "指标行" } : classifyRow(r, {
      texts,
      name: text(get(r, "level3")),
      levels: [text(get(r, "level1")), text(get(r, "level2"))],
      target: text(get(r, "target")),
      actual: text(get(r, "actual")),
      weight: text(get(r, "weight")),
      score: text(get(r, "score")),
    });
    // Below the total, a row without a weight is the table's remarks (偏差原因分析 | 无, 改进措施 …), not an indicator.
    const cls: RowClass = total && typeof get(r, "weight") !== "number" && ["indicator", "not-applicable", "name-only", "level"].includes(classified.kind) ? { row: r, kind: "note", reason: "合计行之下、未写分值的说明行" } : classified;
    // The table's own 偏差原因分析 block below the rows (偏差大或目标未完成原因分析 | 一是……): the reasons, for every row.
    if (cls.kind === "note" || cls.kind === "none") {
      const label = texts.findIndex((t) => /偏差|未完成原因|原因分析/.test(t) && t.length <= 20);
      const reason = label < 0 ? "" : (texts.slice(label + 1).find((t) => t.length >= 6 && !/偏差|原因分析/.test(t)) ?? "");
      if (reason) deviationBlock = reason;
    }
    // A page's break inside the table (第 1 页，共 2 页, then the title again with 续表, then the same header): the table goes
    // on, with no total row yet. The title repeated is passed over; the header after it continues the rows (above).
    if (cls.kind === "title" && total === null && indicators.length > 0 && /续表|續表|\(续\)|（续）/.test(texts.join("")) && sameTitleAbove(vals, searchFrom, start, texts.join("")) && (() => {
      for (let h = r + 1; h <= r + 2 && h < vals.length; h++) {
        const next = headerAt(vals, h);
        if (next) return sameColumns(next.columns, columns);
      }
      return false;
    })()) {
      rows.push({ row: r, kind: "note", reason: "续表的标题：表格在下一页继续" });
      continue;
    }
    if (cls.kind === "title" || cls.kind === "info") {
      endAt = { row: r, reason: cls.reason };
      break;
    }
    // A name-only row opening a level of its own (效益指标 | 社会效益指标 | 指标1.…, cut there): the form goes on past the
    // names held before it, so those are inside the table.
    if (cls.kind === "name-only" && (text(get(r, "level1")) !== "" || text(get(r, "level2")) !== "")) flushHeld();
    rows.push(cls);
    if (cls.kind === "level") {
      const l1 = String(get(r, "level1") ?? "").trim();
      const l2 = String(get(r, "level2") ?? "").trim();
      const was = heading as { level1: string; level2: string } | null;
      // A numbered heading in the names' column: 一、 opens a first level, （一） a second under the first.
      const numbered = NUMBERED_LEVEL.exec(toSimplified(String(get(r, "level3") ?? "")).replace(/\s+/g, ""));
      const current = indicators[indicators.length - 1];
      const first = numbered !== null && (numbered[1] !== undefined || /^(?:产出|效益|满意度)(?:指标)?(?:[(（]\d+(?:\.\d+)?分[)）])?$/.test(numbered[3]!));
      if (numbered) heading = first ? { level1: numbered[3]!, level2: "" } : { level1: was?.level1 || current?.level1 || "", level2: numbered[3]! };
      else if (l1 || l2) heading = { level1: l1 || (was?.level1 ?? ""), level2: l2 };
      // A block's title row (年度绩效目标2（40分）) names the block whose header follows.
      const label = texts.find((t) => t !== "") ?? "";
      if (BLOCK_LABEL.test(toSimplified(label).replace(/\s+/g, ""))) nextBlock = { name: label.replace(/\s+/g, ""), points: weightInName(label.replace(/\s+/g, ""))! };
    }
    if (cls.kind === "name-only") {
      const issue = { address: address(grid, r, columns.level3 ?? 0), message: `${cls.reason}（如是指标，请补全或在识别步骤中更正）` };
      issues.push(issue);
      held.push({ at: rows.length - 1, row: r, issue });
    }
    if (cls.kind !== "indicator" && cls.kind !== "not-applicable") {
      if (cls.kind === "note" || cls.kind === "signature" || cls.kind === "none" || cls.kind === "name-only") last = r;
      continue;
    }
    flushHeld();
    const moved = movedRight(grid, r, columns);
    const input = moved ? rowInput(grid, r, getIn(moved), cellIn(moved), moved, directions) : rowInput(grid, r, get, cellAt, columns, directions);
    if (moved) shiftedRows.push({ cell: address(grid, r, moved.level1!), level: text(vals[r]?.[moved.level1!] ?? null), indicator: indicators.length });
    if (cls.kind === "not-applicable") input.applicable = false;
    // A score table with no target or actual cells whose remark states both (目标值2座,完成值9座): read from the remark.
    const stated = blankValue(input.target) && blankValue(input.actual) ? figuresInRemark(input.deviation_note) : null;
    if (stated) {
      input.target = stated.target;
      input.actual = stated.actual;
      issues.push({ address: address(grid, r, columns.deviation ?? 0), message: `本行没有指标值和实际完成值栏，按备注“${stated.said}”读作目标 ${stated.target}、实际 ${stated.actual}` });
    }
    // Merged level cells passed without their merges (a range given to EVAL.TABLE) are blank below the first
    // row: the level continues from the row above, as it does on the sheet.
    const prev = indicators[indicators.length - 1];
    // A weighted row with no figures of its own (★补助各类粮食作物种植面积 | 10 | | | 10) followed by rows with figures
    // and no weight or score (红薯种植面积 | | 5.5亩 | 5.5亩): those are its parts, scored together on the parent
    // (each part against its own target; the worst part counts).
    if (prev && parentOpen && isPart(input)) {
      prev.target = prev.target === null || prev.target === undefined || prev.target === "" ? String(input.target) : `${String(prev.target)}；${String(input.target)}`;
      prev.actual = prev.actual === null || prev.actual === undefined || prev.actual === "" ? String(input.actual) : `${String(prev.actual)}；${String(input.actual)}`;
      rows[rows.length - 1] = { row: r, kind: "sub-item", reason: `“${text(prev.level3 ?? "")}”的分项（目标与实际计入该行）` };
      prev.from_parts = ++partsOf;
      if (partsOf === 1) issues.push({ address: address(grid, indicatorRows[indicatorRows.length - 1]!, columns.level3 ?? 0), message: `“${text(prev.level3 ?? "")}”本行未写指标值和实际完成值，写在下方分项中：按各分项中完成最差的一项计` });
      last = r;
      continue;
    }
    parentOpen = typeof input.weight === "number" && blankValue(input.target) && blankValue(input.actual);
    partsOf = 0;
    place(input, r);
    last = r;
  }
  if (directions.length) {
    issues.push({ address: address(grid, directions[0]!.row, columns.target ?? 0), message: `${directions.map((n) => `“${n.name}”`).join("、")}的指标值未写“≤”或“≥”：按名称（成本，控制率、调整率、结余率等越低越好）读作不超过目标值` });
  }
  // 二者择其一 (one of the two is assessed): a row with no weight right after a weighted row whose rule (or its own)
  // says so shares that row's weight, merged or not.
  for (let i = 1; i < indicators.length; i++) {
    const row = indicators[i]!;
    const prev = indicators[i - 1]!;
    if (row.weight !== null && row.weight !== undefined && row.weight !== "") continue;
    if ((typeof prev.weight === "number" || prev.shares_weight_above) && ALTERNATIVE_RULE.test(`${prev.rule_text ?? ""}${row.rule_text ?? ""}`)) row.shares_weight_above = true;
  }
  splitMergedWeights(grid, indicators, indicatorRows, columns, issues);
  const budget = findBudget(grid, vals, searchFrom, start);
  const title = findTitle(vals, searchFrom, budget ? budget.headerRow : start);
  // A total written in the title block (自评总分(分) | 97.6, 项目总得分 99分) when no total row gives one.
  if (!total || total.col === null || numberOf(grid.cells[total.row]?.[total.col]) === null) {
    const above = totalAbove(grid, vals, searchFrom, start);
    if (above) {
      total = above;
      issues.push({ address: address(grid, above.row, above.col), message: "报告总分写在表头上方的项目信息中，按此复核总分" });
    }
  }
  // So may the rating be (自评等级：优 beside the total in the title block).
  if (!rating) {
    const above = ratingAbove(vals, searchFrom, budget ? budget.headerRow : start);
    if (above) rating = above;
  }
  const table: TableInput = {
    id: tableId(grid, start),
    title,
    ...(options.preset ? { preset: options.preset } : {}),
    budget: budget ? budgetInput(grid, vals, budget) : null,
    indicators,
    reported_total: total && total.col !== null ? (numberOf(grid.cells[total.row]?.[total.col]) ?? totalInText(text(vals[total.row]?.[total.col]))) : null,
    reported_rating: rating ? String(vals[rating.row]?.[rating.col] ?? "") : null,
    ...(Object.keys(levelTotals).length ? { level_totals: levelTotals } : {}),
  };
  const stated: NonNullable<DetectedTableInput["note_level_weights"]> = [];
  for (const x of rows) {
    if (x.kind !== "note") continue;
    const note = toSimplified((vals[x.row] ?? []).map(text).find((t) => t !== "") ?? "");
    for (const m of note.matchAll(NOTE_LEVEL_WEIGHT)) stated.push({ level: m[1]!, weight: Number(m[2]), where: address(grid, x.row, 0) });
  }
  if (stated.length) (table as DetectedTableInput).note_level_weights = stated;
  const doubts = rows.filter((x) => x.kind === "name-only").map((x) => `第 ${grid.origin.row + x.row + 1} 行${x.reason}`);
  if (doubts.length) (table as DetectedTableInput).layout_doubts = doubts;
  if (!total && indicators.length > 0) (table as DetectedTableInput).no_total_row = true;
  else if (total && indicators.length > 0) (table as DetectedTableInput).total_row = address(grid, total.row, 0);
  if (total && total.col !== null && indicators.length > 0) (table as DetectedTableInput).total_cell = address(grid, total.row, total.col);
  if (endsCut(grid, indicatorRows, indicators, columns)) (table as DetectedTableInput).ends_cut = true;
  if (columns.score !== undefined) (table as DetectedTableInput).score_column = true;
  if (shiftedRows.length) (table as DetectedTableInput).shifted_rows = shiftedRows;
  // A rating written anywhere from the title block to a few rows below the table, in any form (自评等级 | 差 in the title
  // block, 评价等级：差 in one cell, 自评等级 | 差 | 填表人 … on a sign-off row): a rating is there, read or not. (Looked for
  // only where it matters: no rating read and a total under 60.)
  const lowTotal = typeof table.reported_total === "number" && table.reported_total < 60;
  if (!table.reported_rating && lowTotal && ratingWritten(vals, searchFrom, Math.min(vals.length, last + 8))) (table as DetectedTableInput).rating_written = true;
  // An evaluator's score table (内容 | 指标 | 权重 | 评分结果 | 备注): no target or actual column at all. The weights
  // may stand in the names instead of a column (相关性(5分) | 5).
  if (columns.target === undefined && columns.actual === undefined && columns.score !== undefined && (columns.weight !== undefined || indicators.some((r) => /[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]/.test(String(r.level3 ?? r.name ?? "").normalize("NFKC"))))) (table as DetectedTableInput).score_only = true;
  if (columns.actual === undefined && columns.score === undefined) (table as DetectedTableInput).targets_only = true;
  // (false, not absent, for a sheet with none: its scored rows' missed targets are then told once for the table.)
  (table as DetectedTableInput).deviation_column = columns.deviation !== undefined;
  if (columns.actual === undefined && columns.score !== undefined && /^(?:考评|考核|评价)/.test(normaliseHeader(vals.slice(start, end + 1).map((row) => text(row[columns.score!])).join("")))) (table as DetectedTableInput).assessor_score = true;
  if (deviationBlock) (table as DetectedTableInput).deviation_block = deviationBlock;
  const headed = headerIssues.filter((i) => i.pointsHeaded).map((i) => address(grid, start, i.col));
  if (headed.length) (table as DetectedTableInput).points_headed_score = headed;
  const texts = breakdownTexts(grid, vals, searchFrom, start);
  if (texts.length) (table as DetectedTableInput).texts = texts;
  const unit = unitName(vals, searchFrom, start);
  if (unit) (table as DetectedTableInput).unit_name = unit;
  const noUnit = unit ? null : unitBlank(grid, searchFrom, budget ? Math.min(budget.headerRow, start) : start);
  if (noUnit) (table as DetectedTableInput).unit_blank = noUnit;
  const goal = goalCells(grid, searchFrom, start);
  if (goal.length) (table as DetectedTableInput).goal_cells = goal;
  const claims = managementClaims(grid, searchFrom, start);
  if (claims.length) (table as DetectedTableInput).management_claims = claims;
  // Each belongs to the indicator on its row, or above it (a line of that indicator's record).
  const unfilled = placeholderCells(grid, end + 1, last).map((p) => ({ cell: p.cell, text: p.text, indicator: indicatorRows.filter((r) => r <= p.row).length - 1 }));
  if (unfilled.length) (table as DetectedTableInput).placeholders = unfilled.map((p) => (p.indicator >= 0 ? p : { cell: p.cell, text: p.text }));
  const brackets = strayBracketCells(grid, searchFrom, last);
  if (brackets.length) (table as DetectedTableInput).stray_brackets = brackets;
  const lists = amountGroups(grid, searchFrom, last + 1, new Set(indicatorRows));
  if (lists.length) (table as DetectedTableInput).amount_lists = lists;
  const funds = budget ? null : fundsRow(vals, searchFrom, start);
  if (funds) (table as DetectedTableInput).funds_block = funds;
  if (indicators.length === 0) issues.push({ address: address(grid, end + 1, 0), message: "表头下方没有找到指标行" });
  return { id: tableId(grid, start), sheet: grid.sheet, title, headerRows: [start, end], columns, indicatorRows, budget, total, rating, lastRow: last, table, issues, rows: rows.filter((x) => x.row <= last), end: endAt };
}


function rowInput(grid: Grid, r: number, get: (row: number, role: Role) => CellValue, cellAt: (row: number, role: Role) => GridCell | null, columns: ColumnMap, directions: { name: string; row: number }[] = []): IndicatorInput {
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
  // Split values: a 计算符号/指标性质 column and a 度量单位 column beside the value are joined into one target
  // (`≧ | 100 | %` → `≥100%`); a bare actual takes the unit too (a % actual stays a number: read as points).
  const bare = (v: string | number | null) => typeof v === "number" || (typeof v === "string" && /^[≥≤<>=]*-?\d+(?:\.\d+)?$/.test(v));
  const u = unit ? unitWord(unit) : null;
  if (u && bare(target)) target = `${target}${u}`;
  if (u && u !== "%" && bare(actual)) actual = `${actual}${u}`;
  if (op && target !== null) target = withOp(op, target);
  // 指标性质 that states no direction (定量指标) leaves the direction to the name.
  if (name && LOWER_IS_BETTER_NAMES.test(toSimplified(name)) && target !== null && /^-?\d+(?:\.\d+)?(?:%|[\u4e00-\u9fa5/]{0,4})$/.test(String(target).trim())) {
    target = `≤${target}`;
    directions.push({ name, row: r });
  }
  // A cost (成本指标) written as a bare amount (200万) is a ceiling: 财预〔2021〕101号 makes cost indicators “≤”. Not a standard
  // to be paid (培训补贴标准 3000元/人: what each person is owed, PAID_STANDARD), which is reached, not capped.
  if (target !== null && /^\d+(?:\.\d+)?\s*(?:万元|元|万|亿元|千元)(?:\/[\u4e00-\u9fa5、/]{1,6})?$/.test(toSimplified(String(target).trim())) && /成本/.test(toSimplified(`${levelName(str("level2")) ?? ""}${name ?? ""}`)) && !PAID_STANDARD.test(toSimplified(name ?? ""))) {
    target = `≤${String(target).trim()}`;
    directions.push({ name: name ?? "", row: r });
  }
  // A range for a target (90%-95%, 3—5个, 0-5%, 800-1000元): a ceiling at its top on a row to be kept low (a cost, a rate of
  // something bad, a range from 0); a floor at its bottom on a row whose name says more is better (覆盖率, 人数); unread
  // otherwise. Not a span of time (1-6月, 3-5个工作日).
  const range = typeof target === "string" ? /^\s*(\d+(?:\.\d+)?)(%|[\u4e00-\u9fa5/]{1,6})?\s*[-~～—–至到]\s*(\d+(?:\.\d+)?)(%|[\u4e00-\u9fa5/]{1,6})\s*$/.exec(target.normalize("NFKC")) : null;
  if (range && Number(range[1]) < Number(range[3]) && (range[2] === undefined || range[2] === range[4]) && !/[年月日天周时]|工作日|季度|分钟|岁|号/.test(range[4]!)) {
    const simple = toSimplified(`${name ?? ""}`);
    const keptLow = Number(range[1]) === 0 || LOWER_IS_BETTER_NAMES.test(simple) || RANGE_CEILING.test(simple) || (/成本/.test(toSimplified(`${levelName(str("level2")) ?? ""}${name ?? ""}`)) && !PAID_STANDARD.test(simple));
    if (keptLow) target = `≤${range[3]}${range[4]}`;
    else if (RANGE_FLOOR.test(simple)) target = `≥${range[1]}${range[4]}`;
    if (keptLow || RANGE_FLOOR.test(simple)) directions.push({ name: name ?? "", row: r });
  }
  // An average named by its indicator (日均清运量 260吨/日 | 271.4吨; 人均培训补助 3000元/人 | 2886元): the actual in the target's
  // per-unit, which the name already says.
  const per = typeof target === "string" ? /\d\s*([\u4e00-\u9fa5]{1,3})\/([\u4e00-\u9fa5])(?![\u4e00-\u9fa5]*\d)/.exec(target) : null;
  if (per && typeof actual === "string" && new RegExp(`^[^\\d]*[\\d,]+(?:\\.\\d+)?\\s*${per[1]}\\s*$`).test(actual.trim()) && new RegExp(`${per[2]}均|每${per[2]}`).test(toSimplified(`${name ?? ""}${actual}`))) actual = `${actual.trim()}/${per[2]}`;
  const weightCell = cellAt(r, "weight");
  // A score written in words (满分, 5分): its points (满分 is the row's weight).
  const scoreCell = cellAt(r, "score");
  const scoreWords = scoreCell && typeof scoreCell.v === "string" ? scoreCell.v.replace(/\s+/g, "") : "";
  const wordScore = scoreWords === "满分" && weightCell ? (typeof weightOf(weightCell) === "number" ? (weightOf(weightCell) as number) : null) : /^\d+(?:\.\d+)?分$/.test(scoreWords) ? Number(scoreWords.slice(0, -1)) : null;
  const row: IndicatorInput = {
    ...(code ? { code } : {}),
    level1: levelName(str("level1")),
    level2: levelName(str("level2")),
    level3: name,
    weight: weightCell ? weightOf(weightCell) : null,
    target,
    actual,
    reported_score: cellAt(r, "score") ? (numberOf(cellAt(r, "score")) ?? wordScore ?? null) : null,
    ...(columns.unitScore !== undefined && cellAt(r, "unitScore") ? { unit_score: numberOf(cellAt(r, "unitScore")) ?? null } : {}),
    completion_as_written: cellForEngine(cellAt(r, "completion") ?? null),
    rule_text: str("rule"),
    deviation_note: str("deviation"),
  };
  const status = str("status");
  if (status) row.status_text = status;
  const grounds = str("grounds");
  if (grounds) row.grounds_text = grounds;
  const judgement = str("judgement");
  if (judgement) row.judgement = judgement;
  // A weight cell merged down from the row above (二者择其一 rows under one 权数): one weight for both.
  if (!weightCell && columns.weight !== undefined && r > 0) {
    const m = grid.merges.find((x) => r > x.r1 && r <= x.r2 && columns.weight! >= x.c1 && columns.weight! <= x.c2);
    if (m && typeof weightOf(grid.cells[m.r1]?.[m.c1] ?? { v: null }) === "number") row.shares_weight_above = true;
  }
  // Level weights sit in merged cells beside their level names: read them filled down, as the names are.
  // (The merged cell's own format: a level's points typed as 13% are 13.)
  const levelPoints = (role: Role) => {
    const w = weightOf(mergedCell(grid, r, columns[role]!) ?? { v: get(r, role) });
    return typeof w === "number" ? w : null;
  };
  const l1w = columns.level1Weight !== undefined ? levelPoints("level1Weight") : weightInName(row.level1);
  const l2w = columns.level2Weight !== undefined ? levelPoints("level2Weight") : weightInName(row.level2);
  if (l1w !== null) row.level1_weight = l1w;
  if (l2w !== null) row.level2_weight = l2w;
  return row;
}

/** A 续表 title that repeats the table's own title (…自评表（续表） under …自评表), not another project's. */
function sameTitleAbove(vals: CellValue[][], from: number, before: number, title: string): boolean {
  const bare = (t: string) => toSimplified(t).replace(/\s+/g, "").replace(/[(（]?(?:续表|续)[)）]?/g, "");
  const want = bare(title);
  if (want === "") return false;
  let titled = false;
  for (let r = Math.max(0, from); r < before; r++) {
    for (const v of vals[r] ?? []) {
      const t = text(v);
      if (t !== "" && bare(t) === want) return true;
      if (/表$|表[(（]/.test(bare(t)) && bare(t).length >= 6) titled = true;
    }
  }
  // (No title above the table at all: nothing says the 续表 is another's.)
  return !titled;
}

/**
 * One 分值 merged down over several indicators that each carry their own score (分值按二级指标设置，所属三级指标平均计分: 24 over
 * three rows scored 8, 7.4, 8): the points are the group's, shared evenly, and said. Not a pair of alternatives (二者择其一,
 * one row assessed), nor a group whose scores would not fit an even share (one row's score above it: weights set by hand).
 */
function splitMergedWeights(grid: Grid, indicators: IndicatorInput[], rows: number[], columns: ColumnMap, issues: { address: string; message: string }[]): void {
  for (let i = 0; i < indicators.length; i++) {
    const first = indicators[i]!;
    if (typeof first.weight !== "number" || !(first.weight > 0)) continue;
    let j = i + 1;
    while (j < indicators.length && indicators[j]!.shares_weight_above && !ALTERNATIVE_RULE.test(`${first.rule_text ?? ""}${indicators[j]!.rule_text ?? ""}${first.level3 ?? ""}${indicators[j]!.level3 ?? ""}`)) j++;
    const group = indicators.slice(i, j);
    if (group.length < 2) continue;
    const share = first.weight / group.length;
    const scores = group.map((r) => (typeof r.reported_score === "number" ? r.reported_score : null));
    if (scores.filter((x) => x !== null).length < 2 || scores.some((x) => x !== null && x > share + 0.005)) continue;
    const total = first.weight;
    for (const r of group) {
      r.weight = share;
      delete r.shares_weight_above;
    }
    const shown = Math.round(share * 100) / 100;
    issues.push({ address: address(grid, rows[i]!, columns.weight ?? 0), message: `分值 ${total} 合并在 ${group.length} 项指标上（第 ${rows[i]! + 1}–${rows[j - 1]! + 1} 行），各项都有得分：按平均分配，每项 ${shown === share ? shown : `${shown}（${total}/${group.length}）`} 分` });
    i = j - 1;
  }
}

/** A header row's label outside every mapped column that states points (年度绩效目标1(40分)): the block of goals below. */
function blockAt(row: CellValue[], columns: ColumnMap): { name: string; points: number } | null {
  const mapped = new Set(Object.values(columns));
  for (let c = 0; c < row.length; c++) {
    if (mapped.has(c)) continue;
    const t = text(row[c]).replace(/\s+/g, "");
    const points = weightInName(t);
    if (t && points !== null && points > 0 && points <= 100) return { name: t, points };
  }
  return null;
}

/** Names of things kept low, for a range target (不良反应发生率 0-5%, 噪声 55-70分贝, 人均培训费用 800-1000元). */
const RANGE_CEILING = /发生率|故障率|投诉|事故|差错|噪声|噪音|费用|单价|价格|造价|成本|支出|损耗|能耗|排放|浓度|时长|用时|耗时|空置|结余|返工|辍学|病死|死亡/;
/** Names of things to reach, for a range target (普及率 90%-95%, 培训场次 3-5个). */
const RANGE_FLOOR = /覆盖率|普及率|合格率|达标率|满意度|完成率|到位率|知晓率|参与率|使用率|入学率|巩固率|接种率|规范管理率|建档率|人数|人次|户数|场次|次数|个数|数量|面积|里程|长度|株数/;

/** A level's name as read: written down a narrow merged cell (产\n出\n指\n标, 产 出 指 标), its characters joined. */
function levelName(s: string | null): string | null {
  return s === null || !/\s/.test(s) ? s : s.replace(/(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])/g, "");
}

/** The cell at (r, c) as the sheet shows it: a merged area's top-left cell for every cell it covers. */
function mergedCell(grid: Grid, r: number, c: number): GridCell | null {
  const m = grid.merges.find((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
  return (m ? grid.cells[m.r1]?.[m.c1] : grid.cells[r]?.[c]) ?? null;
}

/** `正向`/`反向`/`≥` in a 指标性质 column joined to a bare target. */
function withOp(op: string, target: string | number): string | number {
  const t = String(target);
  if (/^[≥≤<>=＞＜＝≧≦﹦═]/.test(t)) return target;
  const o2 = op.normalize("NFKC").replace(/\s+/g, "").replace(/≧|⩾|>=/g, "≥").replace(/≦|⩽|<=/g, "≤").replace(/═|==/g, "=");
  const o = /反向|≤|不高于|不超过|不大于|小于等于/.test(o2) ? "≤" : /正向|≥|不低于|不少于|不小于|大于等于/.test(o2) ? "≥" : /^(?:<|小于|低于)$/.test(o2) ? "<" : /^(?:>|大于|高于)$/.test(o2) ? ">" : /=|等于/.test(o2) ? "=" : "";
  return o ? `${o}${t}` : target;
}

/** A unit column's word as it is written after a figure: 百分比 / ％ → %; 无 / — → none. */
function unitWord(unit: string): string | null {
  // A unit with its name in brackets (`%(百分比)`, `人(人次)`, as system exports write them): the unit before them.
  const u = unit.normalize("NFKC").replace(/\s+/g, "").replace(/^([^()]+)\([^()]*\)$/, "$1");
  if (u === "" || /^(?:无|\/|—|-|——)$/.test(u)) return null;
  if (u === "百分比" || u === "%" || u === "百分率") return "%";
  return u.length <= 6 ? u : null;
}

/**
 * A total row whose label the reader cannot read (a vertical 总分 flattened as 分总, a blank label): one label at
 * most, merged over the name, target and actual (no indicator of its own), and a weight that is full marks (100) or the sum of every weight above it (80 or more:
 * a level's subtotal is smaller).
 */
function totalBySum(r: number, get: (r: number, role: keyof ColumnMap) => CellValue, above: IndicatorInput[]): boolean {
  const w = get(r, "weight");
  if (typeof w !== "number" || above.length < 2) return false;
  // An indicator row has a target and an actual that differ (a total's cells are blank or one merged label).
  const target = text(get(r, "target"));
  if (target !== "" && target !== text(get(r, "actual"))) return false;
  // One label at most (merged across the name, target and actual columns), and no figure in it.
  const labels = new Set((["level1", "level2", "level3", "target", "actual"] as const).map((k) => text(get(r, k))).filter((t) => t !== ""));
  if (labels.size > 1 || [...labels].some((t) => /[0-9０-９%％]/.test(t))) return false;
  const sum = above.reduce((s, i) => s + (typeof i.weight === "number" ? i.weight : 0), 0);
  return (w === 100 && sum <= 100 + 1e-6) || (w >= 80 && Math.abs(w - sum) < 1e-6);
}

function totalCell(grid: Grid, r: number, columns: ColumnMap, labelCol: number): number | null {
  const sc = columns.score;
  if (sc !== undefined && numberOf(grid.cells[r]?.[sc]) !== null) return sc;
  const row = grid.cells[r] ?? [];
  // (The weight column's figure there is the weights' sum, 100, not a score: a blank score is no score.)
  for (let c = row.length - 1; c > labelCol; c--) if (c !== columns.weight && numberOf(row[c]) !== null) return c;
  return sc ?? null;
}

/**
 * A weight as the table writes it. A weight written as a percentage (20%, or 0.2 in a % cell: the row's share of
 * the 100 points, as some provinces' forms have it) is that many points.
 */
function weightOf(cell: GridCell): number | string | null {
  if (typeof cell.v === "number" && (cell.fmt ?? "").includes("%")) return Math.round(cell.v * 100 * 1e6) / 1e6;
  const pct = typeof cell.v === "string" ? /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(cell.v) : null;
  if (pct) return Number(pct[1]);
  return numberOf(cell) ?? (cell.v === null ? null : String(cell.v));
}

/** `目标值2座,完成值9座`, `计划10个，实际完成12个` in a remark: the target and the actual it states; null otherwise. */
function figuresInRemark(note: string | null | undefined): { target: string; actual: string; said: string } | null {
  if (!note || note.length > 120) return null;
  // Matched in simplified characters (目標值2座), taken as written where the two line up (no pinyin taken out).
  const simple = toSimplified(note);
  const m = /(?:目标值?|指标值|计划(?:数|值)?)\s*[:：为是]?\s*([≥≤><=]?\s*\d+(?:\.\d+)?\s*[^\s\d,，;；。、]{0,4})\s*[,，;；、]?\s*(?:实际)?(?:完成值?|完成数|实际值?)\s*[:：为是]?\s*(\d+(?:\.\d+)?\s*[^\s\d,，;；。、]{0,4})/.exec(simple);
  if (!m) return null;
  const from = simple.length === note.length ? note : simple;
  const said = from.slice(m.index, m.index + m[0].length);
  const t = m[0].indexOf(m[1]!);
  const a = m[0].lastIndexOf(m[2]!);
  return { target: said.slice(t, t + m[1]!.length).replace(/\s+/g, ""), actual: said.slice(a, a + m[2]!.length).replace(/\s+/g, ""), said };
}

const blankValue = (v: unknown) => v === null || v === undefined || String(v).trim() === "";

/** A part of the row above: a figure on both sides, no weight and no score of its own. */
function isPart(row: IndicatorInput): boolean {
  const figure = (v: unknown) => typeof v === "number" || (typeof v === "string" && /\d/.test(v));
  return row.applicable !== false && blankValue(row.weight) && blankValue(row.reported_score) && figure(row.target) && figure(row.actual);
}
