import { readFileSync, readdirSync, statSync } from "fs";
import { extname, join } from "path";
import type { TableInput } from "../engine";

export interface LoadedTable {
  table: TableInput;
  file: string;
  sheet?: string;
}

export interface InputError {
  input: string;
  message: string;
}

/** Expand folders into the .json (and .xlsx) files inside them, sorted; files are kept as given. */
export function expandInputs(paths: string[], exts = [".json", ".xlsx"]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push({ input: p, message: `找不到文件或文件夹“${p}” / not found` });
      continue;
    }
    if (st.isDirectory()) {
      const inside = readdirSync(p)
        .filter((f) => exts.includes(extname(f).toLowerCase()) && !f.startsWith("~$"))
        .sort()
        .map((f) => join(p, f));
      if (inside.length === 0) errors.push({ input: p, message: `文件夹“${p}”中没有 ${exts.join("/")} 文件 / no input files in folder` });
      files.push(...inside);
    } else files.push(p);
  }
  return { files, errors };
}

/**
 * Tables from a JSON file: one table object, an array of tables, or `{ "tables": [...] }`. A file that is not
 * such JSON is an error naming the file, never an exception.
 */
export function readJsonTables(file: string): { tables: LoadedTable[]; error: InputError | null } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { tables: [], error: { input: file, message: `无法读取 JSON 文件“${file}”：${(e as Error).message}` } };
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.tables) ? data.tables : [data];
  const tables: LoadedTable[] = [];
  for (const [i, t] of list.entries()) {
    if (!isObject(t) || !Array.isArray(t.indicators)) {
      return { tables: [], error: { input: file, message: `“${file}”第 ${i + 1} 个表格缺少 indicators 数组 / table ${i + 1} has no "indicators" array` } };
    }
    tables.push({ table: t as unknown as TableInput, file });
  }
  return { tables, error: null };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
