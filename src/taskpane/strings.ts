/** The pane's words, in one place: Chinese first, English second. */
export const zh = {
  title: "EVAL 绩效评分",
  inExcel: "已连接 Excel",
  notInExcel: "未在 Excel 中运行：可打开 .xlsx 文件在浏览器中评分，结果另存为新文件（适用于 WPS 等无法运行加载项的办公软件）。",
  openFile: "打开 .xlsx 文件",
  loadSample: "载入示例工作簿",
  fileLoaded: "已打开",
  steps: { detect: "识别", settings: "设置", apply: "计算并写回", review: "复核", summary: "汇总", undo: "撤销 / 固化", template: "模板", survey: "问卷" },
  detect: "识别指标表",
  scopeSheet: "当前工作表",
  scopeSelection: "所选区域",
  noTable: "没有找到指标表：需要含 三级指标/指标名称、权重、目标值、实际完成值 等表头的区域。",
  tables: "找到的指标表",
  rows: "行",
  columns: "列的对应",
  column: "列",
  unmapped: "未识别",
  rule: "规则",
  ruleAuto: "按表格/预设",
  status: { ok: "一致", mismatch: "不符", pending: "未填写", unreadable: "无法识别", "needs-rule": "需指定规则" } as Record<string, string>,
  preset: "预设",
  rating: "评级方案",
  tolerance: "允许误差",
  writeFormulas: "写入 EVAL 公式（随实际值自动更新）",
  writeValues: "写入数值",
  applyButton: "计算并写回",
  applied: "已写回",
  total: "复核总分",
  reportedTotal: "报告总分",
  findings: "复核发现",
  noFindings: "未发现问题",
  clickToSelect: "点击定位到单元格",
  summaryButton: "生成汇总表（含图表）",
  summaryDone: "已生成汇总表",
  undoButton: "撤销上次写回",
  undone: "已恢复上次写回前的内容",
  freezeButton: "固化：把 EVAL 公式转为数值",
  frozen: "已固化",
  nothingToUndo: "没有可撤销的写回",
  templateSelf: "插入标准项目支出绩效自评表",
  templateFour: "插入四维评价指标表（决策、过程、产出、效益）",
  templateDone: "已插入模板",
  download: "下载评分后的工作簿",
  busy: "处理中…",
  error: "出错了",
};

export type Strings = typeof zh;

export const en: Strings = {
  ...zh,
  title: "EVAL performance scoring",
  inExcel: "Connected to Excel",
  notInExcel: "Not running inside Excel: open an .xlsx file to score it in the browser; the result is a new file.",
  openFile: "Open .xlsx file",
  loadSample: "Load the sample workbook",
  fileLoaded: "Opened",
  steps: { detect: "Detect", settings: "Settings", apply: "Score & write", review: "Review", summary: "Summary", undo: "Undo / Freeze", template: "Templates", survey: "Survey" },
  detect: "Find indicator tables",
  applyButton: "Score and write back",
};

/** Chinese unless the display language is not Chinese. */
export function stringsFor(lang: string | undefined): Strings {
  return !lang || lang.toLowerCase().startsWith("zh") ? zh : en;
}
