import type { RuleOutcome, ScoreContext, Scorer } from "./context";
import type { Rule, RuleType } from "./types";
import { proportional } from "./families/proportional";
import { completion } from "./families/completion";
import { floorLinear } from "./families/floorLinear";
import { cost } from "./families/cost";
import { bands } from "./families/bands";
import { step } from "./families/step";
import { perUnit } from "./families/perUnit";
import { rateTimesWeight } from "./families/rateTimesWeight";
import { scaledBelow } from "./families/scaledBelow";
import { threshold } from "./families/threshold";
import { checklist } from "./families/checklist";
import { graded, qualitative } from "./families/qualitative";
import { deadline, judged, satisfaction, zeroTarget } from "./families/simple";
import { noScore } from "./context";

type Registry = { [K in RuleType]: Scorer<Extract<Rule, { type: K }>> };

/** Every rule family, by its type name. */
export const SCORERS: Registry = {
  proportional,
  completion,
  floorLinear,
  cost,
  bands,
  step,
  perUnit,
  rateTimesWeight,
  scaledBelow,
  threshold,
  checklist,
  qualitative,
  satisfaction,
  graded,
  deadline,
  zeroTarget,
  judged,
  notApplicable: () => noScore("needs-rule", "not-applicable", "不适用"),
};

const SCORER_MAP: ReadonlyMap<string, Scorer> = new Map(Object.entries(SCORERS) as [string, Scorer][]);
const VALID = new WeakSet<object>();

/**
 * Apply a rule. A rule object of an unknown type or with parameters outside their sense (e.g. from JSON) is a
 * needs-rule outcome with the reason, never an exception; every score is finite and within 0..weight.
 */
export function applyRule(rule: Rule, ctx: ScoreContext): RuleOutcome {
  const scorer = rule && typeof rule === "object" ? SCORER_MAP.get(rule.type) : undefined;
  if (!scorer) return noScore("needs-rule", "rule-unknown", `未知的评分规则类型“${String(rule?.type)}”`);
  if (!VALID.has(rule)) {
    const bad = ruleProblem(rule);
    if (bad) return noScore("needs-rule", "rule-invalid", `评分规则参数无效：${bad}`);
    VALID.add(rule);
  }
  if (!(ctx.weight > 0 && Number.isFinite(ctx.weight))) return noScore("unreadable", "weight-invalid", "权重不是正数");
  const out = scorer(rule, ctx);
  if (!out.ok) return out;
  if (!Number.isFinite(out.score)) return noScore("needs-rule", "rule-invalid", "按该规则算不出有限的得分，请检查规则参数");
  if (out.score < 0 || out.score > ctx.weight) {
    const capped = Math.min(ctx.weight, Math.max(0, out.score));
    const steps = out.steps;
    return { ...out, score: capped, completion: out.completion !== null && Number.isFinite(out.completion) ? out.completion : null, steps: () => [...steps(), `得分限定在 0 至权重 ${ctx.weight} 之间`] };
  }
  if (out.completion !== null && !Number.isFinite(out.completion)) return { ...out, completion: null };
  return out;
}

const share = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= 1;
const nonNeg = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0;
const tier = (t: unknown) => Array.isArray(t) && t.length === 2 && share(t[0]) && share(t[1]) && (t[0] as number) <= (t[1] as number);

/** What is wrong with a rule's parameters (Chinese), or null. */
export function ruleProblem(rule: Rule): string | null {
  switch (rule.type) {
    case "completion":
      return share(rule.floor) && rule.floor < 1 && typeof rule.zeroAt === "number" && rule.zeroAt > 1 && Number.isFinite(rule.zeroAt) ? null : "下限应在 0–100% 之间，清零点应大于 100%";
    case "floorLinear":
      return share(rule.floor) && rule.floor < 1 ? null : "下限应在 0–100% 之间";
    case "cost":
      return share(rule.floor) && rule.floor < 1 && (rule.zeroAt === undefined || (Number.isFinite(rule.zeroAt) && rule.zeroAt > 1)) ? null : "下限应在 0–100% 之间";
    case "bands":
      return Array.isArray(rule.bands) && rule.bands.every((b) => (b.points === undefined || nonNeg(b.points)) && (b.share === undefined || share(b.share))) ? null : "区间的得分应为非负数，比例应在 0–100% 之间";
    case "step":
      return nonNeg(rule.full) && nonNeg(rule.step) && rule.step >= 1e-6 && nonNeg(rule.deduct) ? null : "满分线、每档幅度和扣分应为正数";
    case "perUnit":
      return (rule.full === null || nonNeg(rule.full)) && nonNeg(rule.deduct) && rule.deduct > 0 && (rule.per === undefined || (nonNeg(rule.per) && rule.per > 0)) ? null : "满分线应为非负数，每少一个的扣分应为正数";
    case "rateTimesWeight":
      return rule.fullAt === undefined || nonNeg(rule.fullAt) ? null : "满分线应为非负数";
    case "scaledBelow":
      return nonNeg(rule.fullAt) && nonNeg(rule.zeroBelow) && nonNeg(rule.multiplier) && (rule.divisor === undefined || (nonNeg(rule.divisor) && rule.divisor > 0)) ? null : "满分线、下限和倍数应为非负数";
    case "checklist":
      return Array.isArray(rule.items) && rule.items.length <= 10 && rule.items.every((i) => (i.share === undefined || share(i.share)) && (i.points === undefined || nonNeg(i.points))) ? null : "各项比例应在 0–100% 之间，分值应为非负数（最多 10 项）";
    case "qualitative":
    case "graded":
      return tier(rule.met) && tier(rule.partial) && tier(rule.unmet) ? null : "各档比例应在 0–100% 之间，且下限不大于上限";
    default:
      return null;
  }
}
