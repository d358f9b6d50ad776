/** Addresses as Excel reports them, UTF-8 sizes, and the write plan's chunking by UTF-8 bytes. */
import { parseAreas, parseArea, utf8Length, jsonBytes, MAX_ROWS, MAX_COLS } from "../../src/excel/address";
import { chunkOps, planToOps, textForExcel } from "../../src/excel/ops";
import { mergeTiles, MERGED_AREAS_LIMIT } from "../../src/excel/gateway";
import type { WritePlan } from "../../src/engine";

test("addresses: quoted sheet names with commas, $ signs, whole columns and rows, RangeAreas with or without spaces", () => {
  expect(parseAreas("'预算, 2024'!$A$1:B2,'预算, 2024'!C:C")).toEqual([
    { r1: 0, c1: 0, r2: 1, c2: 1 },
    { r1: 0, c1: 2, r2: MAX_ROWS - 1, c2: 2 },
  ]);
  expect(parseAreas("Sheet1!F3:F5, Sheet1!2:4")).toEqual([
    { r1: 2, c1: 5, r2: 4, c2: 5 },
    { r1: 1, c1: 0, r2: 3, c2: MAX_COLS - 1 },
  ]);
  expect(parseArea("XFD1048576")).toEqual({ r1: MAX_ROWS - 1, c1: MAX_COLS - 1, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 });
});

test("UTF-8 sizes: a Chinese character is 3 bytes, an emoji 4, JSON escapes count", () => {
  expect(utf8Length("评分")).toBe(6);
  expect(utf8Length("😀")).toBe(4);
  expect(jsonBytes([["a\"b", 1.5, null]])).toBe(Buffer.byteLength(JSON.stringify([["a\"b", 1.5, null]])));
  expect(jsonBytes([["评分", "x"]])).toBe(Buffer.byteLength(JSON.stringify([["评分", "x"]])));
});

test("write chunks are sized in UTF-8 bytes with per-command overhead, and a long column is split into runs", () => {
  const text = "未完成：实际值低于目标值".repeat(20); // 240 characters, 720 bytes
  const plan: WritePlan = { sheet: "表", writes: Array.from({ length: 20000 }, (_, i) => ({ row: i, col: 8, address: `I${i + 1}`, value: text, before: { v: null } })) };
  const ops = planToOps(plan);
  expect(ops.length).toBeGreaterThan(10); // one run would be 14 MB: split at ~1 MB
  const total = ops.reduce((n, o) => n + o.bytes, 0);
  expect(total).toBeGreaterThan(20000 * 720);
  for (const chunk of chunkOps(ops, 4_000_000)) expect(chunk.reduce((n, o) => n + o.bytes, 0)).toBeLessThanOrEqual(4_000_000);
});

test("text Excel would convert gets an apostrophe; plain Chinese text does not", () => {
  expect(["92.35%", "-1", "=x", "2024-01-05", "TRUE", "2024年", "未完成", "优"].map(textForExcel)).toEqual(["'92.35%", "'-1", "'=x", "'2024-01-05", "'TRUE", "'2024年", "未完成", "优"]);
});

test("merged-area tiles can never hold more than 512 merges", () => {
  for (const width of [1, 8, 63, 64, 300]) {
    for (const t of mergeTiles({ r1: 0, c1: 0, r2: 9999, c2: width - 1 })) {
      expect(((t.r2 - t.r1 + 2) * (t.c2 - t.c1 + 2)) / 2).toBeLessThanOrEqual(MERGED_AREAS_LIMIT);
    }
  }
});
