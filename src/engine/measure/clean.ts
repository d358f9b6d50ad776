/**
 * Clean the debris of converted documents and of typing so that one reader can handle every form:
 * full-width digits and signs, LaTeX (`$\geq 95\%$`), HTML tags (`<p>`), and the spaces that wrapped
 * table cells leave between characters. Operators are unified to ASCII (`≥`, `＞＝`, `≧` → `>=`).
 */
export function cleanText(raw: string): string {
  let s = raw.normalize("NFKC"); // full-width digits, ％, ＝, ＞ … → ASCII
  s = s
    .replace(/<\/?[a-zA-Z][^>]*>/g, " ")
    .replace(/\\text\{([^}]*)\}/g, "$1")
    .replace(/\\(?:geq|geqslant|ge)\b/g, "≥")
    .replace(/\\(?:leq|leqslant|le)\b/g, "≤")
    .replace(/\\times\b/g, "×")
    .replace(/\\%/g, "%")
    .replace(/\\[,;! ]/g, " ")
    .replace(/\$/g, "");
  s = s
    .replace(/≥|≧|>=|=>|⩾/g, "≥")
    .replace(/≤|≦|<=|=<|⩽/g, "≤")
    .replace(/═/g, "=");
  return s;
}

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
