/**
 * @jest-environment jsdom
 */
/**
 * "Why this score" inside Excel: the pane over the real Office.js gateway (src/excel) running on the strict
 * simulator, both profiles. The user selects a cell of a scored row; Workbook.onSelectionChanged (ExcelApi 1.2)
 * fires; the gateway reads the selection in one Excel.run; the pane explains the row. Nothing is written.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { zh } from "../../src/taskpane/strings";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { sheetOfAddress } from "../../src/excel/selection";
import { ExcelSimulator, loadGrid, PROFILES } from "../excel/simulator";
import type { Grid } from "../../src/engine";
import xinjiang from "../fixtures/grids/xinjiang-003-p10.json";

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
});

test("sheet names from addresses as Excel writes them", () => {
  expect(sheetOfAddress("Sheet1!B3")).toBe("Sheet1");
  expect(sheetOfAddress("'自评 表'!B3:C4")).toBe("自评 表");
  expect(sheetOfAddress("'O''Brien'!A1")).toBe("O'Brien");
});

describe.each(PROFILES)("%s", (profile) => {
  let sim: ExcelSimulator;
  let uninstall: () => void;
  beforeEach(() => {
    sim = new ExcelSimulator({ profile });
    uninstall = sim.install();
    loadGrid(sim, xinjiang as unknown as Grid);
  });
  afterEach(() => uninstall());

  test("selecting a cell of a scored row explains it; another sheet clears it; unmounting stops listening", async () => {
    const view = render(<FluentProvider theme={webLightTheme}><Pane S={zh} gateway={excelGateway} /></FluentProvider>);
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findByText("长期护理保险鉴定执行率", {}, { timeout: 3000 });
    await settle();
    expect(sim.selectionHandlers).toHaveLength(1);
    const writesBefore = sim.stats.requestBytes.length;
    await act(() => sim.userSelects("s003-p10", "C15"));
    await settle();
    const why = screen.getByRole("region", { name: "为什么是这个分数" });
    expect(why.textContent).toContain("第 15 行");
    expect(why.textContent).toContain("长期护理保险鉴定执行率");
    expect(why.textContent).toContain("得分 18.95 / 20（报告 18.98）");
    // A multi-area selection has no single cell: what is shown stays.
    await act(() => sim.userSelects("s003-p10", "C15", "E20"));
    await settle();
    expect(screen.getByRole("region", { name: "为什么是这个分数" }).textContent).toContain("第 15 行");
    await act(() => sim.userSelects("其他", "A1"));
    await settle();
    expect(screen.queryByRole("region", { name: "为什么是这个分数" })).toBeNull();
    // Each selection was one Excel.run that read and wrote nothing in the sheet's cells.
    expect(sim.sheet("s003-p10").cells.size).toBeGreaterThan(0);
    expect(sim.stats.requestBytes.length).toBeGreaterThan(writesBefore);
    view.unmount();
    await settle();
    expect(sim.selectionHandlers).toHaveLength(0);
  });

  test("on a host without ExcelApi 1.2 nothing is registered and nothing breaks", async () => {
    uninstall();
    sim = new ExcelSimulator({ profile, excelApi: "1.1" });
    uninstall = sim.install();
    const stop = excelGateway.onSelectionChanged!(() => {
      throw new Error("never called");
    });
    await settle();
    expect(sim.selectionHandlers).toHaveLength(0);
    stop();
  });
});
