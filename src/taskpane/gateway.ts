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
}

export const GatewayContext = createContext<Gateway | null>(null);

export function useGateway(): Gateway | null {
  return useContext(GatewayContext);
}
