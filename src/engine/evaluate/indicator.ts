import { compare } from "../measure/compare";
import { describeDeviation } from "../measure/deviation";
import { pct, pts, round } from "../measure/format";
import { parseActualAgainst, parseMeasure } from "../measure/parse";
import type { Preset } from "../rules/presets";
import { applyRule } from "../rules/registry";
import { ruleLabel } from "../rules/describe";
import { readNumber, readRateText, writtenDecimals } from "./coerce";
import { resolveRule, type RuleTextReader } from "./resolveRule";
import type { Finding, IndicatorInput, IndicatorResult, TableInput } from "./types";

export interface RowOptions {
  preset: Preset;
  tolerance: number;
  readRuleText: RuleTextReader | null;
}

/** The name a row is shown by: 三级指标, else name, else 二级指标, else its code. */
export function rowName(row: IndicatorInput): string {
  return (row.level3 ?? row.name ?? row.level2 ?? row.code ?? "").replace(/\s+/g, "");
}

/**
 * Score one indicator row: read its target and actual, resolve its rule, apply it, and explain. Problems in
 * the data become a status and findings, never an exception.
 */
export function scoreIndicator(row: IndicatorInput, index: number, table: TableInput, opts: RowOptions): { result: IndicatorResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const name = rowName(row);
  const at = `第 ${index + 1} 行“${name}”`;
  const add = (f: Omit<Finding, "indicator">) => findings.push({ ...f, indicator: index });
  const target = parseMeasure(row.target);
  const actual = parseActualAgainst(target, row.actual);
  const reportedScore = readNumber(row.reported_score);
  const weightRaw = readNumber(row.weight);
  const base: IndicatorResult = {
    index,
    code: row.code ?? null,
    name,
    level1: row.level1 ?? null,
    level2: row.level2 ?? null,
    weight: weightRaw !== null && Number.isFinite(weightRaw) ? weightRaw : null,
    target: row.target === null || row.target === undefined ? "" : String(row.target),
    actual: row.actual === null || row.actual === undefined ? "" : String(row.actual),
    completion: null,
    score: null,
    reported_score: reportedScore !== null && Number.isFinite(reportedScore) ? reportedScore : null,
    status: "ok",
    met: null,
    rule: null,
    rule_label: null,
    rule_source: null,
    explanation: "",
    deviation: describeDeviation(target, actual),
    applicable: row.applicable !== false,
  };
  const done = (status: IndicatorResult["status"], explanation: string) => ({ result: { ...base, status, explanation }, findings });

  const resolved = resolveRule(row, table, opts.preset, target, opts.readRuleText);
  if (resolved.ok) {
    base.rule = resolved.rule;
    base.rule_label = ruleLabel(resolved.rule);
    base.rule_source = resolved.source;
    if (resolved.rule.type === "notApplicable") {
      base.applicable = false;
      return done("ok", "本指标不适用，不计分，其余指标按 100 分折算");
    }
  }

  if (weightRaw === null) {
    add({ code: "weight-missing", severity: "warning", message: `${at}未填写权重（分值），无法计算得分` });
    return done("unreadable", "权重未填写");
  }
  if (!Number.isFinite(weightRaw) || weightRaw <= 0) {
    add({ code: "weight-invalid", severity: "error", message: `${at}的权重“${String(row.weight)}”不是正数` });
    return done("unreadable", `权重“${String(row.weight)}”不是正数`);
  }
  const weight = weightRaw;
  if (base.reported_score !== null && base.reported_score > weight + 1e-9) {
    add({ code: "score-above-weight", severity: "error", message: `${at}报告得分 ${pts(base.reported_score)} 超过权重 ${pts(weight)}`, reported: base.reported_score, recomputed: weight });
  }

  if (!resolved.ok) {
    add({ code: "needs-rule", severity: "warning", message: `${at}：${resolved.reason}` });
    return done("needs-rule", resolved.reason);
  }
  const comparison = compare(target, actual);
  if (!comparison.ok && comparison.code === "unit-mismatch") {
    add({ code: "unit-mismatch", severity: "warning", message: `${at}：${comparison.reason}` });
  }
  const outcome = applyRule(resolved.rule, { target, actual, weight, judgement: row.judgement ?? null, comparison });
  const ruleHead = `规则：${base.rule_label}${resolved.paraphrase ? `（按文字理解为：${resolved.paraphrase}）` : resolved.source === "preset" ? `（预设 ${opts.preset.name}）` : ""}`;
  if (!outcome.ok) {
    if (outcome.code === "actual-blank") {
      add({ code: "actual-blank", severity: "info", message: `${at}实际完成值未填写` });
    } else if (outcome.code !== "unit-mismatch") {
      add({ code: outcome.status === "pending" ? outcome.code : "unreadable", severity: "warning", message: `${at}：${outcome.reason}` });
    }
    return done(outcome.status, `${outcome.reason}。${ruleHead}`);
  }
  base.score = outcome.score;
  base.completion = outcome.completion;
  base.met = outcome.met;
  const explanation = [...outcome.steps.filter((s) => s !== ""), ruleHead].join("；");
  let status: IndicatorResult["status"] = "ok";
  if (base.reported_score !== null && Math.abs(base.reported_score - round(outcome.score, 2)) > opts.tolerance + 1e-9) {
    status = "mismatch";
    add({
      code: "score-mismatch",
      severity: "error",
      message: `${at}报告得分 ${pts(base.reported_score)}，按规则复核为 ${pts(outcome.score)}（相差 ${pts(base.reported_score - outcome.score)}）`,
      reported: base.reported_score,
      recomputed: round(outcome.score, 2),
    });
  }
  checkWrittenCompletion(row, outcome.completion, at, add);
  if (outcome.met === false && !(row.deviation_note ?? "").trim()) {
    add({ code: "deviation-missing", severity: "warning", message: `${at}未达到目标，但未填写偏差原因分析` });
  }
  return { result: { ...base, status, explanation }, findings };
}

/** A written completion rate (完成率 column) that does not match the figures, beyond its own rounding. */
function checkWrittenCompletion(row: IndicatorInput, computed: number | null, at: string, add: (f: Omit<Finding, "indicator">) => void): void {
  const written = row.completion_as_written;
  if (written === null || written === undefined || written === "" || computed === null || !Number.isFinite(computed)) return;
  const w = readRateText(written);
  if (w === null || Number.isNaN(w)) return;
  const tol = 0.5 * 10 ** -writtenDecimals(written) / 100 + 1e-9;
  if (Math.abs(w - computed) > tol) {
    add({ code: "rate-mismatch", severity: "warning", message: `${at}写明完成率 ${String(written)}，按目标和实际计算为 ${pct(computed)}`, reported: String(written), recomputed: pct(computed) });
  }
}
