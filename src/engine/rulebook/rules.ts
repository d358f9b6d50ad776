/**
 * The 复核口径 rulebook: what a reviewer checks beyond arithmetic, as data. Each rule has a stable id, a Chinese
 * name, what it checks, a severity (重大 / 一般 / 提示), its thresholds, whether it is on, and the public document
 * or practice it comes from. A reviewer edits this (the pane's 设置, or `eval-score --rules FILE`); the checks
 * themselves are in checks.ts, keyed by id.
 *
 * Sources cited:
 * - 财预〔2020〕10号《项目支出绩效评价管理办法》 (第十六条: 绩效指标应细化、量化，难以量化的定性描述; 第二十条: 偏差原因分析).
 * - 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》: 指标应量化、可衡量，指标值应有
 *   运算符与计量单位；成本指标为“≤”的反向指标；数量指标反映产出数量而非资金；满意度指标应有调查依据；指标值的设定
 *   应有依据，避免“目标定得过低”.
 * - Provincial 自评复核 practice in third-party working papers: 自评流于形式（全部满分但资金未执行完或目标未完成）,
 *   偏差原因“无”或套话，扣分说明与得分不符.
 */
export type RuleSeverity = "重大" | "一般" | "提示";

export interface ReviewRule {
  id: string;
  name: string;
  checks: string;
  severity: RuleSeverity;
  /** Numbers the check compares against; their meaning is in `checks`. */
  thresholds: Record<string, number>;
  enabled: boolean;
  /** Needs actuals (自评) or works on a 申报 table too (targets only). */
  stage: "自评" | "申报及自评";
  source: string;
}

export const DEFAULT_RULES: readonly ReviewRule[] = [
  {
    id: "R01", name: "自评流于形式", severity: "一般", enabled: true, stage: "自评",
    checks: "每个指标都自评满分，但预算执行率低于阈值，或按规则复核有指标未完成",
    thresholds: { executionBelow: 0.9 },
    source: "财预〔2020〕10号第二十条；第三方自评复核工作底稿常见问题“自评流于形式”",
  },
  {
    id: "R02", name: "效益指标未量化", severity: "提示", enabled: true, stage: "申报及自评",
    checks: "效益类指标（一级或二级指标含“效益”）的指标值只有定性描述，无法衡量",
    thresholds: {},
    source: "财预〔2020〕10号第十六条（绩效指标应细化、量化）；财预〔2021〕101号",
  },
  {
    id: "R03", name: "指标值缺少运算符或单位", severity: "提示", enabled: true, stage: "申报及自评",
    checks: "数值型指标值既无运算符（≥、≤、=）也无计量单位（如“100”）",
    thresholds: {},
    source: "财预〔2021〕101号（指标值由运算符、数值和计量单位组成）",
  },
  {
    id: "R04", name: "成本指标方向不当", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "成本指标（二级指标或名称含“成本”）的指标值写作“≥”或“>”，成本应为上限（≤）",
    thresholds: {},
    source: "财预〔2021〕101号（成本指标一般为“≤”的反向指标）",
  },
  {
    id: "R05", name: "数量指标为资金金额", severity: "提示", enabled: true, stage: "申报及自评",
    checks: "数量指标的计量单位是元或万元：数量指标应反映产出的数量，而非投入的资金",
    thresholds: {},
    source: "财预〔2021〕101号（产出数量指标不以资金量代替）",
  },
  {
    id: "R06", name: "同一指标重复计入", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "同一名称的三级指标出现在不同的二级指标下（如产出与效益，或成本、经济效益与社会效益）：同一事项重复计分，或指标名写的是项目内容",
    thresholds: {},
    source: "第三方复核实务：产出与效益指标重复设置",
  },
  {
    id: "R07", name: "满意度缺少调查依据", severity: "提示", enabled: true, stage: "自评",
    checks: "满意度指标有实际完成值，但工作簿中没有问卷统计表，指标行也未写样本数或调查方式",
    thresholds: {},
    source: "财预〔2021〕101号（满意度指标应以问卷调查等为依据）",
  },
  {
    id: "R08", name: "产出达标而资金几乎未执行", severity: "一般", enabled: true, stage: "自评",
    checks: "产出指标全部完成，但预算执行率低于阈值",
    thresholds: { executionBelow: 0.5 },
    source: "第三方复核实务：产出与资金执行不匹配",
  },
  {
    id: "R09", name: "目标设定过低", severity: "提示", enabled: true, stage: "自评",
    checks: "正向数量指标的实际完成值达到目标的阈值倍数以上（目标可能定得过低）；达到 warnTimes 倍（一个数量级）时至少按“一般”提出：目标或实际的单位、口径很可能填错，复核须追问",
    thresholds: { timesTarget: 3, warnTimes: 10 },
    source: "财预〔2021〕101号（指标值设定应科学合理，避免目标过低）",
  },
  {
    id: "R10", name: "偏差原因为空或套话", severity: "一般", enabled: true, stage: "自评",
    checks: "按规则复核未完成目标的指标，偏差原因分析写作“无”“/”“已完成”等，或未填写",
    thresholds: {},
    source: "财预〔2020〕10号第二十条（对未完成目标的，应分析偏差原因）",
  },
  {
    id: "R11", name: "扣分说明与得分不符", severity: "一般", enabled: true, stage: "自评",
    checks: "偏差原因或说明中写明“扣N分”，但权重减去自评得分不等于N",
    thresholds: { tolerance: 0.01 },
    source: "第三方复核实务：扣分说明应与得分一致",
  },
  {
    id: "R12", name: "定性指标扣分无理由", severity: "一般", enabled: true, stage: "自评",
    checks: "定性指标自评得分低于权重，但未写扣分或偏差原因",
    thresholds: {},
    source: "财预〔2020〕10号第二十条",
  },
  {
    id: "R13", name: "数量指标方向不当", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "数量指标（二级指标含“数量”）做的是一件要完成的事（建设、开展、制作、发放……），指标值却写作“≤”或“<”（上限）：少做甚至不做也算达标；越少越好的数量（事故、投诉、差错等）不在此列",
    thresholds: {},
    source: "财预〔2021〕101号（产出数量指标一般为“≥”的正向指标）",
  },
  {
    id: "R14", name: "自评未填写", severity: "一般", enabled: true, stage: "自评",
    checks: "表中每个有分值的指标都既无实际完成值也无自评得分：自评表尚未填写（填写中的表格也会看到这一条）；或已填实际完成值，但没有一项自评得分、合计行也没有总分：自评尚未打分",
    thresholds: {},
    source: "财预〔2020〕10号第十九条（单位自评应如实填写实际完成情况并评分）",
  },
  {
    id: "R15", name: "是否类指标写了数值", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "名称以“是否”开头的指标，指标值或实际完成值却是不带单位的数字（如与分值相同的 12.5，疑为误填分值）；是否类指标应写“是/否”",
    thresholds: {},
    source: "财预〔2021〕101号（定性指标以“是/否”等表述）",
  },
  {
    id: "R16", name: "指标值与名称不符", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "指标名称要求零发生（无……发生、零事故、杜绝……），指标值却允许发生若干次（如“小于5次”）",
    thresholds: {},
    source: "财预〔2021〕101号（指标值应与指标内容相符）",
  },
  {
    id: "R17", name: "成本超过实际支出", severity: "一般", enabled: true, stage: "自评",
    checks: "成本指标（二级指标或名称含“成本”）的实际完成值是一笔金额，却超过预算块（或资金情况）的全年实际支出：实际成本照抄了预算或目标，或口径有误；按单位计的成本（元/人）不在此列",
    thresholds: {},
    source: "财预〔2021〕101号（成本指标反映实际发生的成本）；第三方复核实务：成本指标实际值与执行数不符",
  },
  {
    id: "R18", name: "数量指标未写数量", severity: "一般", enabled: true, stage: "自评",
    checks: "指标名称问的是一个数量（……数量、人数、次数、面积、里程等），指标值和实际完成值却都只有文字、没有一个数：完成了多少无从核对（实际值照抄指标值的文字时常见）",
    thresholds: {},
    source: "财预〔2021〕101号（数量指标反映预期提供的产品和服务数量，指标值应量化）",
  },
  {
    id: "R19", name: "率类指标的指标值为个数", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "指标名称是一个比率（……率：覆盖率、签约率、合格率），指标值却是个数或人数（如“37个”“24694人”），与名称口径不一致，完成率无从按名称计算",
    thresholds: {},
    source: "财预〔2021〕101号（指标值应与指标名称、计量单位相符）",
  },
  {
    id: "R20", name: "产出指标放错一级指标", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "数量、质量、时效、成本指标（产出的二级指标）放在“决策”“过程”“投入”之下：那是绩效评价指标体系的评价维度，不是绩效目标的一级指标，应为“产出指标”",
    thresholds: {},
    source: "财预〔2021〕101号（绩效目标的一级指标为产出、效益、满意度；产出指标下设数量、质量、时效、成本）",
  },
  {
    id: "R21", name: "指标名称只写期间", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "三级指标的名称只写了一个期间（全年、年度、上半年、一季度），没有写衡量什么（名称栏填数值或日期的，如“2020年”“100万”，另由“指标名称栏填的是数值”提示）",
    thresholds: {},
    source: "财预〔2021〕101号（指标名称应简洁明确地反映衡量的内容）",
  },
  {
    id: "R22", name: "实际完成值写成工作进度", severity: "一般", enabled: true, stage: "自评",
    checks: "实际完成值只写了进度（已完成100%、完成进度95%），指标值却是数量、金额或完成以外的比率（满意度90%）：实际完成了多少、达到多少无从核对；一张表一条，列出各行",
    thresholds: {},
    source: "财预〔2020〕10号第二十条（自评应如实填写实际完成值）；第三方复核实务：以进度代替实际完成值",
  },
  {
    id: "R23", name: "资金管理情况说明与执行率不符", severity: "一般", enabled: true, stage: "自评",
    checks: "转移支付自评表“资金管理情况”中“执行准确性”的情况说明称执行准确、不存在执行数偏离预算数较多的问题，而表中预算执行率低于阈值",
    thresholds: { executionBelow: 0.9 },
    source: "财政部转移支付区域（项目）绩效自评表（资金管理情况：执行准确性反映执行数是否偏离预算数）；财预〔2020〕10号第二十条",
  },
  {
    id: "R24", name: "资金管理情况说明与存在问题矛盾", severity: "一般", enabled: true, stage: "自评",
    checks: "“资金管理情况”某一项的情况说明称已做到（及时分解下达、严格按合同支付），同一行的“存在问题”却写下达滞后、支付缓慢等",
    thresholds: {},
    source: "财政部转移支付区域（项目）绩效自评表（资金管理情况：情况说明与存在问题和改进措施）",
  },
  {
    id: "R25", name: "资金管理情况未填写", severity: "一般", enabled: true, stage: "自评",
    checks: "“资金管理情况”中某一项（分配科学性、下达及时性、拨付合规性、使用规范性、执行准确性、预算绩效管理情况、支出责任履行情况）的情况说明空白",
    thresholds: {},
    source: "财政部转移支付区域（项目）绩效自评表（资金管理情况各项均应填写情况说明）",
  },
  {
    id: "R26", name: "资金未执行未说明原因", severity: "一般", enabled: true, stage: "自评",
    checks: "预算执行率低于阈值，而表中（资金管理情况的存在问题、偏差原因、各指标与资金有关的原因说明）没有写资金未执行的原因",
    thresholds: { executionBelow: 0.9 },
    source: "财预〔2020〕10号第二十条（对未完成的绩效目标和预算执行偏差说明原因）；转移支付区域（项目）绩效自评表（执行准确性：存在问题和改进措施）",
  },
  {
    id: "R27", name: "已达标而说明写未完成", severity: "一般", enabled: true, stage: "自评",
    checks: "按实际完成值该行已达到目标（或实际完成值写了却看不出未完成），本行的偏差原因或说明却写工作尚未完成（未完成、尚未完成、待……审核后将尽快实施、正在建设）：实际完成值多为照抄指标值",
    thresholds: {},
    source: "财预〔2020〕10号第二十条（如实填写实际完成值，对偏差说明原因）",
  },
  {
    id: "R28", name: "二级指标名称笔误", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "二级指标名称与绩效指标体系的名称（数量、质量、时效、成本、经济效益、社会效益、生态效益、可持续影响、服务对象满意度指标）只差一个字（如“日效性指标”），疑为笔误；三个字以上的名称才比较",
    thresholds: {},
    source: "财预〔2020〕10号附件（项目支出绩效自评表）；财预〔2021〕101号（绩效指标体系）",
  },
  {
    id: "R29", name: "指标值只写了率的名称", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "指标值（年度目标值）只写了一个率的名称（如“知识更新率”），没有要达到的数值；写明方向或程度的定性目标（提高普及率、保持较高满意率）不在此列",
    thresholds: {},
    source: "财预〔2020〕10号第十二条（绩效指标应当细化、量化，可衡量）",
  },
  {
    id: "R30", name: "效益类指标夹在产出指标中", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "效益或满意度类二级指标（经济效益、社会效益、满意度……）写在一级指标“产出指标”之下，且其后又是产出的二级指标（数量、质量、时效、成本）：归错了一级指标",
    thresholds: {},
    source: "财预〔2021〕101号（绩效目标的一级指标为产出、效益、满意度；产出指标下设数量、质量、时效、成本）",
  },
  {
    id: "R31", name: "百分比单位疑误", severity: "一般", enabled: true, stage: "申报及自评",
    checks: "指标以 % 计（名称标明“(%)”或指标值带 %），指标值却在 1000 以上：数字像是金额或数量，计量单位写错",
    thresholds: {},
    source: "财预〔2020〕10号第十二条（绩效指标应当细化、量化，可衡量；计量单位应与指标一致）",
  },
  {
    id: "R32", name: "效益满分而产出大半未完成", severity: "一般", enabled: true, stage: "自评",
    checks: "产出指标按规则复核的得分不到其分值的一半（至少两项），效益指标却自评满分：效益与产出脱节",
    thresholds: { outputShare: 0.5 },
    source: "财预〔2020〕10号第十条（绩效评价应当真实反映产出和效益）；第三方复核实务：产出未完成而效益满分须说明依据",
  },
];

/** The rules merged with a reviewer's changes (`enabled`, `severity`, `thresholds` by id); unknown ids are reported. */
export function mergeRules(changes: unknown): { rules: ReviewRule[]; errors: string[] } {
  const errors: string[] = [];
  const byId = new Map(DEFAULT_RULES.map((r) => [r.id, { ...r, thresholds: { ...r.thresholds } }]));
  const list = Array.isArray(changes) ? changes : changes && typeof changes === "object" && Array.isArray((changes as { rules?: unknown }).rules) ? (changes as { rules: unknown[] }).rules : null;
  if (changes !== null && changes !== undefined && list === null) errors.push("规则文件应为规则数组，或含 rules 数组的对象");
  for (const [i, c] of (list ?? []).entries()) {
    if (!c || typeof c !== "object") {
      errors.push(`第 ${i + 1} 条不是对象`);
      continue;
    }
    const o = c as Partial<ReviewRule>;
    const rule = typeof o.id === "string" ? byId.get(o.id) : undefined;
    if (!rule) {
      errors.push(`第 ${i + 1} 条：未知的规则编号“${String(o.id)}”（可用：${[...byId.keys()].join("、")}）`);
      continue;
    }
    if (o.enabled !== undefined) {
      if (typeof o.enabled === "boolean") rule.enabled = o.enabled;
      else errors.push(`${rule.id}：enabled 应为 true 或 false`);
    }
    if (o.severity !== undefined) {
      if (o.severity === "重大" || o.severity === "一般" || o.severity === "提示") rule.severity = o.severity;
      else errors.push(`${rule.id}：severity 应为 重大、一般 或 提示`);
    }
    for (const [k, v] of Object.entries(o.thresholds ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(rule.thresholds, k)) errors.push(`${rule.id}：没有阈值“${k}”（可用：${Object.keys(rule.thresholds).join("、") || "无"}）`);
      else if (typeof v !== "number" || !Number.isFinite(v) || v < 0) errors.push(`${rule.id}：阈值 ${k} 应为非负数`);
      else rule.thresholds[k] = v;
    }
  }
  return { rules: [...byId.values()], errors };
}
