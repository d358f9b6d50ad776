import { esc, findAll, findElement, getAttr, setAttr, type Found } from "./xml";

/** What a write changes in a cell's format: null puts the default back (General, no fill). */
export interface StyleChange {
  numFmt?: string | null;
  fill?: string | null;
  bold?: boolean;
}

/** Number formats built into Excel (ids below 164 need no numFmt entry). */
const BUILTIN: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13,
  "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21,
  "m/d/yy h:mm": 22, "#,##0 ;(#,##0)": 37, "#,##0 ;[Red](#,##0)": 38, "#,##0.00;(#,##0.00)": 39, "#,##0.00;[Red](#,##0.00)": 40,
  "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47, "##0.0E+0": 48, "@": 49,
};

const MINIMAL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** One list in styles.xml (fonts, fills, cellXfs, numFmts): the items already there and those added. */
class List {
  readonly items: string[];
  readonly added: string[] = [];
  constructor(readonly block: Found | null, readonly tag: string, item: string) {
    this.items = block?.inner ? findAll(block.inner, item).map((f) => block.inner!.slice(f.start, f.end)) : [];
  }
  get length(): number {
    return this.items.length + this.added.length;
  }
  at(i: number): string | undefined {
    return i < this.items.length ? this.items[i] : this.added[i - this.items.length];
  }
  add(xml: string): number {
    this.added.push(xml);
    return this.length - 1;
  }
}

/**
 * styles.xml, extended and never renumbered: a cell's new format is a new cellXfs entry copied from its old one
 * (borders, alignment, protection kept) with another number format, fill or font; new fonts, fills and number
 * formats are appended. Existing indices never move, so every other cell, conditional format and table keeps
 * its look.
 */
export class StyleBook {
  private xml: string;
  private prefix: string;
  private numFmts: List;
  private fonts: List;
  private fills: List;
  private xfs: List;
  private fmtIds = new Map<string, number>();
  private nextFmt = 164;
  private cache = new Map<string, number>();
  private fillIds = new Map<string, number>();
  /** True when the part did not exist (it is then created whole). */
  readonly created: boolean;

  constructor(xml: string | null) {
    this.created = xml === null;
    this.xml = xml ?? MINIMAL;
    const root = findElement(this.xml, "styleSheet");
    if (!root) throw new Error("styles.xml 中没有 styleSheet");
    this.prefix = root.prefix;
    this.numFmts = new List(findElement(this.xml, "numFmts"), "numFmts", "numFmt");
    this.fonts = new List(findElement(this.xml, "fonts"), "fonts", "font");
    this.fills = new List(findElement(this.xml, "fills"), "fills", "fill");
    this.xfs = new List(findElement(this.xml, "cellXfs"), "cellXfs", "xf");
    if (!this.fonts.block || !this.fills.block || !this.xfs.block) throw new Error("styles.xml 缺少 fonts、fills 或 cellXfs");
    for (const f of this.numFmts.items) {
      const id = Number(getAttr(f, "numFmtId"));
      const code = getAttr(f, "formatCode");
      if (Number.isFinite(id) && code !== undefined) {
        if (!this.fmtIds.has(code)) this.fmtIds.set(code, id);
        this.nextFmt = Math.max(this.nextFmt, id + 1);
      }
    }
    this.fills.items.forEach((f, i) => {
      const argb = solidColour(f);
      if (argb && !this.fillIds.has(argb)) this.fillIds.set(argb, i);
    });
  }

  get changed(): boolean {
    return this.created || this.xfs.added.length > 0;
  }

  /** Number of cellXfs entries (a cell's s must be below it). */
  get xfCount(): number {
    return this.xfs.length;
  }

  /** The cellXfs index for a cell now formatted with `base` after `change`. */
  derive(base: number, change: StyleChange): number {
    if (change.numFmt === undefined && change.fill === undefined && change.bold === undefined) return base;
    if (base < 0 || base >= this.xfs.length) base = 0;
    const key = `${base}|${change.numFmt}|${change.fill}|${change.bold}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xf = this.xfs.at(base) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<[^>]*?(\/?)>/.exec(xf)!;
    let attrs = open[0].replace(/^<[\w.:-]+/, "").replace(/\/?>$/, "");
    const num = (name: string) => Number(getAttr(attrs, name) ?? 0);
    let same = true;
    if (change.numFmt !== undefined) {
      const id = this.numFmtId(change.numFmt ?? "General");
      if (id !== num("numFmtId")) same = false;
      attrs = setAttr(setAttr(attrs, "numFmtId", String(id)), "applyNumberFormat", "1");
    }
    if (change.fill !== undefined) {
      const id = change.fill === null ? 0 : this.fillId(change.fill);
      if (id !== num("fillId")) same = false;
      attrs = setAttr(setAttr(attrs, "fillId", String(id)), "applyFill", "1");
    }
    if (change.bold !== undefined) {
      const fontId = num("fontId");
      const font = this.fonts.at(fontId) ?? this.fonts.at(0) ?? "<font/>";
      if (isBold(font) !== change.bold) {
        same = false;
        const id = this.fonts.add(withBold(font, change.bold));
        attrs = setAttr(setAttr(attrs, "fontId", String(id)), "applyFont", "1");
      }
    }
    if (same) {
      this.cache.set(key, base);
      return base;
    }
    const tag = open[0].slice(1).match(/^[\w.:-]+/)![0];
    const rebuilt = `<${tag}${attrs}${open[1]}>${xf.slice(open[0].length)}`;
    const id = this.xfs.add(rebuilt);
    this.cache.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN) return BUILTIN[code]!;
    const known = this.fmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFmt++;
    this.numFmts.add(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    this.fmtIds.set(code, id);
    return id;
  }

  private fillId(argb: string): number {
    const known = this.fillIds.get(argb.toUpperCase());
    if (known !== undefined) return known;
    const p = this.prefix;
    const id = this.fills.add(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${esc(argb.toUpperCase())}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    this.fillIds.set(argb.toUpperCase(), id);
    return id;
  }

  /** styles.xml with the additions (the text before, between and after the changed lists unchanged). */
  toXml(): string {
    const edits: { start: number; end: number; text: string }[] = [];
    for (const list of [this.numFmts, this.fonts, this.fills, this.xfs]) {
      if (!list.added.length) continue;
      const b = list.block;
      if (!b) {
        // numFmts is the first child of styleSheet.
        const root = findElement(this.xml, "styleSheet")!;
        const at = root.innerStart;
        edits.push({ start: at, end: at, text: `<${this.prefix}${list.tag} count="${list.added.length}">${list.added.join("")}</${this.prefix}${list.tag}>` });
        continue;
      }
      const attrs = setAttr(b.attrs, "count", String(list.length));
      edits.push({ start: b.start, end: b.end, text: `<${b.prefix}${list.tag}${attrs}>${b.inner ?? ""}${list.added.join("")}</${b.prefix}${list.tag}>` });
    }
    edits.sort((a, b) => b.start - a.start);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

function solidColour(fill: string): string | undefined {
  const pf = findElement(fill, "patternFill");
  if (!pf || getAttr(pf.attrs, "patternType") !== "solid" || !pf.inner) return undefined;
  const fg = findElement(pf.inner, "fgColor");
  const bg = findElement(pf.inner, "bgColor");
  if (!fg || (bg && getAttr(bg.attrs, "indexed") !== "64")) return undefined;
  const rgb = getAttr(fg.attrs, "rgb");
  return rgb && !/\btint=/.test(fg.attrs) ? rgb.toUpperCase() : undefined;
}

function isBold(font: string): boolean {
  const b = findElement(font, "b");
  if (!b) return false;
  const v = getAttr(b.attrs, "val");
  return v === undefined || v === "1" || v === "true";
}

function withBold(font: string, bold: boolean): string {
  const f = findElement(font, "font")!;
  const p = f.prefix;
  const inner = (f.inner ?? "").replace(/<(?:[\w.-]+:)?b(?:\s[^>]*)?\/>/g, "").replace(/<(?:[\w.-]+:)?b(?:\s[^>]*)?>\s*<\/(?:[\w.-]+:)?b>/g, "");
  return `<${p}font${f.attrs}>${bold ? `<${p}b/>` : ""}${inner}</${p}font>`;
}
