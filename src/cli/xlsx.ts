import { readFileSync } from "fs";
import { basename, extname } from "path";
import { runPipeline, sideBySidePlan, toContract, type ContractTable, type EvaluateOptions, type ReviewRule, type WritePlan } from "../engine";
import { readWorkbook } from "../workbook/read";
import { applyPlanToWorkbook } from "../workbook/apply";
import { patchXlsx } from "../workbook/patch";
import { detailsOf, type TableDetails } from "./details";
import type { InputError } from "./inputs";

export interface WorkbookJob {
  file: string;
  preset: string;
  tolerance: number;
  ratingScheme: EvaluateOptions["ratingScheme"];
  /** Also produce the scored copy (values and EVAL formulas with cached results). */
  scored: boolean;
  mode: "formulas" | "values";
  /** The 复核口径 rules (default: the engine's). */
  rulebook?: ReviewRule[];
  /** The copy carries the reviewer's side-by-side instead of the unit's write-back columns. */
  review?: boolean;
}

export interface WorkbookOutcome {
  file: string;
  tables: ContractTable[];
  errors: InputError[];
  scored: Uint8Array | null;
  /** The scored copy's extension: ".xlsm" for a macro-enabled input (kept as it is), ".xlsx" otherwise. */
  ext?: ".xlsx" | ".xlsm";
  /** For 汇总.xlsx: one per table, in the order of `tables`. */
  details?: TableDetails[];
  /** How the copy was made: "patched" (the original plus EVAL's cells) or "rewritten" (a new workbook). */
  copy?: "patched" | "rewritten";
  /** Things the user should know about this file that are not errors. */
  notices?: string[];
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
  const { plans: _plans, ...outcome } = await scoreWorkbookBytes(data, job);
  return outcome;
}

/**
 * The same on bytes already read. For .xlsx/.xlsm inputs the scored copy is the original package with EVAL's
 * cells patched in (see src/workbook/patch): charts, images, printer settings and defined names stay as they
 * were. Other formats (and an .xlsx the patcher cannot handle) get a new workbook written by ExcelJS.
 */
export async function scoreWorkbookBytes(data: Uint8Array, job: WorkbookJob): Promise<WorkbookOutcome & { plans: WritePlan[] }> {
  const read = await readWorkbook(data, basename(job.file));
  if (!read.ok) return { file: job.file, tables: [], errors: [{ input: job.file, message: read.message }], scored: null, plans: [] };
  const tables: ContractTable[] = [];
  const details: TableDetails[] = [];
  const plans: WritePlan[] = [];
  const found = runPipeline(read.grids, { preset: job.preset, tolerance: job.tolerance, ratingScheme: job.ratingScheme, ...(job.rulebook ? { rulebook: job.rulebook } : {}), ...(job.scored && !job.review ? { plan: { mode: job.mode } } : {}) });
  for (const t of found) {
    const c = toContract(t.result, { file: job.file, sheet: t.grid.sheet });
    tables.push(c);
    details.push(detailsOf(t, c));
    if (t.plan) plans.push(t.plan);
    else if (job.scored && job.review) plans.push(sideBySidePlan(t.grid, t.detected, t.result, job.ratingScheme ?? "standard"));
  }
  const errors: InputError[] = tables.length === 0 ? [{ input: job.file, message: `“${basename(job.file)}”中没有找到指标表（需要含 三级指标/指标名称、权重/分值、目标值、实际完成值 等表头的区域）` }] : [];
  const notices: string[] = [];
  let scored: Uint8Array | null = null;
  let copy: WorkbookOutcome["copy"];
  const macro = read.format === "xlsx" && !read.converted && isMacroEnabled(data, job.file);
  if (job.scored && tables.length > 0) {
    if (read.format === "xlsx" && !read.converted) {
      try {
        scored = await patchXlsx(data, plans);
        copy = "patched";
      } catch (e) {
        if (e instanceof RangeError) throw e;
        notices.push(`“${basename(job.file)}”无法在原文件上直接写入（${String((e as Error)?.message ?? e).slice(0, 200)}），评分副本由 ExcelJS 重新生成，图表、图片等可能丢失`);
      }
    }
    if (!scored) {
      const workbook = await read.workbook();
      for (const p of plans) applyPlanToWorkbook(workbook, p);
      scored = new Uint8Array(await workbook.xlsx.writeBuffer());
      copy = "rewritten";
    }
  }
  return { file: job.file, tables, errors, scored, ext: macro && copy === "patched" ? ".xlsm" : ".xlsx", details, ...(copy ? { copy } : {}), ...(notices.length ? { notices } : {}), plans };
}

/** A macro-enabled workbook (.xlsm by name, or a vbaProject part): its patched copy must keep the .xlsm extension. */
function isMacroEnabled(data: Uint8Array, file: string): boolean {
  if (extname(file).toLowerCase() === ".xlsm") return true;
  // The zip's central directory names every part: look for the VBA project without unzipping.
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes("vbaProject.bin");
}
