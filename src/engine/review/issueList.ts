import type { Finding, TableResult } from "../evaluate/types";
import { FINDING_CATALOGUE, findingLabel } from "../findings";
import type { DetectedTable } from "../layout/detect";
import { address, type Grid } from "../layout/grid";

/**
 * The 问题清单: one row per finding, most severe first (重大 / 一般 / 提示), with the cell it concerns and a
 * suggested fix, for the pane's 问题清单 sheet and the command line's summary workbook.
 */
export const SEVERITY_LABEL = { error: "重大", warning: "一般", info: "提示" } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** What to do about each kind of finding (Chinese); a code without one gets the catalogue's label. */
const FIX: Partial<Record<keyof typeof FINDING_CATALOGUE, string>> = {
  "score-rounding": "按规则算出得分后四舍五入到两位小数；执行率、完成率不要先取整再计分",
  "score-mismatch": "按评分规则重新计算得分，或在评分规则中写明实际采用的方法",
  "score-above-weight": "得分不得超过该指标分值，请核对",
  "weight-missing": "补填该指标的分值（权重）",
  "weight-invalid": "分值应为 0–100 之间的正数",
  "no-weight": "补填分值后方可计分",
  "needs-rule": "写明评分规则（如“正向比例”“按照完成比例赋分”）",
  "unit-mismatch": "目标值与实际完成值使用同一计量单位",
  "actual-blank": "填写实际完成值",
  unreadable: "按“运算符 + 数值 + 单位”填写（如“≥95%”“≥1000 人次”）",
  "rate-mismatch": "按实际数与目标数重新计算完成率/执行率",
  "deviation-missing": "写明未完成的原因和改进措施",
  "budget-unit-unknown": "预算数和执行数写同一单位（如都用万元）",
  "budget-score-rounding": "得分 = 分值 × 按金额算出的执行率，再四舍五入到两位小数；不要先把执行率取整",
  "budget-unit-doubt": "按表头单位（万元）填写金额，或把表头改为实际所用的单位（元）",
  "budget-text-rate": "按文字中的执行数 ÷ 预算数重算执行率，四舍五入后填写",
  "budget-split-mismatch": "按收入性质分与按支出性质分应为同一笔资金：核对两者合计及其下各项金额",
  "budget-part-scored": "删去“其中”行的分值和得分，预算执行只在合计行计分",
  "header-mislabel": "把装分值的列的表头改为“分值”，只在实得分数的列写“得分”",
  "year-typo": "把“2021度”改为“2021年度”",
  "bracket-unmatched": "补上或删去多余的括号",
  "row-shifted": "把错位的一行移回原来的列",
  "status-claims-done": "按实际完成值改写完成情况（未完成），并写明偏差原因",
  "grounds-read": "在评分依据中核对目标与实际的数值",
  "deduction-count": "按评分依据所列问题数逐项扣分，或改正评分依据",
  "rule-met-full": "评分标准写清未达到目标时如何计分（如“完成率×分值”），或在设置中为该行指定规则",
  "unit-converted": "目标值与实际完成值使用同一计量单位",
  "unit-score-conversion": "折算得分 = 单项指标得分 × 权重占比，请重算",
  "unit-score-is-weight": "单项指标得分按百分制填写（完成的指标为 100），再乘权重占比得折算得分",
  "unit-blank": "填写被评价的部门（单位）名称",
  "goal-not-stated": "用文字写明项目年度要达到的产出和效益目标，以及实际完成情况",
  "goal-copied": "按实际完成的工作填写实际完成情况（数量、质量、时效），不要照抄目标",
  "budget-score-mismatch": "预算执行得分 = 分值 × 执行率，请重算",
  "weights-total": "调整各指标分值，使合计为 100",
  "weights-level": "使一级/二级指标分值与其下三级指标分值合计一致",
  "total-sum": "总分应为各项得分之和",
  "total-mismatch": "按复核得分更正总分",
  "rating-inconsistent": "按总分重新评定等级",
  "rating-missing": "写明评价等级“差”，并说明得分低的原因",
  "rating-mismatch": "按复核总分评定等级",
  "all-full-marks": "对照实际完成情况和资金执行情况如实自评",
  "benefit-unquantified": "将效益目标量化（如受益人数、覆盖率、节约金额）",
  "target-no-op-unit": "补上运算符和计量单位",
  "cost-direction": "成本指标写作“≤”上限",
  "grade-vs-rate": "目标值与实际完成值用同一口径（都写定性表述，或都写百分比）",
  "date-vs-rate": "实际完成值写明完成的日期（如“11月28日完成”），与目标的期限对照",
  "target-contradicts-name": "按名称把指标值改为“0”或“无”，或改写名称",
  "quantity-ceiling": "要完成的数量写作“≥”下限",
  "self-eval-unfilled": "填写各指标的实际完成值和自评得分",
  "yes-no-figure": "是否类指标的指标值与实际完成值写“是/否”",
  "total-impossible": "核对各项得分与总分：总分不能超过满分减去已扣的分",
  "fund-rate-differs": "资金类指标的实际完成值按预算块的执行数/预算数填写",
  "cost-above-spending": "成本指标的实际完成值按实际支出填写，并与预算块的执行数核对",
  "output-under-other-level": "把数量、质量、时效、成本指标的一级指标改为“产出指标”",
  "name-not-indicator": "在名称栏写明衡量的内容（如“项目完成时限”），期间写在指标值栏",
  "management-claim-vs-rate": "按实际执行率如实说明执行准确性，写明执行数偏离预算数的原因",
  "management-claim-vs-problem": "情况说明如实反映存在的问题（如下达滞后、支付缓慢），与存在问题一栏一致",
  "management-blank": "填写该项资金管理的情况说明",
  "budget-underspent-unexplained": "写明资金未执行的原因和改进措施（如结转、项目进度、采购延迟）",
  "met-but-reason-not-done": "按实际完成的情况填写实际完成值，或改正说明",
  "level-name-typo": "按绩效指标体系改正二级指标名称",
  "placeholder-unfilled": "把模板的占位（-年-月-日）换成实际日期",
  "list-sum-mismatch": "核对各分项金额，使其合计等于总额",
  "actual-is-progress": "填写实际完成的数量、金额或调查结果，不要只写完成进度",
  "rate-name-count-target": "把指标值写成比率（如“100%”），或把指标改为数量指标（如“覆盖机构数 37个”）",
  "count-without-figure": "指标值和实际完成值写明数量（个、座、人次、平方米……），按数量核对完成情况",
  "value-is-points": "指标值栏填写年度目标（如“≥32.1公里”），实际完成值栏填写实际完成数，分值另列",
  "actual-is-range": "填写实际完成的数（满意度、知晓率填写调查结果），不要照抄指标值",
  "weight-from-level": "补填各三级指标的分值",
  "weight-from-scores": "补填各三级指标的分值；得分不得超过分值",
  "weight-from-met-score": "补填各三级指标的分值",
  "quantity-is-money": "数量指标改为产出数量，资金放在成本指标",
  "indicator-repeated": "删除重复的指标，或改为体现不同内容的指标",
  "satisfaction-no-survey": "附问卷统计表，或写明样本数和调查方式",
  "outputs-without-spending": "说明资金未执行的原因，核实产出是否真实",
  "target-too-low": "下一年度按实际水平调高目标值",
  "deviation-boilerplate": "写明未完成的具体原因和改进措施",
  "deduction-mismatch": "使扣分说明与得分一致",
  "qualitative-deduction-unexplained": "写明扣分理由",
  "judgement-missing": "由评价人按评分标准判断后填写得分",
  "budget-unreadable": "预算数、执行数填写有效金额（数字，单位写在表头）",
  "budget-garbled": "删去金额后的乱码字符，核对金额",
  "budget-scored-on-part": "分值、执行率和得分填在年度资金总额（合计）行",
  "target-names-rate": "写明要达到的数值（如“≥90%”）",
  "budget-over-executed": "说明超出预算支出的资金来源和原因",
  "budget-parts-sum": "核对年度资金总额与其中各来源的金额",
  "benefit-within-output": "把效益、满意度类指标移到“效益指标”“满意度指标”之下",
  "benefit-beyond-output": "按产出的实际完成情况重新评价效益指标，或写明效益达成的依据",
  "percent-implausible": "核对计量单位：金额或数量不写 %",
  "budget-total-zero": "年度资金总额行填写其中各项之和",
  "weights-missing": "补填各三级指标的分值",
  "level-met-short": "已达标的指标应得满分；扣分的请写明依据",
  "target-actual-blank": "填写该指标的年度指标值和实际完成值；不适用的写明“不适用”",
  "actual-is-scale": "写明实际达到的档次（如“优”“良”）",
  "subtotal-sum": "小计应为其下各项得分之和",
  "rating-unreadable": "等级写作“优”“良”“中”“差”之一",
  "actual-no-figure": "填写实际完成的数量、比率或金额",
  "target-in-parts": "在计分的指标行填写指标值和实际完成值（可写合计或“各分项均达到”）",
  "text-sum-mismatch": "核对文字中的总数与各分项金额，使二者一致",
  "name-is-value": "三级指标栏写考核内容（如“项目完成时间”），数值写在指标值栏",
  "name-target-actual-same": "实际完成值栏填写实际完成的数量、时间或结果，不要照抄指标名称和指标值",
  "survey-count-sum": "核对问卷各选项人数与样本总数",
  "survey-share-mismatch": "按人数重新计算各选项占比",
  "survey-share-sum": "核对各选项占比，使合计为 100%",
};

/** The suggested fix for a finding code (Chinese), or "". */
export function suggestedFix(code: string): string {
  return Object.prototype.hasOwnProperty.call(FIX, code) ? FIX[code as keyof typeof FIX]! : "";
}

export interface IssueRow {
  severity: "重大" | "一般" | "提示";
  code: string;
  rule: string;
  sheet: string;
  /** The cell concerned: the row's score cell (or name cell), or the table's header cell for a table-wide finding. */
  cell: string;
  row: number | null;
  text: string;
  fix: string;
}

export interface IssueSource {
  grid: Grid;
  detected: DetectedTable;
  result: TableResult;
}

function cellOf(t: IssueSource, f: Finding): { cell: string; row: number | null } {
  if (f.indicator === null) return { cell: address(t.grid, t.detected.headerRows[0], 0), row: null };
  const r = t.detected.indicatorRows[f.indicator];
  if (r === undefined) return { cell: address(t.grid, t.detected.headerRows[0], 0), row: null };
  const col = t.detected.columns.score ?? t.detected.columns.level3 ?? 0;
  return { cell: address(t.grid, r, col), row: t.grid.origin.row + r + 1 };
}

/** Every finding of the tables as 问题清单 rows, most severe first, then in table order. */
export function issueList(tables: IssueSource[]): IssueRow[] {
  const rows: (IssueRow & { order: number; n: number })[] = [];
  let n = 0;
  for (const t of tables) {
    for (const f of t.result.findings) {
      const where = cellOf(t, f);
      rows.push({
        severity: SEVERITY_LABEL[f.severity],
        code: f.code,
        rule: f.rule ? `${f.rule} ${findingLabel(f.code)}` : findingLabel(f.code),
        sheet: t.grid.sheet,
        cell: where.cell,
        row: where.row,
        text: f.message,
        fix: suggestedFix(f.code),
        order: ORDER[f.severity],
        n: n++,
      });
    }
  }
  return rows.sort((a, b) => a.order - b.order || a.n - b.n).map(({ order: _o, n: _n, ...r }) => r);
}
