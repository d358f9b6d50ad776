/**
 * Rating schemes. `standard`: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60 (财预〔2020〕10号; seed 004 表 2-1).
 * `strict`: 优 > 90, 良 > 80, 中 ≥ 60 (provincial systems that write 90 分以上 as strictly above).
 * `80-70-60`: 优 ≥ 80, 良 ≥ 70, 中 ≥ 60.
 */
export type RatingScheme = "standard" | "strict" | "80-70-60";
export type Rating = "优" | "良" | "中" | "差";

export const RATING_SCHEMES: RatingScheme[] = ["standard", "strict", "80-70-60"];

/** The rating of a total (0–100). */
export function rate(total: number, scheme: RatingScheme = "standard"): Rating {
  const t = Math.round(total * 100) / 100;
  switch (scheme) {
    case "strict":
      return t > 90 ? "优" : t > 80 ? "良" : t >= 60 ? "中" : "差";
    case "80-70-60":
      return t >= 80 ? "优" : t >= 70 ? "良" : t >= 60 ? "中" : "差";
    default:
      return t >= 90 ? "优" : t >= 80 ? "良" : t >= 60 ? "中" : "差";
  }
}

/** A rating as tables write it (优秀, 良好, 合格, 不合格…) → 优/良/中/差, or null when it is not one. */
export function normaliseRating(text: string | null | undefined): Rating | null {
  if (!text) return null;
  // (自评：优 | 复核：良 in one cell or two: the self-evaluation's own, its label taken off.)
  const s = text.replace(/\s+/g, "").replace(/^(?:自评|自评等级|评价等级|绩效等级|等级|评级|自评结果)[:：]/, "").replace(/等级?$/, "");
  if (s.length > 4) return ticked(text);
  if (/^(?:优|优秀|A)$/.test(s)) return "优";
  if (/^(?:良|良好|B)$/.test(s)) return "良";
  if (/^(?:中|中等|合格|一般|C)$/.test(s)) return "中";
  if (/^(?:差|较差|不合格|D)$/.test(s)) return "差";
  return null;
}

/** A mark that ticks a box (√, ✓, ☑, ■, ●); an empty box (□, ☐, ○, ◯, ( )) ticks nothing. A cross says "not this one". */
const MARK = "[√✓✔☑■●◉▇]";
const GRADE = "(优秀|良好|中等|不合格|较差|合格|优|良|中|差)";
/** One grade with its mark beside it, in one token (优（√）, 优√, ☑优, ●良). */
const MARKED = new RegExp(`^(?:${MARK}[（(]?${GRADE}[)）]?|${GRADE}[（(]?${MARK}[)）]?)$`);
/** Written without spaces: 优（√）良（ ）…, with the mark in the brackets after its grade. */
const BRACKETED = new RegExp(`${GRADE}[（(]${MARK}[)）]`, "g");

/**
 * The grades listed as boxes to tick (优（√） 良（ ） 中（ ） 差（ ）, ☑优 □良 □中 □差): the one grade ticked, or null
 * when none or several are, or where a mark stands alone between two grades (优 √ 良).
 */
function ticked(text: string): Rating | null {
  const all = text.replace(/\s+/g, "");
  if ((all.match(new RegExp(GRADE, "g")) ?? []).length < 2 || !new RegExp(MARK).test(all)) return null;
  const hits = new Set<Rating>();
  const tokens = text.trim().split(/\s+/);
  if (tokens.length > 1) {
    for (const t of tokens) {
      // (Brackets split by spaces inside them, 优（ √ ）, are one token once joined back: 优（ and √ and ） are read together.)
      const m = MARKED.exec(t);
      if (m) hits.add(normaliseRating(m[1] ?? m[2]!)!);
      else if (new RegExp(MARK).test(t) && !new RegExp(GRADE).test(t) && !/^[（(]?[√✓✔☑■●◉▇][)）]?$/.test(t)) return null;
      else if (/^[√✓✔☑■●◉▇]$/.test(t)) return null;
    }
  } else {
    for (const m of all.matchAll(BRACKETED)) hits.add(normaliseRating(m[1]!)!);
  }
  return hits.size === 1 ? [...hits][0]! : null;
}

export function schemeByName(name: string | null | undefined): RatingScheme | null {
  if (!name) return "standard";
  const s = name.trim();
  return (RATING_SCHEMES as string[]).includes(s) ? (s as RatingScheme) : null;
}
