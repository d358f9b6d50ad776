/** Text decoding for text inputs (CSV, HTML, SpreadsheetML 2003, JSON): UTF-8 with or without BOM, UTF-16, or GBK. */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * Decode bytes as text: a BOM decides; otherwise strict UTF-8, and when that fails GB18030 (a superset of GBK
 * and GB2312, what Chinese Windows and WPS write as "ANSI"). Returns null when neither decodes.
 */
export function decodeText(data: Uint8Array): DecodedText | null {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    const t = tryDecode("utf-8", data.subarray(3));
    return t === null ? null : { text: t, encoding: "utf-8", bom: true };
  }
  if (data[0] === 0xff && data[1] === 0xfe) {
    const t = tryDecode("utf-16le", data.subarray(2));
    return t === null ? null : { text: t, encoding: "utf-16le", bom: true };
  }
  if (data[0] === 0xfe && data[1] === 0xff) {
    const t = tryDecode("utf-16be", data.subarray(2));
    return t === null ? null : { text: t, encoding: "utf-16be", bom: true };
  }
  const utf8 = tryDecode("utf-8", data);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", bom: false };
  const gbk = tryDecode("gb18030", data);
  if (gbk !== null) return { text: gbk, encoding: "gb18030", bom: false };
  return null;
}

function tryDecode(encoding: string, data: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

/** Whether the bytes look like text (no NUL bytes in the first 4 KB, outside UTF-16). */
export function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 4096);
  for (let i = 0; i < n; i++) if (data[i] === 0) return true;
  return false;
}

/**
 * A number written as plain text in a text-only format (CSV, HTML, Word): "10", "-3.5", "1,234.5" become numbers;
 * anything else ("96%", "=12个", "≥90%", "01", "1e5") stays text, as the same cell would be in an .xlsx.
 */
export function plainNumber(s: string): number | string {
  const t = s.trim();
  if (!/^-?(0|[1-9]\d{0,2}(,\d{3})+|[1-9]\d*)(\.\d+)?$/.test(t)) return s;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : s;
}
