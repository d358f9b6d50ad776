/**
 * The pane at the width Excel gives it (320 and 350 px), end to end in headless Chromium with no network: every
 * step visited with the sample workbook; on each, no horizontal overflow, no two controls on top of each other
 * and no English words in Chinese mode; a screenshot per step in test-output/narrow-<width>-<step>.png. A corrupt
 * file and a workbook with no table each show a Chinese message and nothing of the file before. Needs
 * `npm run build` first; runs with EVAL_E2E=1 (as taskpane.e2e.test.ts).
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDist } from "./serve";

const root = join(__dirname, "../..");
const dist = join(root, "dist");
const out = join(root, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

jest.setTimeout(180000);

/** Latin words a Chinese pane may show: product names, file names and the formula namespace. */
const ALLOWED = new Set(["eval", "excel", "wps", "xlsx", "xlsm", "xls", "csv", "zip", "docx", "xinjiang", "self", "scored", "score", "completion", "deviation", "rating", "ctrl"]); // ctrl: the key name in “Ctrl+Z” (Excel's own undo)

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  outside: string[];
  overlaps: string[];
  english: string[];
}

/** Measure the page: overflow, controls beyond the right edge or on top of each other, English words. */
async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const name = (e: Element) => `${e.tagName.toLowerCase()}「${(e.getAttribute("aria-label") ?? (e as HTMLElement).innerText ?? "").trim().slice(0, 20)}」`;
    // Chromium lays out a closed <details>' content (content-visibility: hidden) though nothing of it shows.
    const hiddenInDetails = (e: Element) => {
      for (let d = e.closest("details"); d; d = d.parentElement?.closest("details") ?? null) if (!d.open && !d.querySelector(":scope > summary")?.contains(e)) return true;
      return false;
    };
    const visible = (e: Element) => {
      if (hiddenInDetails(e)) return false;
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
    };
    const controls = [...document.querySelectorAll("button, select, input:not([type=file]), textarea, [role=tab], a, summary")].filter(visible);
    const outside = controls.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(name);
    const overlaps: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!;
        const b = controls[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const p = a.getBoundingClientRect();
        const q = b.getBoundingClientRect();
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) overlaps.push(`${name(a)} × ${name(b)}`);
      }
    }
    // What sticks out, for the message when the page is too wide.
    for (const e of document.querySelectorAll("body *")) if (visible(e) && e.getBoundingClientRect().right > window.innerWidth + 0.5 && outside.length < 12) outside.push(`…${name(e)}:${Math.round(e.getBoundingClientRect().right)}`);
    const text = document.body.innerText;
    const english = [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])];
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth, outside, overlaps, english };
  });
}

async function check(page: Page, width: number, step: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, `narrow-${width}-${step}.png`), fullPage: true });
  const l = await layout(page);
  expect({ step, scrollWidth: l.scrollWidth }).toEqual({ step, scrollWidth: expect.any(Number) });
  expect([step, l.scrollWidth <= l.innerWidth, l.scrollWidth]).toEqual([step, true, l.scrollWidth]);
  expect([step, l.outside]).toEqual([step, []]);
  expect([step, l.overlaps]).toEqual([step, []]);
  expect([step, l.english.filter((w) => !ALLOWED.has(w.toLowerCase()))]).toEqual([step, []]);
}

async function noTableWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("说明");
  ws.getCell("A1").value = "本表只有说明文字，没有指标表。";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each([320, 350])("the pane at %i px", (width) => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    server = await serveDist(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
    await context.route("**/*", (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort("internetdisconnected")));
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("未在 Excel 中运行").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    server?.server.close();
  });

  test("every step: no overflow, no overlapping controls, no English", async () => {
    await check(page, width, "start");
    await page.getByRole("button", { name: "载入示例工作簿" }).click();
    await page.getByText("已打开").waitFor();
    await page.getByRole("button", { name: "识别指标表" }).click();
    await page.getByText("长期护理保险鉴定执行率", { exact: true }).first().waitFor();
    await check(page, width, "detect");
    // A row's details: the rule (canonical names only), the explanation and the findings.
    // By keyboard: the row's summary takes focus and Enter opens it.
    await page.getByRole("listitem").filter({ hasText: "长期护理保险鉴定执行率" }).locator("summary").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "为什么是这个分数" }).waitFor();
    const options = await page.getByRole("combobox", { name: "规则 长期护理保险鉴定执行率" }).locator("option").allTextContents();
    expect(options).not.toContain("按完成比例赋分");
    expect(options).toContain("按照完成比例赋分");
    await check(page, width, "detect-details");
    await page.getByRole("listitem").filter({ hasText: "长期护理保险鉴定执行率" }).locator("summary").click();
    await page.locator("summary").filter({ hasText: "列的对应" }).click();
    await check(page, width, "detect-columns");
    for (const [tab, step] of [["设置", "settings"], ["计算并写回", "apply"]] as const) {
      await page.getByRole("tab", { name: tab }).click();
      await check(page, width, step);
    }
    await page.getByRole("button", { name: "计算并写回" }).click();
    await page.getByText(/已写回 \d+ 个单元格/).waitFor();
    expect(await page.getByText("公式会随实际完成值自动更新").count()).toBe(0);
    await check(page, width, "applied");
    await page.getByRole("tab", { name: "复核" }).click();
    expect(await page.getByTestId("findings").textContent()).toContain("H15 · 第 15 行 · 得分与规则不符");
    expect(await page.getByTestId("findings").textContent()).not.toMatch(/score-mismatch/);
    await check(page, width, "review");
    await page.getByRole("tab", { name: "汇总" }).click();
    expect(await page.getByText("含图表").count()).toBe(0);
    await check(page, width, "summary");
    await page.getByRole("tab", { name: "问卷" }).click();
    await page.getByRole("button", { name: "识别问卷统计表" }).click();
    await page.getByRole("alert").waitFor();
    await check(page, width, "survey");
    await page.getByRole("tab", { name: "撤销 / 固化" }).click();
    await page.getByRole("button", { name: "固化：把 EVAL 公式转为数值" }).click();
    await page.getByText("没有需要固化的 EVAL 公式：上次写回的是数值。").waitFor();
    await check(page, width, "undo");
    await page.getByRole("tab", { name: "模板" }).click();
    await check(page, width, "template");
    expect(errors).toEqual([]);
  });

  test("a corrupt file, then a workbook with no table: a Chinese message each, and nothing of the file before", async () => {
    await page.getByRole("button", { name: "载入示例工作簿" }).click();
    await page.getByText("已打开").waitFor();
    await page.getByRole("tab", { name: "识别" }).click();
    await page.getByRole("button", { name: "识别指标表" }).click();
    await page.getByText("长期护理保险鉴定执行率", { exact: true }).first().waitFor();
    // The Chinese button opens the browser's file chooser (the native control, in English, is hidden).
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "打开 .xlsx 文件" }).click()]);
    await chooser.setFiles({ name: "损坏的表.xlsx", mimeType: "application/octet-stream", buffer: readFileSync(join(root, "test/fixtures/bad/broken.xlsx")) });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const message = (await alert.textContent()) ?? "";
    expect(message).toContain("损坏的表.xlsx");
    expect(message).not.toMatch(/https?:|central directory|zip file/i);
    expect(await page.getByText("长期护理保险鉴定执行率").count()).toBe(0);
    expect(await page.getByText("已打开").count()).toBe(0);
    await check(page, width, "corrupt-file");

    const [chooser2] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "打开 .xlsx 文件" }).click()]);
    await chooser2.setFiles({ name: "说明.xlsx", mimeType: "application/octet-stream", buffer: await noTableWorkbook() });
    await page.getByText("已打开：说明.xlsx").waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.getByRole("button", { name: "识别指标表" }).click();
    await page.getByText(/没有找到指标表/).waitFor();
    expect(await page.getByTestId("indicator").count()).toBe(0);
    await check(page, width, "no-table");
  });
});
