/** The 复核口径 rulebook: reviewer rules as data (rules.ts) and their checks (checks.ts). */
export { DEFAULT_RULES, mergeRules, type ReviewRule, type RuleSeverity } from "./rules";
export { applyRulebook, RULE_CODES, type RulebookContext } from "./checks";
