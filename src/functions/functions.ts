/*
 * The EVAL.* custom functions: thin wrappers over the engine (core.ts). The JSDoc below is what Excel shows
 * while a user types the formula, so it is written as help, in Chinese; English texts live in en-US.json and
 * go into functions.en-US.json at build time. IDs are ASCII and never change: workbooks depend on them.
 * A blank actual gives #N/A (实际完成值未填写), never 0, so a SUM over the scores shows the table is incomplete.
 */
import type { FnResult } from "./result";
import * as core from "./core";

/**
 * Arguments must be plain values: a data type (entity, linked data type) reaching a function that expects text
 * gets a Chinese #VALUE!, not a JavaScript error.
 */
function plain(...args: unknown[]): void {
  for (const a of args) {
    if (a !== null && typeof a === "object" && !Array.isArray(a)) {
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "不支持数据类型（实体）参数：请引用普通单元格或输入文字、数字");
    }
  }
}

function unwrap<T>(r: FnResult<T>): T {
  if (r.ok) return r.value;
  const code = r.code === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, r.message);
}

/**
 * 按评分规则计算一个指标的得分（保留两位小数）。实际完成值为空时返回 #N/A，无法识别时返回 #VALUE! 并说明原因。
 * @customfunction SCORE SCORE
 * @param target 目标值（年度指标值），如“≥95%”“>=1138种”“<=3.5万元”“2024年12月10日前”“有效保障”
 * @param actual 实际完成值，如“=100%”“1138种”“2024年8月27日”“达到预期指标”
 * @param weight 权重（分值），正数
 * @param [rule] 评分规则：规则名（正向比例、反向比例、按照完成比例赋分、满意度赋分、按评判等级赋分、直接赋分…）或评分规则文字；省略时按预设
 * @param [preset] 预设：national（全国通用，默认）、xinjiang（按照完成比例赋分）、hubei（正向/反向比例）
 * @param [cellInfo] 单元格格式信息（EVAL 写入的公式自动填写：CELL("format",目标)&"|"&CELL("format",实际)&"|"&CELL("type",实际)），使百分比、日期和空白单元格与任务窗格得分一致；手写公式可省略
 * @returns 得分
 */
export function score(target: any, actual: any, weight: any, rule?: any, preset?: any, cellInfo?: any): number {
  plain(target, actual, weight, rule, preset, cellInfo);
  return unwrap(core.scoreOf(target, actual, weight, rule, preset, cellInfo));
}

/**
 * 完成率（小数，可设为百分比格式），区分方向：正向为 实际/目标，反向（≤ 目标）为 目标/实际；日期按时为 100%；定性等级 达成 100%、部分达成 80%、未达成 0。
 * @customfunction COMPLETION COMPLETION
 * @param target 目标值，如“≥95%”“<=3.5万元”
 * @param actual 实际完成值
 * @param [cellInfo] 单元格格式信息（EVAL 写入的公式自动填写：CELL("format",目标)&"|"&CELL("format",实际)&"|"&CELL("type",实际)），使百分比、日期和空白单元格与任务窗格得分一致；手写公式可省略
 * @returns 完成率
 */
export function completion(target: any, actual: any, cellInfo?: any): number {
  plain(target, actual, cellInfo);
  return unwrap(core.completionOfCells(target, actual, cellInfo));
}

/**
 * 偏差分析：用指标自己的单位说明实际与目标的差距，如“未完成：实际 14368 人，比目标 16000 人少 1632 人（-10.20%）”。
 * @customfunction DEVIATION DEVIATION
 * @param target 目标值
 * @param actual 实际完成值
 * @param [cellInfo] 单元格格式信息（EVAL 写入的公式自动填写：CELL("format",目标)&"|"&CELL("format",实际)&"|"&CELL("type",实际)），使百分比、日期和空白单元格与任务窗格得分一致；手写公式可省略
 * @returns 偏差分析文字
 */
export function deviation(target: any, actual: any, cellInfo?: any): string {
  plain(target, actual, cellInfo);
  return unwrap(core.deviationOf(target, actual, cellInfo));
}

/**
 * 按总分评定等级：优（≥90）、良（≥80）、中（≥60）、差（<60）。
 * @customfunction RATING RATING
 * @param total 总分（0–100）
 * @param [scheme] 评级方案：standard（默认，优≥90）、strict（优>90）、80-70-60
 * @returns 等级
 */
export function rating(total: any, scheme?: any): string {
  return unwrap(core.ratingOf(total, scheme));
}

/**
 * 预算执行率 = 执行数 / 预算数（小数）。
 * @customfunction EXECRATE EXECRATE
 * @param budget 全年预算数（无全年数时用年初预算数）
 * @param executed 全年执行数
 * @returns 执行率
 */
export function execrate(budget: any, executed: any): number {
  return unwrap(core.execRateOf(budget, executed));
}

/**
 * 预算执行得分 = 分值 × 执行率，不超过分值。
 * @customfunction BUDGET BUDGET
 * @param budget 全年预算数（无全年数时用年初预算数）
 * @param executed 全年执行数
 * @param [weight] 分值；省略时按预设（national、xinjiang 10 分，hubei 20 分）
 * @param [preset] 预设：national（默认）、xinjiang、hubei
 * @returns 预算执行得分
 */
export function budget(budget: any, executed: any, weight?: any, preset?: any): number {
  return unwrap(core.budgetOf(budget, executed, weight, preset));
}

/**
 * 得分合计：有空白得分时返回 #N/A（表格未完成），得分超过对应权重时返回 #VALUE!。
 * @customfunction TOTAL TOTAL
 * @param scores 各指标得分所在区域
 * @param [weights] 对应的权重区域（可选，用于检查得分不超过权重）
 * @returns 合计
 */
export function total(scores: any[][], weights?: any[][]): number {
  return unwrap(core.totalOf(scores, weights ?? null));
}

/**
 * 说明得分是怎样算出来的（中文），如“完成率 = 14368 / 16000 = 89.80%；正向指标：得分 = 20 × 89.80% = 17.96”。
 * @customfunction EXPLAIN EXPLAIN
 * @param target 目标值
 * @param actual 实际完成值
 * @param weight 权重（分值）
 * @param [rule] 评分规则名或规则文字；省略时按预设
 * @param [preset] 预设：national（默认）、xinjiang、hubei
 * @param [cellInfo] 单元格格式信息（EVAL 写入的公式自动填写：CELL("format",目标)&"|"&CELL("format",实际)&"|"&CELL("type",实际)），使百分比、日期和空白单元格与任务窗格得分一致；手写公式可省略
 * @returns 计分说明
 */
export function explain(target: any, actual: any, weight: any, rule?: any, preset?: any, cellInfo?: any): string {
  plain(target, actual, weight, rule, preset, cellInfo);
  return unwrap(core.explainOf(target, actual, weight, rule, preset, cellInfo));
}

/**
 * 显示目标值或实际完成值是如何被识别的：类型、运算符、数值、单位（溢出为多行）。
 * @customfunction PARSE PARSE
 * @param text 目标值或实际完成值，如“≥24.37 万人”
 * @returns 识别结果
 */
export function parse(text: any): any[][] {
  return unwrap(core.parseOf(text));
}

/**
 * 按资金额加权平均，用于汇总多个项目的相对值或得分。
 * @customfunction WAVG WAVG
 * @param values 各项目的数值（如完成率、得分）
 * @param funds 各项目的资金额
 * @returns 加权平均值
 */
export function wavg(values: any[][], funds: any[][]): number {
  return unwrap(core.wavgOf(values, funds));
}

/**
 * 一次计算整张指标表（选中区域须包含表头行）：逐行溢出 指标、完成率、复核得分、状态、说明，最后是总分和等级。整表一次调用，比逐格调用快得多。
 * @customfunction TABLE TABLE
 * @param range 指标表区域，含表头（一级指标、三级指标、权重、目标值、实际完成值、得分、评分规则…）
 * @param [preset] 预设：national（默认）、xinjiang、hubei
 * @returns 每个指标一行的评分结果
 */
export function table(range: any[][], preset?: any): any[][] {
  return unwrap(core.tableOf(range, preset));
}

/**
 * 复核整张指标表，溢出发现的问题：行号、代码、说明（报告得分与复核不符、权重合计不为 100、总分或等级不符、缺少偏差原因等）。
 * @customfunction CHECK CHECK
 * @param range 指标表区域，含表头
 * @param [preset] 预设：national（默认）、xinjiang、hubei
 * @returns 复核发现
 */
export function check(range: any[][], preset?: any): any[][] {
  return unwrap(core.checkOf(range, preset));
}

/**
 * 问卷正面选项占比：（非常满意 + 满意 …）/ 有效答卷数。
 * @customfunction SURVEYRATE SURVEYRATE
 * @param counts 选项及人数两列（选项名称、人数），或只有人数一列
 * @param [positive] 计为正面的选项：名称（如“非常满意,满意”）、名称所在区域或序号（如“1,2”）；省略时按满意/了解/认可类默认选项（可为区域）
 * @param [valid] 有效答卷数；省略时为各选项人数之和
 * @returns 占比（小数）
 */
export function surveyrate(counts: any[][], positive?: any[][], valid?: any): number {
  return unwrap(core.surveyRateOf(counts, positive, valid));
}

/**
 * 克朗巴赫 α 信度系数（Cronbach's α）：每行一份问卷、每列一道题的得分；有空白的行不计入。
 * @customfunction ALPHA ALPHA
 * @param answers 答题得分矩阵（行 = 受访者，列 = 题目）
 * @returns 信度系数
 */
export function alpha(answers: any[][]): number {
  return unwrap(core.alphaOf(answers));
}

/**
 * 复核问卷统计表：人数合计是否等于有效问卷数、占比是否与人数相符、占比合计是否为 100%，溢出发现的问题。
 * @customfunction SURVEYCHECK SURVEYCHECK
 * @param counts 选项及人数两列（或人数一列）
 * @param shares 报告写明的占比一列（百分比数值或“8.63%”文字）
 * @param total 有效问卷数
 * @returns 复核发现（代码、说明）
 */
export function surveycheck(counts: any[][], shares: any[][], total: any): any[][] {
  return unwrap(core.surveyCheckOf(counts, shares, total));
}
