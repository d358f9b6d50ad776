/*
 * A1 addresses as Excel returns them (Range.address, RangeAreas.address) and sizes as Excel on the web counts
 * them. Pure: tested without Excel, shared by the gateway and the write chunker.
 */

import { columnLetters } from "../engine";

/** 0-based, inclusive rectangle on a sheet. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export { columnLetters };

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** `B7` / `$B$7` → 0-based cell; null if not a cell reference. */
export function parseCell(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** One area without its sheet: `B3:D9`, `B3`, whole columns `C:H`, whole rows `2:4`. */
export function parseArea(a: string): Rect | null {
  const [p = "", q = p] = a.trim().split(":");
  const x = parseCell(p);
  const y = parseCell(q);
  if (x && y) return { r1: Math.min(x.row, y.row), c1: Math.min(x.col, y.col), r2: Math.max(x.row, y.row), c2: Math.max(x.col, y.col) };
  const col = /^\$?([A-Za-z]{1,3})$/;
  const cp = col.exec(p.trim());
  const cq = col.exec(q.trim());
  if (cp && cq) {
    const a1 = columnIndex(cp[1]!);
    const a2 = columnIndex(cq[1]!);
    return { r1: 0, c1: Math.min(a1, a2), r2: MAX_ROWS - 1, c2: Math.max(a1, a2) };
  }
  const row = /^\$?(\d{1,7})$/;
  const rp = row.exec(p.trim());
  const rq = row.exec(q.trim());
  if (rp && rq) {
    const a1 = Number(rp[1]) - 1;
    const a2 = Number(rq[1]) - 1;
    return { r1: Math.min(a1, a2), c1: 0, r2: Math.max(a1, a2), c2: MAX_COLS - 1 };
  }
  return null;
}

/**
 * Split a (RangeAreas) address into its areas: `Sheet1!A1:B2, Sheet1!D4` or `'预算, 2024'!A1,'预算, 2024'!C:C`.
 * Commas inside a quoted sheet name do not split; the sheet part (quoted or not) is dropped.
 */
export function parseAreas(address: string): Rect[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  const out: Rect[] = [];
  for (const part of parts) {
    const bang = part.lastIndexOf("!");
    const rect = parseArea(bang >= 0 ? part.slice(bang + 1) : part);
    if (rect) out.push(rect);
  }
  return out;
}

export function a1(r: Rect): string {
  const tl = `${columnLetters(r.c1)}${r.r1 + 1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${columnLetters(r.c2)}${r.r2 + 1}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r1 && r <= outer.r2 && c >= outer.c1 && c <= outer.c2;
}

export const rows = (r: Rect): number => r.r2 - r.r1 + 1;
export const cols = (r: Rect): number => r.c2 - r.c1 + 1;

/**
 * UTF-8 length of a string without allocating (the browser has no Buffer). Excel on the web's 5 MB request and
 * response limits are on the HTTP payload, which is UTF-8 JSON: a Chinese character is 3 bytes, not 1 or 2.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1; // JSON escapes " and \ (and control chars, at least 2)
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as it travels in a JSON payload. */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "string") return utf8Length(v) + 2;
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (Array.isArray(v)) {
    let n = 2 + Math.max(0, v.length - 1);
    for (const x of v) n += jsonBytes(x);
    return n;
  }
  return utf8Length(JSON.stringify(v));
}
