import { toSimplified } from "../data/traditional";
import { ruleByName } from "../rules/names";
import { judgedShare } from "../rules/judgement";
import { ruleTextTooLong } from "../ruleText";
import type { Preset } from "../rules/presets";
import type { Rule } from "../rules/types";
import type { Measure } from "../measure/types";
import type { IndicatorInput, RuleSource, TableInput } from "./types";

/** Reads a rule stated in words (评分规则 column); null when the text is not understood. */
export type RuleTextReader = (text: string) => { rule: Rule; paraphrase: string } | null;

export type ResolvedRule =
  | { ok: true; rule: Rule; source: RuleSource; paraphrase: string | null }
  | { ok: false; reason: string };

/**
 * A 评价标准 that is not a scoring rule: every clause asks for evidence (提供佐证资料) or says how the weights were
 * split (三级指标分值按三级指标个数平均确定, 四舍五入保留整数). Clauses are cut at numbering and semicolons.
 */
function statesNoRule(written: string): boolean {
  // (Matched in simplified characters: 佐證資料 is 佐证资料.)
  const text = toSimplified(written);
  const clauses = text.split(/[;；。\n]|\d+[、.．]/).map((c) => c.trim()).filter((c) => c !== "");
  return clauses.length > 0 && clauses.every((c) => !/得|扣|计分|满分|不计|比例/.test(c) && (/佐证|证明材料|附件|资料/.test(c) || /分值按|权重按|平均确定|平均分配|保留整数/.test(c)));
}

function fromNameOrObject(r: string | Rule): Rule | null {
  if (typeof r === "string") return ruleByName(r);
  return r && typeof r === "object" && typeof r.type === "string" ? r : null;
}

/**
 * The rule for a row, in this order: the row's own `rule`; its `rule_text` as a rule name, then as text the
 * reader understands; the table's `rule`; the preset's rule for the kind of target. A rule text that is not
 * understood stops there (needs-rule): the table's stated rule is never silently replaced by a preset.
 */
export function resolveRule(
  row: IndicatorInput,
  table: TableInput,
  preset: Preset,
  target: Measure,
  readRuleText: RuleTextReader | null,
): ResolvedRule {
  if (row.applicable === false) return { ok: true, rule: { type: "notApplicable" }, source: "row", paraphrase: null };
  if (row.rule !== null && row.rule !== undefined && row.rule !== "") {
    const r = fromNameOrObject(row.rule);
    if (r) return { ok: true, rule: r, source: "row", paraphrase: null };
    return { ok: false, reason: `无法识别本行指定的评分规则“${typeof row.rule === "string" ? row.rule : JSON.stringify(row.rule)}”` };
  }
  const text = row.rule_text?.trim();
  if (text) {
    const named = ruleByName(text);
    if (named) return { ok: true, rule: named, source: "rule-name", paraphrase: null };
    const read = readRuleText ? readRuleText(text) : null;
    if (read) return { ok: true, rule: read.rule, source: "rule-text", paraphrase: read.paraphrase };
    // A rule whose own threshold is the target itself (满意度≥90%得满分；低于90%的按完成率×分值 on a ≥90% row): that threshold
    // says nothing the target does not; the rest is read. A threshold other than the target's is a rule of its own.
    const rest = withoutTargetThreshold(text, target);
    const again = rest !== null && readRuleText ? readRuleText(rest) : null;
    if (again) return { ok: true, rule: again.rule, source: "rule-text", paraphrase: `${again.paraphrase}（评分标准中的门槛即本行目标值）` };
    // The text states no rule, but the evaluator gave the share of the weight: that judgement is the score.
    if (judgedShare(row.judgement ?? null) !== null) return { ok: true, rule: { type: "judged" }, source: "judgement", paraphrase: "评分规则文字未给出计分方法，按评价人判断的得分比例计" };
    // A 评价标准 that says nothing about points (提供佐证资料；分值按指标个数平均确定): no rule of its own, so the
    // table's or the preset's rule applies, and the explanation says why.
    if (statesNoRule(text)) {
      const fallback = resolveRule({ ...row, rule_text: null }, table, preset, target, null);
      if (fallback.ok) return { ...fallback, paraphrase: `评分标准“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”未说明如何得分或扣分，按${fallback.source === "table" ? "表格指定的规则" : `预设 ${preset.name} 规则`}计` };
    }
    return { ok: false, reason: ruleTextTooLong(text) ?? `未能理解评分规则“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”，请指定规则` };
  }
  if (table.rule) {
    const r = fromNameOrObject(table.rule);
    if (r) return { ok: true, rule: r, source: "table", paraphrase: null };
    return { ok: false, reason: `无法识别表格指定的评分规则“${typeof table.rule === "string" ? table.rule : JSON.stringify(table.rule)}”` };
  }
  switch (target.kind) {
    case "grade":
      return { ok: true, rule: preset.byKind.qualitative, source: "preset", paraphrase: null };
    case "date":
      return { ok: true, rule: preset.byKind.date, source: "preset", paraphrase: null };
    default:
      return { ok: true, rule: preset.byKind.quantity, source: "preset", paraphrase: null };
  }
}

/**
 * The rule text with its full-marks threshold taken out where that threshold is the target's own (≥90%得满分 on a ≥90%
 * target; 低于90%的 then says "below the target"), or null where it has none or another.
 */
function withoutTargetThreshold(text: string, target: Measure): string | null {
  if (target.kind !== "percent" && target.kind !== "number") return null;
  const s = text.normalize("NFKC").replace(/\s+/g, "").replace(/大于等于|不低于|不少于/g, "≥").replace(/小于等于|不高于|不超过/g, "≤").replace(/>=/g, "≥").replace(/<=/g, "≤");
  // (Also in words after the figure, with the target's unit: 平均提升0.5个等级及以上得满分.)
  const worded = /^[^；;，,。]*?(\d+(?:\.\d+)?)(%|[\u4e00-\u9fa5]{0,4}?)(及以上|以上|及以下|以下|以内)(?:的)?(?:得满分)[；;，,]?/.exec(s);
  const unitOk = (u: string) => u === "" || u === "%" || (target.kind === "number" && target.unit === u);
  const m = /^[^；;，,。]*?([≥≤])(\d+(?:\.\d+)?)(%?)(?:的)?(?:得满分)[；;，,]?/.exec(s) ?? (worded && unitOk(worded[2]!) ? Object.assign([worded[0], /以上/.test(worded[3]!) ? "≥" : "≤", worded[1], worded[2] === "%" ? "%" : ""], { index: worded.index, input: s }) as unknown as RegExpExecArray : null);
  if (!m) return null;
  const value = Number(m[2]) / (m[3] === "%" ? 100 : 1);
  const op = m[1] === "≥" ? ">=" : "<=";
  if (Math.abs(value - target.value) > 1e-9 || (target.op !== null && target.op !== op && !(target.op === ">" && op === ">=") && !(target.op === "<" && op === "<="))) return null;
  // (低于90%的, 超出90%的: below or past that same threshold.)
  const n = `${m[2]!.replace(".", "\\.")}${m[3]}`;
  return s.slice(m[0].length).replace(new RegExp(`(?:低于|不足|超出|超过|高于|<|>)${n}`, "g"), "未达到").replace(new RegExp(`${n}/`, "g"), "目标值/");
}
