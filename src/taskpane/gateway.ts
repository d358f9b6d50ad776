import { createContext, useContext } from "react";
import type { Grid } from "../engine";
import type { WritePlan } from "../engine";
import type { Template } from "../engine";
import type { HeldCell } from "../engine";

/** A write-back's outcome: cells written, and plan cells left alone because they hold the user's content. */
export interface WriteReport {
  written: number;
  held: HeldCell[];
}

/** 撤销's outcome: cells restored, cells kept because the user changed them after EVAL wrote them, sheets removed. */
export interface UndoReport {
  restored: number;
  kept: HeldCell[];
  sheetsRemoved: string[];
}

/** What the pane needs from where the workbook lives: Excel (Office.js) or a file (ExcelJS). */
export interface Gateway {
  mode: "excel" | "file";
  fileName?: string;
  read(scope: "sheet" | "selection"): Promise<Grid[]>;
  /**
   * Write every plan in one action (inside Excel: one Excel.run), never over the user's content: EVAL's record in
   * the workbook is saved first, EVAL's earlier cells are updated in place.
   */
  apply(plans: WritePlan[]): Promise<WriteReport>;
  /** Undo every EVAL write recorded in the workbook (works after the pane was closed and the workbook reopened). */
  undo(): Promise<UndoReport>;
  /** What the workbook's record holds: null when there is nothing to undo. */
  undoState(): Promise<{ cells: number; sheets: number } | null>;
  select(sheet: string, address: string): Promise<void>;
  /**
   * Add a sheet of rows under `name`, or a free name when a sheet of the user's has it; returns the name used. The
   * 汇总 sheet passes the rows its chart covers (`chartRows` > 0: a chart inside Excel, 得分率 as percents); a plain
   * list such as the 问题清单 passes 0. Text is written as values; the sheet joins EVAL's record (撤销 removes it).
   */
  addSummary(name: string, rows: (string | number)[][], chartRows: number): Promise<string>;
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
