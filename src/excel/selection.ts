/*
 * "Why this score": the pane explains the scored row under the user's selection. Workbook.onSelectionChanged
 * (ExcelApi 1.2, excel.workbook.yml) tells that the selection changed, but its WorkbookSelectionChangedEventArgs
 * carry no address, so each change is one Excel.run that loads the selected range's address and position (one
 * sync; nothing is written). A multi-area selection makes getSelectedRange throw InvalidSelection (see
 * docs/excel-host.md): there is then no single cell to explain and the pane keeps what it shows.
 */

/** Sheet name of an address as Excel returns it: `Sheet1!B3`, `'自评 表'!B3` (quotes doubled inside). */
export function sheetOfAddress(address: string): string {
  const i = address.lastIndexOf("!");
  if (i < 0) return "";
  const s = address.slice(0, i);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * Call `handler(sheet, row, col)` (0-based, the selection's top-left cell) on every selection change; returns the
 * function that stops it. Registration is one Excel.run; removal runs in the registration's own context, as the
 * event documentation requires ("Remove an event handler": `Excel.run(result.context, …)`).
 */
export function watchSelection(handler: (sheet: string, row: number, col: number) => void): () => void {
  let registration: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs> | null = null;
  let stopped = false;
  const onChange = async (): Promise<void> => {
    if (stopped) return;
    try {
      await Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load(["address", "rowIndex", "columnIndex"]);
        await context.sync();
        if (!stopped) handler(sheetOfAddress(range.address), range.rowIndex, range.columnIndex);
      });
    } catch {
      // A multi-area selection, or a cell being edited: nothing to explain.
    }
  };
  void Excel.run(async (context) => {
    const r = context.workbook.onSelectionChanged.add(onChange);
    await context.sync();
    registration = r;
    if (stopped) {
      r.remove();
      await context.sync();
    }
  }).catch(() => undefined);
  return () => {
    stopped = true;
    const r = registration;
    if (r) void Excel.run(r.context, async (context) => {
      r.remove();
      await context.sync();
    }).catch(() => undefined);
  };
}
