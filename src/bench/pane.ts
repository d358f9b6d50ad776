import { evaluateTable, runPipeline, type Grid } from "../engine";
import { chunkOps, planToOps } from "../excel/ops";
import { generateTables } from "./generate";

/** A 自评表-shaped grid of n generated indicators (header row, one row per indicator). */
export function tableGrid(n: number): Grid {
  const rows = generateTables(n, 7, (t) => evaluateTable(t).indicators.map((r) => r.score)).flatMap((t) => t.indicators);
  const header = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析"];
  const cells: Grid["cells"] = [header.map((v) => ({ v }))];
  for (const r of rows) {
    cells.push([r.level1!, r.level2!, r.level3!, r.weight as number, r.target as string, r.actual as string, r.reported_score as number, r.deviation_note ?? null].map((v) => (v === null ? null : { v })));
  }
  return { sheet: "自评表", origin: { row: 0, col: 0 }, cells, merges: [] };
}

/**
 * What the task pane computes between Excel's read and Excel's write, on a 30-row and a 20,000-row table:
 * detection, scoring, the write plan and its Office.js requests (Excel's own time is not measurable here).
 */
export function benchPane(): void {
  for (const n of [30, 20_000]) {
    const grid = tableGrid(n);
    const times: number[] = [];
    let writes = 0;
    let chunks = 0;
    let bytes = 0;
    for (let i = 0; i < (n > 1000 ? 3 : 20); i++) {
      const t0 = performance.now();
      const plan = runPipeline(grid, { plan: { mode: "formulas" } })[0]!.plan!;
      const ops = planToOps(plan);
      const c = chunkOps(ops);
      times.push(performance.now() - t0);
      writes = plan.writes.length;
      chunks = c.length;
      bytes = ops.reduce((s, o) => s + o.bytes, 0);
    }
    console.log(`pane: ${n.toLocaleString("en-US")}-row table — detect + score + plan + requests best ${Math.min(...times).toFixed(1)} ms; ${writes.toLocaleString("en-US")} cell writes in ${chunks} request(s) of ~${(bytes / 1e6).toFixed(2)} MB in all`);
  }
}
