import { address, cellText, type ContractTable, type Grid, type PipelineTable, type TableInput } from "../engine";
import type { TableDetails } from "../workbook/summaryBook";

export type { TableDetails };

const UNIT_LABELS: [RegExp, number][] = [
  [/^(?:项目)?实施单位/, 0],
  [/^(?:预算|项目|填报|申报)单位/, 1],
  [/^单位(?:名称)?(?:[（(]盖章[)）])?[:：]?$/, 1],
  [/^主管(?:部门|单位)/, 2],
];
const PROJECT_LABEL = /^项目名称/;

/** The details of one table read from a workbook. */
export function detailsOf(t: PipelineTable, contract: ContractTable): TableDetails {
  const { grid, detected } = t;
  const top = Math.min(detected.headerRows[0], detected.budget?.headerRow ?? Infinity);
  let unit: { text: string; rank: number } | null = null;
  let project: string | null = null;
  for (let r = 0; r < Math.min(top + 1, grid.cells.length); r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const label = cellText(row[c]?.v ?? null);
      if (!label || label.length > 24) continue;
      const value = () => labelled(grid, r, c, label);
      if (PROJECT_LABEL.test(label) && project === null) project = value();
      for (const [re, rank] of UNIT_LABELS) {
        if (re.test(label) && (!unit || rank < unit.rank)) {
          const v = value();
          if (v) unit = { text: v, rank };
        }
      }
    }
  }
  const cols = detected.columns;
  const scoreCol = cols.score ?? cols.actual ?? cols.target ?? cols.level3 ?? 0;
  const head = address(grid, detected.headerRows[0], cols.level1 ?? cols.level3 ?? 0);
  const findingCells = contract.findings.map((f) => {
    if (f.indicator !== null) {
      const r = detected.indicatorRows[f.indicator];
      return r === undefined ? head : address(grid, r, scoreCol);
    }
    const named = /^(?:.+)!([A-Z]{1,3}\d+)：/.exec(f.message)?.[1];
    if (named) return named;
    if (/^total|^subtotal/.test(f.code) && detected.total) return address(grid, detected.total.row, detected.total.col ?? scoreCol);
    if (/^rating/.test(f.code) && detected.rating) return address(grid, detected.rating.row, detected.rating.col);
    if (/^(?:budget|executed|rate)/.test(f.code) && detected.budget) {
      const b = detected.budget;
      const c = /executed/.test(f.code) ? b.columns.executed : /rate/.test(f.code) ? (b.columns.rate ?? b.columns.executed) : /score/.test(f.code) ? b.columns.score : (b.columns.fullYear ?? b.columns.initial);
      return address(grid, b.row, c ?? 0);
    }
    return head;
  });
  const b = detected.table.budget;
  return {
    project: project ?? (contract.title || null),
    unit: unit?.text ?? null,
    budget: b ? { initial: b.initial ?? null, full_year: b.full_year ?? null, executed: b.executed ?? null } : null,
    findingCells,
  };
}

/** The value of a label: after a colon in the same cell, or the next non-empty cell to its right. */
function labelled(grid: Grid, r: number, c: number, label: string): string | null {
  const inline = /[:：](.+)$/.exec(label)?.[1];
  if (inline) return inline;
  const row = grid.cells[r] ?? [];
  for (let k = c + 1; k < row.length; k++) {
    const v = row[k]?.v;
    if (v === null || v === undefined || v === "") continue;
    const s = String(v).trim();
    return s || null;
  }
  return null;
}

/** Details of a table from a JSON input (no cells to point at). */
export function detailsOfInput(t: TableInput, contract: ContractTable): TableDetails {
  const b = t.budget;
  return {
    project: contract.title || null,
    unit: null,
    budget: b ? { initial: b.initial ?? null, full_year: b.full_year ?? null, executed: b.executed ?? null } : null,
    findingCells: contract.findings.map(() => null),
  };
}
