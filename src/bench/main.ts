import { clearMeasureCache, evaluateTable } from "../engine";
import { cpus, tmpdir } from "os";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { main as evalScore } from "../cli/main";
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

/**
 * eval-score on 200 generated 30-row workbooks against ExcelJS alone reading and writing the same files (goal:
 * ratio ≤ 1.0). The scored copy is the original patched (src/workbook/patch), not rewritten. Each side runs
 * three times, alternating, and the best of each is compared (the machine is shared).
 */
async function benchWorkbooks(): Promise<void> {
  const tables = generateTables(6000, 7, (t) => evaluateTable(t, { preset: "xinjiang" }).indicators.map((i) => i.score));
  const files = await writeTableWorkbooks(tables);
  const jobs = files.map((file) => ({ file, preset: "xinjiang", tolerance: 0.01, ratingScheme: "standard" as const, scored: true, mode: "formulas" as const }));
  await excelJsRoundTrip(files.slice(0, 10));
  for (const j of jobs.slice(0, 10)) await scoreWorkbookFile(j);
  const base: number[] = [];
  const cli: number[] = [];
  for (let k = 0; k < 3; k++) {
    base.push(await time(() => excelJsRoundTrip(files)));
    cli.push(
      await time(async () => {
        for (const j of jobs) {
          const r = await scoreWorkbookFile(j);
          if (r.copy !== "patched") throw new Error(`${j.file}: copy ${r.copy}`);
        }
      }),
    );
  }
  const b = Math.min(...base);
  const c = Math.min(...cli);
  const pooled = await time(() => scoreWorkbooks(jobs, () => undefined));
  console.log(
    `workbooks: ${files.length} files × 30 rows — ExcelJS read+write alone ${b.toFixed(0)} ms; eval-score (read, detect, score, plan, patch the copy) ${c.toFixed(0)} ms on one thread → ratio ${(c / b).toFixed(2)} (goal ≤ 1.00; best of 3 each, runs ${base.map((x) => x.toFixed(0)).join("/")} vs ${cli.map((x) => x.toFixed(0)).join("/")} ms); with the worker pool (${cpus().length} cores) ${pooled.toFixed(0)} ms`,
  );
}

/** Peak resident memory since the last reset (VmHWM, reset through /proc/self/clear_refs), or null where there is none. */
function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}
function vmHwm(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The whole command line (`eval-score --out DIR folder`: read, score, patch and write 1,000 copies, summary.csv
 * and 汇总.xlsx) on 1,000 generated 30-row workbooks, on one thread (EVAL_THREADS=1) and with the worker pool:
 * wall time and peak memory of the process (worker threads included), sampled every 20 ms and, on Linux, VmHWM.
 */
async function benchScale(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "eval-scale-"));
  const t0 = process.hrtime.bigint();
  const tables = generateTables(n * 30, 13, (t) => evaluateTable(t, { preset: "xinjiang" }).indicators.map((i) => i.score));
  await writeTableWorkbooks(tables, dir);
  const made = Number(process.hrtime.bigint() - t0) / 1e6;
  const mb = (x: number) => `${Math.round(x / 1024 / 1024)} MB`;
  for (const [label, threads] of [["one thread", "1"], [`worker pool (${Math.min(cpus().length, 8)} threads)`, ""]] as const) {
    const out = mkdtempSync(join(tmpdir(), "eval-scale-out-"));
    if (threads) process.env.EVAL_THREADS = threads;
    else delete process.env.EVAL_THREADS;
    global.gc?.();
    const hwm = resetPeak();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let code = -1;
    const ms = await time(async () => {
      code = await evalScore(["--out", out, dir], { out: () => undefined, err: () => undefined });
    });
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const high = hwm ? vmHwm() : null;
    const copies = readFileSync(join(out, "summary.csv"), "utf8").split("\n").filter((l) => l.includes(".scored.xlsx")).length;
    console.log(
      `scale: eval-score --out on ${n.toLocaleString("en-US")} workbooks (${(n * 30).toLocaleString("en-US")} rows; made in ${(made / 1000).toFixed(1)} s), ${label}: ${(ms / 1000).toFixed(1)} s (${(ms / n).toFixed(1)} ms per workbook), exit ${code}, ${copies} copies + summary.csv + 汇总.xlsx; peak memory ${mb(high ?? peak)}${high ? " (VmHWM)" : " (sampled RSS)"}, ${mb(before)} before`,
    );
    rmSync(out, { recursive: true, force: true });
  }
  delete process.env.EVAL_THREADS;
  rmSync(dir, { recursive: true, force: true });
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
  if (process.argv.includes("--workbooks")) {
    // Only the workbook figures: the CLI ratio and the 1,000-workbook run.
    await benchWorkbooks();
    await benchScale(Number(process.argv[process.argv.indexOf("--workbooks") + 1]) || 1000);
    return;
  }
  benchEngine(100_000);
  benchFunctions();
  if (process.argv.includes("--engine")) return;
  benchPane();
  await benchWorkbooks();
  await benchScale(1000);
}

void mainBench();
