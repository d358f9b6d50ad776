/**
 * EVAL's record of its own cells, kept with the workbook (a custom XML part in Excel, a very hidden sheet in a
 * file) so that 撤销 works after the pane is closed and the workbook reopened, and so that writing back again
 * updates EVAL's cells in place. Pure: the gateways read the cells' current states, call these functions, and
 * carry out the writes they return.
 *
 * A cell is recorded with what it held before EVAL first touched it (in full) and a fingerprint of what EVAL left
 * in it. At 撤销 a cell that still matches the fingerprint is restored; a cell that is back to its original
 * state needs nothing; any other cell was changed by the user since, and is kept and listed.
 */
import type { CellValue, Grid, GridCell } from "./grid";
import { address, parseAddress } from "./grid";
import type { CellWrite, WritePlan } from "./plan";

/** Everything EVAL can read and write in a cell. A blank cell is `{ v: null }`. */
export interface CellState {
  v: CellValue;
  /** Formula with its "=". */
  f?: string;
  /** Number format; absent for General. */
  fmt?: string;
  /** Solid fill ARGB (FFFFE699); absent for none. */
  fill?: string;
  bold?: boolean;
  note?: string;
  /** A threaded comment on the cell (Excel on the web and 365): EVAL never writes a note there. */
  thread?: boolean;
  /**
   * The host's own full record of the cell (the file gateway: ExcelJS value, style and note as JSON), restored
   * verbatim by the gateway that took it, so that borders, fonts and alignment come back too.
   */
  native?: string;
}

/** One cell EVAL wrote. Short keys: the record travels in the workbook. */
export interface RecordCell {
  /** Sheet. */
  s: string;
  /** A1 address. */
  a: string;
  /** The plan that wrote it (`table:Sheet1!A5`, `survey:Sheet1`, `feed:…`): writing that plan again replaces its cells. */
  k: string;
  /** What the cell held before EVAL first wrote it. */
  b: CellState;
  /** Fingerprint of the cell (all but its note) as EVAL left it. */
  w: string;
  /** Fingerprint of the cell's note as EVAL left it, when notes could be read and written. */
  n?: string;
  /** Fingerprint of the content (value or formula) EVAL left, when it wrote content. */
  c?: string;
}

export interface UndoRecord {
  version: 1;
  cells: RecordCell[];
  /** Sheets EVAL created (汇总): 撤销 deletes them. */
  sheets: string[];
}

export const emptyRecord = (): UndoRecord => ({ version: 1, cells: [], sheets: [] });

/** A cell whose content the user changed after EVAL wrote it (kept by 撤销), or a write EVAL did not make. */
export interface HeldCell {
  sheet: string;
  address: string;
  /** What the cell holds now (its value or formula, as text). */
  now: string;
  reason: "edited" | "occupied";
}

// ── Fingerprints ─────────────────────────────────────────────────────────────────────────────────────────

/** 53-bit FNV-style hash in base 36 (two 32-bit FNV-1a lanes): short, and collisions are no practical concern. */
function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0x1fffff) * 0x100000000 + h1).toString(36);
}

/** Content as the host reports it back: formulas without spacing or case differences, numbers to 12 digits. */
function contentKey(s: CellState): string {
  if (s.f) return `f${s.f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase()}`;
  const v = s.v;
  if (v === null || v === "") return "_";
  if (typeof v === "number") return `n${Number(v.toPrecision(12))}`;
  if (typeof v === "boolean") return `b${v}`;
  return `s${v}`;
}

const fmtKey = (s: CellState) => (s.fmt && s.fmt !== "General" ? s.fmt : "");
const fillKey = (s: CellState) => (s.fill ? s.fill.slice(-6).toUpperCase() : "");

export const contentPrint = (s: CellState): string => hash(contentKey(s));
export const cellPrint = (s: CellState): string => hash(`${contentKey(s)}\u0001${fmtKey(s)}\u0001${fillKey(s)}\u0001${s.bold ? 1 : 0}`);
export const notePrint = (s: CellState): string => hash((s.note ?? "").trim());

export function sameState(x: CellState, y: CellState, notes: boolean): boolean {
  return cellPrint(x) === cellPrint(y) && (!notes || notePrint(x) === notePrint(y));
}

/** Whether a cell holds anything of the user's that a value must not replace: content, a formula (even one that shows ""), a note, a thread. */
export function occupied(s: CellState): boolean {
  return (s.v !== null && s.v !== "") || Boolean(s.f) || Boolean(s.note) || Boolean(s.thread);
}

/** The cell after a write (attributes the write does not set stay as they are). Content writes always set the format. */
export function afterWrite(cur: CellState, w: CellWrite): CellState {
  const out: CellState = { ...cur };
  if (w.formula !== undefined) {
    out.f = `=${w.formula.replace(/^=/, "")}`;
    out.v = w.value ?? null;
  } else if (w.value !== undefined) {
    delete out.f;
    out.v = w.value === "" ? null : w.value;
  }
  if (w.numFmt !== undefined) {
    if (w.numFmt && w.numFmt !== "General") out.fmt = w.numFmt;
    else delete out.fmt;
  }
  if (w.fill !== undefined) {
    if (w.fill) out.fill = w.fill;
    else delete out.fill;
  }
  if (w.bold !== undefined) {
    if (w.bold) out.bold = true;
    else delete out.bold;
  }
  if (w.note !== undefined) {
    if (w.note) out.note = w.note;
    else delete out.note;
  }
  return out;
}

/** The write that puts a cell back in `to` from `cur`: only the attributes that differ. */
export function restoreWrite(sheetRow: number, sheetCol: number, addr: string, cur: CellState, to: CellState, notes: boolean): CellWrite {
  const w: CellWrite = { row: sheetRow, col: sheetCol, address: addr, restoreTo: to, before: { v: cur.v, ...(cur.f ? { f: cur.f } : {}), fill: cur.fill ?? null, note: cur.note ?? null } };
  if (contentKey(cur) !== contentKey(to) || fmtKey(cur) !== fmtKey(to)) {
    if (to.f) {
      w.formula = to.f;
      w.value = to.v;
    } else w.value = to.v;
    w.numFmt = to.fmt ?? "General";
  }
  if (fillKey(cur) !== fillKey(to)) w.fill = to.fill ?? null;
  if (Boolean(cur.bold) !== Boolean(to.bold)) w.bold = Boolean(to.bold);
  if (notes && (cur.note ?? "").trim() !== (to.note ?? "").trim()) w.note = to.note ?? null;
  return w;
}

const key = (sheet: string, addr: string) => `${sheet}\u0000${addr}`;
const shown = (s: CellState) => (s.f ? s.f : s.v === null ? "" : String(s.v));

// ── Writing ──────────────────────────────────────────────────────────────────────────────────────────────

export interface WriteDecision {
  /** The writes to make, per sheet: restores of EVAL's stale cells first, then the plans' writes that are allowed. */
  plans: WritePlan[];
  /** The record to save before the first write. */
  record: UndoRecord;
  /** Writes not made: the cell holds the user's content (or the user changed EVAL's cell since). */
  held: HeldCell[];
}

/**
 * Decide a write-back against the cells' current states and the workbook's record. A plan's cell that holds the
 * user's content (any value, any formula, a note) is not written unless the write is `confirmed` (the user saw old
 * and new); fill-only writes mark the user's cells and are allowed; a note is never written over the user's note
 * or threaded comment. A cell EVAL wrote before and the user has not changed is written in place (its original
 * state stays in the record). A cell of an earlier run of the same plan (`plan.key`) that the new run does not
 * write is restored. `states` gives the current state of every plan cell and every recorded cell of those keys.
 */
export function decideWrite(plans: WritePlan[], old: UndoRecord, states: (sheet: string, addr: string) => CellState, notes: boolean): WriteDecision {
  const recorded = new Map(old.cells.map((c) => [key(c.s, c.a), c]));
  const keys = new Set(plans.map((p) => p.key).filter((k): k is string => Boolean(k)));
  const next = new Map<string, RecordCell>();
  const held: HeldCell[] = [];
  const out = new Map<string, CellWrite[]>();
  const push = (sheet: string, w: CellWrite) => (out.get(sheet) ?? out.set(sheet, []).get(sheet)!).push(w);
  const planned = new Set<string>();
  for (const p of plans) for (const w of p.writes) planned.add(key(p.sheet, w.address));

  // EVAL's cells from an earlier run of these plans that this run does not write: restored, or kept if edited.
  const restores: { sheet: string; w: CellWrite }[] = [];
  for (const c of old.cells) {
    const k = key(c.s, c.a);
    if (!keys.has(c.k) || planned.has(k)) {
      if (!planned.has(k)) next.set(k, c);
      continue;
    }
    const cur = states(c.s, c.a);
    const pos = parseAddress(c.a)!;
    if (isEvals(cur, c, notes)) restores.push({ sheet: c.s, w: restoreWrite(pos.row, pos.col, c.a, cur, c.b, notes) });
    else if (!sameState(cur, c.b, notes)) next.set(k, c); // changed by the user: stays recorded, 撤销 lists it
  }
  for (const r of restores) push(r.sheet, r.w);

  for (const p of plans) {
    for (const w0 of p.writes) {
      const k = key(p.sheet, w0.address);
      const cur = states(p.sheet, w0.address);
      const prev = recorded.get(k);
      const evals = prev !== undefined && (isEvals(cur, prev, notes) || sameState(cur, prev.b, notes));
      const writesContent = w0.value !== undefined || w0.formula !== undefined;
      if (prev && !evals) {
        held.push({ sheet: p.sheet, address: w0.address, now: shown(cur), reason: "edited" });
        next.set(k, prev);
        continue;
      }
      if (!prev && writesContent && occupied(cur) && !w0.confirmed) {
        held.push({ sheet: p.sheet, address: w0.address, now: shown(cur), reason: "occupied" });
        continue;
      }
      const w: CellWrite = { ...w0, before: { v: cur.v, ...(cur.f ? { f: cur.f } : {}), fill: cur.fill ?? null, note: cur.note ?? null } };
      // Taking away a fill or note the cell does not have is no change (and nothing to send).
      if (w.fill === null && !cur.fill) delete w.fill;
      if (w.note === null && !cur.note) delete w.note;
      // Never a note over the user's note or a threaded comment (a cell cannot carry both in Excel).
      if (w.note !== undefined && (cur.thread || (!prev && cur.note && !w0.confirmed) || !notes)) delete w.note;
      // Content writes set the format too, so that what the cell shows afterwards is known exactly.
      if (writesContent && w.numFmt === undefined) w.numFmt = cur.fmt ?? "General";
      const after = afterWrite(cur, w);
      const before = prev ? prev.b : cur;
      next.set(k, {
        s: p.sheet,
        a: w.address,
        k: p.key ?? "",
        b: before,
        w: cellPrint(after),
        ...(notes ? { n: notePrint(after) } : {}),
        ...(writesContent || prev?.c ? { c: contentPrint(after) } : {}),
      });
      push(p.sheet, w);
    }
  }
  const order = [...new Set([...restores.map((r) => r.sheet), ...plans.map((p) => p.sheet)])];
  return { plans: order.map((sheet) => ({ sheet, writes: out.get(sheet) ?? [] })).filter((p) => p.writes.length > 0), record: { version: 1, cells: [...next.values()], sheets: [...old.sheets] }, held };
}

function isEvals(cur: CellState, c: RecordCell, notes: boolean): boolean {
  return cellPrint(cur) === c.w && (!notes || c.n === undefined || notePrint(cur) === c.n);
}

// ── Undoing ──────────────────────────────────────────────────────────────────────────────────────────────

export interface UndoDecision {
  plans: WritePlan[];
  /** Cells the user changed after EVAL wrote them: kept as the user left them. */
  kept: HeldCell[];
  /** Sheets EVAL created, to delete. */
  sheets: string[];
  restored: number;
}

/** 撤销: restore every recorded cell that still holds what EVAL left; keep and list the ones the user changed. */
export function decideUndo(record: UndoRecord, states: (sheet: string, addr: string) => CellState, notes: boolean): UndoDecision {
  const out = new Map<string, CellWrite[]>();
  const kept: HeldCell[] = [];
  let restored = 0;
  const created = new Set(record.sheets);
  for (const c of record.cells) {
    if (created.has(c.s)) continue; // the sheet goes altogether
    const cur = states(c.s, c.a);
    if (sameState(cur, c.b, notes && c.n !== undefined)) continue;
    if (!isEvals(cur, c, notes)) {
      kept.push({ sheet: c.s, address: c.a, now: shown(cur), reason: "edited" });
      continue;
    }
    const pos = parseAddress(c.a)!;
    (out.get(c.s) ?? out.set(c.s, []).get(c.s)!).push(restoreWrite(pos.row, pos.col, c.a, cur, c.b, notes && c.n !== undefined));
    restored++;
  }
  return { plans: [...out].map(([sheet, writes]) => ({ sheet, writes })), kept, sheets: [...record.sheets], restored };
}

/** The cells a decision needs to read: every plan cell and every recorded cell, by sheet. */
export function cellsToRead(plans: WritePlan[], record: UndoRecord): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (s: string, a: string) => (m.get(s) ?? m.set(s, new Set()).get(s)!).add(a);
  for (const p of plans) for (const w of p.writes) add(p.sheet, w.address);
  for (const c of record.cells) if (!record.sheets.includes(c.s)) add(c.s, c.a);
  return m;
}

// ── The grid as the user's table ─────────────────────────────────────────────────────────────────────────

/**
 * The grid with EVAL's own cells (still as EVAL left them) shown as they were before EVAL wrote them, so that
 * detection reads the user's table and a new plan lands on the same columns. A recorded cell the user changed
 * keeps the user's content and is marked `evalWrote` (free for placement; the gateway will not write over it).
 */
export function userView(grid: Grid, record: UndoRecord | null): Grid {
  if (!record || record.cells.length === 0) return grid;
  const mine = record.cells.filter((c) => c.s === grid.sheet);
  if (mine.length === 0) return grid;
  const cells = grid.cells.map((r) => [...r]);
  for (const c of mine) {
    const p = parseAddress(c.a);
    if (!p) continue;
    const r = p.row - grid.origin.row;
    const k = p.col - grid.origin.col;
    if (r < 0 || k < 0) continue;
    const cur = cells[r]?.[k] ?? null;
    const state: CellState = cur ? { v: cur.v, ...(cur.f ? { f: cur.f } : {}) } : { v: null };
    if (!c.c || contentPrint(state) === c.c) {
      const b = c.b;
      const g: GridCell | null = occupied(b) || b.fill || b.fmt ? { v: b.v, ...(b.f ? { f: b.f } : {}), ...(b.fmt ? { fmt: b.fmt } : {}), ...(b.fill ? { fill: b.fill } : {}), ...(b.note ? { note: b.note } : {}) } : null;
      while (cells.length <= r) cells.push([]);
      cells[r]![k] = g;
    } else if (cur) {
      cells[r]![k] = { ...cur, evalWrote: true };
    }
  }
  return { ...grid, cells };
}

// ── Storage ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The record as text: JSON with cells grouped by sheet and plan key. About 60–90 bytes per cell EVAL wrote
 * into a blank cell (address and two or three fingerprints), plus the original state of cells that held something.
 */
export function encodeRecord(r: UndoRecord): string {
  const groups = new Map<string, { s: string; k: string; cells: unknown[] }>();
  for (const c of r.cells) {
    const g = groups.get(key(c.s, c.k)) ?? groups.set(key(c.s, c.k), { s: c.s, k: c.k, cells: [] }).get(key(c.s, c.k))!;
    const blank = c.b.v === null && Object.keys(c.b).length === 1;
    g.cells.push([c.a, c.w, c.n ?? 0, c.c ?? 0, ...(blank ? [] : [c.b])]);
  }
  return JSON.stringify({ v: 1, sheets: r.sheets, g: [...groups.values()] });
}

/** The record from its text; an unreadable or foreign text is no record (null), never an exception. */
export function decodeRecord(text: string | null | undefined): UndoRecord | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as { v?: number; sheets?: unknown; g?: { s: string; k: string; cells: unknown[][] }[] };
    if (o.v !== 1 || !Array.isArray(o.g)) return null;
    const cells: RecordCell[] = [];
    for (const g of o.g) {
      for (const x of g.cells) {
        const [a, w, n, c, b] = x as [string, string, string | 0, string | 0, CellState | undefined];
        cells.push({ s: g.s, k: g.k, a, w, ...(n ? { n } : {}), ...(c ? { c } : {}), b: b ?? { v: null } });
      }
    }
    return { version: 1, cells, sheets: Array.isArray(o.sheets) ? o.sheets.map(String) : [] };
  } catch {
    return null;
  }
}

/** A free sheet name: `base`, else `base (2)`, `base (3)` … (31 characters at most, as Excel requires). */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  const b = base.slice(0, 31);
  if (!taken(b)) return b;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(name)) return name;
  }
}

/** A sheet cell's address from 0-based sheet coordinates (for gateways that hold sheet positions). */
export function sheetAddress(row: number, col: number): string {
  return address({ sheet: "", origin: { row: 0, col: 0 }, cells: [], merges: [] }, row, col);
}
