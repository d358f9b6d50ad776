import {
  checkSurvey, compare, DEFAULT_RULES, completionOf, parseActualAgainst, cronbachAlpha, describeDeviation, MAX_WEIGHT, parseMeasure, presetByName, ratingOf as rate, readAmount, readPoints, readRuleText,
  readShare, round, ruleByName, runPipeline, sameUnit, schemeByName, scoreBudget, scoreIndicator, surveyRate, unknownPresetMessage,
  type Amount, type DetectedTable, type ReviewRule, type IndicatorResult, type RuleTextReader, type TableResult,
} from "../engine";
import { shownInputs } from "./cellInfo";
import { bad, cellValue, isBlank, na, ok, type Cell, type FnResult } from "./result";

const RANGE_RULES = DEFAULT_RULES.filter((r) => r.id !== "R07");

/** The rule-text reader custom functions use: the engine's, unless replaced (tests, a future reader). */
let ruleTextReader: RuleTextReader | null = readRuleText;
export function useRuleTextReader(reader: RuleTextReader | null): void {
  ruleTextReader = reader;
}

function weightOf(w: Cell): FnResult<number> {
  if (isBlank(w)) return bad("权重未填写（应为正数）");
  const n = typeof w === "boolean" ? NaN : readPoints(w);
  if (n === null || !Number.isFinite(n) || n <= 0) return bad(`权重“${String(w)}”不是正数`);
  if (n > MAX_WEIGHT) return bad(`权重“${String(w)}”大于 ${MAX_WEIGHT}`);
  return ok(n);
}

/** Score one indicator as the engine does for a table row; the row's status becomes the Excel error. */
function evaluateCell(rawTarget: Cell, rawActual: Cell, weight: Cell, rule: Cell, preset: Cell, info: Cell): FnResult<IndicatorResult> {
  const { target, actual } = shownInputs(rawTarget, rawActual, info);
  const w = weightOf(weight);
  if (!w.ok) return w;
  const p = presetByName(isBlank(preset) ? "national" : String(preset));
  if (!p) return bad(unknownPresetMessage(String(preset)));
  const ruleText = isBlank(rule) ? null : String(rule).trim();
  const row = {
    weight: w.value,
    target: cellValue(target),
    actual: cellValue(actual),
    ...(ruleText ? (ruleByName(ruleText) ? { rule: ruleText } : { rule_text: ruleText }) : {}),
  };
  const { result } = scoreIndicator(row, 0, { indicators: [] }, { preset: p, tolerance: 0.01, readRuleText: ruleTextReader });
  switch (result.status) {
    case "pending":
      return na(isBlank(actual) ? "实际完成值未填写" : result.explanation);
    case "unreadable":
    case "needs-rule":
      return bad(result.explanation);
    default:
      return ok(result);
  }
}

/** EVAL.SCORE: the score, rounded to 2 decimals as the sheet shows it. */
export function scoreOf(target: Cell, actual: Cell, weight: Cell, rule: Cell, preset: Cell, info: Cell = null): FnResult<number> {
  const r = evaluateCell(target, actual, weight, rule, preset, info);
  return r.ok ? ok(round(r.value.score ?? 0, 2)) : r;
}

/** EVAL.EXPLAIN: how the score came out, in Chinese. */
export function explainOf(target: Cell, actual: Cell, weight: Cell, rule: Cell, preset: Cell, info: Cell = null): FnResult<string> {
  const r = evaluateCell(target, actual, weight, rule, preset, info);
  return r.ok ? ok(r.value.explanation) : r;
}

/** EVAL.COMPLETION: direction-aware completion rate as a fraction. */
export function completionOfCells(rawTarget: Cell, rawActual: Cell, info: Cell = null): FnResult<number> {
  const { target, actual } = shownInputs(rawTarget, rawActual, info);
  if (isBlank(actual)) return na("实际完成值未填写");
  if (isBlank(target)) return bad("目标值未填写");
  const t = parseMeasure(cellValue(target));
  const c = completionOf(t, parseActualAgainst(t, cellValue(actual)));
  if (!c.ok) return c.status === "pending" ? na(c.reason) : bad(c.reason);
  if (!Number.isFinite(c.value)) return bad("目标值为 0，无法计算完成率");
  return ok(round(c.value, 6));
}

/** EVAL.DEVIATION: a short deviation analysis in the indicator's unit. */
export function deviationOf(rawTarget: Cell, rawActual: Cell, info: Cell = null): FnResult<string> {
  const { target, actual } = shownInputs(rawTarget, rawActual, info);
  if (isBlank(actual)) return na("实际完成值未填写");
  // The same reading and comparison as a table row (a graded actual stands even against a target in words).
  const t = parseMeasure(cellValue(target));
  const a = parseActualAgainst(t, cellValue(actual));
  const c = compare(t, a);
  if (!c.ok) return c.status === "pending" ? na(c.reason) : bad(c.reason);
  return ok(describeDeviation(t, a));
}

/** EVAL.RATING: 优/良/中/差 for a total. */
export function ratingOf(total: Cell, scheme: Cell): FnResult<string> {
  if (isBlank(total)) return na("总分未计算");
  const t = typeof total === "number" ? total : Number(total);
  if (!Number.isFinite(t) || t < 0 || t > 100.0001) return bad(`总分“${String(total)}”应为 0–100 的数`);
  const s = schemeByName(isBlank(scheme) ? null : String(scheme));
  if (!s) return bad(`未知的评级方案“${String(scheme)}”（可用：standard、strict、80-70-60）`);
  return ok(rate(t, s));
}

function money(v: Cell, name: string): FnResult<Amount> {
  if (isBlank(v)) return na(`${name}未填写`);
  const a = typeof v === "boolean" ? null : readAmount(v);
  if (a === null || !Number.isFinite(a.value) || a.value < 0) return bad(`${name}“${String(v)}”不是有效金额`);
  return ok(a);
}

/** Budget and executed amounts in one unit: 100万元 against 800000元 is 80%; 100万元 against a bare 800000 is refused. */
function amounts(budget: Cell, executed: Cell): FnResult<{ b: number; e: number }> {
  const b = money(budget, "预算数");
  if (!b.ok) return b;
  const e = money(executed, "执行数");
  if (!e.ok) return e;
  const pair = sameUnit(b.value, e.value, null);
  if (!pair.ok) return bad(`${pair.reason}；请两者都写单位，或都不写`);
  if (pair.a === 0) return bad("预算数为 0，无法计算执行率");
  return ok({ b: pair.a, e: pair.b });
}

/** EVAL.EXECRATE: executed / budget. */
export function execRateOf(budget: Cell, executed: Cell): FnResult<number> {
  const p = amounts(budget, executed);
  return p.ok ? ok(round(p.value.e / p.value.b, 6)) : p;
}

/** EVAL.BUDGET: the budget-execution score, weight × rate capped at the weight (weight from the preset if omitted). */
export function budgetOf(budget: Cell, executed: Cell, weight: Cell, preset: Cell): FnResult<number> {
  const p = presetByName(isBlank(preset) ? "national" : String(preset));
  if (!p) return bad(unknownPresetMessage(String(preset)));
  const a = amounts(budget, executed);
  if (!a.ok) return a;
  let w = p.budgetWeight;
  if (!isBlank(weight)) {
    const ww = weightOf(weight);
    if (!ww.ok) return ww;
    w = ww.value;
  }
  const r = scoreBudget({ full_year: a.value.b, executed: a.value.e, weight: w }, p.budgetWeight, 0.01).result;
  if (r.score === null) return bad(r.explanation);
  return ok(round(r.score, 2));
}

/** EVAL.TOTAL: the sum of scores; refuses a blank among them and a score above its weight. */
export function totalOf(scores: Cell[][], weights: Cell[][] | null): FnResult<number> {
  const s = scores.flat();
  const w = weights ? weights.flat() : null;
  if (w && w.length !== s.length) return bad(`得分（${s.length} 个）与权重（${w.length} 个）个数不同`);
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const v = s[i];
    if (isBlank(v)) return na(`第 ${i + 1} 个得分为空，表格尚未完成`);
    if (typeof v !== "number") return bad(`第 ${i + 1} 个得分“${String(v)}”不是数`);
    if (w) {
      const wi = w[i];
      if (typeof wi !== "number") return bad(`第 ${i + 1} 个权重“${String(wi)}”不是数`);
      if (v > wi + 1e-9) return bad(`第 ${i + 1} 个得分 ${v} 超过其权重 ${wi}`);
    }
    sum += v;
  }
  return ok(round(sum, 2));
}

/** EVAL.WAVG: fund-weighted average (001 notes 2–3: 以资金额度为权重加权平均). */
export function wavgOf(values: Cell[][], funds: Cell[][]): FnResult<number> {
  const v = values.flat();
  const f = funds.flat();
  if (v.length !== f.length) return bad(`数值（${v.length} 个）与资金额（${f.length} 个）个数不同`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const m = f[i];
    if (isBlank(x) || isBlank(m)) return na(`第 ${i + 1} 项的数值或资金额为空`);
    if (typeof x !== "number" || typeof m !== "number" || m < 0) return bad(`第 ${i + 1} 项的数值或资金额不是有效数字`);
    num += x * m;
    den += m;
  }
  if (den === 0) return bad("资金额合计为 0，无法加权");
  return ok(round(num / den, 6));
}

/** EVAL.PARSE: how a target or actual is read, as rows of [项, 值]. */
export function parseOf(text: Cell): FnResult<(string | number)[][]> {
  const m = parseMeasure(cellValue(text));
  const rows: (string | number)[][] = [["类型 kind", m.kind]];
  switch (m.kind) {
    case "number":
      rows.push(["运算符 op", m.op ?? ""], ["数值 value", m.value], ["单位 unit", m.unit ?? ""]);
      break;
    case "percent":
      rows.push(["运算符 op", m.op ?? ""], ["数值 value", m.value], ["单位 unit", "%"]);
      break;
    case "date":
      rows.push(["运算符 op", m.op ?? ""], ["日期 date", m.shown], ["单位 unit", ""]);
      break;
    case "grade":
      rows.push(["等级 grade", m.grade], ["文字 text", m.shown]);
      break;
    case "multi":
      for (const p of m.parts) rows.push([p.label || "分项", `${p.measure.op ?? ""}${p.measure.shown}`]);
      break;
    case "blank":
      rows.push(["说明 note", "空白：尚未填写"]);
      break;
    case "unreadable":
      return bad(m.reason);
  }
  return ok(rows);
}

/** A range passed to a custom function as a grid (values only: Excel passes no merges or formats). */
function rangeGrid(range: Cell[][]): import("../engine/layout/grid").Grid {
  return {
    sheet: "range",
    origin: { row: 0, col: 0 },
    cells: range.map((row) => row.map((v) => (isBlank(v) ? null : { v: typeof v === "boolean" ? (v ? "是" : "否") : (v as string | number) }))),
    merges: [],
  };
}

function evaluateRange(range: Cell[][], preset: Cell, rulebook: readonly ReviewRule[] = RANGE_RULES): FnResult<{ detected: DetectedTable; result: TableResult }> {
  const p = presetByName(isBlank(preset) ? "national" : String(preset));
  if (!p) return bad(unknownPresetMessage(String(preset)));
  // A range is not the workbook: whether it holds a questionnaire elsewhere cannot be told, so R07 (满意度缺少调查
  // 依据) is left to the pane and the command line, which see every sheet.
  const [t] = runPipeline(rangeGrid(range), { preset: p, readRuleText: ruleTextReader, rulebook, hasSurvey: false });
  if (!t || t.detected.indicatorRows.length === 0) return bad("区域中没有找到指标表：需要含 三级指标/指标名称、权重、目标值、实际完成值 等表头的区域（包含表头行）");
  return ok({ detected: t.detected, result: t.result });
}

/**
 * EVAL.TABLE: a whole table in one call. Spills a header row, one row per indicator (name, completion, score,
 * status, explanation), then 总分 and 等级. A row that cannot be scored shows its status, never a silent 0.
 */
export function tableOf(range: Cell[][], preset: Cell): FnResult<(string | number)[][]> {
  // EVAL.TABLE shows scores, not findings: the rulebook is EVAL.CHECK's.
  const e = evaluateRange(range, preset, []);
  if (!e.ok) return e;
  const { result } = e.value;
  const STATUS: Record<string, string> = { ok: "一致", mismatch: "不符", pending: "未填写", unreadable: "无法识别", "needs-rule": "需指定规则" };
  const out: (string | number)[][] = [["指标", "完成率", "复核得分", "状态", "说明"]];
  if (result.budget) out.push(["预算执行", result.budget.rate === null ? "" : round(result.budget.rate, 6), result.budget.score === null ? "" : round(result.budget.score, 2), "", result.budget.explanation]);
  for (const i of result.indicators) {
    out.push([i.name, i.completion === null || !Number.isFinite(i.completion) ? "" : round(i.completion, 6), i.score === null ? "" : round(i.score, 2), STATUS[i.status] ?? i.status, i.explanation]);
  }
  out.push(["总分", "", result.total === null ? "" : round(result.total, 2), result.total === null ? "未完成" : "", result.total === null ? `已计分部分合计 ${round(result.partial_total, 2)}` : ""]);
  out.push(["等级", "", result.rating ?? "", "", ""]);
  return ok(out);
}

/** EVAL.CHECK: the review findings, one row each: the row in the range (1-based; blank for the table), code, message. */
export function checkOf(range: Cell[][], preset: Cell): FnResult<(string | number)[][]> {
  const e = evaluateRange(range, preset);
  if (!e.ok) return e;
  const { detected, result } = e.value;
  const out: (string | number)[][] = [["行", "代码", "说明"]];
  for (const f of result.findings) out.push([f.indicator === null ? "" : detected.indicatorRows[f.indicator]! + 1, f.code, f.message]);
  if (out.length === 1) out.push(["", "ok", "未发现问题"]);
  return ok(out);
}

function optionsOf(counts: Cell[][]): FnResult<{ label: string; count: number | null }[]> {
  const out: { label: string; count: number | null }[] = [];
  // One row of three or more cells: the counts of one question laid out across (非常满意 | 满意 | 一般 …).
  if (counts.length === 1 && (counts[0]?.length ?? 0) > 2) counts = counts[0]!.map((c) => [c]);
  for (const [i, row] of counts.entries()) {
    const label = row.length >= 2 ? String(row[0] ?? "") : `第${i + 1}项`;
    const c = row.length >= 2 ? row[1] : row[0];
    if (isBlank(c)) {
      out.push({ label, count: null });
      continue;
    }
    const n = typeof c === "number" ? c : Number(c);
    if (!Number.isFinite(n) || n < 0) return bad(`第 ${i + 1} 行人数“${String(c)}”不是有效数字`);
    out.push({ label, count: n });
  }
  return ok(out);
}

/** EVAL.SURVEYRATE: share of valid answers in the positive options. */
export function surveyRateOf(counts: Cell[][], positive: Cell | Cell[][], valid: Cell): FnResult<number> {
  const opts = optionsOf(counts);
  if (!opts.ok) return opts;
  let pos: string[] | undefined;
  // A range of option names, or one cell/text listing them ("非常满意,满意"), or indices ("1,2").
  if (Array.isArray(positive)) pos = positive.flat().filter((v) => !isBlank(v)).flatMap((v) => String(v).split(/[,，、;；\s]+/)).filter(Boolean);
  else if (!isBlank(positive)) pos = String(positive).split(/[,，、;；\s]+/).filter(Boolean);
  if (pos && pos.every((p) => /^\d+$/.test(p))) {
    const idx = pos.map(Number);
    pos = opts.value.filter((_, i) => idx.includes(i + 1)).map((o) => o.label);
  }
  const v = isBlank(valid) ? null : Number(valid);
  if (v !== null && !Number.isFinite(v)) return bad(`有效答卷数“${String(valid)}”不是数`);
  const r = surveyRate({ question: "本题", options: opts.value }, pos, v);
  return r.ok ? ok(round(r.rate, 6)) : bad(r.message);
}

/** EVAL.ALPHA: Cronbach's α of an answer matrix (rows = respondents, columns = items). */
export function alphaOf(answers: Cell[][]): FnResult<number> {
  const m = answers.map((row) => row.map((v) => (typeof v === "number" ? v : isBlank(v) ? null : Number.isFinite(Number(v)) ? Number(v) : null)));
  const a = cronbachAlpha(m);
  return a.ok ? ok(round(a.alpha, 6)) : bad(a.message);
}

/** EVAL.SURVEYCHECK: counts against the sample, shares against counts, shares against 100%. */
export function surveyCheckOf(counts: Cell[][], shares: Cell[][], total: Cell): FnResult<string[][]> {
  const opts = optionsOf(counts);
  if (!opts.ok) return opts;
  const sh = shares.flat();
  if (sh.length !== opts.value.length) return bad(`人数（${opts.value.length} 行）与占比（${sh.length} 行）行数不同`);
  const n = typeof total === "number" ? total : Number(total);
  if (isBlank(total) || !Number.isFinite(n) || n <= 0) return bad("有效问卷数应为正数");
  const options = opts.value.map((o, i) => {
    const s = sh[i];
    if (isBlank(s)) return { ...o, share: null };
    if (typeof s === "number") return { ...o, share: s, shareDecimals: 2 };
    const r = readShare(String(s));
    return { ...o, share: r?.share ?? null, shareDecimals: r?.decimals ?? 2 };
  });
  const findings = checkSurvey({ question: "本题", options }, n);
  return ok(findings.length ? findings.map((f) => [f.code, f.message.replace(/^“本题”：/, "")]) : [["ok", "未发现问题"]]);
}
