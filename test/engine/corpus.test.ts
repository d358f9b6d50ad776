import { join } from "path";
import { loadFixtures, measureFixture, type CorpusFigures } from "../../src/bench/corpus";

/**
 * The corpus of real tables (test/fixtures/real/, each with its source address and a manifest of hand figures).
 * Each manifest must be consistent with its own rows; `npm run corpus` prints the figures. The floors below are
 * the figures measured when the corpus was first run: a change that reads the real tables worse fails here.
 */
const fixtures = loadFixtures(join(__dirname, "..", "fixtures", "real"));

describe.each(fixtures.map((f) => [f.id, f] as const))("%s", (_id, fx) => {
  test("the manifest matches its rows: same width, every indicator row holds its name, a source or a reason", () => {
    const width = fx.rows[0]!.length;
    expect(fx.rows.every((r) => r.length === width)).toBe(true);
    for (const e of fx.expected.indicators) {
      const row = fx.rows[e.row - 1]!.map((c) => String(c ?? "").replace(/\s+/g, ""));
      expect(row.some((c) => c.includes(e.name.replace(/\s+/g, "").slice(0, 4)))).toBe(true);
    }
    expect(typeof fx.province).toBe("string");
  });
});

test("the corpus is read at least as well as when it was first measured", async () => {
  const all: CorpusFigures[] = [];
  for (const fx of fixtures) all.push(await measureFixture(fx));
  const sum = (k: keyof CorpusFigures) => all.reduce((s, f) => s + (f[k] as number), 0);
  expect(fixtures.length).toBeGreaterThanOrEqual(17);
  expect(all.filter((f) => f.tables > 0).length).toBeGreaterThanOrEqual(14);
  expect(sum("found")).toBeGreaterThanOrEqual(132);
  expect(sum("names")).toBeGreaterThanOrEqual(74);
  expect(sum("pairsReadable")).toBeGreaterThanOrEqual(76);
  expect(sum("handReproduced")).toBeGreaterThanOrEqual(49);
  expect(sum("slipsFlagged")).toBeGreaterThanOrEqual(26);
  expect(sum("falseAlarms")).toBeLessThanOrEqual(89);
}, 60_000);
