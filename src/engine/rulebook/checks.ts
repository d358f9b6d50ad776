import { LazyFinding, type FindingCode } from "../findings";
import { pct, pts } from "../measure/format";
import { rowMeasures } from "../outcome";
import type { Finding, IndicatorInput, IndicatorResult, Severity, TableInput, TableResult } from "../evaluate/types";
import type { ReviewRule, RuleSeverity } from "./rules";
import type { DetectedTableInput } from "../evaluate/table";
import { LOWER_IS_BETTER_NAMES, PAID_STANDARD, PROVIDED_STANDARD } from "../data/rows";
import { fundFacts } from "../evaluate/funds";
import { isProgressText } from "../data/grades";
import { readGrade, withoutDenials } from "../measure/grade";
import { toSimplified } from "../data/traditional";

/** What the checks know beyond the table: whether the workbook holds a questionnaire table. */
export interface RulebookContext {
  hasSurvey: boolean;
}

const SEVERITY: Record<RuleSeverity, Severity> = { 重大: "error", 一般: "warning", 提示: "info" };

export const RULE_CODES: Record<string, FindingCode> = {
  R01: "all-full-marks",
  R02: "benefit-unquantified",
  R03: "target-no-op-unit",
  R04: "cost-direction",
  R05: "quantity-is-money",
  R06: "indicator-repeated",
  R07: "satisfaction-no-survey",
  R08: "outputs-without-spending",
  R09: "target-too-low",
  R10: "deviation-boilerplate",
  R11: "deduction-mismatch",
  R12: "qualitative-deduction-unexplained",
  R13: "quantity-ceiling",
  R14: "self-eval-unfilled",
  R15: "yes-no-figure",
  R16: "target-contradicts-name",
  R17: "cost-above-spending",
  R18: "count-without-figure",
  R19: "rate-name-count-target",
  R20: "output-under-other-level",
  R21: "name-not-indicator",
  R22: "actual-is-progress",
  R23: "management-claim-vs-rate",
  R24: "management-claim-vs-problem",
  R25: "management-blank",
  R26: "budget-underspent-unexplained",
  R27: "met-but-reason-not-done",
  R28: "level-name-typo",
  R29: "target-names-rate",
  R30: "benefit-within-output",
  R31: "percent-implausible",
  R32: "benefit-beyond-output",
};

/** Texts that say nothing as a reason for a missed target. */
const BOILERPLATE = new Set(["无", "/", "／", "—", "-", "——", "无偏差", "无偏差原因", "已完成", "完成", "达到预期", "达到预期目标", "达成预期指标", "无。", "暂无", "不存在偏差"]);
const PLACEHOLDER = /^(?:指标\d*[:：]?|…+|\.+|绩效指标(?:\(\d+分\))?|三级指标)$/;
const SURVEY_WORDS = /问卷|调查|样本|抽样|抽查|访谈|回收/;
/** Quantities of work to be done (R13): a ceiling on them is a floor written the wrong way. */
const PRODUCE = /建设|新建|改造|开展|制作|发放|培训|采购|购置|安装|实施|举办|组织|完成|修建|种植|印制|慰问|救助|补助|受益|覆盖|服务/;
/** Names that ask for none at all (R16): 年内无群体性事件发生, 零事故, 杜绝安全事故. */
const ZERO_NAMES = /无[\u4e00-\u9fa5]{0,10}(?:发生|事件|事故)|零(?:事故|投诉|伤亡|差错)|杜绝/;
/** Counts where fewer is better (R13 leaves them alone). */
const FEWER_BETTER = /事故|投诉|差错|违规|违纪|超标|损失|死亡|发病|上访|逾期|返工|不合格|闲置|案件|风险|隐患|成本|费用|时间|天数|时长/;

/** Names that ask for a count or a size (R18): 修缮建筑数量, 培训人次, 绿化面积. */
const COUNT_NAME = /(?:数量|人数|次数|个数|户数|件数|场次|人次|面积|里程|长度)$/;
/** A figure: an Arabic digit, or a Chinese numeral counting something (三座, 两处, 十二个); not 六 in 六安. */
const FIGURE = /[0-9０-９壹贰叁肆伍陆柒捌玖拾佰仟]|[一二两三四五六七八九十百千万]{2,}|[一二两三四五六七八九十百千万](?:个|座|处|项|次|人|名|位|户|家|份|册|本|部|篇|张|场|轮|届|条|所|间|栋|台|辆|艘|架|套|批|期|组|队|支|株|棵|头|只|匹|种|块|根|公里|千米|米|亩|公顷|吨|平方米)/;
/** A count said to be none (无, 零, 未发生): that is a figure, 0. */
const NONE_SAID = /^(?:无|零|没有|未发生|不发生|杜绝|0)/;
/** Units of a count (R19): a rate's target is never one. */
const COUNT_UNITS = /^(?:个|人|人次|次|户|所|家|座|项|条|台|辆|名|份|场|批|处|间|套|例)$/;
/**
 * A name that is only a period in words (全年, 年度, 上半年, 一季度) (R21). A figure or a date in the name column (2020年,
 * 1-12月, 100万) is name-is-value's (evaluate/copies.ts), which weighs one such row as a note.
 */
const PERIOD_NAME = /^(?:全年度?内?|年度|当年度?|本年度?|上半年|下半年|年内|第?[一二三四1-4]季度|全期|全过程)$/;
/** A rate that is itself a completion or progress (完成率, 执行率, 到位率): progress answers it (R22). */
const PROGRESS_NAME = /完成|进度|执行|实施|到位|拨付|支付|兑现|发放|完工|竣工|开工|建成|使用|落实/;
/** A statement's denials (不存在执行数偏离预算数较多的问题): what follows 不存在, 无, 没有 … up to the next stop (R23). */
const DENIAL = /(?:不存在|未出现|未发生|没有出现|杜绝|无)(?!法)[^，,。；;]{0,20}?(?:的)?(?:问题|情况|现象)|(?:无|没有)(?:偏离|偏差|差异|滞后|结余)/g;
/** What a statement admits once its denials are taken out (执行率较低, 存在偏离): then it does not claim accuracy. */
const ADMITS = /偏离|偏差|较低|偏低|滞后|较慢|缓慢|未(?:完成|达到|执行|到位|支付|支出)|尚未|差距|不足|存在问题|结转|结余|剩余|跨年|明年|下年|无法|没有按|差异|未完工|慢于|进度慢|未使用|未拨付|建设中|在建|尚在|施工中/;
/** Words of a statement that says the money was executed as budgeted. */
const CLAIMS = /不存在|未出现|准确|按要求|按计划|符合|一致|到位|严格/;
/** The 资金管理情况 items layout read above the table (none for a table given as data without them). */
const managementItems = (table: TableInput) => {
  const items = (table as DetectedTableInput).management_claims;
  return Array.isArray(items) ? items.filter((c) => c && typeof c.item === "string" && typeof c.cell === "string" && typeof c.text === "string") : [];
};
/** A statement that says the thing was done as it should be (不存在…偏离…, 及时分解下达), admitting nothing. */
const claimsDone = (text: string) => {
  const said = toSimplified(squash(text));
  const rest = said.replace(DENIAL, "");
  return said !== "" && !ADMITS.test(rest) && (rest !== said || CLAIMS.test(said) || readGrade(said) === "met");
};
/** A reason that speaks of the money (资金未及时拨付, 结余, 结转, 支付进度) or of work carried into next year (部分项目延续至下年): it explains the spending too (R26). */
const MONEY_REASON = /资金|预算|执行|支付|拨付|结余|结转|采购|招标|决算|(?:延续|延|顺延|转)至?(?:下一?年|次年|\d{4}年)|延期|推迟|跨年度?(?:实施|完成|项目)/;
/** A reason that says the work is not done (未完成, 尚未, 待审核后将尽快实施, 正在建设) (R27). */
const NOT_DONE = /未完成|尚未(?:完成|实施|开工|验收|建成|完工|到位)|没有完成|未开工|未验收|未实施|待.{0,30}后.{0,8}(?:实施|开展|完成|建设|施工|开工)|正在(?:实施|建设|施工)/;
/** A clause about another year or the next stage (下一步, 二期, 明年, 上年未完成的): not about this row's work (R27). */
const OTHER_STAGE = /下一步|继续|二期|明年|下年|今后|以后|上年|往年|以前年度/;
/** Measures to take (避免下达滞后, 防止资金结余): what is to be avoided, not a problem found (R24). */
const MEASURE = /(?:避免|防止|杜绝|确保|进一步|加强|加快)[^，,。；;]*/g;
/** A row's name without a trailing bracket or full stop (覆盖率（%）, 修缮建筑数量。). */
const bareName = (r: Row) => squash(r.result.name).replace(/[。.,，]+$/, "").replace(/[(（][^)）]*[)）]$/, "");
const clip = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

type Row = { input: IndicatorInput; result: IndicatorResult };

/** A text as the checks match it: no spaces, traditional characters simplified (滿意度 is 满意度). */
const squash = (s: string | null | undefined) => toSimplified((s ?? "").replace(/\s+/g, ""));
const isBenefit = (r: Row) => /效益/.test(squash(r.input.level1) + squash(r.input.level2)) && !/满意/.test(squash(r.input.level2) + r.result.name);
const isOutput = (r: Row) => /产出/.test(squash(r.input.level1));
const at = (r: Row) => `第 ${r.result.index + 1} 项“${r.result.name}”`;

/** The money's execution rate: the budget block's, else a funds row's 使用 over 年度金额 or 到位 (said with its basis). */
function spending(table: TableInput, result: TableResult, below: number): { rate: number; said: string } | null {
  const under = `低于 ${pct(below, 0)}`;
  if (result.budget?.rate !== null && result.budget?.rate !== undefined) return { rate: result.budget.rate, said: `预算执行率仅 ${pct(result.budget.rate)}（${under}）` };
  const e = fundFacts(table)?.execution;
  return e ? { rate: e.rate, said: `${e.what.replace(/（.*$/, "")}仅 ${pct(e.rate)}（${e.shown.replace(/ = .*$/, "")}，${under}）` } : null;
}

/** A hit may be raised above its rule's severity (never below it): R09 at ten times the target. */
type Check = (rows: Row[], table: TableInput, result: TableResult, rule: ReviewRule, ctx: RulebookContext) => { indicator: number | null; message: () => string; rows?: number[]; atLeast?: RuleSeverity }[];

const RANK: Record<RuleSeverity, number> = { 提示: 0, 一般: 1, 重大: 2 };

const CHECKS: Record<string, Check> = {
  R01: (rows, table, result, rule) => {
    // "Every indicator" needs the whole table: a printed table cut before its 总分 row, or rows the reader could not
    // place, may hide indicators that were not at full marks.
    const t = table as DetectedTableInput;
    if ((t.layout_doubts?.length ?? 0) > 0 || t.no_total_row === true) return [];
    const scored = rows.filter((r) => r.result.applicable && r.result.weight !== null);
    if (scored.length < 3 || !scored.every((r) => r.result.reported_score !== null && r.result.reported_score >= r.result.weight! - 0.005)) return [];
    const spent = spending(table, result, rule.thresholds.executionBelow!);
    const rate = spent?.rate ?? null;
    const lowSpend = rate !== null && rate < rule.thresholds.executionBelow!;
    const missed = scored.filter((r) => r.result.met === false);
    if (!lowSpend && missed.length === 0) return [];
    // (The rows missed are named: the finding is about them too.)
    return [{ indicator: null, ...(missed.length ? { rows: missed.map((r) => r.result.index) } : {}), message: () => `全部 ${scored.length} 个指标自评满分，但${[lowSpend ? spent!.said : "", missed.length ? `按规则复核有 ${missed.length} 项未完成目标（${missed.slice(0, 3).map((r) => r.result.name).join("、")}${missed.length > 3 ? "等" : ""}）` : ""].filter(Boolean).join("，")}，自评可能流于形式` }];
  },
  R02: (rows) => rows.filter((r) => isBenefit(r) && squash(r.result.target) !== "").flatMap((r) => {
    const m = rowMeasures(r.result).target;
    return m.kind === "grade" ? [{ indicator: r.result.index, message: () => `${at(r)}是效益指标，指标值“${r.result.target}”只有定性描述，无法衡量；宜量化（如“≥95%”“≥1000 人次”）` }] : [];
  }),
  R03: (rows) => rows.flatMap((r) => {
    const m = rowMeasures(r.result).target;
    return m.kind === "number" && m.op === null && m.unit === null ? [{ indicator: r.result.index, message: () => `${at(r)}的指标值“${r.result.target}”没有运算符和计量单位，看不出是上限还是下限、以什么计` }] : [];
  }),
  R04: (rows) => rows.flatMap((r) => {
    // (A standard to be paid, 生均公用经费标准 ≥720元, is a floor: what each is owed.)
    if (!/成本/.test(squash(r.input.level2) + r.result.name) || PAID_STANDARD.test(toSimplified(squash(r.result.name))) || PROVIDED_STANDARD.test(toSimplified(squash(r.result.name)))) return [];
    const m = rowMeasures(r.result).target;
    // A rate under 社会成本 or 生态环境成本 (废弃物资源化利用率 ≥80%) is no money spent: only amounts, or a rate of spending.
    if (m.kind === "percent" && !/成本|费|支出|价|投资|资金/.test(toSimplified(squash(r.result.name)))) return [];
    return (m.kind === "number" || m.kind === "percent") && (m.op === ">=" || m.op === ">") ? [{ indicator: r.result.index, message: () => `${at(r)}是成本指标，指标值写作“${r.result.target}”（下限）；成本指标应为上限（≤）` }] : [];
  }),
  R13: (rows) => rows.flatMap((r) => {
    const name = squash(r.result.name);
    if (!/数量/.test(squash(r.input.level2)) || !PRODUCE.test(name) || LOWER_IS_BETTER_NAMES.test(name) || FEWER_BETTER.test(name)) return [];
    const m = rowMeasures(r.result).target;
    return m.kind === "number" && (m.op === "<=" || m.op === "<") ? [{ indicator: r.result.index, message: () => `${at(r)}是要完成的数量，指标值却写作“${r.result.target}”（上限）：少做甚至不做也算达标；应为“≥”` }] : [];
  }),
  R14: (rows, table) => {
    // A table of targets (no 实际完成值, no 得分 column) has nothing to fill in.
    if ((table as DetectedTableInput).targets_only === true) return [];
    // Nor a form with no 实际完成值 column whose score is an assessor's (考评得分 left for the assessor): not a self-evaluation.
    if ((table as DetectedTableInput).assessor_score === true) return [];
    const applicable = rows.filter((r) => r.result.applicable);
    const weighed = applicable.filter((r) => r.result.weight !== null);
    // A table that prints no weight at all (the old 云南 form) is unfilled all the same when no row has an actual or a score.
    const judged = weighed.length > 0 ? weighed : applicable;
    const blank = (r: Row) => squash(String(r.input.actual ?? "")) === "" && (r.input.reported_score === null || r.input.reported_score === undefined || squash(String(r.input.reported_score)) === "");
    if (judged.length === 0) return [];
    // About the whole table (indicator null: the issue list links it to the table's header), naming every blank row.
    if (judged.every(blank)) return [{ indicator: null, rows: judged.map((r) => r.result.index), message: () => `全部 ${judged.length} 个${weighed.length > 0 ? "有分值的" : ""}指标都没有填写实际完成值和自评得分：自评表尚未填写` }];
    // Actuals written but no score anywhere, the 合计 row giving the points and no total (铁路 tail: 100 | blank): the
    // evaluation was done and not scored. Only where a total row was seen (a table cut above it may score below; a table
    // given as data says nothing of one) and
    // for a table that scores (weights printed; no evaluator's score-only form).
    const t = table as DetectedTableInput;
    // A form with no 得分 column cannot be scored in the table: not the unit's slip.
    if (weighed.length === 0 || typeof t.total_row !== "string" || t.score_only === true || t.score_column !== true) return [];
    const scored = (r: Row) => r.input.reported_score !== null && r.input.reported_score !== undefined && squash(String(r.input.reported_score)) !== "";
    const filled = weighed.filter((r) => squash(String(r.input.actual ?? "")) !== "");
    // (A total of 0 over no score at all is a =SUM of blanks: no total written.)
    const totalWritten = table.reported_total !== null && table.reported_total !== undefined && squash(String(table.reported_total)) !== "" && Number(table.reported_total) !== 0;
    if (weighed.some(scored) || filled.length === 0 || totalWritten) return [];
    if (table.budget && table.budget.reported_score !== null && table.budget.reported_score !== undefined && squash(String(table.budget.reported_score)) !== "") return [];
    return [{ indicator: null, rows: weighed.map((r) => r.result.index), message: () => `${filled.length} 个指标填了实际完成值，但全部 ${weighed.length} 个有分值的指标都没有自评得分，合计行也没有总分：自评尚未打分` }];
  },
  R15: (rows) => rows.flatMap((r) => {
    if (!/^(?:指标\d*[:：])?是否/.test(r.result.name)) return [];
    const bare = (v: unknown) => typeof v === "number" || (typeof v === "string" && /^\d+(?:\.\d+)?$/.test(v.trim()));
    const which = bare(r.input.target) ? `指标值“${r.result.target}”` : bare(r.input.actual) ? `实际完成值“${r.result.actual}”` : "";
    if (!which) return [];
    const copied = r.result.weight !== null && Number(r.input.target) === r.result.weight ? `，与本行分值 ${r.result.weight} 相同，疑为误填分值` : "";
    return [{ indicator: r.result.index, message: () => `${at(r)}是“是否”类指标，${which}却是不带单位的数字${copied}；应写“是/否”` }];
  }),
  R16: (rows) => rows.flatMap((r) => {
    if (!ZERO_NAMES.test(squash(r.result.name))) return [];
    const m = rowMeasures(r.result).target;
    const allows = m.kind === "number" && ((m.op === "<=" && m.value >= 1) || (m.op === "<" && m.value > 1));
    return allows ? [{ indicator: r.result.index, message: () => `${at(r)}的名称要求零发生，指标值“${r.result.target}”却允许发生；指标值应为“0”或“无”` }] : [];
  }),
  R18: (rows) => rows.flatMap((r) => {
    const target = squash(r.result.target);
    const actual = squash(r.result.actual);
    if (!COUNT_NAME.test(bareName(r)) || target === "" || actual === "" || FIGURE.test(target) || FIGURE.test(actual)) return [];
    if (FEWER_BETTER.test(r.result.name) || NONE_SAID.test(target) || NONE_SAID.test(actual)) return [];
    if (rowMeasures(r.result).target.kind === "blank") return [];
    return [{ indicator: r.result.index, message: () => `${at(r)}问的是数量，指标值${target === actual ? "与实际完成值同为" : "和实际完成值都只写了"}文字${target === actual ? `“${clip(r.result.target)}”` : ""}，没有一个数：完成了多少无从核对` }];
  }),
  R19: (rows) => rows.flatMap((r) => {
    if (!/率$/.test(bareName(r))) return [];
    const m = rowMeasures(r.result).target;
    return m.kind === "number" && m.unit !== null && COUNT_UNITS.test(m.unit) ? [{ indicator: r.result.index, message: () => `${at(r)}名称是比率，指标值却是“${m.shown}”（个数）：口径不一致，宜写作比率（如“100%”）或改名为数量指标` }] : [];
  }),
  R20: (rows) => {
    const wrong = rows.filter((r) => /^(?:数量|质量|时效|成本)(?:指标)?$/.test(squash(r.input.level2)) && /^(?:项目)?(?:决策|过程|投入)/.test(squash(r.input.level1)));
    if (wrong.length === 0) return [];
    const level1 = squash(wrong[0]!.input.level1);
    const kinds = [...new Set(wrong.map((r) => squash(r.input.level2)))];
    return [{ indicator: wrong[0]!.result.index, message: () => `第 ${wrong.map((r) => r.result.index + 1).join("、")} 项的${kinds.join("、")}是产出的二级指标，却放在一级指标“${level1}”之下（评价维度，不是绩效目标的一级指标）：应为“产出指标”` }];
  },
  R21: (rows) => rows.flatMap((r) => {
    const name = squash(r.result.name).normalize("NFKC").replace(/[。.,，;；]+$/, "");
    return PERIOD_NAME.test(name) ? [{ indicator: r.result.index, message: () => `${at(r)}的指标名称只写了期间“${r.result.name}”，没有写衡量什么：应写明指标（如“项目完成时限”“全年培训人数”）` }] : [];
  }),
  R22: (rows) => {
    // 已完成100% against a count, an amount, or a rate other than completion (满意度 90%): the actual is the work's
    // progress, not the indicator's value. One habit, told once, naming its rows.
    const hits = rows.filter((r) => {
      if (!isProgressText(r.result.actual)) return false;
      const t = rowMeasures(r.result).target;
      // A rate of progress itself (完工率, 资金使用率) is answered by progress, its % in the header or not (100 | 已完成100%).
      if (PROGRESS_NAME.test(r.result.name) && (t.kind === "percent" || /率$/.test(bareName(r)))) return false;
      return t.kind === "number" || t.kind === "percent";
    });
    if (hits.length === 0) return [];
    const list = hits.map((r) => `第 ${r.result.index + 1} 项“${r.result.name}”（目标 ${r.result.target}，实际“${r.result.actual}”）`).join("、");
    return [{ indicator: hits[0]!.result.index, rows: hits.length > 1 ? hits.map((r) => r.result.index) : undefined, message: () => `实际完成值写的是工作进度，不是指标的实际数值：${list}；完成了多少、达到多少无从核对，请填写实际完成的数量、金额或调查结果` }];
  },
  R23: (_rows, table, result, rule) => {
    // 执行准确性 | 不存在执行数偏离预算数较多的问题, in a table whose execution rate is 57.89%: the statement contradicts the
    // table's own figures. Told at the statement's cell.
    const spent = spending(table, result, rule.thresholds.executionBelow!);
    if (!spent || spent.rate >= rule.thresholds.executionBelow!) return [];
    return managementItems(table).filter((c) => /^执行准确性$/.test(c.item) && claimsDone(c.text)).map((c) => ({
      indicator: null,
      message: () => `${c.cell}：资金管理情况“${c.item}”写“${c.text}”，但${spent.said}，执行数偏离预算数 ${pct(1 - spent.rate)}：说明与表中数据不符`,
    }));
  },
  R24: (_rows, table) => managementItems(table).flatMap((c) => {
    // 资金分解下达进度 | 及时分解下达 | … 下达滞后: the statement says done, its own row's 存在问题 says otherwise.
    if (!c.problem || !claimsDone(c.text) || !ADMITS.test(toSimplified(squash(c.problem)).replace(MEASURE, "").replace(DENIAL, ""))) return [];
    return [{ indicator: null, message: () => `${c.cell}：资金管理情况“${c.item}”的情况说明写“${c.text}”，同一行的存在问题却写“${clip(c.problem!)}”（${c.problemCell}）：前后矛盾` }];
  }),
  R25: (_rows, table) => managementItems(table).filter((c) => squash(c.text) === "").map((c) => ({
    indicator: null,
    message: () => `${c.cell}：资金管理情况“${c.item}”的情况说明未填写`,
  })),
  R26: (rows, table, result, rule) => {
    // Money left unspent wants its reason, as a missed target does: in the 资金管理情况 block's 存在问题, the table's
    // 偏差原因 text, or a row's reason that speaks of the money. None anywhere: told once, at the 执行准确性 row's 存在问题
    // cell where the form has one.
    // Only the form's own 预算执行 block: a funds row's 使用率 beside the indicators (R01, R08 weigh it) has no place for reasons.
    if (result.budget?.rate === null || result.budget?.rate === undefined) return [];
    const spent = spending(table, result, rule.thresholds.executionBelow!);
    if (!spent || spent.rate >= rule.thresholds.executionBelow!) return [];
    // The whole table is needed to say "nowhere": not one cut before or inside its indicators, where reasons may stand.
    const t = table as DetectedTableInput;
    if (table.indicators.length === 0 || (t.layout_doubts?.length ?? 0) > 0) return [];
    const items = managementItems(table);
    // And a form with a place for the reason (the 资金管理情况 block, or a reason column).
    if (items.length === 0 && t.deviation_column !== true) return [];
    const said = (s: string | null | undefined) => typeof s === "string" && squash(s) !== "" && !BOILERPLATE.has(squash(s));
    if (items.some((c) => said(c.problem)) || said(t.deviation_block) || said(table.budget?.reason)) return [];
    // A statement that admits the gap (因招标时间较长，资金尚未支付完毕) is the reason; one that denies it is R23's.
    if (items.some((c) => ADMITS.test(toSimplified(squash(c.text)).replace(DENIAL, "")))) return [];
    if (items.some((c) => /^执行准确性$/.test(c.item) && claimsDone(c.text))) return [];
    if (rows.some((r) => said(r.input.deviation_note) && MONEY_REASON.test(squash(r.input.deviation_note)))) return [];
    const at = items.find((c) => /^执行准确性$/.test(c.item))?.problemCell;
    return [{ indicator: null, message: () => `${at ? `${at}：` : ""}${spent.said}，表中没有说明资金未执行的原因${at ? "（执行准确性的存在问题和改进措施未填写）" : ""}` }];
  },
  R27: (rows) => rows.flatMap((r) => {
    // 项目完成周期 4个月 | 4个月 | 待展陈方案通过审核后，将尽快实施: met by its figures, not done by its own reason.
    // Met, or an actual the reader could not judge (一次性 against 一次性通过省文物局验收): the reason says it was not done.
    if (r.result.met === false || squash(r.result.actual) === "" || squash(r.input.deviation_note) === "") return [];
    const kept = withoutDenials(squash(r.input.deviation_note)).split(/[，,。；;]/).filter((c) => !OTHER_STAGE.test(c));
    if (!NOT_DONE.test(kept.join("，"))) return [];
    const said = r.result.met === true ? `按实际完成值“${r.result.actual}”已达到目标` : `实际完成值写“${r.result.actual}”，未表明未完成`;
    return [{ indicator: r.result.index, message: () => `${at(r)}${said}，本行的说明却写“${clip(squash(r.input.deviation_note))}”（工作尚未完成）：实际完成值与说明矛盾，请核实` }];
  }),
  R17: (rows, table) => {
    const e = fundFacts(table)?.execution;
    if (!e || e.spentYuan === null || !(e.spentYuan > 0)) return [];
    const spent = e.spentYuan;
    return rows.flatMap((r) => {
      if (!/成本/.test(squash(r.input.level2) + r.result.name)) return [];
      const a = rowMeasures(r.result).actual;
      // An amount of money (713万元, 150万); a cost per unit (元/人) is not comparable with the whole spend.
      const money = a.kind === "number" && (a.unit === "元" || (a.unit === null && /[万亿]$/.test(squash(r.result.actual))));
      if (!money || a.value <= spent * 1.005) return [];
      return [{ indicator: r.result.index, message: () => `${at(r)}是成本指标，实际完成值“${r.result.actual}”超过全年实际支出 ${e.executed}${/[元万亿]/.test(e.executed) ? "" : "（按表头单位）"}：成本应按实际支出填写` }];
    });
  },
  R05: (rows) => rows.flatMap((r) => {
    if (!/数量/.test(squash(r.input.level2))) return [];
    const m = rowMeasures(r.result).target;
    return m.kind === "number" && m.unit === "元" ? [{ indicator: r.result.index, message: () => `${at(r)}是数量指标，但指标值“${r.result.target}”是资金金额；数量指标应反映产出的数量` }] : [];
  }),
  R06: (rows) => {
    // Only names that name something: a placeholder (指标1, ……) or a level word read as a name is not a repeat.
    const named = (r: Row) => {
      const n = squash(r.result.name);
      return n.length >= 4 && !PLACEHOLDER.test(n) && n !== squash(r.input.level1) && n !== squash(r.input.level2);
    };
    // One finding per repeated name, on its first row: the same name under other 二级指标 (产出 and 效益, or 成本,
    // 经济效益 and 社会效益) counts one thing's points twice, or names the project's item instead of a measure.
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      if (!named(r)) continue;
      const key = squash(r.result.name);
      const g = groups.get(key);
      if (g) g.push(r);
      else groups.set(key, [r]);
    }
    const level = (r: Row) => `${squash(r.input.level1)}|${squash(r.input.level2)}`;
    return [...groups.values()].filter((g) => g.length > 1 && new Set(g.map(level)).size > 1).map((g) => ({
      indicator: g[0]!.result.index,
      rows: g.map((r) => r.result.index),
      message: () => `${at(g[0]!)}与第 ${g.slice(1).map((r) => r.result.index + 1).join("、")} 项同名，分别列在${[...new Set(g.map((r) => squash(r.input.level2) || squash(r.input.level1)))].map((l) => `“${l}”`).join("、")}下：同一事项重复计分，或指标名写的是项目内容而非可衡量的指标`,
    }));
  },
  R07: (rows, _t, _r, _rule, ctx) => {
    if (ctx.hasSurvey) return [];
    return rows.filter((r) => /满意/.test(squash(r.input.level2) + r.result.name) && rowMeasures(r.result).actual.kind === "percent" && !SURVEY_WORDS.test(`${r.result.actual}${r.input.deviation_note ?? ""}${r.input.grounds_text ?? ""}${r.input.rule_text ?? ""}${r.result.name}`))
      .map((r) => ({ indicator: r.result.index, message: () => `${at(r)}报告满意度“${r.result.actual}”，但工作簿中没有问卷统计表，也未写样本数或调查方式` }));
  },
  R08: (rows, table, result, rule) => {
    // "Every output met" needs every output row: a table cut before its 总分 row may hide outputs not met, unless rows
    // of the levels that follow the outputs on the form (效益, 满意度) were read after the last output; a table read
    // from mid-form (no header) may have had outputs on the page before.
    const t = table as DetectedTableInput;
    if (t.starts_mid_form === true) return [];
    const lastOutput = rows.reduce((k, r, i) => (isOutput(r) ? i : k), -1);
    const cut = (t.layout_doubts?.length ?? 0) > 0 || t.no_total_row === true;
    if (cut && !rows.slice(lastOutput + 1).some((r) => !isOutput(r))) return [];
    const spent = spending(table, result, rule.thresholds.executionBelow!);
    const rate = spent?.rate ?? null;
    const outputs = rows.filter((r) => isOutput(r) && r.result.applicable);
    if (rate === null || rate >= rule.thresholds.executionBelow! || outputs.length === 0 || !outputs.every((r) => r.result.met === true)) return [];
    return [{ indicator: null, message: () => `产出指标全部完成，但${spent!.said}：产出与资金执行不匹配` }];
  },
  R09: (rows, _t, _r, rule) => rows.flatMap((r) => {
    const { comparison: c } = rowMeasures(r.result);
    const kind = rowMeasures(r.result).target.kind;
    if (!c.ok || c.kind !== "quantity" || c.lower || c.allOrNothing || (kind !== "number" && kind !== "percent") || c.target <= 0) return [];
    const times = c.actual / c.target;
    if (times < rule.thresholds.timesTarget!) return [];
    // From a small base (≥1次, ≥1个, ≥1倍, growth ≥1%) ten times is natural: those stay hints.
    const smallBase = kind === "percent" ? c.target <= 0.02 + 1e-9 : c.target <= 2 + 1e-9;
    const tenfold = times >= rule.thresholds.warnTimes! && !smallBase;
    return [{ indicator: r.result.index, message: () => `${at(r)}实际 ${c.actualShown} 是目标 ${c.targetShown} 的 ${pts(times)} 倍，目标可能定得过低${tenfold ? "（相差一个数量级以上，也可能是实际值的单位或口径填错），请核对" : ""}`, ...(tenfold ? { atLeast: "一般" as const } : {}) }];
  }),
  R10: (rows) => rows.filter((r) => r.result.met === false && BOILERPLATE.has(squash(r.input.deviation_note))).map((r) => ({ indicator: r.result.index, message: () => `${at(r)}未完成目标，偏差原因只写了“${squash(r.input.deviation_note)}”，没有说明原因和改进措施` })),
  R11: (rows, _t, _r, rule) => rows.flatMap((r) => {
    const note = squash(r.input.deviation_note);
    const m = /扣(?:除)?(\d{1,3}(?:\.\d{1,2})?)分/.exec(note);
    const w = r.result.weight;
    const rs = r.result.reported_score;
    if (!m || w === null || rs === null) return [];
    const stated = Number(m[1]);
    return Math.abs(w - rs - stated) > rule.thresholds.tolerance! + 1e-9 ? [{ indicator: r.result.index, message: () => `${at(r)}说明写“扣${m[1]}分”，但权重 ${pts(w)} − 自评 ${pts(rs)} = 扣 ${pts(w - rs)} 分` }] : [];
  }),
  R32: (rows, _t, _r, rule) => {
    // Outputs recomputed at less than half their points, over two rows or more, while benefits claim full marks.
    const outputs = rows.filter((r) => isOutput(r) && r.result.weight !== null && r.result.score !== null);
    const points = outputs.reduce((s, r) => s + r.result.weight!, 0);
    const got = outputs.reduce((s, r) => s + r.result.score!, 0);
    if (outputs.length < 2 || points <= 0 || got / points >= rule.thresholds.outputShare! - 1e-9) return [];
    const full = rows.filter((r) => isBenefit(r) && r.result.weight !== null && r.result.reported_score !== null && Math.abs(r.result.reported_score - r.result.weight) <= 0.005);
    if (full.length === 0) return [];
    return [{ indicator: full[0]!.result.index, rows: full.map((r) => r.result.index), message: () => `产出指标按规则复核只得 ${pts(got)} 分（共 ${pts(points)} 分，${pct(got / points)}），效益指标${full.map((r) => `“${r.result.name}”`).join("、")}却自评满分：效益与产出脱节，请核实效益的实际完成情况和依据` }];
  },
  R12: (rows) => rows.flatMap((r) => {
    const w = r.result.weight;
    const rs = r.result.reported_score;
    if (w === null || rs === null || rs >= w - 0.005 || squash(r.input.deviation_note) !== "") return [];
    return rowMeasures(r.result).target.kind === "grade" ? [{ indicator: r.result.index, message: () => `${at(r)}是定性指标，自评 ${pts(rs)} 分（权重 ${pts(w)}），扣了分却没有写理由` }] : [];
  }),
};

/**
 * The 二级指标 of the national framework (财预〔2020〕10号 附件; 财预〔2021〕101号), without 指标: a level name one
 * character off one of these (日效性 for 时效性) is a slip of the pen (R28).
 */
const LEVEL2_STEMS = ["数量", "质量", "时效", "时效性", "成本", "经济成本", "社会成本", "生态环境成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度", "满意度"];
/** A level name as compared: simplified, no spaces, points or brackets, no 指标 at the end. */
const levelStem = (name: string) =>
  squash(name)
    .normalize("NFKC")
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/^(?:[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|\d+(?:\.\d+)*|[A-Za-z])[.、)]?/, "")
    .replace(/[:：.。,，;；、]+$/, "")
    .replace(/\d+(?:\.\d+)?分?$/, "")
    .replace(/指标$/, "");
/** Words that are one character off a framework name and mean something of their own (满意率, 社会效果, 时限性, 成效). */
const OWN_WORDS = /率|程度|效果|效应|成效|效能|效率|时限|时间|实效|影响力/;
/** Whether two texts of one length differ in exactly one character (a character written for another). */
function oneSubstituted(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}
/**
 * The framework's name a level name is one character off (日效性 for 时效性), or null: only a character written for
 * another, in a name of three characters or more, that is not a word of its own (满意率, 社会效果, 时限性).
 */
export function levelTypoOf(name: string | number | null | undefined): string | null {
  const stem = levelStem(String(name ?? ""));
  if (stem.length < 3 || LEVEL2_STEMS.includes(stem) || OWN_WORDS.test(stem)) return null;
  const near = LEVEL2_STEMS.filter((x) => x.length >= 3 && oneSubstituted(stem, x));
  return near.length === 1 ? `${near[0]}指标` : null;
}
CHECKS.R28 = (rows) => {
  // Once per level name, at its first row. Only in a table with its own 三级指标 (in a two-level table the second
  // column holds the indicators' names: 满意率 is a name there, not a level).
  if (!rows.some((r) => squash(String(r.input.level3 ?? "")) !== "" && squash(String(r.input.level3 ?? "")) !== squash(String(r.input.level2 ?? "")))) return [];
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    const name = squash(String(r.input.level2 ?? ""));
    if (name === "" || seen.has(name)) return [];
    seen.add(name);
    const right = levelTypoOf(r.input.level2);
    return right ? [{ indicator: r.result.index, message: () => `${at(r)}所在二级指标写作“${name}”，与绩效指标体系的“${right}”有一字不同，疑为笔误` }] : [];
  });
};

/**
 * A target that only names a rate (知识更新率, 覆盖率): what is measured, with no value to reach. Words that set a direction
 * or a level (提高普及率, 保持较高满意率, 逐步提升) are a qualitative target, not this.
 */
const RATE_NAME_ONLY = /^[\u4e00-\u9fff]{2,10}率$/;
const SAYS_HOW_MUCH = /提高|提升|降低|减少|增加|增长|下降|保持|确保|达到|不低于|不高于|逐步|稳步|有效|明显|显著|较|高|低|超|满|全|无|零|优|良|好|稳定|持续|上升|改善|控制/;
/** A standard to apply (按同期贷款基准利率, 法定税率, 行业基准收益率, 允许误差率): a definite reference, not a bare rate's name. */
const NAMES_A_STANDARD = /按|基准|标准|法定|规定|同期|报价|允许|利率|费率|税率|汇率|收益率/;
CHECKS.R29 = (rows) => rows.flatMap((r) => {
  const t = squash(String(r.input.target ?? ""));
  if (!RATE_NAME_ONLY.test(t) || SAYS_HOW_MUCH.test(t) || NAMES_A_STANDARD.test(t)) return [];
  return [{ indicator: r.result.index, message: () => `${at(r)}的指标值只写了“${t}”，是一个率的名称，没有写要达到的数值（如“≥90%”）：无法据以衡量是否完成` }];
});

/**
 * A 效益 or 满意度 level written among the 产出 levels (数量 | 质量 | 经济效益 | 时效 under one 产出指标): the 二级指标 after it
 * are 产出's again, so it was filed under the wrong 一级指标. (One after the last 产出 level, with no 效益指标 written, is a
 * label left out, not this.)
 */
const OUTPUT_LEVEL = /^(?:数量|质量|时效|成本)(?:指标)?$/;
const NOT_OUTPUT_LEVEL = /效益|满意|可持续/;
CHECKS.R30 = (rows) => {
  const out: ReturnType<Check> = [];
  rows.forEach((r, i) => {
    const l2 = squash(r.input.level2);
    if (!isOutput(r) || !NOT_OUTPUT_LEVEL.test(l2) || (i > 0 && squash(rows[i - 1]!.input.level2) === l2 && isOutput(rows[i - 1]!))) return;
    const after = rows.slice(i + 1).find((x) => squash(x.input.level2) !== l2);
    if (!after || !isOutput(after) || squash(after.input.level1) !== squash(r.input.level1) || !OUTPUT_LEVEL.test(squash(after.input.level2))) return;
    out.push({ indicator: r.result.index, message: () => `${at(r)}的二级指标“${l2}”放在一级指标“${squash(r.input.level1)}”之下，夹在产出的二级指标之间（其后是“${squash(after.input.level2)}”）：效益、满意度类指标应列在“效益指标”“满意度指标”之下` });
  });
  return out;
};

/**
 * A row measured in % (新型经营主体实现产值(%), or a target written with %) whose target is a thousand or more: 8000% is no
 * rate; the figures are an amount or a count, and the unit is wrong.
 */
const PERCENT_NAMED = /[(（]\s*[%％]\s*[)）]|[%％]$/;
CHECKS.R31 = (rows) => rows.flatMap((r) => {
  const target = squash(String(r.result.target ?? "")).normalize("NFKC");
  const named = PERCENT_NAMED.test(squash(r.result.name).normalize("NFKC"));
  const m = /^[≥≤>=<＞＜]?(\d+(?:\.\d+)?)(%?)$/.exec(target.replace(/,/g, ""));
  if (!m || !(named || m[2] === "%") || Number(m[1]) < 1000) return [];
  return [{ indicator: r.result.index, message: () => `${at(r)}以 % 计，指标值却是 ${r.result.target}${r.result.actual !== null && r.result.actual !== "" ? `（实际 ${r.result.actual}）` : ""}：一千以上的百分比不像比率，数字像是金额或数量，计量单位疑误` }];
});

/** The findings of every rule that is on, for one table. Rules needing actuals are skipped when `stage` is 申报. */
export function applyRulebook(table: TableInput, result: TableResult, rules: readonly ReviewRule[], ctx: RulebookContext, stage: "申报" | "自评" = "自评"): Finding[] {
  const rows: Row[] = result.indicators.map((res, i) => ({ input: table.indicators[i] ?? {}, result: res }));
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!rule.enabled || (stage === "申报" && rule.stage === "自评")) continue;
    const check = CHECKS[rule.id];
    const code = RULE_CODES[rule.id];
    if (!check || !code) continue;
    for (const hit of check(rows, table, result, rule, ctx)) {
      const severity = hit.atLeast && RANK[hit.atLeast] > RANK[rule.severity] ? hit.atLeast : rule.severity;
      out.push(new LazyFinding(code, SEVERITY[severity], hit.indicator, hit.message, undefined, undefined, rule.id, hit.rows));
    }
  }
  return out;
}
