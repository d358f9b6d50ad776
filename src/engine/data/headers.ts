/**
 * Header vocabulary of indicator tables, as data. A header text is normalised (layout/headers.ts: full-width
 * forms, traditional characters, spaces, a trailing colon and bracketed suffixes such as (A), (B), (B/A),
 * （万元）, (20分) removed) and then matched: an exact synonym first, then the keyword patterns below, each
 * with a score; the best-scoring column keeps a role when two columns claim it.
 */
import type { Role } from "../layout/headers";

/** Exact names of each role after normalisation (score 3). */
export const HEADER_SYNONYMS: Record<Role, string[]> = {
  level1: ["一级指标", "一级指标名称", "一级", "年度绩效指标一级指标"],
  level1Weight: ["一级指标权重", "一级指标分值", "一级权重"],
  level2: ["二级指标", "二级指标名称", "二级"],
  level2Weight: ["二级指标权重", "二级指标分值", "二级权重"],
  level3: ["三级指标", "三级指标名称", "指标名称", "指标内容", "三级", "指标", "目标名称", "绩效内容", "评价要点", "考核要点", "具体指标", "考核指标", "绩效指标名称"],
  code: ["指标编号", "编号", "指标代码"],
  weight: ["权重", "分值", "指标分值", "指标权重", "权重(分)", "分值(分)", "三级指标权重", "三级指标分值", "标准分", "满分", "参考分值", "考核分值", "标准分值", "权重占比", "权数", "分数"],
  target: ["目标值", "年度指标值", "预期指标值", "年初目标值", "指标值", "年初指标值", "调整指标值", "年度目标值", "计划值", "预期目标值", "年度目标", "计划指标值", "年度计划值", "计划完成值", "预期值", "标准值", "考核目标值", "全年目标值"],
  actual: ["实际完成值", "业绩值", "全年实际值", "全年完成值", "完成值", "实际值", "实际完成指标值", "实际完成情况", "完成情况", "全年实际完成值", "实际完成", "完成指标值", "实际完成数", "年度完成值"],
  completion: ["完成率", "完成比例", "完成率(%)", "指标完成率"],
  score: ["得分", "指标得分", "自评得分", "评价得分", "得分(分)", "实际得分", "评分", "自评分", "折算得分", "单项指标折算得分", "评分结果", "考评得分", "评定得分"],
  rule: ["评分规则", "赋分规则", "评分标准", "指标说明和评分标准", "计分方法", "评分方法", "评分细则", "评分办法", "计分规则"],
  deviation: ["偏差原因分析", "未完成原因分析", "偏差原因分析及改进措施", "扣分原因", "扣分说明", "扣分理由", "扣分情况", "扣分情况说明", "未完成原因和改进措施", "偏差原因", "偏差原因及改进措施", "未完成原因", "偏差说明", "偏差情况说明"],
  op: ["指标性质", "指标方向", "指标类型", "计算符号", "运算符号", "符号"],
  unit: ["度量单位", "计量单位", "单位"],
  judgement: ["评价人判断", "评价判断", "评价人意见", "符合情况", "逐项判断"],
  explanation: ["指标解释", "指标说明"],
  basis: ["指标值设定依据", "设定依据"],
  prior: ["上年完成情况", "上年实际值", "上年完成值"],
  evidence: ["佐证资料", "证明材料"],
  serial: ["序号"],
  // 河北's form scores each row out of 100 (单项指标得分) and converts it by the weight share (权重占比) into 单项指标折算得分.
  // Beside a 折算得分 column it is the row's score out of 100; alone, it is the score (layout/detect.ts).
  unitScore: ["单项指标得分", "单项得分"],
  // A column saying, row by row, whether the target was met (单项指标完成情况 | 完成 / 未完成), beside the actual's own column.
  status: ["单项指标完成情况", "是否完成", "完成状态", "是否达标"],
  // A score table's account of what the evaluator found, row by row (发现3项问题；计划46所，实际完成44所): read for the figures
  // and counts a 评分标准 needs (evaluate/grounds.ts); never a rule of its own.
  grounds: ["评分依据", "评价依据", "得分依据", "扣分依据", "评分情况", "评价情况", "核查情况", "评价发现", "核查发现"],
  recheck: ["复核得分", "完成率(复核)", "偏差分析", "复核分", "抽评分", "抽评得分", "复核评分", "财政评分", "财政审核评分", "审核得分", "核定得分"],
};

/**
 * Keyword patterns (tested in order on the normalised text; the first match gives the role). Score 2, or 1 for
 * the loose ones: a loose match (绩效指标 over the whole indicator block) gives way to any better column.
 */
export const HEADER_PATTERNS: { re: RegExp; role: Role; score: number; why: string }[] = [
  // 得分系数 (score ÷ weight, capped at 100%) is not a completion rate: left unmapped, it is never checked as one.
  { re: /^得分系数/, role: "explanation", score: 1, why: "得分系数（得分占权重的比例，不作完成率核对）" },
  { re: /复核|抽评|审核|核定|财政评|评审/, role: "recheck", score: 2, why: "复核/抽评列" },
  // 评分依据及扣分说明: what was found, with the deduction explained: the grounds (evaluate/grounds.ts reads both).
  { re: /^(?:评分|评价|得分|扣分)依据|^核查情况/, role: "grounds", score: 2, why: "评分依据（评价人所见）" },
  { re: /评分(?:标准|规则|方法|细则|办法)|赋分|计分(?:方法|规则|标准)|评价标准/, role: "rule", score: 2, why: "评分标准" },
  { re: /原因|改进措施|整改措施/, role: "deviation", score: 2, why: "原因分析" },
  { re: /^一级指标/, role: "level1", score: 2, why: "一级指标" },
  { re: /^二级指标/, role: "level2", score: 2, why: "二级指标" },
  { re: /^三级指标/, role: "level3", score: 2, why: "三级指标" },
  { re: /完成率|完成比例|完成程度/, role: "completion", score: 2, why: "完成率" },
  { re: /得分|评分$|自评分/, role: "score", score: 2, why: "得分" },
  { re: /分值|权重|权数|满分|标准分/, role: "weight", score: 2, why: "分值/权重" },
  { re: /实际|完成值|业绩值|完成情况|完成数/, role: "actual", score: 2, why: "实际完成" },
  // A goals table inside a report (指标值 | 实施进度: 已完成100%): the progress is what was done, where no column says 实际.
  { re: /^(?:实施|完成|执行)进度$|^进度情况$/, role: "actual", score: 1, why: "实施进度（无实际完成值列时作实际完成值）" },
  { re: /指标值|目标值|计划数|计划值/, role: "target", score: 2, why: "指标值/目标值" },
  // An assessment form's 年度工作目标 column (1, 9%): the target where no column names a 指标值; a loose name, so that a
  // column of goals in words (工作目标 merged down the left) never takes the role from a real 指标值 column.
  { re: /^(?:年度)?(?:工作|考核)目标$/, role: "target", score: 1, why: "工作目标（无指标值列时作目标值）" },
  { re: /性质|方向|符号/, role: "op", score: 2, why: "指标性质/计算符号" },
  { re: /单位$|^(?:计量|度量)?单位\(/, role: "unit", score: 2, why: "单位" },
  { re: /指标名称|指标内容|^指标项目$/, role: "level3", score: 2, why: "指标名称" },
  { re: /^(?:绩效指标|年度绩效指标|绩效目标|年度绩效目标|指标)$/, role: "level3", score: 1, why: "绩效指标（整块的总标题时让位于三级指标）" },
  // A score table's group column (内容 | 指标 | 权重 | 评分结果): the first level; the name when no column names the indicator.
  { re: /^(?:评价|考核|绩效评价)?内容$/, role: "level1", score: 1, why: "评价内容（分组；无指标名称列时作指标名称）" },
  // The 资金管理情况 block of the central transfer-payment form (分配科学性 | 情况说明 | 分值 | 得分 | 存在问题和改进措施):
  // its items are scored rows whose description is no figure, so the block reads as a score table.
  { re: /^资金管理(?:情况)?$/, role: "level3", score: 1, why: "资金管理情况（转移支付自评表的资金管理项目）" },
  { re: /^情况说明$/, role: "explanation", score: 1, why: "情况说明（文字说明，不作实际完成值）" },
  // 备注 beside a score: where an evaluator writes the reason for a deduction (and sometimes 目标值…完成值…).
  { re: /^备注(?:说明)?$/, role: "deviation", score: 1, why: "备注（扣分原因或说明）" },
];
