import ExcelJS from "exceljs";
import { findingLabel, SEVERITY_LABEL, suggestedFix, type ContractTable } from "../engine";

/** What the summary needs of a table beyond the JSON contract (the command line reads it from the sheet). */
export interface TableDetails {
  project: string | null;
  unit: string | null;
  budget: { initial: number | string | null; full_year: number | string | null; executed: number | string | null } | null;
  /** The cell of each finding (A1), in the order of the table's findings; null when none applies. */
  findingCells: (string | null)[];
}

export interface SummaryBookInput {
  tables: ContractTable[];
  /** One per table (same order); missing details leave the cells empty. */
  details: (TableDetails | undefined)[];
  /** Input file → its scored copy, as a path relative to the summary workbook. */
  copies: Map<string, string>;
  /** Inputs (or tables of them) that could not be read or scored. */
  errors: { input: string; message: string }[];
  /** Files of a folder not taken as inputs, with the reason. */
  skipped: { input: string; message: string }[];
}

/** Severities as the 问题清单 sorts them (the engine's SEVERITY_LABEL): 重大, 一般, 提示. */
const SEVERITY: Record<string, string> = SEVERITY_LABEL;
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };
const NO_UNIT = "（未注明单位）";
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };

/** A number from a cell or JSON amount ("1,200.5" → 1200.5); null when it is not one. */
function amount(v: number | string | null | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const s = v.replace(/[,，\s]/g, "");
  return /^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : null;
}

/**
 * A link to a cell in another workbook: `copy.xlsx#'Sheet'!$C$5` (quotes doubled in the sheet name). The
 * reference is absolute on purpose: ExcelJS takes `x!C5` for a place in this workbook and drops the file.
 */
export function cellLink(copy: string, sheet: string, cell: string): string {
  const file = copy.replace(/\\/g, "/").replace(/%/g, "%25").replace(/#/g, "%23").replace(/ /g, "%20");
  return `${file}#'${sheet.replace(/'/g, "''")}'!${cell.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2")}`;
}

function sheetOf(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number; numFmt?: string }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const head = ws.getRow(1);
  head.font = BOLD;
  head.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.numFmt = "General";
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/**
 * 汇总.xlsx: 各表汇总 (one row per table), 复核发现 (every finding, linked to its cell in the scored copy), 按单位
 * (a roll-up per unit: fund-weighted average score, reconciled sums, counts per rating) and 未能读取 (the files
 * that could not be read, with the reason). Every text from a workbook is written as a value, never a formula.
 */
export async function summaryWorkbook(input: SummaryBookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EVAL";
  const tablesWs = sheetOf(wb, "各表汇总", [
    { header: "文件", key: "file", width: 28 },
    { header: "工作表", key: "sheet", width: 14 },
    { header: "项目", key: "project", width: 30 },
    { header: "单位", key: "unit", width: 20 },
    { header: "全年预算数", key: "budget", width: 12, numFmt: "#,##0.00" },
    { header: "全年执行数", key: "executed", width: 12, numFmt: "#,##0.00" },
    { header: "执行率", key: "rate", width: 10, numFmt: "0.00%" },
    { header: "复核总分", key: "total", width: 10, numFmt: "0.00" },
    { header: "报告总分", key: "reported", width: 10, numFmt: "0.00" },
    { header: "差额（报告−复核）", key: "diff", width: 12, numFmt: "0.00" },
    { header: "复核等级", key: "rating", width: 10 },
    { header: "报告等级", key: "reportedRating", width: 10 },
    { header: "错误", key: "errors", width: 8 },
    { header: "警告", key: "warnings", width: 8 },
    { header: "提示", key: "infos", width: 8 },
    { header: "发现合计", key: "findings", width: 10 },
    { header: "评分副本", key: "copy", width: 30 },
  ]);
  const findingsWs = sheetOf(wb, "问题清单", [
    { header: "文件", key: "file", width: 28 },
    { header: "工作表", key: "sheet", width: 14 },
    { header: "单元格", key: "cell", width: 16 },
    { header: "项目", key: "project", width: 26 },
    { header: "类别", key: "label", width: 22 },
    { header: "严重程度", key: "severity", width: 10 },
    { header: "指标序号", key: "indicator", width: 10 },
    { header: "说明", key: "message", width: 80 },
    { header: "复核规则", key: "rule", width: 10 },
    { header: "建议", key: "fix", width: 40 },
  ]);
  // Every finding, most severe first (then in file and table order): the reviewer's 问题清单.
  const issues: { order: number; n: number; add: () => void }[] = [];
  const units = new Map<string, { tables: number; budget: number; executed: number; weighted: number; weight: number; scoreSum: number; scored: number; total: number; reported: number; reportedCount: number; ratings: Map<string, number>; findings: number }>();
  input.tables.forEach((t, i) => {
    const d = input.details[i];
    const file = t.file ?? "";
    const copy = input.copies.get(file);
    const budget = amount(d?.budget?.full_year ?? null);
    const executed = amount(d?.budget?.executed ?? null);
    const count = (s: string) => t.findings.filter((f) => f.severity === s).length;
    const row = tablesWs.addRow({
      file,
      sheet: t.sheet ?? "",
      project: d?.project ?? t.title,
      unit: d?.unit ?? "",
      budget,
      executed,
      rate: t.budget?.rate ?? null,
      total: t.total,
      reported: t.reported_total,
      diff: t.total !== null && t.reported_total !== null ? Math.round((t.reported_total - t.total) * 100) / 100 : null,
      rating: t.rating ?? "",
      reportedRating: t.reported_rating ?? "",
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
      findings: t.findings.length,
      copy: copy ?? "",
    });
    if (copy) row.getCell("copy").value = { text: copy, hyperlink: cellLink(copy, t.sheet ?? "Sheet1", "A1") };
    t.findings.forEach((f, k) => issues.push({ order: SEVERITY_ORDER[f.severity] ?? 3, n: issues.length, add: () => {
      const cell = d?.findingCells[k] ?? null;
      const r = findingsWs.addRow({
        file,
        sheet: t.sheet ?? "",
        cell: cell ? (t.sheet ? `${t.sheet}!${cell}` : cell) : "",
        project: d?.project ?? t.title,
        label: findingLabel(f.code),
        severity: SEVERITY[f.severity] ?? f.severity,
        indicator: f.indicator === null ? null : f.indicator + 1,
        message: f.message,
        rule: f.rule ?? "",
        fix: suggestedFix(f.code),
      });
      if (cell && copy && t.sheet) r.getCell("cell").value = { text: `${t.sheet}!${cell}`, hyperlink: cellLink(copy, t.sheet, cell), tooltip: `打开 ${copy}` };
    } }));
    const key = d?.unit || NO_UNIT;
    let u = units.get(key);
    if (!u) units.set(key, (u = { tables: 0, budget: 0, executed: 0, weighted: 0, weight: 0, scoreSum: 0, scored: 0, total: 0, reported: 0, reportedCount: 0, ratings: new Map(), findings: 0 }));
    u.tables++;
    u.findings += t.findings.length;
    if (budget !== null) u.budget += budget;
    if (executed !== null) u.executed += executed;
    if (t.total !== null) {
      u.scoreSum += t.total;
      u.scored++;
      u.total += t.total;
      if (budget !== null && budget > 0) {
        u.weighted += t.total * budget;
        u.weight += budget;
      }
    }
    if (t.reported_total !== null) {
      u.reported += t.reported_total;
      u.reportedCount++;
    }
    const rating = t.rating ?? "未评级";
    u.ratings.set(rating, (u.ratings.get(rating) ?? 0) + 1);
  });
  issues.sort((a, b) => a.order - b.order || a.n - b.n).forEach((x) => x.add());
  const ratingNames = [...new Set(["优", "良", "中", "差", ...[...units.values()].flatMap((u) => [...u.ratings.keys()])])];
  const unitWs = sheetOf(wb, "按单位", [
    { header: "单位", key: "unit", width: 24 },
    { header: "表数", key: "tables", width: 8 },
    { header: "全年预算数合计", key: "budget", width: 14, numFmt: "#,##0.00" },
    { header: "全年执行数合计", key: "executed", width: 14, numFmt: "#,##0.00" },
    { header: "执行率", key: "rate", width: 10, numFmt: "0.00%" },
    { header: "资金加权平均分", key: "weighted", width: 14, numFmt: "0.00" },
    { header: "简单平均分", key: "mean", width: 12, numFmt: "0.00" },
    { header: "复核总分合计", key: "total", width: 14, numFmt: "0.00" },
    { header: "报告总分合计", key: "reported", width: 14, numFmt: "0.00" },
    { header: "差额（报告−复核）", key: "diff", width: 14, numFmt: "0.00" },
    ...ratingNames.map((r) => ({ header: `${r}（张）`, key: `rating:${r}`, width: 9 })),
    { header: "发现合计", key: "findings", width: 10 },
  ]);
  for (const [name, u] of [...units].sort((a, b) => (a[0] === NO_UNIT ? 1 : b[0] === NO_UNIT ? -1 : a[0].localeCompare(b[0], "zh")))) {
    unitWs.addRow({
      unit: name,
      tables: u.tables,
      budget: u.budget || null,
      executed: u.executed || null,
      rate: u.budget > 0 ? u.executed / u.budget : null,
      weighted: u.weight > 0 ? Math.round((u.weighted / u.weight) * 100) / 100 : null,
      mean: u.scored ? Math.round((u.scoreSum / u.scored) * 100) / 100 : null,
      total: Math.round(u.total * 100) / 100,
      reported: u.reportedCount ? Math.round(u.reported * 100) / 100 : null,
      diff: u.reportedCount ? Math.round((u.reported - u.total) * 100) / 100 : null,
      ...Object.fromEntries(ratingNames.map((r) => [`rating:${r}`, u.ratings.get(r) ?? 0])),
      findings: u.findings,
    });
  }
  const failedWs = sheetOf(wb, "未能读取", [
    { header: "文件", key: "file", width: 40 },
    { header: "情况", key: "kind", width: 10 },
    { header: "原因", key: "reason", width: 100 },
  ]);
  for (const e of input.errors) failedWs.addRow({ file: e.input, kind: "无法读取或评分", reason: e.message });
  for (const s of input.skipped) failedWs.addRow({ file: s.input, kind: "已跳过", reason: s.message });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
