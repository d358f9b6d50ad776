import type ExcelJS from "exceljs";
import type { TableInput } from "../engine";
import * as core from "../functions/core";
import { writeRows, widths } from "./sheet";

/**
 * A sheet whose score, completion, deviation, total and rating cells are EVAL formulas with cached values (what
 * Excel would show once the add-in computed them); opened without the add-in, the cached values still show.
 */
export function buildFormulaSample(wb: ExcelJS.Workbook, t: TableInput): void {
  const ws = wb.addWorksheet("EVAL公式");
  const val = <T>(x: { ok: true; value: T } | { ok: false; message: string }) => (x.ok ? x.value : x.message);
  writeRows(ws, 1, [[`${t.title}（EVAL 函数示例）`], ["预设", "xinjiang"]]);
  const b = t.budget!;
  writeRows(ws, 4, [["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", Number(b.full_year ?? b.initial), Number(b.executed), Number(b.weight), null, null]], { border: true });
  const budgetScore = core.budgetOf(b.full_year ?? b.initial ?? null, b.executed ?? null, b.weight ?? null, "xinjiang");
  ws.getCell(5, 5).value = { formula: "EVAL.EXECRATE(B5,C5)", result: val(core.execRateOf(b.full_year ?? b.initial ?? null, b.executed ?? null)) } as ExcelJS.CellFormulaValue;
  ws.getCell(5, 5).numFmt = "0.00%";
  ws.getCell(5, 6).value = { formula: "EVAL.BUDGET(B5,C5,D5,$B$2)", result: val(budgetScore) } as ExcelJS.CellFormulaValue;
  writeRows(ws, 7, [["三级指标", "权重", "目标值", "实际完成值", "赋分规则", "得分", "完成率", "偏差分析"]], { border: true, bold: true });
  let r = 8;
  for (const i of t.indicators) {
    writeRows(ws, r, [[i.level3 ?? "", Number(i.weight), String(i.target), String(i.actual), i.rule_text ?? null]], { border: true });
    const args = [i.target, i.actual, i.weight, i.rule_text, "xinjiang"] as const;
    ws.getCell(r, 6).value = { formula: `EVAL.SCORE(C${r},D${r},B${r},E${r},$B$2)`, result: val(core.scoreOf(...args)) } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 7).value = { formula: `EVAL.COMPLETION(C${r},D${r})`, result: val(core.completionOfCells(i.target, i.actual)) } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 7).numFmt = "0.00%";
    ws.getCell(r, 8).value = { formula: `EVAL.DEVIATION(C${r},D${r})`, result: val(core.deviationOf(i.target, i.actual)) } as ExcelJS.CellFormulaValue;
    r++;
  }
  const scores = t.indicators.map((i) => core.scoreOf(i.target, i.actual, i.weight, i.rule_text, "xinjiang"));
  const totalValue = core.totalOf([...scores, budgetScore].map((s) => [s.ok ? s.value : null]), null);
  const total = val(totalValue);
  writeRows(ws, r, [["总分", null, null, null, null]], { bold: true });
  ws.getCell(r, 6).value = { formula: `F5+EVAL.TOTAL(F8:F${r - 1})`, result: total } as ExcelJS.CellFormulaValue;
  writeRows(ws, r + 1, [["等级", null, null, null, null]], { bold: true });
  ws.getCell(r + 1, 6).value = { formula: `EVAL.RATING(F${r})`, result: typeof total === "number" ? val(core.ratingOf(total, null)) : "" } as ExcelJS.CellFormulaValue;
  widths(ws, [30, 6, 14, 14, 18, 8, 9, 50]);
}
