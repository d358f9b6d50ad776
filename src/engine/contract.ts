import { round } from "./measure/format";
import type { TableResult } from "./evaluate/types";

/**
 * The stable `--json` shape of eval-score (docs/json-contract.md). Fields may be added, never renamed.
 * Scores and totals are rounded to 2 decimals, rates to 6 (fractions: 0.8980 is 89.80%).
 */
export interface ContractTable {
  id: string;
  title: string;
  file?: string;
  sheet?: string;
  preset: string;
  budget: { rate: number | null; score: number | null; reported_score: number | null } | null;
  indicators: {
    index: number;
    code: string | null;
    name: string;
    weight: number | null;
    completion: number | null;
    score: number | null;
    reported_score: number | null;
    status: string;
    rule: string | null;
    explanation: string;
    deviation: string;
  }[];
  total: number | null;
  partial_total: number;
  reported_total: number | null;
  rating: string | null;
  reported_rating: string | null;
  findings: { code: string; severity: string; indicator: number | null; message: string; rule?: string; rows?: number[] }[];
}

export interface ContractOutput {
  tables: ContractTable[];
  errors: { input: string; message: string }[];
}

const r2 = (n: number | null) => (n === null ? null : round(n, 2));
const r6 = (n: number | null) => (n === null || !Number.isFinite(n) ? null : round(n, 6));

/** A table result in the contract's shape. */
export function toContract(r: TableResult, where: { file?: string; sheet?: string } = {}): ContractTable {
  return {
    id: r.id,
    title: r.title,
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.sheet !== undefined ? { sheet: where.sheet } : {}),
    preset: r.preset,
    budget: r.budget ? { rate: r6(r.budget.rate), score: r2(r.budget.score), reported_score: r.budget.reported_score } : null,
    indicators: r.indicators.map((i) => ({
      index: i.index,
      code: i.code,
      name: i.name,
      weight: i.weight,
      completion: r6(i.completion),
      score: r2(i.score),
      reported_score: i.reported_score,
      status: i.status,
      rule: i.rule_label,
      explanation: i.explanation,
      deviation: i.deviation,
    })),
    total: r2(r.total),
    partial_total: round(r.partial_total, 2),
    reported_total: r.reported_total,
    rating: r.rating,
    reported_rating: r.reported_rating,
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, indicator: f.indicator, message: f.message, ...(f.rule ? { rule: f.rule } : {}), ...(f.rows ? { rows: f.rows } : {}) })),
  };
}
