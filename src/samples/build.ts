import ExcelJS from "exceljs";
import { readFileSync, writeFileSync, mkdirSync } from "fs";
import { join } from "path";
import type { IndicatorInput, TableInput } from "../engine";
import { mergeDown, widths, writeRows } from "./sheet";
import { buildFormulaSample } from "./formulas";

/**
 * Builds assets/samples/*.xlsx from the test fixtures (test/fixtures/seeds), laid out as the seeds' tables are.
 * Reproducible: fixed document dates, no randomness. Run: npm run samples.
 */
const root = join(__dirname, "..", "..", "..");
const fixture = (id: string) => JSON.parse(readFileSync(join(root, "test/fixtures/seeds", `${id}.json`), "utf8")) as TableInput;
const FIXED = new Date(Date.UTC(2025, 0, 1));

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EVAL";
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

const v = (x: unknown): string | number | null => (x === undefined || x === null ? null : (x as string | number));

/** Hubei style (seed 001): 预算数(A)/执行数(B) block worth 20 points, merged levels, no per-row weights. */
function hubei(wb: ExcelJS.Workbook, t: TableInput, year: string): void {
  const ws = wb.addWorksheet(t.id ?? "自评表");
  let r = writeRows(ws, 1, [["项目支出绩效自评表"], [`（${year} 年度）`], ["项目名称", t.title ?? ""]]);
  ws.mergeCells(1, 1, 1, 7);
  ws.mergeCells(3, 2, 3, 7);
  const b = t.budget!;
  r = writeRows(ws, r, [["预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"], ["年度财政资金总额", v(b.initial), v(b.executed), v(b.rate_as_written), v(b.reported_score)]], { border: true });
  r += 1;
  const head = r;
  r = writeRows(ws, r, [["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分", "偏差原因分析"]], { border: true, bold: true });
  const first = r;
  r = writeRows(ws, r, t.indicators.map((i) => [v(i.level1), v(i.level2), v(i.level3), v(i.target), v(i.actual), v(i.reported_score), v(i.deviation_note)]), { border: true });
  mergeDown(ws, 1, first, r - 1);
  mergeDown(ws, 2, first, r - 1);
  writeRows(ws, r, [["总分", null, null, null, null, v(t.reported_total), null]], { border: true, bold: true });
  widths(ws, [14, 14, 30, 16, 16, 8, 20]);
  void head;
}

/** Xinjiang style (seed 003): 年初/全年预算数 block, 权重/目标值/业绩值/完成率/指标得分/…/赋分规则 columns. */
function xinjiang(wb: ExcelJS.Workbook, t: TableInput): void {
  const ws = wb.addWorksheet(t.id ?? "自评表");
  let r = writeRows(ws, 1, [["项目支出绩效自评表(2024年度)"], ["项目名称", t.title ?? ""], ["主管部门", "昌吉回族自治州医疗保障局"]]);
  ws.mergeCells(1, 1, 1, 13);
  ws.mergeCells(2, 2, 2, 13);
  const b = t.budget!;
  r = writeRows(ws, r, [
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", v(b.initial), v(b.full_year), v(b.executed), v(b.weight), v(b.rate_as_written), v(b.reported_score)],
    ["其中：当年财政拨款", v(b.initial), v(b.full_year), v(b.executed), "—", "—", "—"],
  ], { border: true });
  r += 1;
  r = writeRows(ws, r, [["一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分", "指标值设定依据", "上年完成情况", "赋分规则", "佐证资料", "偏差原因分析及改进措施"]], { border: true, bold: true });
  const first = r;
  r = writeRows(ws, r, t.indicators.map((i: IndicatorInput & { basis?: string }) => [v(i.level1), v(i.level2), v(i.level3), v(i.weight), v(i.target), v(i.actual), v(i.completion_as_written), v(i.reported_score), null, null, v(i.rule_text), null, v(i.deviation_note)]), { border: true });
  mergeDown(ws, 1, first, r - 1);
  mergeDown(ws, 2, first, r - 1);
  writeRows(ws, r, [["总分", null, null, 100, null, null, null, `${t.reported_total}分`]], { border: true, bold: true });
  widths(ws, [12, 14, 28, 6, 14, 14, 9, 9, 12, 10, 16, 10, 30]);
}

/** Seed 004's four-dimension evaluation table: levels with their weights under a two-row header. */
function fourDimension(wb: ExcelJS.Workbook, t: TableInput): void {
  const ws = wb.addWorksheet("评分表");
  let r = writeRows(ws, 1, [[`${t.title}绩效评价指标评分表`]]);
  ws.mergeCells(1, 1, 1, 12);
  r += 1;
  r = writeRows(ws, r, [
    ["一级指标", null, "二级指标", null, "三级指标", null, "指标解释", "指标说明和评分标准", "实际完成值", "评价人判断", "得分", "扣分原因"],
    ["名称", "权重", "名称", "权重", "名称", "权重", null, null, null, null, null, null],
  ], { border: true, bold: true });
  ws.mergeCells(r - 2, 1, r - 2, 2);
  ws.mergeCells(r - 2, 3, r - 2, 4);
  ws.mergeCells(r - 2, 5, r - 2, 6);
  for (const c of [7, 8, 9, 10, 11, 12]) ws.mergeCells(r - 2, c, r - 1, c);
  const first = r;
  const judgement = (j: unknown) => (Array.isArray(j) ? j.map((x) => (x ? "是" : "否")).join("") : typeof j === "number" ? `${j * 100}%` : v(j));
  r = writeRows(ws, r, t.indicators.map((i) => [v(i.level1), v(i.level1_weight), v(i.level2), v(i.level2_weight), `${i.code} ${i.level3}`, v(i.weight), null, v(i.rule_text), v(i.actual), judgement(i.judgement), v(i.reported_score), v(i.deviation_note)]), { border: true });
  for (const c of [1, 2, 3, 4]) mergeDown(ws, c, first, r - 1);
  r = writeRows(ws, r, [["合计", 100, null, null, null, null, null, null, null, null, v(t.reported_total), null]], { border: true, bold: true });
  writeRows(ws, r, [["评价等级", v(t.reported_rating)]]);
  widths(ws, [8, 6, 12, 6, 22, 6, 10, 40, 12, 10, 8, 20]);
}

/** Seed 002's 自评表: 年初预算数/全年执行数 block worth 10, 年度指标值/全年完成值/分值/得分. */
function self002(wb: ExcelJS.Workbook, t: TableInput): void {
  const ws = wb.addWorksheet("自评表");
  let r = writeRows(ws, 1, [["项目支出绩效自评表（2023 年度）"], ["项目名称", t.title ?? ""]]);
  ws.mergeCells(1, 1, 1, 8);
  const b = t.budget!;
  r = writeRows(ws, r, [["项目资金（万元）", "年初预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", v(b.initial), v(b.executed), v(b.weight), v(b.rate_as_written), v(b.reported_score)]], { border: true });
  r += 1;
  r = writeRows(ws, r, [["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析"]], { border: true, bold: true });
  const first = r;
  const clean = (s: unknown) => (typeof s === "string" ? s.replace(/\s+/g, "") : v(s));
  r = writeRows(ws, r, t.indicators.map((i) => [clean(i.level1), clean(i.level2), clean(i.level3), v(i.target), v(i.actual), v(i.weight), v(i.reported_score), clean(i.deviation_note)]), { border: true });
  mergeDown(ws, 1, first, r - 1);
  mergeDown(ws, 2, first, r - 1);
  r = writeRows(ws, r, [["总分", null, null, null, null, 100, v(t.reported_total), null]], { border: true, bold: true });
  writeRows(ws, r, [["评价等级", v(t.reported_rating)]]);
  widths(ws, [12, 16, 30, 14, 14, 6, 6, 24]);
}

export async function buildSamples(outDir = join(root, "assets/samples")): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const books: [string, (wb: ExcelJS.Workbook) => void | Promise<void>][] = [
    ["hubei-001-self-eval.xlsx", (wb) => { hubei(wb, fixture("s001-t2"), "2022"); hubei(wb, fixture("s001-t3"), "2022"); }],
    ["xinjiang-003-self-eval.xlsx", (wb) => { xinjiang(wb, fixture("s003-p10")); xinjiang(wb, fixture("s003-p08")); }],
    ["jiaocheng-004-evaluation.xlsx", (wb) => fourDimension(wb, fixture("s004-annex1"))],
    ["county-002-self-eval.xlsx", (wb) => self002(wb, fixture("s002-t1"))],
    ["eval-formulas.xlsx", (wb) => buildFormulaSample(wb, fixture("s003-p10"))],
  ];
  const written: string[] = [];
  for (const [name, fill] of books) {
    const wb = newBook();
    await fill(wb);
    const buf = await wb.xlsx.writeBuffer();
    writeFileSync(join(outDir, name), Buffer.from(buf));
    written.push(name);
  }
  return written;
}

if (require.main === module) {
  buildSamples().then((names) => console.log(`样表已生成 / samples written: ${names.join(", ")}`));
}
