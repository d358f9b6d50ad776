/**
 * Indicators that measure the project's own money, as data (evaluate/funds.ts reads them): their actual is the
 * budget block's figure. Tables write them as 时效/成本 indicators with no figure of their own (`年度资金支付完成率
 * 100%` with blank cells), or with a figure the budget block contradicts (`100%` where 259.45/300 was spent).
 */

/** Names of a payment or execution rate: the actual is 执行数 / 预算数. (`资金支付及时率` is a timeliness rate: not here.) */
export const FUND_RATE_NAMES: RegExp[] = [
  /(预算|资金|经费)的?(支付|拨付|执行|支出|使用)(完成)?(率|进度)/,
  /(支付|执行|支出)进度/,
  /完成(资金|预算|经费)(支付|拨付|支出)/,
];

/** Names of an arrival rate: the actual is 实际到位资金 / 计划投资额 (`资金到位及时率` is a timeliness rate: not here). */
export const FUND_ARRIVAL_NAMES: RegExp[] = [/^(?:资金)?到位率$/, /资金到位率/];

/**
 * Labels of a funds row (label | amount pairs on one row): an evaluation's basic information (计划投资额 | 570 | 实际到位资金 |
 * 398.88 | 实际使用情况 | 395.86), or a transfer payment's 资金情况 (年度金额: | 208万元 | 资金使用情况(万元) | 合计: | 109.8万元).
 */
export const FUNDS_ROW_LABELS = {
  planned: /^(?:计划投资额?|项目总投资|预算资金|计划资金|年度金额|下达金额|下达资金)/,
  arrived: /^实际到位(?:资金)?/,
  used: /^(?:实际(?:使用|支出)(?:情况|资金)?|资金使用(?:情况|金额)?|使用金额|已使用资金)/,
};

/** A label that only introduces the amount after it (合计:, 小计：): skipped when looking for a label's amount. */
export const FUNDS_SUBLABEL = /^(?:合计|小计|总计|金额)[:：]?$/;

/** Names of spending kept within the budget: the target is 执行数 ≤ 预算数. */
export const WITHIN_BUDGET_NAMES: RegExp[] = [/(在|控制在)预算(范围)?(内|以内|之内)/, /不超(过|出)?预算/, /未超(过|出)?预算/];

/** A written rate and the budget block's may differ by rounding: at most this much (half a percentage point). */
export const FUND_RATE_TOLERANCE = 0.005;

/**
 * A sentence of money in words with its execution rate (review/textRate.ts): the words just before an amount tell what
 * it is; a sentence with any of NOT_PLAIN before the rate is left alone (parts, rates per head, round figures, other budgets).
 */
export const TEXT_RATE_WORDS = {
  spent: /支出|执行数|执行了|执行金额|使用|支付|花费|实际执行/,
  budgeted: /预算|下达|安排|批复|资金总额|计划投资/,
  notPlain: /其中|每|人均|户均|约|余|近|左右|多万|结余|结转|调整|追加|上年|年初/,
};
