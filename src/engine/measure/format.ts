/** Display helpers: the engine keeps full precision and rounds only where a figure is shown. */

/** Round half away from zero to `digits` decimals, robust to binary noise (9.265 → 9.27 only if it is 9.265). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  const x = n * f;
  const r = Math.round(Math.abs(x) + 1e-9 * Math.max(1, Math.abs(x)));
  return (Math.sign(x) * r) / f;
}

/** `0.898` → `89.80%`. */
export function pct(fraction: number, digits = 2): string {
  return `${round(fraction * 100, digits).toFixed(digits)}%`;
}

/** A score or figure with 2 decimals, trailing zeros trimmed only for whole numbers (`20`, `17.96`). */
export function pts(n: number): string {
  const r = round(n, 2);
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

/** A plain number as the user would write it (up to 4 decimals). */
export function plain(n: number): string {
  return String(round(n, 4));
}
