import ExcelJS from "exceljs";
import JSZip from "jszip";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { cellLink, summaryWorkbook } from "../../src/workbook/summaryBook";
import type { ContractTable } from "../../src/engine";

const samples = join(__dirname, "../../assets/samples");

describe("汇总.xlsx beside summary.csv", () => {
  test("four sheets: every table, every finding linked to its cell in the scored copy, a roll-up per unit, the files not read", async () => {
    const d = mkdtempSync(join(tmpdir(), "eval-sum-"));
    copyFileSync(join(samples, "xinjiang-003-self-eval.xlsx"), join(d, "xj.xlsx"));
    copyFileSync(join(samples, "county-002-self-eval.xlsx"), join(d, "county.xlsx"));
    writeFileSync(join(d, "坏.xlsx"), "not a workbook");
    let json = "";
    const code = await main(["--json", "--out", join(d, "out"), d], { out: (s) => (json += s), err: () => undefined });
    expect(code).toBe(2);
    const result = JSON.parse(json) as { tables: ContractTable[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(d, "out", "汇总.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["各表汇总", "问题清单", "按单位", "未能读取"]);
    const [tables, findings, units, failed] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(tables.rowCount - 1).toBe(result.tables.length);
    const head = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
    expect(head(tables)).toEqual(expect.arrayContaining(["文件", "工作表", "项目", "单位", "全年预算数", "执行率", "复核总分", "报告总分", "复核等级", "报告等级", "错误", "警告", "提示"]));
    const row2 = tables.getRow(2);
    const col = (ws: ExcelJS.Worksheet, name: string) => head(ws).indexOf(name) + 1;
    expect(row2.getCell(col(tables, "复核总分")).value).toBe(result.tables[0]!.total);
    expect(row2.getCell(col(tables, "项目")).value).toBeTruthy();
    // Every finding, with its Chinese label and a link into the scored copy.
    expect(findings.rowCount - 1).toBe(result.tables.reduce((s, t) => s + t.findings.length, 0));
    const links: string[] = [];
    findings.eachRow((r, n) => {
      if (n === 1) return;
      const v = r.getCell(col(findings, "单元格")).value as { hyperlink?: string } | null;
      if (v && typeof v === "object" && v.hyperlink) links.push(v.hyperlink);
    });
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toMatch(/^(county|xj)\.scored\.xlsx#'[^']+'!\$[A-Z]+\$\d+$/);
    expect(findings.getColumn(col(findings, "类别")).values.slice(2)).toContain("得分与规则不符");
    // The link is an external relationship to the copy, with the cell after '#'.
    const zip = await JSZip.loadAsync(readFileSync(join(d, "out", "汇总.xlsx")));
    const rels = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    expect(rels).toMatch(/Target="(county|xj)\.scored\.xlsx#(?:'|&apos;)[^"]+!\$[A-Z]+\$\d+" TargetMode="External"/);
    expect(units.rowCount).toBeGreaterThan(1);
    expect(head(units)).toEqual(expect.arrayContaining(["单位", "资金加权平均分", "复核总分合计", "报告总分合计", "优（张）", "良（张）", "中（张）", "差（张）"]));
    expect(failed.getRow(2).getCell(1).value).toContain("坏.xlsx");
    expect(String(failed.getRow(2).getCell(3).value)).toContain("无法读取");
  });

  test("text from cells is written as a value, never a formula; the weighted average uses the budgets", async () => {
    const t = (title: string, total: number): ContractTable => ({ id: title, title, file: `${title}.xlsx`, sheet: "S'1", preset: "national", budget: { rate: 0.9, score: 9, reported_score: 9 }, indicators: [], total, partial_total: total, reported_total: total, rating: total >= 90 ? "优" : "良", reported_rating: null, findings: [{ code: "total-mismatch", severity: "error", indicator: null, message: "=HYPERLINK(\"http://x\",\"y\")" }] });
    const detail = (unit: string, budget: number) => ({ project: "=1+1", unit, budget: { initial: budget, full_year: budget, executed: budget * 0.9 }, findingCells: ["G9"] });
    const bytes = await summaryWorkbook({
      tables: [t("a", 95), t("b", 85)],
      details: [detail("=cmd|' /C calc'!A0", 100), detail("=cmd|' /C calc'!A0", 300)],
      copies: new Map([["a.xlsx", "a.scored.xlsx"]]),
      errors: [{ input: "@x.xlsx", message: "+bad" }],
      skipped: [],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toContain("<f>");
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));
    const units = wb.getWorksheet("按单位")!;
    const h = (units.getRow(1).values as unknown[]).slice(1);
    const row = units.getRow(2);
    expect(row.getCell(h.indexOf("单位") + 1).value).toBe("=cmd|' /C calc'!A0");
    expect(row.getCell(h.indexOf("资金加权平均分") + 1).value).toBe(87.5);
    expect(row.getCell(h.indexOf("优（张）") + 1).value).toBe(1);
    expect(cellLink("a b#.scored.xlsx", "S'1", "G9")).toBe("a%20b%23.scored.xlsx#'S''1'!$G$9");
    const f = wb.getWorksheet("问题清单")!;
    expect((f.getRow(2).getCell(3).value as { hyperlink: string }).hyperlink).toBe("a.scored.xlsx#'S''1'!$G$9");
    expect(f.getRow(3).getCell(3).value).toBe("S'1!G9");
  });
});
