import { LEVEL2_WORD, LEVEL_VALUE } from "../data/rows";
import { pointsOf } from "./cellText";
import { continuesAbove, text as cellText, type CellValue, type Grid } from "./grid";
import { toSimplified } from "../data/traditional";

/** A cell's text as matched here: traditional characters simplified. */
const text = (v: CellValue | undefined) => toSimplified(cellText(v ?? null));
import type { ColumnMap } from "./detect";

/**
 * Tables that start at their rows, with no header above them (the second page of a printed table, a page cut at its
 * top): the columns inferred from what the rows hold. The header reader is passed in (detect.ts), so that a block
 * under a real header is never read this way.
 */
type HeaderAt = (vals: CellValue[][], r: number) => unknown;

/** A 计算符号 or 指标性质 cell on its own (=, ≥, 定性, 正向). */
const OP_CELL = /^(?:[=＝﹦═≥≤≧≦<>＞＜]|>=|<=|定性|定量|正向|反向)$/;
const NUMBER_CELL = (v: CellValue | undefined) => typeof v === "number" || (typeof v === "string" && /^\d+(?:\.\d+)?$/.test(v.trim()));

/**
 * Rows at the top of a sheet that are indicator rows without a header above them: read by a 计算符号 column (=, ≤, ≥,
 * 定性) beside a value, a unit and a column of weights, else by the form's level names; the roles are inferred from
 * where those stand in the national template (三级指标 | 符号 | 指标值 | 单位 | 完成值 | 权重 | 得分). Null when the rows
 * show neither.
 */
export function headerlessStart(grid: Grid, vals: CellValue[][], headerAt: HeaderAt): { start: number; columns: ColumnMap } | null {
  // Rows that are only the lower halves of cells merged down (a table drawn on a finer grid) are read as not there, and
  // the start found is given back in the sheet's rows.
  const kept: number[] = [];
  for (let r = 0; r < vals.length && r < 420; r++) if (!continuesAbove(grid, r)) kept.push(r);
  if (kept.length < Math.min(vals.length, 420)) {
    const rows = [...kept.map((r) => vals[r]!), ...vals.slice(420)];
    const at = (r: number) => (r < kept.length ? kept[r]! : r - kept.length + 420);
    const found = startIn(grid, rows, (v, r) => headerAt(vals, at(r)));
    return found ? { start: at(found.start), columns: found.columns } : null;
  }
  return startIn(grid, vals, headerAt);
}

function startIn(grid: Grid, vals: CellValue[][], headerAt: HeaderAt): { start: number; columns: ColumnMap } | null {
  // A column with no cell of its own on the sheet (a spacer, a hidden column; merges may cross it) stands between no
  // two roles: read without it first.
  let width = 0;
  for (const r of vals) if (r.length > width) width = r.length; // a loop: a spread of 130,000 rows overflows the stack
  // (Looked for in the rows such a block can span: the first 200 or so.)
  const top = grid.cells.slice(0, 210);
  const used = Array.from({ length: width }, (_, c) => c).filter((c) => top.some((r) => text(r[c]?.v ?? null) !== ""));
  if (used.length < width) {
    const compact = vals.map((r) => used.map((c) => r[c] ?? null));
    // (A column past the last used one, the template's blank 得分, lies as far past the last used column of the sheet.)
    const at = (c: number) => used[c] ?? used[used.length - 1]! + (c - used.length + 1);
    const back = (found: ReturnType<typeof headerlessIn>) => (found ? { start: found.start, columns: Object.fromEntries(Object.entries(found.columns).map(([k, c]) => [k, at(c)])) as ColumnMap } : null);
    // A sign column (=, ≥) places the columns more surely than level names: tried first, with and without the spacer.
    return back(headerlessIn(compact, headerAt)) ?? headerlessIn(vals, headerAt) ?? back(headerlessByLevels(compact, headerAt)) ?? headerlessByLevels(vals, headerAt) ?? back(headerlessByPoints(compact, headerAt));
  }
  return headerlessIn(vals, headerAt) ?? headerlessByLevels(vals, headerAt) ?? headerlessByPoints(vals, headerAt);
}

/** The first row with any text, past up to three blank rows at the top. */
function firstFilled(vals: CellValue[][]): number {
  let start = 0;
  while (start < vals.length && start < 3 && (vals[start] ?? []).every((v) => text(v) === "")) start++;
  return start;
}

/** A level's points at the end of its name: `科学决策(10分)`, `绩效目标(10)`, `项目绩效(特性指标70分)`. */
const LEVEL_POINTS = /[(（][^()（）]*?(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/;
const TOTAL_LABEL = /^(?:总分|合计|总计|得分合计|总得分)/;

/**
 * An evaluator's score table cut at its top (一级指标 | 二级指标 | 三级指标 | 分值 | 得分, no target or actual):
 * recognised by two columns of points (a score never above the points beside it) right of the names, and a level
 * whose stated points (`科学决策(10分)`) are exactly the points of the rows under it. Nothing weaker is taken.
 */
function headerlessByPoints(vals: CellValue[][], headerAt: HeaderAt): { start: number; columns: ColumnMap } | null {
  const start = firstFilled(vals);
  if (headerAt(vals, start)) return null;
  const block: CellValue[][] = [];
  for (let r = start; r < vals.length && block.length < 200; r++) {
    const row = vals[r] ?? [];
    const blankRow = (x: CellValue[] | undefined) => (x ?? []).every((v) => text(v) === "");
    // A blank row inside the rows is passed over when they go on below it.
    if (blankRow(row) && block.length > 0 && !blankRow(vals[r + 1])) continue;
    if (blankRow(row) || row.some((v) => TOTAL_LABEL.test(text(v).replace(/\s+/g, "")))) break;
    block.push(row);
  }
  if (block.length < 4) return null;
  let width = 0;
  for (const r of block) if (r.length > width) width = r.length;
  const num = (v: CellValue | undefined) => (typeof v === "number" ? v : typeof v === "string" && /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : null);
  for (let w = 1; w + 1 < width; w++) {
    // Rows with nothing in the name, points and score (a blank row inside, a level's name merged over it) are passed over.
    const rows = block.filter((row) => text(row[w - 1]) !== "" || text(row[w]) !== "" || text(row[w + 1]) !== "");
    if (rows.length < 4) continue;
    // Points and score: numbers or blank; a score never above its points; names beside them in words.
    const fits = rows.every((row) => {
      const p = num(row[w]);
      const sc = num(row[w + 1]);
      if ((p === null && text(row[w]) !== "") || (sc === null && text(row[w + 1]) !== "")) return false;
      if (p !== null && !(p > 0 && p <= 100)) return false;
      if (p !== null && sc !== null && sc > p + 1e-9) return false;
      return text(row[w - 1]) !== "" && num(row[w - 1]) === null;
    });
    if (!fits || rows.filter((row) => num(row[w]) !== null).length < 4) continue;
    if (!levelAddsUp(rows, w)) continue;
    const columns: ColumnMap = { level3: w - 1, weight: w, score: w + 1 };
    if (w - 2 >= 0) columns.level2 = w - 2;
    if (w - 3 >= 0) columns.level1 = w - 3;
    return { start, columns };
  }
  return null;
}

/** Some level left of the names, over two rows or more, states points equal to the sum of its rows' points. */
function levelAddsUp(block: CellValue[][], w: number): boolean {
  for (let c = w - 2; c >= 0 && c >= w - 3; c--) {
    let label = "";
    let points: number | null = null;
    let sum = 0;
    let members = 0;
    const ok = () => points !== null && members >= 2 && Math.abs(sum - points) < 1e-6;
    for (const row of block) {
      const t = text(row[c]);
      if (t !== "" && t !== label) {
        if (ok()) return true;
        label = t;
        const m = LEVEL_POINTS.exec(t.normalize("NFKC"));
        points = m ? Number(m[1]) : null;
        sum = 0;
        members = 0;
      }
      const p = typeof row[w] === "number" ? (row[w] as number) : Number(text(row[w]) || NaN);
      if (Number.isFinite(p)) sum += p;
      members++;
    }
    if (ok()) return true;
  }
  return false;
}

/**
 * Rows at the top of a sheet with no header and no sign column, recognised by the form's own level names: a column of
 * 二级指标 names (数量指标, 质量指标, 社会效益指标 …) on two rows or more, the 一级指标 left of it, then the indicator's
 * name, its target and its actual (the national template's order), and the points after them where they are numbers.
 */
function headerlessByLevels(vals: CellValue[][], headerAt: HeaderAt): { start: number; columns: ColumnMap } | null {
  const start = firstFilled(vals);
  if (headerAt(vals, start)) return null;
  const block: CellValue[][] = [];
  for (let r = start; r < vals.length && block.length < 200; r++) {
    const row = vals[r] ?? [];
    if (!row.some((v) => LEVEL_VALUE.test(text(v)))) break;
    block.push(row);
  }
  if (block.length < 2) return null;
  let width = 0;
  for (const r of block) if (r.length > width) width = r.length;
  let l2 = -1;
  for (let c = 0; c < width && l2 < 0; c++) if (block.filter((row) => LEVEL2_WORD.test(text(row[c]))).length >= 2) l2 = c;
  if (l2 < 0 || l2 + 3 >= width) return null;
  const columns: ColumnMap = { level2: l2, level3: l2 + 1, target: l2 + 2, actual: l2 + 3 };
  if (l2 >= 1) columns.level1 = l2 - 1;
  // Every row names its indicator and states a target; most state an actual.
  if (block.some((row) => text(row[l2 + 1]) === "" || text(row[l2 + 2]) === "" || OP_CELL.test(text(row[l2 + 2])))) return null;
  if (block.filter((row) => text(row[l2 + 3]) !== "").length * 2 < block.length) return null;
  const numbers = (c: number) => block.every((row) => pointsOf(row[c]) !== null);
  if (l2 + 4 < width && numbers(l2 + 4)) columns.weight = l2 + 4;
  if (columns.weight !== undefined && l2 + 5 < width && numbers(l2 + 5)) columns.score = l2 + 5;
  return { start, columns };
}

/** The rows read by their 计算符号 column (=, ≤, ≥, 定性) and the template's order around it. */
function headerlessIn(vals: CellValue[][], headerAt: HeaderAt): { start: number; columns: ColumnMap } | null {
  const start = firstFilled(vals);
  const block: CellValue[][] = [];
  for (let r = start; r < vals.length && block.length < 200; r++) {
    const row = vals[r] ?? [];
    // A row inside them with no figure at all (blank, or only a level's name merged down over it) is passed over when
    // the rows go on below it.
    if (block.length > 0 && !row.some((v) => typeof v === "number" || OP_CELL.test(text(v))) && (vals[r + 1] ?? []).some((v) => OP_CELL.test(text(v)))) continue;
    if (!row.some((v) => OP_CELL.test(text(v)))) break;
    block.push(row);
  }
  if (block.length < 2 || headerAt(vals, start)) return null;
  const width = Math.max(...block.map((r) => r.length));
  let op = -1;
  for (let c = 1; c < width; c++) if (block.every((row) => OP_CELL.test(text(row[c])))) { op = c; break; }
  if (op < 1 || op + 1 >= width) return null;
  const columns: ColumnMap = { level3: op - 1, op, target: op + 1 };
  if (block.some((row) => text(row[op - 1]) === "")) return null;
  let after = op + 1;
  if (block.every((row) => text(row[op + 2]) === "" || /^(?:%|[\u4e00-\u9fa5/]{1,4})$/.test(text(row[op + 2])))) {
    columns.unit = op + 2;
    after = op + 2;
  }
  let weight = -1;
  for (let c = after + 1; c < width; c++) {
    if (block.every((row) => NUMBER_CELL(row[c]) && Number(row[c]) > 0 && Number(row[c]) <= 100)) { weight = c; break; }
  }
  if (weight < 0) return null;
  columns.weight = weight;
  if (weight - 1 > after) columns.actual = after + 1;
  // The template's 得分 right of the 权重, even where that column is blank on every row and past the sheet's last
  // filled column (a table whose scores were never filled in: R14 says so).
  columns.score = weight + 1;
  if (weight + 2 < width) columns.deviation = weight + 2;
  if (op - 2 >= 0) columns.level2 = op - 2;
  if (op - 3 >= 0) columns.level1 = op - 3;
  return columns.actual === undefined ? null : { start, columns };
}
