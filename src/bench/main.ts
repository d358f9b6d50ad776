import { clearMeasureCache, evaluateTable } from "../engine";
import { cpus } from "os";
import { generateTables } from "./generate";
import { excelJsRoundTrip, writeTableWorkbooks } from "./workbooks";
import { scoreWorkbookFile } from "../cli/xlsx";
import { scoreWorkbooks } from "../cli/pool";
import { scoreOf, tableOf } from "../functions/core";
import { benchPane } from "./pane";

/**
 * `npm run bench`: figures, not adjectives. Engine throughput (parse + score + aggregate + review) on a
 * generated 100,000-row set of realistic strings, on one core; best of 5 runs after a warm-up. "Cold" clears the
 * reading cache before each run, so every target and actual is read again; "with explanations" also writes every
 * row's explanation, deviation text and every finding's message, as the CLI report does.
 */
function benchEngine(rows: number): void {
  const tables = generateTables(rows, 42, (t) => evaluateTable(t, { preset: "xinjiang" }).indicators.map((i) => i.score));
  const run = (explain: boolean) => {
    let n = 0;
    let chars = 0;
    for (const t of tables) {
      const r = evaluateTable(t, { preset: "xinjiang" });
      n += r.indicators.length;
      if (explain) {
        for (const i of r.indicators) chars += i.explanation.length + i.deviation.length;
        for (const f of r.findings) chars += f.message.length;
      }
    }
    return explain && chars === 0 ? -1 : n;
  };
  run(false); // warm-up (JIT)
  run(true);
  for (const [label, cold, explain] of [["cold: every target/actual read, no explanations", true, false], ["cold, with explanations", true, true], ["warm: texts already read, as on recalculation", false, false]] as const) {
    const times: number[] = [];
    let n = 0;
    for (let i = 0; i < 5; i++) {
      if (cold) clearMeasureCache();
      const t0 = process.hrtime.bigint();
      n = run(explain);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const best = Math.min(...times);
    const median = [...times].sort((a, b) => a - b)[2]!;
    const rate = (ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");
    console.log(`engine (${label}): ${n} indicators in ${tables.length} tables, best ${best.toFixed(1)} ms (${rate(best)} indicators/s), median ${median.toFixed(1)} ms (${rate(median)}/s)`);
  }
}

async function time(f: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** eval-score on 200 generated 30-row workbooks against ExcelJS alone reading and writing the same files. */
async function benchWorkbooks(): Promise<void> {
  const tables = generateTables(6000, 7, (t) => evaluateTable(t, { preset: "xinjiang" }).indicators.map((i) => i.score));
  const files = await writeTableWorkbooks(tables);
  const jobs = files.map((file) => ({ file, preset: "xinjiang", tolerance: 0.01, ratingScheme: "standard" as const, scored: true, mode: "formulas" as const }));
  await excelJsRoundTrip(files.slice(0, 10));
  const base = await time(() => excelJsRoundTrip(files));
  const cli = await time(async () => {
    for (const j of jobs) await scoreWorkbookFile(j);
  });
  const pooled = await time(() => scoreWorkbooks(jobs, () => undefined));
  console.log(`workbooks: ${files.length} files × 30 rows — ExcelJS read+write alone ${base.toFixed(0)} ms; eval-score (read, detect, score, plan, write copy) ${cli.toFixed(0)} ms on one thread → ratio ${(cli / base).toFixed(2)}; with the worker pool (${cpus().length} cores) ${pooled.toFixed(0)} ms`);
}

/** EVAL.SCORE per call with warm caches, and EVAL.TABLE on a 1,000-row range. */
function benchFunctions(): void {
  const args: [string, string, number, string, string][] = [[">=180人", "=294人", 10, "按照完成比例赋分", "xinjiang"], ["<=1.5万元", "=1.3万元", 10, "按照完成比例赋分", "xinjiang"], ["16000", "14368", 20, "正向比例", "national"]];
  for (const a of args) scoreOf(...a);
  const n = 200_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) scoreOf(...args[i % 3]!);
  const us = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  const t = generateTables(1000, 3);
  const range: (string | number | null)[][] = [["一级指标", "二级指标", "三级指标", "权重", "目标值", "实际完成值", "得分", "赋分规则"]];
  for (const tab of t) for (const i of tab.indicators) range.push([i.level1 ?? null, i.level2 ?? null, i.level3 ?? null, i.weight as number, i.target as string, i.actual as string, i.reported_score as number, i.rule_text ?? null]);
  tableOf(range, "xinjiang");
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = process.hrtime.bigint();
    tableOf(range, "xinjiang");
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  console.log(`functions: EVAL.SCORE ${us.toFixed(2)} µs per call (warm caches, ${n.toLocaleString("en-US")} calls); EVAL.TABLE on a ${range.length - 1}-row range ${Math.min(...times).toFixed(1)} ms (best of 5)`);
}

async function mainBench(): Promise<void> {
  console.log(`EVAL bench — node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`);
  benchEngine(100_000);
  benchFunctions();
  if (process.argv.includes("--engine")) return;
  benchPane();
  await benchWorkbooks();
}

void mainBench();
