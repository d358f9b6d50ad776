import { execFile } from "child_process";
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/**
 * The engine's boundaries, checked two ways: lint fails on probe files that break them (from nested folders
 * too), and no file outside src/engine imports anything from the engine but its index.
 */
const root = join(__dirname, "..", "..");
/** ESLint run as the CLI would (its flat config loads through a dynamic import that Jest's VM does not allow). */
function errorsOf(code: string, file: string): Promise<{ ruleId: string }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(join(root, "node_modules", ".bin", "eslint"), ["--stdin", "--stdin-filename", file, "--format", "json"], { cwd: root }, (err, stdout) => {
      try {
        const out = JSON.parse(stdout) as { messages: { ruleId: string }[] }[];
        resolve(out[0]!.messages.filter((m) => m.ruleId === "no-restricted-imports"));
      } catch {
        reject(err ?? new Error(stdout));
      }
    });
    child.stdin!.end(code);
  });
}

jest.setTimeout(60_000);

describe("lint fails on a probe that breaks a boundary", () => {
  test.each([
    ["a nested engine file importing the Office.js layer", "src/engine/measure/probe.ts", 'import { readRegion } from "../../excel/gateway";\nexport const x = readRegion;\n'],
    ["a nested engine file importing the task pane", "src/engine/ruleText/probe.ts", 'import { useSession } from "../../taskpane/useSession";\nexport const x = useSession;\n'],
    ["an engine file importing ExcelJS", "src/engine/layout/probe.ts", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n'],
    // (the paths are built in pieces so that no tool mistakes these probes for imports of this file)
    ["a face importing a module behind the engine's index", "src/cli/probe.ts", `import { parseMeasure } from "../engine${"/measure/parse"}";\nexport const x = parseMeasure;\n`],
    ["a nested face importing a module behind the index", "src/taskpane/steps/probe.ts", `import { detectTables } from "../../engine${"/layout/detect"}";\nexport const x = detectTables;\n`],
    ["a test importing a module behind the index", "test/engine/probe.test.ts", `import { round } from "../../src/engine${"/measure/format"}";\nexport const x = round;\n`],
  ])("%s", async (_name, file, code) => {
    expect((await errorsOf(code, file)).length).toBeGreaterThan(0);
  });
  test("the index itself passes", async () => {
    expect(await errorsOf('import { runPipeline } from "../engine";\nexport const x = runPipeline;\n', "src/cli/probe.ts")).toEqual([]);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

test("no file outside src/engine imports an engine module other than its index", () => {
  const offenders = [...files(join(root, "src")), ...files(join(root, "test"))]
    .filter((f) => !relative(root, f).startsWith(join("src", "engine")))
    .filter((f) => /from "(?:\.\.\/)+(?:src\/)?engine\/[^"]+"/.test(readFileSync(f, "utf8")))
    .map((f) => relative(root, f));
  expect(offenders).toEqual([]);
});
