import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { parseMeasure, round, runPipeline, type Grid, type GridCell } from "../../src/engine";
import { readAnyWorkbook } from "../../src/workbook/read";
import { fixtureWorkbook, loadFixtures } from "../../src/bench/corpus";
import { PROFILES } from "../excel/simulator";
import { computeFormula } from "./excelFormula";

/**
 * Issue "Real Excel": the formulas EVAL writes give the scores the pane shows, as Excel would compute them, with
 * actuals typed the way users type them: percents as numbers with a % format (96% → 0.96), dates as date cells
 * (serials), and blank cells (0 on desktop, null on the web), on every seed table and every corpus table.
 */
const root = join(__dirname, "..", "..");

async function workbooks(): Promise<[string, Grid[]][]> {
  const out: [string, Grid[]][] = [];
  const samples = join(root, "assets", "samples");
  for (const f of readdirSync(samples).filter((n) => n.endsWith(".xlsx") && !n.startsWith("eval-formulas"))) {
    const r = await readAnyWorkbook(readFileSync(join(samples, f)), f);
    if (r.ok) out.push([f, r.grids]);
  }
  for (const fx of loadFixtures(join(root, "test", "fixtures", "real"))) {
    const r = await readAnyWorkbook(await fixtureWorkbook(fx), `${fx.id}.xlsx`);
    if (r.ok) out.push([fx.id, r.grids]);
  }
  return out;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** An actual as a user types it in Excel: `95%` → 0.95 formatted 0.00%; a date → a date cell. */
function typed(cell: GridCell | null): GridCell | null {
  if (!cell || typeof cell.v !== "string") return cell;
  const m = parseMeasure(cell.v);
  if (m.kind === "percent" && m.op === null || (m.kind === "percent" && m.op === "=")) return { v: m.value, fmt: "0.00%" };
  if (m.kind === "date" && m.year !== null && m.op === null) return { v: (Date.UTC(m.year, m.month - 1, m.dayOfMonth) - SERIAL_EPOCH) / 86400000, fmt: "yyyy-mm-dd" };
  return cell;
}

function retyped(grid: Grid, blankEvery = 0): Grid {
  const cells = grid.cells.map((r) => [...r]);
  for (const t of runPipeline(grid)) {
    const col = t.detected.columns.actual;
    if (col === undefined) continue;
    t.detected.indicatorRows.forEach((r, i) => (cells[r]![col] = blankEvery && i % blankEvery === blankEvery - 1 ? null : typed(cells[r]![col] ?? null)));
  }
  return { ...grid, cells };
}

test("every EVAL formula written on the seed and corpus tables equals the pane's figure, on desktop and on the web", async () => {
  let checked = 0;
  let percents = 0;
  let blanks = 0;
  const mismatches: string[] = [];
  for (const [name, grids] of await workbooks()) {
    for (const original of grids) {
      // The formulas are written on the typed sheet; then the user empties every 4th actual: Excel recomputes.
      const written = retyped(original);
      const grid = retyped(original, 4);
      const pane = new Map(runPipeline(grid).map((t) => [t.id, t]));
      for (const t of runPipeline(written, { plan: { mode: "formulas" } })) {
        const now = pane.get(t.id)!;
        const byCell = new Map(now.detected.indicatorRows.map((r, i) => [r + grid.origin.row, now.result.indicators[i]!]));
        for (const w of t.plan!.writes) {
          if (!w.formula || !/^EVAL\.(SCORE|COMPLETION|DEVIATION)\(/.test(w.formula)) continue;
          const row = byCell.get(w.row)!;
          for (const profile of PROFILES) {
            const got = computeFormula(grid, w.formula, profile);
            checked++;
            const kind = w.formula.slice(5, w.formula.indexOf("("));
            const want = kind === "SCORE" ? (row.score === null ? null : round(row.score, 2)) : kind === "COMPLETION" ? (row.completion === null ? null : round(row.completion, 6)) : row.deviation === "实际完成值未填写" ? null : row.deviation;
            const same = want === null ? !got.ok && got.code === "na" : typeof want === "string" ? got.ok && got.value === want : got.ok && Math.abs((got.value as number) - want) < 1e-9;
            if (!same) mismatches.push(`${name} ${w.address} ${profile}: pane ${want ?? row.status}, formula ${got.ok ? got.value : `${got.code} ${got.message}`}`);
          }
          const actual = grid.cells[w.row - grid.origin.row]?.[t.detected.columns.actual! ];
          if (actual?.fmt?.includes("%")) percents++;
          if (!actual) blanks++;
        }
      }
    }
  }
  expect(mismatches).toEqual([]);
  expect(checked).toBeGreaterThan(200);
  expect(percents).toBeGreaterThan(10);
  expect(blanks).toBeGreaterThan(10);
}, 60_000);

test("without the cell-format argument (a formula typed by hand), a percent cell is read as written: the reason the argument exists", async () => {
  const { scoreOf } = await import("../../src/functions/core");
  // (Against a rate of 10% or more a bare fraction is read as one, 0.96 as 96%: the engine guesses right there. Against a
  // small rate it cannot tell 0.06 from 0.06%: only the cell's format says.)
  expect(scoreOf("≥95%", 0.96, 10, null, null)).toMatchObject({ ok: true, value: 10 });
  expect(scoreOf("≥5%", 0.06, 10, null, null)).toMatchObject({ ok: true, value: 0.12 });
  expect(scoreOf("≥5%", 0.06, 10, null, null, "G|P0|v")).toEqual({ ok: true, value: 10 });
  expect(scoreOf("≥95%", 0, 10, null, null, "G|G|b")).toMatchObject({ ok: false, code: "na" });
  expect(scoreOf("≤0起", 0, 10, null, null, "G|G|v")).toEqual({ ok: true, value: 10 });
});
