/**
 * What EVAL reads from one input file, at most. Every limit is checked against what is in the file (bytes
 * read, XML decompressed, cells present, merges listed), never against what the file claims (a sheet's
 * `dimension`, a zip entry's declared size). Each breach is a Chinese message naming the file.
 */
export interface ReadLimits {
  /** Bytes of the input file. */
  inputBytes: number;
  /** Decompressed bytes of one worksheet's XML (or of any other part of an .xlsx). */
  sheetXmlBytes: number;
  /** Decompressed bytes of all parts of an .xlsx together. */
  totalXmlBytes: number;
  /** Cells present in the whole workbook (cells with a value, formula or style). */
  cells: number;
  /** Merged ranges in the whole workbook. */
  merges: number;
  /** Cells covered by merged ranges, in the whole workbook (a merge A1:XFD1048576 covers 17 billion). */
  mergedCells: number;
  /** Rows one grid may span, from its first to its last cell present. */
  gridRows: number;
  /** Columns one grid may span. */
  gridCols: number;
  /** Sheets in one workbook. */
  sheets: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  inputBytes: 64 * 1024 * 1024,
  sheetXmlBytes: 128 * 1024 * 1024,
  totalXmlBytes: 256 * 1024 * 1024,
  cells: 1_000_000,
  merges: 50_000,
  mergedCells: 1_000_000,
  gridRows: 100_000,
  gridCols: 16_384,
  sheets: 256,
};

/** A limit breached: the message is what the user reads. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LimitError";
  }
}

const fmt = (n: number) => n.toLocaleString("en-US");
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/** Messages for each limit, naming the file (and the sheet when there is one). */
export const limitMessage = {
  inputBytes: (file: string, size: number, l = DEFAULT_LIMITS) => `“${file}”太大（${mb(size)}，上限 ${mb(l.inputBytes)}），未读取`,
  sheetXml: (file: string, part: string, l = DEFAULT_LIMITS) => `“${file}”中的“${part}”解压后超过 ${mb(l.sheetXmlBytes)}（可能是压缩炸弹或异常文件），未读取`,
  totalXml: (file: string, l = DEFAULT_LIMITS) => `“${file}”解压后的内容超过 ${mb(l.totalXmlBytes)}，未读取`,
  cells: (file: string, n: number, l = DEFAULT_LIMITS) => `“${file}”中的单元格超过 ${fmt(l.cells)} 个（至少 ${fmt(n)} 个），未读取；请只保留需要评分的表格`,
  merges: (file: string, n: number, l = DEFAULT_LIMITS) => `“${file}”中的合并单元格区域超过 ${fmt(l.merges)} 个（${fmt(n)} 个），未读取`,
  mergedCells: (file: string, l = DEFAULT_LIMITS) => `“${file}”中合并单元格覆盖的单元格超过 ${fmt(l.mergedCells)} 个，未读取`,
  gridRows: (file: string, sheet: string, from: number, to: number, l = DEFAULT_LIMITS) =>
    `“${file}”工作表“${sheet}”的内容从第 ${fmt(from)} 行延伸到第 ${fmt(to)} 行，超过 ${fmt(l.gridRows)} 行，未读取；请删除表格以外的内容后重试`,
  gridCols: (file: string, sheet: string, l = DEFAULT_LIMITS) => `“${file}”工作表“${sheet}”的内容超过 ${fmt(l.gridCols)} 列，未读取`,
  sheets: (file: string, n: number, l = DEFAULT_LIMITS) => `“${file}”中有 ${fmt(n)} 个工作表，超过 ${fmt(l.sheets)} 个，未读取`,
};
