import { toSimplified } from "../data/traditional";
import { BASIC_INFO_LABELS, BLOCK_LABEL, CONCLUSION_LABELS, NONE_WORDS, NUMBERED_LEVEL, NOT_APPLICABLE_WORDS, NOTE_MARKERS, PLACEHOLDER_NAMES, SIGNATURE_MARKERS, SUB_ITEM, TABLE_TITLE } from "../data/rows";

/**
 * What a row under an indicator header is. Only `indicator` and `not-applicable` rows become indicators;
 * `title`, `info` and `header` rows end the table (the next table starts there).
 */
export type RowKind =
  | "indicator" | "not-applicable" | "level" | "sub-item" | "placeholder" | "name-only" | "note" | "signature"
  | "none" | "empty" | "total" | "subtotal" | "rating" | "title" | "info" | "header" | "budget";

export interface RowClass {
  row: number;
  kind: RowKind;
  /** Why, in Chinese (shown in the pane's 识别 step and the CLI). */
  reason: string;
}

/** The cells of one row as classification reads them (texts folded, merged cells filled). */
export interface RowCells {
  /** Every cell's folded text, left to right. */
  texts: string[];
  /** The indicator-name cell (三级指标), the level cells, and the figure cells. */
  name: string;
  levels: string[];
  target: string;
  actual: string;
  weight: string;
  score: string;
}

const folded = (s: string) => toSimplified(s);

function firstText(texts: string[]): string {
  return texts.find((t) => t !== "") ?? "";
}

function isNone(t: string): boolean {
  return t === "" || NONE_WORDS.includes(t);
}

/** The kind of a row that is not a total, subtotal or rating row (those are found by the caller). */
/** Words that only head a column of names. */
const HEADER_LINE = /^(?:名称|指标名称|一级指标|二级指标|三级指标|指标)$/;

export function classifyRow(row: number, c: RowCells): RowClass {
  const seen = new Set<string>();
  for (const t of c.texts) if (t !== "") seen.add(t);
  const at = (kind: RowKind, reason: string): RowClass => ({ row, kind, reason });
  if (seen.size === 0) return at("empty", "空行");
  const raw = [...seen];
  const first = folded(firstText(c.texts));
  if (raw.length === 1 && TABLE_TITLE.test(first) && !/\d+(?:\.\d+)?$/.test(first)) return at("title", `表格标题“${first}”：上一张表到此结束`);
  if (BASIC_INFO_LABELS.test(first)) return at("info", `项目信息“${first}”：上一张表到此结束`);
  // A note or a conclusion block is a label and one text spread over the row (an indicator row has more cells).
  if (raw.length <= 3 && NOTE_MARKERS.some((re) => re.test(first))) return at("note", `以“${first.slice(0, 8)}”开头的说明或备注`);
  if (raw.length <= 3 && CONCLUSION_LABELS.some((re) => re.test(first))) return at("note", `“${first.slice(0, 8)}”栏（评价结论、问题与措施）`);
  // A header's last line (指标名称 over 一级指标 | 二级指标 | 三级指标, then 名称 | 名称 | 名称): headings, not an indicator.
  const name0 = folded(c.name);
  if (HEADER_LINE.test(name0) && c.levels.some((l) => l !== "") && c.levels.every((l) => l === "" || HEADER_LINE.test(folded(l)))) return at("header", `表头的续行“${name0}”`);
  // A level as a numbered heading in the names' column (一、产出指标 | 50 | 45.68): a heading, its points the level's.
  if (NUMBERED_LEVEL.test(folded(c.name).replace(/\s+/g, "")) && isNone(c.target) && isNone(c.actual)) return at("level", `编号的指标级别标题“${folded(c.name).replace(/\s+/g, "")}”`);
  // A block of goals' own title row (年度绩效目标2（40分） | 目标2：深化商事制度改革…): the block's heading.
  if (raw.length <= 2 && BLOCK_LABEL.test(folded(firstText(c.texts)).replace(/\s+/g, ""))) return at("level", `目标块标题“${folded(firstText(c.texts)).replace(/\s+/g, "")}”`);
  const figures = hasFigures(c);
  // One text merged across the whole row (项目年度目标1:乡村道路建设养护项目) fills the figure cells too: a banner, not an indicator.
  if (figures && raw.length === 1 && c.texts.filter((t) => t !== "").length > 3 && !/\d$/.test(first)) return at("note", "横跨整行的标题或说明文字");
  // The distinct texts are folded only where a phrase list must see them all (signatures; a row repeats merges).
  if ((!figures || raw.length <= 3) && raw.map(folded).some((t) => SIGNATURE_MARKERS[0]!.test(t) || (!figures && SIGNATURE_MARKERS.some((re) => re.test(t))))) return at("signature", "签字、联系电话或日期行");
  if (raw.every((t) => NONE_WORDS.includes(t))) return at("none", `只写“${raw.join("、")}”`);
  const name = folded(c.name);
  if (name !== "" && SUB_ITEM.test(name) && isNone(c.weight) && isNone(c.score)) return at("sub-item", `“${name.slice(0, 6)}…”是上一行指标的分项，没有自己的分值和得分，不单独计分`);
  if (!figures) {
    if (name !== "" && PLACEHOLDER_NAMES.some((re) => re.test(name))) return at("placeholder", `模板占位行“${name}”，未填写`);
    if (name === "") return at("level", "只有一级/二级指标名称的标题行");
    if (raw.length === 1 && c.texts.filter((t) => t !== "").length > 2) return at("note", "横跨整行的说明文字");
    return at("name-only", `只有指标名称“${name.slice(0, 20)}”，没有目标值、实际值、分值和得分，未作为指标`);
  }
  if (NOT_APPLICABLE_WORDS.includes(c.target) && NOT_APPLICABLE_WORDS.includes(c.actual) && isNone(c.weight) && isNone(c.score)) {
    return at("not-applicable", `目标值和实际完成值均为“${c.target}”：本指标不适用，不计分`);
  }
  if (name === "" && isNone(c.target) && isNone(c.actual) && isNone(c.weight) && isNone(c.score)) return at("level", "没有指标名称和数值的行");
  return at("indicator", "指标行");
}

function hasFigures(c: RowCells): boolean {
  return [c.target, c.actual, c.weight, c.score].some((t) => t !== "");
}
