/**
 * @jest-environment jsdom
 */
/**
 * The page as a finance user meets it outside Excel: a Chinese file button, library errors in plain Chinese (no
 * English sentence, no URL), a failed open that leaves nothing of the previous file on screen; and the words of
 * 计算并写回, 汇总 and 固化 that say what really happened.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder as UtilTextDecoder, TextEncoder as UtilTextEncoder } from "util";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { Pane } from "../../src/taskpane/Pane";
import { plainMessage } from "../../src/taskpane/messages";
import { en, zh } from "../../src/taskpane/strings";
import { FakeGateway } from "./fakeGateway";

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
// jsdom has no TextDecoder/TextEncoder; the file reader needs them (browsers have them).
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? UtilTextDecoder, TextEncoder: globalThis.TextEncoder ?? UtilTextEncoder });

const JSZIP = "无法读取工作簿“坏.xlsx”：Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html（请用 Excel 或 WPS 另存为 .xlsx 后重试）";

describe("plain messages", () => {
  test("a library's English sentence and its URL become a Chinese reason; our Chinese stays", () => {
    // Opening a file: the library's sentence means the file could not be read.
    expect(plainMessage(new Error(JSZIP), zh, zh.fileUnreadable)).toBe("无法读取工作簿“坏.xlsx”：文件已损坏，或不是 Excel 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后重试）");
    // Elsewhere (an Excel action) it is not a damaged file: the detail is said to be omitted.
    expect(plainMessage(new Error("Excel 操作失败：setImmediate is not defined"), zh)).toBe("Excel 操作失败：（系统返回的英文说明已省略）");
    expect(plainMessage(new Error("The operation failed because of an unexpected error."), zh)).toBe(zh.failed);
    expect(plainMessage(new Error("找不到指定的工作表或区域"), zh)).toBe("找不到指定的工作表或区域");
    expect(plainMessage(new Error("see https://example.com/x for more"), en)).toBe("see for more");
  });
});

function fileOf(path: string, name: string): File {
  const bytes = readFileSync(path);
  const f = new File([bytes], name);
  // jsdom's File may lack arrayBuffer().
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

describe("file mode", () => {
  test("the file control is a Chinese button; a corrupt file after a good one shows a Chinese message and nothing of the good one", async () => {
    await act(async () => {
      render(<FluentProvider theme={webLightTheme}><App inExcel={false} S={zh} /></FluentProvider>);
    });
    const button = screen.getByRole("button", { name: "打开 .xlsx 文件" });
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    const click = jest.spyOn(input, "click").mockImplementation(() => {});
    fireEvent.click(button);
    expect(click).toHaveBeenCalled();
    const good = join(__dirname, "../../assets/samples/xinjiang-003-self-eval.xlsx");
    await act(async () => {
      fireEvent.change(input, { target: { files: [fileOf(good, "新疆.xlsx")] } });
    });
    await screen.findByText(/已打开：新疆.xlsx/, undefined, { timeout: 10000 });
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findAllByTestId("indicator", undefined, { timeout: 10000 });
    await act(async () => {
      fireEvent.change(input, { target: { files: [fileOf(join(__dirname, "../fixtures/bad/broken.xlsx"), "坏.xlsx")] } });
    });
    const alert = await screen.findByRole("alert", undefined, { timeout: 10000 });
    expect(alert.textContent).toMatch(/坏\.xlsx/);
    expect(alert.textContent).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{2,} [A-Za-z]{2,}|https?:/);
    expect(screen.queryByText(/已打开/)).toBeNull();
    expect(screen.queryAllByTestId("indicator")).toHaveLength(0);
  }, 30000);

  test("汇总 in file mode promises no chart; values written say so; 固化 with no formulas says so plainly", async () => {
    const gw = new FakeGateway();
    gw.mode = "file";
    render(<FluentProvider theme={webLightTheme}><Pane S={zh} gateway={gw} /></FluentProvider>);
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findByText("长期护理保险鉴定执行率");
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    expect(screen.getByRole("button", { name: "生成汇总表" })).toBeTruthy();
    expect(screen.queryByText(/含图表/)).toBeNull();
    expect(screen.getByText(/不生成图表/)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "计算并写回" }));
    fireEvent.click(screen.getByRole("button", { name: "计算并写回" }));
    await screen.findByText(/已写回 \d+ 个单元格/);
    expect(screen.getByText(/已写入数值/)).toBeTruthy();
    expect(screen.queryByText(/公式会随实际完成值自动更新/)).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "撤销 / 固化" }));
    fireEvent.click(screen.getByRole("button", { name: "固化：把 EVAL 公式转为数值" }));
    await screen.findByText("没有需要固化的 EVAL 公式：上次写回的是数值。");
    expect(screen.queryByText(/已把 0 个/)).toBeNull();
  });

  test("a workbook without a table: a Chinese message and no results from before", async () => {
    const gw = new FakeGateway();
    render(<FluentProvider theme={webLightTheme}><Pane S={zh} gateway={gw} /></FluentProvider>);
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findByText("长期护理保险鉴定执行率");
    gw.grids = [{ sheet: "Sheet1", origin: { row: 0, col: 0 }, cells: [[{ v: "备注" }]], merges: [] }];
    fireEvent.click(screen.getByRole("button", { name: "识别指标表" }));
    await screen.findByText("出错了");
    await waitFor(() => expect(screen.queryByText("长期护理保险鉴定执行率")).toBeNull());
    expect(screen.getByText(/没有找到指标表/)).toBeTruthy();
  });
});
