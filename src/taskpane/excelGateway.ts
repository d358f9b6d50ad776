import * as excel from "../excel/gateway";
import { watchSelection } from "../excel/selection";
import type { Gateway } from "./gateway";

/** The pane's gateway inside Excel: every method is one Excel.run. A multi-area selection gives one grid per area. */
export const excelGateway: Gateway = {
  mode: "excel",
  read: excel.readRegions,
  apply: excel.applyPlans,
  undo: excel.undoWrites,
  undoState: excel.undoState,
  select: excel.selectCell,
  addSummary: excel.addSummarySheet,
  freeze: excel.freezeFormulas,
  insertTemplate: excel.insertTemplate,
  onSelectionChanged: watchSelection,
};
