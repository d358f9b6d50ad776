import { readFileSync } from "fs";
import { applyRulebook, DEFAULT_RULES, evaluateTable, mergeRules, presetByName, type ReviewRule, schemeByName, unknownPresetMessage, toContract, type ContractOutput, type ContractTable } from "../engine";
import { setOfficeConverter } from "../workbook/formats/convert";
import { parseArgs, USAGE } from "./args";
import { expandInputs, isJsonInput, readJsonTables, type InputError, type LoadedTable } from "./inputs";
import { OutputNames, prepareOut, SUMMARY_BOOK, writeAtomic } from "./outputs";
import { detailsOfInput } from "./details";
import { summaryWorkbook, type TableDetails } from "../workbook/summaryBook";
import { summaryTable, tableReport } from "./text";
import { scoreWorkbooks } from "./pool";
import { progressBar } from "./progress";
import { sofficeConverter } from "./soffice";
import { summaryCsv } from "./summary";
import { basename, extname, join, relative } from "path";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/**
 * eval-score: score the tables in JSON files and in workbooks of every format read (see src/workbook/read.ts).
 * Returns the exit code: 0 when every input was read (findings are not errors), 2 for bad usage, an input
 * that could not be read or an output that could not be written. Never throws for a file's sake.
 */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const o = parseArgs(argv);
  if ("error" in o) {
    io.err(`${o.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (o.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (o.preset && !presetByName(o.preset)) {
    io.err(`${unknownPresetMessage(o.preset)} / unknown preset\n`);
    return 2;
  }
  const scheme = schemeByName(o.rating);
  if (!scheme) {
    io.err(`未知的评级方案“${o.rating}”（可用：standard、strict、80-70-60）/ unknown rating scheme\n`);
    return 2;
  }
  let rulebook: ReviewRule[] | undefined;
  if (o.rules) {
    const r = readRulesFile(o.rules);
    if ("error" in r) {
      io.err(`错误 error: ${r.error}\n`);
      return 2;
    }
    rulebook = r.rules;
  }
  if (o.out) {
    const problem = prepareOut(o.out);
    if (problem) {
      io.err(`错误 error: ${problem}\n`);
      return 2;
    }
  }
  setOfficeConverter(sofficeConverter);
  const { files, errors, skipped } = expandInputs(o.files);
  const jsonFiles = files.filter(isJsonInput);
  const bookFiles = files.filter((f) => !jsonFiles.includes(f));
  const loaded: LoadedTable[] = [];
  for (const f of jsonFiles) {
    const r = readJsonTables(f);
    errors.push(...r.errors);
    loaded.push(...r.tables);
  }
  const tables: ContractTable[] = [];
  /** For 汇总.xlsx: one per table, in the order of `tables`. */
  const details: (TableDetails | undefined)[] = [];
  for (const l of loaded) {
    try {
      const result = evaluateTable(l.table, { preset: o.preset ?? undefined, tolerance: o.tolerance, ratingScheme: scheme });
      result.findings.push(...applyRulebook(l.table, result, rulebook ?? DEFAULT_RULES, { hasSurvey: false }));
      const c = toContract(result, { file: l.file, ...(l.sheet ? { sheet: l.sheet } : {}) });
      tables.push(c);
      details.push(detailsOfInput(l.table, c));
    } catch (e) {
      errors.push({ input: l.file, message: `${l.file} 表 ${l.index ?? "?"}：无法评分：${(e as Error)?.message ?? String(e)}` });
    }
  }
  const copies = new Map<string, string>();
  const notes: string[] = [];
  if (bookFiles.length > 0) {
    const jobs = bookFiles.map((file) => ({ file, preset: o.preset ?? "national", tolerance: o.tolerance, ratingScheme: scheme, scored: o.out !== null, mode: "formulas" as const, ...(rulebook ? { rulebook } : {}), ...(o.review ? { review: true } : {}) }));
    const outcomes = await scoreWorkbooks(jobs, progressBar(jobs.length, "评分 scoring"));
    const names = o.out ? new OutputNames(o.out, files) : null;
    for (const r of outcomes) {
      tables.push(...r.tables);
      r.tables.forEach((_, i) => details.push(r.details?.[i]));
      errors.push(...r.errors);
      notes.push(...(r.notices ?? []));
      if (o.out && names && r.scored) {
        const ext = r.ext ?? ".xlsx";
        const target = names.next(r.file, ext);
        const failed = writeAtomic(target, r.scored);
        if (failed) errors.push({ input: r.file, message: failed });
        else {
          copies.set(r.file, target);
          const usual = `${basename(r.file, extname(r.file))}.scored${ext}`;
          if (basename(target) !== usual) notes.push(`“${r.file}”的评分副本另名为“${basename(target)}”（“${usual}”已是另一输入文件、另一副本或文件夹的名字）`);
        }
      }
    }
  }
  if (o.out) {
    const relCopies = relativeCopies(copies, o.out);
    // Both summaries list the same inputs: the errors as they are before either is written.
    const listed = [...errors];
    const failed = writeAtomic(join(o.out, "summary.csv"), summaryCsv(tables, { copies: relCopies, errors: listed, skipped }));
    if (failed) errors.push({ input: join(o.out, "summary.csv"), message: failed });
    let book: Uint8Array | null = null;
    try {
      book = await summaryWorkbook({ tables, details, copies: relCopies, errors: listed, skipped });
    } catch (e) {
      errors.push({ input: join(o.out, SUMMARY_BOOK), message: `无法生成 ${SUMMARY_BOOK}：${(e as Error)?.message ?? String(e)}` });
    }
    const bookFailed = book ? writeAtomic(join(o.out, SUMMARY_BOOK), book) : "not built";
    if (book && bookFailed) errors.push({ input: join(o.out, SUMMARY_BOOK), message: bookFailed });
    if (!failed && !o.json) io.out(`已写出 written: ${join(o.out, "summary.csv")}${bookFailed ? "" : `、${join(o.out, SUMMARY_BOOK)}`}${copies.size ? ` 及 ${copies.size} 个评分后的工作簿副本 (*.scored.xlsx)` : ""}\n`);
  }
  for (const n of notes) (o.json ? io.err : io.out)(`注意 note: ${n}\n`);
  report(tables, errors, skipped, o, io);
  return errors.length > 0 ? 2 : 0;
}

function relativeCopies(copies: Map<string, string>, out: string): Map<string, string> {
  return new Map([...copies].map(([k, v]) => [k, relative(out, v)]));
}

function report(tables: ContractTable[], errors: InputError[], skipped: InputError[], o: { json: boolean; summary: boolean }, io: Io): void {
  if (o.json) {
    const out: ContractOutput = { tables, errors };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    if (o.summary) io.out(`${summaryTable(tables)}\n`);
    else for (const t of tables) io.out(`${tableReport(t)}\n\n`);
    const findings = tables.reduce((s, t) => s + t.findings.length, 0);
    io.out(`共 ${tables.length} 张表，${findings} 条复核发现 / ${tables.length} tables, ${findings} findings\n`);
  }
  for (const s of skipped) io.err(`跳过 skipped: ${s.message}\n`);
  for (const e of errors) io.err(`错误 error: ${e.message}\n`);
}

/** A 复核口径 rules file: JSON (UTF-8, BOM allowed) with the changes to the default rules; every problem named. */
function readRulesFile(file: string): { rules: ReviewRule[] } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    return { error: `无法读取规则文件“${file}”：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : (e as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: `规则文件“${file}”不是有效的 JSON` };
  }
  const { rules, errors } = mergeRules(data);
  return errors.length ? { error: `规则文件“${file}”：${errors.join("；")}` } : { rules };
}
