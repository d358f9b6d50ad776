import { evaluateTable } from "../engine";
import { toContract, type ContractOutput, type ContractTable } from "../engine";
import { presetByName, unknownPresetMessage } from "../engine";
import { schemeByName } from "../engine";
import { parseArgs, USAGE } from "./args";
import { expandInputs, readJsonTables, type InputError, type LoadedTable } from "./inputs";
import { summaryTable, tableReport } from "./text";
import { scoreWorkbooks } from "./pool";
import { progressBar } from "./progress";
import { summaryCsv } from "./summary";
import { mkdirSync, writeFileSync } from "fs";
import { basename, extname, join } from "path";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/**
 * eval-score: score the tables in JSON files. Returns the exit code: 0 when every input was read (findings
 * are not errors), 2 for bad usage or an input that could not be read.
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
  const { files, errors } = expandInputs(o.files);
  const jsonFiles = files.filter((f) => extname(f).toLowerCase() !== ".xlsx");
  const xlsxFiles = files.filter((f) => extname(f).toLowerCase() === ".xlsx");
  const loaded: LoadedTable[] = [];
  for (const f of jsonFiles) {
    const r = readJsonTables(f);
    if (r.error) errors.push(r.error);
    loaded.push(...r.tables);
  }
  const tables: ContractTable[] = [];
  for (const l of loaded) {
    try {
      const result = evaluateTable(l.table, { preset: o.preset ?? undefined, tolerance: o.tolerance, ratingScheme: scheme });
      tables.push(toContract(result, { file: l.file, ...(l.sheet ? { sheet: l.sheet } : {}) }));
    } catch (e) {
      errors.push({ input: l.file, message: (e as Error).message });
    }
  }
  if (xlsxFiles.length > 0) {
    const jobs = xlsxFiles.map((file) => ({ file, preset: o.preset ?? "national", tolerance: o.tolerance, ratingScheme: scheme, scored: o.out !== null, mode: "formulas" as const }));
    const outcomes = await scoreWorkbooks(jobs, progressBar(jobs.length, "评分 scoring"));
    if (o.out) mkdirSync(o.out, { recursive: true });
    for (const r of outcomes) {
      tables.push(...r.tables);
      errors.push(...r.errors);
      if (o.out && r.scored) {
        const target = join(o.out, `${basename(r.file, extname(r.file))}.scored.xlsx`);
        writeFileSync(target, r.scored);
      }
    }
  }
  if (o.out) {
    mkdirSync(o.out, { recursive: true });
    writeFileSync(join(o.out, "summary.csv"), summaryCsv(tables));
    if (!o.json) io.out(`已写出 written: ${o.out}/summary.csv${xlsxFiles.length ? ` 及 ${xlsxFiles.length} 个评分后的工作簿副本 (*.scored.xlsx)` : ""}\n`);
  }
  report(tables, errors, o, io);
  return errors.length > 0 ? 2 : 0;
}

function report(tables: ContractTable[], errors: InputError[], o: { json: boolean; summary: boolean }, io: Io): void {
  if (o.json) {
    const out: ContractOutput = { tables, errors };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  if (o.summary) io.out(`${summaryTable(tables)}\n`);
  else for (const t of tables) io.out(`${tableReport(t)}\n\n`);
  const findings = tables.reduce((s, t) => s + t.findings.length, 0);
  io.out(`共 ${tables.length} 张表，${findings} 条复核发现 / ${tables.length} tables, ${findings} findings\n`);
  for (const e of errors) io.err(`错误 error: ${e.message}\n`);
}
