/** What a custom function computes: a value, or an error that becomes #N/A or #VALUE! with a Chinese message. */
export type FnResult<T> = { ok: true; value: T } | { ok: false; code: "na" | "value"; message: string };

export const ok = <T>(value: T): FnResult<T> => ({ ok: true, value });
export const na = (message: string): FnResult<never> => ({ ok: false, code: "na", message });
export const bad = (message: string): FnResult<never> => ({ ok: false, code: "value", message });

/** A cell as custom functions receive it: blank is null on the web and "" on desktop. */
export type Cell = string | number | boolean | null | undefined;

/** Blank on every platform: null/undefined (web, omitted optional arguments) or "" (desktop). */
export function isBlank(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A cell as text or number for the engine; booleans are refused by the caller. */
export function cellValue(v: Cell): string | number | null {
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v ? "是" : "否";
  return v as string | number;
}
