import type ExcelJS from "exceljs";
import type { Grid } from "../engine";
import { DEFAULT_LIMITS, LimitError, limitMessage, type ReadLimits } from "./limits";
import { gridsToWorkbook } from "./formats/build";
import { ConverterMissing, noConverterMessage, officeConverter } from "./formats/convert";
import { readDocx } from "./formats/docx";
import { cfbStreams, readWithSheetjs } from "./formats/sheetjs";
import { extensionOf, sniffBytes, sniffText, type FormatKind } from "./formats/sniff";
import { decodeText, looksBinary } from "./formats/text";
import { loadXlsx, toSerial, worksheetToGrid } from "./formats/xlsx";
import { openZip, partNames } from "./formats/zip";

export { toSerial };

/** What an input was read as (the `format` of a successful read). */
export type ReadFormat = "xlsx" | "xls" | "et" | "ods" | "xlml" | "html" | "csv" | "docx" | "doc";

export type ReadResult =
  | {
      ok: true;
      /**
       * The workbook as ExcelJS objects, made on first call: the file itself for .xlsx/.xlsm; for any other format,
       * a new workbook built from the grids. The grids are read without it (the CLI's patched copies never need it).
       */
      workbook: () => Promise<ExcelJS.Workbook>;
      grids: Grid[];
      format: ReadFormat;
      /** True when `workbook` was built from the grids (the scored copy is then a new .xlsx). */
      converted: boolean;
    }
  | { ok: false; message: string };

export interface ReadOptions {
  limits?: ReadLimits;
}

const fail = (message: string): ReadResult => ({ ok: false, message });

/**
 * Read any workbook a reviewer receives, by its content first and its name second: .xlsx/.xlsm (ExcelJS); .xls
 * that is BIFF8, SpreadsheetML 2003 or HTML, .et and LibreOffice's .ods (SheetJS); .csv in UTF-8 (with or without BOM) or GBK;
 * Word .docx tables (mammoth); .doc/.wps through LibreOffice when the command line has it. Every read is
 * bounded by the limits in limits.ts. Never throws: a file that cannot be read is a Chinese message naming it.
 */
export async function readAnyWorkbook(data: ArrayBuffer | Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return await readBytes(bytes, name, limits, 0);
  } catch (e) {
    if (e instanceof LimitError) return fail(e.message);
    const msg = (e as Error)?.message || String(e);
    return fail(`无法读取工作簿“${name}”：${msg.slice(0, 300)}（请用 Excel 或 WPS 另存为 .xlsx 后重试）`);
  }
}

/** The former name: reads every supported format, not only .xlsx. */
export const readWorkbook = readAnyWorkbook;

async function readBytes(bytes: Uint8Array, name: string, limits: ReadLimits, depth: number): Promise<ReadResult> {
  if (bytes.length > limits.inputBytes) return fail(limitMessage.inputBytes(name, bytes.length, limits));
  if (bytes.length === 0) return fail(`无法读取工作簿“${name}”：文件是空的（0 字节）`);
  const ext = extensionOf(name);
  let kind: FormatKind = sniffBytes(bytes);
  if (kind === "zip-other") {
    const zip = await openZip(bytes);
    if (!zip) return fail(`无法读取工作簿“${name}”：文件以 zip 开头，但不是完整的 .xlsx/.docx（可能已损坏或未下载完整）`);
    kind = sniffBytes(bytes, partNames(zip));
    if (kind === "xlsx") {
      const { workbook, grids } = await loadXlsx(zip, bytes, name, limits);
      return { ok: true, workbook, grids, format: "xlsx", converted: false };
    }
    if (kind === "docx") return built(await readDocx(zip, bytes, name, limits), depth > 0 ? "doc" : "docx");
    // An OpenDocument spreadsheet (LibreOffice Calc's own .ods): a zip with content.xml, read by SheetJS.
    if (await isOds(zip)) return built(await readWithSheetjs(bytes, name, "binary", limits), "ods");
    return fail(`无法读取工作簿“${name}”：这是一个 zip 压缩包，不是 Excel 工作簿或 Word 文档`);
  }
  if (kind === "cfb-other") kind = sniffBytes(bytes, undefined, (await cfbStreams(bytes)) ?? []);
  if (kind === "cfb-workbook" || kind === "biff") return built(await readWithSheetjs(bytes, name, "binary", limits), ext === ".et" || ext === ".ett" ? "et" : "xls");
  if (kind === "cfb-document") return convertThen(bytes, name, "docx", "Word 97-2003（.doc）或 WPS 文字（.wps）文档", limits, depth);
  if (kind === "cfb-other") {
    if ([".doc", ".wps"].includes(ext)) return convertThen(bytes, name, "docx", "此文档", limits, depth);
    return fail(`无法读取工作簿“${name}”：这是一个 Office 复合文件，但其中没有工作簿或文档（可能已加密：请去掉打开密码后另存为 .xlsx）`);
  }
  if (looksBinary(bytes) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(`无法读取工作簿“${name}”：不是可识别的表格或文档格式（支持 .xlsx .xlsm .xls .et .ods .csv .docx，以及安装 LibreOffice 后的 .doc .wps）`);
  }
  const text = decodeText(bytes);
  if (!text) return fail(`无法读取工作簿“${name}”：文本既不是 UTF-8 也不是 GBK 编码`);
  const tk = sniffText(text.text, ext);
  switch (tk) {
    case "xlml":
      return built(await readWithSheetjs(text.text, name, "xlml", limits), "xlml");
    case "html":
      return built(await readWithSheetjs(text.text, name, "html", limits), "html");
    case "csv":
      return built(await readWithSheetjs(text.text, name, "csv", limits), "csv");
    case "rtf":
      return convertThen(bytes, name, "docx", "RTF 格式的文档", limits, depth);
    case "json":
      return fail(`“${name}”是 JSON 文件，不是工作簿（JSON 表格请直接交给 eval-score，见 docs/json-format.md）`);
    default:
      return fail(`无法读取工作簿“${name}”：不是可识别的表格或文档格式（支持 .xlsx .xlsm .xls .et .ods .csv .docx，以及安装 LibreOffice 后的 .doc .wps）`);
  }
}

/** The OpenDocument spreadsheet's mimetype entry (ODF 1.2 §3.3: the zip's first entry, stored, naming the type). */
async function isOds(zip: Awaited<ReturnType<typeof openZip>>): Promise<boolean> {
  const entry = zip?.file("mimetype");
  return entry ? (await entry.async("string")).trim() === "application/vnd.oasis.opendocument.spreadsheet" : false;
}

function built(grids: Grid[], format: ReadFormat): ReadResult {
  let made: ExcelJS.Workbook | null = null;
  const workbook = () => Promise.resolve((made ??= gridsToWorkbook(grids)));
  return { ok: true, workbook, grids, format, converted: true };
}

async function convertThen(bytes: Uint8Array, name: string, to: "docx" | "xlsx", what: string, limits: ReadLimits, depth: number): Promise<ReadResult> {
  const convert = officeConverter();
  if (!convert) return fail(noConverterMessage(name, what, false));
  if (depth > 0) return fail(`无法读取工作簿“${name}”：LibreOffice 转换后的文件仍无法读取`);
  let out: Uint8Array;
  try {
    out = await convert(bytes, name, to);
  } catch (e) {
    if (e instanceof ConverterMissing) return fail(noConverterMessage(name, what, true));
    return fail(`无法读取工作簿“${name}”：LibreOffice 转换失败：${(e as Error).message}`);
  }
  const convertedName = `${name.replace(/\.[^.]+$/, "")}.${to}`;
  const r = await readBytes(out, convertedName, limits, depth + 1);
  if (!r.ok) return fail(r.message.split(convertedName).join(name));
  return { ...r, format: "doc", converted: true };
}

/** One worksheet as a grid sized by the cells present (see formats/xlsx.ts). */
export function sheetToGrid(ws: ExcelJS.Worksheet): Grid {
  return worksheetToGrid(ws);
}
