import { asciiOp, cleanText, squeeze } from "./clean";
import { dateFromSerial, readDate } from "./date";
import { readGrade } from "./grade";
import { readUnit } from "./units";
import type { DateMeasure, Measure, MultiMeasure, NumberMeasure, Op, PercentMeasure } from "./types";

const WORD_OPS_BEFORE: [string[], Op][] = [
  [["不低于", "不少于", "不小于", "至少", "达到", "大于等于", "大于或等于"], ">="],
  [["不高于", "不超过", "不大于", "最多", "小于等于", "小于或等于", "控制在"], "<="],
  [["大于", "高于", "超过", "多于"], ">"],
  [["小于", "低于", "少于", "不足"], "<"],
  [["等于", "为", "是"], "="],
];

/** The operator word a label ends with (`参保率不低于` → `>=`); longer words win (`不低于` over `低于`). */
function wordOpAtEnd(label: string): Op | null {
  let best: { len: number; op: Op } | null = null;
  for (const [words, op] of WORD_OPS_BEFORE) {
    for (const w of words) {
      if (label.endsWith(w) && (!best || w.length > best.len)) best = { len: w.length, op };
    }
  }
  return best?.op ?? null;
}
const DOWN_WORDS = ["下降", "降低", "减少", "压减", "缩减", "减低", "减", "降"];
const UP_WORDS = ["增长", "上升", "增加", "提高", "提升", "增", "增收"];

/** A change written before a figure (`能耗下降5%`, `同比增长3%`). */
function changeAtEnd(label: string): "down" | "up" | null {
  if (DOWN_WORDS.some((w) => label.endsWith(w))) return "down";
  if (UP_WORDS.some((w) => label.endsWith(w))) return "up";
  return null;
}

/** A bound after the figure (95%以上, 24小时内), the work said done after it or not (24小时内完成, 3个工作日内办结). */
const DONE_AFTER_BOUND = "(?:已?(?:全部)?(?:完成|办结|处置|处理|解决|到位|落实|发放|拨付|响应|到达|答复|反馈))?$";
const WORD_OPS_AFTER: [RegExp, Op][] = [
  [new RegExp(`(?:以上|及以上|或以上|之上)${DONE_AFTER_BOUND}`), ">="],
  [new RegExp(`(?:以下|及以下|或以下|以内|之内|内)${DONE_AFTER_BOUND}`), "<="],
];

const QUANTITY = /^(-?\d+(?:\.\d+)?)(%|‰)?(.*)$/;

/**
 * Read a target or an actual as written in a table: `≥24.37万人`, `=100%`, `<=3.50万元`, `不低于95%`,
 * `95%以上`, `2024年12月10日前`, `有效保障`, `普通居民 61 元/人/年; 特殊人员 140 元/人/年`, or a number.
 * A blank cell (null, undefined, "", whitespace) is `blank`: not yet filled, never zero. Text that is
 * none of these is `unreadable` with the reason in Chinese; nothing is guessed.
 */
export function parseMeasure(input: string | number | null | undefined): Measure {
  if (typeof input !== "string") return readMeasure(input);
  const fast = plainQuantity(input);
  if (fast) return fast;
  // Tables repeat the same texts (=100%, ≥95%) and recalculation re-reads them: cache, bounded. Measures are
  // never mutated, so sharing them is safe.
  const hit = CACHE.get(input);
  if (hit) return hit;
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  const m = readMeasure(input);
  CACHE.set(input, m);
  return m;
}

/**
 * The common shapes read in one pass with no regular expression and no allocation beyond the result: an optional
 * operator (≥ ≤ > < = >= <=), a plain number, and `%` or a known unit (`≥180人`, `=95.5%`, `<=3.50万元`, `16000`).
 * Anything else (labels, words, dates, full-width forms, separators, markup) goes to the full reader, so both
 * always agree; the test suite checks that they do on every seed text.
 */
export function plainQuantity(s: string): NumberMeasure | PercentMeasure | null {
  const n = s.length;
  if (n === 0 || n > 40) return null;
  let i = 0;
  let op: Op | null = null;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2265) op = ">=";
  else if (c0 === 0x2264) op = "<=";
  else if (c0 === 62 || c0 === 60 || c0 === 61) {
    const c1 = s.charCodeAt(1);
    if (c1 === 61) {
      if (c0 === 61) return null;
      op = c0 === 62 ? ">=" : "<=";
      i = 1;
    } else if (c0 === 61 && (c1 === 62 || c1 === 60)) {
      return null;
    } else {
      op = c0 === 62 ? ">" : c0 === 60 ? "<" : "=";
    }
  }
  if (op !== null) i++;
  const start = i;
  if (s.charCodeAt(i) === 45) i++;
  const digits = i;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === digits || (i - digits > 1 && s.charCodeAt(digits) === 48 && s.charCodeAt(digits + 1) !== 46)) return null;
  if (s.charCodeAt(i) === 46) {
    i++;
    const d = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === d) return null;
  }
  const numberText = s.slice(start, i);
  const value = Number(numberText);
  if (!Number.isFinite(value)) return null;
  if (i === n) return { kind: "number", op, value, unit: null, text: s, shown: numberText };
  if (s.charCodeAt(i) === 37 && i === n - 1) return { kind: "percent", op, value: value / 100, text: s, shown: `${numberText}%` };
  // A unit: known units only, made of CJK characters and `/`, none of the words that make a date or a bound.
  for (let k = i; k < n; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 0x4e00 && c <= 0x9fa5) || c === 47) || NOT_UNIT.includes(s[k]!)) return null;
  }
  const unitText = s.slice(i);
  let unit = UNIT_CACHE.get(unitText);
  if (unit === undefined) {
    unit = readUnit(unitText);
    if (UNIT_CACHE.size < 1000) UNIT_CACHE.set(unitText, unit);
  }
  if (!unit || !unit.known) return null;
  return { kind: "number", op, value: value * unit.multiplier, unit: unit.unit, text: s, shown: `${numberText}${unitText}` };
}

const DONE_AFTER = /^(?:已|均已|全部|均)?(?:完成|达成|达到|实现|发放|拨付|兑现|到位|覆盖|落实)$/;
const NOT_UNIT = "以之内上下前后年月日底末号至到或及";
const UNIT_CACHE = new Map<string, ReturnType<typeof readUnit>>();

const CACHE = new Map<string, Measure>();
const CACHE_LIMIT = 200000;

/** Forget every cached reading (the benchmark measures cold and warm runs). */
export function clearMeasureCache(): void {
  CACHE.clear();
}

/** Longest text read as a target or an actual: a cell beyond it is prose, and says so instead of being read. */
export const MAX_MEASURE_TEXT = 300;

/** The full reader, without the one-pass shortcut or the cache (tests check that the shortcut agrees with it). */
export function parseMeasureFull(input: string | number | null | undefined): Measure {
  return readMeasure(input);
}

function readMeasure(input: string | number | null | undefined): Measure {
  if (input === null || input === undefined) return { kind: "blank", text: "" };
  if (typeof input === "string" && input.length > MAX_MEASURE_TEXT) {
    return { kind: "unreadable", text: `${input.slice(0, 30)}…`, reason: `文字过长（${input.length} 字，超过 ${MAX_MEASURE_TEXT} 字），不像目标值或实际值，未读取` };
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { kind: "unreadable", text: String(input), reason: "不是有效数字" };
    return { kind: "number", op: null, value: input, unit: null, text: String(input), shown: fmt(input) };
  }
  const text = input;
  const s = squeeze(cleanText(text));
  if (s === "" || s === "-" || s === "—" || s === "/") return { kind: "blank", text };

  const parts = s.split(/[;；]/).filter((p) => p !== "");
  if (parts.length > 1) return readMulti(parts, text);

  const read = readSingle(s, text);
  if (read.kind !== "unreadable") return read;
  // A remark in brackets after a value (95.2%（有效问卷500份）, 32场（含线上10场）, 48.6万元（决算数）): the value as written
  // before it, the remark shown with it.
  const remark = /^(.+?)[（(]([^（）()]+)[)）]$/.exec(s);
  // Only a remark that says where the figure comes from or what it counts: one that qualifies or changes it (（部分完成）,
  // （实际发放80户）, （预计）, （截至10月）, （含2个在建）, （超标）) leaves the cell unread.
  if (remark && HARMLESS_REMARK.test(remark[2]!) && !CHANGING_REMARK.test(remark[2]!)) {
    const head = readSingle(remark[1]!, text);
    if (head.kind === "number" || head.kind === "percent" || head.kind === "date" || head.kind === "grade") return { ...head, shown: `${head.shown}（${remark[2]}）` };
  }
  // A count in Chinese numerals (两次, 十个, 三场): the figure.
  const cn = /^([≥≤<>=]?)([零一二两三四五六七八九十百千]+)([\u4e00-\u9fa5]{1,3})$/.exec(s);
  if (cn) {
    const n = chineseNumber(cn[2]!);
    const unit = readUnit(cn[3]!);
    // (十分 is "very", not ten points: 分 is never counted this way.)
    if (n !== null && unit && unit.known && unit.multiplier === 1 && unit.unit !== null && unit.unit !== "分") {
      return { kind: "number", op: cn[1] ? asciiOp(cn[1]) : null, value: n, unit: unit.unit, text, shown: `${n}${unit.unit}` };
    }
  }
  return read;
}

/** Remarks that say where a figure comes from or what it counts (有效问卷500份, 抽样调查, 决算数, 含线上10场, 全年). */
const HARMLESS_REMARK = /^(?:有效)?(?:问卷|样本|抽样|抽查|调查|测评|随机)|决算|审计数|统计|数据来源|来源|^含|^全年|^年度|^全口径/;
/** Words in a remark that qualify or change the figure. */
const CHANGING_REMARK = /部分|实际|实发|已|应|计划|预计|拟|待|截至|截止|累计|在建|在途|预算|超|目标|月|半年|季度|未|没有|不|尚|差|约|左右/;

/** 两 → 2, 十二 → 12, 三十 → 30, 一百零五 → 105; null for anything else. */
function chineseNumber(s: string): number | null {
  const digit: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const place: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let current: number | null = null;
  for (const ch of s) {
    if (ch in digit) {
      if (current !== null && current !== 0) return null;
      current = digit[ch]!;
    } else if (ch in place) {
      total += (current ?? 1) * place[ch]!;
      current = null;
    } else return null;
  }
  return total + (current ?? 0);
}

function readSingle(s: string, text: string): Measure {
  const date = readDate(s, text) ?? dateInSentence(s, text);
  if (date) return date;
  const quantity = readQuantity(s, text) ?? countInSentence(s, text) ?? limitInSentence(s, text) ?? boundInSentence(s, text);
  if (quantity) return quantity;
  if (/\d/.test(s)) return { kind: "unreadable", text, reason: `无法识别“${text.trim()}”中的数值或单位` };
  // A frequency (按季度, 每月, 每半年): at least that many times a year.
  const often = /^(?:按|每)(季度|季|月|半年|年)(?:开展|进行|组织|检测|召开|调度|通报|一次)?$/.exec(s);
  if (often) {
    const times = { 季度: 4, 季: 4, 月: 12, 半年: 2, 年: 1 }[often[1] as "季度"]!;
    return { kind: "number", op: ">=", value: times, unit: "次", text, shown: `${s}（每年至少${times}次）` };
  }
  // 零事故, 零投诉: none of them, a count of 0.
  if (/^零(?:安全)?(?:事故|投诉|伤亡|差错|上访|案件|事件|污染事件|安全事故|责任事故)$/.test(s)) return { kind: "number", op: "<=", value: 0, unit: null, text, shown: "0" };
  const grade = readGrade(s);
  if (grade) return { kind: "grade", grade, text, shown: s };
  return { kind: "unreadable", text, reason: `无法识别“${text.trim()}”：不是数值、日期或定性等级` };
}

/** `≥24.37万人` → number; `95%` → percent; a Chinese label before the figure is allowed (`上访率≤1%`). */
function readQuantity(s: string, text: string): NumberMeasure | PercentMeasure | null {
  let rest = s;
  let op: Op | null = null;
  let change: "down" | "up" | null = null;
  // label: leading non-digit, non-operator characters, e.g. 上访率 or 农村低收入群体参保率为
  const symbol = /[≥≤<>=]/.exec(rest);
  const firstDigit = /-?\d/.exec(rest);
  if (symbol && firstDigit && symbol.index < firstDigit.index) {
    op = asciiOp(symbol[0]);
    const label = rest.slice(0, symbol.index);
    if (/[\d]/.test(label)) return null;
    rest = rest.slice(symbol.index + 1);
    if (rest.startsWith("=")) rest = rest.slice(1);
  } else if (firstDigit && firstDigit.index > 0) {
    const label = rest.slice(0, firstDigit.index);
    change = changeAtEnd(label);
    op = change === "down" ? ">=" : wordOpAtEnd(label);
    if (!/^[\u4e00-\u9fa5()（）:：、·“”"‘’《》]*$/.test(label)) return null;
    rest = rest.slice(firstDigit.index);
  }
  for (const [re, o] of WORD_OPS_AFTER) {
    const m = re.exec(rest);
    if (m) {
      if (op === null) op = o;
      rest = rest.slice(0, m.index);
      break;
    }
  }
  const numberText = rest.replace(/(\d),(?=\d{3}(?:\D|$))/g, "$1");
  const m = QUANTITY.exec(numberText);
  if (!m) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  const shownNumber = m[1] ?? "";
  if (m[2] === "%" || m[2] === "‰") {
    // A verb after the rate says what it counts (100%完成, 100%已发放): the rate is still the figure.
    if (m[3] !== "" && !DONE_AFTER.test(m[3]!)) return null;
    const scale = m[2] === "%" ? 100 : 1000;
    return { kind: "percent", op, value: value / scale, text, shown: `${change === "down" ? "下降" : ""}${shownNumber}${m[2]}`, ...(change ? { change } : {}) };
  }
  // (1200余人次, 30多场: at least the figure written, read as that figure.)
  // (件（套）: a unit with its alternative in brackets is the unit before them, as a 度量单位 column gives it.)
  const alt = /^([\u4e00-\u9fa5]{1,4})[（(][\u4e00-\u9fa5]{1,3}[)）]$/.exec(m[3] ?? "");
  const written = alt && readUnit(alt[1]!)?.known ? alt[1]! : (m[3] ?? "").replace(/[()（）]/g, "");
  // (30余天 is more than 30: against ≤30天 it is past the limit, compare.ts.)
  const more = /^(?:余|多)(?=[\u4e00-\u9fa5])/.test(written);
  if (more && op === null) op = ">";
  const unitText = written.replace(/^(?:余|多)(?=[\u4e00-\u9fa5])/, "");
  const unit = readUnit(unitText);
  if (!unit) return null;
  return {
    kind: "number",
    op,
    value: value * unit.multiplier,
    unit: unit.unit,
    text,
    shown: `${change === "down" ? "下降" : ""}${shownNumber}${unitText === "" ? "" : unitText}`,
    ...(change ? { change } : {}),
  };
}

/** Units a count in a sentence may carry (37个基层医疗机构, 完成2次宣传). */
const COUNT_UNIT = /^(\d+(?:\.\d+)?)(人次|平方米|公里|个|人|次|户|所|家|座|项|条|台|辆|名|份|场|批|处|间|套|株|亩|米|吨|本|部|篇|期)/;
/** Words that make a sentence's figure something other than the amount done (尚未, 约, 部分, 建设中 …). */
const NOT_DONE_OR_ROUGH = /未|没有|不足|部分|正在|建设中|在建|推进中|进行中|约|余|左右|多[个人次家]|以上|以下|超过|少于|低于|高于/;

/**
 * A sentence holding one count and no other figure (实施乡镇社区基层医疗机构37个, 本年度已完成37个基层医疗机构基药补助制度
 * 实施, 至少全年完成2次宣传): that count, at least it where the sentence says 至少/不少于. Nothing is read where the sentence
 * says the work is not done or the figure is rough.
 */
function countInSentence(s: string, text: string): NumberMeasure | null {
  const digits = s.match(/\d+(?:\.\d+)?/g) ?? [];
  if (digits.length !== 1 || /[%％‰≥≤<>=]/.test(s)) return null;
  const at = s.search(/\d/);
  const m = COUNT_UNIT.exec(s.slice(at));
  if (!m) return null;
  const before = s.slice(0, at);
  // Not a time limit (6个月内, 3个工作日) nor an ordinal (第3条), nor a figure quoted from a rule (《条例》).
  if (/^(?:个?月|个?工作日|季度|个?小时|星期|周|天|日|年)/.test(s.slice(at + m[0].length - (m[2] === "个" ? 1 : 0))) || /第$/.test(before) || /[《》]/.test(s)) return null;
  if (NOT_DONE_OR_ROUGH.test(s.replace(/至少|不少于|不低于/g, ""))) return null;
  const unit = readUnit(m[2]!);
  if (!unit) return null;
  const op: Op | null = /至少|不少于|不低于/.test(before) ? ">=" : null;
  return { kind: "number", op, value: Number(m[1]) * unit.multiplier, unit: unit.unit, text, shown: `${m[1]}${m[2]}` };
}

/**
 * A deadline at the end of a sentence, its only figures (年度文化惠民活动于2023年12月底前全部完成): the date, read from where it
 * starts. The words before it name what is due; nothing after the date but the deadline's own words.
 */
function dateInSentence(s: string, text: string): DateMeasure | null {
  const at = s.search(/\d{4}年\d{1,2}月/);
  if (at <= 0 || /\d/.test(s.slice(0, at)) || !/^[\u4e00-\u9fa5“”"、]+$/.test(s.slice(0, at))) return null;
  return readDate(s.slice(at), text);
}

/**
 * A bound that ends a sentence holding other figures (对全区28处文物保护单位开展安全巡查不少于4轮, 为1200户发放补助不少于95%):
 * the bound, read from its word. Not a bound on each of several (每个乡镇不少于2次): that is no total.
 */
const BOUND_AT_END = /(?:不少于|不低于|至少|不超过|不高于|控制在|达到)[^，,；;。不至达控]*$/;
const PER_UNIT = /每|人均|户均|生均|亩均|平均|单(?:户|座|个|人|项|次|家|件|台)(?!位)|单价|标准|最高|最低|宽度|高度|厚度|直径/;
function boundInSentence(s: string, text: string): NumberMeasure | PercentMeasure | null {
  const clauses = s.split(/[，,；;。]/).filter((c) => c !== "");
  const clause = clauses.pop() ?? "";
  const m = BOUND_AT_END.exec(clause);
  // Not a bound on each or on a size (户均不少于2000元, 路面宽度不低于6米), nor one of two targets (新建道路10公里，…).
  if (!m || m.index === 0 || PER_UNIT.test(clause) || clauses.some((c) => /\d/.test(c))) return null;
  return readQuantity(m[0], text);
}

/** A time limit inside a sentence, its only figure (雪停后24小时内完成主干道清雪, 接件后3个工作日内办结): at most that time. */
const LIMIT = /(\d+(?:\.\d+)?)(个?小时|个?工作日|分钟)(?:以内|之内|内)/;
function limitInSentence(s: string, text: string): NumberMeasure | null {
  const digits = s.match(/\d+(?:\.\d+)?/g) ?? [];
  if (digits.length !== 1 || /[%‰≥≤<>=]/.test(s)) return null;
  const m = LIMIT.exec(s);
  if (!m || NOT_DONE_OR_ROUGH.test(s)) return null;
  // (As the plain reader reads the same words: 个工作日 is a unit of its own, 个小时 is 小时.)
  const unit = m[2] === "个小时" ? "小时" : m[2]!;
  return { kind: "number", op: "<=", value: Number(m[1]), unit, text, shown: `${m[1]}${unit}` };
}

function readMulti(parts: string[], text: string): Measure {
  const read: MultiMeasure["parts"] = [];
  for (const p of parts) {
    const m = /^([\u4e00-\u9fa5]*?)(?=[≥≤<>=]?-?\d)(.*)$/.exec(p);
    const label = m?.[1] ?? "";
    const q = readQuantity(m?.[2] ?? p, p);
    if (!q) return { kind: "unreadable", text, reason: `无法识别“${p}”中的数值或单位` };
    read.push({ label, measure: q });
  }
  return { kind: "multi", parts: read, text, shown: parts.join("；") };
}

/** A date target with a numeric actual: Excel date serials (e.g. 45636) are read as dates. */
export function parseActualAgainst(target: Measure, actual: string | number | null | undefined, name: string | null = null): Measure {
  if (typeof actual === "number" && target.kind === "date" && actual > 20000 && actual < 80000) {
    return dateFromSerial(actual, String(actual));
  }
  const m = parseMeasure(actual);
  // The actual's text cleaned once (full-width folded, spaces out), for the readings below that need it.
  let cleaned: string | null = null;
  const clean = (): string => (cleaned ??= squeeze(cleanText(String(actual))));
  // An actual that says the figure was not reached or is only planned or rough (未能于2023年12月底前完成, 计划巡查4轮，
  // 因疫情仅完成2次, 一般在3个工作日内办结): its figure is not what was done. Unmet where it says so, else unread.
  // (Tested only on texts with words: most actuals are figures, 95%, 1200人, and pass at once.)
  if (typeof actual === "string" && (m.kind === "number" || m.kind === "percent" || m.kind === "date") && DOUBT_CHARS.test(actual) && ACTUAL_DOUBT.test(clean())) {
    const a = clean();
    return STATED_NOT_DONE.test(a) ? { kind: "grade", grade: "unmet", text: actual, shown: a } : { kind: "unreadable", text: actual, reason: `“${actual.trim()}”说明未完成、只是计划或约数，不能作为实际完成值读取` };
  }
  // A bare month (7月) as the actual of a date target (9月前) is the month it was done in, not seven months.
  if (target.kind === "date" && m.kind === "number" && m.unit === "月" && m.op === null && Number.isInteger(m.value) && m.value >= 1 && m.value <= 12) {
    const d = readDate(`${m.value}月底`, typeof actual === "string" ? actual : String(actual));
    if (d) return { ...d, shown: `${m.value}月` };
  }
  // A rise asked for in words (较上年有所提高) answered by the figure reached, the year before's beside it or not
  // (提高至33.6%（上年31.9%）): met when the actual says it rose and, where both figures are given, the later is higher.
  // (A change read as such, 提高3%, is compare's: a direction answered by a change.)
  if (target.kind === "grade" && typeof actual === "string" && (m.kind === "unreadable" || ((m.kind === "number" || m.kind === "percent") && m.change === undefined))) {
    const rise = riseAnswered(target.text, actual);
    if (rise) return rise;
  }
  // A grade on a scale as the floor (较好及以上（好/较好/一般/差）) answered by one grade of it (较好): met when not below.
  if (typeof actual === "string") {
    const scaled = target.kind === "grade" || target.kind === "unreadable" ? scaleAnswered(target.text, actual) : null;
    if (scaled) return scaled;
  }
  // Done within the year asked for in words (当年完成, 年内完成, 年底前完成) and answered by a date: the date is in the year
  // evaluated unless the actual says it was put off (延期至2024年3月).
  if (target.kind === "grade" && /^(?:当年|年内|本年度?内?|年度内|年底前|年末前)(?:全部)?完成$/.test(squeeze(cleanText(target.text))) && (m.kind === "date" || (m.kind === "unreadable" && typeof actual === "string" && /\d{4}年\d{1,2}月/.test(clean())))) {
    const a = typeof actual === "string" ? clean() : String(actual);
    // Only a date of the work done (2023年12月15日完成), not of a start, a payment or a state (开工, 正在, 尚在, 85%).
    if (typeof actual === "string" && (ONGOING.test(a) || !DONE_AFTER_DATE.test(a))) return m.kind === "date" ? m : { kind: "unreadable", text: actual, reason: `“${actual.trim()}”没有写完成的日期` };
    const late = PUT_OFF.test(a) || /未完成|尚未/.test(a);
    return { kind: "grade", grade: late ? "unmet" : "met", text: typeof actual === "string" ? actual : String(actual), shown: `${typeof actual === "string" ? clean() : String(actual)}（${late ? "延期" : "当年内"}）` };
  }
  // A sentence (完成巡查4轮，覆盖28处; 经结业考核合格612人，合格率97.45%; 全年共完成培训628人，较上年增加48人; 9月份发生1次超标
  // 排放): the one figure in the target's terms (its unit, a rate for a rate, a change for a change). Only where that figure is
  // the only one of its kind, its own clause neither doubts it nor names a plan, and no clause says part of it was not done
  // (完成巡查4轮，其中2轮未完成). Other clauses may give reasons (受降雨影响部分实训取消，仅完成85%).
  if (m.kind === "unreadable" && typeof actual === "string") {
    const said = figureInSentence(target, clean(), actual, name);
    if (said) return said;
  }
  // The target's own words as the actual, read as a lesser grade (有所提高 / 有所提高): what the target asked for was done.
  if (m.kind === "grade" && target.kind === "grade" && m.grade !== "met" && typeof actual === "string" && clean() === squeeze(cleanText(target.text))) {
    return { kind: "grade", grade: "met", text: actual, shown: `${m.shown}（与目标相同）` };
  }
  if (typeof actual !== "string" || (m.kind !== "unreadable" && m.kind !== "blank")) return m;
  const a = clean();
  // 无 against a count or a rate (安全事故 0 起 / 实际“无”) is none of it: 0 in the target's terms.
  // 无上访 / 无事故 / 未发生安全事故 against a count: none of it (the words after 无 name what did not happen).
  const nothing = NOTHING.includes(a) || (target.kind === "number" && target.unit !== null && /^(?:无|没有|未发生)[\u4e00-\u9fa5]{1,8}$/.test(a) && !/[\d]/.test(a));
  if (nothing && (target.kind === "number" || target.kind === "percent") && target.change === undefined) {
    return target.kind === "percent" ? { kind: "percent", op: null, value: 0, text: actual, shown: "0%（实际写“无”）" } : { kind: "number", op: null, value: 0, unit: target.unit, text: actual, shown: `0${target.unit ?? ""}（实际写“无”）` };
  }
  // The same words as the target (改善办学条件 / 改善办学条件): the target, as written, was reached.
  if (m.kind === "unreadable" && a !== "" && a.length <= 100 && (target.kind === "grade" || target.kind === "unreadable") && squeeze(cleanText(target.text)) === a) {
    return { kind: "grade", grade: "met", text: actual, shown: `${a}（与目标相同）` };
  }
  return m;
}

/** Words that make a clause's figure something other than what was done: a plan, a doubt, a remainder. */
const NOT_THE_ACTUAL = /未|尚|没有|正在|施工中|建设中|推进中|进行中|在建|计划|目标|应(?:完成|到位|发放|培训|建设|达到|为|拨付|支付)|下达|任务数|计划任务|年初|原定|预计|拟|争取|力争|约|左右|以上|以下|超过|不足|不到|截至|截止|上年|去年|同比|^其中|^含|^包括/;
/** Work still going on, or a date of something else than the work done. */
const ONGOING = /正在|在建|建设中|施工中|推进中|进行中|尚|剩余|部分|主体|截至|截止|开工|开始|启动|\d+(?:\.\d+)?%/;
/** A date followed by the work done on it (2023年11月20日全部结业并完成考核; 12月20日前全部拨付). */
const DONE_AFTER_DATE = /\d{1,2}月(?:\d{1,2}日)?(?:前|底前|底)?[\u4e00-\u9fa5]{0,6}?(?:完成|完工|竣工|结业|办结|验收|拨付|发放|兑现|交付|投入使用|建成)/;
/** A date put off to (延期至2024年3月), as opposed to 未延期 or 推迟开工. */
export const PUT_OFF = /(?<![未无没])(?:延期|推迟|顺延|延后)(?:至|到)|(?<![未无没])延至/;
/** Leading words of time (9月份, 7月, 2023年) that stand before a clause's figure and are not one. */
const LEAD_TIME = /^(?:\d{4}年(?:度)?)?(?:\d{1,2}月份?)?(?:\d{1,2}日)?/;

function figureInSentence(target: Measure, a: string, text: string, name: string | null): NumberMeasure | PercentMeasure | DateMeasure | null {
  if (a.length > 120 || /其中[^，,；;。]*(?:未|尚)/.test(a)) return null;
  // (A remark in brackets stays with its clause: 96%（预计） is a doubt, 1起（已妥善处置） is still one.)
  const clauses = a.split(/[，,；;。：:]/).filter((c) => c !== "");
  if (target.kind === "date") {
    // The one date of the sentence (已于2023年11月20日全部结业并完成考核; 按时完成，12月20日前全部拨付).
    const dates = [...a.matchAll(/(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:前|底前|底)?/g)];
    if (dates.length !== 1) return null;
    const clause = clauses.find((c) => c.includes(dates[0]![0])) ?? "";
    if (/未|尚|计划|预计|拟|争取|力争|左右|约|大约|前后/.test(clause) || ONGOING.test(a) || !DONE_AFTER_DATE.test(a)) return null;
    return readDate(dates[0]![0], text);
  }
  // A count of none asked for (=0, 0次) answered by the count that happened (9月份发生1次超标排放): any counting word.
  const noneAsked = target.kind === "number" && target.value === 0 && (target.unit === null || COUNTED.test(target.unit));
  // None asked for and none said to have happened in words (开展安全检查12次，全年未发生安全事故): the counts are of other things.
  if (noneAsked && /未发生|没有发生|无[\u4e00-\u9fa5]{0,6}(?:事故|事件|投诉|案件)|零(?:事故|投诉)/.test(a)) return null;
  if ((target.kind !== "number" || (target.unit === null && !noneAsked)) && target.kind !== "percent") return null;
  const fits: (NumberMeasure | PercentMeasure)[] = [];
  const counts: { n: number; unit: string; clause: string }[] = [];
  for (const c of clauses) {
    const bare = c.replace(LEAD_TIME, "");
    for (const f of bare.matchAll(/(?:较上年|比上年|同比)?(?:增长|增加|提高|下降|减少|降低)?(\d+(?:\.\d+)?)(%|[\u4e00-\u9fa5/]{1,4})/g)) {
      const unitText = f[2]!;
      // (Not a time counted in 个: 3个月, 5个工作日.)
      if (/^个(?:月|工作日|小时|星期)/.test(unitText) && !(target.kind === "number" && target.unit !== null && unitText.startsWith(target.unit))) continue;
      // (Counts are kept for a rate asked for: it may be answered by two of them, below.)
      if (target.kind === "percent" && COUNTED.test(unitText[0]!)) counts.push({ n: Number(f[1]), unit: unitText[0]!, clause: c });
      // (A scale before the unit, 3.2万人 against ≥3万人 or 98万元 against ≥95万元, is read with it.)
      const scale = /^[万千亿]/.test(unitText) && target.kind === "number" && target.unit !== null && unitText.slice(1).startsWith(target.unit) ? unitText[0]! : "";
      const fitsUnit = target.kind === "percent" ? unitText === "%" : noneAsked ? COUNTED.test(unitText[0]!) && (target.unit === null || unitText.startsWith(target.unit)) : scale !== "" || unitText === target.unit || unitText.startsWith(target.unit!);
      if (!fitsUnit) continue;
      const change = /^(?:较上年|比上年|同比)?(?:增长|增加|提高|下降|减少|降低)/.test(f[0]) ? f[0].slice(0, f[0].indexOf(f[1]!)) : null;
      if ((change !== null) !== (target.change !== undefined)) continue;
      // A clause naming a plan, a doubt or a shortfall (计划培训100人; 2座因…未到位暂缓实施) is not what was done: passed over.
      if (NOT_THE_ACTUAL.test(c.replace(/仅|只/g, "").replace(change !== null ? /较上年|比上年|同比/g : /$^/, ""))) continue;
      // A remark that qualifies the figure (（部分完成）, （超标）, （未达标）): not what was done. What was done about an event
      // that happened (1起（已妥善处置）) does not undo it.
      const remark = /[（(]([^（）()]*)[)）]/.exec(c)?.[1] ?? null;
      if (remark !== null && (CHANGING_REMARK.test(remark) || /达标|合格/.test(remark)) && !(noneAsked && /^已(?:妥善)?(?:处置|整改|处理|赔付)/.test(remark))) continue;
      const m = readQuantity(target.kind === "percent" ? `${change ?? ""}${f[1]}%` : `${f[1]}${scale}${noneAsked && target.unit === null ? "" : target.unit}`, text);
      if (m) fits.push(m);
    }
  }
  if (fits.length === 1) return fits[0]!;
  // A rate asked for, answered by the two counts it is made of (抽查单项工程40个，验收合格38个; 送检水样216份，合格207份): the
  // passed over the whole, said. Only two counts in one unit, the smaller in a clause saying what passed.
  if (target.kind === "percent" && fits.length === 0 && counts.length === 2 && counts[0]!.unit === counts[1]!.unit) {
    const [whole, part] = counts[0]!.n >= counts[1]!.n ? [counts[0]!, counts[1]!] : [counts[1]!, counts[0]!];
    // Only where the row's name asks for that rate (合格率 for 合格, 满意度 for 满意 …).
    const word = PASSED.exec(part.clause)?.[0] ?? "";
    const asks = name !== null && word !== "" && new RegExp(`${word === "验收合格" ? "合格" : word}(?:率|度)`).test(name);
    if (asks && whole.n > 0 && part.n <= whole.n && !PASSED.test(whole.clause) && !/未|不合格|不达标|不满意|其中/.test(part.clause)) {
      const rate = part.n / whole.n;
      return { kind: "percent", op: null, value: rate, text, shown: `${part.n}/${whole.n} = ${(Math.round(rate * 10000) / 100).toFixed(2)}%` };
    }
  }
  return null;
}
/** Counting words of things that happen or are checked. */
const COUNTED = /^[次起例件宗个份批处项所座户人家台套]/;
/** Words of the part that passed (合格38个, 满意572份, 达标207份). */
const PASSED = /验收合格|合格|达标|满意|通过/;

/** Words in an actual that say its figure was not reached, is planned, or is rough. */
const ACTUAL_DOUBT = /未能|未于|未在|未按|未达到|未完成|没有完成|没有达到|没有在|尚未|尚有|部分|基本|大部分|个别|预计|计划|拟|争取|力争|原定|截至|截止|原则上|一般在/;
/** The first characters of those words (traditional forms too): a text with none of them holds none of the words. */
const DOUBT_CHARS = /[未沒没尚部基大個个預预計计擬拟爭争力原截一]/;
/** Of those, the ones that say it was not done. */
const STATED_NOT_DONE = /未能|未于|未在|未按|未达到|未完成|没有完成|没有达到|没有在|尚未/;

/** Words of a rise, in a target without a figure (较上年有所提高, 逐步提升) and in the actual that answers it. */
const RISE_TARGET = /^(?:较上年|比上年|同比|逐年|逐步|持续|不断|进一步)?(?:有所|明显|稳步|显著)?(?:提高|提升|增长|增加|上升|改善)$/;
const RISE_ACTUAL = /^(?:较上年|比上年|同比)?(?:有所|明显|稳步|显著)?(?:提高|提升|增长|增加|上升)(?:至|到|为|了)?(\d+(?:\.\d+)?)(%|个百分点)?/;
const PRIOR = /[（(](?:上年|去年|上年度|上一年度?|上年同期|同期)(?:为|是)?(\d+(?:\.\d+)?)(%)?[）)]$/;

function riseAnswered(targetText: string, actual: string): Measure | null {
  const t = squeeze(cleanText(targetText));
  if (!RISE_TARGET.test(t)) return null;
  const a = squeeze(cleanText(actual));
  const prior = PRIOR.exec(a);
  const body = prior ? a.slice(0, prior.index) : a;
  const m = RISE_ACTUAL.exec(body);
  if (!m || m[0].length !== body.length) return null;
  const now = Number(m[1]);
  const before = prior ? Number(prior[1]) : null;
  // 提高至X（上年Y）: a level, compared with the year before's; 提高X个百分点 or 提高X% with no level: a rise stated.
  const level = /至|到|为/.test(m[0]) && m[2] !== "个百分点";
  // (A unit left off one side, 提高至33.6%（上年31.9）, is the other's.)
  const met = before === null || !level ? now > 0 : now > before;
  return { kind: "grade", grade: met ? "met" : "unmet", text: actual, shown: before !== null && level ? `${a}：${now}${m[2] ?? ""} ${met ? "高于" : "不高于"}上年 ${before}${prior![2] ?? ""}` : a };
}

/** Grades of the scales tables use (好/较好/一般/差, 优/良/中/差), by rank. */
// (On 优秀/良好/中等/合格/不合格 合格 is below 中等.)
const SCALE_RANK: Record<string, number> = { 优: 3, 优秀: 3, 好: 3, 良: 2, 良好: 2, 较好: 2, 中: 1.5, 中等: 1.5, 一般: 1, 合格: 1, 差: 0, 较差: 0, 不合格: 0 };
const SCALE_WORD = "优秀|良好|较好|中等|一般|合格|不合格|较差|优|良|中|好|差";
const SCALE_FLOOR = new RegExp(`^(?:不低于|达到|至少)?(${SCALE_WORD})(?:等级|级)?(?:及|或)?以上(?:[（(][^）)]*[）)])?$`);
const SCALE_ANSWER = new RegExp(`^(?:评价为|评定为|达到)?(${SCALE_WORD})(?:等级|级)?$`);

function scaleAnswered(targetText: string, actual: string): Measure | null {
  const t = SCALE_FLOOR.exec(squeeze(cleanText(targetText)));
  const a = SCALE_ANSWER.exec(squeeze(cleanText(actual)));
  if (!t || !a) return null;
  const met = SCALE_RANK[a[1]!]! >= SCALE_RANK[t[1]!]!;
  return { kind: "grade", grade: met ? "met" : SCALE_RANK[a[1]!]! >= 1 ? "partial" : "unmet", text: actual, shown: `${a[1]}（目标${t[1]}及以上）` };
}

/** An actual that says "none". */
const NOTHING = ["无", "没有", "零"];

/** A number for display: up to 4 decimals, no trailing zeros. */
export function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}
