/** Questionnaire arithmetic: positive-option rates, composites, valid rate, Cronbach's α, review findings. */
export * from "./types";
export { surveyRate, compositeRate, validRate, isPositive, optionKey, DEFAULT_POSITIVE } from "./rates";
export { cronbachAlpha } from "./alpha";
export { checkSurvey, readShare } from "./check";
export { detectSurveys, type SurveyBlock } from "./layout";
export { surveyResult, surveyPlan, feedPlan, type SurveyResult } from "./plan";
