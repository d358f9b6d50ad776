import type { RuleOutcome, ScoreContext, Scorer } from "./context";
import type { Rule, RuleType } from "./types";
import { proportional } from "./families/proportional";
import { completion } from "./families/completion";
import { floorLinear } from "./families/floorLinear";
import { cost } from "./families/cost";
import { bands } from "./families/bands";
import { step } from "./families/step";
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

/** Apply a rule; a rule object of an unknown type (e.g. from JSON) is a needs-rule outcome, not an exception. */
export function applyRule(rule: Rule, ctx: ScoreContext): RuleOutcome {
  const scorer = (SCORERS as Record<string, Scorer | undefined>)[rule.type];
  if (!scorer) return noScore("needs-rule", "rule-unknown", `未知的评分规则类型“${String(rule.type)}”`);
  return scorer(rule, ctx);
}
