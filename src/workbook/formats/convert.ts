/**
 * Converting .doc/.wps (and compound files SheetJS cannot read) needs LibreOffice, which only the command line
 * can run: it registers a converter here at start-up (src/cli/soffice.ts). In the browser there is none.
 */
export type OfficeConverter = (data: Uint8Array, name: string, to: "docx" | "xlsx") => Promise<Uint8Array>;

let converter: OfficeConverter | null = null;

export function setOfficeConverter(c: OfficeConverter | null): void {
  converter = c;
}

export function officeConverter(): OfficeConverter | null {
  return converter;
}

export const INSTALL_LIBREOFFICE = "apt-get install libreoffice-calc-nogui libreoffice-writer-nogui";

/** Thrown by a converter when LibreOffice is not installed. */
export class ConverterMissing extends Error {}

export function noConverterMessage(name: string, what: string, cli: boolean): string {
  return cli
    ? `无法读取“${name}”：${what}需要 LibreOffice 转换，本机未安装。请安装（${INSTALL_LIBREOFFICE}），或用 Word/WPS/Excel 另存为 .docx 或 .xlsx 后重试`
    : `无法在网页中读取“${name}”：${what}需要用 Word、WPS 或 Excel 另存为 .docx 或 .xlsx 后再打开（或使用命令行 eval-score，并安装 LibreOffice）`;
}
