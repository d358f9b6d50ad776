import type { Rule } from "./types";

export const TIERS_80_50 = { met: [0.8, 1], partial: [0.5, 0.8], unmet: [0, 0.5] } as const;
export const TIERS_80_60 = { met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] } as const;

function tiers(t: typeof TIERS_80_50 | typeof TIERS_80_60) {
  return { met: [...t.met] as [number, number], partial: [...t.partial] as [number, number], unmet: [...t.unmet] as [number, number] };
}

/** The completion rule of seeds 000 (C11) and 003, with its over-achievement penalty. */
export const COMPLETION_RULE: Rule = { type: "completion", floor: 0.6, zeroAt: 2 };

/**
 * Rule names as tables write them (赋分规则 column, EVAL.SCORE's rule argument) → rule objects. Keys are
 * compared after removing spaces.
 */
const RULE_NAME_LIST: Record<string, Rule> = {
  正向比例: { type: "proportional", direction: "higher" },
  正向指标: { type: "proportional", direction: "higher" },
  反向比例: { type: "proportional", direction: "lower" },
  反向指标: { type: "proportional", direction: "lower" },
  比例赋分: { type: "proportional" },
  按比例得分: { type: "proportional" },
  按照完成比例赋分: COMPLETION_RULE,
  按完成比例赋分: COMPLETION_RULE,
  完成比例赋分: COMPLETION_RULE,
  满意度赋分: { type: "satisfaction" },
  按评判等级赋分: { type: "graded", ...tiers(TIERS_80_50) },
  评判等级赋分: { type: "graded", ...tiers(TIERS_80_50) },
  直接赋分: { type: "deadline" },
  按时完成: { type: "deadline" },
  定性指标: { type: "qualitative", ...tiers(TIERS_80_50) },
  定性三档: { type: "qualitative", ...tiers(TIERS_80_50) },
  "定性三档80/60": { type: "qualitative", ...tiers(TIERS_80_60) },
  达标满分: { type: "threshold" },
  达标得满分: { type: "threshold" },
  不适用: { type: "notApplicable" },
  成本指标: { type: "cost", floor: 0.6, over: "zero" },
  目标为0: { type: "zeroTarget" },
};

/** Rule names → rules, in a Map: a name such as `__proto__` or `constructor` finds nothing. */
export const NAMED_RULES: ReadonlyMap<string, Rule> = new Map(Object.entries(RULE_NAME_LIST));

/** The rule a name stands for, or null. */
export function ruleByName(name: string): Rule | null {
  const direct = NAMED_RULES.get(name);
  if (direct) return direct;
  return name.length > 40 ? null : (NAMED_RULES.get(name.replace(/\s+/g, "")) ?? null);
}

export { tiers as tierObject };

/**
 * The rule names a person chooses from (the pane's rule list): one canonical name per rule; the synonyms above
 * (按完成比例赋分, 完成比例赋分 …) are read from tables but not offered again.
 */
export const RULE_CHOICES: readonly string[] = [
  "正向比例", "反向比例", "按照完成比例赋分", "满意度赋分", "按评判等级赋分", "直接赋分", "定性三档", "定性三档80/60", "达标满分", "成本指标", "目标为0", "不适用",
];
