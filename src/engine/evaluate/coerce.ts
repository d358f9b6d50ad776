/**
 * Read a number written in a cell: 10, "10", "10分", "84.82分", "1,234.5", "９５" (full-width). Null for a
 * blank; NaN for text that is not a number (the caller reports it).
 */
export function readNumber(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  const s = v.normalize("NFKC").replace(/\s+/g, "").replace(/,/g, "");
  if (s === "" || s === "-" || s === "—" || s === "/") return null;
  const m = /^(-?\d+(?:\.\d+)?)(?:分|万元|元)?$/.exec(s);
  return m ? Number(m[1]) : NaN;
}

/** A rate written as `83.40%`, `0.834` or 0.834 → fraction; null for blank, NaN when unreadable. */
export function readRateText(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  const s = v.normalize("NFKC").replace(/\s+/g, "");
  if (s === "" || s === "-" || s === "—") return null;
  const m = /^(-?\d+(?:\.\d+)?)%$/.exec(s);
  if (m) return Number(m[1]) / 100;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** Decimals written after the point in a rate text (`83.40%` → 2), to judge rounding tolerance. */
export function writtenDecimals(v: number | string): number {
  const s = String(v).replace(/%$/, "");
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}
