import type { Severity } from "./evaluate/types";

/**
 * Every finding code the engine raises, with its label in Chinese and English: the one catalogue the faces
 * show instead of the codes (the codes stay in the JSON contract; add codes, never rename them).
 */
export const FINDING_CATALOGUE = {
  "score-mismatch": { zh: "得分与规则不符", en: "Score does not follow its rule" },
  "score-rounding": { zh: "得分取舍相差 0.01", en: "Score off by 0.01 in rounding" },
  "score-above-weight": { zh: "得分超过权重", en: "Score above the weight" },
  "weight-missing": { zh: "未写权重", en: "Weight missing" },
  "weight-invalid": { zh: "权重无效", en: "Weight not valid" },
  "needs-rule": { zh: "需指定评分规则", en: "Rule needed" },
  "unit-mismatch": { zh: "单位不一致", en: "Units differ" },
  "actual-blank": { zh: "实际完成值未填写", en: "Actual not yet filled" },
  "judgement-missing": { zh: "需评价人判断", en: "Evaluator's judgement needed" },
  unreadable: { zh: "无法识别", en: "Cannot be read" },
  "rate-mismatch": { zh: "完成率/执行率与数字不符", en: "Written rate does not match the figures" },
  "deviation-missing": { zh: "未填写偏差原因", en: "No reason given for a missed target" },
  "budget-blank": { zh: "预算数未填写", en: "Budget not filled" },
  "executed-blank": { zh: "执行数未填写", en: "Spending not filled" },
  "budget-unreadable": { zh: "预算金额无效", en: "Budget amounts not valid" },
  "budget-garbled": { zh: "金额后有乱码字符", en: "Replacement characters after a figure" },
  "budget-scored-on-part": { zh: "预算得分写在“其中”行", en: "Budget scored on its 其中 row" },
  "budget-over-executed": { zh: "执行数超过全年预算数", en: "Spent more than the year's budget" },
  "budget-parts-sum": { zh: "资金合计与其中各项不符", en: "Funds total does not match its parts" },
  "budget-total-zero": { zh: "资金总额行为 0，与其中各项不符", en: "Funds total row is 0 over parts with amounts" },
  "budget-unit-unknown": { zh: "金额单位不明", en: "Amount unit unknown" },
  "budget-score-mismatch": { zh: "预算执行得分与执行率不符", en: "Budget score does not match the execution rate" },
  "budget-score-rounding": { zh: "预算执行得分取舍相差 0.01", en: "Budget score off by 0.01 in rounding" },
  "budget-unit-doubt": { zh: "金额单位疑误", en: "Amounts look like 元 under a 万元 header" },
  "budget-text-rate": { zh: "文字中的预算执行率与金额不符", en: "Execution rate in the text does not match its amounts" },
  "budget-split-mismatch": { zh: "按收入/支出性质分的资金合计不符", en: "Funds split by source or by use do not add up" },
  "budget-part-scored": { zh: "“其中”行重复计分", en: "A 其中 row scored again under the scored total" },
  "header-mislabel": { zh: "表头把分值写作得分", en: "A points column headed 得分 (score)" },
  "year-typo": { zh: "年度漏写“年”字", en: "Year written without 年" },
  "bracket-unmatched": { zh: "括号不成对", en: "A bracket left unmatched" },
  "row-shifted": { zh: "整行错位", en: "A row moved one column right" },
  "status-claims-done": { zh: "完成情况写“完成”而未达到目标", en: "Marked done though the target was missed" },
  "rule-met-full": { zh: "评分标准部分理解：达到目标得满分", en: "Rule partly read: a target met scores full" },
  "grounds-read": { zh: "按评分依据读取目标与实际", en: "Target and actual read from the evaluator's grounds" },
  "deduction-count": { zh: "逐项扣分与所列问题数不符", en: "Checklist deduction does not match the items found" },
  "unit-converted": { zh: "目标与实际单位不同（已换算）", en: "Target and actual in two units of one kind (converted)" },
  "unit-score-conversion": { zh: "折算得分与单项得分×权重占比不符", en: "Converted score is not the row score times the weight share" },
  "unit-score-is-weight": { zh: "单项指标得分填成了权重占比", en: "Row score out of 100 written as the weight share" },
  "unit-blank": { zh: "未写明单位", en: "No unit named" },
  "goal-not-stated": { zh: "年度总体目标只填了数字", en: "The year's goal is only a figure" },
  "goal-copied": { zh: "实际完成情况照抄年度目标", en: "What was done copied from the goal" },
  "weights-total": { zh: "权重合计不等于 100", en: "Weights do not add up to 100" },
  "weights-missing": { zh: "部分指标未写权重", en: "Some weights missing" },
  "weights-level": { zh: "分项权重与合计不符", en: "Level weights do not add up" },
  "total-sum": { zh: "总分与各项得分合计不符", en: "Total is not the sum of the scores" },
  "total-mismatch": { zh: "总分与复核不符", en: "Total differs from the recomputed total" },
  "total-impossible": { zh: "报告总分超过可能的最高分", en: "Reported total above the most the scores allow" },
  "total-incomplete": { zh: "总分未能复核", en: "Total cannot be checked yet" },
  "level-met-short": { zh: "已达标指标合计少于该级分值", en: "Met rows score less than their level's points" },
  "target-actual-blank": { zh: "指标值和实际完成值均未填写", en: "Neither target nor actual filled" },
  "actual-is-scale": { zh: "实际完成值写的是评价档次", en: "Actual is the grade scale, not a grade" },
  "subtotal-sum": { zh: "小计与其下得分不符", en: "Subtotal is not the sum of its rows" },
  "rating-unreadable": { zh: "等级无法识别", en: "Rating cannot be read" },
  "rating-inconsistent": { zh: "等级与报告总分不符", en: "Rating does not match the reported total" },
  "rating-missing": { zh: "总分属“差”却未写等级", en: "A failing total with no rating written" },
  "rating-mismatch": { zh: "等级与复核不符", en: "Rating differs from the recomputed one" },
  "judged-score": { zh: "按评价人判断计分", en: "Scored by the evaluator's judgement" },
  "actual-no-figure": { zh: "实际完成值未写数值", en: "Actual gives no figure" },
  "value-is-points": { zh: "指标值栏填的是分值", en: "Points written as target and actual" },
  "actual-is-range": { zh: "实际完成值写作范围", en: "Actual written as a range, not a figure" },
  "target-in-parts": { zh: "目标与实际只写在分项中", en: "Target and actual only in the parts below" },
  "text-sum-mismatch": { zh: "文字所写总数与分项之和不符", en: "A total in words differs from its parts" },
  "name-is-value": { zh: "指标名称栏填的是数值", en: "A figure where the indicator's name goes" },
  "name-target-actual-same": { zh: "名称、指标值、实际完成值三栏相同", en: "Name, target and actual are one copied text" },
  "grade-vs-rate": { zh: "目标定性而实际为百分比", en: "Worded target, percentage actual" },
  "date-vs-rate": { zh: "目标为期限而实际为百分比", en: "Deadline target, percentage actual" },
  "no-weight": { zh: "未写权重，只计完成率", en: "No weight: completion only" },
  "weight-from-level": { zh: "分值按一级指标推定", en: "Weight taken from the level's points" },
  "weight-from-scores": { zh: "分值按得分反推", en: "Weight implied by the scores" },
  "weight-from-met-score": { zh: "分值按已达成项的得分推定", en: "Weight assumed from a met row's score" },
  "fund-from-budget": { zh: "资金类指标按预算块计", en: "Money indicator read from the budget block" },
  "fund-rate-differs": { zh: "资金类指标与预算执行率不符", en: "Money indicator contradicts the budget's execution rate" },
  layout: { zh: "表格识别提示", en: "Layout note" },
  // The 复核口径 rulebook (rulebook/rules.ts): one code per rule.
  "all-full-marks": { zh: "自评流于形式", en: "Full marks everywhere despite gaps" },
  "benefit-unquantified": { zh: "效益指标未量化", en: "Benefit target not measurable" },
  "target-no-op-unit": { zh: "指标值缺少运算符或单位", en: "Target lacks operator and unit" },
  "cost-direction": { zh: "成本指标方向不当", en: "Cost target written as a floor" },
  "quantity-is-money": { zh: "数量指标为资金金额", en: "Quantity target is an amount of money" },
  "indicator-repeated": { zh: "同一指标重复计入", en: "Same indicator under two headings" },
  "satisfaction-no-survey": { zh: "满意度缺少调查依据", en: "Satisfaction without a survey" },
  "outputs-without-spending": { zh: "产出达标而资金几乎未执行", en: "Outputs met with little money spent" },
  "target-too-low": { zh: "目标设定过低", en: "Target set too low" },
  "deviation-boilerplate": { zh: "偏差原因为空或套话", en: "Reason for a missed target is boilerplate" },
  "deduction-mismatch": { zh: "扣分说明与得分不符", en: "Stated deduction does not match the score" },
  "qualitative-deduction-unexplained": { zh: "定性指标扣分无理由", en: "Qualitative deduction without a reason" },
  "quantity-ceiling": { zh: "数量指标方向不当", en: "Quantity target written as a ceiling" },
  "self-eval-unfilled": { zh: "自评未填写", en: "Self-evaluation not filled in" },
  "yes-no-figure": { zh: "是否类指标写了数值", en: "Yes/no indicator given a figure" },
  "target-contradicts-name": { zh: "指标值与名称不符", en: "Target contradicts the indicator's name" },
  "cost-above-spending": { zh: "成本超过实际支出", en: "Cost above what was spent" },
  "count-without-figure": { zh: "数量指标未写数量", en: "A count given in words only" },
  "output-under-other-level": { zh: "产出指标放错一级指标", en: "Output indicators under the wrong first level" },
  "rate-name-count-target": { zh: "率类指标的指标值为个数", en: "A rate whose target is a count" },
  "target-names-rate": { zh: "指标值只写了率的名称", en: "A target that only names a rate" },
  "benefit-within-output": { zh: "效益类指标夹在产出指标中", en: "A benefit level filed among the output levels" },
  "benefit-beyond-output": { zh: "效益满分而产出大半未完成", en: "Benefits at full marks while most outputs were missed" },
  "percent-implausible": { zh: "百分比单位疑误", en: "A percentage in the thousands" },
  "name-not-indicator": { zh: "指标名称只写期间", en: "An indicator named by a period only" },
  "actual-is-progress": { zh: "实际完成值写成工作进度", en: "Progress given instead of the actual value" },
  "management-claim-vs-rate": { zh: "资金管理情况说明与执行率不符", en: "Fund management statement contradicts the execution rate" },
  "management-claim-vs-problem": { zh: "资金管理情况说明与存在问题矛盾", en: "Fund management statement contradicts its own problem column" },
  "management-blank": { zh: "资金管理情况未填写", en: "Fund management item left blank" },
  "budget-underspent-unexplained": { zh: "资金未执行未说明原因", en: "Unspent funds with no reason given" },
  "placeholder-unfilled": { zh: "模板占位未填写", en: "A template placeholder left unfilled" },
  "list-sum-mismatch": { zh: "分项金额合计不符", en: "Listed amounts do not add up" },
  "met-but-reason-not-done": { zh: "已达标而说明写未完成", en: "Met by its figures, not done by its own reason" },
  "level-name-typo": { zh: "二级指标名称笔误", en: "A level name one character off the framework's" },
  "survey-count-sum": { zh: "问卷人数合计不符", en: "Survey counts do not add up" },
  "survey-share-mismatch": { zh: "问卷占比与人数不符", en: "Survey share does not match its count" },
  "survey-share-sum": { zh: "问卷占比合计不是 100%", en: "Survey shares do not add up to 100%" },
} as const;

export type FindingCode = keyof typeof FINDING_CATALOGUE;

/** The label of a finding code in the pane's language; an unknown code is shown as it is. */
export function findingLabel(code: string, lang: "zh" | "en" = "zh"): string {
  return Object.prototype.hasOwnProperty.call(FINDING_CATALOGUE, code) ? FINDING_CATALOGUE[code as FindingCode][lang] : code;
}

/** A finding whose message is written only when a face reads it (scoring builds no strings). */
export class LazyFinding {
  private _render: (() => string) | null;
  private _message = "";
  constructor(
    public code: FindingCode,
    public severity: Severity,
    public indicator: number | null,
    render: () => string,
    public reported?: number | string | null,
    public recomputed?: number | string | null,
    /** The rulebook rule that raised it (R01…), when one did. */
    public rule?: string,
    /** Every row it names, when it names several. */
    public rows?: number[],
  ) {
    this._render = render;
  }
  get message(): string {
    if (this._render) {
      this._message = this._render();
      this._render = null;
    }
    return this._message;
  }
  toJSON(): object {
    return { code: this.code, severity: this.severity, indicator: this.indicator, message: this.message, reported: this.reported, recomputed: this.recomputed, ...(this.rule ? { rule: this.rule } : {}), ...(this.rows ? { rows: this.rows } : {}) };
  }
}
