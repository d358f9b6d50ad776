/**
 * Qualitative vocabulary, as data (measure/grade.ts reads it). A text is read as a grade only when it contains
 * one of these words; any other text is unreadable (never guessed). Negations and partial words are tested
 * first: 未达到 is unmet before 达到 is met, 基本达到 is partial before 达到.
 */

/** Words that say the target was not reached. */
export const UNMET_WORDS = [
  "未达成", "未达到", "未能", "没有完成", "没完成", "没有实现", "未完成", "未实现", "未发放", "未拨付", "未兑现", "未足额", "不足额", "尚未", "没有达到", "不达标", "不符合", "不合规", "不满足", "较差", "程度较低", "不健全",
  "不规范", "不充分", "不合理", "不明确", "无效", "否", "未落实", "未执行", "未按时", "未及时", "滞后", "效果不明显", "不及时",
  // Over the budget (超出预算, 超支); its denial (未超预算, 无超支) is met (measure/grade.ts).
  "超支", "超出预算", "超预算", "突破预算",
];

/**
 * Words that say plainly the work was not done: an actual holding one is unmet even when its figures cannot be read
 * (1-2期未能及时培训), as it would be without them.
 */
export const STATED_UNMET_WORDS = ["未能", "未完成", "未达到", "未达成", "未实现", "没有达到", "没有完成", "不达标", "未按时", "未及时"];

/** Words that say the target was partly reached. */
export const PARTIAL_WORDS = [
  "部分达成", "部分达到", "部分完成", "部分实现", "部分符合", "部分满足", "一定效果", "基本符合", "较好", "一般", "部分",
  "基本达到", "基本达成", "基本完成", "基本实现", "基本满足", "基本落实", "有所改善", "有所提升", "有所提高",
  // Work under way, not done (新建全民健身中心 1个 | 建设中).
  "建设中", "在建", "施工中", "正在建设", "正在实施", "未完工",
];

/** Words that say the target was reached (or, in a target, what is expected). */
export const MET_WORDS = [
  "达成", "达到", "完成", "实现", "有效", "显著", "明显", "提升", "提高", "增强", "保障", "改善", "充分", "规范",
  "合理", "明确", "科学", "合规", "健全", "良好", "符合", "满足", "齐全", "及时", "准确", "稳定", "优化", "加强",
  "促进", "持续", "落实", "到位", "降低", "减轻", "扩大", "完善", "是", "好", "优", "高",
  "严格执行", "执行到位", "认可", "合格", "达标", "按期", "按时", "正常运行", "正常", "安全", "无事故",
  "按规定", "按要求", "已公开", "控制在预算", "预算内", "预算范围内", "节约",
  "发放", "拨付", "兑现", "足额", "准时",
];

/**
 * An actual that reports the work's progress, not the indicator's value (已完成100%, 完成进度100%, 实施进度95%): against
 * a count, an amount or a rate other than completion it says nothing about the target (R22).
 */
export const PROGRESS_ACTUAL = /^(?:已经?|均已|全部|已全部)?完成(?:进度)?了?\d+(?:\.\d+)?%$|^(?:实施|完成|工作|项目)?进度(?:为|达)?\d+(?:\.\d+)?%$/;

/** Whether a cell's text is a progress statement (see PROGRESS_ACTUAL); full-width forms and a trailing 。 allowed. */
export function isProgressText(text: string): boolean {
  return PROGRESS_ACTUAL.test(text.normalize("NFKC").replace(/\s+/g, "").replace(/[。.，,；;]+$/, ""));
}
