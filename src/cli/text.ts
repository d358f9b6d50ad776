import { findingLabel, SEVERITY_LABEL, type ContractTable } from "../engine";

const STATUS: Record<string, string> = { ok: "✓", mismatch: "≠", pending: "…", unreadable: "?", "needs-rule": "规", "no-weight": "○" };
const SEVERITY: Record<string, string> = SEVERITY_LABEL;
const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** A finding as a person reads it: 【重大】得分与规则不符：… (the code stays in the JSON). */
function findingLine(f: ContractTable["findings"][number]): string {
  return `【${SEVERITY[f.severity] ?? f.severity}】${findingLabel(f.code)}：${f.message}`;
}

/** Findings most severe first (stable). */
function bySeverity(fs: ContractTable["findings"]): ContractTable["findings"] {
  return fs.map((f, i) => ({ f, i })).sort((a, b) => (ORDER[a.f.severity] ?? 3) - (ORDER[b.f.severity] ?? 3) || a.i - b.i).map((x) => x.f);
}

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
  lines.push(`  总分 total ${totalText(t)}（报告 ${cell(t.reported_total)}）  等级 rating ${t.rating ?? "—"}（报告 ${t.reported_rating ?? "—"}）`);
  if (t.findings.length > 0) {
    lines.push(`  复核发现 findings (${t.findings.length}):`);
    for (const f of bySeverity(t.findings)) lines.push(`   - ${findingLine(f)}`);
  }
  return lines.join("\n");
}

/** The recomputed total, or why it cannot be given (never 未完成: that means a missed target). */
function totalText(t: ContractTable): string {
  if (t.total !== null) return t.total.toFixed(2);
  if (t.indicators.length === 0) return `未能复核：只找到预算执行情况，没有绩效指标（预算执行得分 ${t.partial_total.toFixed(2)}）`;
  const open = t.indicators.filter((i) => i.score === null && i.status !== "ok").length + (t.budget && t.budget.score === null ? 1 : 0);
  return `未能复核：${open} 项未计分（已计分部分 ${t.partial_total.toFixed(2)}）`;
}

/** How many of each severity: 重大 2 · 一般 1 · 提示 3. */
function counts(t: ContractTable): string {
  return (["error", "warning", "info"] as const).map((s) => `${SEVERITY[s]} ${t.findings.filter((f) => f.severity === s).length}`).join(" · ");
}

/**
 * `--summary`: a legend, then for each table one line (where, what, recomputed and reported totals, ratings,
 * findings by severity) and its most severe findings, at most `top` of them.
 */
export function summaryTable(tables: ContractTable[], top = 3): string {
  const lines = [
    "说明 legend：复核总分 = 按规则重算的总分（未能复核时说明原因）；报告总分、报告等级 = 表格自己写的；发现 = 重大 / 一般 / 提示 条数；每表列出最重要的几条发现。",
    "文件 / 工作表 | 表格 | 复核总分 | 报告总分 | 复核等级 | 报告等级 | 发现",
  ];
  for (const t of tables) {
    const where = `${(t.file ?? "").split(/[\\/]/).pop()}${t.sheet ? ` / ${t.sheet}` : ""}`;
    lines.push(`${where} | ${t.title.slice(0, 24)} | ${totalText(t)} | ${cell(t.reported_total)} | ${t.rating ?? "—"} | ${t.reported_rating ?? "—"} | ${counts(t)}`);
    const first = bySeverity(t.findings).filter((f) => f.severity !== "info").slice(0, top);
    for (const f of first) lines.push(`    ${findingLine(f)}`);
    const more = t.findings.filter((f) => f.severity !== "info").length - first.length;
    if (more > 0) lines.push(`    …另有 ${more} 条（完整清单见 --out 的 汇总.xlsx「问题清单」或不带 --summary 的报告）`);
  }
  return lines.join("\n");
}
