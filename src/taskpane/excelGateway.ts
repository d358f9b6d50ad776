import * as excel from "../excel/gateway";
import type { Gateway } from "./gateway";

/** The pane's gateway inside Excel: every method is one Excel.run. A multi-area selection gives one grid per area. */
export const excelGateway: Gateway = {
  mode: "excel",
  read: excel.readRegions,
  apply: async (plans) => {
    await excel.applyPlans(plans);
  },
  select: excel.selectCell,
  addSummary: excel.addSummarySheet,
  freeze: excel.freezeFormulas,
  insertTemplate: excel.insertTemplate,
};
