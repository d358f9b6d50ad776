import { compare } from "../../src/engine";
import { round } from "../../src/engine";
import { parseActualAgainst, parseMeasure } from "../../src/engine";
import { applyRule } from "../../src/engine";
import type { Judgement, Rule } from "../../src/engine";

/** Score one row by a rule, as the engine does; returns the rounded score or the failure status. */
export function score(rule: Rule, target: string | number | null, actual: string | number | null, weight: number, judgement: Judgement | null = null): number | string {
  const t = parseMeasure(target);
  const a = parseActualAgainst(t, actual);
  const out = applyRule(rule, { target: t, actual: a, weight, judgement, comparison: compare(t, a) });
  return out.ok ? round(out.score, 2) : out.status;
}

export function explain(rule: Rule, target: string | null, actual: string | null, weight: number, judgement: Judgement | null = null): string {
  const t = parseMeasure(target);
  const a = parseActualAgainst(t, actual);
  const out = applyRule(rule, { target: t, actual: a, weight, judgement, comparison: compare(t, a) });
  return out.ok ? out.steps().join("；") : out.reason;
}
