import type { Merge } from "./grid";

/** A blank table to insert: values by row (null = empty) and merges (0-based, relative to A1). */
export interface Template {
  name: string;
  rows: (string | number | null)[][];
  merges: Merge[];
  widths: number[];
}

/**
 * 标准项目支出绩效自评表: budget block worth 10 points, indicators 产出 50, 效益 30, 满意度 10 (财预〔2020〕10号).
 * The weights are a starting point the unit adjusts; targets and actuals are left blank to fill.
 */
export function selfEvaluationTemplate(): Template {
  const rows: (string | number | null)[][] = [
    ["项目支出绩效自评表", null, null, null, null, null, null, null, null],
    ["（      年度）", null, null, null, null, null, null, null, null],
    ["项目名称", null, null, null, null, null, null, null, null],
    ["主管部门", null, null, null, "实施单位", null, null, null, null],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null, null],
    ["年度资金总额", null, null, null, 10, null, null, null, null],
    [null, null, null, null, null, null, null, null, null],
    ["一级指标", "二级指标", "三级指标", "权重", "目标值", "实际完成值", "得分", "评分规则", "偏差原因分析"],
    ["产出指标", "数量指标", null, 15, null, null, null, "按照完成比例赋分", null],
    ["产出指标", "质量指标", null, 15, null, null, null, "按照完成比例赋分", null],
    ["产出指标", "时效指标", null, 10, null, null, null, "直接赋分", null],
    ["产出指标", "成本指标", null, 10, null, null, null, "按照完成比例赋分", null],
    ["效益指标", "经济效益指标", null, 10, null, null, null, "按评判等级赋分", null],
    ["效益指标", "社会效益指标", null, 10, null, null, null, "按评判等级赋分", null],
    ["效益指标", "可持续影响指标", null, 10, null, null, null, "按评判等级赋分", null],
    ["满意度指标", "服务对象满意度指标", null, 10, null, null, null, "满意度赋分", null],
    ["总分", null, null, 100, null, null, null, null, null],
    ["评价等级", null, null, null, null, null, null, null, null],
  ];
  return {
    name: "绩效自评表",
    rows,
    merges: [{ r1: 0, c1: 0, r2: 0, c2: 8 }, { r1: 1, c1: 0, r2: 1, c2: 8 }, { r1: 2, c1: 1, r2: 2, c2: 8 }, { r1: 8, c1: 0, r2: 11, c2: 0 }, { r1: 12, c1: 0, r2: 14, c2: 0 }],
    widths: [14, 16, 26, 8, 14, 14, 8, 18, 26],
  };
}

/** 四维评价指标表 (决策, 过程, 产出, 效益) with the common 三级 indicators of seeds 000 and 004 and their rules. */
export function fourDimensionTemplate(): Template {
  const r = (l1: string | null, l1w: number | null, l2: string | null, l2w: number | null, l3: string, w: number, rule: string) => [l1, l1w, l2, l2w, l3, w, rule, null, null, null, null];
  const rows: (string | number | null)[][] = [
    ["项目绩效评价指标体系评分表", null, null, null, null, null, null, null, null, null, null],
    ["一级指标", "权重", "二级指标", "权重", "三级指标", "权重", "评分标准", "实际完成值", "评价人判断", "得分", "扣分原因"],
    r("A 决策", 20, "A1 项目立项", 6, "A11 立项依据充分性", 3, "①符合法律法规和政策；②符合发展规划；③与部门职责相符。3项各占1/3权重分，每有一项不满足，则扣除相应权重分。"),
    r("A 决策", 20, "A1 项目立项", 6, "A12 立项程序规范性", 3, "①按规定程序申请设立；②审批文件、材料符合要求；③经过事前绩效评估。3项各占1/3权重分，每有一项不满足，则扣除相应权重分。"),
    r("A 决策", 20, "A2 绩效目标", 6, "A21 绩效目标合理性", 3, "①有绩效目标；②与实际工作内容相关；③符合正常业绩水平；④与资金量匹配。4项各占1/4权重分，每有一项不满足，则扣除相应权重分。"),
    r("A 决策", 20, "A2 绩效目标", 6, "A22 绩效指标明确性", 3, "①细化分解为具体指标；②清晰可衡量；③与目标任务数对应。3项各占1/3权重分，每有一项不满足，则扣除相应权重分。"),
    r("A 决策", 20, "A3 资金投入", 8, "A31 预算编制科学性", 5, "①经过科学论证；②内容与项目匹配；③测算依据充分；④资金量与任务匹配。4项各占1/4权重分，每有一项不满足，则扣除相应权重分。"),
    r("A 决策", 20, "A3 资金投入", 8, "A32 资金分配合理性", 3, "①分配依据充分；②分配额度合理。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。"),
    r("B 过程", 20, "B1 资金管理", 10, "B11 资金到位率", 2, "得分=资金到位率×权重分，最高得分2分。"),
    r("B 过程", 20, "B1 资金管理", 10, "B12 预算执行率", 4, "预算执行率≥95%，得4分；每降低5%，扣1分，扣完为止。"),
    r("B 过程", 20, "B1 资金管理", 10, "B13 资金使用合规性", 4, "①符合财经法规；②拨付手续完整；③符合批复用途；④无截留挤占挪用。4项各占1/4权重分，每有一项不满足，则扣除相应权重分。"),
    r("B 过程", 20, "B2 组织实施", 10, "B21 管理制度健全性", 5, "①有财务管理制度；②有业务管理制度。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。"),
    r("B 过程", 20, "B2 组织实施", 10, "B22 制度执行有效性", 5, "①遵守相关法规和管理规定；②资料齐全。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。"),
    r("C 产出", 30, "C1 产出数量", 10, "C11 实际完成率", 10, "按照完成比例赋分"),
    r("C 产出", 30, "C2 产出质量", 10, "C21 质量达标率", 10, "实际完成率符合预期指标值得满分；未完成且完成率大于60%的，得分=（实际完成率-60%）/（1-60%）×权重分值；完成率小于60%不得分。"),
    r("C 产出", 30, "C3 产出时效", 5, "C31 完成及时性", 5, "按时完成得满分；否则不得分。"),
    r("C 产出", 30, "C4 产出成本", 5, "C41 成本节约率", 5, "实际完成率大于100%，得0分；完成率等于100%，得满分；若60%≤完成率<100%，得分=(实际完成率-60%)/(1-60%)×权重分值。"),
    r("D 效益", 30, "D1 实施效益", 20, "D11 社会效益", 10, "达成预期指标、部分达成、未达成三档，分别按照该指标对应分值区间100-80%（含80%）、80-50%（含50%）、50-0%合理确定分值。"),
    r("D 效益", 30, "D1 实施效益", 20, "D12 可持续影响", 10, "达成预期指标、部分达成、未达成三档，分别按照该指标对应分值区间100-80%（含80%）、80-50%（含50%）、50-0%合理确定分值。"),
    r("D 效益", 30, "D2 满意度", 10, "D21 服务对象满意度", 10, "满意度≥90%，得满分；60%≤满意度<90%，得分=满意度×10分；满意度<60%，不得分。"),
    ["合计", 100, null, null, null, null, null, null, null, null, null],
    ["评价等级", null, null, null, null, null, null, null, null, null, null],
  ];
  return { name: "绩效评价指标表", rows, merges: [{ r1: 0, c1: 0, r2: 0, c2: 10 }], widths: [10, 6, 14, 6, 22, 6, 48, 12, 12, 8, 20] };
}
