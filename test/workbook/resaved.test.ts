import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { INVARIANT, loadFixtures, measureFixture } from "../../src/bench/corpus";

/**
 * Real tables of the corpus as another office suite saves them: test/fixtures/resaved holds 12 of them opened and saved
 * by LibreOffice Calc 7.4 (soffice --headless --convert-to ods / xls / xlsx, from the workbooks `npm run corpus --
 * --export DIR` writes), chosen for their shapes (funds blocks cut short, a headerless page, merged headers over two
 * columns, the 资金管理情况 block, pinyin glosses, lists of amounts, a header over two rows). Each is read as the original
 * is: same tables, rows, names, pairs, scores, slips and alarms. (All 109 × 3 read the same when measured this round:
 * README.)
 */
const dir = join(__dirname, "..", "fixtures", "resaved");
const fixtures = new Map(loadFixtures(join(__dirname, "..", "fixtures", "real")).map((f) => [f.id, f]));
const files = readdirSync(dir).filter((f) => /\.(?:ods|xls|xlsx)$/.test(f));

test("the sample holds each of the three formats for each table", () => {
  expect(files.length).toBe(36);
  for (const f of files) expect(fixtures.has(f.replace(/\.(?:ods|xls|xlsx)$/, ""))).toBe(true);
});

test.each(files)("%s reads as the original, and says nothing to the console", async (name) => {
  const fx = fixtures.get(name.replace(/\.(?:ods|xls|xlsx)$/, ""))!;
  const base = await measureFixture(fx);
  const error = jest.spyOn(console, "error");
  try {
    const m = await measureFixture(fx, { bytes: new Uint8Array(readFileSync(join(dir, name))), name });
    for (const k of INVARIANT) expect([k, m[k]]).toEqual([k, base[k]]);
    expect(error).not.toHaveBeenCalled();
  } finally {
    error.mockRestore();
  }
}, 30_000);
