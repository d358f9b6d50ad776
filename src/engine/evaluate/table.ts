import { toSimplified } from "../data/traditional";
import { round } from "../measure/format";
import { presetByName, unknownPresetMessage, type Preset } from "../rules/presets";
import { schemeByName, rate, type RatingScheme } from "./rating";
import { scoreBudget } from "./budget";
import { fundFacts, type FundsBlock } from "./funds";
import { scoreIndicator } from "./indicator";
import { weightsFromFullMarks, weightsFromLevels, weightsFromMetScores, weightsFromScores } from "./levels";
import { compare, directedCompletion } from "../measure/compare";
import { parseActualAgainst, parseMeasure } from "../measure/parse";
import type { IndicatorInput } from "./types";
import { readPoints as readNumber } from "../measure/number";
import type { RuleTextReader } from "./resolveRule";
import type { Finding, IndicatorResult, TableInput, TableResult } from "./types";
import { readRuleText } from "../ruleText";
import { LazyFinding } from "../findings";
import { copyFindings } from "./copies";
import { statusFindings, unitScoreFindings } from "./unitScore";

export interface EvaluateOptions {
  /** Preset name or object; the table's own `preset` wins over this default. */
  preset?: string | Preset;
  /** Largest |reported − recomputed| that is not a mismatch (default 0.01). */
  tolerance?: number;
  ratingScheme?: RatingScheme;
  /** Reader for rule texts (评分规则); rows whose text it cannot read are needs-rule. Default: the engine's reader; null: none. */
  readRuleText?: RuleTextReader | null;
}

/**
 * A table as layout detection hands it over: the JSON table plus what the reader was not sure of (rows it could
 * not place, e.g. a row with only a name where a printed table was cut). With doubts, the checks that need the
 * whole table (weights adding up to 100, the total) are reported as notes, not as findings against the unit.
 * JSON input may give `layout_doubts` too.
 */
export type DetectedTableInput = TableInput & {
  layout_doubts?: string[];
  /** A funds row of an evaluation's basic information (计划投资额 | 实际到位资金 | 实际使用情况): 到位率 is read from it. */
  funds_block?: FundsBlock;
  /** The reasons the table gives once, below its rows (偏差大或目标未完成原因分析 | …): a row's missing reason is not missing. */
  deviation_block?: string;
  /** Cells of text above the table (年度总体目标, 项目概况) holding a sum in words with its parts (共…元，其中…元、…元). */
  texts?: { cell: string; text: string }[];
  /** Header cells written 得分 that the reader took for a level's points (一级指标 | 得分 | 二级指标 | 得分 | … | 得分). */
  points_headed_score?: string[];
  /** The unit the title block names (部门(单位)名称, 实施单位 …), as written. */
  unit_name?: string;
  /** The title block's fields for the unit (单位, 实施单位, 主管部门 …) all blank and no unit named above the table: the first blank one. */
  unit_blank?: { cell: string; label: string };
  /** The cells of the 年度总体目标 block above the table (its goal and what was done), as written. */
  goal_cells?: { cell: string; value: string | number }[];
  /** The items of the 资金管理情况 block (执行准确性 | 不存在执行数偏离预算数较多的问题 | 存在问题), as written ("" when blank). */
  management_claims?: { item: string; cell: string; text: string; problem?: string; problemCell?: string }[];
  /** Cells among the rows holding a template's date placeholder still unfilled ((-年-月-日)), as written, with the indicator they belong to. */
  placeholders?: { cell: string; text: string; indicator?: number }[];
  /** Short texts in the table and its title block with a bracket left unmatched (年度预算资金总额):), as written. */
  stray_brackets?: { cell: string; text: string; which: "open" | "close" }[];
  /** Lists of amounts written line by line (a whole labelled 总额/合计, then 其中 its parts), as read. */
  amount_lists?: { label: string; total: number; cell: string; parts: { label: string; amount: number; cell: string }[] }[];
  /** true when the header has a score (得分) column. */
  score_column?: boolean;
  /** true when a rating (评价等级 | 优 …) is written in or around the table, whether or not it was read as the reported one. */
  rating_written?: boolean;
  /** The address of the 总分/合计 row found under the indicators (its first cell), when one was. */
  total_row?: string;
  /** true when no 总分/合计 row was found under the indicators (a printed table may have been cut before it). */
  no_total_row?: boolean;
  /** Rows the page moved one column to the right (a level-1 name under 二级指标), read one column to the left. */
  shifted_rows?: { cell: string; level: string; indicator: number }[];
  /** The cell holding the reported total (G17; a title block's 自评总分 figure), when one was read. */
  total_cell?: string;
  /**
   * true when the table looks cut short: nothing follows its last indicator row to the end of the sheet but a level name
   * opened with no indicator under it, or nothing at all where the table holds only 产出's levels.
   */
  ends_cut?: boolean;
  /** true for rows read with no header above them (the second page of a printed table): the rows before are elsewhere. */
  starts_mid_form?: boolean;
  /** true for an evaluator's score table with no target or actual column (权重 | 评分结果 only): each score is the evaluator's judgement. */
  score_only?: boolean;
  /** No 实际完成值 column, and the score column is the assessor's (考评得分, 考核得分, 评价得分): an assessment form, not a self-evaluation. */
  assessor_score?: boolean;
  /** The table has a 偏差原因分析 (未完成原因, 扣分原因) column, filled or not. */
  deviation_column?: boolean;
  /** true for a table of targets with no 实际完成值 and no 得分 column (绩效目标表, 评价指标表): nothing to fill in is unfilled. */
  targets_only?: boolean;
  /** Level-1 points a note below the table states (产出指标 50 分 …), by level name, with the note's cell. */
  note_level_weights?: { level: string; weight: number; where: string }[];
};

/** What the reader was not sure of in a table (empty for a table given as data). */
export function layoutDoubts(table: TableInput): string[] {
  const d = (table as DetectedTableInput).layout_doubts;
  return Array.isArray(d) ? d.filter((x) => typeof x === "string") : [];
}

/** What evaluation hands to the review step besides the result. */
export interface Evaluation {
  result: TableResult;
  scheme: RatingScheme;
  tolerance: number;
  naWeight: number;
}

/**
 * Evaluate a whole table: every row's score and explanation, the budget block, the total (full precision;
 * rows that do not apply are left out and the rest rescaled to 100) and the rating. Row-level findings come
 * with the rows; the table-level review is the next step (review/table.ts). Throws only on misuse (an unknown
 * preset name); problems in the data are findings.
 */
export function evaluate(table: TableInput, options: EvaluateOptions = {}): Evaluation {
  const preset = pickPreset(table.preset ?? options.preset);
  const tolerance = options.tolerance ?? 0.01;
  // The table's own scheme (when it names one) wins, then the caller's, then the preset's.
  const scheme = (table.rating_scheme ? schemeByName(table.rating_scheme) : null) ?? options.ratingScheme ?? preset.rating;
  const findings: Finding[] = [];
  const rowOpts = { preset, tolerance, readRuleText: options.readRuleText === undefined ? readRuleText : options.readRuleText, funds: once(() => fundFacts(table)) };
  // Weights the table states only by level (产出指标(60分)), where they follow with certainty: said, never silent.
  const points = (v: unknown) => {
    const n = readNumber(v as string | number | null);
    return n !== null && Number.isFinite(n) ? n : null;
  };
  let fromLevels: Map<number, { weight: number; why: string; fromScores?: true; assumed?: true }> = weightsFromLevels(table.indicators, points, (i) => plainMet(table.indicators[i]!));
  if (fromLevels.size === 0 && table.budget) {
    // Completions are read only for a table with no weight at all (weightsFromScores checks that first).
    fromLevels = weightsFromScores(table.indicators, (i) => plainCompletion(table.indicators[i]!), points(table.budget.weight), points);
    if (fromLevels.size === 0) fromLevels = weightsFromFullMarks(table.indicators, points(table.budget.weight), points);
  }
  if (fromLevels.size === 0) fromLevels = weightsFromMetScores(table.indicators, (i) => plainMet(table.indicators[i]!), table.budget ? points(table.budget.weight) : null, points);
  const indicators = table.indicators.map((given, i) => {
    const inferred = fromLevels.get(i);
    const row = inferred ? { ...given, weight: inferred.weight } : given;
    if (inferred) findings.push({ code: inferred.fromScores ? "weight-from-scores" : inferred.assumed ? "weight-from-met-score" : "weight-from-level", severity: "info", indicator: i, message: `第 ${i + 1} 项${inferred.why}` });
    // Weights implied by scores written to one decimal: a score is checked to that decimal, not to the cent.
    const r = scoreIndicator(row, i, table, inferred?.fromScores ? { ...rowOpts, tolerance: Math.max(tolerance, 0.05) } : rowOpts);
    findings.push(...r.findings);
    return r.result;
  });
  // Figure targets answered in words (达成目标值, 完成) on several rows: one habit, one finding, naming the rows.
  const worded = findings.filter((f) => f.code === "actual-no-figure");
  const wordedRows = new Set(worded.map((f) => f.indicator));
  if (worded.length > 1) {
    const rows = worded.map((f) => f.indicator).filter((i): i is number => i !== null);
    const kept = findings.filter((f) => f.code !== "actual-no-figure");
    findings.length = 0;
    findings.push(...kept);
    const list = rows.map((i) => `第 ${i + 1} 项“${indicators[i]!.actual}”（目标 ${indicators[i]!.target}）`).join("、");
    findings.push(new LazyFinding("actual-no-figure", "warning", rows[0]!, () => `${rows.length} 项目标为数值，实际完成值只写了文字：${list}；按定性等级计分，请填写实际完成数`, undefined, undefined, undefined, rows));
  }
  // Targets missed in a table with no column for the reasons (a 目标完成情况表): one finding naming every such row, since
  // the form asks a reason for each and this table has nowhere to give one.
  const unexplained = findings.filter((f) => f.code === "deviation-missing" && f.severity === "info" && f.indicator !== null);
  if (unexplained.length > 0) {
    const rows = unexplained.map((f) => f.indicator!);
    const kept = findings.filter((f) => !unexplained.includes(f));
    findings.length = 0;
    findings.push(...kept);
    const list = rows.map((i) => `第 ${i + 1} 项“${indicators[i]!.name}”（目标 ${indicators[i]!.target}，实际 ${indicators[i]!.actual}）`).join("、");
    // A table with no 总分 row under it and no 满意度 row, the form's last level, that ends the sheet with nothing but level
    // names after its last row, looks cut short (a page or a preview): the reasons may be in a block below the cut. A note.
    const cut = (table as DetectedTableInput).no_total_row === true && (table as DetectedTableInput).ends_cut === true && !table.indicators.some((r) => /满意/.test(toSimplified(`${r.level1 ?? ""}${r.level2 ?? ""}${r.name ?? ""}`)));
    findings.push(new LazyFinding("deviation-missing", cut ? "info" : "warning", rows[0]!, () => `${rows.length} 项未达到目标：${list}；表中没有偏差原因栏，也未写明原因，请补充偏差原因分析和改进措施（若已写在报告正文中，请核对）${cut ? "（表下未见总分行，表格可能不完整，原因可能写在截断处之后，此项仅供参考）" : ""}`, undefined, undefined, undefined, rows.length > 1 ? rows : undefined));
  }
  unfilledRows(table, indicators, findings);
  // An actual that is the scale itself (好坏, 优良中低差: the template's grades, copied from the target): no result given.
  indicators.forEach((r, i) => {
    if (r.applicable && SCALE_FIRST.includes(r.actual.charAt(0)) && SCALE_CHARS.test(r.actual) && GRADE_SCALE.test(squash(r.actual))) findings.push(new LazyFinding("actual-is-scale", "warning", i, () => `第 ${i + 1} 项“${r.name}”的实际完成值写的是评价档次“${r.actual}”${squash(r.actual) === squash(r.target) ? "（照抄指标值）" : ""}，不是实际评定结果；按字面视为达到目标计分，请写明实际达到哪一档`));
  });
  findings.push(...copyFindings(indicators));
  findings.push(...unitScoreFindings(table.indicators, indicators), ...statusFindings(table.indicators, indicators));
  // Scored rows whose target and actual stand only in unscored parts below them (★补助各类种植面积 | 10 | | | 10, then
  // 红薯种植面积 | | 5.5亩 | 5.5亩): scored from the parts, and told once, since the form wants them on the scored row.
  const parted: number[] = [];
  table.indicators.forEach((r, i) => {
    if ((r.from_parts ?? 0) > 0) parted.push(i);
  });
  if (parted.length) {
    const list = parted.map((i) => `第 ${i + 1} 项“${indicators[i]!.name}”`).join("、");
    findings.push(new LazyFinding("target-in-parts", "warning", parted[0]!, () => `${list}本行未填写指标值和实际完成值，写在下方不计分的分项中：已按各分项中完成最差的一项复核；计分的指标行应写明自己的指标值和实际完成值`, undefined, undefined, undefined, parted.length > 1 ? parted : undefined));
  }
  const ranges = actualsAsRanges(table.indicators);
  if (ranges.length) {
    // One habit, one finding (on its first row): a table that copies its targets into every actual is told once.
    const list = ranges.map((i) => `第 ${i + 1} 项“${indicators[i]!.actual}”`).join("、");
    findings.push(new LazyFinding("actual-is-range", "warning", ranges[0]!, () => `实际完成值写作范围（${list}），${ranges.length > 1 ? "多为照抄指标值，" : ""}不是实际完成的数；${ranges.every((i) => indicators[i]!.met !== false) ? "按字面视为达到目标计分" : ranges.every((i) => indicators[i]!.met === false) ? "按所写的数计分，仍未达到目标" : "按所写的数计分"}。请填写实际完成数（满意度、知晓率填写调查结果）`, undefined, undefined, undefined, ranges.length > 1 ? ranges : undefined));
  }
  // A table with no weights whose targets and actuals are bare numbers adding up to 100 (20, 20, 10 …): the points
  // were written where the target and the actual go, and nothing was measured.
  const bare = (v: unknown) => typeof v === "number" || (typeof v === "string" && /^\s*\d+(?:\.\d+)?\s*$/.test(v));
  const open = table.indicators.filter((r) => r.applicable !== false);
  if (open.length >= 3 && open.every((r) => readNumber((r.weight ?? null) as string | number | null) === null && bare(r.target) && bare(r.actual) && Number(r.target) === Number(r.actual))) {
    const sum = open.reduce((s, r) => s + Number(r.target), 0) + (points(table.budget?.weight ?? null) ?? 0);
    if (Math.abs(sum - 100) < 1e-6) {
      indicators.forEach((r, i) => {
        if (r.applicable) findings.push(new LazyFinding("value-is-points", "warning", i, () => `第 ${i + 1} 项“${r.name}”的指标值和实际完成值都写“${r.target}”，各行合计恰为 100：填的是分值，不是目标值和实际完成情况`));
      });
    }
  }
  // A satisfaction comes from a survey: an actual with no figure at all (完成, 满意) gives no result.
  indicators.forEach((r, i) => {
    // (A row already told its figure target was answered in words is not told twice.)
    if (/满意/.test(toSimplified(r.name)) && r.actual !== "" && !/[0-9０-９]/.test(r.actual) && r.applicable && !wordedRows.has(i)) {
      findings.push(new LazyFinding("actual-no-figure", "warning", i, () => `第 ${i + 1} 项“${r.name}”是满意度，实际完成值只写了“${r.actual}”，没有调查得出的满意度比率`));
    }
  });
  let budget = null;
  if (table.budget) {
    const unitName = (table as DetectedTableInput).unit_name;
    const b = scoreBudget(table.budget, preset.budgetWeight, tolerance, typeof unitName === "string" ? unitName : null);
    budget = b.result;
    findings.push(...b.findings);
  }
  const applicable = indicators.filter((r) => r.applicable);
  const scoredRows = applicable.filter((r) => r.score !== null);
  // The total adds the scores as the sheet shows them (2 decimals), so that it equals a SUM over the score
  // column: a reviewer checking by hand adds what is shown, as the seed tables do (seed 003: 83.13, not 83.12).
  const shown = (x: number | null | undefined) => round(x ?? 0, 2);
  const sum = scoredRows.reduce((s, r) => s + shown(r.score), 0) + shown(budget?.score);
  const complete = scoredRows.length === applicable.length && (budget === null || budget.score !== null);
  const naWeight = indicators.filter((r) => !r.applicable).reduce((s, r) => s + (r.weight ?? 0), 0);
  let total: number | null = null;
  // A budget block with no indicators found under it: its rate and score are checked, the total is not (review says so).
  if (complete && indicators.length > 0) {
    const possible = applicable.reduce((s, r) => s + (r.weight ?? 0), 0) + (budget?.weight ?? 0);
    total = naWeight > 0 && possible > 0 ? (sum * 100) / possible : sum;
  }
  const reportedTotal = readNumber(table.reported_total ?? null);
  const result: TableResult = {
    id: table.id ?? "",
    title: table.title ?? "",
    preset: preset.name,
    budget,
    indicators,
    total,
    partial_total: sum,
    reported_total: reportedTotal !== null && Number.isFinite(reportedTotal) ? reportedTotal : null,
    rating: total === null ? null : rate(total, scheme),
    reported_rating: table.reported_rating ?? null,
    findings,
  };
  return { result, scheme, tolerance, naWeight };
}

/**
 * Rows listed with neither a target nor an actual nor a score, in a table whose other rows were filled in: an
 * indicator set out and left empty (指标4.不合格产品处置率 | | ), a slip, not a row waiting for its actual. Replaces the
 * row's own notes (actual blank, no weight) with one warning.
 */
function unfilledRows(table: TableInput, rows: IndicatorResult[], findings: Finding[]): void {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  // Most tables fill every target: nothing to look for.
  let any = false;
  for (const r of table.indicators) if (blank(r.target) && blank(r.actual)) any = true;
  if (!any) return;
  if ((table as DetectedTableInput).score_only === true || !table.indicators.some((r) => !blank(r.actual))) return;
  const empty = new Set<number>();
  table.indicators.forEach((r, i) => {
    if (r.applicable !== false && blank(r.target) && blank(r.actual) && blank(r.reported_score) && blank(r.rule_text) && blank(r.judgement) && !r.rule) empty.add(i);
  });
  if (empty.size === 0) return;
  const kept = findings.filter((f) => !(f.indicator !== null && empty.has(f.indicator) && (f.code === "actual-blank" || f.code === "no-weight")));
  findings.length = 0;
  findings.push(...kept);
  for (const i of empty) findings.push(new LazyFinding("target-actual-blank", "warning", i, () => `第 ${i + 1} 项“${rows[i]!.name}”列为指标，指标值和实际完成值却都空着（本表其他指标已填写）：无法判断是否完成；不适用的请写明“不适用”`));
}

function pickPreset(p: string | Preset | undefined): Preset {
  if (p && typeof p === "object") return p;
  const found = presetByName(p ?? "national");
  if (!found) throw new Error(unknownPresetMessage(String(p)));
  return found;
}

/** A row's target against its actual, from its own cells (no rule object needed). */
function plainComparison(row: IndicatorInput): ReturnType<typeof compare> {
  const target = parseMeasure(row.target);
  return compare(target, parseActualAgainst(target, row.actual));
}

/** A row's completion from its figures alone (direction-aware, uncapped), or null when it has none. */
function plainCompletion(row: IndicatorInput): number | null {
  const c = plainComparison(row);
  return c.ok && c.kind === "quantity" ? directedCompletion(c) : null;
}

/** Whether a row's target was met, read from its own cells. */
function plainMet(row: IndicatorInput): boolean {
  const c = plainComparison(row);
  return c.ok && c.met;
}

/** A value computed on first call only (most tables have no money indicator: their budget is not read twice). */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/** Rows whose actual is a range (≥80%, 不低于90%: no measurement), by index; a date's 前 or a plain figure is not one. */
function actualsAsRanges(rows: readonly IndicatorInput[]): number[] {
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (typeof row.actual !== "string") return;
    // A range written as such (≥80%), or the target's own words copied into the actual (满意率达95%以上 | 满意率达95%以上).
    const a = row.actual;
    if (!RANGE_START.test(a) && !((a.includes("以") || a.includes("不")) && RANGE_WORDS.test(a)) && !copiedFigure(a, row.target)) return;
    const m = parseMeasure(row.actual);
    if ((m.kind === "number" || m.kind === "percent") && m.op !== null && m.op !== "=") out.push(i);
  });
  return out;
}

const squash = (s: string) => s.replace(/[\s。.，,；;、/]+/g, "");

/** The target's own words, with a figure, written again as the actual (punctuation and spaces aside). */
function copiedFigure(actual: string, target: unknown): boolean {
  if (typeof target !== "string" || Math.abs(actual.length - target.length) > 3 || actual[0] !== target[0]) return false;
  return /\d/.test(actual) && squash(actual) === squash(target);
}
/** A scale of grades written as one word (好坏, 优良中低差, 高中低, 是否): the choices, not a choice. */
const GRADE_SCALE = /^(?:好坏|好差|好中差|优良中低差|优良中差|优良差|高中低|高低|是否|有无)$/;
/** The first characters of the scales above, and only grade characters and separators (cheap tests before squashing). */
const SCALE_FIRST = "好优高是有";
const SCALE_CHARS = /^[好坏差中优良低高是否有无\s、/，,。.]{2,16}$/;
/** A figure with a range word after or before it (95%以上, 200万元以内, 不低于90%). */
const RANGE_WORDS = /\d\s*[%％]?[\u4e00-\u9fa5]{0,3}(?:以上|以下|以内)|不低于|不少于|不超过|不高于/;
const RANGE_START = /^\s*(?:[≥≤><＞＜≧≦]|大于|小于|不低于|不少于|不超过|不高于|不大于|不小于)/;
