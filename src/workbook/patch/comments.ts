import { CT, REL, type Package } from "./package";
import { children, esc, findAll, findElement, getAttr, parseRef, unesc } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const AUTHOR = "EVAL";

/**
 * Notes (legacy comments) of one worksheet: the comments part holds the text, a VML drawing the box Excel shows.
 * Existing comments and shapes are kept; a note EVAL replaces keeps its shape; a note removed loses both.
 * Returns the worksheet XML (with a legacyDrawing added when the sheet had no VML drawing).
 */
export async function patchNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: Map<string, string | null>, ids: ShapeIds): Promise<string> {
  if (notes.size === 0) return sheetXml;
  const rels = await pkg.rels(sheetPart);
  const commentsRel = rels.find((r) => r.type === REL.comments && !r.external);
  let commentsPart = commentsRel ? pkg.target(sheetPart, commentsRel) : null;
  if (commentsPart && !pkg.has(commentsPart)) commentsPart = null;
  const legacy = findElement(sheetXml, "legacyDrawing");
  const legacyId = legacy ? /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(legacy.attrs)?.[1] : undefined;
  const vmlRel = legacyId ? rels.find((r) => r.id === legacyId) : undefined;
  let vmlPart = vmlRel ? pkg.target(sheetPart, vmlRel) : null;
  if (vmlPart && !pkg.has(vmlPart)) vmlPart = null;

  // Comments part: replace, remove or add each note.
  const existing = commentsPart ? ((await pkg.get(commentsPart)) ?? "") : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
  const { xml: commentsXml, had } = editComments(existing, notes);
  if (!commentsPart) {
    commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`);
    pkg.put(commentsPart, commentsXml);
    await pkg.addRel(sheetPart, REL.comments, commentsPart);
    await pkg.contentType(commentsPart, CT.comments);
  } else pkg.put(commentsPart, commentsXml);

  // VML: one shape per note that did not have one; shapes of removed notes go.
  let out = sheetXml;
  if (!vmlPart) {
    vmlPart = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    const block = await ids.newBlock(pkg);
    pkg.put(vmlPart, vmlHead(block), "latin1");
    const id = await pkg.addRel(sheetPart, REL.vmlDrawing, vmlPart);
    await pkg.contentType(vmlPart, CT.vml, "vml");
    out = addLegacyDrawing(out, id);
  }
  const vml = (await pkg.get(vmlPart, "latin1"))!;
  pkg.put(vmlPart, await editVml(vml, notes, had, ids, pkg), "latin1");
  return out;
}

function editComments(xml: string, notes: Map<string, string | null>): { xml: string; had: Set<string> } {
  const root = findElement(xml, "comments");
  if (!root) throw new Error("批注部件中没有 comments");
  const p = root.prefix;
  let authors = findElement(xml, "authors");
  let out = xml;
  if (!authors) {
    out = out.slice(0, root.innerStart) + `<${p}authors></${p}authors>` + out.slice(root.innerStart);
    authors = findElement(out, "authors")!;
  }
  const names = findAll(authors.inner ?? "", "author").map((a) => unesc(a.inner ?? ""));
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const text = `<${p}authors${authors.attrs}>${authors.inner ?? ""}<${p}author>${AUTHOR}</${p}author></${p}authors>`;
    out = out.slice(0, authors.start) + text + out.slice(authors.end);
  }
  let list = findElement(out, "commentList");
  if (!list) {
    const a = findElement(out, "authors")!;
    out = out.slice(0, a.end) + `<${p}commentList></${p}commentList>` + out.slice(a.end);
    list = findElement(out, "commentList")!;
  }
  const had = new Set<string>();
  const kept: string[] = [];
  const inner = list.inner ?? "";
  for (const c of findAll(inner, "comment")) {
    const ref = (getAttr(c.attrs, "ref") ?? "").toUpperCase();
    had.add(ref);
    if (notes.has(ref)) {
      const text = notes.get(ref);
      if (text !== null && text !== undefined) kept.push(comment(p, ref, authorId, text));
    } else kept.push(inner.slice(c.start, c.end));
  }
  for (const [ref, text] of notes) if (!had.has(ref) && text !== null) kept.push(comment(p, ref, authorId, text));
  const body = `<${p}commentList${list.attrs}>${kept.join("")}</${p}commentList>`;
  return { xml: out.slice(0, list.start) + body + out.slice(list.end), had };
}

function comment(p: string, ref: string, authorId: number, text: string): string {
  // One run with its font, as Excel writes notes (readers such as ExcelJS take only runs).
  return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr><${p}t xml:space="preserve">${esc(text)}</${p}t></${p}r></${p}text></${p}comment>`;
}

/** Shape ids unique across the package's VML drawings (`_x0000_s1025`…) and their idmap blocks. */
export class ShapeIds {
  private max = -1;
  private maxBlock = -1;
  private async scan(pkg: Package): Promise<void> {
    if (this.max >= 0) return;
    this.max = 1024;
    this.maxBlock = 0;
    for (const n of pkg.allNames()) {
      if (!/\.vml$/i.test(n)) continue;
      const v = (await pkg.get(n, "latin1")) ?? "";
      for (const m of v.matchAll(/_x0000_s(\d+)/g)) this.max = Math.max(this.max, Number(m[1]));
      for (const m of v.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) for (const d of m[1]!.split(/[ ,]+/)) if (/^\d+$/.test(d)) this.maxBlock = Math.max(this.maxBlock, Number(d));
    }
    this.maxBlock = Math.max(this.maxBlock, Math.floor(this.max / 1024));
  }
  async newBlock(pkg: Package): Promise<number> {
    await this.scan(pkg);
    this.maxBlock++;
    this.max = Math.max(this.max, this.maxBlock * 1024);
    return this.maxBlock;
  }
  async next(pkg: Package): Promise<number> {
    await this.scan(pkg);
    return ++this.max;
  }
}

const SHAPETYPE = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlHead(block: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`;
}

async function editVml(vml: string, notes: Map<string, string | null>, had: Set<string>, ids: ShapeIds, pkg: Package): Promise<string> {
  let out = vml;
  // Shapes of notes removed (or of cells whose note is written again without a shape: none is removed then).
  const removed = new Set([...notes].filter(([, t]) => t === null).map(([r]) => r));
  const withShape = new Set<string>();
  out = out.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    if (!/ObjectType="Note"/.test(shape)) return shape;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
    if (row === undefined || col === undefined) return shape;
    const ref = `${letters(Number(col))}${Number(row) + 1}`;
    if (removed.has(ref)) return "";
    withShape.add(ref);
    return shape;
  });
  const added: string[] = [];
  for (const [ref, text] of notes) {
    if (text === null || withShape.has(ref)) continue;
    const at = parseRef(ref);
    if (!at) continue;
    added.push(noteShape(await ids.next(pkg), at.row, at.col));
  }
  void had;
  if (!added.length && out === vml) return vml;
  if (added.length && !/id="_x0000_t202"/.test(out)) added.unshift(SHAPETYPE);
  const end = out.lastIndexOf("</xml>");
  if (end < 0) throw new Error("VML 绘图不完整");
  return out.slice(0, end) + added.join("") + out.slice(end);
}

function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The hidden yellow box Excel shows when the pointer rests on the cell (anchored right of it, 2 columns × 4 rows). */
function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:120pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    "<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>" +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Put `<legacyDrawing r:id>` where CT_Worksheet wants it (before legacyDrawingHF, picture, oleObjects … extLst). */
function addLegacyDrawing(xml: string, id: string): string {
  const root = findElement(xml, "worksheet");
  if (!root) throw new Error("工作表 XML 中没有 worksheet");
  const p = root.prefix;
  let prefix = Object.entries(namespaces(root.attrs)).find(([, uri]) => uri === "http://schemas.openxmlformats.org/officeDocument/2006/relationships")?.[0];
  let out = xml;
  if (prefix === undefined) {
    prefix = "r";
    const open = xml.indexOf(">", root.start);
    const selfClose = xml[open - 1] === "/";
    const at = selfClose ? open - 1 : open;
    out = xml.slice(0, at) + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' + xml.slice(at);
  }
  const el = `<${p}legacyDrawing ${prefix}:id="${id}"/>`;
  const after = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);
  const top = children(out, findElement(out, "worksheet")!);
  let at = top.find((c) => after.has(c.name))?.start ?? -1;
  if (at < 0) at = out.lastIndexOf(`</${p}worksheet>`);
  return out.slice(0, at) + el + out.slice(at);
}

function namespaces(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attrs.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}
