import { toSimplified } from "../data/traditional";
import { TITLE_TOTAL_LABELS, UNIT_INLINE, UNIT_LABEL } from "../data/rows";
import { mayHoldBreakdown } from "../review/breakdown";
import { mayHoldRate } from "../review/textRate";
import { mayHoldYearTypo } from "../review/yearTypo";
import { address, text, type CellValue, type Grid } from "./grid";
import { numberOf } from "./cellText";

/**
 * What stands above (and around) a table: its title, the unit it names, a total or a rating written in the title block
 * or beside the table, and texts that state a sum and its parts.
 */

/** The unit the title block names: the cell after 部门(单位)名称 / 实施单位 …, or 单位名称:XX written in one cell. */
export function unitName(vals: CellValue[][], from: number, before: number): string | null {
  for (let r = Math.max(0, from); r < before; r++) {
    const row = (vals[r] ?? []).map(text);
    for (let c = 0; c < row.length; c++) {
      const written = row[c]!.replace(/\s+/g, "");
      // Labels matched in simplified characters (單位名稱); the name kept as written.
      const t = toSimplified(written);
      const inline = UNIT_INLINE.exec(t);
      if (inline) {
        const start = t.search(/[:：]/) + 1;
        return t.length === written.length ? written.slice(start, start + inline[1]!.length) : inline[1]!;
      }
      if (!UNIT_LABEL.test(t)) continue;
      const next = row.slice(c + 1).find((x) => x.trim() !== "" && x.replace(/\s+/g, "") !== written);
      if (next) return next.trim();
    }
  }
  return null;
}

/** Cells above the header (title block, 年度总体目标) that may hold a sum in words with its parts (review/breakdown.ts). */
export function breakdownTexts(grid: Grid, vals: CellValue[][], from: number, before: number): { cell: string; text: string }[] {
  const out: { cell: string; text: string }[] = [];
  for (let r = Math.max(0, from); r < before; r++) {
    (vals[r] ?? []).forEach((v, c) => {
      if (typeof v !== "string") return;
      // Tested in simplified characters (執行率); kept as written.
      const s = toSimplified(v);
      if (mayHoldBreakdown(s) || mayHoldRate(s) || mayHoldYearTypo(s)) out.push({ cell: address(grid, r, c), text: v });
    });
  }
  return out;
}

/** A rating label (等级, 评级, 评价结果 …) with a rating after it, in its cell (评价等级：差) or a later one on its row. */
const RATING_LABEL = /^(?:评价等级|绩效等级|等级|自评等级|评级|评价结果|自评结果)$/;
const RATING_VALUE = /^(?:优|良|中|差|优秀|良好|中等|合格|不合格|较差)(?:等级)?$/;
const RATING_ANYWHERE = /(?:等级|评级|评价结果|自评结果|评价结论|自评结论)(?:为|是|评定为|评为)?[:：\s]*[“"]?(?:优秀?|良好?|中等?|合格|不合格|差|较差)(?:等级|等)?[”"]?(?:$|[，,。；;、\s)）])/;
export function ratingWritten(vals: CellValue[][], from: number, to: number): boolean {
  for (let r = Math.max(0, from); r < to; r++) {
    const row = (vals[r] ?? []).map((v) => toSimplified(text(v).replace(/\s+/g, "")));
    for (let c = 0; c < row.length; c++) {
      if (RATING_ANYWHERE.test(row[c]!)) return true;
      if (!/(?:等级|评级|评价结果|自评结果|评价结论|自评结论)[:：]?$/.test(row[c]!)) continue;
      const next = row.slice(c + 1).find((t) => t !== "" && t !== row[c]);
      if (next !== undefined && RATING_VALUE.test(next)) return true;
    }
  }
  return false;
}

export function ratingIn(vals: CellValue[][], r: number): { row: number; col: number } | null {
  const row = vals[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    if (RATING_LABEL.test(text(row[c]))) {
      for (let d = c + 1; d < row.length; d++) if (text(row[d]) !== "" && text(row[d]) !== text(row[c])) return { row: r, col: d };
    }
  }
  for (let c = 0; c < row.length; c++) if (RATING_VALUE.test(text(row[c]))) return { row: r, col: c };
  return null;
}

/**
 * A rating written in the title block (自评等级：优 in one cell, or 自评等级 | 优): its cell, when no rating row is found
 * below the table.
 */
export function ratingAbove(vals: CellValue[][], from: number, before: number): { row: number; col: number } | null {
  for (let r = Math.max(0, from); r < before; r++) {
    const row = (vals[r] ?? []).map((v) => toSimplified(text(v).replace(/\s+/g, "")));
    // (Not a row about another year: 上年度绩效评价结果 | 评价等级 | 良.)
    if (row.some((t) => /上年|上一年|以前年度|往年|去年/.test(t))) continue;
    for (let c = 0; c < row.length; c++) {
      if (/^(?:自评|评价|绩效)等级[:：](?:优|良|中|差|优秀|良好|中等|合格|不合格)$/.test(row[c]!)) return { row: r, col: c };
      if (!/^(?:自评|评价|绩效)等级[:：]?$/.test(row[c]!)) continue;
      const d = row.findIndex((t, k) => k > c && t !== "" && t !== row[c]);
      if (d > c && RATING_VALUE.test(row[d]!)) return { row: r, col: d };
    }
  }
  return null;
}

/** `项目总得分 99分` → 99. */
export function totalInText(t: string): number | null {
  const m = /(\d+(?:\.\d+)?)分?$/.exec(t);
  return m ? Number(m[1]) : null;
}

export function totalAbove(grid: Grid, vals: CellValue[][], from: number, before: number): { row: number; col: number } | null {
  for (let r = from; r < before; r++) {
    const row = vals[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = toSimplified(text(row[c]));
      if (t === "" || t.length > 16) continue;
      const label = t.replace(/[(（][^)）]*[)）]$/, "").replace(/[:：]$/, "");
      if (TITLE_TOTAL_LABELS.test(label)) {
        for (let d = c + 1; d < row.length; d++) {
          const v = text(row[d]);
          if (v === "" || v === t) continue;
          return numberOf(grid.cells[r]?.[d]) !== null ? { row: r, col: d } : null;
        }
      }
      const inCell = /^(?:项目)?(?:绩效)?(?:总得分|自评得分|自评总得分|自评总分|总分|综合得分)[:：]?\d+(?:\.\d+)?分?$/.test(t);
      if (inCell) return { row: r, col: c };
    }
  }
  return null;
}

export function findTitle(vals: CellValue[][], from: number, before: number): string {
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
