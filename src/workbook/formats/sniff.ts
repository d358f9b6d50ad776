/** What an input file really is, from its bytes first and its name second. */

export type FormatKind =
  | "xlsx" // Office Open XML workbook (.xlsx, .xlsm, and .et/.xls saved as OOXML)
  | "docx" // Office Open XML document
  | "cfb-workbook" // OLE compound file holding a BIFF workbook (.xls, .et)
  | "cfb-document" // OLE compound file holding a Word or WPS document (.doc, .wps)
  | "cfb-other" // another or encrypted compound file
  | "biff" // a bare BIFF2-5 stream
  | "xlml" // SpreadsheetML 2003 XML
  | "html" // HTML (what many systems export as ".xls")
  | "rtf" // Rich Text (Word documents saved as .doc by some systems)
  | "json"
  | "csv"
  | "zip-other"
  | "unknown";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Extensions EVAL reads; the CLI's folder walk takes exactly these. */
export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".ett", ".ods", ".xml", ".htm", ".html", ".csv", ".docx", ".doc", ".wps"];

export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

/** The kind of file from its first bytes (and, for zips, its part names; for compound files, its streams). */
export function sniffBytes(data: Uint8Array, zipNames?: string[], cfbNames?: string[]): FormatKind {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 0x03 || data[2] === 0x05) && (data[3] === 0x04 || data[3] === 0x06)) {
    if (!zipNames) return "zip-other";
    const names = new Set(zipNames.map((n) => n.toLowerCase()));
    if (names.has("xl/workbook.xml") || [...names].some((n) => /^xl\/workbook\d*\.xml$/.test(n))) return "xlsx";
    if (names.has("word/document.xml")) return "docx";
    return "zip-other";
  }
  if (data.length >= 8 && CFB_MAGIC.every((b, i) => data[i] === b)) {
    if (!cfbNames) return "cfb-other";
    const names = new Set(cfbNames.map((n) => n.toLowerCase()));
    if (names.has("workbook") || names.has("book")) return "cfb-workbook";
    if (names.has("worddocument") || names.has("wpsdocument") || names.has("wksdocument")) return "cfb-document";
    return "cfb-other";
  }
  // BIFF2-5 stream: BOF record 0x0009/0x0209/0x0409/0x0809
  if (data.length >= 8 && data[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(data[1]!) && data[3] === 0x00) return "biff";
  return "unknown";
}

/** The kind of a decoded text file. */
export function sniffText(text: string, ext: string): FormatKind {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "").trimStart();
  const lower = head.toLowerCase();
  if (lower.startsWith("{\\rtf")) return "rtf";
  if (lower.startsWith("<?xml") || lower.startsWith("<workbook") || lower.startsWith("<ss:workbook")) {
    if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet") || /<(ss:)?workbook[\s>]/.test(lower)) return "xlml";
    if (/<html[\s>]/.test(lower)) return "html";
    return "unknown";
  }
  if (/^<(!doctype\s+html|html|head|body|table|meta|style|div|p)[\s>/]/.test(lower) || /<table[\s>]/.test(lower)) return "html";
  if ((head.startsWith("{") || head.startsWith("[")) && ext === ".json") return "json";
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return "csv";
  if (head.startsWith("{") || head.startsWith("[")) return "json";
  // A delimited text file under another name (".xls" exported as CSV).
  const lines = head.split(/\r?\n/).filter((l) => l.length > 0).slice(0, 5);
  if (lines.length >= 2 && lines.every((l) => l.includes(",") || l.includes("\t"))) return "csv";
  return "unknown";
}
