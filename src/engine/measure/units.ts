/**
 * Units of measure. A leading 万/亿/千 scales the number into the base unit (`24.37万人` → 243700 人,
 * `3.5万元` → 35000 元); the base unit is what is compared. Unknown units made of Chinese characters
 * are kept as written and compared as written; they are never converted.
 */
export const MULTIPLIERS: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/** Units seen in the seed tables and in common 自评表 (not exhaustive: others are kept as written). */
export const KNOWN_UNITS = [
  "人次", "人", "户", "元", "次", "个", "家", "种", "辆", "件", "年", "天", "月", "日", "小时", "分钟",
  "所", "项", "份", "张", "台", "套", "场", "期", "篇", "条", "名", "座", "公里", "千米", "米", "平方米",
  "亩", "吨", "批", "类", "例", "本", "册", "间", "床", "把", "部", "处", "村", "镇", "乡", "组", "队",
  "周", "分", "页", "册", "块", "箱", "瓶", "盒", "支", "株", "头", "只", "万元", "元/人", "元/人/年",
  "工作日", "个工作日", "平方公里", "立方米", "公顷", "学时", "课时", "千瓦时",
];

/** Unit symbols as tables type them (NFKC folds ㎡ to m2, ² to 2), by the unit they stand for (a Map: no __proto__). */
const SYMBOLS: ReadonlyMap<string, string> = new Map(Object.entries({
  "m2": "平方米", "m²": "平方米", "平米": "平方米", "m3": "立方米", "m³": "立方米", "km": "公里", "km2": "平方公里", "km²": "平方公里",
  "kg": "公斤", "ha": "公顷", "kwh": "千瓦时", "kw·h": "千瓦时", "t": "吨", "m": "米", "kw": "千瓦",
}));

/**
 * Split a unit text such as `万人`, `万元/人`, `元/天/人` into its multiplier and base unit.
 * Returns null when the text does not look like a unit at all (digits, operators, punctuation).
 */
export function readUnit(text: string): { multiplier: number; unit: string | null; known: boolean } | null {
  if (text === "") return { multiplier: 1, unit: null, known: true };
  let multiplier = 1;
  // A symbol first (kW is 千瓦, read then as 千 × 瓦 like the written 5千瓦).
  let rest = SYMBOLS.get(text.toLowerCase()) ?? text;
  const first = rest.charAt(0);
  if (first in MULTIPLIERS && rest.length >= 1) {
    multiplier = MULTIPLIERS[first] ?? 1;
    rest = rest.slice(1);
  }
  if (rest === "") return { multiplier, unit: null, known: true };
  // 2023年度 is the year 2023 (a 时效 target written against 2023年).
  if (rest === "年度") rest = "年";
  // Symbols for units (300㎡, 5m³, 12km; ㎡ is m2 once folded): the unit they stand for.
  rest = SYMBOLS.get(rest.toLowerCase()) ?? rest;
  // 元/人*月, 元/人·月: a `*` or `·` between unit words is a `/` as tables type it.
  if (/[*·×]/.test(rest)) rest = rest.replace(/[*·×]/g, "/");
  // 元/人、天 (per person-day, the 、 typed for ·) once a unit has a `/`.
  if (rest.includes("/") && rest.includes("、")) rest = rest.replace(/、/g, "/");
  if (!/^[\u4e00-\u9fa5a-zA-Z/（）()²³]+$/.test(rest) || /^\/|\/\/|\/$/.test(rest)) return null;
  const atoms = rest.split("/");
  const known = atoms.every((a) => KNOWN_UNITS.includes(a));
  // An unknown unit is accepted only when it is short, like a measure word (亩, 人日): longer text after a
  // number (`5万元左右的费用`) is prose, not a unit, and is left unread rather than guessed at.
  // (个 with what it counts, 0.5个等级, 2个乡镇, is a measure word too; not 个左右, 个以上.)
  if (!atoms.every((a) => KNOWN_UNITS.includes(a) || /^[\u4e00-\u9fa5a-zA-Z²³]{1,2}$/.test(a) || (/^个[\u4e00-\u9fa5]{2,3}$/.test(a) && !/[以之左右内外上下余多]/.test(a)))) return null;
  return { multiplier, unit: rest, known };
}

/**
 * Units of one kind, by how many of the kind's smallest unit each holds: a target and an actual written in two of them
 * (12公里 against 12600米, 10吨 against 9500公斤) are compared once converted. 千米 and 千克 are read as 千 × 米, 千 × 克.
 * Only exact, fixed ratios (1 亩 = 10000/15 平方米); days, months and years are not converted (工作日, 自然月).
 */
const KINDS: readonly ReadonlyMap<string, number>[] = [
  new Map([["米", 1], ["公里", 1000]]),
  new Map([["克", 1], ["公斤", 1000], ["吨", 1e6]]),
  new Map([["平方米", 1], ["亩", 10000 / 15], ["公顷", 10000], ["平方公里", 1e6]]),
  new Map([["分钟", 1], ["小时", 60]]),
];

/** How many `to` one `from` is (公里 → 米: 1000), where the two are units of one kind; null otherwise. */
export function unitRatio(from: string, to: string): number | null {
  // 个 with what it counts is that count (12个行政村 against ≥10个, 210批次 against ≥200个批次); never a time (6个月, 3个工作日).
  const counted = (u: string) => (/^个[\u4e00-\u9fa5]+$/.test(u) && !/月|工作日|小时|季度|星期/.test(u) ? u.slice(1) : u);
  if (!/月|工作日|小时|季度|星期/.test(from + to) && (counted(from) === counted(to) || (from === "个" && counted(to) !== to) || (to === "个" && counted(from) !== from))) return 1;
  for (const kind of KINDS) {
    const f = kind.get(from);
    const t = kind.get(to);
    if (f !== undefined && t !== undefined) return f / t;
  }
  return null;
}
