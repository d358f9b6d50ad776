/**
 * The one reader of plain figures written in cells, used by every face and every field: points (weights and
 * scores, `10`, `10分`, `84.82分`), amounts of money (`300万元`, `1,234,500.00元`, `89.974`), and rates
 * (`83.40%`, `0.834`). Measures with operators and units (targets, actuals) are read by `parseMeasure`.
 *
 * Every reader here is one left-to-right pass over the text (no regular expression that can backtrack), so a
 * 32,767-character cell costs microseconds. Blank → null; text that is not the figure → NaN (the caller reports
 * it, naming the cell); nothing is guessed and nothing is silently 0.
 */

/** Longest text read as a figure: a figure longer than this is prose, not a number. */
export const MAX_FIGURE_TEXT = 64;

import { toSimplified } from "../data/traditional";

const BLANKS = new Set(["", "-", "—", "/", "－", "／", "——", "无"]);

/** Text of a cell folded for reading figures: full-width forms, spaces and thousands separators removed. */
function fold(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII → ASCII
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0) continue;
    if (c === 0x2c) {
      // a comma between digits is a thousands separator; elsewhere it stays (and makes the text unreadable)
      const prev = out.charCodeAt(out.length - 1);
      const next = s.charCodeAt(i + 1);
      if (prev >= 48 && prev <= 57 && ((next >= 48 && next <= 57) || (next >= 0xff10 && next <= 0xff19))) continue;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

/** A decimal number at the start of `s` (`-12.5`), with where it ends; null when there is none. */
export function leadingNumber(s: string, from = 0): { value: number; end: number } | null {
  let i = from;
  if (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43) i++; // - or +
  const digits = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === digits) return null;
  if (s.charCodeAt(i) === 46) {
    const dot = i;
    i++;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === dot + 1) i = dot; // `12.` → 12
  }
  const value = Number(s.slice(from, i));
  return Number.isFinite(value) ? { value, end: i } : null;
}

/** A whole text that is one number followed by one of `suffixes` (or none): its value, else NaN. */
function numberWithSuffix(s: string, suffixes: readonly string[]): { value: number; suffix: string } | null {
  const n = leadingNumber(s);
  if (!n) return null;
  const rest = s.slice(n.end);
  if (rest === "") return { value: n.value, suffix: "" };
  for (const x of suffixes) if (rest === x) return { value: n.value, suffix: x };
  return null;
}

/** Points (a weight, a score): 10, "10", "10分", "84.82分", "９５". Null for blank; NaN when not points. */
export function readPoints(v: number | string | boolean | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v === "boolean") return NaN;
  if (v.length > MAX_FIGURE_TEXT) return NaN;
  const s = fold(v);
  if (BLANKS.has(s)) return null;
  const n = numberWithSuffix(s, ["分"]);
  return n ? n.value : NaN;
}

/** An amount of money. `unit` is "元" when the text said (元, 万元, 亿元, 千元; value converted to 元), else null. */
export interface Amount {
  value: number;
  unit: "元" | null;
  /** The text as written, for messages. */
  written: string;
}

const AMOUNT_UNITS: Record<string, number> = { 元: 1, 万元: 1e4, 万: 1e4, 亿元: 1e8, 亿: 1e8, 千元: 1e3 };
const AMOUNT_SUFFIXES = Object.keys(AMOUNT_UNITS);

/** Multiplier of an amount unit written in a header (`（万元）`, `单位：元`), or null when it names none. */
export function amountUnitIn(header: string): { unit: string; multiplier: number } | null {
  const s = fold(header);
  for (const u of ["亿元", "万元", "千元"]) if (s.includes(u)) return { unit: u, multiplier: AMOUNT_UNITS[u]! };
  if (/[(（:：]元[)）]?$|单位[:：]?元|^元$/.test(s.length > 40 ? "" : s)) return { unit: "元", multiplier: 1 };
  return null;
}

/** An amount: 89.974, "300万元", "1,234,500.00元", "１００万". Null for blank; value NaN when not an amount. */
export function readAmount(v: number | string | boolean | null | undefined): Amount | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return { value: Number.isFinite(v) ? v : NaN, unit: null, written: String(v) };
  if (typeof v === "boolean") return { value: NaN, unit: null, written: String(v) };
  const written = v.trim();
  if (v.length > MAX_FIGURE_TEXT) return { value: NaN, unit: null, written: `${written.slice(0, 20)}…` };
  // 萬, 億 in traditional script are the same units; a page's pinyin after them (萬(wàn)元) is no part of the figure.
  const s = fold(v.includes("(") ? toSimplified(v) : v).replace(/萬/g, "万").replace(/億/g, "亿");
  if (BLANKS.has(s)) return null;
  const n = numberWithSuffix(s, AMOUNT_SUFFIXES);
  if (!n) return { value: NaN, unit: null, written };
  if (n.suffix === "") return { value: n.value, unit: null, written };
  return { value: n.value * AMOUNT_UNITS[n.suffix]!, unit: "元", written };
}

/** A figure with characters a text conversion could not map left after it (4,764,453.11?, 9.68？, 96.85�). */
const GARBLED = /^\s*([+-]?[\d,，]*\d(?:\.\d+)?)\s*[?？\uFFFD]+\s*$/;

/** The figure before such characters, or null when the text is not a figure followed by them. */
export function figureBeforeGarble(v: unknown): string | null {
  // (Full-width figures, ４,７６４,４５３.１１？, are read as their half-width forms.)
  return typeof v === "string" ? (GARBLED.exec(v.normalize("NFKC"))?.[1] ?? null) : null;
}

/**
 * Two amounts in one unit (元 where either says), for a ratio such as 执行率. A bare number beside one with a
 * unit takes the header's unit when there is one (`hint`, e.g. 万元); without it the pair cannot be told apart
 * (100万元 against 800000 could be 80% or 8000%): an error, never a silent 1:1.
 */
export function sameUnit(a: Amount, b: Amount, hint: { unit: string; multiplier: number } | null): { ok: true; a: number; b: number; note: string | null } | { ok: false; reason: string } {
  if (a.unit === b.unit) return { ok: true, a: a.value, b: b.value, note: null };
  if (hint) {
    const fa = a.unit === null ? a.value * hint.multiplier : a.value;
    const fb = b.unit === null ? b.value * hint.multiplier : b.value;
    const bare = a.unit === null ? a.written : b.written;
    return { ok: true, a: fa, b: fb, note: `“${bare}”未写单位，按表头的${hint.unit}计` };
  }
  const [withUnit, bare] = a.unit !== null ? [a, b] : [b, a];
  return { ok: false, reason: `“${withUnit.written}”写了单位，“${bare.written}”没有写单位，无法判断两者是否同一单位` };
}

/** A rate written as `83.40%`, `0.834` or 0.834 → fraction; null for blank, NaN when unreadable. */
export function readRate(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (v.length > MAX_FIGURE_TEXT) return NaN;
  const s = fold(v);
  if (BLANKS.has(s)) return null;
  const n = numberWithSuffix(s, ["%", "‰"]);
  if (!n) return NaN;
  return n.suffix === "%" ? n.value / 100 : n.suffix === "‰" ? n.value / 1000 : n.value;
}

/** Decimals written after the point in a rate text (`83.40%` → 2), to judge rounding tolerance. */
export function writtenDecimals(v: number | string): number {
  // (Full-width digits and signs as their half-width forms: 96.08％ has 2 decimals.)
  const s = String(v).normalize("NFKC").trim();
  const end = s.endsWith("%") || s.endsWith("‰") ? s.length - 1 : s.length;
  const i = s.indexOf(".");
  return i < 0 || i > end ? 0 : end - i - 1;
}

/** A finite number or null (NaN and ±Infinity become null). */
export function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}
