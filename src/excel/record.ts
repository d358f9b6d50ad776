/*
 * EVAL's undo record in the workbook, and the current state of the cells a write or an undo touches.
 *
 * Where: custom XML parts (Workbook.customXmlParts, ExcelApi 1.5, within the declared 1.13), namespace RECORD_NS.
 * "Persist add-in state and settings" (office-js-docs-pr docs/develop/persisting-add-in-state-and-configuration.md)
 * names custom XML parts as the way to keep data in an Excel workbook: they are saved inside the file, travel with it,
 * are invisible to the user, read and written inside Excel.run like cells (so the record goes in the same request
 * as the first cells written), and are not part of Excel's undo stack. Document settings (Office.context.document.
 * settings) were not chosen: they are limited to 2 MB per add-in, kept in memory until saveAsync, and live outside
 * Excel.run. Size: no limit is documented for a part, but one request on the web carries at most 5 MB, so the record
 * is split into parts of at most PART_BYTES each (parts carry their index), queued in the write's first chunk(s).
 */
import type { CellState, UndoRecord } from "../engine";
import { decodeRecord, encodeRecord, parseAddress } from "../engine";
import { columnLetters, utf8Length } from "./address";
import { notesOf, payloadBudget } from "./host";

export const RECORD_NS = "urn:eval-addin:undo:1";
/** The most record text one part carries (UTF-8 bytes), well under the web's 5 MB request. */
export const PART_BYTES = 900_000;

export interface RecordParts {
  parts: Excel.CustomXmlPartScopedCollection;
}

/** Sync 1 of an action: ask for EVAL's record parts. */
export function queueRecordParts(context: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(RECORD_NS);
  parts.load("items/id");
  return parts;
}

/** After sync 1: ask for each part's text (read after the next sync by `recordFrom`). */
export function queueRecordXml(parts: Excel.CustomXmlPartScopedCollection): OfficeExtension.ClientResult<string>[] {
  return parts.items.map((p) => p.getXml());
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The record from its parts' XML (in their index order); null when there is none or it cannot be read. */
export function recordFrom(xml: OfficeExtension.ClientResult<string>[]): UndoRecord | null {
  if (xml.length === 0) return null;
  const pieces = xml.map((x) => {
    const m = /<undo[^>]*\si="(\d+)"[^>]*>([\s\S]*)<\/undo>/.exec(x.value ?? "");
    return m ? { i: Number(m[1]), text: unescape(m[2]!) } : { i: -1, text: "" };
  });
  if (pieces.some((p) => p.i < 0)) return null;
  pieces.sort((a, b) => a.i - b.i);
  return decodeRecord(pieces.map((p) => p.text).join(""));
}

/** The record as XML parts, each under PART_BYTES. */
export function recordXml(record: UndoRecord): string[] {
  const text = encodeRecord(record);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + Math.floor(PART_BYTES / 3));
    // Grow the piece while it stays under the byte limit (most of the record is ASCII).
    while (end < text.length && utf8Length(text.slice(start, Math.min(text.length, end + 50_000))) < PART_BYTES) end = Math.min(text.length, end + 50_000);
    out.push(text.slice(start, end));
    start = end;
  }
  return out.map((t, i) => `<undo xmlns="${RECORD_NS}" i="${i}">${escape(t)}</undo>`);
}

/** Queue: remove the old parts, and add the new record's parts (none when the record is empty). */
export function queueSaveRecord(context: Excel.RequestContext, old: Excel.CustomXmlPartScopedCollection, record: UndoRecord): void {
  for (const p of old.items) p.delete();
  if (record.cells.length === 0 && record.sheets.length === 0) return;
  for (const xml of recordXml(record)) context.workbook.customXmlParts.add(xml);
}

/** Request bytes of saving a record (for chunking). */
export function recordBytes(record: UndoRecord): number {
  return recordXml(record).reduce((n, x) => n + utf8Length(x) + 400, 0);
}

// ── Cell states ──────────────────────────────────────────────────────────────────────────────────────────

interface Run {
  sheet: string;
  col: number;
  r1: number;
  r2: number;
}

/** Vertical runs of addresses, per sheet. */
function runsOf(cells: Map<string, Set<string>>): Run[] {
  const runs: Run[] = [];
  for (const [sheet, set] of cells) {
    const pos = [...set].map((a) => parseAddress(a)!).filter(Boolean).sort((p, q) => p.col - q.col || p.row - q.row);
    let cur: Run | null = null;
    for (const p of pos) {
      if (cur && cur.col === p.col && cur.r2 + 1 === p.row) cur.r2 = p.row;
      else {
        cur = { sheet, col: p.col, r1: p.row, r2: p.row };
        runs.push(cur);
      }
    }
  }
  return runs;
}

export interface PendingStates {
  /** Call after the sync: the current state of a cell. */
  state(sheet: string, address: string): CellState;
  /** Whether notes were read (and can be written) on every sheet involved. */
  notes: boolean;
}

type Props = { format?: { fill?: { color?: string; pattern?: string }; font?: { bold?: boolean } } };

/** Response bytes assumed per cell state (values, formulas, formats, fill and bold properties as JSON; ~110 measured on the simulator). */
const STATE_BYTES_PER_CELL = 200;

/**
 * Read every listed cell's value, formula, number format, fill and bold, and (where the host has NoteCollection)
 * the notes' locations (the notes' contents come from `queueNotes`, one sync earlier). Whatever the caller queued
 * before rides on the first sync. The cells go in vertical runs, as many per sync as the payload budget allows
 * (5 MB per response on the web): one sync for a normal plan, more only for tables of many thousand rows.
 */
export async function readStates(context: Excel.RequestContext, sheetOf: (name: string) => Excel.Worksheet, cells: Map<string, Set<string>>, notes: Map<string, NoteList | null>): Promise<PendingStates & { syncs: number }> {
  const perSync = Math.max(1_000, Math.floor(payloadBudget() / STATE_BYTES_PER_CELL));
  const pieces: Run[] = [];
  for (const run of runsOf(cells)) for (let r1 = run.r1; r1 <= run.r2; r1 += perSync) pieces.push({ ...run, r1, r2: Math.min(run.r2, r1 + perSync - 1) });
  const locations = new Map<string, { note: Excel.Note; where: Excel.Range }[]>();
  for (const [sheet, list] of notes) {
    if (!list || !cells.has(sheet)) continue;
    locations.set(sheet, list.items.map((note) => {
      const where = note.getLocation();
      where.load("address");
      return { note, where };
    }));
  }
  const index = new Map<string, CellState>();
  let syncs = 0;
  let i = 0;
  do {
    const batch: Run[] = [];
    let n = 0;
    while (i < pieces.length && (batch.length === 0 || n + (pieces[i]!.r2 - pieces[i]!.r1 + 1) <= perSync)) {
      n += pieces[i]!.r2 - pieces[i]!.r1 + 1;
      batch.push(pieces[i++]!);
    }
    const loaded = batch.map((run) => {
      const range = sheetOf(run.sheet).getRangeByIndexes(run.r1, run.col, run.r2 - run.r1 + 1, 1);
      range.load(["values", "formulas", "numberFormat"]);
      const props = range.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true } } });
      return { run, range, props };
    });
    await context.sync();
    syncs++;
    for (const { run, range, props } of loaded) {
      for (let k = 0; k <= run.r2 - run.r1; k++) {
        const v = range.values[k]?.[0];
        const f = range.formulas[k]?.[0];
        const fmt = (range.numberFormat as string[][])[k]?.[0];
        const p = (props.value as Props[][])[k]?.[0]?.format;
        const fill = p?.fill?.pattern && p.fill.pattern !== "None" && p.fill.color ? `FF${p.fill.color.replace("#", "").toUpperCase()}` : undefined;
        const value = v === "" || v === null || v === undefined ? null : (v as CellState["v"]);
        index.set(`${run.sheet}\u0000${columnLetters(run.col)}${run.r1 + k + 1}`, {
          v: value,
          ...(typeof f === "string" && f.startsWith("=") && f !== v ? { f } : {}),
          ...(fmt && fmt !== "General" ? { fmt } : {}),
          ...(fill ? { fill } : {}),
          ...(p?.font?.bold ? { bold: true } : {}),
        });
      }
    }
  } while (i < pieces.length);
  const noteIndex = new Map<string, string>();
  for (const [sheet, list] of locations) {
    for (const { note, where } of list) noteIndex.set(`${sheet}\u0000${where.address.slice(where.address.lastIndexOf("!") + 1).replace(/\$/g, "")}`, note.content);
  }
  return {
    syncs,
    notes: [...cells.keys()].every((s) => notes.get(s)),
    state(sheet, address) {
      const k = `${sheet}\u0000${address}`;
      const s = index.get(k) ?? { v: null };
      const note = noteIndex.get(k);
      return note !== undefined ? { ...s, note } : s;
    },
  };
}

export type NoteList = Excel.NoteCollection;

/** Queue the load of each sheet's notes (content); null for a sheet where the host has no NoteCollection. */
export function queueNotes(sheetOf: (name: string) => Excel.Worksheet, sheets: Iterable<string>): Map<string, NoteList | null> {
  const out = new Map<string, NoteList | null>();
  for (const s of sheets) {
    const n = notesOf(sheetOf(s));
    if (n) n.load("items/content");
    out.set(s, n);
  }
  return out;
}
