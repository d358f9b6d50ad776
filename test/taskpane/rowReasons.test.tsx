/**
 * @jest-environment jsdom
 */
/** 识别 shows the rows not read as indicators, each with its Excel row and the classifier's reason. */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { zh } from "../../src/taskpane/strings";
import { FakeGateway } from "./fakeGateway";
import type { Grid } from "../../src/engine";

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const grid: Grid = {
  sheet: "自评表",
  origin: { row: 0, col: 0 },
  merges: [],
  cells: [
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
    ["产出指标", "数量指标", "参保人数", 50, "≥100人", "100人", 50],
    ["产出指标", "数量指标", "指标2", null, null, null, null],
    ["效益指标", "社会效益指标", "群众满意度", 50, "≥90%", "95%", 50],
    ["总分", null, null, 100, null, null, 100],
    ["填表人：张三", null, null, null, "联系电话：123", null, null],
  ].map((r) => r.map((v) => (v === null ? null : { v }))),
};

test("placeholder and total rows are listed with their reasons; the indicators are not", async () => {
  render(<FluentProvider theme={webLightTheme}><Pane S={zh} gateway={new FakeGateway([grid])} /></FluentProvider>);
  fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
  await screen.findByText("群众满意度");
  const box = screen.getByTestId("row-reasons");
  const items = within(box).getAllByRole("listitem").map((li) => li.textContent ?? "");
  expect(items.some((t) => t.startsWith("第 3 行") && /占位/.test(t))).toBe(true);
  expect(items.some((t) => t.startsWith("第 5 行") && /合计|总分/.test(t))).toBe(true);
  expect(items.some((t) => /参保人数|群众满意度/.test(t))).toBe(false);
});
