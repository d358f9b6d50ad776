import type { Archive } from "./zip";
import { dirOf, esc, findAll, findElement, getAttr, relativeTarget, relsOf, resolvePart } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
};

export const CT = {
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
};

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/**
 * The package being patched: parts are read on demand, and only parts set through `put` (or removed) are
 * written again; every other entry keeps its compressed bytes (JSZip copies them as they are).
 */
export class Package {
  private text = new Map<string, string>();
  readonly changed = new Set<string>();
  private names: Map<string, string>;

  constructor(readonly zip: Archive) {
    this.names = new Map(zip.names().map((n) => [n.toLowerCase(), n]));
  }

  /** The stored name of a part (names compare without case, as in OPC). */
  name(part: string): string | undefined {
    return this.names.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.name(part) !== undefined;
  }

  async get(part: string, encoding: "utf8" | "latin1" = "utf8"): Promise<string | null> {
    const n = this.name(part);
    if (!n) return null;
    const key = `${encoding}:${n}`;
    const cached = this.text.get(key);
    if (cached !== undefined) return cached;
    const bytes = await this.zip.read(n);
    const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
    this.text.set(key, s);
    return s;
  }

  put(part: string, content: string, encoding: "utf8" | "latin1" = "utf8"): void {
    const n = this.name(part) ?? part;
    this.names.set(n.toLowerCase(), n);
    this.text.set(`${encoding}:${n}`, content);
    this.text.delete(`${encoding === "utf8" ? "latin1" : "utf8"}:${n}`);
    this.zip.write(n, Buffer.from(content, encoding));
    this.changed.add(n);
  }

  remove(part: string): void {
    const n = this.name(part);
    if (!n) return;
    this.zip.remove(n);
    this.names.delete(n.toLowerCase());
    this.changed.add(n);
  }

  /** A part name not yet used: `xl/comments{n}.xml` with the smallest free n. */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  allNames(): string[] {
    return [...this.names.values()];
  }

  async rels(part: string): Promise<Rel[]> {
    const xml = await this.get(relsOf(part));
    if (!xml) return [];
    return findAll(xml, "Relationship").map((r) => ({
      id: getAttr(r.attrs, "Id") ?? "",
      type: getAttr(r.attrs, "Type") ?? "",
      target: getAttr(r.attrs, "Target") ?? "",
      external: getAttr(r.attrs, "TargetMode") === "External",
    }));
  }

  /** The part a relationship of `part` points to. */
  target(part: string, rel: Rel): string {
    return resolvePart(dirOf(part), rel.target);
  }

  /** Add a relationship from `part` to `to`; returns its id. */
  async addRel(part: string, type: string, to: string): Promise<string> {
    const relsName = relsOf(part);
    const xml = (await this.get(relsName)) ?? `${RELS_HEAD}</Relationships>`;
    const ids = new Set(findAll(xml, "Relationship").map((r) => getAttr(r.attrs, "Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(relativeTarget(dirOf(part), to))}"/>`;
    const root = findElement(xml, "Relationships");
    if (!root) throw new Error(`${relsName} 中没有 Relationships`);
    const p = root.prefix;
    const next = root.inner === null ? `${xml.slice(0, root.start)}<${p}Relationships${root.attrs}>${rel.replace(/<Relationship/, `<${p}Relationship`)}</${p}Relationships>${xml.slice(root.end)}` : insertBefore(xml, root.end - `</${p}Relationships>`.length, p ? rel.replace(/<Relationship/, `<${p}Relationship`) : rel);
    this.put(relsName, next);
    return id;
  }

  /** Remove the relationships of `part` of a type (and the rels part when none remains). */
  async removeRels(part: string, type: string): Promise<void> {
    const relsName = relsOf(part);
    const xml = await this.get(relsName);
    if (!xml) return;
    let out = xml;
    for (const r of findAll(xml, "Relationship").reverse()) if (getAttr(r.attrs, "Type") === type) out = out.slice(0, r.start) + out.slice(r.end);
    if (out !== xml) this.put(relsName, out);
  }

  /** Make sure [Content_Types].xml gives `part` the content type `ct` (a Default for the extension, or an Override). */
  async contentType(part: string, ct: string, byExtension?: string): Promise<void> {
    const name = "[Content_Types].xml";
    const xml = await this.get(name);
    if (!xml) throw new Error("工作簿缺少 [Content_Types].xml");
    const overrides = findAll(xml, "Override");
    if (overrides.some((o) => (getAttr(o.attrs, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase())) return;
    const defaults = findAll(xml, "Default");
    const ext = part.split(".").pop()!.toLowerCase();
    if (byExtension && defaults.some((d) => (getAttr(d.attrs, "Extension") ?? "").toLowerCase() === ext)) return;
    const root = findElement(xml, "Types")!;
    const p = root.prefix;
    const entry = byExtension ? `<${p}Default Extension="${byExtension}" ContentType="${ct}"/>` : `<${p}Override PartName="/${esc(part)}" ContentType="${ct}"/>`;
    // Defaults come before Overrides by convention: a Default goes after the last Default.
    const at = byExtension && defaults.length ? defaults[defaults.length - 1]!.end : root.end - `</${p}Types>`.length;
    this.put(name, insertBefore(xml, at, entry));
  }

  async removeOverride(part: string): Promise<void> {
    const name = "[Content_Types].xml";
    const xml = await this.get(name);
    if (!xml) return;
    const o = findAll(xml, "Override").find((x) => (getAttr(x.attrs, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase());
    if (o) this.put(name, xml.slice(0, o.start) + xml.slice(o.end));
  }

  /** The workbook part (xl/workbook.xml as a rule), from the package relationships. */
  async workbookPart(): Promise<string> {
    const rels = await this.rels("");
    const r = rels.find((x) => x.type === REL.officeDocument || x.type.endsWith("/officeDocument"));
    if (r) return resolvePart("", r.target);
    if (this.has("xl/workbook.xml")) return "xl/workbook.xml";
    throw new Error("工作簿中找不到 workbook.xml");
  }

  /** Sheet name → worksheet part. */
  async sheetParts(wbPart: string): Promise<Map<string, string>> {
    const xml = (await this.get(wbPart)) ?? "";
    const rels = new Map((await this.rels(wbPart)).map((r) => [r.id, r]));
    const out = new Map<string, string>();
    const sheets = findElement(xml, "sheets");
    for (const s of findAll(sheets?.inner ?? "", "sheet")) {
      const name = getAttr(s.attrs, "name");
      const id = /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(s.attrs)?.[1];
      const rel = id ? rels.get(id) : undefined;
      if (name !== undefined && rel) out.set(name, this.target(wbPart, rel));
    }
    return out;
  }
}

export function insertBefore(xml: string, at: number, text: string): string {
  return xml.slice(0, at) + text + xml.slice(at);
}
