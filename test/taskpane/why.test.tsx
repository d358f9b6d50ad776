/**
 * @jest-environment jsdom
 */
/**
 * "Why this score" on any cell: selecting a cell of a scored row in Excel (the gateway's selection-changed event,
 * here the fake gateway's) shows that row's explanation, rule and findings; a cell outside every table clears
 * it; a file (no selection) explains the row clicked in the list. No read and no write is made for it.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { en, zh } from "../../src/taskpane/strings";
import { FakeGateway } from "./fakeGateway";

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

function renderPane(gateway: FakeGateway, S = zh) {
  const view = render(<FluentProvider theme={webLightTheme}><Pane S={S} gateway={gateway} /></FluentProvider>);
  return { gateway, view };
}

async function detect(name = "识别指标表") {
  fireEvent.click(screen.getByRole("button", { name }));
  await screen.findByText("长期护理保险鉴定执行率");
}

describe("why this score", () => {
  test("selecting any cell of a scored row explains it: outcome, score, rule, explanation, findings with their cell", async () => {
    const { gateway: gw } = renderPane(new FakeGateway());
    await detect();
    expect(gw.selectionListeners).toBe(1);
    expect(screen.queryByTestId("why")).toBeNull();
    // Row 15 of the sheet (0-based 14), column C: the row of 长期护理保险鉴定执行率.
    act(() => gw.userSelects("s003-p10", 14, 2));
    const why = screen.getByRole("region", { name: "为什么是这个分数" });
    expect(why.textContent).toContain("第 15 行");
    expect(why.textContent).toContain("长期护理保险鉴定执行率");
    expect(within(why).getByTestId("outcome").textContent).toBe("未完成");
    expect(why.textContent).toContain("得分 18.95 / 20（报告 18.98）");
    expect(why.textContent).toContain("所用规则：按照完成比例赋分");
    // The rule's branch is named by what it measures: a ≤95% ceiling passed is not 超额完成.
    expect(why.textContent).toContain("计分说明：未完成。完成率 = 100% / 95% = 105.26%；完成率高于 100%：得分 = (1 − (105.26% − 100%)) × 20 = 18.95");
    expect(why.textContent).not.toContain("超额完成");
    expect(why.textContent).toContain("偏差分析：未完成：实际 100%，比目标 95% 多 5 个百分点（+5.26%）");
    // Findings: the Excel cell and row, the Chinese label; no code.
    expect(why.textContent).toContain("H15 · 第 15 行 · 得分与规则不符：");
    expect(why.textContent).not.toMatch(/score-mismatch|rate-mismatch/);
    fireEvent.click(within(why).getAllByRole("button", { name: "定位到 H15" })[0]!);
    await screen.findByRole("region", { name: "为什么是这个分数" });
    expect(gw.selected).toEqual(["s003-p10!H15"]);
    // Nothing was read again and nothing written for the explanation.
    expect(gw.calls).toEqual(["read", "select"]);
  });

  test("another row replaces it; a cell outside every table, or another sheet, clears it; closing clears it", async () => {
    const { gateway: gw } = renderPane(new FakeGateway());
    await detect();
    act(() => gw.userSelects("s003-p10", 15, 20));
    expect(screen.getByTestId("why").textContent).toContain("享受长期护理保险的参保人满意度");
    act(() => gw.userSelects("s003-p10", 0, 0));
    expect(screen.queryByTestId("why")).toBeNull();
    act(() => gw.userSelects("s003-p10", 14, 5));
    expect(screen.getByTestId("why")).toBeTruthy();
    act(() => gw.userSelects("其他表", 14, 5));
    expect(screen.queryByTestId("why")).toBeNull();
    act(() => gw.userSelects("s003-p10", 14, 5));
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByTestId("why")).toBeNull();
  });

  test("the selected row opens in the 识别 list too; English labels in English mode", async () => {
    const { gateway: gw } = renderPane(new FakeGateway(), en);
    await detect("Find indicator tables");
    act(() => gw.userSelects("s003-p10", 14, 0));
    const why = screen.getByRole("region", { name: "Why this score" });
    expect(why.textContent).toContain("row 15");
    expect(why.textContent).toContain("Score does not follow its rule");
    expect(within(why).getByTestId("outcome").textContent).toBe("Missed");
    const open = screen.getAllByTestId("indicator").filter((li) => li.querySelector("details")!.open);
    expect(open).toHaveLength(1);
    expect(open[0]!.textContent).toContain("长期护理保险鉴定执行率");
  });

  test("the subscription ends with the pane", async () => {
    const { gateway: gw, view } = renderPane(new FakeGateway());
    expect(gw.selectionListeners).toBe(1);
    view.unmount();
    expect(gw.selectionListeners).toBe(0);
  });

  test("a file has no selection: clicking a row in the list explains it", async () => {
    const gw = new FakeGateway();
    gw.mode = "file";
    (gw as unknown as { onSelectionChanged?: unknown }).onSelectionChanged = undefined;
    renderPane(gw);
    await detect();
    const row = screen.getAllByTestId("indicator").find((li) => li.textContent!.includes("长期护理保险鉴定执行率"))!;
    const summary = row.querySelector("summary")!;
    const details = row.querySelector("details")!;
    details.open = true;
    fireEvent(details, new Event("toggle"));
    expect(summary.getAttribute("aria-label")).toBe("长期护理保险鉴定执行率，第 15 行");
    const why = await screen.findByRole("region", { name: "为什么是这个分数" });
    expect(why.textContent).toContain("得分与规则不符");
    expect(within(row).getByText(/^计分说明/)).toBeTruthy();
  });
});
