import type { RuleTextReader } from "../evaluate/resolveRule";
import { describeRule } from "../rules/describe";
import { ruleByName } from "../rules/names";
import type { Rule } from "../rules/types";
import { readBands } from "./bands";
import { readChecklist, readConditionPoints, readCost, readDeadlineText, readFloorLinear, readGradeShares, readOverAchievement, readPerUnit, readProportionalText, readRateTimesPoints, readRateTimesWeight, readStep, readThreshold, readTiers } from "./families";
import { normaliseRuleText } from "./normalise";

/**
 * Longest rule text read (the seeds' longest is 389 characters): a cell beyond it is a document, not a rule, and
 * is refused with that reason (see ruleTextTooLong) rather than read.
 */
export const MAX_RULE_TEXT = 1000;

/** Why a rule text was not read, when it is because of its length; null otherwise. */
export function ruleTextTooLong(text: string): string | null {
  return text.length > MAX_RULE_TEXT ? `评分规则文字过长（${text.length} 字，超过 ${MAX_RULE_TEXT} 字），未读取，请指定规则` : null;
}

/**
 * Read a scoring rule stated in words (评分规则 / 赋分规则 / 评分标准) into a rule object, with a Chinese paraphrase
 * of how it was understood. The text is matched against the known families only; it is never evaluated as code.
 * Text that states no rule the engine can apply gives null: the row is then `needs-rule`, never a guess.
 */
export const readRuleText: RuleTextReader = (text) => {
  if (text.length > MAX_RULE_TEXT) return null;
  const named = ruleByName(text);
  if (named) return { rule: named, paraphrase: describeRule(named) };
  const s = normaliseRuleText(text);
  if (!/得|扣|分/.test(s)) return null;
  const found = understand(s);
  if (!found) return null;
  return { rule: found.rule, paraphrase: `${describeRule(found.rule)}${found.note ? `（${found.note}）` : ""}` };
};

function understand(s: string): { rule: Rule; note: string | null } | null {
  const direct = readOverAchievement(s) ?? readCost(s) ?? readFloorLinear(s) ?? readStep(s) ?? readPerUnit(s) ?? readThreshold(s);
  if (direct) return { rule: direct, note: null };
  const checklist = readChecklist(s);
  if (checklist) return checklist;
  // A tier statement (分值区间 100%-80%…合理确定分值) followed by explicit bands: the explicit bands decide.
  const explicit = s.includes("分值区间") ? s.replace(/[^。]*分值区间[^。]*。/, "") : s;
  const bands = readBands(explicit) ?? readBands(s);
  if (bands) {
    const points = readConditionPoints(s, bands.subjects);
    if (points) return { rule: points, note: null };
    if (!consistent(bands.rule)) return null;
    return { rule: bands.rule, note: null };
  }
  const rate = readRateTimesWeight(s);
  if (rate) return { rule: rate, note: null };
  const tiers = readTiers(s);
  if (tiers) return { rule: tiers, note: null };
  const plain = readRateTimesPoints(s) ?? readProportionalText(s) ?? readDeadlineText(s) ?? readGradeShares(s);
  if (plain) return { rule: plain, note: null };
  return null;
}

/** Bands that overlap (the same rate in two bands with different awards) are contradictory: refused. */
function consistent(rule: Rule): boolean {
  if (rule.type !== "bands") return true;
  const probes: number[] = [];
  for (const b of rule.bands) for (const x of [b.min, b.max]) if (x !== undefined) probes.push(x - 1e-6, x, x + 1e-6);
  for (const x of probes) {
    const hits = rule.bands.filter((b) => {
      if (b.min !== undefined && (b.minInclusive === false ? !(x > b.min + 1e-12) : x < b.min - 1e-12)) return false;
      if (b.max !== undefined && (b.maxInclusive ? x > b.max + 1e-12 : !(x < b.max - 1e-12))) return false;
      return true;
    });
    if (new Set(hits.map((h) => `${h.points}/${h.share}`)).size > 1) return false;
  }
  return true;
}
