import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SMALL_TABLE, sheetXml, xlsxWithSheet } from "../workbook/fixtures";

/* Worker mode needs the compiled worker: the command line is compiled into a temporary folder once. */
const root = join(__dirname, "../..");
// Inside the project (node_modules/.cache) so that the compiled files find exceljs and the other packages.
const build = join(root, "node_modules/.cache", `eval-cli-test-${process.pid}`);
type Pool = typeof import("../../src/cli/pool");
let pool: Pool;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.cli.json"), "--outDir", build], { cwd: root, stdio: "pipe" });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pool = require(join(build, "cli/pool.js")) as Pool;
}, 120_000);
afterAll(() => rmSync(build, { recursive: true, force: true }));

const job = (file: string) => ({ file, preset: "national", tolerance: 0.01, ratingScheme: undefined as never, scored: true, mode: "formulas" as const });

describe("the worker pool: one bad file never stops the others", () => {
  test("hostile files and good files in workers: every outcome, in order", async () => {
    const d = mkdtempSync(join(tmpdir(), "eval-pool-"));
    const good = join(root, "assets/samples/county-002-self-eval.xlsx");
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      copyFileSync(good, join(d, `good${i}.xlsx`));
      files.push(join(d, `good${i}.xlsx`));
    }
    writeFileSync(join(d, "far.xlsx"), await xlsxWithSheet(sheetXml([...SMALL_TABLE, [1048575, 0, "x"]])));
    const merges = Array.from({ length: 60_000 }, (_, i) => `A${10 + i * 2}:B${11 + i * 2}`);
    writeFileSync(join(d, "merges.xlsx"), await xlsxWithSheet(sheetXml(SMALL_TABLE, { merges })));
    writeFileSync(join(d, "garbage.xlsx"), "PK\u0003\u0004 garbage");
    files.splice(1, 0, join(d, "far.xlsx"), join(d, "merges.xlsx"), join(d, "garbage.xlsx"));
    const out = await pool.runPool(files.map(job), 2, join(build, "cli/worker.js"), () => undefined);
    expect(out.map((o) => o.file)).toEqual(files);
    expect(out.map((o) => (o.tables.length > 0 ? "scored" : "error"))).toEqual(["scored", "error", "error", "error", "scored", "scored"]);
    expect(out[1]!.errors[0]!.message).toContain("far.xlsx");
    expect(out[0]!.scored).toBeInstanceOf(Uint8Array);
  }, 60_000);

  test("a worker that runs out of memory is replaced and its file reported", async () => {
    const good = join(root, "assets/samples/county-002-self-eval.xlsx");
    const out = await pool.runPool([job(good), job(good), job(good)], 2, join(build, "cli/worker.js"), () => undefined, 4);
    expect(out).toHaveLength(3);
    for (const o of out) expect(o.tables.length > 0 || /内存超出上限|出错/.test(o.errors[0]?.message ?? "")).toBe(true);
  }, 60_000);
});

