import type { ContractTable } from "../engine";

const STATUS: Record<string, string> = { ok: "✓", mismatch: "≠", pending: "…", unreadable: "?", "needs-rule": "规" };

function cell(n: number | null): string {
  return n === null ? "—" : n.toFixed(2);
}

/** A readable report of one table for the terminal (Chinese first). */
export function tableReport(t: ContractTable): string {
  const lines: string[] = [];
  const where = t.file ? `  [${t.file}${t.sheet ? ` / ${t.sheet}` : ""}]` : "";
  lines.push(`■ ${t.title || t.id}${where}  预设 preset: ${t.preset}`);
  if (t.budget) {
    const rate = t.budget.rate === null ? "—" : `${(t.budget.rate * 100).toFixed(2)}%`;
    lines.push(`  预算执行率 ${rate}  得分 ${cell(t.budget.score)}（报告 ${cell(t.budget.reported_score)}）`);
  }
  for (const i of t.indicators) {
    const mark = STATUS[i.status] ?? i.status;
    lines.push(`  ${mark} ${String(i.index + 1).padStart(2)} ${i.name.slice(0, 24).padEnd(24, "　")} 权重 ${i.weight ?? "—"}  复核 ${cell(i.score)}  报告 ${cell(i.reported_score)}`);
    lines.push(`       ${i.explanation}`);
  }
  const total = t.total === null ? `— (已计分 ${t.partial_total.toFixed(2)})` : t.total.toFixed(2);
  lines.push(`  总分 total ${total}（报告 ${cell(t.reported_total)}）  等级 rating ${t.rating ?? "—"}（报告 ${t.reported_rating ?? "—"}）`);
  if (t.findings.length > 0) {
    lines.push(`  复核发现 findings (${t.findings.length}):`);
    for (const f of t.findings) lines.push(`   - [${f.severity}] ${f.code}: ${f.message}`);
  }
  return lines.join("\n");
}

/** One line per table: where, what, recomputed vs reported total and rating, how many findings. */
export function summaryTable(tables: ContractTable[]): string {
  const lines = ["文件 / 工作表 | 表格 | 复核总分 | 报告总分 | 等级 | 报告等级 | 发现(错误)"];
  for (const t of tables) {
    const where = `${(t.file ?? "").split(/[\\/]/).pop()}${t.sheet ? ` / ${t.sheet}` : ""}`;
    const total = t.total === null ? `— (已计分 ${t.partial_total.toFixed(2)})` : t.total.toFixed(2);
    const errors = t.findings.filter((f) => f.severity === "error").length;
    lines.push(`${where} | ${t.title.slice(0, 24)} | ${total} | ${cell(t.reported_total)} | ${t.rating ?? "—"} | ${t.reported_rating ?? "—"} | ${t.findings.length}(${errors})`);
  }
  return lines.join("\n");
}
