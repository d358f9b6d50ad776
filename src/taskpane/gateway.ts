import { createContext, useContext } from "react";
import type { Grid } from "../engine";
import type { WritePlan } from "../engine";
import type { Template } from "../engine";

/** What the pane needs from where the workbook lives: Excel (Office.js) or a file (ExcelJS). */
export interface Gateway {
  mode: "excel" | "file";
  fileName?: string;
  read(scope: "sheet" | "selection"): Promise<Grid[]>;
  /** Write every plan in one action (inside Excel: one Excel.run). */
  apply(plans: WritePlan[]): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  addSummary(name: string, rows: (string | number)[][], chartRows: number): Promise<void>;
  freeze(plans: WritePlan[]): Promise<number>;
  insertTemplate(t: Template): Promise<void>;
  download?(): Promise<{ name: string; data: Uint8Array }>;
  /**
   * Call `handler` whenever the user selects a cell: the sheet's name and the 0-based sheet row and column of the
   * selection's top-left cell (the coordinates of CellWrite). Returns a function that stops the calls. The pane
   * uses it to explain the scored row under the selection ("why this score"): it reads nothing and writes
   * nothing. Inside Excel: the worksheet collection's onSelectionChanged event (ExcelApi 1.2). Files have no
   * selection: not provided (the pane explains the row clicked in its list instead).
   */
  onSelectionChanged?(handler: (sheet: string, row: number, col: number) => void): () => void;
}

export const GatewayContext = createContext<Gateway | null>(null);

export function useGateway(): Gateway | null {
  return useContext(GatewayContext);
}
