import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { issueList, runPipeline, sideBySidePlan, type Grid } from "../../src/engine";
import { addSummarySheet, applyPlans, readRegions, undoWrites } from "../../src/excel/gateway";
import { FileGateway } from "../../src/workbook/fileGateway";
import { readAnyWorkbook } from "../../src/workbook/read";
import { ExcelSimulator, loadGrid, PROFILES } from "./simulator";

/**
 * The reviewer's side-by-side and the 问题清单 sheet through both gateways: Excel (the strict simulator, both
 * profiles) and the file gateway; written as values, recorded, and removed again by 撤销.
 */
async function seedGrid(): Promise<Grid> {
  const r = await readAnyWorkbook(readFileSync(join(__dirname, "..", "..", "assets", "samples", "xinjiang-003-self-eval.xlsx")), "x.xlsx");
  if (!r.ok) throw new Error(r.message);
  return r.grids.find((g) => g.sheet === "s003-p10")!;
}
const issueRows = (t: ReturnType<typeof runPipeline>) => [["序号", "严重程度", "规则", "工作表", "单元格", "说明", "建议"], ...issueList(t.map((x) => ({ grid: x.grid, detected: x.detected, result: x.result }))).map((r, i) => [i + 1, r.severity, r.rule, r.sheet, r.cell, r.text, r.fix])];

describe.each(PROFILES)("Excel, %s", (profile) => {
  test("the side-by-side lands beside the table, the 问题清单 on its own sheet; 撤销 removes both", async () => {
    const sim = new ExcelSimulator({ profile });
    const uninstall = sim.install();
    try {
      loadGrid(sim, await seedGrid());
      const [grid] = await readRegions("sheet");
      const t = runPipeline(grid!, { preset: "xinjiang" });
      const plan = sideBySidePlan(grid!, t[0]!.detected, t[0]!.result);
      const report = await applyPlans([plan]);
      expect(report.held).toEqual([]);
      const header = plan.writes.find((w) => w.value === "复核得分")!;
      expect(sim.sheet("s003-p10").at(header.row, header.col).v).toBe("复核得分");
      const score = plan.writes.find((w) => w.value === 18.95)!;
      expect(sim.sheet("s003-p10").at(score.row, score.col).v).toBe(18.95);
      const name = await addSummarySheet("问题清单", issueRows(t), 0);
      expect(name).toBe("问题清单");
      const list = sim.sheet("问题清单");
      expect(list.at(0, 1).v).toBe("严重程度");
      expect(list.at(1, 1).v).toBe("重大");
      const undone = await undoWrites();
      expect(undone.sheetsRemoved).toEqual(["问题清单"]);
      expect(sim.sheets.has("问题清单")).toBe(false);
      expect(sim.sheet("s003-p10").at(score.row, score.col).v ?? "").toBe("");
    } finally {
      uninstall();
    }
  });
});

test("file mode: the same, in the downloaded workbook", async () => {
  const data = readFileSync(join(__dirname, "..", "..", "assets", "samples", "xinjiang-003-self-eval.xlsx"));
  const gw = await FileGateway.open(data, "x.xlsx");
  const grids = await gw.read();
  const t = runPipeline(grids, { preset: "xinjiang" }).filter((x) => x.grid.sheet === grids[0]!.sheet);
  await gw.apply([sideBySidePlan(t[0]!.grid, t[0]!.detected, t[0]!.result)]);
  await gw.addSummary("问题清单", issueRows(t), 0);
  const out = await gw.download!();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.data as unknown as ArrayBuffer);
  expect(wb.getWorksheet("问题清单")!.getRow(1).getCell(2).value).toBe("严重程度");
  const sheet = wb.getWorksheet(t[0]!.grid.sheet)!;
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toEqual(expect.arrayContaining(["复核完成值", "复核得分", "偏离度", "复核说明"]));
});
