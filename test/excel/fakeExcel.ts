/**
 * A small Excel for gateway tests, built on office-addin-mock: the request context, workbook, worksheets and
 * the read range are OfficeMockObjects (so `load` and `sync` behave as Office.js does: a loaded property is
 * readable only after a sync); ranges taken for writing record what is queued, and each sync applies the queue
 * to an in-memory sheet and measures the request's size. Everything the tests assert is counted here: syncs,
 * request bytes, Excel.run calls, and the cells as Excel would hold them afterwards.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the fake's Office objects close over the fake that records them */
import { OfficeMockObject } from "office-addin-mock";
import type { Grid } from "../../src/engine";
import { columnLetters, parseAddress } from "../../src/engine";

export interface FakeCell {
  v: string | number | boolean | null;
  f?: string;
  fmt?: string;
  fill?: string;
  note?: string;
  bold?: boolean;
}

type Queued = { sheet: string; address: string; key: string; value: unknown };

function cellsOf(address: string): { row: number; col: number }[] {
  const [a, b] = address.split(":");
  const p = parseAddress(a!);
  const q = parseAddress(b ?? a!);
  if (!p || !q) throw new Error(`bad address ${address}`);
  const out: { row: number; col: number }[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push({ row: r, col: c });
  return out;
}

export class FakeExcel {
  syncs = 0;
  runs = 0;
  requestBytes: number[] = [];
  sheets = new Map<string, Map<string, FakeCell>>();
  private queue: Queued[] = [];
  /** What the active sheet's used range returns when read. */
  private read: { grid: Grid; addressText: string } | null = null;

  constructor(readonly notesSupported = true) {}

  /** Load a grid as the active sheet: its cells, merges and fills, as Excel would report them. */
  loadGrid(grid: Grid): void {
    const sheet = new Map<string, FakeCell>();
    grid.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c) sheet.set(`${columnLetters(grid.origin.col + k)}${grid.origin.row + r + 1}`, { ...c });
      }),
    );
    this.sheets.set(grid.sheet, sheet);
    const rows = grid.cells.length;
    const cols = Math.max(...grid.cells.map((r) => r.length));
    const last = `${columnLetters(grid.origin.col + cols - 1)}${grid.origin.row + rows}`;
    this.read = { grid, addressText: `${grid.sheet}!${columnLetters(grid.origin.col)}${grid.origin.row + 1}:${last}` };
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheets.get(sheet)?.get(address);
  }

  /** The `Excel` global: `Excel.run(options, callback)` over a fresh OfficeMockObject context. */
  global(): unknown {
    const fake = this;
    return {
      run: async (a: unknown, b?: unknown) => {
        fake.runs++;
        const f = (typeof a === "function" ? a : b) as (c: unknown) => Promise<unknown>;
        return f(fake.context());
      },
      ChartType: { columnClustered: "ColumnClustered" },
      ChartSeriesBy: { columns: "Columns" },
    };
  }

  /** The `Office` global, for the requirement-set check on notes. */
  office(): unknown {
    return new OfficeMockObject({ context: { requirements: { isSetSupported: () => this.notesSupported } } });
  }

  private writeRange(sheet: string, address: string): unknown {
    const q = (key: string, value: unknown) => this.queue.push({ sheet, address, key, value });
    const fake = this;
    const range = {
      address,
      values: undefined as unknown,
      load() {
        return range;
      },
      format: {
        fill: {
          set color(c: string) {
            q("fill", c);
          },
          clear: () => q("fill", null),
        },
        font: {
          set bold(b: boolean) {
            q("bold", b);
          },
        },
      },
      select: () => q("select", true),
      merge: () => q("merge", true),
    };
    Object.defineProperty(range, "formulas", { set: (v: unknown) => q("formulas", v) });
    Object.defineProperty(range, "numberFormat", { set: (v: unknown) => q("numberFormat", v) });
    // Reading values back (固化) gives what the cells show now; writing them queues plain values.
    let shown: unknown[][] | undefined;
    Object.defineProperty(range, "values", {
      get: () => (shown ??= cellsOf(address).map((p) => [fake.cell(sheet, `${columnLetters(p.col)}${p.row + 1}`)?.v ?? ""])),
      set: (v: unknown) => q("values", v),
    });
    return range;
  }

  private worksheet(name: string): unknown {
    const fake = this;
    return {
      name,
      getRange: (address: string) => fake.writeRange(name, address),
      getRangeByIndexes: (r: number, c: number, h: number, w: number) =>
        fake.writeRange(name, `${columnLetters(c)}${r + 1}:${columnLetters(c + w - 1)}${r + h}`),
      notes: {
        add: (address: string, text: string) => fake.queue.push({ sheet: name, address, key: "note", value: text }),
        getItemOrNullObject: (address: string) => ({ delete: () => fake.queue.push({ sheet: name, address, key: "note", value: null }) }),
      },
      charts: { add: () => ({ title: {}, setPosition: () => undefined }) },
      activate: () => undefined,
      delete: () => fake.sheets.delete(name),
    };
  }

  private context(): unknown {
    const fake = this;
    const g = this.read?.grid;
    const cols = g ? Math.max(...g.cells.map((r) => r.length)) : 0;
    const grid2 = <T,>(f: (c: Grid["cells"][number][number]) => T): T[][] =>
      g ? g.cells.map((row) => Array.from({ length: cols }, (_, k) => f(row[k] ?? null))) : [];
    const merges = g?.merges.map((m) => `${g.sheet}!${columnLetters(g.origin.col + m.c1)}${g.origin.row + m.r1 + 1}:${columnLetters(g.origin.col + m.c2)}${g.origin.row + m.r2 + 1}`) ?? [];
    const used = {
      address: this.read?.addressText ?? "",
      rowIndex: g?.origin.row ?? 0,
      columnIndex: g?.origin.col ?? 0,
      values: grid2((c) => c?.v ?? ""),
      formulas: grid2((c) => c?.f ?? c?.v ?? ""),
      numberFormat: grid2((c) => c?.fmt ?? "General"),
      getMergedAreasOrNullObject: () => ({ load: () => undefined, isNullObject: merges.length === 0, address: merges.join(",") }),
      getCellProperties: () => ({
        value: grid2((c) => ({ format: { fill: c?.fill ? { color: `#${c.fill.slice(-6)}`, pattern: "Solid" } : { color: "#FFFFFF", pattern: "None" } } })),
      }),
    };
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          active: { name: g?.sheet ?? "Sheet1", used },
          getActiveWorksheet: function (this: { active: { getUsedRange?: unknown } }) {
            return this.active;
          },
          getItem: (name: string) => fake.worksheet(name),
          getItemOrNullObject: (name: string) => ({ ...(fake.worksheet(name) as object), isNullObject: !fake.sheets.has(name) }),
          add: (name: string) => {
            fake.sheets.set(name, new Map());
            return fake.worksheet(name);
          },
        },
        getSelectedRange: function (this: { worksheets: { active: { used: unknown } } }) {
          return this.worksheets.active.used;
        },
      },
      sync: async function (this: OfficeMockObject) {
        fake.flush();
        await OfficeMockObject.prototype.sync.call(this);
        // office-addin-mock resolves nested loads in chained promises: let them all settle.
        await new Promise((r) => setImmediate(r));
      },
    }) as unknown as { workbook: { worksheets: { active: { getUsedRange: unknown } } } };
    // getUsedRange lives on the active sheet's mock so that `load` on it is the mock's own.
    const active = context.workbook.worksheets.active as unknown as { used: unknown; getUsedRange: () => unknown };
    active.getUsedRange = () => active.used;
    return context;
  }

  /** One request: apply everything queued since the last sync, and record the request's size. */
  private flush(): void {
    this.syncs++;
    this.requestBytes.push(Buffer.byteLength(JSON.stringify(this.queue)));
    for (const q of this.queue) {
      const sheet = this.sheets.get(q.sheet) ?? this.sheets.set(q.sheet, new Map()).get(q.sheet)!;
      const positions = cellsOf(q.address);
      const top = positions[0]!;
      positions.forEach((p) => {
        const key = `${columnLetters(p.col)}${p.row + 1}`;
        const c: FakeCell = sheet.get(key) ?? { v: null };
        const r = p.row - top.row;
        const k = p.col - top.col;
        if (q.key === "formulas" || q.key === "values") {
          const v = (q.value as unknown[][])[r]?.[k] as string | number | boolean;
          if (typeof v === "string" && v.startsWith("=")) {
            c.f = v;
          } else {
            delete c.f;
            c.v = v === "" ? null : v;
          }
        } else if (q.key === "numberFormat") c.fmt = (q.value as string[][])[r]?.[k];
        else if (q.key === "fill") {
          if (q.value === null) delete c.fill;
          else c.fill = `FF${String(q.value).replace("#", "").toUpperCase()}`;
        } else if (q.key === "note") {
          if (q.value === null) delete c.note;
          else c.note = String(q.value);
        } else if (q.key === "bold") c.bold = Boolean(q.value);
        sheet.set(key, c);
      });
    }
    this.queue = [];
  }
}
