import { address, text, type Grid } from "../layout/grid";
import { readShare } from "./check";
import type { SurveyQuestion } from "./types";

/**
 * A question's table found in a sheet. Two layouts are read:
 * - one option per row, as 问卷星 and most reports export it: a question line, a header `选项 | 小计(人数) |
 *   比例(占比)`, the options, and often a `本题有效填写人次` (or 合计) row;
 * - one question per row: a header of option labels (非常满意 | 满意 | 一般 …) and a row of counts per question.
 * Rows and columns are 0-based in the grid; the addresses are the sheet's.
 */
export interface SurveyBlock {
  question: SurveyQuestion;
  layout: "options-in-rows" | "questions-in-rows";
  /** Grid rows of the options (options-in-rows) or the question's row (questions-in-rows). */
  rows: number[];
  labelCol: number;
  /** The count cells: a column (options-in-rows) or a row's columns (questions-in-rows). */
  countCols: number[];
  shareCol: number | null;
  /** The 小计 / 本题有效填写人次 row and its count cell, when there is one. */
  subtotalRow: number | null;
  /** Sheet range of the label and count cells (for EVAL.SURVEYRATE). */
  countsRange: string;
  subtotalCell: string | null;
  /** The row at and below which the block ends (for writing results beside it). */
  lastRow: number;
}

const OPTION_HEADER = /^(选项|答案选项|选项内容|回答选项|答案)$/;
const COUNT_HEADER = /^(小计|人数|频数|份数|数量|计数|回答数|人次|样本数|选择人数|填写人数)(（[^）]*）|\([^)]*\))?$/;
const SHARE_HEADER = /^(比例|占比|百分比|构成比|所占比例|比率)(（[^）]*）|\([^)]*\))?$/;
const TOTAL_ROW = /^(本题有效填写人次|有效填写人次|小计|合计|总计|有效样本|有效问卷)/;
const OPTION_WORDS = /^(非常满意|满意|比较满意|基本满意|一般|不太满意|不满意|非常不满意|很不满意|非常了解|比较了解|基本了解|一般了解|了解|熟悉|不了解|不清楚|完全不了解|非常认可|比较认可|基本认可|认可|不认可)/;
const QUESTION_HEADER = /^(题目|问题|调查内容|调查项目|问卷题目|满意度调查内容|测评内容|指标|项目)$/;

const clean = (v: unknown): string => text(v as never).normalize("NFKC").replace(/\s+/g, "");

function count(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const m = /^(\d+)(人|份|人次|个)?$/.exec(clean(v));
  return m ? Number(m[1]) : null;
}

function share(v: unknown, fmt: string | undefined): { share: number; decimals: number } | null {
  if (typeof v === "number" && Number.isFinite(v)) {
    // A number formatted as a percentage is a fraction; a plain number over 1 is a percentage written without %.
    const decimals = /\.(0+)%/.exec(fmt ?? "")?.[1]?.length ?? (fmt?.includes("%") ? 0 : 2);
    return { share: fmt?.includes("%") || v <= 1 ? v : v / 100, decimals };
  }
  return readShare(text(v as never));
}

function rowText(grid: Grid, r: number): string {
  return (grid.cells[r] ?? []).map((c) => clean(c?.v)).filter(Boolean).join(" ");
}

/** Every question table in the grid, in sheet order. */
export function detectSurveys(grid: Grid): SurveyBlock[] {
  const blocks: SurveyBlock[] = [];
  const used = new Set<number>();
  for (let r = 0; r < grid.cells.length; r++) {
    if (used.has(r)) continue;
    const b = optionsInRows(grid, r) ?? questionsInRows(grid, r);
    if (!b) continue;
    blocks.push(...b);
    for (const x of b) for (let k = r; k <= x.lastRow; k++) used.add(k);
  }
  return blocks;
}

function optionsInRows(grid: Grid, r: number): SurveyBlock[] | null {
  const row = grid.cells[r] ?? [];
  const labelCol = row.findIndex((c) => OPTION_HEADER.test(clean(c?.v)));
  const countCol = row.findIndex((c) => COUNT_HEADER.test(clean(c?.v)));
  if (labelCol < 0 || countCol < 0) return null;
  const shareIdx = row.findIndex((c) => SHARE_HEADER.test(clean(c?.v)));
  const shareCol = shareIdx < 0 ? null : shareIdx;
  // The question: the nearest non-empty line above the header (within three rows), without 第1题：.
  let question = "";
  for (let k = r - 1; k >= Math.max(0, r - 3) && !question; k--) question = rowText(grid, k);
  question = question.replace(/^第\s*\d+\s*题[:：.、]?/, "") || `问题（${address(grid, r, labelCol)} 起）`;
  const rows: number[] = [];
  const q: SurveyQuestion = { question, options: [] };
  let subtotalRow: number | null = null;
  let k = r + 1;
  for (; k < grid.cells.length; k++) {
    const label = clean(grid.cells[k]?.[labelCol]?.v);
    if (!label) break;
    const c = grid.cells[k]?.[countCol];
    if (TOTAL_ROW.test(label)) {
      q.subtotal = count(c?.v);
      subtotalRow = k;
      break;
    }
    const s = shareCol === null ? null : share(grid.cells[k]?.[shareCol]?.v, grid.cells[k]?.[shareCol]?.fmt);
    q.options.push({ label: text(grid.cells[k]?.[labelCol]?.v ?? null).trim(), count: count(c?.v), ...(s ? { share: s.share, shareDecimals: s.decimals } : {}) });
    rows.push(k);
  }
  if (rows.length < 2) return null;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const a = (rr: number, cc: number) => address(grid, rr, cc);
  return [{
    question: q, layout: "options-in-rows", rows, labelCol, countCols: [countCol], shareCol, subtotalRow,
    countsRange: labelCol + 1 === countCol ? `${a(first, labelCol)}:${a(last, countCol)}` : `${a(first, countCol)}:${a(last, countCol)}`,
    subtotalCell: subtotalRow === null ? null : a(subtotalRow, countCol),
    lastRow: subtotalRow ?? last,
  }];
}

function questionsInRows(grid: Grid, r: number): SurveyBlock[] | null {
  const row = grid.cells[r] ?? [];
  const optionCols = row.map((c, i) => (OPTION_WORDS.test(clean(c?.v)) ? i : -1)).filter((i) => i >= 0);
  if (optionCols.length < 3) return null;
  const labelCol = row.findIndex((c) => QUESTION_HEADER.test(clean(c?.v)));
  const qCol = labelCol >= 0 ? labelCol : Math.max(0, optionCols[0]! - 1);
  const totalIdx = row.findIndex((c, i) => i > optionCols[optionCols.length - 1]! && TOTAL_ROW.test(clean(c?.v)));
  const blocks: SurveyBlock[] = [];
  for (let k = r + 1; k < grid.cells.length; k++) {
    const name = clean(grid.cells[k]?.[qCol]?.v);
    const counts = optionCols.map((c) => count(grid.cells[k]?.[c]?.v));
    if (!name || counts.every((c) => c === null)) break;
    const q: SurveyQuestion = {
      question: text(grid.cells[k]?.[qCol]?.v ?? null).trim(),
      options: optionCols.map((c, i) => ({ label: text(row[c]?.v ?? null).trim(), count: counts[i] ?? null })),
      ...(totalIdx >= 0 ? { subtotal: count(grid.cells[k]?.[totalIdx]?.v) } : {}),
    };
    const a = (cc: number) => address(grid, k, cc);
    blocks.push({
      question: q, layout: "questions-in-rows", rows: [k], labelCol: qCol, countCols: optionCols, shareCol: null,
      subtotalRow: totalIdx >= 0 ? k : null,
      countsRange: `${a(optionCols[0]!)}:${a(optionCols[optionCols.length - 1]!)}`,
      subtotalCell: totalIdx >= 0 ? a(totalIdx) : null,
      lastRow: k,
    });
  }
  return blocks.length > 0 ? blocks : null;
}
