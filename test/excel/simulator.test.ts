/**
 * The simulator itself: each documented behaviour it enforces (sources in simulator/host.ts), under both
 * profiles where they differ, and the custom-function argument marshaller.
 */
import { ExcelSimulator, PROFILES, WEB_PAYLOAD_LIMIT, dateSerial, marshalArgument, isNotCalled, type Profile } from "./simulator";
import { parseAreas, textForExcelForTest, utf8Length } from "./helpers";

type Ctx = Excel.RequestContext;
let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function host(profile: Profile, options: Record<string, unknown> = {}): ExcelSimulator {
  const sim = new ExcelSimulator({ profile, ...options });
  uninstall = sim.install();
  return sim;
}
const run = <T,>(f: (c: Ctx) => Promise<T>): Promise<T> => Excel.run(f);
const codeOf = async (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);

describe.each(PROFILES)("%s profile", (profile) => {
  test("a property read before load + sync throws PropertyNotLoaded; isNullObject needs a sync too", async () => {
    const sim = host(profile);
    sim.type("Sheet1", "A1", 1);
    await run(async (c) => {
      const r = c.workbook.worksheets.getActiveWorksheet().getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const missing = c.workbook.worksheets.getItemOrNullObject("没有");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await c.sync();
      expect(r.values).toEqual([[1]]);
      expect(missing.isNullObject).toBe(true);
      const p = r.getCellProperties({ format: { fill: { color: true } } });
      expect(() => p.value).toThrow();
    });
  });

  test("blank cells read as \"\"; a percent cell holds its fraction with a % format; a date holds its serial", async () => {
    const sim = host(profile);
    sim.type("Sheet1", "A1", "96%");
    sim.type("Sheet1", "B1", "2024-11-20");
    sim.type("Sheet1", "D1", "92.35%");
    const got = await run(async (c) => {
      const r = c.workbook.worksheets.getActiveWorksheet().getRange("A1:D1").load(["values", "numberFormat", "formulas"]);
      await c.sync();
      return r;
    });
    expect(got.values).toEqual([[0.96, 45616, "", 0.9235]]);
    expect(got.numberFormat).toEqual([["0%", "yyyy-mm-dd", "General", "0.00%"]]);
    expect(got.formulas[0]![2]).toBe("");
    expect(dateSerial(2024, 11, 20)).toBe(45616);
  });

  test("an unbounded range (C:H, 2:4) returns null for values, formulas and numberFormat; address stays valid; writing fails", async () => {
    const sim = host(profile);
    sim.type("Sheet1", "C2", 5);
    await run(async (c) => {
      const sheet = c.workbook.worksheets.getActiveWorksheet();
      const cols = sheet.getRange("C:H").load(["values", "formulas", "numberFormat", "address"]);
      const rowsR = sheet.getRange("2:4").load(["values", "address"]);
      await c.sync();
      expect([cols.values, cols.formulas, cols.numberFormat, rowsR.values]).toEqual([null, null, null, null]);
      expect([cols.address, rowsR.address]).toEqual(["Sheet1!C:H", "Sheet1!2:4"]);
      sheet.getRange("A:B").values = [["x"]];
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("getSelectedRange throws InvalidSelection on a multi-area selection; getSelectedRanges returns every area", async () => {
    const sim = host(profile);
    sim.select("A1:B2", "D4");
    expect(await codeOf(run(async (c) => {
      c.workbook.getSelectedRange().load("address");
      await c.sync();
    }))).toBe("InvalidSelection");
    const address = await run(async (c) => {
      const a = c.workbook.getSelectedRanges().load("address");
      await c.sync();
      return a.address;
    });
    expect(address).toBe("Sheet1!A1:B2, Sheet1!D4");
    expect(parseAreas(address)).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 1 }, { r1: 3, c1: 3, r2: 3, c2: 3 }]);
  });

  test("getMergedAreasOrNullObject: only merges whose top-left is inside; a null object when none; fails past 512", async () => {
    const sim = host(profile);
    sim.merge("Sheet1", "B2:C5");
    sim.merge("Sheet1", "E1:E2");
    const [inside, outside] = await run(async (c) => {
      const s = c.workbook.worksheets.getActiveWorksheet();
      const a = s.getRange("A1:F3").getMergedAreasOrNullObject().load("address");
      const b = s.getRange("C3:F6").getMergedAreasOrNullObject().load("address");
      await c.sync();
      return [a.address, b.isNullObject] as const;
    });
    expect(inside).toBe("Sheet1!B2:C5, Sheet1!E1:E2");
    expect(outside).toBe(true);
    for (let i = 0; i < 513; i++) sim.merge("Sheet1", `H${2 * i + 1}:I${2 * i + 1}`);
    expect(await codeOf(run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().getRange("H1:I1026").getMergedAreasOrNullObject().load("address");
      await c.sync();
    }))).toBe("GeneralException");
  });

  test("notes exist only with ExcelApi 1.18, and only in a script that has NoteCollection", async () => {
    for (const [options, supported, present] of [
      [{ excelApi: "1.17" }, false, true],
      [{ excelApi: "1.18" }, true, true],
      [{ excelApi: "1.18", scriptHasNotes: false }, true, false],
    ] as const) {
      const sim = host(profile, options);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(supported);
      const code = await codeOf(run(async (c) => {
        const notes = (c.workbook.worksheets.getActiveWorksheet() as unknown as { notes?: Excel.NoteCollection }).notes;
        expect(notes !== undefined).toBe(present);
        notes?.add("A1", "说明");
        await c.sync();
      }));
      expect(code).toBe(!present ? "ok" : supported ? "ok" : "ApiNotFound");
      expect(sim.sheet("Sheet1").cell("A1")?.note).toBe(present && supported ? "说明" : undefined);
      uninstall?.();
    }
  });

  test("NoteCollection.add on more than one cell is InvalidCellAddress", async () => {
    host(profile);
    expect(await codeOf(run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().notes.add("A1:B2", "x");
      await c.sync();
    }))).toBe("InvalidCellAddress");
  });

  test("the payload limit: 5 MB (UTF-8) per request and per response on the web, none on the desktop", async () => {
    const sim = host(profile);
    // 600,000 cells of a 3-byte Chinese character: 1.8 MB of text as UTF-16 code units would be 600,000 "characters".
    const text = "评".repeat(10);
    const data = Array.from({ length: 200_000 }, () => [text]);
    expect(utf8Length(text)).toBe(30);
    const write = codeOf(run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().getRange("A1:A200000").values = data;
      await c.sync();
    }));
    expect(await write).toBe(profile === "web" ? "RequestPayloadSizeLimitExceeded" : "ok");
    expect(sim.stats.requestBytes[0]).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    if (profile === "desktop") {
      const read = codeOf(run(async (c) => {
        c.workbook.worksheets.getActiveWorksheet().getRange("A1:A200000").load("values");
        await c.sync();
      }));
      expect(await read).toBe("ok");
    }
    const big = host(profile);
    for (let i = 0; i < 200_000; i++) big.sheet("Sheet1").at(i, 0).v = text;
    const read = codeOf(run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().getRange("A1:A200000").load(["values", "formulas"]);
      await c.sync();
    }));
    expect(await read).toBe(profile === "web" ? "ResponsePayloadSizeLimitExceeded" : "ok");
  });

  test("a read over five million cells fails (RangeExceedsLimit), on both profiles", async () => {
    host(profile);
    expect(await codeOf(run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 0, 1_000_000, 6).load("values");
      await c.sync();
    }))).toBe("RangeExceedsLimit");
  });

  test("APIs above the host's ExcelApi version fail with ApiNotFound", async () => {
    host(profile, { excelApi: "1.12" });
    expect(await codeOf(run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().getRange("A1").getMergedAreasOrNullObject().load("address");
      await c.sync();
    }))).toBe("ApiNotFound");
  });

  test("a call on a null object does nothing (getItemOrNullObject(...).delete())", async () => {
    const sim = host(profile);
    await run(async (c) => {
      c.workbook.worksheets.getItemOrNullObject("没有").delete();
      await c.sync();
    });
    expect([...sim.sheets.keys()]).toEqual(["Sheet1"]);
  });

  test("values written through the API are entered as typed: =, +, - start formulas; \"96%\" becomes 0.96; an apostrophe keeps text", async () => {
    const sim = host(profile);
    await run(async (c) => {
      c.workbook.worksheets.getActiveWorksheet().getRange("A1:E1").values = [["96%", "=SUM(1)", "'96%", "12", textForExcelForTest("-10.20%")]];
      await c.sync();
    });
    const s = sim.sheet("Sheet1");
    expect([s.cell("A1"), s.cell("B1")?.f, s.cell("C1"), s.cell("D1"), s.cell("E1")]).toEqual([{ v: 0.96, fmt: "0%" }, "=SUM(1)", { v: "96%" }, { v: 12 }, { v: "-10.20%" }]);
  });

  test("Office.context.platform tells the profiles apart", () => {
    host(profile);
    expect(Office.context.platform).toBe(profile === "web" ? "OfficeOnline" : "PC");
  });
});

describe("the custom-function argument marshaller", () => {
  const percent = { v: 0.96, fmt: "0%" };
  const date = { v: 45616, fmt: "yyyy-mm-dd" };
  const text = { v: "96" };
  test.each([
    ["desktop", null, 0],
    ["web", null, null],
    ["desktop", { v: "" }, 0],
    ["web", { v: "" }, null],
    ["desktop", percent, 0.96],
    ["web", percent, 0.96],
    ["web", date, 45616],
    ["desktop", text, "96"],
    ["web", { v: 0 }, 0],
  ] as const)("%s, scalar %j → %j", (profile, cell, expected) => {
    expect(marshalArgument(profile, cell, "scalar")).toBe(expected);
  });

  test.each(PROFILES)("%s: blanks in a range argument arrive as 0", (profile) => {
    expect(marshalArgument(profile, [[{ v: 19 }, null], [percent, { v: "" }]], "range")).toEqual([[19, 0], [0.96, 0]]);
    expect(marshalArgument(profile, null, "range")).toEqual([[0]]);
  });

  test("an error cell: the function is not called unless allowErrorForDataTypeAny", () => {
    const r = marshalArgument("web", { v: "#N/A" }, "scalar");
    expect(isNotCalled(r) && r.notCalled).toBe("#N/A");
    expect(marshalArgument("web", { v: "#N/A" }, "scalar", true)).toBe("#N/A");
  });
});
