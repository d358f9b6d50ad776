import { LazyFinding } from "../findings";
import { pts } from "../measure/format";
import { readPoints } from "../measure/number";
import type { Finding, IndicatorInput, IndicatorResult } from "./types";

/**
 * 河北's form scores each row out of 100 (单项指标得分), then converts it by the row's weight share (权重占比, %) into
 * its points (单项指标折算得分 = 单项指标得分 × 权重占比). Two slips of that form are told here:
 * - the converted points not the product of the two (a conversion done by hand), one finding per row;
 * - the weight share written where the score out of 100 goes (25 for a row met in full, which scores 100): the converted
 *   points are then the weight times itself (25 × 25% = 6.25). One habit of the whole column: one finding naming the rows.
 * The converted points against the rule are score-mismatch's, as on any row.
 */
export function unitScoreFindings(inputs: readonly IndicatorInput[], results: readonly IndicatorResult[]): Finding[] {
  const out: Finding[] = [];
  // (Two columns of the same points, 单项得分 beside 得分 on every row: no conversion to check.)
  if (results.every((r, i) => inputs[i]?.unit_score === undefined || inputs[i]?.unit_score === null || readPoints(inputs[i]!.unit_score!) === r.reported_score)) return out;
  const asWeight: { i: number; unit: number; weight: number; due: number }[] = [];
  results.forEach((r, i) => {
    const given = inputs[i]?.unit_score;
    if (given === null || given === undefined || given === "" || !r.applicable) return;
    const unit = readPoints(given);
    const weight = r.weight;
    if (unit === null || !Number.isFinite(unit) || weight === null || !(weight > 0) || weight > 100) return;
    const reported = r.reported_score;
    const converted = (unit * weight) / 100;
    // (Held to the cent, or to half a unit of the last digit written: 33.3 for 33.33 in a form printing one decimal.)
    const decimals = reported === null ? 2 : (String(reported).split(".")[1] ?? "").length;
    if (reported !== null && Math.abs(reported - converted) > (decimals === 1 ? 0.05 : 0.01) + 1e-9) {
      out.push(new LazyFinding("unit-score-conversion", "warning", i, () => `第 ${i + 1} 项“${r.name}”折算得分写作 ${pts(reported)}，按单项指标得分 ${pts(unit)} × 权重占比 ${pts(weight)}% 应为 ${pts(converted)}`, reported, converted));
    }
    // What the row earns out of 100 by its rule: its points over its weight.
    const due = r.score !== null ? (100 * r.score) / weight : null;
    if (due !== null && weight !== 100 && Math.abs(unit - weight) < 1e-9 && Math.abs(unit - due) > 0.5) asWeight.push({ i, unit, weight, due });
  });
  if (asWeight.length) {
    const list = asWeight.map((x) => `第 ${x.i + 1} 项“${results[x.i]!.name}”写 ${pts(x.unit)}（权重占比 ${pts(x.weight)}%，按完成情况应为 ${pts(x.due)}）`).join("、");
    const rows = asWeight.map((x) => x.i);
    out.push(new LazyFinding("unit-score-is-weight", "warning", rows[0]!, () => `单项指标得分应按百分制填写，表中却填了本行的权重占比：${list}；折算得分因此成了权重乘权重（如 ${pts(asWeight[0]!.weight)} × ${pts(asWeight[0]!.weight)}% = ${pts((asWeight[0]!.weight * asWeight[0]!.weight) / 100)}）`, undefined, undefined, undefined, rows.length > 1 ? rows : undefined));
  }
  return out;
}

/**
 * A row the form marks done (单项指标完成情况 | 完成, 是否达标 | 是) whose figures miss its target (98.6% against =100%): the
 * mark says more than the figures. Only a plain mark (完成, 已完成, 达标, 是); a mark of partial or no completion is not read.
 */
export function statusFindings(inputs: readonly IndicatorInput[], results: readonly IndicatorResult[]): Finding[] {
  const out: Finding[] = [];
  results.forEach((r, i) => {
    const said = String(inputs[i]?.status_text ?? "").replace(/\s+/g, "");
    if (!r.applicable || r.met !== false || !/^(?:已|全部)?(?:完成|达标|达到)$|^是$/.test(said)) return;
    out.push(new LazyFinding("status-claims-done", "warning", i, () => `第 ${i + 1} 项“${r.name}”的完成情况写“${said}”，但实际完成值“${r.actual}”未达到指标值“${r.target}”`));
  });
  return out;
}
