import { pct, round } from "../measure/format";
import type { CellValue, Grid } from "../layout/grid";
import { cellWrite, FILL, firstFreeColumns, type CellWrite, type WriteContent, type WritePlan } from "../layout/plan";
import { checkSurvey } from "./check";
import { DEFAULT_POSITIVE, optionKey, surveyRate } from "./rates";
import type { SurveyBlock } from "./layout";
import type { Finding } from "../evaluate/types";

export interface SurveyResult {
  block: SurveyBlock;
  /** The positive share, or null with the reason in `message`. */
  rate: number | null;
  explanation: string;
  findings: Finding[];
  /** The number of valid answers the rate and the shares are taken over. */
  valid: number | null;
}

/**
 * Score a question's table: its positive share and the review of its counts and shares. The valid answers
 * are the question's own 小计 row, else `valid` (the questionnaire's), else the sum of its counts.
 */
export function surveyResult(block: SurveyBlock, positive: string[] = DEFAULT_POSITIVE, valid?: number | null): SurveyResult {
  const q = block.question;
  const base = q.subtotal ?? valid ?? null;
  const r = surveyRate(q, positive, base);
  const total = base ?? q.options.reduce((s, o) => s + (o.count ?? 0), 0);
  const findings = total > 0 ? checkSurvey(q, valid ?? total) : [];
  return r.ok
    ? { block, rate: r.rate, explanation: `正面选项占比 = ${r.explanation}`, findings, valid: r.valid }
    : { block, rate: null, explanation: r.message, findings, valid: base };
}

/**
 * The writes that put survey results beside each question's table: a 正面占比(复核) cell as an
 * EVAL.SURVEYRATE formula (or its value) with the explanation in its note, and for tables with shares, each
 * option's computed share, amber where the written share does not match. Only empty cells get values.
 */
export function surveyPlan(grid: Grid, results: SurveyResult[], positive: string[], mode: "formulas" | "values"): WritePlan {
  const writes: CellWrite[] = [];
  const put = (r: number, c: number, w: WriteContent) => writes.push(cellWrite(grid, r, c, w));
  // The option names are typed in the pane: inside a formula's string literal a quote is doubled, so no text of the
  // user's can end the literal and become formula.
  const positiveArg = positive.join(",").replace(/"/g, '""');
  for (const res of results) {
    const b = res.block;
    const top = b.layout === "options-in-rows" ? b.rows[0]! - 1 : b.rows[0]!;
    const col = firstFreeColumns(grid, top, b.lastRow, 2);
    const note = [res.explanation, ...res.findings.map((f) => `【${f.code}】${f.message}`)].join("\n");
    const indices = b.question.options.map((o, i) => (positive.some((p) => optionKey(p) === optionKey(o.label)) ? i + 1 : 0)).filter(Boolean).join(",");
    const formula = res.rate === null || mode === "values" ? undefined
      : b.layout === "options-in-rows" ? `EVAL.SURVEYRATE(${b.countsRange},"${positiveArg}"${b.subtotalCell ? `,${b.subtotalCell}` : ""})`
      : `EVAL.SURVEYRATE(${b.countsRange},"${indices}"${b.subtotalCell ? `,${b.subtotalCell}` : ""})`;
    const value: CellValue = res.rate === null ? "无法计算" : round(res.rate, 6);
    const fill = res.rate === null ? FILL.unreadable : res.findings.some((f) => f.severity === "error") ? FILL.mismatch : null;
    if (b.layout === "options-in-rows") {
      put(top, col, { value: "正面占比(复核)", bold: true, fill: FILL.header });
      put(b.rows[0]!, col, { value, ...(formula ? { formula } : {}), ...(res.rate !== null ? { numFmt: "0.00%" } : {}), note, fill });
      if (b.shareCol !== null && res.valid) {
        put(top, col + 1, { value: "计算占比", bold: true, fill: FILL.header });
        b.question.options.forEach((o, i) => {
          if (o.count === null) return;
          const computed = o.count / res.valid!;
          const off = o.share !== null && o.share !== undefined && res.findings.some((f) => f.code === "survey-share-mismatch" && f.message.includes(`“${optionKey(o.label)}”`));
          put(b.rows[i]!, col + 1, { value: round(computed, 6), numFmt: "0.00%", ...(off ? { fill: FILL.mismatch, note: `写作 ${pct(o.share!, o.shareDecimals ?? 2)}，按 ${o.count} / ${res.valid} 计算为 ${pct(computed)}` } : {}) });
        });
      }
    } else {
      put(b.rows[0]!, col, { value, ...(formula ? { formula } : {}), ...(res.rate !== null ? { numFmt: "0.00%" } : {}), note, fill });
    }
  }
  return { sheet: grid.sheet, writes, key: `survey:${grid.sheet}` };
}

export interface FeedOptions {
  /** The user saw the actual's old value and the new rate and chose to replace it. Default: false. */
  replace?: boolean;
  /** The table's first and last grid rows: a rate that does not replace the actual goes right of the table. */
  rows?: [number, number];
}

/** What a feed would replace: the actual cell's text, or null when it is empty (then the rate goes straight in). */
export function feedReplaces(grid: Grid, row: number, col: number): string | null {
  const cell = grid.cells[row]?.[col];
  if (!cell) return null;
  if (cell.f) return cell.f;
  return cell.v === null || cell.v === "" ? (cell.note ? "（批注）" : null) : String(cell.v);
}

/**
 * A rate fed into an indicator's 实际完成值. An empty actual gets the rate; a non-empty one is replaced only with
 * `replace` (after the pane showed old and new values); otherwise the rate is written in the same row right of the
 * table (after the four columns a write-back uses), with its explanation in a note, and the actual is left alone.
 */
export function feedPlan(grid: Grid, row: number, col: number, rate: number, explanation: string, opts: FeedOptions = {}): WritePlan {
  const old = feedReplaces(grid, row, col);
  if (old === null || opts.replace) {
    const w = cellWrite(grid, row, col, { value: pct(rate), note: `问卷计算：${explanation}${old !== null ? `\n原值：${old}` : ""}`, ...(old !== null ? { confirmed: true } : {}) });
    return { sheet: grid.sheet, writes: [w], key: `feed:${grid.sheet}!${w.address}` };
  }
  const [top, bottom] = opts.rows ?? [row, row];
  const beside = firstFreeColumns(grid, top, bottom, 5) + 4;
  const w = cellWrite(grid, row, beside, { value: round(rate, 6), numFmt: "0.00%", note: `问卷计算的实际完成值（未替换表中的 ${old}）：${explanation}` });
  return { sheet: grid.sheet, writes: [w], key: `feed:${grid.sheet}!${cellWrite(grid, row, col, {}).address}` };
}
