import type { GridCell } from "../../engine";
import type { Merge, SparseCell } from "./cells";

export interface HtmlTable {
  cells: SparseCell[];
  merges: Merge[];
  rows: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * The tables of an HTML document (mammoth's output for a Word file): one pass over the tags, text of each cell
 * with paragraphs and line breaks as newlines, rowspan/colspan laid out on an occupancy map as a browser does.
 * Nested tables are read as text of their cell. Work is linear in the HTML and in the cells laid out; spans are
 * clipped to `maxSpan` so that a claimed colspan of a million does not allocate.
 */
export function htmlTables(html: string, value: (text: string) => GridCell["v"], maxSpan = 1000): HtmlTable[] {
  const tables: HtmlTable[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g;
  let depth = 0;
  let cur: { rows: { text: string; rowspan: number; colspan: number }[][] } | null = null;
  let cell: { text: string; rowspan: number; colspan: number } | null = null;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (m[4] !== undefined) {
      if (cell && depth === 1) cell.text += decodeEntities(m[4]);
      else if (cell) cell.text += decodeEntities(m[4]);
      continue;
    }
    const closing = m[1] === "/";
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? "";
    if (name === "table") {
      if (!closing) {
        depth++;
        if (depth === 1) cur = { rows: [] };
      } else if (depth > 0) {
        depth--;
        if (depth === 0 && cur) {
          tables.push(layout(cur.rows, value));
          cur = null;
          cell = null;
        }
      }
      continue;
    }
    if (depth !== 1 || !cur) {
      if (cell && (name === "p" || name === "br" || name === "tr") && (closing || name === "br")) cell.text += "\n";
      continue;
    }
    if (name === "tr" && !closing) cur.rows.push([]);
    else if ((name === "td" || name === "th") && !closing) {
      if (cur.rows.length === 0) cur.rows.push([]);
      const span = (a: string) => Math.min(maxSpan, Math.max(1, parseInt(new RegExp(`\\b${a}\\s*=\\s*["']?(\\d+)`, "i").exec(attrs)?.[1] ?? "1", 10) || 1));
      cell = { text: "", rowspan: span("rowspan"), colspan: span("colspan") };
      cur.rows[cur.rows.length - 1]!.push(cell);
    } else if ((name === "td" || name === "th") && closing) cell = null;
    else if (cell && ((name === "p" && closing) || name === "br")) cell.text += "\n";
  }
  return tables;
}

function layout(rows: { text: string; rowspan: number; colspan: number }[][], value: (text: string) => GridCell["v"]): HtmlTable {
  const taken = new Set<number>();
  const key = (r: number, c: number) => r * 65536 + c;
  const cells: SparseCell[] = [];
  const merges: Merge[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const td of row) {
      while (taken.has(key(r, c))) c++;
      const rs = Math.min(td.rowspan, rows.length - r);
      for (let i = 0; i < rs; i++) for (let j = 0; j < td.colspan; j++) taken.add(key(r + i, c + j));
      const text = td.text.replace(/[ \t\r\f\v\u00a0]+/g, " ").replace(/ *\n */g, "\n").replace(/^\n+|\n+$/g, "").trim();
      if (text !== "") cells.push({ row: r, col: c, cell: { v: value(text) } });
      if (rs > 1 || td.colspan > 1) merges.push({ r1: r, c1: c, r2: r + rs - 1, c2: c + td.colspan - 1 });
      c += td.colspan;
    }
  });
  return { cells, merges, rows: rows.length };
}
