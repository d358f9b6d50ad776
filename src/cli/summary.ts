import type { ContractTable } from "../engine";

/** summary.csv: one line per table (UTF-8 with BOM so that Excel opens the Chinese correctly). */
export function summaryCsv(tables: ContractTable[]): string {
  const head = ["file", "sheet", "title", "total", "reported_total", "rating", "reported_rating", "findings", "errors"];
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = tables.map((t) => [t.file ?? "", t.sheet ?? "", t.title, t.total, t.reported_total, t.rating, t.reported_rating, t.findings.length, t.findings.filter((f) => f.severity === "error").length].map(q).join(","));
  return `\uFEFF${[head.join(","), ...lines].join("\n")}\n`;
}
