/**
 * @jest-environment jsdom
 */
/**
 * The task pane's steps over a fake gateway (Testing Library, jsdom): 识别, 设置, 计算并写回, 复核, 汇总,
 * 撤销 / 固化, 模板, and errors in a MessageBar. The table is a copy of the Xinjiang sample (seed 003 p10).
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { App } from "../../src/taskpane/App";
import { en, stringsFor, zh } from "../../src/taskpane/strings";
import { FakeGateway, sampleGrid } from "./fakeGateway";
import { wjxGrid } from "../fixtures/surveys/wjxGrid";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size to lay out its actions.
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

function renderPane(gateway = new FakeGateway(), S = zh) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane S={S} gateway={gateway} />
    </FluentProvider>,
  );
  return gateway;
}

async function detect() {
  fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
  await screen.findByText("长期护理保险鉴定执行率");
}

/** Open an indicator's details (as a click on its summary does in a browser). */
function openRow(name: string) {
  const li = screen.getAllByTestId("indicator").find((x) => within(x).queryByText(name))!;
  const details = li.querySelector("details")!;
  details.open = true;
  fireEvent(details, new Event("toggle"));
}

function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

function errorBar(): HTMLElement {
  return screen.getByText("出错了").closest(".fui-MessageBar") as HTMLElement;
}

describe("识别", () => {
  test("finds the table and shows every row with its weight, target, actual, rule and status", async () => {
    const gw = renderPane();
    await detect();
    expect(gw.calls).toEqual(["read"]);
    const list = screen.getByRole("list", { name: "指标列表" });
    const rows = within(list).getAllByTestId("indicator");
    expect(rows).toHaveLength(8);
    const mismatch = rows.find((r) => within(r).queryByText("长期护理保险鉴定执行率"))!;
    expect(within(mismatch).getByText("不符")).toBeTruthy();
    // ≤95% with 100% is a missed target: the chip says what the note and the 偏差分析 say.
    expect(within(mismatch).getByTestId("outcome").textContent).toBe("未完成");
    expect(within(mismatch).getByText(/^目标 \S*95% → 实际 \S*100%$/)).toBeTruthy();
    expect(within(mismatch).getByText("得分 18.95 / 20（报告 18.98）")).toBeTruthy();
    expect(within(list).getAllByText("一致")).toHaveLength(7);
    expect(screen.getByRole("option", { name: /s003-p10：.*（8 行）/ })).toBeTruthy();
  });

  test("a row's rule can be corrected; the score follows and is what gets written", async () => {
    const gw = renderPane();
    await detect();
    openRow("长期护理保险鉴定执行率");
    const select = screen.getByRole("combobox", { name: "规则 长期护理保险鉴定执行率" }) as HTMLSelectElement;
    // One canonical name per rule family: the synonyms are read from tables but not offered.
    const offered = [...select.options].map((o) => o.value);
    expect(offered).toContain("按照完成比例赋分");
    expect(offered).not.toContain("按完成比例赋分");
    fireEvent.change(select, { target: { value: "反向比例" } });
    expect((screen.getByRole("combobox", { name: "规则 长期护理保险鉴定执行率" }) as HTMLSelectElement).value).toBe("反向比例");
    expect(gw.calls).toEqual(["read"]); // recomputed in the pane, not re-read
    tab("计算并写回");
    fireEvent.click(screen.getByRole("button", { name: "计算并写回" }));
    await screen.findByText(/已写回 \d+ 个单元格/);
    const h = gw.applied[0]![0]!.writes.find((w) => w.address === "N15")!;
    expect(h).toMatchObject({ value: 19 }); // 反向: 20 × 95% / 100%
  });

  test("a column mapping can be corrected: without the 实际完成值 column every row is not yet filled", async () => {
    const gw = renderPane();
    await detect();
    const actual = screen.getByRole("combobox", { name: "实际完成值" }) as HTMLSelectElement;
    fireEvent.change(actual, { target: { value: "" } });
    await waitFor(() => expect(screen.getAllByText("未填写")).toHaveLength(8));
    expect(gw.calls).toEqual(["read", "read"]);
  });

  test("an Excel error is shown in a MessageBar, in Chinese", async () => {
    const gw = new FakeGateway();
    gw.fail.read = "找不到指定的工作表或区域，可能已被删除或重命名";
    renderPane(gw);
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findByText("出错了");
    expect(errorBar().textContent).toContain("找不到指定的工作表或区域");
  });

  test("a sheet without an indicator table says what a table needs", async () => {
    renderPane(new FakeGateway([{ sheet: "Sheet1", origin: { row: 0, col: 0 }, cells: [[{ v: "备注" }]], merges: [] }]));
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findByText("出错了");
    expect(errorBar().textContent).toContain("没有找到指标表");
  });
});

describe("设置", () => {
  test("preset, rating scheme, tolerance and write mode change the result and the plan", async () => {
    const gw = renderPane();
    await detect();
    tab("设置");
    fireEvent.change(screen.getByRole("spinbutton", { name: "允许误差" }), { target: { value: "0.05" } });
    tab("识别");
    // 18.98 against 18.95 is within 0.05: no mismatch left.
    expect(screen.queryByText("不符")).toBeNull();
    tab("设置");
    fireEvent.click(screen.getByRole("radio", { name: "写入数值" }));
    fireEvent.change(screen.getByRole("combobox", { name: "评级方案" }), { target: { value: "80-70-60" } });
    tab("计算并写回");
    fireEvent.click(screen.getByRole("button", { name: "计算并写回" }));
    await screen.findByText(/已写回 \d+ 个单元格/);
    const writes = gw.applied[0]![0]!.writes;
    expect(writes.some((w) => w.formula)).toBe(false);
    // 83.13 is 优 under 80/70/60 (良 under the standard 90/80/60).
    expect(writes.some((w) => w.value === "优")).toBe(true);
  });
});

describe("计算并写回 and 复核", () => {
  test("writes once, shows the total and the findings, and a finding selects its cell", async () => {
    const gw = renderPane();
    await detect();
    tab("计算并写回");
    const button = screen.getByRole("button", { name: "计算并写回" });
    fireEvent.click(button);
    await screen.findByText(/已写回 \d+ 个单元格/);
    expect(gw.calls).toEqual(["read", "apply"]);
    const plan = gw.applied[0]![0]!;
    expect(plan.writes.find((w) => w.address === "N15")).toMatchObject({ value: 18.95, formula: expect.stringMatching(/^EVAL\.SCORE\(/), fill: "FFFFE699" });
    // Writing back again updates EVAL's cells in place, so the button stays available.
    expect((screen.getByRole("button", { name: "计算并写回" }) as HTMLButtonElement).disabled).toBe(false);
    tab("复核");
    expect(screen.getByTestId("total").textContent).toBe("83.13");
    const findings = screen.getByTestId("findings");
    expect(findings.textContent).toContain("报告得分 18.98，按规则复核为 18.95");
    expect(findings.textContent).toContain("报告总分 84.82，按规则复核为 83.13");
    // The budget finding points at the budget block's score (G5), the total's at the 总分 row.
    expect(within(findings).getByText("G5")).toBeTruthy();
    expect(within(findings).getByText("H17")).toBeTruthy();
    fireEvent.click(within(findings).getAllByText("H15")[0]!);
    await waitFor(() => expect(gw.selected).toEqual(["s003-p10!H15"]));
  });

  test("a write Excel refuses is an error in the MessageBar and nothing is recorded as written", async () => {
    const gw = new FakeGateway();
    gw.fail.apply = "没有权限修改此工作簿（可能为只读或受保护）";
    renderPane(gw);
    await detect();
    tab("计算并写回");
    fireEvent.click(screen.getByRole("button", { name: "计算并写回" }));
    await screen.findByText("出错了");
    expect(errorBar().textContent).toContain("没有权限修改此工作簿");
    tab("撤销 / 固化");
    expect((screen.getByRole("button", { name: "撤销上次写回" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("汇总, 撤销 / 固化, 模板", () => {
  test("汇总 adds a summary sheet by 一级指标", async () => {
    const gw = renderPane();
    await detect();
    tab("汇总");
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表（含图表）" }));
    await screen.findByText(/已生成汇总表/);
    const s = gw.summaries[0]!;
    expect(s.name).toBe("汇总-s003-p10");
    expect(s.rows[0]).toEqual(["一级指标", "权重", "复核得分", "得分率"]);
    expect(s.rows.map((r) => r[0])).toEqual(expect.arrayContaining(["预算执行", "产出指标", "效益指标", "满意度指标", "合计", "等级"]));
  });

  test("撤销 writes back what every cell held; 固化 freezes the formulas written", async () => {
    const gw = renderPane();
    await detect();
    tab("撤销 / 固化");
    expect((screen.getByRole("button", { name: "撤销上次写回" }) as HTMLButtonElement).disabled).toBe(true);
    tab("计算并写回");
    fireEvent.click(screen.getByRole("button", { name: "计算并写回" }));
    await screen.findByText(/已写回 \d+ 个单元格/);
    tab("撤销 / 固化");
    fireEvent.click(screen.getByRole("button", { name: "固化：把 EVAL 公式转为数值" }));
    await screen.findByText(/已把 \d+ 个 EVAL 公式转为数值/);
    expect(gw.frozen).toBeGreaterThan(8);
    fireEvent.click(screen.getByRole("button", { name: "撤销上次写回" }));
    await screen.findByText(/已恢复 \d+ 个单元格/);
    const [written, undone] = [gw.applied[0]![0]!, gw.applied[1]![0]!];
    // Every cell the write changed is restored (writes that changed nothing, such as clearing a fill the cell never had, need none).
    expect(undone.writes.length).toBeGreaterThan(written.writes.length - 10);
    expect(gw.record).toBeNull();
    // The reported score's cell (H15) was only filled amber: undo takes the fill away and leaves its value alone.
    expect(undone.writes.find((w) => w.address === "H15")).toMatchObject({ fill: null });
    expect(undone.writes.find((w) => w.address === "H15")!.value).toBeUndefined();
    expect(undone.writes.find((w) => w.address === "N15")).toMatchObject({ value: null });
  });

  test("模板 inserts either standard table", async () => {
    const gw = renderPane();
    tab("模板");
    fireEvent.click(screen.getByRole("button", { name: "插入标准项目支出绩效自评表" }));
    await screen.findByText("已插入模板");
    fireEvent.click(screen.getByRole("button", { name: "插入四维评价指标表（决策、过程、产出、效益）" }));
    await waitFor(() => expect(gw.templates).toHaveLength(2));
    expect(gw.templates[0]!.rows.flat()).toEqual(expect.arrayContaining(["年初预算数", "产出指标", "满意度指标"]));
    expect(gw.templates[1]!.rows.flat()).toEqual(expect.arrayContaining(["A 决策", "A11 立项依据充分性"]));
  });
});

describe("the page", () => {
  test("outside Excel it says so and offers a file or the sample", async () => {
    await act(async () => {
      render(<FluentProvider theme={webLightTheme}><App inExcel={false} S={zh} /></FluentProvider>);
    });
    expect(screen.getByText(/未在 Excel 中运行/)).toBeTruthy();
    expect(screen.getByLabelText("打开 .xlsx 文件")).toBeTruthy();
    expect(screen.getByRole("button", { name: "载入示例工作簿" })).toBeTruthy();
  });

  test("inside Excel it goes straight to the steps; English when Office's display language is English", async () => {
    const gw = new FakeGateway();
    await act(async () => {
      render(<FluentProvider theme={webLightTheme}><App inExcel S={stringsFor("en-US")} gateway={gw} /></FluentProvider>);
    });
    expect(stringsFor("zh-CN")).toBe(zh);
    expect(stringsFor("en-US")).toBe(en);
    expect(screen.getByText("Connected to Excel")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Find indicator tables" }));
    await screen.findByText("长期护理保险鉴定执行率");
    expect(screen.getAllByText("Matches")).toHaveLength(7);
  });
});

describe("问卷", () => {
  test("finds the question tables, computes and checks them, writes beside them and feeds a rate into an indicator", async () => {
    const gw = renderPane(new FakeGateway([sampleGrid(), wjxGrid()]));
    await detect();
    tab("问卷");
    fireEvent.click(screen.getByRole("button", { name: "识别问卷统计表" }));
    await screen.findByTestId("survey-results");
    fireEvent.change(screen.getByRole("textbox", { name: "计为正面的选项" }), { target: { value: "熟悉、一般了解" } });
    const results = screen.getByTestId("survey-results");
    expect(results.textContent).toContain("(熟悉 19 + 一般了解 61) / 102 = 78.43%");
    expect(results.textContent).toContain("选项“熟悉”写作 8.63%，按 9 / 102 计算为 8.82%");
    expect(results.textContent).toContain("各选项人数合计 99，与小计 102 不符");
    fireEvent.click(screen.getByRole("button", { name: "把占比与复核写在统计表旁" }));
    await screen.findByText(/已写回问卷结果/);
    const written = gw.applied[0]![0]!;
    expect(written.sheet).toBe("问卷");
    expect(written.writes.find((w) => w.address === "D5")).toMatchObject({ value: 0.784314 });
    // Feed the first question's rate into the satisfaction indicator (row 16, 实际完成值 in F).
    fireEvent.change(screen.getByRole("combobox", { name: "用于指标的比率" }), { target: { value: "0" } });
    fireEvent.change(screen.getByRole("combobox", { name: "填入此指标的实际完成值（原值保留，可撤销）" }), { target: { value: "7" } });
    fireEvent.click(screen.getByRole("button", { name: "填入实际完成值" }));
    // F16 holds a reported actual: the pane shows old and new and waits for the user's choice.
    const confirm = await screen.findByTestId("feed-confirm");
    expect(confirm.textContent).toContain("F16 现为 =100%，问卷计算为 78.43%");
    fireEvent.click(within(confirm).getByRole("button", { name: "替换为 78.43%" }));
    await screen.findByText(/已把 78.43% 填入 F16/);
    expect(gw.applied[1]![0]!.writes[0]).toMatchObject({ address: "F16", value: "78.43%", before: { v: "=100%" } });
    // The table is rescored with the new actual: 78.43% against ≥95% is no longer full marks.
    tab("识别");
    const row = within(screen.getByRole("list", { name: "指标列表" })).getAllByTestId("indicator").find((r) => within(r).queryByText("享受长期护理保险的参保人满意度"))!;
    expect(within(row).getByText("目标 =95% → 实际 78.43%")).toBeTruthy();
    expect(within(row).getByText("不符")).toBeTruthy();
    // 撤销 restores the survey cells and the old actual.
    tab("撤销 / 固化");
    fireEvent.click(screen.getByRole("button", { name: "撤销上次写回" }));
    await screen.findByText(/已恢复 \d+ 个单元格/);
    const undo = gw.applied[2]!;
    expect(undo.flatMap((p) => p.writes).find((w) => w.address === "F16")).toMatchObject({ value: "=100%" });
  });

  test("a sheet without a questionnaire says what one looks like", async () => {
    renderPane();
    tab("问卷");
    fireEvent.click(screen.getByRole("button", { name: "识别问卷统计表" }));
    expect((await screen.findByRole("alert")).textContent).toContain("没有找到问卷统计表");
  });
});
