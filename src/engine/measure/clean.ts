import { toSimplified } from "../data/traditional";

/** HTML tags and LaTeX from converted documents: `<p>`, `$\geq 95\%$`, `\text{完成率}` → plain text. */
export function stripMarkup(s: string): string {
  return stripTags(s)
    .replace(/\\text\{([^}]*)\}/g, "$1")
    .replace(/\\(?:geq|geqslant|ge)\b/g, "≥")
    .replace(/\\(?:leq|leqslant|le)\b/g, "≤")
    .replace(/\\times\b/g, "×")
    .replace(/\\%/g, "%")
    .replace(/\\[,;! ]/g, " ")
    .replace(/\$/g, "");
}

/**
 * Clean the debris of converted documents and of typing so that one reader can handle every form:
 * full-width digits and signs, LaTeX (`$\geq 95\%$`), HTML tags (`<p>`), and the spaces that wrapped
 * table cells leave between characters. Operators are unified to ASCII (`≥`, `＞＝`, `≧` → `>=`).
 */
export function cleanText(text: string): string {
  // Traditional characters (萬, 個, 達到) read as their simplified forms; the cell itself is kept as written.
  const input = toSimplified(text);
  // `百分比` written for % (≥100百分比), and trailing punctuation (社会认可的办学环境。) say nothing of the figure.
  const raw = trimPunctuation(input.includes("百分比") ? input.replace(/([\d０-９])\s*百分比/g, "$1%") : input);
  // Fast path: most cells hold only ASCII, common CJK and the usual signs, which need no folding.
  if (PLAIN.test(raw)) return raw;
  let s = raw.normalize("NFKC"); // full-width digits, ％, ＝, ＞ … → ASCII
  s = stripMarkup(s)
    .replace(/≥|≧|>=|=>|⩾/g, "≥")
    .replace(/≤|≦|<=|=<|⩽/g, "≤")
    .replace(/═/g, "=");
  return s;
}

/** Trailing full stops, commas and semicolons (not a `%` or a closing bracket). */
function trimPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && "。.，,；;、！!".includes(s[end - 1]!)) end--;
  while (end > 0 && /\s/.test(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

const PLAIN = /^[\x20-\x23\x25-\x3b\x3f-\x5b\x5d-\x7e\u4e00-\u9fa5≥≤、，。：]*$/;

/** Remove all whitespace (cell wrapping splits `上访 率 ≤1%`); keep it for rule texts elsewhere. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Canonical ASCII operator from the cleaned symbols. */
export function asciiOp(sym: string): ">=" | "<=" | ">" | "<" | "=" | null {
  switch (sym) {
    case "≥":
      return ">=";
    case "≤":
      return "<=";
    case ">":
      return ">";
    case "<":
      return "<";
    case "=":
      return "=";
    default:
      return null;
  }
}

/** HTML tags (`<p>`, `</td>`, `<br/>`) → a space, in one pass; a `<` with no later `>` is text. */
function stripTags(s: string): string {
  if (!s.includes("<")) return s;
  let out = "";
  let i = 0;
  const lastClose = s.lastIndexOf(">");
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === "<" && i < lastClose) {
      let j = i + 1;
      if (s[j] === "/") j++;
      const c = s.charCodeAt(j);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        const end = s.indexOf(">", j);
        out += " ";
        i = end + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
