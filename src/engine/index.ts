/**
 * The scoring engine's one door: pure TypeScript, no Office, DOM or file system. Code outside src/engine imports
 * from here only (lint enforces it). The pipeline (runPipeline / evaluateTable) is the way in; the rest are the
 * pieces the faces show or compose (readers, rule names, plans, surveys).
 */
// The pipeline
export { runPipeline, scoreDetected, evaluateTable, type PipelineOptions, type PipelineTable } from "./pipeline";
export { evaluate, type EvaluateOptions, type Evaluation } from "./evaluate/table";
export { levelKey, weightInName } from "./evaluate/levels";
export { reviewTable } from "./review/table";
export { breakdownFindings, type TextCell } from "./review/breakdown";
export { scoreIndicator, MAX_WEIGHT } from "./evaluate/indicator";
export { scoreBudget } from "./evaluate/budget";
export type * from "./evaluate/types";
export type { RuleTextReader } from "./evaluate/resolveRule";
export { toContract, type ContractTable, type ContractOutput } from "./contract";
export { FINDING_CATALOGUE, findingLabel, LazyFinding, type FindingCode } from "./findings";
// Reading cells: measures and plain figures
export { parseMeasure, parseMeasureFull, plainQuantity, parseActualAgainst, clearMeasureCache } from "./measure/parse";
export { readPoints, readAmount, readRate, sameUnit, amountUnitIn, writtenDecimals, type Amount } from "./measure/number";
export { compare, directedCompletion } from "./measure/compare";
export { completionOf } from "./measure/completion";
export { dateFromSerial } from "./measure/date";
export { describeDeviation } from "./measure/deviation";
export { describeRowDeviation } from "./measure/deviation";
export { outcomeOf, outcomeOfComparison, outcomeLabel, explainRow, unreadableCells, figure, OUTCOME_LABELS, type Outcome, type OutcomeKind, type UnknownReason } from "./outcome";
export { round, pct, pts } from "./measure/format";
export { toSimplified, TRADITIONAL_PAIRS } from "./data/traditional";
export type { Measure, Op, Grade } from "./measure/types";
// Rules
export type { Rule, Judgement, Band, ChecklistItem } from "./rules/types";
export { applyRule, SCORERS } from "./rules/registry";
export { ruleByName, NAMED_RULES, RULE_CHOICES } from "./rules/names";
export { ruleLabel, describeRule } from "./rules/describe";
export { PRESETS, presetByName, presetNames, unknownPresetMessage, type Preset } from "./rules/presets";
export { rate as ratingOf, normaliseRating, schemeByName, RATING_SCHEMES, type Rating, type RatingScheme } from "./evaluate/rating";
export { readRuleText, MAX_RULE_TEXT } from "./ruleText";
// Layout and write plans
export { detectTables, tableId, type DetectedTable, type DetectOptions } from "./layout/detect";
export { roleOf, type Role } from "./layout/headers";
export { matchHeader, normaliseHeader, type HeaderMatch } from "./layout/headers";
export { classifyRow, type RowClass, type RowKind } from "./layout/classify";
export { buildPlan, undoPlan, cellWrite, firstFreeColumns, FILL, NOTE_ALL_ROWS, type WritePlan, type CellWrite, type CellSnapshot, type PlanOptions } from "./layout/plan";
export { summaryRows, levelGroups } from "./layout/summary";
export { decideWrite, decideUndo, cellsToRead, userView, encodeRecord, decodeRecord, emptyRecord, freeSheetName, sheetAddress, occupied, sameState, afterWrite, type CellState, type RecordCell, type UndoRecord, type HeldCell, type WriteDecision, type UndoDecision } from "./layout/undo";
export { feedReplaces, type FeedOptions } from "./survey/plan";
export { FORMULA_ROW_LIMIT } from "./layout/formulas";
export { selfEvaluationTemplate, fourDimensionTemplate, type Template } from "./layout/template";
export { address, columnLetters, parseAddress, filledValues, text as cellText, type Grid, type GridCell, type CellValue, type Merge } from "./layout/grid";
export { cellForEngine, isDateFormat } from "./layout/cellText";
// The reviewer's side-by-side and 问题清单
export { sideBySide, deviationRate, type SideBySide, type SideRow } from "./review/sideBySide";
export { sideBySidePlan } from "./layout/sideBySide";
export { issueList, suggestedFix, SEVERITY_LABEL, type IssueRow, type IssueSource } from "./review/issueList";
// The 复核口径 rulebook
export * from "./rulebook";
// Surveys
export * from "./survey";
