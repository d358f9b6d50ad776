import { readFileSync } from "fs";
import { basename } from "path";
import { runPipeline, toContract, type ContractTable, type EvaluateOptions } from "../engine";
import { readWorkbook } from "../workbook/read";
import { applyPlanToWorkbook } from "../workbook/apply";
import type { InputError } from "./inputs";

export interface WorkbookJob {
  file: string;
  preset: string;
  tolerance: number;
  ratingScheme: EvaluateOptions["ratingScheme"];
  /** Also produce the scored copy (values and EVAL formulas with cached results). */
  scored: boolean;
  mode: "formulas" | "values";
}

export interface WorkbookOutcome {
  file: string;
  tables: ContractTable[];
  errors: InputError[];
  scored: Uint8Array | null;
}

/**
 * Score every table found in every sheet of one workbook; optionally write the results into a copy. The input
 * file is only read. A sheet without a table is not an error; a workbook without any is reported.
 */
export async function scoreWorkbookFile(job: WorkbookJob): Promise<WorkbookOutcome> {
  let data: Buffer;
  try {
    data = readFileSync(job.file);
  } catch (e) {
    return { file: job.file, tables: [], errors: [{ input: job.file, message: `无法打开“${job.file}”：${(e as Error).message}` }], scored: null };
  }
  const read = await readWorkbook(data, basename(job.file));
  if (!read.ok) return { file: job.file, tables: [], errors: [{ input: job.file, message: read.message }], scored: null };
  const tables: ContractTable[] = [];
  const found = runPipeline(read.grids, { preset: job.preset, tolerance: job.tolerance, ratingScheme: job.ratingScheme, ...(job.scored ? { plan: { mode: job.mode } } : {}) });
  for (const t of found) {
    tables.push(toContract(t.result, { file: job.file, sheet: t.grid.sheet }));
    if (t.plan) applyPlanToWorkbook(read.workbook, t.plan);
  }
  const errors: InputError[] = tables.length === 0 ? [{ input: job.file, message: `“${basename(job.file)}”中没有找到指标表（需要含 三级指标/指标名称、权重/分值、目标值、实际完成值 等表头的区域）` }] : [];
  const scored = job.scored && tables.length > 0 ? new Uint8Array(await read.workbook.xlsx.writeBuffer()) : null;
  return { file: job.file, tables, errors, scored };
}
