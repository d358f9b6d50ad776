import { compare, directedCompletion } from "../measure/compare";
import { describeRowDeviation } from "../measure/deviation";
import { pct, pts, round } from "../measure/format";
import { parseActualAgainst, parseMeasure } from "../measure/parse";
import { KNOWN_UNITS } from "../measure/units";
import { readPoints, readRate, writtenDecimals } from "../measure/number";
import type { Preset } from "../rules/presets";
import { applyRule } from "../rules/registry";
import { ruleLabel } from "../rules/describe";
import type { Rule } from "../rules/types";
import { LazyFinding, type FindingCode } from "../findings";
import { centOff, fromWrittenRate } from "./cent";
import { fundView, isMoneyName, type FundFacts } from "./funds";
import { printsNoWeight } from "./levels";
import { isProgressText } from "../data/grades";
import { toSimplified } from "../data/traditional";
import { resolveRule, type RuleTextReader } from "./resolveRule";
import { countedDeduction, figuresInGrounds } from "./grounds";
import type { Finding, IndicatorInput, IndicatorResult, RowStatus, RuleSource, Severity, TableInput } from "./types";

export interface RowOptions {
  preset: Preset;
  tolerance: number;
  readRuleText: RuleTextReader | null;
  /** The budget block's rates and amounts, read on first use (money indicators are read against them: evaluate/funds.ts). */
  funds?: (() => FundFacts | null) | null;
}

/** Largest weight a row may carry: tables score out of 100. */
export const MAX_WEIGHT = 100;

/** The name a row is shown by: 三级指标, else name, else 二级指标, else its code. */
export function rowName(row: IndicatorInput): string {
  const n = row.level3 ?? row.name ?? row.level2 ?? row.code ?? "";
  return hasSpace(n) ? n.replace(/\s+/g, "") : n;
}

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0) return true;
  }
  return false;
}

/**
 * One row's result. The explanation and the deviation text are written only when a face reads them: scoring
 * builds no strings (EVAL.SCORE never shows them; the pane, notes, EVAL.EXPLAIN and the CLI report do).
 */
class RowResult implements IndicatorResult {
  index: number;
  code: string | null;
  name: string;
  level1: string | null;
  level2: string | null;
  weight: number | null = null;
  target: string;
  actual: string;
  completion: number | null = null;
  score: number | null = null;
  reported_score: number | null = null;
  status: RowStatus = "ok";
  met: boolean | null = null;
  rule: Rule | null = null;
  rule_label: string | null = null;
  rule_source: RuleSource | null = null;
  applicable: boolean;
  from_budget?: boolean;
  // Lazy parts (plain fields, not #private: compiled for older targets those become WeakMap look-ups).
  private _explain: (() => string) | null = null;
  private _explanation = "";
  private _deviation: string | null = null;

  constructor(row: IndicatorInput, index: number, name: string) {
    this.index = index;
    this.code = row.code ?? null;
    this.name = name;
    this.level1 = row.level1 ?? null;
    this.level2 = row.level2 ?? null;
    this.target = row.target === null || row.target === undefined ? "" : String(row.target);
    this.actual = row.actual === null || row.actual === undefined ? "" : String(row.actual);
    this.applicable = row.applicable !== false;
  }
  setExplanation(f: () => string): void {
    this._explain = f;
  }
  /** How the score came out, in Chinese. */
  get explanation(): string {
    if (this._explain) {
      this._explanation = this._explain();
      this._explain = null;
    }
    return this._explanation;
  }
  /** Short deviation analysis (偏差分析), worded by the row's outcome (outcome.ts): the one text every face shows. */
  get deviation(): string {
    if (this._deviation === null) this._deviation = describeRowDeviation(this);
    return this._deviation;
  }
  toJSON(): object {
    const { _explain, _explanation, _deviation, ...plain } = this;
    void [_explain, _explanation, _deviation];
    return { ...plain, explanation: this.explanation, deviation: this.deviation };
  }
}

/**
 * Score one indicator row: read its target and actual, resolve its rule, apply it, and explain. Problems in
 * the data become a status and findings, never an exception.
 */
export function scoreIndicator(given: IndicatorInput, index: number, table: TableInput, opts: RowOptions): { result: IndicatorResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const name = rowName(given);
  const at = () => `第 ${index + 1} 项“${name}”`;
  const add = (code: FindingCode, severity: Severity, message: () => string, reported?: number | string | null, recomputed?: number | string | null) =>
    findings.push(new LazyFinding(code, severity, index, message, reported, recomputed));
  // A money indicator (资金支付完成率, 在预算范围内) is read against the budget block: its figures, or its check.
  // (Also where its 评分标准 only says the rate times the points: 预算执行率×分值（预算执行率=全年执行数/全年预算数）.)
  const fund = opts.funds && !given.rule && (!given.rule_text || (/执行率/.test(name) && /^[^；;。]*执行率×(?:分值|权重)/.test(toSimplified(given.rule_text).replace(/[\s*＊]/g, (c) => (c.trim() === "" ? "" : "×"))))) && isMoneyName(name) ? fundView(given, name, opts.funds()) : null;
  // A score table's row with no target or actual cell whose 评分依据 states the figures its formula needs: read from there (said).
  const stated = !fund && blankCell(given.target) && blankCell(given.actual) && given.grounds_text && given.rule_text && opts.readRuleText ? figuresInGrounds(given.grounds_text, given.rule_text, opts.readRuleText) : null;
  const row = fund ? { ...given, target: fund.target, actual: fund.actual } : stated ? { ...given, target: stated.target, actual: stated.actual } : given;
  if (stated) add("grounds-read", "info", () => `${at()}没有指标值和实际完成值栏，按评分依据“${stated.said}”读作${stated.target === null ? "" : `目标 ${stated.target}、`}实际 ${stated.actual}`);
  if (fund?.differs) add("fund-rate-differs", "warning", () => `${at()}${fund.note}`, fund.differs, fund.actual);
  else if (fund) add("fund-from-budget", "info", () => `${at()}${fund.note}`);
  const target = parseMeasure(row.target);
  const read = parseActualAgainst(target, row.actual, `${row.level3 ?? row.name ?? ""}`);
  // The date of an event the indicator is named for (合同签订时间 | 2023年5月12日签订) answers its deadline.
  const named = read.kind === "date" && read.event !== undefined && toSimplified(`${row.level3 ?? row.name ?? ""}`).includes(read.event);
  const actual = named && read.kind === "date" ? { ...read, event: undefined } : read;
  const reportedScore = readPoints(row.reported_score);
  const weightRaw = readPoints(row.weight);
  const base = new RowResult(row, index, name);
  if (fund) base.from_budget = true;
  base.weight = weightRaw !== null && Number.isFinite(weightRaw) && weightRaw > 0 && weightRaw <= MAX_WEIGHT ? weightRaw : null;
  base.reported_score = reportedScore !== null && Number.isFinite(reportedScore) ? reportedScore : null;
  const done = (status: RowStatus, explanation: () => string) => {
    base.status = status;
    base.setExplanation(fund ? () => `${fund.note}；${explanation()}` : explanation);
    return { result: base, findings };
  };
  /**
   * The reported score taken as the evaluator's judgement (shown as such, an info finding), when the row states
   * nothing to compute from (`why`) and the score lies within 0..weight; null otherwise (the row stays as it is).
   */
  /** Where the evaluator's findings may be written: the 评分依据, an actual in words, the 扣分说明. */
  const evidence = () => [row.grounds_text, typeof row.actual === "string" ? row.actual : null, row.deviation_note];
  const judged = (why: string, detail: string) => {
    const rs = base.reported_score;
    const w = base.weight;
    if (rs === null || w === null || rs < 0 || rs > w + 1e-9) return null;
    // A checklist deduction (每发现一项扣1分) whose items the 评分依据 or 扣分说明 counts: the score may be lower (the rule's other
    // conditions), never higher than the count allows.
    const counted = row.rule_text ? countedDeduction(row.rule_text, evidence(), base.weight) : null;
    if (counted && rs > w - counted.deduction + opts.tolerance + 1e-9) {
      const s = Math.max(0, w - counted.deduction);
      base.score = s;
      base.completion = s / w;
      base.met = false;
      base.rule_source = "rule-text";
      base.rule_label = "评分标准：逐项扣分";
      add("deduction-count", "warning", () => `${at()}的评分标准“${counted.clause}”，评分依据写明 ${counted.count}${counted.unit}（“${counted.said}”），应扣 ${pts(counted.deduction)} 分、得 ${pts(s)} 分，报告得分 ${pts(rs)}`, rs, round(s, 2));
      return done("mismatch", () => `评分标准“${counted.clause}”；评分依据写明 ${counted.count}${counted.unit}：得分 = ${pts(w)} − ${counted.count} × ${pts(counted.each)}${counted.deduction < counted.count * counted.each ? "（扣分封顶）" : ""} = ${pts(s)}`);
    }
    base.score = rs;
    base.completion = rs / w;
    base.met = rs >= w - 1e-9;
    base.rule_source = "judgement";
    base.rule_label = "评价人判断";
    add("judged-score", "info", () => `${at()}${why}，报告得分 ${pts(rs)} 按评价人判断采用`);
    return done("ok", () => `${why}（${detail}），按评价人判断的得分 ${pts(rs)} 计`);
  };

  const resolved = resolveRule(row, table, opts.preset, target, opts.readRuleText);
  if (resolved.ok) {
    base.rule = resolved.rule;
    base.rule_label = ruleLabel(resolved.rule);
    base.rule_source = resolved.source;
    if (resolved.rule.type === "notApplicable") {
      base.applicable = false;
      return done("ok", () => "本指标不适用，不计分，其余指标按 100 分折算");
    }
  }

  if (weightRaw === null) {
    // No weight: the row still gets its completion and deviation; it is simply not scored.
    const c = compare(target, actual);
    if (c.ok) {
      base.met = c.met;
      const o = applyRule(resolved.ok ? resolved.rule : opts.preset.byKind.quantity, { target, actual, weight: 1, judgement: row.judgement ?? null, comparison: c });
      if (o.ok) base.completion = o.completion;
      add("no-weight", "info", () => row.shares_weight_above ? `${at()}与上一项二者择其一、共用上一项的权重（分值）：只计算完成情况，不单独计分` : `${at()}未写权重（分值），只计算完成情况，不计分`);
      // A target missed wants its reason whether the row is scored or not: a warning where the table has a column for
      // it left blank; a note where it has none (a 目标完成情况表 inside a report, whose text may give the reasons).
      // Not the second of an 二者择其一 pair (it may be the one not assessed), nor a row whose own rule was not understood.
      if (c.met === false && !row.shares_weight_above && !(hasText(row.rule_text) && !resolved.ok) && !hasText(row.deviation_note) && !hasText((table as { deviation_block?: string }).deviation_block)) {
        const column = (table as { deviation_column?: boolean }).deviation_column === true;
        add("deviation-missing", column ? "warning" : "info", () => `${at()}未达到目标，但未填写偏差原因分析${column ? "" : "（表中没有偏差原因栏，原因可能写在报告正文中）"}`);
      }
      return done("no-weight", () => "未写权重（分值），不计分；完成情况见偏差分析");
    }
    // Not yet filled in a row with no weight: pending, as any blank actual is; the missing weight is said as a note.
    if (c.status === "pending") {
      add("no-weight", "info", () => `${at()}未写权重（分值），实际完成值也未填写：待填写后计算完成情况`);
      return done("pending", () => `${c.reason}；未写权重（分值），不计分`);
    }
    // Units that cannot be compared (37个 against 100%) are the table's inconsistency, weighed or not: said as on a scored row.
    if (!c.ok && c.code === "unit-mismatch" && !row.shares_weight_above && !progressForFigure(base.actual, target)) add("unit-mismatch", "warning", () => `${at()}：${c.reason}`);
    // In a table that prints no weight at all, the row's missing weight is the table's form, not a slip.
    // Nor is it the second of an 二者择其一 pair, which shares the weight above (merged, or by the pair's rule).
    add("weight-missing", printsNoWeight(table) || row.shares_weight_above ? "info" : "warning", () => row.shares_weight_above ? `${at()}与上一项二者择其一、共用上一项的权重（分值），本项不单独计分` : `${at()}未填写权重（分值），无法计算得分`);
    return done("unreadable", () => "权重未填写");
  }
  if (!Number.isFinite(weightRaw) || weightRaw <= 0 || weightRaw > MAX_WEIGHT) {
    const why = Number.isNaN(weightRaw) ? "不是数" : weightRaw <= 0 ? "不是正数" : `大于 ${MAX_WEIGHT}`;
    add("weight-invalid", "error", () => `${at()}的权重“${String(row.weight)}”${why}`);
    return done("unreadable", () => `权重“${String(row.weight)}”${why}`);
  }
  const weight = weightRaw;
  // (Against the weight as written to the cent: a share of 20 over three rows, 6.666…, is 6.67 on the form.)
  if (base.reported_score !== null && base.reported_score > weight + 1e-9 && base.reported_score > round(weight, 2) + 1e-9) {
    const rs = base.reported_score;
    add("score-above-weight", "error", () => `${at()}报告得分 ${pts(rs)} 超过权重 ${pts(weight)}`, rs, weight);
  }

  // An evaluator's score table has no target or actual column: a row with neither (none stated in its remark
  // either) was judged by the evaluator against its 评分标准, and its score is taken as that judgement (said).
  if ((table as { score_only?: boolean }).score_only === true && target.kind === "blank" && actual.kind === "blank") {
    const j = judged("：评分表没有指标值和实际完成值栏", row.rule_text ? "评价人按评分标准评分" : "评价人直接评分");
    if (j) return j;
  }
  if (!resolved.ok) {
    // A rule stated as a criterion for the evaluator's judgement, with the evaluator's score beside it: that
    // score is the judgement (shown as such), so that the table's total can still be checked.
    // A text with figures in it is a formula the reader did not understand: it stays needs-rule, never a guess.
    if (row.rule_text && !hasFigure(row.rule_text)) {
      const j = judged("评分标准未给出计分公式", resolved.reason);
      if (j) return j;
    }
    // A checklist of points (制定方案的得3分，否则不得分；有一项未达要求扣1分) on a row with no target and no actual:
    // nothing to compute from, so the evaluator judged item by item. A formula (=, ×, %, /) stays needs-rule.
    if (row.rule_text && isChecklist(row.rule_text) && base.target === "" && base.actual === "") {
      const j = judged("评分标准为逐项得分、扣分的检查清单，表中没有目标值和实际值", "由评价人按清单逐项判断");
      if (j) return j;
    }
    // A checklist deduction (每发现一例违规扣1分) whose items the row's words count (审计发现1笔差旅费超标准报销): the
    // evaluator's score is taken as the judgement it is, unless it is higher than the count allows (judged says so).
    if (row.rule_text && countedDeduction(row.rule_text, evidence(), base.weight)) {
      const j = judged("的评分标准为逐项扣分", "按评分依据所列问题逐项扣分");
      if (j) return j;
    }
    // A rule not understood as a whole that still says a target met scores full (在职人员控制率≤100%得满分；每超出1%扣0.5分),
    // on a row whose target is met and whose reported score is full or blank: full marks, said. A reported score below full
    // may follow the rule's other conditions (且无事故, 每发现一例扣1分): the evaluator's judgement, never a mismatch. A row not
    // met stays needs-rule: its deduction is the part not read.
    if (row.rule_text && /得满分/.test(row.rule_text)) {
      const c = compare(target, actual);
      const rs = base.reported_score;
      if (c.ok && c.met === true && (rs === null || Math.abs(rs - weight) <= opts.tolerance + 1e-9)) {
        base.score = weight;
        base.completion = 1;
        base.met = true;
        base.rule_label = "评分标准：达到目标得满分";
        const text = row.rule_text.length > 40 ? `${row.rule_text.slice(0, 40)}…` : row.rule_text;
        add("rule-met-full", "info", () => `${at()}的评分标准“${text}”未能完全理解；其中写明达到目标得满分，本行已达到目标，按满分 ${pts(weight)} 复核`);
        return done("ok", () => `评分标准写明达到目标得满分；本行已达到目标：得满分 ${pts(weight)}`);
      }
      if (c.ok && c.met === true) {
        const j = judged("的评分标准未能完全理解，本行已达到目标但报告得分低于满分，可能按评分标准的其他条件扣分", resolved.reason);
        if (j) return j;
      }
    }
    // EVAL cannot score the row until it is given a rule: a to-do for the evaluator (the row shows 需指定规则), not a
    // slip in the table under review.
    add("needs-rule", "info", () => `${at()}：${resolved.reason}`);
    return done("needs-rule", () => resolved.reason);
  }
  /** A scored outcome: the score, the checks against what the table reports, and the explanation. */
  const finish = (outcome: Extract<ReturnType<typeof applyRule>, { ok: true }>, head: () => string) => {
    base.score = outcome.score;
    base.completion = outcome.completion;
    base.met = outcome.met;
    let status: RowStatus = "ok";
    const rs = base.reported_score;
    if (rs !== null && Math.abs(rs - round(outcome.score, 2)) > opts.tolerance + 1e-9) {
      status = "mismatch";
      const s = outcome.score;
      add("score-mismatch", "error", () => `${at()}报告得分 ${pts(rs)}，按规则复核为 ${pts(s)}（相差 ${pts(rs - s)}）`, rs, round(s, 2));
    } else if (rs !== null && centOff(rs, outcome.score, opts.tolerance) && !(typeof row.weight === "number" && fromWrittenRate(row.completion_as_written, row.weight, rs))) {
      const s = outcome.score;
      add("score-rounding", "warning", () => `${at()}报告得分 ${pts(rs)}，按规则复核为 ${pts(s)}，四舍五入到两位小数应为 ${round(s, 2).toFixed(2)}（相差 0.01）`, rs, round(s, 2));
    }
    checkWrittenCompletion(row, outcome.completion, comparison, at, add);
    // (Not on a row read from its 评分依据: the evaluator's own words there say what fell short.)
    if (outcome.met === false && !stated && !hasText(row.deviation_note) && !hasText((table as { deviation_block?: string }).deviation_block)) {
      // A sheet with no column for the reasons (deviation_column false, as read): a note per row, which the table then
      // tells once, naming every such row (evaluate/table.ts), as it does for rows with no weight.
      const none = (table as { deviation_column?: boolean }).deviation_column === false;
      add("deviation-missing", none ? "info" : "warning", () => `${at()}未达到目标，但未填写偏差原因分析${none ? "（表中没有偏差原因栏，原因可能写在报告正文中）" : ""}`);
    }
    return done(status, () => [...outcome.steps().filter((s) => s !== ""), head()].join("；"));
  };
  const comparison = compare(target, actual);
  if (comparison.ok && comparison.kind === "quantity" && comparison.gradeTarget) {
    add("grade-vs-rate", "warning", () => `${at()}目标为定性“${base.target}”，实际完成值却写“${base.actual}”：口径不一致，按目标完成 100% 比较`);
  }
  if (comparison.ok && comparison.kind === "quantity" && comparison.converted) {
    const u = comparison.converted;
    add("unit-converted", "warning", () => `${at()}目标以“${u.target}”计（${base.target}），实际完成值却以“${u.actual}”计（${base.actual}）：计量单位不统一，已换算为 ${comparison.actualShown} 比较`);
  }
  if (comparison.ok && comparison.kind === "quantity" && comparison.dateTarget) {
    add("date-vs-rate", "warning", () => `${at()}目标为期限“${base.target}”，实际完成值只写“${base.actual}”，没有写完成时间：口径不一致，按完成比例比较`);
  }
  // A target in words around a quantity (757万平方米养护全覆盖) answered by a grade (好, 完成): no amount was reported.
  if (comparison.ok && actual.kind === "grade" && target.kind !== "number" && target.kind !== "percent" && target.kind !== "date" && !hasFigure(base.actual) && QUANTITY.test(toSimplified(base.target.normalize("NFKC")))) {
    add("actual-no-figure", "warning", () => `${at()}目标“${base.target}”含有数量，实际完成值只写了“${base.actual}”，没有写实际完成的数量；按定性等级计分`);
  }
  if (!comparison.ok && comparison.code === "unit-mismatch" && !progressForFigure(base.actual, target)) {
    add("unit-mismatch", "warning", () => `${at()}：${comparison.reason}`);
  }
  const outcome = applyRule(resolved.rule, { target, actual, weight, judgement: row.judgement ?? null, comparison, reported: base.reported_score });
  const ruleHead = () => `规则：${base.rule_label}${resolved.paraphrase ? `（按文字理解为：${resolved.paraphrase}）` : resolved.source === "preset" ? `（预设 ${opts.preset.name}）` : ""}`;
  // The row's own 评分标准 counts something (每缺一项扣1分) the words of its target and actual do not give as figures
  // (健全 | 已明确管护主体、建立管护制度，管护经费尚未落实): the evaluator applied it; the reported score is that judgement.
  // (Only a score that agrees with the words: full where they say the target was met, less where they say it was not.)
  if (!outcome.ok && outcome.code === "rule-needs-number" && comparison.ok && comparison.kind === "grade" && resolved.source === "rule-text" && base.reported_score !== null && (comparison.grade === "met") === (base.reported_score >= weight - 1e-9)) {
    const j = judged("的评分标准需按数值计分，目标与实际却是文字", "由评价人按评分标准判断");
    if (j) return j;
  }
  if (!outcome.ok && outcome.code === "rule-needs-number" && comparison.ok && comparison.kind === "grade") {
    // A figure was expected (`≥90万元`) but the actual says only 完成/达到: scored by that grade, and said.
    const graded = applyRule(opts.preset.byKind.qualitative, { target, actual, weight, judgement: row.judgement ?? null, comparison, reported: base.reported_score });
    if (graded.ok) {
      // Only a target with a figure asked for one; two descriptions are simply compared by their grades.
      // (A time limit, 6个月内完成 or 3个工作日内办结, answered 完成 or 按时完成: done within it, nothing missing.)
      const limit = target.kind === "number" && target.op === "<=" && target.unit !== null && TIME_UNIT.test(target.unit);
      if (hasFigure(base.target) && !hasFigure(base.actual) && !limit) add("actual-no-figure", "warning", () => `${at()}目标为数值“${base.target}”，实际完成值只写了“${base.actual}”，没有写数值；按定性等级计分`);
      const said = hasFigure(base.target) && !hasFigure(base.actual) ? `目标为数值，实际只写了“${base.actual}”` : hasFigure(base.actual) ? (comparison.notes[0] ?? `实际“${base.actual}”的数值无法比较`) : "目标与实际均为文字";
      return finish(graded, () => `${said}：按定性等级计（${ruleLabel(opts.preset.byKind.qualitative)}）`);
    }
  }
  if (!outcome.ok && outcome.status === "unreadable" && !hasFigure(base.target) && !hasFigure(base.actual)) {
    // Nothing to compute from (a blank, dash or descriptive target and a descriptive actual): the evaluator judged.
    // A figure on either side is something to compute: then the row stays unreadable, never a judgement.
    const j = judged("的目标与实际无法按数值比较", outcome.reason);
    if (j) return j;
  }
  if (!outcome.ok) {
    if (outcome.code === "actual-blank") {
      add("actual-blank", "info", () => `${at()}实际完成值未填写`);
    } else if (outcome.code !== "unit-mismatch") {
      add(outcome.status === "pending" && outcome.code === "judgement-missing" ? "judgement-missing" : "unreadable", "warning", () => `${at()}：${outcome.reason}`);
    }
    return done(outcome.status, () => `${outcome.reason}。${ruleHead()}`);
  }
  // A deadline missed by a row whose table states no rule for it (the national rule says nothing of delays): a reported
  // score below full and above 0 is the evaluator's deduction for the delay, taken as such; full marks stay a mismatch.
  const rs = base.reported_score;
  if (resolved.source === "preset" && resolved.rule.type === "deadline" && outcome.met === false && comparison.ok && comparison.kind === "date" && rs !== null && rs > 0 && rs < weight - 1e-9) {
    if (!hasText(row.deviation_note) && !hasText((table as { deviation_block?: string }).deviation_block)) add("deviation-missing", (table as { deviation_column?: boolean }).deviation_column === false ? "info" : "warning", () => `${at()}未达到目标，但未填写偏差原因分析`);
    const j = judged(`逾期 ${comparison.daysLate} 天完成，表中没有逾期的扣分规则`, "国家规则未规定逾期如何扣分");
    if (j) return j;
  }
  return finish(outcome, ruleHead);
}

/**
 * Progress given for a figure (已完成100% against 2次 or ≤10万元): the units differ because the actual is not the
 * indicator's value at all. R22 says so once for the table, naming every such row, instead of a unit-mismatch per row.
 */
function progressForFigure(actual: string, target: ReturnType<typeof parseMeasure>): boolean {
  return target.kind === "number" && isProgressText(actual);
}

/** Units of time a limit is written in (24小时内, 3个工作日内, 6个月内). */
const TIME_UNIT = /^(?:个?小时|分钟|天|日|个?工作日|个?月|周|年)$/;

function hasText(s: string | null | undefined): boolean {
  return typeof s === "string" && s.trim() !== "";
}

/** A written completion rate (完成率 column) that does not match the figures, beyond its own rounding. */
function checkWrittenCompletion(
  row: IndicatorInput,
  computed: number | null,
  comparison: ReturnType<typeof compare>,
  at: () => string,
  add: (code: FindingCode, severity: Severity, message: () => string, reported?: number | string | null, recomputed?: number | string | null) => void,
): void {
  const written = row.completion_as_written;
  if (written === null || written === undefined || written === "" || computed === null || !Number.isFinite(computed)) return;
  const w = readRate(written);
  if (w === null || Number.isNaN(w)) return;
  const decimals = writtenDecimals(written);
  // Either completion a table may write is right: the rule's own (B/A for 按照完成比例赋分) or the direction-aware
  // one (A/B for a ≤ target, as EVAL.COMPLETION gives it).
  const directed = comparison.ok && comparison.kind === "quantity" ? directedCompletion(comparison) : null;
  // A bare figure (95 under 完成率(%), the sign left to the header) is the percentage, or the fraction (0.95, 1.0625).
  const bare = !/[%％‰]/.test(String(written));
  const readings = bare ? [{ v: w, tol: 0.5 * 10 ** -decimals + 1e-9 }, { v: w / 100, tol: (0.5 * 10 ** -decimals) / 100 + 1e-9 }] : [{ v: w, tol: (0.5 * 10 ** -decimals) / 100 + 1e-9 }];
  // (A target met or beaten written as 100%: the completion capped at 100%, as many forms ask.)
  const capped = comparison.ok && comparison.met === true && computed >= 1 - 1e-9;
  const fits = (v: number, tol: number) => Math.abs(v - computed) <= tol || (directed !== null && Math.abs(v - directed) <= tol) || (capped && Math.abs(v - 1) <= tol);
  if (!readings.some((x) => fits(x.v, x.tol))) {
    add("rate-mismatch", "warning", () => `${at()}写明完成率 ${String(written)}，按目标和实际计算为 ${pct(computed)}`, String(written), pct(computed));
  }
}

/** A rule text that awards or deducts points item by item and holds no formula. */
function isChecklist(s: string): boolean {
  // 得3分 / 扣1分 / 不得分, or items each with its points in brackets (设有目标(1分) 目标明确(1分) …).
  const items = (s.match(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]/g) ?? []).length;
  return (/得\s*\d+(?:\.\d+)?\s*分|扣\s*\d+(?:\.\d+)?\s*分|不得分|扣完/.test(s) || items >= 2) && !/[=＝×*÷%％/]|计算|公式|比例|比率/.test(s);
}

/**
 * A number with a unit of quantity (平方米, 个, 人次, 万元 …): not a time (6个月, 3个工作日, 月, 天), not points (分), not an
 * ordinal (第3条).
 */
const QUANTITY = new RegExp(`(?<![\\d.第])\\d+(?:\\.\\d+)?\\s*[万亿千]?(?:${KNOWN_UNITS.filter((u) => !/^(?:年|月|日|天|周|小时|分钟|分|工作日|个工作日)$/.test(u)).sort((a, b) => b.length - a.length).join("|")})(?!个?月|个?工作日|季度|小时|星期|周|天|日|年)`);

/** Whether a text holds a figure (a target or rule with numbers is something to compute, never a judgement). */
const blankCell = (v: unknown) => v === null || v === undefined || String(v).trim() === "";

function hasFigure(s: string | null | undefined): boolean {
  return typeof s === "string" && /[0-9０-９%％]/.test(s);
}
