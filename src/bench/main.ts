import { evaluateTable } from "../engine/evaluate/table";
import { generateTables } from "./generate";

/**
 * `npm run bench`: figures, not adjectives. Engine throughput (parse + score + aggregate + review) on a
 * generated 100,000-row set of realistic strings, single-threaded; best of 5 runs after a warm-up.
 */
function benchEngine(rows: number): void {
  const tables = generateTables(rows, 42);
  const run = () => {
    let n = 0;
    for (const t of tables) n += evaluateTable(t, { preset: "xinjiang" }).indicators.length;
    return n;
  };
  run(); // warm-up (JIT)
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    n = run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const best = Math.min(...times);
  const median = [...times].sort((a, b) => a - b)[2]!;
  console.log(`engine: ${n} indicators in ${tables.length} tables`);
  console.log(`engine: best ${best.toFixed(1)} ms, median ${median.toFixed(1)} ms → ${Math.round((n / best) * 1000).toLocaleString("en-US")} indicators/s (best), ${Math.round((n / median) * 1000).toLocaleString("en-US")} indicators/s (median)`);
}

async function mainBench(): Promise<void> {
  console.log(`EVAL bench — node ${process.version}, ${new Date().toISOString()}`);
  benchEngine(100_000);
}

void mainBench();
