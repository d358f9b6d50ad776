import { columnLetters } from "../../../src/engine";
/** Put an engine Grid (as the ExcelJS reader gives it) into the simulator as the active sheet. */
import type { Grid } from "../../../src/engine";
import type { ExcelSimulator, Profile } from "./host";

export const PROFILES: Profile[] = ["desktop", "web"];

export function loadGrid(sim: ExcelSimulator, grid: Grid): void {
  const sheet = sim.activate(grid.sheet);
  grid.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c) return;
      const cell = sheet.at(grid.origin.row + r, grid.origin.col + k);
      cell.v = c.v === null ? "" : c.v;
      if (c.f) cell.f = c.f.startsWith("=") ? c.f : `=${c.f}`;
      if (c.fmt && c.fmt !== "General") cell.fmt = c.fmt;
      if (c.fill) cell.fill = `#${c.fill.slice(-6).toUpperCase()}`;
      if (c.note) cell.note = c.note;
    }),
  );
  for (const m of grid.merges) sheet.merges.push({ r1: grid.origin.row + m.r1, c1: grid.origin.col + m.c1, r2: grid.origin.row + m.r2, c2: grid.origin.col + m.c2 });
  const rows = grid.cells.length;
  const cols = Math.max(1, ...grid.cells.map((r) => r.length));
  sim.select(`${letters(grid.origin.col)}${grid.origin.row + 1}:${letters(grid.origin.col + cols - 1)}${grid.origin.row + Math.max(rows, 1)}`);
}

const letters = columnLetters;
