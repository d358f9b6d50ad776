/*
 * What the Excel host offers, asked the way Microsoft documents and never trusting isSetSupported alone:
 * the loaded office.js script must also have the object (an office.js older than the host lacks newer
 * objects even when the host reports their set). See docs/excel-host.md.
 */

/** The ExcelApi set manifest.xml requires (Requirements/Sets): everything the gateway uses unconditionally. */
export const DECLARED_EXCEL_API = "1.13";

type OfficeLike = {
  context?: {
    platform?: unknown;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
  };
  PlatformType?: { OfficeOnline?: unknown };
};

function office(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

/** Office.context.requirements.isSetSupported("ExcelApi", version); false when it cannot be asked. */
export function excelApiSupported(version: string): boolean {
  try {
    return Boolean(office()?.context?.requirements?.isSetSupported?.("ExcelApi", version));
  } catch {
    return false;
  }
}

/** True inside Excel on the web, and when the platform is unknown (the stricter limits apply then). */
export function onTheWeb(): boolean {
  const o = office();
  const platform = o?.context?.platform;
  if (platform === undefined || platform === null) return true;
  return platform === (o?.PlatformType?.OfficeOnline ?? "OfficeOnline");
}

/**
 * Bytes one sync may carry each way. Excel on the web refuses requests and responses over 5 MB ("Resource limits
 * and performance optimization"; RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded "only occur in
 * Office on the web"): 4,000,000 leaves a margin for what our estimates miss. No limit is documented for Windows
 * or Mac; 32 MB there keeps one sync for any realistic table while bounding memory.
 */
export function payloadBudget(): number {
  return onTheWeb() ? 4_000_000 : 32_000_000;
}

/** The sheet's NoteCollection only when the host supports ExcelApi 1.18 AND the loaded script has it. */
export function notesOf(sheet: Excel.Worksheet): Excel.NoteCollection | null {
  if (!excelApiSupported("1.18")) return null;
  let notes: Excel.NoteCollection | undefined;
  try {
    notes = (sheet as unknown as { notes?: Excel.NoteCollection }).notes;
  } catch {
    return null;
  }
  return notes && typeof notes.add === "function" && typeof notes.getItemOrNullObject === "function" ? notes : null;
}

/** Workbook.getSelectedRanges (ExcelApi 1.9, within the declared set) when the script has it. */
export function hasSelectedRanges(workbook: Excel.Workbook): boolean {
  return typeof (workbook as unknown as { getSelectedRanges?: unknown }).getSelectedRanges === "function";
}

/** Excel.run's delayForCellEdit (ExcelApi 1.11) is within the declared set; asked anyway, as it costs nothing. */
export function runOptions(): Excel.RunOptions | undefined {
  return excelApiSupported("1.11") ? { delayForCellEdit: true } : undefined;
}
