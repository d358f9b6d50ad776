import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { parseMeasureFull, plainQuantity } from "../../src/engine";

/** The one-pass reader of common shapes must read exactly as the full reader does, or step aside. */
const texts = new Set<string>();
for (const dir of ["seeds", "real"]) {
  const d = join(__dirname, "..", "fixtures", dir);
  for (const f of readdirSync(d).filter((n) => n.endsWith(".json"))) {
    const walk = (x: unknown): void => {
      if (typeof x === "string") texts.add(x);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") Object.values(x).forEach(walk);
    };
    walk(JSON.parse(readFileSync(join(d, f), "utf8")));
  }
}

test(`every string of the seed and corpus fixtures (${texts.size}) reads the same through the shortcut`, () => {
  let taken = 0;
  for (const t of texts) {
    const fast = plainQuantity(t);
    if (fast === null) continue;
    taken++;
    expect([t, fast]).toEqual([t, parseMeasureFull(t)]);
  }
  expect(taken).toBeGreaterThan(50);
});

test("random operator/number/unit texts read the same through the shortcut", () => {
  const arb = fc.tuple(
    fc.constantFrom("", "≥", "≤", ">", "<", "=", ">=", "<=", "=>", "==", "≥=", "＞", "不低于"),
    fc.oneof(fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((v) => String(Math.round(v * 1000) / 1000)), fc.constantFrom("0", "00", "012", "1.", ".5", "1,000", "1e5", "0.50")),
    fc.constantFrom("", "%", "‰", "人", "万人", "万元", "元/人", "人次", "年", "年底", "以上", "个以上", "月", "亩", "座", "km", "天内", "%以上", "个;", " 人"),
  ).map(([o, n, u]) => `${o}${n}${u}`);
  fc.assert(
    fc.property(arb, (t) => {
      const fast = plainQuantity(t);
      if (fast !== null) expect(fast).toEqual(parseMeasureFull(t));
    }),
    { numRuns: 5000 },
  );
});
