import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { parseAddress, runPipeline, round, type PipelineTable } from "../engine";
import { readAnyWorkbook } from "../workbook/read";
import { VARIANTS } from "./variants";
import { compareResaved, exportFixtures } from "./resaved";

/**
 * `npm run corpus`: how EVAL reads the real tables in test/fixtures/real/ (published 自评表 recreated as the
 * workbooks their units had: title block, merges, number formats, notes below). Each fixture's manifest says
 * which rows are indicators, their names, the hand scores and the slips a reviewer should catch; this prints
 * what EVAL found against that, table by table and in all.
 */
export interface Fixture {
  id: string;
  province: string;
  source: string | null;
  sheet: string;
  /** Cells as typed; a `{ formula, result }` cell (the formulas variant) is a formula with its last computed value. */
  rows: (string | number | null | FormulaCell)[][];
  merges: string[];
  formats?: Record<string, string>;
  expected: {
    indicators: { row: number; name: string; weight: number | null; target: string | null; actual: string | null; reported_score: number | null; hand_score: number | null }[];
    budget: { row: number; hand_score: number | null } | null;
    reported_total: number | null;
    hand_total: number | null;
    reported_rating?: string | null;
    slips: { cell: string; what: string }[];
    noise: { cell: string; what: string }[];
  };
}

export interface FormulaCell {
  formula: string;
  result: number;
}

export interface CorpusFigures {
  id: string;
  tables: number;
  expectedRows: number;
  found: number;
  missing: number;
  extra: number;
  names: number;
  pairs: number;
  pairsReadable: number;
  noisePairs: number;
  hand: number;
  handReproduced: number;
  slips: number;
  slipsFlagged: number;
  falseAlarms: number;
  /** Warnings and errors on cells the manifest lists as source noise (the transcription had to guess): neither slip nor alarm. */
  noiseFindings: number;
  misses: string[];
  alarms: string[];
  /**
   * Findings not counted as alarms (their kind or row has a listed slip) that no slip was paired with: a second finding on
   * a listed slip, or one about something the manifest does not list. Counted to be read (--verbose), not scored.
   */
  unpaired: number;
  unpairedList: string[];
  /** Each slip flagged, with the finding paired with it (`-- --pairs` prints them, to be read: is it about that slip?). */
  pairedList: string[];
}

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Fixture);
}

/** The fixture as the unit's workbook: cells, merges and number formats. */
export async function fixtureWorkbook(fx: Fixture): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(fx.sheet || "Sheet1");
  fx.rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== "") ws.getCell(r + 1, c + 1).value = v;
  }));
  for (const m of fx.merges) ws.mergeCells(m);
  for (const [a, fmt] of Object.entries(fx.formats ?? {})) ws.getCell(a).numFmt = fmt;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The 1-based row of the cell a table-level finding names first (“B3：…”, “Sheet1!B3：…”), or null. */
function namedRowOf(message: string): number | null {
  const at = /^(?:[^!：:]+!)?([A-Z]{1,3}\d+)[：:]/.exec(message);
  const cell = at ? parseAddress(at[1]!) : null;
  return cell ? cell.row + 1 : null;
}

/** The grade of a total in the national bands (财预〔2020〕10号: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60). */
const nationalGrade = (total: number) => (total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差");

/** Findings about the budget block (its amounts, rate and score). */
const BUDGET_CODES = /^(?:budget-|rate-mismatch|executed-blank|fund-)/;

const squash = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "");

/** One fixture through the same path as the CLI: the workbook read back, then the pipeline. */
export async function measureFixture(fx: Fixture, file?: { bytes: Uint8Array; name: string }): Promise<CorpusFigures> {
  // (A file given is the same table as another program saved it: bench/resaved.ts.)
  const read = await readAnyWorkbook(file ? file.bytes : await fixtureWorkbook(fx), file ? file.name : `${fx.id}.xlsx`);
  const tables: PipelineTable[] = read.ok ? runPipeline(read.grids) : [];
  const byRow = new Map<number, { t: PipelineTable; i: number }>();
  for (const t of tables) t.detected.indicatorRows.forEach((r, i) => byRow.set(t.grid.origin.row + r + 1, { t, i }));
  const exp = fx.expected;
  const expRows = new Set(exp.indicators.map((e) => e.row));
  const noiseRows = new Set(exp.noise.map((n) => parseAddress(n.cell)?.row).filter((r) => r !== undefined).map((r) => r! + 1));
  const slipRows = new Set(exp.slips.map((s) => parseAddress(s.cell)?.row).filter((r) => r !== undefined).map((r) => r! + 1));
  // A table-level finding and a slip off the indicator rows are of one kind when both are about the budget block (its
  // row and the 其中 rows under it; a total the budget's score upsets, or a weights total its points upset, counts too) or
  // neither is.
  // The rows of each budget block's header as read (1-based; a header over two rows counts the row above too).
  const budgetHeads = new Set(tables.flatMap((t) => (t.detected.budget && exp.budget && t.grid.origin.row + t.detected.budget.row + 1 >= exp.budget.row - 1 && t.grid.origin.row + t.detected.budget.row + 1 <= exp.budget.row + 1 ? [t.grid.origin.row + t.detected.budget.headerRow, t.grid.origin.row + t.detected.budget.headerRow + 1] : [])));
  const ofKind = (code: string, row: number) => {
    // (Its header rows, where the reader found the block's header, are part of it: a unit written there is the block's.)
    const inBudget = exp.budget !== null && exp.budget !== undefined && ((row >= exp.budget.row && row <= exp.budget.row + 4) || budgetHeads.has(row));
    return inBudget ? BUDGET_CODES.test(code) || code.startsWith("total-") || code === "weights-total" : !BUDGET_CODES.test(code);
  };
  const f: CorpusFigures = { id: fx.id, tables: tables.length, expectedRows: expRows.size, found: 0, missing: 0, extra: 0, names: 0, pairs: 0, pairsReadable: 0, noisePairs: 0, hand: 0, handReproduced: 0, slips: exp.slips.length, slipsFlagged: 0, falseAlarms: 0, noiseFindings: 0, misses: [], alarms: [], unpaired: 0, unpairedList: [], pairedList: [] };
  for (const e of exp.indicators) {
    const hit = byRow.get(e.row);
    if (!hit) {
      f.missing++;
      f.misses.push(`第 ${e.row} 行“${e.name}”未识别为指标`);
      continue;
    }
    f.found++;
    const r = hit.t.result.indicators[hit.i]!;
    if (squash(r.name) === squash(e.name) || squash(r.name).includes(squash(e.name))) f.names++;
    else f.misses.push(`第 ${e.row} 行名称为“${r.name}”，应为“${e.name}”`);
    if (squash(e.target) !== "" && squash(e.actual) !== "") {
      if (noiseRows.has(e.row)) f.noisePairs++;
      else {
        f.pairs++;
        if (r.status !== "unreadable" && r.status !== "pending") f.pairsReadable++;
        else f.misses.push(`第 ${e.row} 行“${e.name}”目标/实际未能读取：${r.explanation}`);
      }
    }
    if (e.hand_score !== null && e.hand_score !== undefined) {
      f.hand++;
      if (r.score !== null && Math.abs(round(r.score, 2) - e.hand_score) <= 0.01 + 1e-9) f.handReproduced++;
      else f.misses.push(`第 ${e.row} 行“${e.name}”手算 ${e.hand_score}，EVAL ${r.score === null ? r.status : round(r.score, 2)}`);
    }
  }
  for (const [row] of byRow) if (!expRows.has(row)) f.extra++;
  // Findings that would stop a reviewer (errors and warnings) against the slips the manifest lists, by row.
  const units: { row: number | null; code: string | null; finding: number }[] = [];
  const counted: { slip: boolean; text: string }[] = [];
  for (const t of tables) {
    for (const x of t.result.findings) {
      if (x.severity === "info") continue;
      const row = x.indicator === null ? null : t.grid.origin.row + t.detected.indicatorRows[x.indicator]! + 1;
      // A table-level finding is a slip when the manifest lists one, or (a total not as recomputed) when the
      // manifest's own hand total differs from the reported total.
      // So is a rating not as recomputed when the manifest's hand total earns another grade (national bands) than the reported one.
      const totalOff = (x.code === "total-mismatch" && typeof exp.hand_total === "number" && typeof exp.reported_total === "number" && Math.abs(exp.hand_total - exp.reported_total) > 0.01 + 1e-9) || (x.code === "rating-mismatch" && typeof exp.hand_total === "number" && typeof exp.reported_rating === "string" && !exp.reported_rating.includes(nationalGrade(exp.hand_total)));
      // A finding that names several rows (a level whose met rows lost points) is a slip when one of them is.
      const named = (x.rows ?? []).map((i) => t.grid.origin.row + t.detected.indicatorRows[i]! + 1);
      // (A table-level finding is a slip only when one of its kind is listed off the indicator rows: see ofKind below.)
      // A table-level finding that names its cell (B3：…) is a slip when one is listed on that cell's row.
      const namedAt = row === null ? namedRowOf(x.message) : null;
      // What this finding can flag: one slip on each row it is about, or (naming none) one table-level slip of its kind.
      const about = new Set([...(row !== null ? [row] : []), ...named, ...(namedAt !== null ? [namedAt] : [])]);
      // (A table-level finding that names rows, as "all 8 rows have no score", is about the table too.)
      if (row === null && namedAt === null) units.push({ row: null, code: x.code, finding: counted.length });
      for (const r of about) units.push({ row: r, code: null, finding: counted.length });
      const isSlip = (namedAt !== null ? slipRows.has(namedAt) : row === null ? totalOff || exp.slips.some((s) => !expRows.has((parseAddress(s.cell)?.row ?? -2) + 1) && ofKind(x.code, (parseAddress(s.cell)?.row ?? -2) + 1)) : slipRows.has(row)) || named.some((r) => slipRows.has(r));
      // A budget finding when the manifest lists the budget row's figures as source noise is as unjudgeable as a row's.
      // A table-level finding that names its cell (A2：…) is on source noise when that cell's row is.
      const onNoise = row !== null ? noiseRows.has(row) : namedAt !== null ? noiseRows.has(namedAt) : x.code.startsWith("budget-") && exp.budget !== null && exp.budget !== undefined && noiseRows.has(exp.budget.row);
      counted.push({ slip: isSlip, text: `${x.code}：${x.message}` });
      if (!isSlip && onNoise) f.noiseFindings++;
      else if (!isSlip) {
        f.falseAlarms++;
        f.alarms.push(`${x.code}：${x.message}`);
      }
    }
  }
  // Each slip needs a finding of its own: one finding flags at most one slip on each row it names, and a table-level
  // finding that names no cell flags at most one slip of its kind off the indicator rows. (Crediting every slip a
  // finding could touch let one false total-sum error "find" three slips on first contact.) Slips and findings are
  // paired by a maximum matching, so the order of either does not matter.
  const slipRow = (s: { cell: string }) => (parseAddress(s.cell)?.row ?? -2) + 1;
  const pairs = exp.slips.map((s) => {
    const r = slipRow(s);
    const tableLevel = !expRows.has(r);
    // (Findings on the slip's own row tried before table-level ones of its kind: the count is the same, the pairs truer.)
    const onRow = units.flatMap((u, k) => (u.row === r ? [k] : []));
    return [...onRow, ...units.flatMap((u, k) => (tableLevel && u.row === null && u.code !== null && ofKind(u.code, r) ? [k] : []))];
  });
  const taken = new Array<number>(units.length).fill(-1);
  const tryPair = (s: number, seen: Set<number>): boolean => {
    for (const k of pairs[s]!) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (taken[k] === -1 || tryPair(taken[k]!, seen)) {
        taken[k] = s;
        return true;
      }
    }
    return false;
  };
  exp.slips.forEach((s, i) => {
    if (tryPair(i, new Set())) f.slipsFlagged++;
    else f.misses.push(`未发现：${s.cell} ${s.what}`);
  });
  units.forEach((u, k) => {
    if (taken[k] !== -1) f.pairedList.push(`${exp.slips[taken[k]!]!.cell} ${exp.slips[taken[k]!]!.what} ⇐ ${counted[u.finding]!.text}`);
  });
  const paired = new Set(units.filter((_, k) => taken[k] !== -1).map((u) => u.finding));
  counted.forEach((c, i) => {
    if (!c.slip || paired.has(i)) return;
    f.unpaired++;
    f.unpairedList.push(c.text);
  });
  return f;
}

const pctOf = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);

async function main(): Promise<void> {
  // `-- --dir PATH` measures another folder of fixtures (a new batch, before it joins the corpus: first contact).
  const at = process.argv.indexOf("--dir");
  const dir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : join(__dirname, "..", "..", "..", "test", "fixtures", "real");
  const fixtures = loadFixtures(dir);
  if (process.argv.includes("--variants")) return variants(fixtures);
  // `-- --export DIR` writes each table's workbook; `-- --resaved DIR` reads them again as another program saved them.
  const out = (flag: string) => (process.argv.indexOf(flag) > 0 ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  if (out("--export")) return exportFixtures(fixtures, resolve(out("--export")!));
  if (out("--resaved")) return compareResaved(fixtures, resolve(out("--resaved")!));
  const all: CorpusFigures[] = [];
  for (const fx of fixtures) all.push(await measureFixture(fx));
  const sum = (k: keyof CorpusFigures) => all.reduce((s, f) => s + (f[k] as number), 0);
  const verbose = process.argv.includes("--verbose");
  for (const f of all) {
    console.log(`${f.id}: 表 ${f.tables}；指标行 ${f.found}/${f.expectedRows}（漏 ${f.missing}，多 ${f.extra}）；名称 ${f.names}；可读 ${f.pairsReadable}/${f.pairs}；手算 ${f.handReproduced}/${f.hand}；问题 ${f.slipsFlagged}/${f.slips}；误报 ${f.falseAlarms}`);
    if (verbose) for (const m of [...f.misses, ...f.alarms.map((a) => `误报 ${a}`), ...f.unpairedList.map((a) => `未配对 ${a}`)]) console.log(`    ${m}`);
    if (process.argv.includes("--pairs")) for (const m of f.pairedList) console.log(`    配对 ${m}`);
  }
  const rows = sum("expectedRows");
  console.log("");
  // A table whose unit and place the source never names is counted apart (province 未知), not as a province.
  const provinces = [...new Set(fixtures.map((f) => f.province).filter((p) => p !== "未知"))];
  const unknown = fixtures.filter((f) => f.province === "未知").length;
  console.log(`corpus: ${fixtures.length} tables from ${provinces.length} provinces (${provinces.join("、")})${unknown ? `, ${unknown} of unknown province` : ""}`);
  console.log(`  tables found: ${all.filter((f) => f.tables > 0).length}/${fixtures.length}`);
  console.log(`  indicator rows found exactly: ${sum("found")}/${rows} (${pctOf(sum("found"), rows)}); missing ${sum("missing")}, extra ${sum("extra")}; tables with every row right: ${all.filter((f) => f.missing === 0 && f.extra === 0).length}/${fixtures.length}`);
  console.log(`  names right: ${sum("names")}/${sum("found")} (${pctOf(sum("names"), sum("found"))})`);
  console.log(`  target/actual pairs readable: ${sum("pairsReadable")}/${sum("pairs")} (${pctOf(sum("pairsReadable"), sum("pairs"))}); source noise set apart: ${sum("noisePairs")}`);
  console.log(`  hand scores reproduced within 0.01: ${sum("handReproduced")}/${sum("hand")} (${pctOf(sum("handReproduced"), sum("hand"))})`);
  console.log(`  slips flagged: ${sum("slipsFlagged")}/${sum("slips")}`);
  console.log(`  false alarms: ${sum("falseAlarms")} (${((100 * sum("falseAlarms")) / Math.max(1, rows)).toFixed(1)} per 100 rows; aim ≤ 1); findings on source-noise cells set apart: ${sum("noiseFindings")}`);
  console.log(`  findings paired with no slip, not counted as alarms (a second finding on a listed slip, or about one not listed): ${sum("unpaired")}`);
  if (!verbose) console.log("  (npm run corpus -- --verbose lists every miss, false alarm and unpaired finding)");
}

/** The figures that must not move when the same table is stored another way (bench/variants.ts). */
export const INVARIANT: (keyof CorpusFigures)[] = ["tables", "found", "extra", "names", "pairsReadable", "handReproduced", "slipsFlagged", "falseAlarms"];

/** `-- --variants`: every table stored in each other way, and which figures moved (they should not). */
async function variants(fixtures: Fixture[]): Promise<void> {
  const base = new Map<string, CorpusFigures>();
  for (const fx of fixtures) base.set(fx.id, await measureFixture(fx));
  for (const [name, v] of Object.entries(VARIANTS)) {
    const moved: string[] = [];
    for (const fx of fixtures) {
      const b = base.get(fx.id)!;
      const m = await measureFixture(v.apply(fx));
      const d = INVARIANT.filter((k) => m[k] !== b[k]).map((k) => `${k} ${b[k]}→${m[k]}`);
      if (d.length) moved.push(`    ${fx.id}: ${d.join("，")}`);
    }
    console.log(`${name}（${v.zh}）: ${fixtures.length - moved.length}/${fixtures.length} tables read the same`);
    for (const line of moved) console.log(line);
  }
}

if (require.main === module) void main();
