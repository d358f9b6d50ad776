import { existsSync, mkdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";

/** The summary workbook written beside summary.csv. */
export const SUMMARY_BOOK = "汇总.xlsx";

/** Why --out cannot be used, or null when it is a writable folder (created when missing). */
export function prepareOut(dir: string): string | null {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) return `--out “${dir}”是一个文件，不是文件夹；请给出一个文件夹`;
  } catch (e) {
    return `--out “${dir}”无法访问：${code(e)}`;
  }
  try {
    makeDirs(resolve(dir));
  } catch (e) {
    const c = code(e);
    return c === "ENOTDIR" || c === "EEXIST" ? `无法创建 --out 文件夹“${dir}”：路径中有同名文件` : `无法创建 --out 文件夹“${dir}”：${c === "EACCES" || c === "EPERM" || c === "EROFS" ? "没有写入权限" : c}`;
  }
  const probe = join(dir, `.eval-write-test-${process.pid}`);
  try {
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (e) {
    const c = code(e);
    return `无法在 --out 文件夹“${dir}”中写入：${c === "EACCES" || c === "EPERM" || c === "EROFS" ? "没有写入权限（只读）" : c}`;
  }
  return null;
}

/**
 * mkdir -p, one level at a time (Node 20's recursive mkdirSync never returns on some paths, e.g. under /proc).
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let p = dir;
  while (!existsSync(p)) {
    missing.unshift(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  if (existsSync(p) && !statSync(p).isDirectory()) throw Object.assign(new Error("ENOTDIR"), { code: "ENOTDIR" });
  for (const m of missing) mkdirSync(m);
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);
}

function key(p: string): string {
  let r = resolve(p);
  try {
    r = realpathSync(p);
  } catch {
    // not there yet
  }
  return r.toLowerCase();
}

/**
 * Names for scored copies in one output folder: `<name>.scored.xlsx`, and `<name> (2).scored.xlsx` … when that
 * name is already given to another input's copy, is one of the inputs (an input named *.scored.xlsx is never
 * overwritten) or is a folder. Names compare without case (Windows and macOS file systems).
 */
export class OutputNames {
  private used = new Set<string>();
  private inputs: Set<string>;
  constructor(private dir: string, inputs: string[]) {
    this.inputs = new Set(inputs.map(key));
    this.used.add(join(resolve(dir), "summary.csv").toLowerCase());
    this.used.add(join(resolve(dir), SUMMARY_BOOK).toLowerCase());
  }

  /** The path for the scored copy of `input` (`ext` .xlsm for a macro-enabled copy); also reserves `name` (汇总.xlsx). */
  next(input: string, ext = ".xlsx"): string {
    const stem = basename(input, extname(input));
    for (let i = 1; ; i++) {
      const name = i === 1 ? `${stem}.scored${ext}` : `${stem} (${i}).scored${ext}`;
      const p = join(this.dir, name);
      const k = resolve(p).toLowerCase();
      if (this.used.has(k) || this.inputs.has(key(p)) || isDir(p)) continue;
      this.used.add(k);
      return p;
    }
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Write through a temporary file in the same folder and rename it: a reader never sees half a file. */
export function writeAtomic(target: string, data: Uint8Array | string): string | null {
  const tmp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
    return null;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
    const c = code(e);
    return `无法写出“${target}”：${c === "EISDIR" ? "同名文件夹已存在" : c === "EACCES" || c === "EPERM" || c === "EROFS" ? "没有写入权限" : c === "ENOSPC" ? "磁盘已满" : c}`;
  }
}
