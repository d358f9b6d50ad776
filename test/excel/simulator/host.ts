/**
 * A strict simulator of the Excel JavaScript API subset that src/excel uses, over the in-memory workbook of
 * model.ts, with two profiles: "desktop" (Windows/Mac) and "web" (Excel on the web).
 *
 * It is strict where Microsoft documents a behaviour, and each rule cites its source:
 *   [model]      "Application-specific API model" — office-js-docs-pr docs/develop/application-specific-api-model.md
 *   [limits]     "Resource limits and performance optimization" — docs/concepts/resource-limits-and-performance-optimization.md
 *   [perf]       "Performance optimization using the Excel JavaScript API" — docs/excel/performance.md
 *   [errors]     "Error handling with the application-specific JavaScript APIs" — docs/testing/application-specific-api-error-handling.md
 *   [unbounded]  "Read or write to an unbounded range" — docs/excel/excel-add-ins-ranges-unbounded.md
 *   [blank]      "Blank and null values in Excel add-ins" — docs/excel/excel-add-ins-blank-null-values.md
 *   [workbooks]  "Work with workbooks" — docs/excel/excel-add-ins-workbooks.md
 *   [multi]      "Work with multiple ranges simultaneously" — docs/excel/excel-add-ins-multiple-ranges.md
 *   [notes]      "Manage notes" — docs/excel/excel-add-ins-notes.md
 *   [ref]        API reference YAML, office-js-docs-reference docs/docs-ref-autogen/excel/excel/*.yml (API sets per member)
 *   [#3611]      OfficeDev/office-js issue 3611 (and 1590): getMergedAreasOrNullObject returns only merges whose top-left is in the range
 * Where Excel's behaviour is not documented the simulator is permissive and says so ("undocumented").
 *
 * Payload sizes: each sync's request is serialised as JSON in the shape of Office.js's rich-API message
 * (Actions + ObjectPaths, with ids, types, names and arguments) and its response as the loaded values; both
 * are measured in UTF-8 bytes, as they travel over HTTP. On the web profile a request or response over
 * 5,000,000 bytes fails ([limits], [perf]: "5 MB"; we read MB as 10^6, the stricter reading). The desktop
 * profile has no documented payload limit and enforces none.
 */
import { MAX_COLS, MAX_ROWS, a1, cols, intersect, parseArea, rows, type Rect } from "../../../src/excel/address";
import { SimSheet, addressOf, entered, type Scalar, type SimCell } from "./model";

export type Profile = "desktop" | "web";

export interface SimOptions {
  profile: Profile;
  /** The highest ExcelApi set the host supports (isSetSupported answers by it). Default "1.20". */
  excelApi?: string;
  /**
   * false: the loaded office.js script predates NoteCollection (as @microsoft/office-js 1.1.110's Excel host
   * scripts do), so `worksheet.notes` is undefined even when the host says ExcelApi 1.18 is supported.
   */
  scriptHasNotes?: boolean;
  /**
   * The ExcelApi version the loaded office.js script knows (default: all): objects and methods newer than it are
   * undefined in the script, whatever the host supports (getSelectedRanges 1.9, notes 1.18 …).
   */
  scriptApi?: string;
  /** Override the payload limit (bytes); default 5,000,000 on the web, none on the desktop. */
  payloadLimit?: number;
}

/** The shape of OfficeExtension.Error: a code, a message and debugInfo with the failing call. */
export class SimError extends Error {
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    public code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** [ref] excel.range.yml, Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512 … fail". */
export const MERGED_AREAS_LIMIT = 512;
/** [limits], [perf]: "a range is limited to five million cells for get operations" (all platforms). */
export const READ_CELL_LIMIT = 5_000_000;
export const WEB_PAYLOAD_LIMIT = 5_000_000;

const NULL = Symbol("null object");

interface PathNode {
  id: number;
  parent?: PathNode;
  name: string;
  args: unknown[];
  api?: string;
  /** Resolve to the host object (or NULL) when an action needs it; memoised so an object keeps its identity. */
  resolve?: () => unknown;
}

interface Action {
  id: number;
  kind: "set" | "call" | "load";
  path: PathNode;
  name: string;
  args: unknown[];
  api?: string;
  /** Runs against the resolved target; a load returns what the response carries. */
  run: (target: unknown) => unknown;
  /** The proxy that receives a load's result. */
  into?: ClientObject | ClientResult;
}

interface RangeRef {
  kind: "range";
  sheet: SimSheet;
  rect: Rect;
}
interface AreasRef {
  kind: "areas";
  sheet: SimSheet;
  rects: Rect[];
}

function versionAtLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

const isUnbounded = (r: Rect) => (r.r1 === 0 && r.r2 === MAX_ROWS - 1) || (r.c1 === 0 && r.c2 === MAX_COLS - 1);
const cellCount = (r: Rect) => rows(r) * cols(r);

export class ExcelSimulator {
  readonly profile: Profile;
  readonly excelApi: string;
  readonly scriptHasNotes: boolean;
  readonly scriptApi: string;
  readonly payloadLimit: number;
  sheets = new Map<string, SimSheet>();
  /** [ref] the workbook's custom XML parts (Workbook.customXmlParts, ExcelApi 1.5). */
  customXmlParts: SimXmlPart[] = [];
  activeSheet = "Sheet1";
  /** Areas of the current selection on the active sheet (A1, no sheet). */
  selection: string[] = ["A1"];
  /** What the tests assert: one entry per Excel.run, per sync, and each sync's payload sizes. */
  stats = { runs: 0, syncs: 0, requestBytes: [] as number[], responseBytes: [] as number[] };
  /** Behaviours met that Microsoft does not document (the simulator allowed them). */
  undocumented: string[] = [];
  private nextId = 1;

  constructor(options: SimOptions) {
    this.profile = options.profile;
    this.excelApi = options.excelApi ?? "1.20";
    this.scriptApi = options.scriptApi ?? "99.0";
    this.scriptHasNotes = (options.scriptHasNotes ?? true) && versionAtLeast(this.scriptApi, "1.18");
    this.payloadLimit = options.payloadLimit ?? (options.profile === "web" ? WEB_PAYLOAD_LIMIT : Infinity);
    this.sheets.set("Sheet1", new SimSheet("Sheet1"));
  }

  // ── Setting up the workbook (what the user did before the add-in ran) ──────────────────────────────────

  sheet(name: string): SimSheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = new SimSheet(name);
      this.sheets.set(name, s);
    }
    return s;
  }

  /** Make `name` the only (or the active) sheet. */
  activate(name: string): SimSheet {
    const s = this.sheet(name);
    this.activeSheet = name;
    if (this.sheets.has("Sheet1") && name !== "Sheet1" && this.sheets.get("Sheet1")!.cells.size === 0) this.sheets.delete("Sheet1");
    return s;
  }

  /** Type text into a cell as a user would: "96%" → 0.96 with "0%", "2024-11-20" → 45616, "=…" → formula. */
  type(sheet: string, address: string, text: Scalar): SimCell {
    const r = parseArea(address);
    if (!r) throw new Error(`bad address ${address}`);
    const cell = this.sheet(sheet).at(r.r1, r.c1);
    const e = entered(text, cell.fmt);
    cell.v = e.v;
    if (e.f) cell.f = e.f;
    else delete cell.f;
    if (e.fmt) cell.fmt = e.fmt;
    return cell;
  }

  merge(sheet: string, address: string): void {
    const r = parseArea(address);
    if (!r) throw new Error(`bad address ${address}`);
    this.sheet(sheet).merges.push(r);
  }

  select(...areas: string[]): void {
    this.selection = areas;
  }

  /** Handlers registered through Workbook.onSelectionChanged (live once their add() has been synced). */
  selectionHandlers: ((args: { type: string }) => Promise<unknown> | void)[] = [];

  /**
   * The user selects a cell or range (on another sheet too): the selection changes, then every registered
   * handler runs ([ref] Workbook.onSelectionChanged, ExcelApi 1.2: "Occurs when the selection in the document is
   * changed"; its WorkbookSelectionChangedEventArgs carry only `workbook` and `type`, not the address).
   */
  async userSelects(sheet: string, ...areas: string[]): Promise<void> {
    this.activeSheet = sheet;
    this.sheet(sheet);
    this.selection = areas;
    for (const h of [...this.selectionHandlers]) await h({ type: "WorkbookSelectionChanged" });
  }

  supports(version: string): boolean {
    return versionAtLeast(this.excelApi, version);
  }

  // ── The globals ───────────────────────────────────────────────────────────────────────────────────────

  /** Set globalThis.Excel and globalThis.Office; returns a function that removes them. */
  install(): () => void {
    const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    g.Excel = this.excelGlobal();
    g.Office = this.officeGlobal();
    return () => {
      delete g.Excel;
      delete g.Office;
    };
  }

  excelGlobal(): unknown {
    return {
      run: async (a: unknown, b?: unknown) => {
        const batch = (typeof a === "function" ? a : b) as (c: RequestContext) => Promise<unknown>;
        this.stats.runs++;
        // [ref] Excel.run(context, batch): a batch may run in an existing context (as event-handler removal does).
        const context = a instanceof RequestContext ? a : new RequestContext(this);
        const result = await batch(context);
        // Excel.run syncs what the batch left queued.
        if (context.pending.length > 0) await context.sync();
        return result;
      },
      ChartType: { columnClustered: "ColumnClustered" },
      ChartSeriesBy: { columns: "Columns", rows: "Rows", auto: "Auto" },
    };
  }

  officeGlobal(): unknown {
    const platform = this.profile === "web" ? "OfficeOnline" : "PC";
    return {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
      onReady: async () => ({ host: "Excel", platform }),
      context: {
        platform,
        displayLanguage: "zh-CN",
        diagnostics: { platform },
        requirements: {
          // [ref] requirement sets: the host answers for what it implements, whatever script is loaded.
          isSetSupported: (name: string, version?: string) => {
            if (name === "ExcelApi") return versionAtLeast(this.excelApi, version ?? "1.1");
            if (name === "SharedRuntime" || name === "CustomFunctionsRuntime") return true;
            return false;
          },
        },
      },
    };
  }

  // ── Paths, actions and the sync ───────────────────────────────────────────────────────────────────────

  newPath(parent: PathNode | undefined, name: string, args: unknown[], resolve?: () => unknown, api?: string): PathNode {
    return { id: this.nextId++, ...(parent ? { parent } : {}), name, args, ...(resolve ? { resolve } : {}), ...(api ? { api } : {}) };
  }
  newActionId(): number {
    return this.nextId++;
  }

  /** One request: measure it, run its actions in order, measure the response, hand loaded values back. */
  async execute(context: RequestContext, actions: Action[]): Promise<void> {
    this.stats.syncs++;
    const request = this.serialise(actions);
    const reqBytes = Buffer.byteLength(request, "utf8");
    this.stats.requestBytes.push(reqBytes);
    // [limits] [errors]: RequestPayloadSizeLimitExceeded, "only occurs in Office on the web".
    if (reqBytes > this.payloadLimit) {
      this.stats.responseBytes.push(0);
      throw new SimError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${reqBytes} bytes).`);
    }
    const results: { into: ClientObject | ClientResult; value: unknown; isNull: boolean }[] = [];
    const nullChecked: ClientObject[] = [];
    for (const a of actions) {
      // [errors] ApiNotFound: "It may be available in a newer version of the Office application."
      if (a.api && !this.supports(a.api)) throw new SimError("ApiNotFound", `${a.name} needs ExcelApi ${a.api}.`, a.name);
      try {
        const target = context.resolve(a.path);
        if (target === NULL) {
          // A set or method call on a null object does nothing: Microsoft's own examples rely on it ([ref]
          // excel.worksheet.yml and excel.chartseriesby.yml call getItemOrNullObject("Sample").delete() on a
          // sheet that may not exist). A load on a null object brings no values.
          if (a.into) results.push({ into: a.into, value: undefined, isNull: true });
          continue;
        }
        const value = a.run(target);
        if (a.into) results.push({ into: a.into, value, isNull: false });
      } catch (e) {
        // The batch stops at the first failing command; the commands before it stay applied.
        if (e instanceof SimError) e.debugInfo.errorLocation ??= a.name;
        throw e;
      }
    }
    for (const o of context.nullables) {
      const target = context.resolve(o._path);
      nullChecked.push(o);
      o._isNull = target === NULL;
    }
    const response = JSON.stringify(results.map((r) => ({ Value: r.value ?? null })));
    const resBytes = Buffer.byteLength(response, "utf8");
    this.stats.responseBytes.push(resBytes);
    // [limits] [errors]: ResponsePayloadSizeLimitExceeded, "only occurs in Office on the web".
    if (resBytes > this.payloadLimit) {
      throw new SimError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${resBytes} bytes).`);
    }
    for (const r of results) r.into._receive(r.value, r.isNull);
    for (const o of nullChecked) o._nullKnown = true;
  }

  private serialise(actions: Action[]): string {
    const paths = new Map<number, unknown>();
    const addPath = (p: PathNode | undefined): void => {
      for (let q = p; q && !paths.has(q.id); q = q.parent) {
        paths.set(q.id, { Id: q.id, ObjectPathType: q.parent ? 3 : 1, Name: q.name, ...(q.parent ? { ParentObjectPathId: q.parent.id } : {}), ArgumentInfo: { Arguments: q.args.map(argOf) } });
      }
    };
    const list = actions.map((a) => {
      addPath(a.path);
      return { Id: a.id, ActionType: a.kind === "set" ? 4 : a.kind === "call" ? 3 : 2, Name: a.name, ObjectPathId: a.path.id, ArgumentInfo: { Arguments: a.args.map(argOf) } };
    });
    return JSON.stringify({ Actions: list, ObjectPaths: Object.fromEntries(paths) });
  }
}

function argOf(x: unknown): unknown {
  return x instanceof ClientObject ? { ObjectPathId: x._path.id } : x;
}

// ── Proxy objects ─────────────────────────────────────────────────────────────────────────────────────────

export class RequestContext {
  pending: Action[] = [];
  nullables: ClientObject[] = [];
  private memo = new Map<number, unknown>();
  readonly workbook: Workbook;
  constructor(readonly host: ExcelSimulator) {
    const root = host.newPath(undefined, "Workbook", [], () => "workbook");
    this.workbook = new Workbook(this, root);
  }

  resolve(p: PathNode): unknown {
    if (this.memo.has(p.id)) return this.memo.get(p.id);
    if (p.api && !this.host.supports(p.api)) throw new SimError("ApiNotFound", `${p.name} needs ExcelApi ${p.api}.`, p.name);
    if (p.parent && this.resolve(p.parent) === NULL) {
      this.memo.set(p.id, NULL);
      return NULL;
    }
    if (!p.resolve) throw new SimError("InvalidObjectPath", `The object ${p.name} was used before it was created.`, p.name);
    let v: unknown;
    try {
      v = p.resolve();
    } catch (e) {
      if (e instanceof SimError) e.debugInfo.errorLocation ??= p.name;
      throw e;
    }
    this.memo.set(p.id, v);
    return v;
  }
  setResolved(p: PathNode, v: unknown): void {
    this.memo.set(p.id, v);
  }

  /** [model]: queued commands run, and loaded properties arrive, at sync. */
  async sync(): Promise<void> {
    const actions = this.pending;
    this.pending = [];
    const nullables = this.nullables;
    try {
      await this.host.execute(this, actions);
    } finally {
      this.nullables = nullables.filter((o) => !o._nullKnown);
    }
    await new Promise((r) => setTimeout(r, 0)); // (setTimeout, not setImmediate: the pane's tests run it under jsdom)
  }

  queue(a: Omit<Action, "id">): void {
    this.pending.push({ id: this.host.newActionId(), ...a });
  }
}

function notLoaded(prop: string): never {
  // The error Office.js throws (its code is PropertyNotLoaded) for a property read before load + sync. [model]
  throw new SimError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

function propsOf(arg: string | string[] | undefined): string[] {
  if (arg === undefined) return [];
  const list = Array.isArray(arg) ? arg : arg.split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

abstract class ClientObject {
  _loaded = new Map<string, unknown>();
  _isNull = false;
  _nullKnown = false;
  constructor(
    readonly _ctx: RequestContext,
    readonly _path: PathNode,
  ) {}
  get context(): RequestContext {
    return this._ctx;
  }
  protected get host(): ExcelSimulator {
    return this._ctx.host;
  }
  /** [ref] ClientObject.isNullObject: "You must call context.sync() before reading the isNullObject property." */
  get isNullObject(): boolean {
    if (!this._nullKnown) notLoaded("isNullObject");
    return this._isNull;
  }
  protected read<T>(prop: string): T {
    if (!this._loaded.has(prop)) notLoaded(prop);
    return this._loaded.get(prop) as T;
  }
  protected write(prop: string, value: unknown, apply: (target: never, value: unknown) => void, api?: string): void {
    // Office.js keeps the value set on the proxy as well as sending it.
    this._loaded.set(prop, value);
    this._ctx.queue({ kind: "set", path: this._path, name: prop, args: [value], ...(api ? { api } : {}), run: (t) => apply(t as never, value) });
  }
  protected call(name: string, args: unknown[], run: (target: never) => unknown, api?: string): void {
    this._ctx.queue({ kind: "call", path: this._path, name, args, ...(api ? { api } : {}), run: (t) => run(t as never) });
  }
  protected child<T extends ClientObject>(Cls: new (ctx: RequestContext, p: PathNode) => T, name: string, args: unknown[], resolve: (parent: never) => unknown, api?: string, nullable = false): T {
    const ctx = this._ctx;
    const parent = this._path;
    const p = this.host.newPath(parent, name, args, () => resolve(ctx.resolve(parent) as never), api);
    const o = new Cls(ctx, p);
    if (nullable) ctx.nullables.push(o);
    return o;
  }
  /** Queue a load of the named properties; each class says how to read one from its host object. */
  load(props?: string | string[]): this {
    const list = propsOf(props);
    this._ctx.queue({ kind: "load", path: this._path, name: "Load", args: [list.join(",")], into: this, run: (t) => Object.fromEntries(list.map((p) => [p, p === "items" || p.startsWith("items/") ? this._loadItems(t, p) : this._snapshot(t, p)])) });
    return this;
  }
  /** [model] A collection's `items` (with the named item properties), loaded like any property. */
  protected _loadItems(_target: unknown, prop: string): unknown {
    throw new SimError("InvalidArgument", `The property '${prop}' cannot be loaded here.`);
  }
  _receive(value: unknown, isNull: boolean): void {
    if (isNull) return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) this._loaded.set(k, v);
  }
  protected _snapshot(_target: unknown, prop: string): unknown {
    throw new SimError("InvalidArgument", `The property '${prop}' cannot be loaded here.`);
  }
  toJSON(): unknown {
    return Object.fromEntries(this._loaded);
  }
}

/** The result of a method returning data (getCellProperties): `value` is readable after sync. [model] */
export class ClientResult<T = unknown> {
  private got = false;
  private v: T | undefined;
  get value(): T {
    // Office.js: reading ClientResult.value before sync throws (ValueNotLoaded).
    if (!this.got) throw new SimError("ValueNotLoaded", "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.");
    return this.v as T;
  }
  _receive(value: unknown): void {
    this.got = true;
    this.v = value as T;
  }
}

/**
 * A collection whose `items` can be loaded ([model]: "load('items/name')"): the items are the host objects present
 * at the sync, each with the item properties asked for.
 */
abstract class SimCollection<T extends ClientObject> extends ClientObject {
  private refs: unknown[] = [];
  private itemProxies: T[] | null = null;
  protected abstract itemClass(): new (ctx: RequestContext, p: PathNode) => T;
  protected abstract itemRefs(target: unknown): unknown[];
  protected abstract itemSnapshot(ref: unknown, prop: string): unknown;
  protected override _loadItems(target: unknown, prop: string): unknown {
    this.refs = this.itemRefs(target);
    this.itemProxies = null;
    const sub = prop.includes("/") ? prop.slice(prop.indexOf("/") + 1).split(",") : [];
    return this.refs.map((r) => Object.fromEntries(sub.map((p) => [p, this.itemSnapshot(r, p)])));
  }
  get items(): T[] {
    const key = [...this._loaded.keys()].find((k) => k === "items" || k.startsWith("items/"));
    if (!key) notLoaded("items");
    if (!this.itemProxies) {
      const values = this._loaded.get(key) as Record<string, unknown>[];
      const Cls = this.itemClass();
      this.itemProxies = this.refs.map((ref, i) => {
        const o = new Cls(this._ctx, this.host.newPath(this._path, "_Item", [i], () => ref));
        for (const [k, v] of Object.entries(values[i] ?? {})) o._loaded.set(k, v);
        return o;
      });
    }
    return this.itemProxies;
  }
}

class Workbook extends ClientObject {
  get worksheets(): WorksheetCollection {
    return this.child(WorksheetCollection, "Worksheets", [], () => "worksheets");
  }
  /** [ref] Workbook.getSelectedRange; [workbooks]: "If multiple ranges are selected, the method throws an InvalidSelection error." */
  getSelectedRange(): Range {
    return this.child(Range, "GetSelectedRange", [], () => {
      const sheet = this.host.sheet(this.host.activeSheet);
      if (this.host.selection.length !== 1) throw new SimError("InvalidSelection", "The current selection is invalid for this operation.", "Workbook.getSelectedRange");
      return rangeRef(sheet, this.host.selection[0]!);
    });
  }
  /** [ref] Workbook.getSelectedRanges, ExcelApi 1.9: every selected area as a RangeAreas (undefined in an older script). */
  get getSelectedRanges(): (() => RangeAreas) | undefined {
    return versionAtLeast(this.host.scriptApi, "1.9") ? () => this.selectedRanges() : undefined;
  }
  private selectedRanges(): RangeAreas {
    return this.child(
      RangeAreas,
      "GetSelectedRanges",
      [],
      () => {
        const sheet = this.host.sheet(this.host.activeSheet);
        return { kind: "areas", sheet, rects: this.host.selection.map((a) => rangeRef(sheet, a).rect) } satisfies AreasRef;
      },
      "1.9",
    );
  }
  /** [ref] Workbook.notes, ExcelApi 1.18; absent from scripts that predate it. */
  get notes(): NoteCollection | undefined {
    if (!this.host.scriptHasNotes) return undefined;
    return this.child(NoteCollection, "Notes", [], () => ({ kind: "notes", sheet: null }), "1.18");
  }
  /**
   * [ref] Workbook.onSelectionChanged, ExcelApi 1.2 (excel.workbook.yml). `add` queues the registration, which
   * takes effect at the next sync ([events] "Register an event handler": handlers are registered when
   * context.sync() runs); the EventHandlerResult's remove() likewise takes effect at the next sync.
   */
  get onSelectionChanged(): { add(h: (args: { type: string }) => Promise<unknown> | void): { context: RequestContext; remove(): void } } {
    const host = this.host;
    const ctx = this._ctx;
    const path = this._path;
    return {
      add: (h) => {
        ctx.queue({ kind: "call", path, name: "onSelectionChanged.add", args: [], api: "1.2", run: () => host.selectionHandlers.push(h) });
        return {
          context: ctx,
          remove: () => ctx.queue({ kind: "call", path, name: "onSelectionChanged.remove", args: [], api: "1.2", run: () => (host.selectionHandlers = host.selectionHandlers.filter((x) => x !== h)) }),
        };
      },
    };
  }
  /** [ref] Workbook.customXmlParts, ExcelApi 1.5 (excel.customxmlpartcollection.yml). */
  get customXmlParts(): CustomXmlPartCollection {
    return this.child(CustomXmlPartCollection, "CustomXmlParts", [], () => "parts", "1.5");
  }
}

/** A custom XML part as the workbook stores it. */
export interface SimXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/**
 * [ref] CustomXmlPartCollection.add: the XML must be well formed (InvalidArgument otherwise; checked here for a
 * single root element, matching close tag and escaped "&" and "<" in text: a strict subset of XML well-formedness).
 */
function checkXml(xml: string): string {
  const m = /^\s*<([A-Za-z_][\w.-]*)(\s[^>]*)?>([\s\S]*)<\/\1>\s*$/.exec(xml);
  if (!m || /&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(m[3]!) || /</.test(m[3]!.replace(/<\/?[A-Za-z_][^<>]*>/g, ""))) throw new SimError("InvalidArgument", "The XML is not well formed.", "CustomXmlPartCollection.add");
  return /\sxmlns="([^"]*)"/.exec(m[2] ?? "")?.[1] ?? "";
}

class CustomXmlPartCollection extends SimCollection<CustomXmlPart> {
  protected itemClass() {
    return CustomXmlPart;
  }
  protected itemRefs(): unknown[] {
    return [...this.host.customXmlParts];
  }
  protected itemSnapshot(ref: SimXmlPart, prop: string): unknown {
    return partProp(ref, prop);
  }
  add(xml: string): CustomXmlPart {
    const part = this.child(CustomXmlPart, "Add", [xml], () => NULL, "1.5");
    this.call("Add", [xml], () => {
      const ns = checkXml(xml);
      const p: SimXmlPart = { id: `{${String(this.host.customXmlParts.length + 1).padStart(8, "0")}-EVAL}`, namespaceUri: ns, xml };
      this.host.customXmlParts.push(p);
      this._ctx.setResolved(part._path, p);
    }, "1.5");
    return part;
  }
  getByNamespace(ns: string): CustomXmlPartScopedCollection {
    return this.child(CustomXmlPartScopedCollection, "GetByNamespace", [ns], () => ns, "1.5");
  }
}

class CustomXmlPartScopedCollection extends SimCollection<CustomXmlPart> {
  protected itemClass() {
    return CustomXmlPart;
  }
  protected itemRefs(ns: string): unknown[] {
    return this.host.customXmlParts.filter((p) => p.namespaceUri === ns);
  }
  protected itemSnapshot(ref: SimXmlPart, prop: string): unknown {
    return partProp(ref, prop);
  }
}

function partProp(p: SimXmlPart, prop: string): unknown {
  if (prop === "id") return p.id;
  if (prop === "namespaceUri") return p.namespaceUri;
  throw new SimError("InvalidArgument", `The property '${prop}' cannot be loaded here.`);
}

class CustomXmlPart extends ClientObject {
  get id(): string {
    return this.read("id");
  }
  protected override _snapshot(t: SimXmlPart, prop: string): unknown {
    return partProp(t, prop);
  }
  getXml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this._ctx.queue({ kind: "call", path: this._path, name: "GetXml", args: [], api: "1.5", into: result, run: (t) => (t as SimXmlPart).xml });
    return result;
  }
  setXml(xml: string): void {
    this.call("SetXml", [xml], (t: SimXmlPart) => {
      t.namespaceUri = checkXml(xml);
      t.xml = xml;
    }, "1.5");
  }
  delete(): void {
    this.call("Delete", [], (t: SimXmlPart) => {
      const i = this.host.customXmlParts.indexOf(t);
      if (i >= 0) this.host.customXmlParts.splice(i, 1);
    }, "1.5");
  }
}

function rangeRef(sheet: SimSheet, address: string): RangeRef {
  const rect = parseArea(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
  if (!rect || rect.r2 >= MAX_ROWS || rect.c2 >= MAX_COLS) throw new SimError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  return { kind: "range", sheet, rect };
}

class WorksheetCollection extends SimCollection<Worksheet> {
  protected itemClass() {
    return Worksheet;
  }
  protected itemRefs(): unknown[] {
    return [...this.host.sheets.values()];
  }
  protected itemSnapshot(ref: SimSheet, prop: string): unknown {
    if (prop === "name") return ref.name;
    throw new SimError("InvalidArgument", `The property '${prop}' cannot be loaded here.`);
  }
  getActiveWorksheet(): Worksheet {
    return this.child(Worksheet, "GetActiveWorksheet", [], () => this.host.sheet(this.host.activeSheet));
  }
  /** [ref] getItem: ItemNotFound when there is no such sheet. */
  getItem(name: string): Worksheet {
    return this.child(Worksheet, "GetItem", [name], () => {
      const s = this.host.sheets.get(name);
      if (!s) throw new SimError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItem");
      return s;
    });
  }
  /** [ref] getItemOrNullObject, ExcelApi 1.4. */
  getItemOrNullObject(name: string): Worksheet {
    return this.child(Worksheet, "GetItemOrNullObject", [name], () => this.host.sheets.get(name) ?? NULL, "1.4", true);
  }
  add(name?: string): Worksheet {
    const ws = this.child(Worksheet, "Add", [name ?? null], () => NULL);
    this._ctx.queue({
      kind: "call",
      path: this._path,
      name: "Add",
      args: [name ?? null],
      run: () => {
        const n = name ?? `Sheet${this.host.sheets.size + 1}`;
        if (this.host.sheets.has(n)) throw new SimError("ItemAlreadyExists", "The resource being created already exists.", "WorksheetCollection.add");
        const s = this.host.sheet(n);
        this._ctx.setResolved(ws._path, s);
        return undefined;
      },
    });
    return ws;
  }
}

class Worksheet extends ClientObject {
  get name(): string {
    return this.read("name");
  }
  protected override _snapshot(t: SimSheet, prop: string): unknown {
    if (prop === "name") return t.name;
    return super._snapshot(t, prop);
  }
  getRange(address?: string): Range {
    return this.child(Range, "GetRange", [address ?? null], (s: SimSheet) => (address ? rangeRef(s, address) : { kind: "range", sheet: s, rect: { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 } }));
  }
  /** [ref] getRangeByIndexes, ExcelApi 1.7. */
  getRangeByIndexes(r: number, c: number, h: number, w: number): Range {
    return this.child(
      Range,
      "GetRangeByIndexes",
      [r, c, h, w],
      (s: SimSheet) => {
        if (h < 1 || w < 1 || r < 0 || c < 0 || r + h > MAX_ROWS || c + w > MAX_COLS) throw new SimError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", "Worksheet.getRangeByIndexes");
        return { kind: "range", sheet: s, rect: { r1: r, c1: c, r2: r + h - 1, c2: c + w - 1 } } satisfies RangeRef;
      },
      "1.7",
    );
  }
  /** [ref] Worksheet.getUsedRange: "If the entire worksheet is blank, this function will return the top left cell". */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.child(Range, "GetUsedRange", [Boolean(valuesOnly)], (s: SimSheet) => ({ kind: "range", sheet: s, rect: s.used(Boolean(valuesOnly)) ?? { r1: 0, c1: 0, r2: 0, c2: 0 } }));
  }
  /** [ref] Worksheet.getUsedRangeOrNullObject, ExcelApi 1.4: a null object when the sheet is blank. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.child(
      Range,
      "GetUsedRangeOrNullObject",
      [Boolean(valuesOnly)],
      (s: SimSheet) => {
        const u = s.used(Boolean(valuesOnly));
        return u ? { kind: "range", sheet: s, rect: u } : NULL;
      },
      "1.4",
      true,
    );
  }
  activate(): void {
    this.call("Activate", [], (s: SimSheet) => {
      this.host.activeSheet = s.name;
    });
  }
  delete(): void {
    this.call("Delete", [], (s: SimSheet) => {
      this.host.sheets.delete(s.name);
      if (this.host.activeSheet === s.name) this.host.activeSheet = [...this.host.sheets.keys()][0] ?? "Sheet1";
    });
  }
  /** [ref] Worksheet.notes, ExcelApi 1.18; undefined in a script that predates NoteCollection. */
  get notes(): NoteCollection | undefined {
    if (!this.host.scriptHasNotes) return undefined;
    return this.child(NoteCollection, "Notes", [], (s: SimSheet) => ({ kind: "notes", sheet: s }), "1.18");
  }
  get charts(): ChartCollection {
    return this.child(ChartCollection, "Charts", [], (s: SimSheet) => s);
  }
}

const RANGE_PROPS = new Set(["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "formulas", "numberFormat", "isEntireColumn", "isEntireRow"]);
const CELL_LEVEL = new Set(["values", "formulas", "numberFormat"]);

class Range extends ClientObject {
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  set values(v: unknown) {
    this.write("values", v, (t: RangeRef, value) => setCells(t, value, "values"));
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown) {
    this.write("formulas", v, (t: RangeRef, value) => setCells(t, value, "formulas"));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.write("numberFormat", v, (t: RangeRef, value) => setCells(t, value, "numberFormat"));
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow");
  }

  protected override _snapshot(t: RangeRef, prop: string): unknown {
    if (!RANGE_PROPS.has(prop)) return super._snapshot(t, prop);
    const r = t.rect;
    switch (prop) {
      case "address":
        return addressOf(t.sheet.name, r, MAX_ROWS, MAX_COLS);
      case "rowIndex":
        return r.r1;
      case "columnIndex":
        return r.c1;
      case "rowCount":
        return rows(r);
      case "columnCount":
        return cols(r);
      case "cellCount":
        return cellCount(r);
      case "isEntireColumn":
        return r.r1 === 0 && r.r2 === MAX_ROWS - 1;
      case "isEntireRow":
        return r.c1 === 0 && r.c2 === MAX_COLS - 1;
    }
    // [unbounded]: "Cell-level properties (like values, text, numberFormat, or formulas) come back as null for unbounded reads."
    if (CELL_LEVEL.has(prop) && isUnbounded(r)) return null;
    // [perf] [limits]: a get over five million cells fails (RangeExceedsLimit in [errors]); documented as "null or an error".
    if (cellCount(r) > READ_CELL_LIMIT) throw new SimError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.", "Range.load");
    return grid(r, (cell) => {
      if (prop === "numberFormat") return cell?.fmt ?? "General";
      // [blank]: "a blank property value in the response … indicates that cell contains no data".
      if (prop === "formulas") return cell?.f ?? cell?.v ?? "";
      return cell?.v ?? "";
    }, t.sheet);
  }

  get format(): RangeFormat {
    return this.child(RangeFormat, "Format", [], (t: RangeRef) => ({ kind: "format", range: t }));
  }

  /** [ref] Range.getCellProperties, ExcelApi 1.9: only the properties asked for, per cell. */
  getCellProperties(options: { format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { bold?: boolean } } }): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this._ctx.queue({
      kind: "call",
      path: this._path,
      name: "GetCellProperties",
      args: [options],
      api: "1.9",
      into: result,
      run: (t) => {
        const ref = t as RangeRef;
        if (cellCount(ref.rect) > READ_CELL_LIMIT) throw new SimError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.", "Range.getCellProperties");
        const want = options.format?.fill ?? {};
        const font = options.format?.font;
        return grid(ref.rect, (cell) => ({
          format: {
            fill: {
              ...(want.color ? { color: cell?.fill ?? "#FFFFFF" } : {}),
              ...(want.pattern ? { pattern: cell?.fill ? "Solid" : "None" } : {}),
            },
            ...(font?.bold ? { font: { bold: Boolean(cell?.bold) } } : {}),
          },
        }), ref.sheet);
      },
    });
    return result;
  }

  /**
   * [ref] Range.getMergedAreasOrNullObject, ExcelApi 1.13: fails past 512 merged areas (error code not documented;
   * GeneralException here); [#3611] returns only the merges whose top-left cell lies inside the range, whole
   * (not clipped: undocumented either way). A null object when there are none.
   */
  getMergedAreasOrNullObject(): RangeAreas {
    return this.child(
      RangeAreas,
      "GetMergedAreasOrNullObject",
      [],
      (t: RangeRef) => {
        const found = t.sheet.merges.filter((m) => m.r1 >= t.rect.r1 && m.r1 <= t.rect.r2 && m.c1 >= t.rect.c1 && m.c1 <= t.rect.c2);
        if (found.length > MERGED_AREAS_LIMIT) throw new SimError("GeneralException", `There are ${found.length} merged areas in the range; getMergedAreasOrNullObject fails past ${MERGED_AREAS_LIMIT}.`, "Range.getMergedAreasOrNullObject");
        return found.length === 0 ? NULL : ({ kind: "areas", sheet: t.sheet, rects: found } satisfies AreasRef);
      },
      "1.13",
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.child(
      Range,
      "GetUsedRangeOrNullObject",
      [Boolean(valuesOnly)],
      (t: RangeRef) => {
        const u = t.sheet.used(Boolean(valuesOnly));
        const x = u && intersect(u, t.rect);
        return x ? { kind: "range", sheet: t.sheet, rect: x } : NULL;
      },
      "1.4",
      true,
    );
  }

  getIntersectionOrNullObject(other: Range): Range {
    return this.child(
      Range,
      "GetIntersectionOrNullObject",
      [other],
      (t: RangeRef) => {
        const o = this._ctx.resolve(other._path);
        if (o === NULL) return NULL;
        const x = intersect(t.rect, (o as RangeRef).rect);
        return x ? { kind: "range", sheet: t.sheet, rect: x } : NULL;
      },
      "1.4",
      true,
    );
  }

  select(): void {
    this.call("Select", [], (t: RangeRef) => {
      this.host.activeSheet = t.sheet.name;
      this.host.selection = [a1(t.rect)];
    });
  }

  merge(across?: boolean): void {
    this.call(
      "Merge",
      [Boolean(across)],
      (t: RangeRef) => {
        if (across) for (let r = t.rect.r1; r <= t.rect.r2; r++) t.sheet.merges.push({ ...t.rect, r1: r, r2: r });
        else t.sheet.merges.push({ ...t.rect });
      },
      "1.2",
    );
  }
}

function grid<T>(r: Rect, f: (cell: SimCell | undefined) => T, sheet: SimSheet): T[][] {
  const out: T[][] = [];
  for (let i = r.r1; i <= r.r2; i++) {
    const row: T[] = [];
    for (let j = r.c1; j <= r.c2; j++) row.push(f(sheet.get(i, j)));
    out.push(row);
  }
  return out;
}

/** Range.values / formulas / numberFormat set. */
function setCells(t: RangeRef, value: unknown, prop: "values" | "formulas" | "numberFormat"): void {
  // [unbounded]: "You can't set cell-level properties on an unbounded range. This returns an error." (code not documented)
  if (isUnbounded(t.rect)) throw new SimError("InvalidArgument", `Cannot set ${prop} on an unbounded range.`, `Range.${prop}`);
  // [blank]: null is not a valid value for a whole property.
  if (value === null || value === undefined) throw new SimError("InvalidArgument", `${prop} cannot be set to null.`, `Range.${prop}`);
  const h = rows(t.rect);
  const w = cols(t.rect);
  const scalar = !Array.isArray(value);
  if (!scalar) {
    const arr = value as unknown[][];
    // The array must have the range's dimensions (InvalidArgument otherwise).
    if (arr.length !== h || arr.some((row) => !Array.isArray(row) || row.length !== w)) {
      throw new SimError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${h}×${w}).`, `Range.${prop}`);
    }
  }
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const x = scalar ? value : (value as unknown[][])[i]![j];
      // [blank]: a null entry leaves that cell unchanged.
      if (x === null || x === undefined) continue;
      const cell = t.sheet.at(t.rect.r1 + i, t.rect.c1 + j);
      if (prop === "numberFormat") {
        // [blank]: "" resets the number format to General.
        if (x === "" || x === "General") delete cell.fmt;
        else cell.fmt = String(x);
        continue;
      }
      const e = entered(x as Scalar, cell.fmt);
      cell.v = e.v;
      if (e.f) cell.f = e.f;
      else delete cell.f;
      if (e.fmt) cell.fmt = e.fmt;
    }
  }
}

class RangeAreas extends ClientObject {
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  protected override _snapshot(t: AreasRef, prop: string): unknown {
    // [multi]: "address always returns the comma-delimited addresses string" (its example: "Sheet1!F3:F5, Sheet1!H:H").
    if (prop === "address") return t.rects.map((r) => addressOf(t.sheet.name, r, MAX_ROWS, MAX_COLS)).join(", ");
    if (prop === "areaCount") return t.rects.length;
    return super._snapshot(t, prop);
  }
}

type FormatRef = { kind: "format"; range: RangeRef };

class RangeFormat extends ClientObject {
  get fill(): RangeFill {
    return this.child(RangeFill, "Fill", [], (f: FormatRef) => f);
  }
  get font(): RangeFont {
    return this.child(RangeFont, "Font", [], (f: FormatRef) => f);
  }
  set columnWidth(w: number) {
    this.write(
      "columnWidth",
      w,
      (f: FormatRef, value) => {
        for (let c = f.range.rect.c1; c <= f.range.rect.c2; c++) f.range.sheet.columnWidths.set(c, Number(value));
      },
      "1.2",
    );
  }
}

function eachCell(f: FormatRef, g: (c: SimCell) => void): void {
  if (isUnbounded(f.range.rect)) throw new SimError("InvalidArgument", "Cell formats on an unbounded range are not simulated.");
  for (let r = f.range.rect.r1; r <= f.range.rect.r2; r++) for (let c = f.range.rect.c1; c <= f.range.rect.c2; c++) g(f.range.sheet.at(r, c));
}

class RangeFill extends ClientObject {
  set color(c: string) {
    this.write("color", c, (f: FormatRef, value) => {
      const hex = String(value).toUpperCase();
      if (!/^#[0-9A-F]{6}$/.test(hex)) throw new SimError("InvalidArgument", `Bad colour ${String(value)}`, "RangeFill.color");
      eachCell(f, (cell) => (cell.fill = hex));
    });
  }
  clear(): void {
    this.call("Clear", [], (f: FormatRef) => eachCell(f, (cell) => delete cell.fill));
  }
}

class RangeFont extends ClientObject {
  set bold(b: boolean) {
    this.write("bold", b, (f: FormatRef, value) => eachCell(f, (cell) => (cell.bold = Boolean(value))));
  }
}

type NotesRef = { kind: "notes"; sheet: SimSheet | null };
type NoteRef = { kind: "note"; sheet: SimSheet; r: number; c: number };

function noteTarget(host: ExcelSimulator, n: NotesRef, address: string): NoteRef {
  const bang = address.lastIndexOf("!");
  const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
  const sheet = sheetName ? host.sheets.get(sheetName) : (n.sheet ?? host.sheet(host.activeSheet));
  const r = parseArea(bang >= 0 ? address.slice(bang + 1) : address);
  // [ref] NoteCollection.add: "If the string is invalid, or the range is not a single cell, an InvalidCellAddress error is thrown."
  if (!sheet || !r || r.r1 !== r.r2 || r.c1 !== r.c2) throw new SimError("InvalidCellAddress", `Not a single cell: ${address}`, "NoteCollection.add");
  return { kind: "note", sheet, r: r.r1, c: r.c1 };
}

/** [notes] [ref] NoteCollection, ExcelApi 1.18. */
class NoteCollection extends SimCollection<Note> {
  protected itemClass() {
    return Note;
  }
  protected itemRefs(n: NotesRef): unknown[] {
    const sheets = n.sheet ? [n.sheet] : [...this.host.sheets.values()];
    const out: NoteRef[] = [];
    for (const s of sheets) {
      for (const [k, c] of s.cells) {
        if (c.note === undefined) continue;
        const [r, col] = k.split(",").map(Number) as [number, number];
        out.push({ kind: "note", sheet: s, r, c: col });
      }
    }
    return out;
  }
  protected itemSnapshot(ref: NoteRef, prop: string): unknown {
    if (prop === "content") return ref.sheet.get(ref.r, ref.c)?.note ?? "";
    throw new SimError("InvalidArgument", `The property '${prop}' cannot be loaded here.`);
  }
  add(cellAddress: string, content: string): Note {
    const note = this.child(Note, "Add", [cellAddress, content], () => NULL, "1.18");
    this.call(
      "Add",
      [cellAddress, content],
      (n: NotesRef) => {
        const t = noteTarget(this.host, n, cellAddress);
        const cell = t.sheet.at(t.r, t.c);
        if (cell.note !== undefined) this.host.undocumented.push(`NoteCollection.add on ${cellAddress}, which already has a note (replaced here)`);
        cell.note = String(content);
        this._ctx.setResolved(note._path, t);
      },
      "1.18",
    );
    return note;
  }
  getItemOrNullObject(key: string): Note {
    return this.child(
      Note,
      "GetItemOrNullObject",
      [key],
      (n: NotesRef) => {
        const t = noteTarget(this.host, n, key);
        return t.sheet.get(t.r, t.c)?.note !== undefined ? t : NULL;
      },
      "1.18",
      true,
    );
  }
  getItem(key: string): Note {
    return this.child(
      Note,
      "GetItem",
      [key],
      (n: NotesRef) => {
        const t = noteTarget(this.host, n, key);
        if (t.sheet.get(t.r, t.c)?.note === undefined) throw new SimError("ItemNotFound", "The requested resource doesn't exist.", "NoteCollection.getItem");
        return t;
      },
      "1.18",
    );
  }
}

class Note extends ClientObject {
  get content(): string {
    return this.read("content");
  }
  protected override _snapshot(t: NoteRef, prop: string): unknown {
    if (prop === "content") return t.sheet.get(t.r, t.c)?.note ?? "";
    return super._snapshot(t, prop);
  }
  /** [ref] Note.getLocation, ExcelApi 1.18: the note's cell. */
  getLocation(): Range {
    return this.child(Range, "GetLocation", [], (t: NoteRef) => ({ kind: "range", sheet: t.sheet, rect: { r1: t.r, c1: t.c, r2: t.r, c2: t.c } }) satisfies RangeRef, "1.18");
  }
  delete(): void {
    this.call(
      "Delete",
      [],
      (t: NoteRef) => {
        const cell = t.sheet.get(t.r, t.c);
        if (cell) delete cell.note;
      },
      "1.18",
    );
  }
}

class ChartCollection extends ClientObject {
  add(type: string, source: Range, seriesBy?: string): Chart {
    const chart = this.child(Chart, "Add", [type, source, seriesBy ?? null], () => NULL);
    this.call("Add", [type, source, seriesBy ?? null], (s: SimSheet) => {
      const c = {};
      s.charts.push(c);
      this._ctx.setResolved(chart._path, c);
    });
    return chart;
  }
}

class Chart extends ClientObject {
  get title(): ChartTitle {
    return this.child(ChartTitle, "Title", [], (c: object) => c);
  }
  setPosition(start: string, end?: string): void {
    this.call("SetPosition", [start, end ?? null], (c: { position?: string }) => {
      c.position = start;
    });
  }
}

class ChartTitle extends ClientObject {
  set text(t: string) {
    this.write("text", t, (c: { title?: string }, v) => {
      c.title = String(v);
    });
  }
}

export type { Range as SimRange, RangeAreas as SimRangeAreas };
