import type { TableInput } from "../evaluate/types";
import { weightInName } from "../evaluate/levels";
import { amountOf, cellForEngine, numberOf } from "./cellText";
import { amountUnitIn, figureBeforeGarble, readAmount } from "../measure/number";
import { address, continuesAbove, text, type CellValue, type Grid } from "./grid";
import { FUNDS_ROW_LABELS, FUNDS_SUBLABEL } from "../data/funds";
import { toSimplified } from "../data/traditional";
import { APPROPRIATION, budgetRoleOf, normaliseHeader, type BudgetRole } from "./headers";
import type { DetectedTable } from "./detect";

/**
 * The funds block of a table (预算执行情况 / 项目资金): its header and total row, the amounts, rate, 分值 and 得分 as written,
 * its 其中 rows and the 部门整体 form's splits; and a funds row written as labels and amounts above a table.
 */

export function findBudget(grid: Grid, vals: CellValue[][], from: number, before: number): DetectedTable["budget"] {
  for (let r = from; r < before; r++) {
    const row = vals[r] ?? [];
    const columns: Partial<Record<BudgetRole, number>> = {};
    let appropriation: number | undefined;
    const converted = row.some((v) => /折算/.test(text(v)));
    row.forEach((v, c) => {
      const role = budgetRoleOf(text(v), converted);
      if (role === "fullYear" && APPROPRIATION.test(normaliseHeader(text(v)))) appropriation ??= c;
      else if (role && columns[role] === undefined) columns[role] = c;
    });
    if (appropriation !== undefined && columns.initial === undefined && columns.fullYear === undefined) columns.fullYear = appropriation;
    // 福建's 部门整体 form: 年初部门预算安排金额 | 年中调整金额 | 小计 | 年度拨付金额 | 支出实现率(%)⑤=④/③: the form defines its
    // rate as 拨付 over 小计, so there (and only there) those are the budget and the spending.
    if (columns.rate !== undefined && /支出实现率/.test(normaliseHeader(text(row[columns.rate])))) {
      row.forEach((v, c) => {
        const h = normaliseHeader(text(v));
        if (columns.fullYear === undefined && /^小计/.test(h)) columns.fullYear = c;
        else if (columns.executed === undefined && /^(?:年度)?拨付(?:金额|数)/.test(h)) columns.executed = c;
        else if (columns.initial === undefined && /^年初(?:部门)?预算安排/.test(h)) columns.initial = c;
      });
    }
    if ((columns.initial !== undefined || columns.fullYear !== undefined) && columns.executed !== undefined) {
      // The base the form's rate is taken on, where it names one after a deduction (扣除统筹整合资金后预算金额(C) beside
      // 全年预算数(A), rate E/C): that is the budget.
      // (The first column of a merged header, whose text the merge repeats across.)
      const base = row.findIndex((v) => /^扣除.*后(?:预算)?(?:金额|数)/.test(normaliseHeader(text(v))));
      if (base >= 0) columns.fullYear = base;
      for (let d = r + 1; d < before; d++) {
        // A row of column numbers under the header (列次 | 0 | 1 | 2 …) holds no amounts.
        if ((vals[d] ?? []).some((v) => /^(?:列次|栏次|行次)[:：]?$/.test(text(v).replace(/\s+/g, "")))) continue;
        const ex = grid.cells[d]?.[columns.executed];
        // (A figure with a conversion's replacement characters after it, 4,764,453.11?, counts: the evaluator tells it.)
        const a = readAmount(figureBeforeGarble(ex?.v) ?? amountOf(ex ?? null));
        if (a !== null && !Number.isNaN(a.value)) {
          return { headerRow: r, row: d, columns };
        }
      }
      // Amounts lost (or never written) but the rate, 分值 and 得分 are there: the block is read from the rate.
      for (let d = r + 1; d < Math.min(before, r + 3); d++) {
        const rate = columns.rate === undefined ? null : grid.cells[d]?.[columns.rate];
        // (A rate written as text, 100%, as well as a number: a page or a form may give either.)
        const readable = rate !== null && rate !== undefined && (typeof rate.v === "number" || (typeof rate.v === "string" && /^\s*\d+(?:\.\d+)?\s*%\s*$/.test(rate.v.normalize("NFKC"))));
        if (readable && (columns.score !== undefined || columns.weight !== undefined)) return { headerRow: r, row: d, columns };
      }
    }
  }
  return null;
}

export function budgetInput(grid: Grid, vals: CellValue[][], b: NonNullable<DetectedTable["budget"]>): TableInput["budget"] {
  const at = (role: BudgetRole) => (b.columns[role] === undefined ? null : (grid.cells[b.row]?.[b.columns[role]!] ?? null));
  const headerText = toSimplified((vals[b.headerRow] ?? []).map(text).join(" "));
  const inHeader = weightInName(headerText.match(/[(（]\d+(?:\.\d+)?分[)）]/)?.[0] ?? null) ?? (/(\d+)分\*执行率/.exec(headerText) ? Number(/(\d+)分\*执行率/.exec(headerText)![1]) : null);
  // No 分值, no 得分 and no points in the header: the block shows the rate only and carries no points (weight 0).
  // (A figure with a conversion's replacement characters after it, 20.00?, is passed on as written: the evaluator reads it
  // and says so.)
  const garbled = (c: ReturnType<typeof at>) => (c && typeof c.v === "string" && figureBeforeGarble(c.v) !== null ? c.v : null);
  // (A weight typed as a share with a percent format, 0.1 shown as 10%, is 10 of the table's 100 points, as on the rows.)
  const points = (c: ReturnType<typeof at>) => (c && typeof c.v === "number" && (c.fmt ?? "").includes("%") ? Math.round(c.v * 100 * 1e6) / 1e6 : numberOf(c));
  const stated = b.columns.weight === undefined && b.columns.score === undefined && inHeader === null ? 0 : (points(at("weight")) ?? garbled(at("weight")) ?? inHeader);
  const scoreCell = at("score");
  const rate = at("rate");
  // The block's unit: a header such as 项目资金（万元） or 全年预算数（万元）, on the header row or the row's label.
  // (Or the row above a two-row header, left of the amounts: 资金结构（万元） merged down beside them.)
  const labels = (vals[b.headerRow - 1] ?? []).slice(0, Math.min(...Object.values(b.columns))).map(text);
  const unitText = [headerText, ...(vals[b.row] ?? []).slice(0, 2).map(text), ...labels].find((t) => amountUnitIn(t) !== null) ?? null;
  const parts = budgetParts(grid, vals, b);
  const splits = budgetSplits(grid, b);
  const reason = budgetReason(vals, b);
  return {
    ...(reason ? { reason } : {}),
    ...(parts.length ? { parts } : {}),
    ...(splits.length ? { splits } : {}),
    initial: amountOf(at("initial")),
    full_year: amountOf(at("fullYear")),
    executed: amountOf(at("executed")),
    unit: unitText ? amountUnitIn(unitText)!.unit : null,
    weight: stated,
    rate_as_written: rate && rate.v !== null ? String(cellForEngine(rate)) : null,
    // "" marks a 得分 cell that is there and blank (null: the block has no 得分).
    // The total row's own label (年度资金总额; 其中:财政拨款 where that row was blank and the first with amounts is a part).
    label: (vals[b.row] ?? []).slice(0, Math.min(...Object.values(b.columns))).map(text).filter((t) => t !== "").pop() ?? null,
    reported_score: numberOf(scoreCell) ?? garbled(scoreCell) ?? (b.columns.score !== undefined && (scoreCell === null || scoreCell.v === null || text(scoreCell.v) === "") ? "" : null),
  };
}

/**
 * The 部门整体 form's splits of the funds under the block's total row: a cell 按收入性质分:2030.12 heads a column of
 * label:amount cells (其中:一般公共预算:1325.68, 政府性基金拨款:118.82 …), and 按支出性质分:1925.67 another (基本支出,
 * 项目支出). An amount may stand in the cell after its label (按收入性质分： | 2030.12). Read down the head's column, past
 * blank cells, to the first cell that is no label (or another head). A label with nothing after it is a part written
 * blank (0). A side is `partial` (its parts not checked) where a part cannot be read (—, 无, a negative, brackets) or a
 * later 其中 opens a list of sub-parts.
 */
function budgetSplits(grid: Grid, b: NonNullable<DetectedTable["budget"]>): NonNullable<NonNullable<TableInput["budget"]>["splits"]> {
  const out: NonNullable<NonNullable<TableInput["budget"]>["splits"]> = [];
  const from = b.row + 1;
  const last = Math.min(grid.cells.length, from + 15);
  // (Matched in simplified characters: 按收入性質分 is 按收入性质分.)
  const cellText = (r: number, c: number) => toSimplified(text(grid.cells[r]?.[c]?.v ?? null).replace(/\s+/g, ""));
  // The amount after a label that ends in its colon: the next filled cell on the row, when it is a bare amount.
  const after = (r: number, c: number): string | null => {
    for (let x = c + 1; x < Math.min(c + 4, (grid.cells[r] ?? []).length); x++) {
      const t = cellText(r, x);
      if (t === "") continue;
      return /^\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元|亿元)?$/.test(t) ? t : null;
    }
    return null;
  };
  for (let r = from; r < last; r++) {
    (grid.cells[r] ?? []).forEach((_, col) => {
      const head = SPLIT_HEAD.exec(cellText(r, col));
      if (!head) return;
      const side = head[1] === "收入" ? "income" : "expense";
      if (out.some((x) => x.side === side)) return;
      const total = amountIn(head[2] ?? after(r, col));
      const parts: { label: string; amount: number | null }[] = [];
      let partial = total.unit === undefined;
      for (let d = r + 1; d < last; d++) {
        const t = cellText(d, col);
        if (t === "") continue;
        if (SPLIT_HEAD.test(t)) break;
        // 其中 in a cell of its own: the parts stand beside it, in a layout not read here.
        if (/^其中[:：]?$/.test(t)) {
          partial = true;
          continue;
        }
        const m = SPLIT_PART.exec(t);
        if (!m) {
          // A label with something unreadable after it (—, 无, -10, (含教育收费)): the side cannot be added up.
          if (SPLIT_LABEL.test(t)) {
            partial = true;
            continue;
          }
          break;
        }
        if (m[1] && parts.length > 0) partial = true; // 其中 under a part: sub-parts, not parts of the side
        const amount = amountIn(m[3] ?? (m[3] === undefined && /[:：]$/.test(t) ? after(d, col) : null));
        if (amount.unit === undefined || (amount.unit !== null && total.unit !== null && amount.unit !== total.unit)) partial = true;
        parts.push({ label: m[2]!, amount: amount.value });
      }
      out.push({ side, cell: address(grid, r, col), total: total.value, ...(total.unit ? { unit: total.unit } : {}), parts, ...(partial ? { partial: true } : {}) });
    });
  }
  return out;
}
/** An amount as written (2030.12, 1,925.67, 300万元): its value and unit; unit undefined when it is not an amount. */
function amountIn(t: string | null): { value: number | null; unit: string | null | undefined } {
  if (t === null || t === "") return { value: null, unit: null };
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)(万元|元|亿元)?$/.exec(t);
  if (!m) return { value: null, unit: undefined };
  const v = Number(m[1]!.replace(/,/g, ""));
  return Number.isFinite(v) ? { value: v, unit: m[2] ?? null } : { value: null, unit: undefined };
}
const SPLIT_HEAD = /^按(收入|支出)性质分[:：]?(\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元|亿元)?)?$/;
const SPLIT_PART = /^(其中[:：]?)?([\u4e00-\u9fa5]{2,16})[:：](\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元|亿元)?)?$/;

/**
 * A row under the block that gives the reason for its execution (执行率偏低原因 | 因招标流标两次…, 资金未执行原因说明 | …): its
 * text, within the block's rows (up to 8 below its total row), before any indicator header.
 */
function budgetReason(vals: CellValue[][], b: NonNullable<DetectedTable["budget"]>): string | null {
  for (let r = b.row + 1; r < Math.min(vals.length, b.row + 9); r++) {
    const texts = (vals[r] ?? []).map(text).filter((t) => t !== "");
    const at = texts.findIndex((t) => /^(?:预算)?(?:执行率?偏低|未执行|资金未执行|偏差|执行偏差)(?:的)?原因(?:说明|分析)?[:：]?$/.test(toSimplified(t)));
    if (texts.some((t) => /一级指标|三级指标|绩效指标/.test(toSimplified(t)))) return null;
    if (at < 0) continue;
    const said = texts.slice(at + 1).find((t) => t !== texts[at]);
    // (A denial, 不存在执行率偏低情况 or 无, is no reason.)
    return said && !/^(?:无|不存在|没有|\/|—+|-)/.test(toSimplified(said)) ? said : null;
  }
  return null;
}

/** A label and a colon, whatever follows (a part whose amount cannot be read). */
const SPLIT_LABEL = /^(?:其中[:：]?)?[\u4e00-\u9fa5]{2,16}[(（][^)）]*[)）][:：]|^(?:其中[:：]?)?[\u4e00-\u9fa5]{2,16}[:：]./;

/**
 * The budget block's 其中 rows below its total row (其中：财政拨款, 上年结转资金, 其他资金): label, amounts and rate as
 * written, up to the first row that is not one (a blank row, the 年度总体目标 block, a header).
 */
function budgetParts(grid: Grid, vals: CellValue[][], b: NonNullable<DetectedTable["budget"]>): NonNullable<NonNullable<TableInput["budget"]>["parts"]> {
  const out: NonNullable<NonNullable<TableInput["budget"]>["parts"]> = [];
  const first = Math.min(...Object.values(b.columns));
  const cell = (r: number, role: BudgetRole) => (b.columns[role] === undefined ? null : (grid.cells[r]?.[b.columns[role]!] ?? null));
  // The block's own label down its left (项目资金(万元)), merged or written on every row: not a row's label.
  const own = new Set((grid.cells[b.headerRow] ?? []).slice(0, first).map((c) => text(c?.v ?? null)).filter((t) => t !== ""));
  for (let r = b.row + 1; r < Math.min(vals.length, b.row + 14) && out.length < 6; r++) {
    // (The lower half of cells merged down, a table drawn on a finer grid, is passed over. Up to 6 rows of parts.)
    if (continuesAbove(grid, r)) continue;
    // The row's own labels (grid cells: a label merged down the block's left is not repeated here).
    const labels = (grid.cells[r] ?? []).slice(0, first).map((c) => text(c?.v ?? null)).filter((t) => t !== "" && !own.has(t));
    const label = labels[labels.length - 1] ?? "";
    // (A row giving the reason, 执行率偏低原因 | 因招标流标…, ends the parts: budgetReason reads it.)
    if (label === "" || labels.some((t) => /目标|指标|项目资金|预算执行|资金管理|情况说明|性质分|主要任务|任务名称|原因|说明/.test(toSimplified(t)))) break;
    const rate = cell(r, "rate");
    const written = (c: ReturnType<typeof cell>) => (c && c.v !== null && text(c.v) !== "" ? (typeof c.v === "number" ? c.v : text(c.v)) : null);
    const score = written(cell(r, "score"));
    out.push({
      label: label.replace(/^其中[:：]?/, ""),
      // A second 其中 opens a split of the part above (其中:财政拨款, then 其中:中央资金 | 省级资金): from there on the rows are not
      // the total's parts.
      ...(out.length > 0 && (out.some((p) => p.nested) || /^其中/.test(toSimplified(label))) ? { nested: true } : {}),
      initial: amountOf(cell(r, "initial")),
      full_year: amountOf(cell(r, "fullYear")),
      executed: amountOf(cell(r, "executed")),
      rate_as_written: rate && rate.v !== null && text(rate.v) !== "" ? String(cellForEngine(rate)) : null,
      ...(score !== null ? { reported_score: score, weight: written(cell(r, "weight")), score_cell: address(grid, r, b.columns.score!) } : {}),
    });
  }
  return out;
}

/**
 * A funds row above the table (an evaluation's basic information: 计划投资额(万元) | 570 | 实际到位资金(万元) | 398.88 |
 * 实际使用情况(万元) | 395.86), or a transfer payment's 资金情况 (年度金额: | 208万元 | 资金使用情况 | 合计: | 109.8万元): each
 * label followed by its amount. Null unless 计划 (or 年度金额) and 到位 or 使用 are there.
 */
export function fundsRow(vals: CellValue[][], from: number, before: number): { planned: number | string; arrived: number | string | null; used: number | string | null } | null {
  for (let r = from; r < before; r++) {
    const row = vals[r] ?? [];
    const found: Partial<Record<keyof typeof FUNDS_ROW_LABELS, number | string>> = {};
    row.forEach((v, c) => {
      const label = toSimplified(text(v).replace(/\s+/g, ""));
      for (const [k, re] of Object.entries(FUNDS_ROW_LABELS) as [keyof typeof FUNDS_ROW_LABELS, RegExp][]) {
        if (found[k] !== undefined || !re.test(label)) continue;
        const next = row.slice(c + 1).find((x) => text(x) !== "" && !FUNDS_SUBLABEL.test(toSimplified(text(x).replace(/\s+/g, ""))));
        const a = next === undefined ? null : readAmount(next as string | number);
        if (a && !Number.isNaN(a.value) && next !== undefined && next !== null && typeof next !== "boolean") found[k] = next;
      }
    });
    if (found.planned !== undefined && (found.arrived !== undefined || found.used !== undefined)) return { planned: found.planned, arrived: found.arrived ?? null, used: found.used ?? null };
  }
  return null;
}

