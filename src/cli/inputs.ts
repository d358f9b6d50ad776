import { closeSync, fstatSync, lstatSync, openSync, readSync, readdirSync, statSync } from "fs";
import { extname, join } from "path";
import type { TableInput } from "../engine";
import { DEFAULT_LIMITS, limitMessage } from "../workbook/limits";
import { WORKBOOK_EXTENSIONS } from "../workbook/formats/sniff";
import { decodeText } from "../workbook/formats/text";
import { isObject, validateTable } from "./validate";

export interface LoadedTable {
  table: TableInput;
  file: string;
  sheet?: string;
  /** 1-based place of the table in its file. */
  index?: number;
}

export interface InputError {
  input: string;
  message: string;
}

/** Every extension the folder walk takes: JSON tables and every workbook/document format read. */
export const INPUT_EXTENSIONS = [".json", ...WORKBOOK_EXTENSIONS];

/** Whether a file goes to the JSON reader (by name, or by content for an unknown extension). */
export function isJsonInput(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return true;
  if (WORKBOOK_EXTENSIONS.includes(ext)) return false;
  const head = readHead(file, 64);
  if (!head) return false;
  const t = (decodeText(head)?.text ?? "").replace(/^\uFEFF/, "").trimStart();
  return t.startsWith("{") || t.startsWith("[");
}

function readHead(file: string, n: number): Uint8Array | null {
  try {
    const fd = openSync(file, "r");
    try {
      const buf = Buffer.alloc(n);
      const got = readSync(fd, buf, 0, n, 0);
      return buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * A regular file of at most `maxBytes`, or why not. Symlinks are followed (a link to a file is fine) but what
 * they reach must be a regular file: a device (/dev/zero), a FIFO or a socket is refused before any read.
 */
export function checkRegularFile(p: string, maxBytes = DEFAULT_LIMITS.inputBytes): string | null {
  let st;
  try {
    st = statSync(p);
  } catch (e) {
    const link = (() => {
      try {
        return lstatSync(p).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    return link ? `“${p}”是指向不存在位置的符号链接，已跳过` : `找不到文件“${p}”：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  if (st.isDirectory()) return null;
  if (!st.isFile()) return `“${p}”不是普通文件（设备、管道或套接字${lstatSync(p).isSymbolicLink() ? "的符号链接" : ""}），已跳过`;
  if (st.size > maxBytes) return limitMessage.inputBytes(p, st.size);
  return null;
}

/**
 * Expand folders into the files inside them that EVAL reads (sorted), and check every file before anything
 * reads it. Nothing is skipped silently: a file of another kind in a folder, a device, an oversized file, a
 * folder without inputs is an error naming it. Files given by name are kept whatever their extension (their
 * content decides).
 */
export function expandInputs(paths: string[], exts = INPUT_EXTENSIONS, maxBytes = DEFAULT_LIMITS.inputBytes): { files: string[]; errors: InputError[]; skipped: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  /** Files in a folder that are not inputs by nature (lock files, EVAL's own summary.csv, hidden files): listed, not errors. */
  const skipped: InputError[] = [];
  const add = (p: string) => {
    const problem = checkRegularFile(p, maxBytes);
    if (problem) errors.push({ input: p, message: problem });
    else files.push(p);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      add(p);
      continue;
    }
    if (!st.isDirectory()) {
      add(p);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(p).sort();
    } catch (e) {
      errors.push({ input: p, message: `无法读取文件夹“${p}”：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    let taken = 0;
    for (const f of names) {
      const full = join(p, f);
      if (f.startsWith("~$") || f.startsWith(".~lock.")) {
        skipped.push({ input: full, message: `“${full}”是 Office/WPS 打开文件时留下的临时锁文件，已跳过` });
        continue;
      }
      if (f.toLowerCase() === "summary.csv" || f === "汇总.xlsx") {
        skipped.push({ input: full, message: `“${full}”是 EVAL 写出的汇总表，已跳过` });
        continue;
      }
      let fst;
      try {
        fst = lstatSync(full);
      } catch {
        continue;
      }
      if (fst.isDirectory()) continue; // folders are not walked into (as before); only the files given
      const ext = extname(f).toLowerCase();
      if (!exts.includes(ext)) {
        if (f.startsWith(".")) {
          skipped.push({ input: full, message: `“${full}”是隐藏文件，已跳过` });
          continue;
        }
        errors.push({ input: full, message: `“${full}”的类型（${ext || "无扩展名"}）不受支持，已跳过（支持 ${exts.join(" ")}）` });
        continue;
      }
      taken++;
      add(full);
    }
    if (taken === 0) errors.push({ input: p, message: `文件夹“${p}”中没有可评分的文件（支持 ${exts.join(" ")}）` });
  }
  return { files, errors, skipped };
}

/**
 * Tables from a JSON file: one table object, an array of tables, or `{ "tables": [...] }`. UTF-8 with or without
 * BOM, UTF-16 with BOM, or GBK. A file that is not such JSON is an error naming the file; a table with a wrong
 * field is an error naming the file, table and field, and the other tables are still read.
 */
export function readJsonTables(file: string, maxBytes = DEFAULT_LIMITS.inputBytes): { tables: LoadedTable[]; errors: InputError[]; error: InputError | null } {
  const problem = checkRegularFile(file, maxBytes);
  if (problem) return one(file, problem);
  let bytes: Buffer;
  try {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      bytes = Buffer.alloc(size);
      let at = 0;
      while (at < size) {
        const n = readSync(fd, bytes, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
      bytes = bytes.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return one(file, `无法打开 JSON 文件“${file}”：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const text = decodeText(bytes);
  if (!text) return one(file, `无法读取 JSON 文件“${file}”：编码既不是 UTF-8 也不是 GBK，请另存为 UTF-8 后重试`);
  let data: unknown;
  try {
    data = JSON.parse(text.text);
  } catch (e) {
    const msg = (e as Error).message.replace(/\s+/g, " ").slice(0, 160);
    return one(file, `无法读取 JSON 文件“${file}”：不是有效的 JSON（${msg}）`);
  }
  const list: unknown[] = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.tables) ? data.tables : [data];
  const tables: LoadedTable[] = [];
  const errors: InputError[] = [];
  list.forEach((t, i) => {
    const v = validateTable(t, file, i + 1);
    if (v.table) tables.push({ table: v.table, file, index: i + 1 });
    else errors.push({ input: file, message: v.problems.slice(0, 5).join("；") + (v.problems.length > 5 ? `；另有 ${v.problems.length - 5} 处` : "") });
  });
  return { tables, errors, error: errors[0] ?? null };
}

function one(file: string, message: string) {
  const error = { input: file, message };
  return { tables: [], errors: [error], error };
}
