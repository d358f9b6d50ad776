import { resolvePart, xmlUnescape } from "../formats/zip";

export { resolvePart };
/* Small XML helpers for editing OOXML parts as text: only the elements EVAL changes are parsed. */

/** Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/FFFF): dropped. */
// eslint-disable-next-line no-control-regex -- these are the characters XML forbids
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value as XML: & < > " escaped, carriage returns kept as a reference, invalid characters dropped. */
// eslint-disable-next-line no-control-regex -- as above, plus what esc rewrites
const SPECIAL = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
export function esc(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;");
}

/** Decode the five XML entities and numeric references (the one decoder, shared with the format readers). */
export const unesc = xmlUnescape;

/** The attributes of a start tag (text between the name and `>`): quoted either way. */
const attrRes = new Map<string, RegExp>();
function ATTRS(name: string): RegExp {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(^|\\s)${name.replace(/[:]/g, "\\:")}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  return re;
}

export function getAttr(attrs: string, name: string): string | undefined {
  const m = ATTRS(name).exec(attrs);
  return m ? unesc(m[3] ?? m[4] ?? "") : undefined;
}

/** Set (or add, at the end) one attribute in an attribute string; value null removes it. */
export function setAttr(attrs: string, name: string, value: string | null): string {
  const re = ATTRS(name);
  if (re.test(attrs)) return attrs.replace(re, value === null ? "" : `$1${name}="${esc(value)}"`);
  if (value === null) return attrs;
  return `${attrs.replace(/\s*$/, "")} ${name}="${esc(value)}"`;
}

/** Column letters of a 0-based column (0 → A). */
export function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 → 0-based row and column; null when not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export const refOf = (row: number, col: number) => `${colLetters(col)}${row + 1}`;

/** One element by local name (any prefix): where it starts and ends in `xml`, its prefix, attributes and inner text. */
export interface Found {
  start: number;
  end: number;
  prefix: string;
  attrs: string;
  /** null for an empty element (`<x/>`). */
  inner: string | null;
  innerStart: number;
}

/** The first element `name` at or after `from` (a start tag, then its matching end tag: the element must not nest itself). */
const elementRes = new Map<string, RegExp>();
export function findElement(xml: string, name: string, from = 0): Found | null {
  let re = elementRes.get(name);
  if (!re) {
    re = new RegExp(`<((?:[\\w.-]+:)?)${name}((?:\\s(?:[^>"']|"[^"]*"|'[^']*')*?)?)(/?)>`, "g");
    elementRes.set(name, re);
  }
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const prefix = m[1]!;
  const start = m.index;
  const openEnd = start + m[0].length;
  if (m[3] === "/") return { start, end: openEnd, prefix, attrs: m[2] ?? "", inner: null, innerStart: openEnd };
  const close = `</${prefix}${name}>`;
  const at = xml.indexOf(close, openEnd);
  if (at < 0) throw new Error(`XML 不完整：缺少 ${close}`);
  return { start, end: at + close.length, prefix, attrs: m[2] ?? "", inner: xml.slice(openEnd, at), innerStart: openEnd };
}

/** Every element `name` directly in `xml` (not nested in itself), in order. */
export function findAll(xml: string, name: string): Found[] {
  const out: Found[] = [];
  let at = 0;
  for (;;) {
    const f = findElement(xml, name, at);
    if (!f) return out;
    out.push(f);
    at = f.end;
  }
}

/** A target for `part` relative to the folder `fromDir` (both package paths without a leading slash). */
export function relativeTarget(fromDir: string, part: string): string {
  const a = fromDir.split("/").filter(Boolean);
  const b = part.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill(".."), ...b.slice(i)].join("/");
}

export const dirOf = (part: string) => part.split("/").slice(0, -1).join("/");
export const relsOf = (part: string) => `${dirOf(part) ? `${dirOf(part)}/` : ""}_rels/${part.split("/").pop()}.rels`;

/** The child elements of an element (by local name, with where they are), skipping text, comments and processing instructions. */
export function children(xml: string, parent: Found): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  if (parent.inner === null) return out;
  const stop = parent.innerStart + parent.inner.length;
  let at = parent.innerStart;
  const tag = /<([\w.-]+:)?([\w.-]+)|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  while (at < stop) {
    tag.lastIndex = at;
    const m = tag.exec(xml);
    if (!m || m.index >= stop) break;
    if (!m[2]) {
      at = m.index + m[0].length;
      continue;
    }
    const f = findElement(xml, m[2], m.index);
    if (!f || f.start !== m.index) throw new Error(`无法解析 XML 元素 ${m[2]}`);
    out.push({ name: m[2], start: f.start, end: f.end });
    at = f.end;
  }
  return out;
}
