/**
 * Targets that name only a direction, no figure (增加, 较上年提高, 超上年度, 有下降): met by an actual that states a
 * change that way (增372人次, 增收27万元, 减少0.1万元), unmet by a change the other way. Data, read by measure/compare.ts.
 */
const BEFORE = "(?:较上年|比上年|较去年|同比|逐年|逐步|稳步|有所|有|明显|持续|不断)?";
const LAST_YEAR = "(?:上年|去年|上一年|往年)度?(?:水平|同期)?";

export const UP_TARGET = new RegExp(`^${BEFORE}(?:增加|增长|提高|提升|上升)$|^(?:超|超过|高于|多于|好于)${LAST_YEAR}$`);
export const DOWN_TARGET = new RegExp(`^${BEFORE}(?:下降|降低|减少)$|^(?:低于|少于)${LAST_YEAR}$`);
