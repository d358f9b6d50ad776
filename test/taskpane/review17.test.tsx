/**
 * @jest-environment jsdom
 */
/**
 * 复核 in the pane: the 复核口径 rulebook edited in 设置 (a rule switched off, a threshold changed, findings follow),
 * the side-by-side written beside the table, and the 问题清单 sheet, through the fake gateway.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { zh } from "../../src/taskpane/strings";
import { FakeGateway } from "./fakeGateway";

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

async function ready() {
  const gw = new FakeGateway();
  render(<FluentProvider theme={webLightTheme}><Pane S={zh} gateway={gw} /></FluentProvider>);
  fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
  await screen.findByText("长期护理保险鉴定执行率");
  return gw;
}
const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));
const findingsText = () => screen.getByTestId("findings").textContent ?? "";

test("a rule switched off in 设置 leaves the findings; switched on again it is back", async () => {
  await ready();
  tab("复核");
  expect(findingsText()).toContain("满意度缺少调查依据");
  tab("设置");
  fireEvent.click(screen.getByText(/^复核口径/));
  fireEvent.click(within(screen.getByTestId("rulebook")).getByRole("checkbox", { name: "R07 满意度缺少调查依据" }));
  tab("复核");
  expect(findingsText()).not.toContain("满意度缺少调查依据");
  tab("设置");
  fireEvent.click(within(screen.getByTestId("rulebook")).getByRole("checkbox", { name: "R07 满意度缺少调查依据" }));
  tab("复核");
  expect(findingsText()).toContain("满意度缺少调查依据");
});

test("a threshold changed in 设置 changes the finding (R09: 294 人 against ≥180 人 is 1.63×)", async () => {
  await ready();
  tab("复核");
  expect(findingsText()).not.toContain("目标设定过低");
  tab("设置");
  fireEvent.click(screen.getByText(/^复核口径/));
  fireEvent.change(screen.getByRole("spinbutton", { name: "R09 超过目标倍数" }), { target: { value: "1.5" } });
  tab("复核");
  expect(findingsText()).toContain("目标设定过低");
  expect(findingsText()).toContain("1.63 倍");
});

test("写入复核对照 writes the four 复核 columns beside the table; 生成问题清单 adds the sheet, most severe first", async () => {
  const gw = await ready();
  tab("复核");
  fireEvent.click(screen.getByRole("button", { name: "写入复核对照" }));
  await screen.findByText(/已写入复核对照/);
  const plan = gw.applied.at(-1)![0]!;
  expect(plan.writes.filter((w) => ["复核完成值", "复核得分", "偏离度", "复核说明"].includes(String(w.value))).map((w) => w.value)).toEqual(["复核完成值", "复核得分", "偏离度", "复核说明"]);
  expect(plan.writes.some((w) => w.value === 18.95)).toBe(true);
  expect(plan.writes.every((w) => w.formula === undefined)).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "生成问题清单" }));
  await screen.findByText(/已生成“问题清单”/);
  const sheet = gw.summaries.at(-1)!;
  expect(sheet.name).toBe("问题清单");
  expect(sheet.rows[0]).toEqual(["序号", "严重程度", "规则", "工作表", "单元格", "说明", "建议"]);
  expect(sheet.rows[1]![1]).toBe("重大");
  expect(sheet.rows.slice(1).map((r) => r[1])).toContain("提示");
});
