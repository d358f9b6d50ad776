import type { ContractTable } from "../engine";
import type { InputError } from "./inputs";

/**
 * One CSV field: text that a spreadsheet would take for a formula (a leading = + - @, tab or carriage return)
 * gets a leading apostrophe (OWASP's advice against CSV injection); fields with a comma, quote or line break
 * are quoted. Numbers are written as numbers.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface SummaryExtras {
  /** Input file → the scored copy written for it. */
  copies?: Map<string, string>;
  /** Inputs (or tables of them) that could not be read or scored, with the reason. */
  errors?: InputError[];
  /** Files of a folder not taken as inputs (lock files …), with the reason. */
  skipped?: InputError[];
}

/**
 * summary.csv: one line per table, then one line per input that could not be read (or was skipped), with the
 * reason; UTF-8 with BOM so that Excel opens the Chinese correctly.
 */
export function summaryCsv(tables: ContractTable[], extras: SummaryExtras = {}): string {
  const head = ["file", "sheet", "title", "total", "reported_total", "rating", "reported_rating", "findings", "errors", "scored_copy", "problem"];
  const lines = tables.map((t) =>
    [t.file ?? "", t.sheet ?? "", t.title, t.total, t.reported_total, t.rating, t.reported_rating, t.findings.length, t.findings.filter((f) => f.severity === "error").length, extras.copies?.get(t.file ?? "") ?? "", ""]
      .map(csvField)
      .join(","),
  );
  for (const e of extras.errors ?? []) lines.push([e.input, "", "", "", "", "", "", "", "", extras.copies?.get(e.input) ?? "", `无法读取或评分：${e.message}`].map(csvField).join(","));
  for (const e of extras.skipped ?? []) lines.push([e.input, "", "", "", "", "", "", "", "", "", `已跳过：${e.message}`].map(csvField).join(","));
  return `\uFEFF${[head.join(","), ...lines].join("\n")}\n`;
}
