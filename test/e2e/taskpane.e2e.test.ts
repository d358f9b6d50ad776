/**
 * End to end, in headless Chromium with no network (every request that is not to the local server is refused,
 * or left hanging): taskpane.html opened outside Excel from file:// and over http reaches file mode within 3 s
 * although office.js (Microsoft's CDN) cannot load; then, over http, the bundled sample loaded, 识别 → 计算并写回 → 复核, the scored workbook downloaded and checked with ExcelJS,
 * and a screenshot of the findings saved (test-output/taskpane-review.png). Needs `npm run build` first and
 * Debian's chromium (installed by .ci/run); `npm run e2e` does both.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { pathToFileURL } from "url";
import { serveDist } from "./serve";
import { readWorkbook } from "../../src/workbook/read";

const root = join(__dirname, "../..");
const dist = join(root, "dist");
const out = join(root, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

jest.setTimeout(120000);

describe("the task pane outside Excel", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm run e2e does)");
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (.ci/run does)`);
    server = await serveDist(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.server.close();
  });

  /** A browser context with no network: requests to anything but the local server fail, or hang ("hang"). */
  async function offline(mode: "refuse" | "hang"): Promise<{ context: BrowserContext; external: string[] }> {
    const context = await browser.newContext({ viewport: { width: 480, height: 1100 }, acceptDownloads: true, locale: "zh-CN" });
    const external: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("file:")) return route.continue();
      external.push(url);
      if (mode === "refuse") return route.abort("internetdisconnected");
      return undefined; // never answered: the request hangs
    });
    return { context, external };
  }

  test.each(["refuse", "hang"] as const)("over http with no network (office.js requests %s), the page reaches file mode within 3 s", async (mode) => {
    const { context, external } = await offline(mode);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
    await page.getByText("未在 Excel 中运行").waitFor({ timeout: 3000 });
    const ms = Date.now() - t0;
    console.log(`http, office.js ${mode}: file mode after ${ms} ms`);
    expect(ms).toBeLessThan(3000);
    expect(external.some((u) => u.includes("appsforoffice.microsoft.com/lib/1/hosted/office.js"))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("from file:// (no network) the page reaches file mode at once, without asking for office.js", async () => {
    const { context, external } = await offline("hang");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(pathToFileURL(join(dist, "taskpane.html")).href, { waitUntil: "commit" });
    await page.getByText("未在 Excel 中运行").waitFor({ timeout: 3000 });
    const ms = Date.now() - t0;
    console.log(`file://: file mode after ${ms} ms`);
    expect(ms).toBeLessThan(3000);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("loads the sample, detects, scores, writes back, reviews and downloads the scored workbook", async () => {
    const { context } = await offline("refuse");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("未在 Excel 中运行").waitFor();
    await page.getByRole("button", { name: "载入示例工作簿" }).click();
    await page.getByText("已打开").waitFor();
    // 识别
    await page.getByRole("button", { name: "识别指标表" }).click();
    await page.getByText("长期护理保险鉴定执行率").waitFor();
    expect(await page.getByText("不符").count()).toBeGreaterThan(0);
    // 计算并写回
    await page.getByRole("tab", { name: "计算并写回" }).click();
    await page.getByRole("button", { name: "计算并写回" }).click();
    await page.getByText(/已写回 \d+ 个单元格/).waitFor();
    // 复核
    await page.getByRole("tab", { name: "复核" }).click();
    const total = await page.getByTestId("total").textContent();
    expect(total).toBe("83.13");
    const findings = await page.getByTestId("findings").textContent();
    expect(findings).toContain("报告得分 18.98，按规则复核为 18.95");
    mkdirSync(out, { recursive: true });
    const shot = join(out, "taskpane-review.png");
    await page.screenshot({ path: shot, fullPage: true });
    // Download the scored copy and check it with ExcelJS.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载评分后的工作簿" }).click()]);
    expect(download.suggestedFilename()).toBe("xinjiang-003-self-eval.scored.xlsx");
    const file = join(out, download.suggestedFilename());
    await download.saveAs(file);
    const wb = await readWorkbook(readFileSync(file), "scored");
    if (!wb.ok) throw new Error(wb.message);
    const sheet = wb.grids[0]!;
    const flat = sheet.cells.flat();
    expect(flat.some((c) => c?.v === "复核得分")).toBe(true);
    expect(flat.some((c) => c?.v === 18.95)).toBe(true);
    expect(flat.some((c) => c?.v === 83.13)).toBe(true);
    // The original cells are all still there.
    expect(flat.some((c) => c?.v === 18.98)).toBe(true);
    expect(errors).toEqual([]);
    console.log(`screenshot: ${shot}`);
    await context.close();
  });
});
