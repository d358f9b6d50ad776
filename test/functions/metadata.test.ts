import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync } from "fs";
import { join } from "path";
import { translate } from "../../scripts/english-metadata-plugin";

const HAN = /[\u4e00-\u9fa5]/;

describe("custom-function metadata generated from the JSDoc", () => {
  let meta: { functions: { id: string; name: string; description: string; parameters: { name: string; type: string; dimensionality?: string; optional?: boolean; description: string }[] }[] };
  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
    expect(r.errors).toEqual([]);
    meta = JSON.parse(r.metadataJson);
  }, 60000);

  test("IDs never change (a workbook depends on them)", () => {
    expect(meta.functions.map((f) => f.id)).toMatchSnapshot();
  });
  test("IDs are ASCII and names are the IDs", () => {
    for (const f of meta.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(f.name).toBe(f.id);
    }
  });
  test("every function and parameter has a Chinese description", () => {
    for (const f of meta.functions) {
      expect(f.description).toMatch(HAN);
      for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.description}`).toMatch(HAN);
    }
  });
  test("parameter names and types", () => {
    const sig = Object.fromEntries(meta.functions.map((f) => [f.id, f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}:${p.type}${p.dimensionality === "matrix" ? "[][]" : ""}`).join(", ")]));
    expect(sig.SCORE).toBe("target:any, actual:any, weight:any, rule?:any, preset?:any, cellInfo?:any");
    expect(sig.COMPLETION).toBe("target:any, actual:any, cellInfo?:any");
    // A range of option names is a range: Excel passes a matrix (a literal text arrives as [["…"]]).
    expect(sig.SURVEYRATE).toBe("counts:any[][], positive?:any[][], valid?:any");
    expect(sig.TOTAL).toBe("scores:any[][], weights?:any[][]");
    expect(sig.RATING).toBe("total:any, scheme?:any");
  });
  test("the English metadata covers every function and parameter, in English", () => {
    const en = translate(meta, JSON.parse(readFileSync(join(__dirname, "../../src/functions/en-US.json"), "utf8")));
    expect(en.functions.map((f: { id: string }) => f.id)).toEqual(meta.functions.map((f) => f.id));
    for (const f of en.functions as typeof meta.functions) {
      expect(f.description).toMatch(/[A-Za-z]{3}/);
      for (const p of f.parameters) expect(p.description).toMatch(/[A-Za-z]{3}/);
    }
  });
});
