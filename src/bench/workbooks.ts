import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { TableInput } from "../engine";

/** A plain 自评表 on a worksheet: project name, budget block, header row, one row per indicator, the total. */
export function addTableSheet(wb: ExcelJS.Workbook, t: TableInput, name = "自评表"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(["项目名称", t.title, null, "实施单位", `第${(Number((t.id ?? "").replace(/\D/g, "")) || 0) % 20}单位`]);
  ws.addRow(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  const b = t.budget!;
  ws.addRow(["年度资金总额", b.initial, b.full_year, b.executed, b.weight, null, b.reported_score]);
  ws.addRow([]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "权重", "目标值", "实际完成值", "得分", "赋分规则", "偏差原因分析"]);
  for (const i of t.indicators) ws.addRow([i.level1, i.level2, i.level3, i.weight, i.target, i.actual, i.reported_score, i.rule_text, i.deviation_note]);
  ws.addRow(["总分", null, null, 100, null, null, t.reported_total]);
  return ws;
}

/** Write each table as a plain 自评表 workbook (header row + 30 rows); returns the file paths. */
export async function writeTableWorkbooks(tables: TableInput[], dir = mkdtempSync(join(tmpdir(), "eval-bench-"))): Promise<string[]> {
  const files: string[] = [];
  for (const [k, t] of tables.entries()) {
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, t);
    const f = join(dir, `t${k}.xlsx`);
    writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(f);
  }
  return files;
}

/** ExcelJS alone on the same files: load and write back each one (the floor any tool on .xlsx pays). */
export async function excelJsRoundTrip(files: string[]): Promise<void> {
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    await wb.xlsx.writeBuffer();
  }
}
