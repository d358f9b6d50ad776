/** Column roles of an indicator table, and the header texts that name them (compared without spaces). */
export type Role =
  | "level1" | "level1Weight" | "level2" | "level2Weight" | "level3" | "code"
  | "weight" | "target" | "actual" | "completion" | "score" | "rule" | "deviation" | "op" | "unit"
  | "judgement" | "explanation" | "basis" | "prior" | "evidence" | "serial" | "recheck";

/** Synonyms by role. Exact matches after folding; the longest synonym wins where one contains another. */
export const HEADER_SYNONYMS: Record<Role, string[]> = {
  level1: ["一级指标", "一级指标名称", "一级", "年度绩效指标一级指标"],
  level1Weight: ["一级指标权重", "一级指标分值", "一级权重"],
  level2: ["二级指标", "二级指标名称", "二级"],
  level2Weight: ["二级指标权重", "二级指标分值", "二级权重"],
  level3: ["三级指标", "三级指标名称", "指标名称", "指标内容", "绩效指标", "三级", "指标"],
  code: ["指标编号", "编号", "指标代码"],
  weight: ["权重", "分值", "指标分值", "指标权重", "权重(分)", "分值(分)", "三级指标权重", "三级指标分值", "标准分", "满分"],
  target: ["目标值", "年度指标值", "预期指标值", "年初目标值(A)", "年初目标值", "指标值", "年初指标值", "调整指标值", "年度目标值", "目标值(A)", "计划值", "预期目标值", "年度目标"],
  actual: ["实际完成值", "业绩值", "全年实际值", "实际完成值(B)", "全年完成值", "完成值", "实际值", "实际完成指标值", "实际完成情况", "完成情况"],
  completion: ["完成率", "得分系数", "完成比例", "完成率(%)", "指标完成率"],
  score: ["得分", "指标得分", "自评得分", "评价得分", "得分(分)", "实际得分", "评分"],
  rule: ["评分规则", "赋分规则", "评分标准", "指标说明和评分标准", "计分方法", "评分方法", "评分细则", "评分办法", "计分规则"],
  deviation: ["偏差原因分析", "未完成原因分析", "偏差原因分析及改进措施", "扣分原因", "未完成原因和改进措施", "偏差原因", "偏差原因及改进措施", "未完成原因"],
  op: ["指标性质", "指标方向", "指标类型"],
  unit: ["度量单位", "计量单位", "单位"],
  judgement: ["评价人判断", "评价判断", "评价人意见", "符合情况", "逐项判断"],
  explanation: ["指标解释", "指标说明"],
  basis: ["指标值设定依据", "设定依据"],
  prior: ["上年完成情况", "上年实际值", "上年完成值"],
  evidence: ["佐证资料", "证明材料"],
  serial: ["序号"],
  recheck: ["复核得分", "完成率(复核)", "偏差分析"],
};

/** Folded header text → role; the first role to name a text keeps it. */
const LOOKUP = new Map<string, Role>();
for (const [role, words] of Object.entries(HEADER_SYNONYMS)) for (const w of words) if (!LOOKUP.has(fold(w))) LOOKUP.set(fold(w), role as Role);

/** Fold a header text: no spaces, half-width brackets, no trailing colon. */
export function fold(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").replace(/[:：]$/, "");
}

/** The role a header text names, or null. A weight in the header (`得分(20分)`) is ignored for matching. */
export function roleOf(header: string): Role | null {
  const h = fold(header).replace(/\(\d+(?:\.\d+)?分\)$/, "");
  if (h === "") return null;
  return LOOKUP.get(h) ?? null;
}

/** Budget block headers (自评表): 年初预算数/全年预算数/全年执行数/分值/执行率/得分, and the (A)/(B) form. */
export type BudgetRole = "initial" | "fullYear" | "executed" | "weight" | "rate" | "score";

const BUDGET_WORDS: [RegExp, BudgetRole][] = [
  [/^(?:年初预算数|预算数\(A\)|预算数|年初预算|年初预算数\(万元\))$/, "initial"],
  [/^(?:全年预算数|调整后预算数|全年预算|全年预算数\(万元\))$/, "fullYear"],
  [/^(?:全年执行数|执行数\(B\)|执行数|实际执行数|全年执行数\(万元\)|实际支出)$/, "executed"],
  [/^(?:分值|权重)$/, "weight"],
  [/^(?:执行率|全年执行率|执行率\(B\/A\)|预算执行率)$/, "rate"],
  [/^(?:得分|得分\(\d+分\*执行率\)|自评得分)$/, "score"],
];

export function budgetRoleOf(header: string): BudgetRole | null {
  const h = fold(header).replace(/[（]/g, "(").replace(/[）]/g, ")");
  for (const [re, role] of BUDGET_WORDS) if (re.test(h)) return role;
  return null;
}
