import { prng } from "../../src/bench/generate";
/**
 * Generated workbooks for the write-back / 撤销 property tests (test/excel/undo.test.ts on the simulator,
 * test/workbook/undo.test.ts on the file gateway): a random indicator table, and random user content in and around
 * the area EVAL writes (text, numbers, formulas that show "", notes, styled empty cells), plus a sheet named as
 * EVAL's 汇总 would be. Host-neutral: each test puts the spec into its own host.
 */
import { columnLetters, type Grid } from "../../src/engine";
import { tableGrid } from "../../src/bench/pane";

export interface UserCell {
  v?: string | number;
  /** A formula that shows "" (the user's all the same). */
  f?: string;
  fmt?: string;
  /** #RRGGBB */
  fill?: string;
  bold?: boolean;
  note?: string;
}

export interface Spec {
  grid: Grid;
  /** Sheet-coordinate user cells on the table's sheet. */
  extra: { r: number; c: number; cell: UserCell }[];
  /** Other sheets of the user's, one cell each (A1). */
  sheets: { name: string; a1: string }[];
  mode: "formulas" | "values";
}


const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Texts a user might type, including ones Excel would take for formulas. */
export const HOSTILE = ["=cmd|'/ccalc'!A1", "+SUM(1)", "-1+2", "@x", "人工复核意见", "88%", "2024-11-20", "TRUE"];

function userCell(rnd: () => number, i: number): UserCell {
  switch (Math.floor(rnd() * 6)) {
    case 0:
      return { v: pick(rnd, HOSTILE) };
    case 1:
      return { v: Math.round(rnd() * 1000) / 10, fmt: "0.0" };
    case 2:
      return { f: `=IF(A${i + 1}="","","")` };
    case 3:
      return { note: `用户批注 ${i}` };
    case 4:
      // A styled empty cell: EVAL may write into it; 撤销 must give back its style exactly.
      return { fill: pick(rnd, ["#C6EFCE", "#FFC7CE"]), fmt: "0.000", bold: true };
    default:
      return { v: `说明${i}`, fill: "#DDDDDD", note: `备注 ${i}` };
  }
}

export function generate(seed: number): Spec {
  const rnd = prng(seed);
  const n = 3 + Math.floor(rnd() * 20);
  const grid = tableGrid(n);
  const extra: Spec["extra"] = [];
  const taken = new Set<string>();
  const add = (r: number, c: number, cell: UserCell) => {
    const k = `${r},${c}`;
    if (taken.has(k)) return;
    taken.add(k);
    extra.push({ r, c, cell });
  };
  // Right of the table on some rows (the write area moves right of them), below it (around the summary block).
  for (let i = 0; i < 1 + Math.floor(rnd() * 4); i++) add(1 + Math.floor(rnd() * n), 8 + Math.floor(rnd() * 3), userCell(rnd, i));
  for (let i = 0; i < 2 + Math.floor(rnd() * 6); i++) add(n + 1 + Math.floor(rnd() * 8), 7 + Math.floor(rnd() * 8), userCell(rnd, i + 10));
  // Styled empty cells where EVAL's columns may land.
  for (let i = 0; i < Math.floor(rnd() * 4); i++) add(Math.floor(rnd() * (n + 1)), 8 + Math.floor(rnd() * 8), { fill: "#FFEB9C", fmt: "0.0%", bold: rnd() < 0.5 });
  const sheets = [{ name: "汇总-自评表", a1: "用户自己的汇总" }];
  if (rnd() < 0.5) sheets.push({ name: "EVAL撤销记录", a1: "用户的表，名字和 EVAL 的记录一样" });
  return { grid, extra, sheets, mode: rnd() < 0.5 ? "formulas" : "values" };
}

export const addressOf = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;

/** The user's edits after a write-back: on some cells EVAL wrote (value, note, fill) and on some table cells. */
export interface Edit {
  address: string;
  kind: "value" | "note" | "fill" | "formula";
  text: string;
}

export function edits(seed: number, written: string[], tableCells: string[]): Edit[] {
  const rnd = prng(seed * 7 + 1);
  const out: Edit[] = [];
  const seen = new Set<string>();
  for (const a of written) {
    if (rnd() < 0.2 && !seen.has(a)) {
      seen.add(a);
      const kind = pick(rnd, ["value", "note", "fill", "formula"] as const);
      out.push({ address: a, kind, text: kind === "value" ? pick(rnd, ["人工复核意见", "=cmd|'/ccalc'!A1", "99"]) : kind === "note" ? "复核人批注" : kind === "formula" ? '=IF(A1="","","")' : "#00B050" });
    }
  }
  for (const a of tableCells) {
    if (rnd() < 0.05 && !seen.has(a)) {
      seen.add(a);
      out.push({ address: a, kind: "value", text: "用户改过" });
    }
  }
  return out;
}
