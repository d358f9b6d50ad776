/** The scoring engine's public API: pure TypeScript, no Office, DOM or file system. */
export { parseMeasure, parseActualAgainst } from "./measure/parse";
export { compare, directedCompletion } from "./measure/compare";
export { describeDeviation } from "./measure/deviation";
export { round, pct, pts } from "./measure/format";
export type { Measure, Op, Grade } from "./measure/types";
export type { Rule, Judgement, Band, ChecklistItem } from "./rules/types";
export { applyRule, SCORERS } from "./rules/registry";
export { ruleByName, NAMED_RULES } from "./rules/names";
export { ruleLabel, describeRule } from "./rules/describe";
export { PRESETS, presetByName, type Preset } from "./rules/presets";
export { evaluateTable, type EvaluateOptions } from "./evaluate/table";
export { scoreIndicator } from "./evaluate/indicator";
export { scoreBudget } from "./evaluate/budget";
export { rate as ratingOf, normaliseRating, RATING_SCHEMES, type Rating, type RatingScheme } from "./evaluate/rating";
export type * from "./evaluate/types";
export type { RuleTextReader } from "./evaluate/resolveRule";
export { completionOf } from "./measure/completion";
export { toContract, type ContractTable, type ContractOutput } from "./contract";
