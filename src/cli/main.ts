import { evaluateTable } from "../engine/evaluate/table";
import { toContract, type ContractOutput, type ContractTable } from "../engine/contract";
import { presetByName } from "../engine/rules/presets";
import { schemeByName } from "../engine/evaluate/rating";
import { parseArgs, USAGE } from "./args";
import { expandInputs, readJsonTables, type InputError, type LoadedTable } from "./inputs";
import { tableReport } from "./text";

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
    io.err(`未知的预设“${o.preset}”（可用：national、xinjiang、hubei）/ unknown preset\n`);
    return 2;
  }
  const scheme = schemeByName(o.rating);
  if (!scheme) {
    io.err(`未知的评级方案“${o.rating}”（可用：standard、strict、80-70-60）/ unknown rating scheme\n`);
    return 2;
  }
  const { files, errors } = expandInputs(o.files);
  const loaded: LoadedTable[] = [];
  for (const f of files) {
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
  report(tables, errors, o.json, io);
  return errors.length > 0 ? 2 : 0;
}

function report(tables: ContractTable[], errors: InputError[], json: boolean, io: Io): void {
  if (json) {
    const out: ContractOutput = { tables, errors };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  for (const t of tables) io.out(`${tableReport(t)}\n\n`);
  const findings = tables.reduce((s, t) => s + t.findings.length, 0);
  io.out(`共 ${tables.length} 张表，${findings} 条复核发现 / ${tables.length} tables, ${findings} findings\n`);
  for (const e of errors) io.err(`错误 error: ${e.message}\n`);
}
