import { execFile } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import { ConverterMissing, type OfficeConverter } from "../workbook/formats/convert";

/**
 * Convert a .doc/.wps (or another file LibreOffice opens) with LibreOffice, headless: each conversion in its own
 * temporary folder and with its own user profile, so that conversions running at once (the worker pool) and
 * inputs with the same name never meet. Throws ConverterMissing when LibreOffice is not installed.
 */
export const sofficeConverter: OfficeConverter = async (data, name, to) => {
  const dir = mkdtempSync(join(tmpdir(), "eval-soffice-"));
  try {
    const ext = (/\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? ".doc").toLowerCase();
    const input = join(dir, `input${ext}`);
    writeFileSync(input, data);
    const outDir = join(dir, "out");
    const profile = pathToFileURL(join(dir, "profile")).href;
    const args = ["--headless", "--norestore", `-env:UserInstallation=${profile}`, "--convert-to", to, "--outdir", outDir, input];
    let lastMissing = false;
    for (const bin of ["soffice", "libreoffice"]) {
      const r = await run(bin, args);
      if (r === "missing") {
        lastMissing = true;
        continue;
      }
      lastMissing = false;
      if (r !== "ok") throw new Error(r);
      break;
    }
    if (lastMissing) throw new ConverterMissing("LibreOffice 未安装");
    const produced = (() => {
      try {
        return readdirSync(outDir).filter((f) => f.toLowerCase().endsWith(`.${to}`));
      } catch {
        return [];
      }
    })();
    if (produced.length === 0) throw new Error("LibreOffice 没有产生输出文件（文件可能已损坏或加密）");
    return new Uint8Array(readFileSync(join(outDir, produced[0]!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

function run(bin: string, args: string[]): Promise<"ok" | "missing" | string> {
  return new Promise((resolve) => {
    execFile(bin, args, { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (!err) return resolve("ok");
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return resolve("missing");
      if (err.killed) return resolve("LibreOffice 超过 120 秒未完成，已停止");
      resolve(`LibreOffice 退出码 ${String(err.code)}：${String(stderr).trim().slice(0, 200)}`);
    });
  });
}
