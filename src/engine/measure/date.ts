import type { DateMeasure, Op } from "./types";

const DATE_PATTERNS: { re: RegExp; build: (m: RegExpMatchArray) => [number | null, number, number] }[] = [
  // 2024年12月10日 / 2024年12月10号
  { re: /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?/, build: (m) => [num(m[1]), num(m[2]) ?? 0, num(m[3]) ?? 0] },
  // 2024-12-10, 2024/12/10, 2024.12.10
  { re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, build: (m) => [num(m[1]), num(m[2]) ?? 0, num(m[3]) ?? 0] },
  // 2024年12月底 / 2024年12月末 / 2024年12月
  { re: /^(\d{4})年(\d{1,2})月(?:底|末)?/, build: (m) => [num(m[1]), num(m[2]) ?? 0, lastDay(num(m[1]), num(m[2]) ?? 1)] },
  // 2024年底 / 2024年末
  { re: /^(\d{4})年(?:底|末)/, build: (m) => [num(m[1]), 12, 31] },
  // 12月10日 (year from the other side)
  { re: /^(\d{1,2})月(\d{1,2})[日号]/, build: (m) => [null, num(m[1]) ?? 0, num(m[2]) ?? 0] },
  // 12月底
  { re: /^(\d{1,2})月(?:底|末)/, build: (m) => [null, num(m[1]) ?? 0, lastDay(null, num(m[1]) ?? 1)] },
  // 9月前 / 9月之前 / 9月完成: a month with a deadline word after it (a bare 9月 is a duration, except as the
  // actual of a date target: parse.ts). Read leniently as the end of that month, never a slip by a few days.
  { re: /^(\d{1,2})月(?=前|之前|以前|完成|完工|竣工|底前)/, build: (m) => [null, num(m[1]) ?? 0, lastDay(null, num(m[1]) ?? 1)] },
  // 年底前 / 年内 / 本年度内 (the year from the other side)
  { re: /^(?:当年|本年度?|年度)?(?:年底|年末|年内|内)(?=$|前|之前|以前|完成|全部|全面)/, build: () => [null, 12, 31] },
];

function num(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

function lastDay(year: number | null, month: number): number {
  const y = year ?? 2001; // a non-leap year when the year is unknown: February ends on the 28th
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

const BEFORE = /^(?:之前|以前|前|或之前|及之前|内|以内|之内)$/;
/** A deadline worded with what is to be done by then: 完成, 前完成, 底前全部完成, 完成100%. */
const DONE_BY = /^(?:之前|以前|前|内|以内|之内)?(?:全部|全面|按期|如期)?(?:完成|完工|竣工|办结|到位|实施完毕|结束|交付|验收|支付|拨付|签订|签署|开工|下达|印发|出台|启动|召开|举办|开展)(?:任务|合同|协议)?(?:\d+(?:\.\d+)?%)?$/;
const AFTER = /^(?:之后|以后|后)$/;
/** What was finished on the date (2023年11月验收, 2023年6月投入使用): an actual's date of completion, with no bound. */
const DONE_ON = /^(?:已|正式|顺利)?(?:完成|竣工)?(?:验收|通过验收|投入使用|投用|上线|印发|出台|发布|运行)(?:完成|完毕)?$/;
/**
 * Another event on the date (2023年5月12日签订, 2023年5月开工, 2023年9月下达): a date, but of that event, which answers only a
 * target that names it (compare.ts), never a deadline for finishing.
 */
const EVENT_ON = /^(?:已|正式|顺利)?(签订|签署|开工|下达|启动|召开|举办|开展|挂牌|成立)(?:合同|协议|完成|完毕)?$/;

/**
 * Read a date such as `2024年12月10日前`, `2024-12-10`, `12月底之前`. `前/之前` mean on or before
 * (a deadline); a leading `=` or `≤` is kept. Returns null when the text is not a date.
 */
export function readDate(s: string, text: string): DateMeasure | null {
  let op: Op | null = null;
  let rest = s;
  const lead = /^(≥|≤|=|<|>)/.exec(rest);
  if (lead) {
    op = lead[1] === "≥" ? ">=" : lead[1] === "≤" ? "<=" : (lead[1] as Op);
    rest = rest.slice(lead[0].length);
  }
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(rest);
    if (!m) continue;
    const [year, month, dayOfMonth] = p.build(m);
    if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
    const tail = rest.slice(m[0].length);
    let event: string | undefined;
    if (tail !== "") {
      // (An event named bare, 2023年5月开工, is that event's date; with 前, 2023年6月底前签订合同, a deadline for it.)
      if (EVENT_ON.test(tail)) event = EVENT_ON.exec(tail)![1]!;
      else if (BEFORE.test(tail) || DONE_BY.test(tail)) op = "<=";
      else if (AFTER.test(tail)) op = ">=";
      else if (!DONE_ON.test(tail)) return null;
    }
    return { kind: "date", op, year, month, dayOfMonth, text, shown: showDate(year, month, dayOfMonth), ...(event ? { event } : {}) };
  }
  return null;
}

/** `2024年12月10日`, or `12月10日` when the year is unknown. */
export function showDate(year: number | null, month: number, day: number): string {
  return `${year === null ? "" : `${year}年`}${month}月${day}日`;
}

/** Days since 1970-01-01 for comparing dates; the year is borrowed when one side lacks it. */
export function dayNumber(d: DateMeasure, yearIfMissing: number | null): number | null {
  const y = d.year ?? yearIfMissing;
  if (y === null) return null;
  return Math.round(Date.UTC(y, d.month - 1, d.dayOfMonth) / 86400000);
}

/** An Excel date serial (1900 system) as a date measure; used when a date cell arrives as a number. */
export function dateFromSerial(serial: number, text: string): DateMeasure {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return { kind: "date", op: null, year, month, dayOfMonth: day, text, shown: showDate(year, month, day) };
}
