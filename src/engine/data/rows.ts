/**
 * Phrases that tell what a row below an indicator header is, as data (layout/classify.ts reads them). Each list
 * is matched on the row's text folded (no spaces, full-width forms and traditional characters folded).
 */

/** Names of template rows left unfilled: 指标1, 指标2：, 指标L (an OCR'd 1), ……, …, ——. */
export const PLACEHOLDER_NAMES: RegExp[] = [
  /^指标[0-9一二三四五六七八九十lLIi|]{0,2}[:：.、]?$/,
  /^[…．.·。、\-—─－_~～]+$/,
  /^(?:其他|其它)?(?:指标)?[:：]?(?:……|…)$/,
];

/** A label that starts a note or explanation below the table: 注：, 注1., 备注：, 说明, 填表说明. */
export const NOTE_MARKERS: RegExp[] = [
  /^(?:注|附注|备注|说明|填表说明|填报说明|注释)(?:\d|[:：.、（(]|$)/,
  /^其他需要说明的?事项/,
  /^其他说明/,
];

/** Conclusion blocks that follow the indicators in many 自评表 (评价结论, 存在问题, 改进措施 …). */
export const CONCLUSION_LABELS: RegExp[] = [
  /^(?:评价结论|自评结论|总体评价|存在问题|存在的问题|主要问题|问题及原因|改进措施|整改措施|改进意见|下一步(?:工作)?(?:计划|措施|打算)|结果应用|自评情况说明|绩效自评结论)/,
];

/** Signature, contact and date lines: 填表人, 联系电话, 项目负责人：, (盖章), 年 月 日. */
export const SIGNATURE_MARKERS: RegExp[] = [
  /填表人|填报人|制表人|联系电话|联系人|审核人|复核人|单位负责人|财务负责人|项目负责人[:：]|分管领导|盖章|填报日期|填表日期|^日期[:：]/,
  /^(?:\d{4})?年\d{0,2}月\d{0,2}日$/,
];

/** A cell that says "nothing" (a row holding only these is not an indicator). */
export const NONE_WORDS = ["无", "暂无", "没有", "无。", "/", "—", "-", "——", "不适用", "无说明"];

/** A target/actual that marks an indicator as not applicable (both cells hold one of these). */
export const NOT_APPLICABLE_WORDS = ["/", "／", "不适用", "不涉及", "无此项"];

/** The title of a table (a row holding only this ends the table above it). */
export const TABLE_TITLE: RegExp = /(?:自评表|评价表|评分表|指标表|目标表|绩效表|申报表|监控表|情况表)(?:\(.*\))?$/;

/** Labels of the block above a table (项目名称, 主管部门 …): a row starting with one ends the table above. */
export const BASIC_INFO_LABELS: RegExp = /^(?:项目名称|主管部门|实施单位|项目基本情况|项目实施单位|专项资金名称|资金名称|单位名称|部门名称|预算单位|项目负责人及电话|总体目标|年度总体目标|总体目标完成情况|年度总体目标完成情况)$/;

/** A sub-item under the indicator above (其中：…, 其中桃树种植面积) with no points of its own: part of that indicator. */
export const SUB_ITEM: RegExp = /^(?:其中|含|包括)[:：]?/;

/** A total of the whole table written in the title block: 项目总得分 99分, 自评得分 98, 自评总分. */
export const TITLE_TOTAL_LABELS: RegExp = /^(?:项目)?(?:总得分|自评得分|自评总得分|自评总分|综合得分|总分|绩效自评得分|自评分数)$/;

/**
 * Indicator names that are lower-is-better by their nature (控制率 ≤ 100%, 调整率, 结转结余率, 投诉率, 事故数):
 * a bare target beside such a name (no ≤/≥, no 指标性质 column) is read as a ceiling, and the row says so.
 */
export const LOWER_IS_BETTER_NAMES: RegExp = /(?:控制率|调整率|结余率|结转率|变动率|(?:受害|成灾|发病|死亡|感染|犯罪|案发|逾期|不良|误差|差错|失误|投诉|事故|违规|违纪|超支|偏差|流失|空置|损耗|返工|不合格|闲置|上访)(?:发生)?(?:率|数|次数|起数|件数|面积))$/;

/** Level points stated in a note below the table: 一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分. */
export const NOTE_LEVEL_WEIGHT: RegExp = /(产出指标|效益指标|满意度指标|成本指标)(\d+(?:\.\d+)?)分/g;

/** The national template's second-level names (数量指标, 经济效益指标, 服务对象满意度指标 …). */
export const LEVEL2_WORD = /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标/;
/** A level's name as it stands in an indicator row (产出指标, 质量指标 (10分)), never in a header row. */
export const LEVEL_VALUE = new RegExp(`^(?:(?:产出|效益|效果|满意度)指标|${LEVEL2_WORD.source.slice(1)})`);
/** The 一级指标 of the national framework, as a whole cell (产出指标, 效益指标, 满意度指标; 成本指标 where cost is its own level). */
export const LEVEL1_WORD = /^(?:产出|效益|满意度|成本)指标$/;

/** A row the form marks optional: `(可选项)`, `（可选）`, `选填`; with no weight and no score it is an option not taken. */
export const OPTIONAL_ROW: RegExp = /[(（]\s*(?:可选项?|选填|选用|自选)\s*[)）]|可选指标/;

/** A rule that assesses one of two rows (二者择其一, 二选一, 任选其一): the pair shares one weight. */
export const ALTERNATIVE_RULE: RegExp = /[二两]者(?:择|选)其?一|二选一|任选其一|择一(?:进行)?考核/;

/** The label of the title block's 年度总体目标 (its goal in words, and what was done). */
export const GOAL_LABEL: RegExp = /^(?:年度总体目标|总体目标|项目年度目标|年度绩效目标|总体目标完成情况)$/;
/** Labels inside that block (预期目标 | 实际完成情况): headings, not the goal. */
export const GOAL_SUBLABEL: RegExp = /^(?:预期目标|年初设定目标|设定目标|总体目标|项目年度目标|实际完成情况|全年实际完成情况|全年完成情况|完成情况|(?:年度)?总体目标完成情况(?:综述)?|年度目标完成情况|1\.项目年度目标完成情况)$/;

/**
 * A cost row that names a standard to be paid (培训补贴标准, 人均补助标准, 慰问金发放标准): the amount each person is owed,
 * not a ceiling on what is spent. A bare amount there (3000元/人) is the standard to reach, not “≤”.
 */
export const PAID_STANDARD: RegExp = /(?:补贴|补助|资助|奖补|奖励|救助|慰问金?|生活费|发放)(?:资金)?(?:标准|金额)/;
/**
 * Standards a unit must at least provide (生均公用经费标准 ≥720元/生·年: the state's floor per pupil), besides the standards to
 * be paid above: R04 does not read their ≥ as a cost written the wrong way. (Meeting, training and office standards are
 * ceilings: not here.)
 */
export const PROVIDED_STANDARD: RegExp = /生均(?:公用)?经费/;

/** Units whose whole budget is never 100 亿元 (budget-unit-doubt warns only for them): offices, centres, schools, townships. */
export const SMALL_UNIT: RegExp = /研究室|研究所|研究院|中心|站|所$|馆|学校|学院|大学|中学|小学|幼儿园|医院|卫生院|乡|镇|街道|村|社区|大队|中队|林场|农场|剧团|协会|联合会|办公室|研究会|编辑部/;

/** Title-block labels before the unit's name. */
export const UNIT_LABEL: RegExp = /^(?:部门(?:[(（]单位[)）])?名称|单位名称|部门名称|预算单位|实施单位|项目实施单位|资金使用单位|填报单位|部门|单位)[:：]?$/;
/** A unit's name written in its label's cell (单位名称:塘湖镇政府, 填报日期 after it cut off). */
export const UNIT_INLINE: RegExp = /^(?:单位名称|部门名称|填报单位|实施单位|预算单位)[:：](.+?)(?:填报日期.*)?$/;
/** The fields of a title block naming the unit above the one evaluated (主管部门, 项目单位). */
export const MANAGER_LABEL: RegExp = /^(?:项目单位|(?:项目|中央|地方)?主管(?:部门|单位))[:：]?$/;

/**
 * A level written as a numbered heading in the names' own column (一、产出指标 | 50 | 45.68; （一）数量指标), in forms that have no
 * level columns. 一、 opens a first level; under other numbers ((一), 1.) the word says which: 产出, 效益, 满意度 the first, the
 * others (数量指标, 社会效益指标 …) the second. The name must be a level's word.
 */
export const NUMBERED_LEVEL: RegExp = /^(?:([一二三四五六七八九十]+)[、.．]|[（(]([一二三四五六七八九十]+)[)）]|\d+[.．、]|[（(]\d+[)）])\s*((?:产出|效益|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|生态环境效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本|效果|影响)(?:指标)?)(?:[(（]\d+(?:\.\d+)?分[)）])?$/;

/** The label of a block of goals on a row of its own (年度绩效目标2（40分） | 目标2：…): the block's title, not an indicator. */
export const BLOCK_LABEL: RegExp = /^(?:年度)?(?:绩效)?目标\s*\d+\s*[(（]\d+(?:\.\d+)?分[)）]$/;
