import { parseMeasure } from "../measure/parse";
import { LazyFinding } from "../findings";
import type { Finding, IndicatorResult } from "./types";

/**
 * Rows whose name column says nothing: the 三级指标 holds a figure (2020年, 100万, 15万元。) where the indicator's
 * name goes, or the name, the target and the actual are one text copied three times (美化环境 | 美化环境 | 美化环境).
 * Both are habits of a table filled by copying, so each is told once for the table, naming its rows.
 */
export function copyFindings(rows: readonly IndicatorResult[]): Finding[] {
  const figures: number[] = [];
  const copies: number[] = [];
  rows.forEach((r, i) => {
    if (!r.applicable || r.name === "") return;
    // Cheap tests first (the first characters, the lengths): most names start with a word and differ from their target.
    if (FIGURE_FIRST.test(r.name)) {
      if (nameIsFigure(bare(r.name))) figures.push(i);
    } else if (r.target.charAt(0) === r.name.charAt(0) && r.actual.charAt(0) === r.name.charAt(0) && Math.abs(r.name.length - r.target.length) <= 3 && Math.abs(r.name.length - r.actual.length) <= 3) {
      const name = bare(r.name);
      if (name.length > 1 && WORDS.test(name) && !NOTHING.test(name) && name === bare(r.target) && name === bare(r.actual)) copies.push(i);
    }
  });
  const out: Finding[] = [];
  const list = (ix: number[], show: (r: IndicatorResult) => string) => ix.map((i) => `第 ${i + 1} 项${show(rows[i]!)}`).join("、");
  if (figures.length) {
    // One such row is often a cost standard written as its own name (116元/人/年 | 116元/人/年): a note. Two or more show
    // a name column filled with values (2020年, 100万): a warning.
    out.push(new LazyFinding("name-is-value", figures.length > 1 ? "warning" : "info", figures[0]!, () => `三级指标（指标名称）栏填的是数值或日期，不是指标名称：${list(figures, (r) => `“${r.name}”`)}；请写明考核的内容（如“项目完成时间”“项目成本”），数值写在指标值栏`, undefined, undefined, undefined, figures.length > 1 ? figures : undefined));
  }
  if (copies.length) {
    out.push(new LazyFinding("name-target-actual-same", "warning", copies[0]!, () => `指标名称、指标值和实际完成值三栏文字相同：${list(copies, (r) => `“${r.name}”`)}；实际完成情况只是照抄目标，无法据以判断是否完成，请填写实际完成的数量、时间或结果`, undefined, undefined, undefined, copies.length > 1 ? copies : undefined));
  }
  return out;
}

/** The text with its look folded (full-width, spaces) and closing punctuation dropped. */
function bare(s: string): string {
  return String(s).normalize("NFKC").replace(/\s+/g, "").replace(/[。.,，;；、]+$/, "");
}

/** A name of words (a dash or a slash in all three columns is a spare row, not a copy). */
const WORDS = /[\u4e00-\u9fa5A-Za-z]/;
/** Words for "nothing here" written in all three columns: a row that does not apply, not a copy. */
const NOTHING = /^(?:不适用|无|暂无|不涉及|无此项|N\/?A|NA)$/i;

/** A name that may be a figure starts with a digit or a sign (full-width ones too), after any spaces. */
const FIGURE_FIRST = /^\s*[0-9０-９≥≤<>=＞＜＝]/;

/** A year with a word of time (2020年全年, 2021年度): a time target, not a name. */
const YEAR_ONLY = /^\d{4}年(?:度|全年|内|底|年底|年内)?$/;

/** Nothing but a figure, an amount or a date, with no word saying what is measured. */
function nameIsFigure(name: string): boolean {
  if (!/^[≥≤<>=]?\d/.test(name)) return false;
  if (YEAR_ONLY.test(name)) return true;
  const m = parseMeasure(name);
  return m.kind === "number" || m.kind === "percent" || m.kind === "date";
}
