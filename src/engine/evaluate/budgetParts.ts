import { toSimplified } from "../data/traditional";
import { pct } from "../measure/format";
import { type Amount, readAmount, writtenDecimals } from "../measure/number";
import type { BudgetInput, Finding } from "./types";

/** The funds block's total row against its 其中 rows, and against what was spent. */

/** The 其中 rows that split the funds by source (财政拨款, 上年结转, 其他资金 …): not a list with its own 合计 or 小计. */
const SOURCE_PART = /财政|拨款|结转|结余|其他资金|其它资金|自筹|中央|地方|省级|市级|县级|区级|本级|上级|单位资金|专户|社会资金|银行|贷款|债券/;
/** Kinds of appropriation (一般公共预算, 政府性基金, 国有资本经营预算): a list holding them splits 财政拨款 again, not the total. */
const APPROPRIATION_KIND = /一般公共预算|政府性基金|国有资本/;
const TOTAL_LABEL = /合计|小计|总计/;
/** A sum as written back: to the millionth, without float noise (132.912, not 132.91200000000001). */
const figure = (v: number) => Math.round(v * 1e6) / 1e6;
type Part = NonNullable<BudgetInput["parts"]>[number];
const label = (p: Part) => toSimplified(p.label);

/**
 * The parts that split the total itself: not the rows under a second 其中 (they split the part above), and not kinds of
 * appropriation listed under a 财政拨款 row (重庆: 财政拨款, then 一般公共预算).
 */
function topLevel(b: BudgetInput): Part[] {
  const parts = (b.parts ?? []).filter((p): p is Part => !!p && typeof p === "object" && typeof p.label === "string" && p.nested !== true);
  const appropriation = parts.some((p) => /财政拨款|财政资金/.test(label(p)));
  return parts.filter((p) => !(appropriation && APPROPRIATION_KIND.test(label(p))));
}

/**
 * The 其中 rows' amounts added up, where the total row is all 0: each part's budget (全年 or 年初, as the total row uses) and
 * executed amount, blank counting 0, all bare numbers or all in 元. Null where no part has a budget above 0, or a part's
 * figure cannot be read.
 */
export function partsSum(b: BudgetInput, fullYear: boolean): { budget: Amount; executed: Amount; labels: string[]; fromTotal: boolean } | null {
  // A list with its own 合计 row: that row is the sum (its amounts are taken, not added to the others').
  const all = topLevel(b);
  const totalRow = all.find((p) => TOTAL_LABEL.test(label(p)));
  const parts = totalRow ? [totalRow] : all;
  let budget = 0;
  let executed = 0;
  const labels: string[] = [];
  let unit: Amount["unit"] | undefined;
  for (const p of parts) {
    const pb = readAmount(fullYear ? p.full_year : p.initial);
    const pe = readAmount(p.executed);
    if (pb === null && pe === null) continue;
    for (const x of [pb, pe]) {
      if (x === null) continue;
      if (!Number.isFinite(x.value) || x.value < 0 || (unit !== undefined && x.unit !== unit)) return null;
      unit = x.unit;
    }
    budget += pb?.value ?? 0;
    executed += pe?.value ?? 0;
    labels.push(`“${p.label.replace(/^其中[:：]?/, "")}”`);
  }
  if (!(budget > 0)) return null;
  const amount = (v: number): Amount => ({ value: v, unit: unit ?? null, written: `${figure(v)}${unit ?? ""}` });
  return { budget: amount(budget), executed: amount(executed), labels, fromTotal: totalRow !== undefined };
}


/**
 * The total row against its 其中 rows, when these split it by source: each amount (全年预算数, 执行数, 年初预算数) of the total is
 * the sum of the parts' (blank parts count 0), within half a cent per part. Told once, naming every amount that differs. Not
 * for a total of 0 (budget-total-zero tells it), parts in another unit, or a list holding a 合计/小计 row of its own.
 */
export function checkPartsSum(b: BudgetInput, add: (f: Omit<Finding, "indicator">) => void): void {
  // Two sources or more (one 其中 line is "of which", not a split), none nested, none a 合计; and the row read as the total
  // is the total, not a 其中 row taken for it where the total row was left blank.
  const parts = (b.parts ?? []).filter((p): p is Part => !!p && typeof p === "object" && typeof p.label === "string");
  if (parts.length < 2 || parts.some((p) => p.nested === true) || (typeof b.label === "string" && (/^其中/.test(toSimplified(b.label)) || (SOURCE_PART.test(toSimplified(b.label)) && !/总额|总金额|合计|资金总/.test(toSimplified(b.label)))))) return;
  if (!parts.every((p) => SOURCE_PART.test(label(p)) && !APPROPRIATION_KIND.test(label(p)) && !TOTAL_LABEL.test(label(p)))) return;
  const off: string[] = [];
  for (const [key, name] of [["full_year", "全年预算数"], ["initial", "年初预算数"], ["executed", "执行数"]] as const) {
    const total = readAmount(b[key]);
    if (!total || !Number.isFinite(total.value) || !(total.value > 0)) continue;
    const amounts = parts.map((p) => readAmount(p[key]));
    if (amounts.every((a) => a === null) || amounts.some((a) => a !== null && (!Number.isFinite(a.value) || a.unit !== total.unit))) continue;
    const sum = amounts.reduce((s, a) => s + (a?.value ?? 0), 0);
    if (Math.abs(sum - total.value) <= 0.005 * parts.length + 1e-9) continue;
    const written = parts.flatMap((p, i) => (amounts[i] ? [`“${p.label.replace(/^其中[:：]?/, "")}” ${amounts[i]!.written}`] : []));
    off.push(`${name}合计 ${total.written}，其下${written.join("、")}${written.length > 1 ? `，合计 ${figure(sum)}` : ""}`);
  }
  if (off.length) add({ code: "budget-parts-sum", severity: "warning", message: `预算执行：年度资金总额行与其下“其中”各行不符：${off.join("；")}：合计行应为各来源之和` });
}

/**
 * Spending above the year's budget (338.31 against 329.77): money spent that no budget covers, to be explained. (Against an
 * initial budget only, more spent is the year's additions: not told.)
 */
export function checkOverExecuted(fullYear: boolean, rate: number, executed: string, budget: string, add: (f: Omit<Finding, "indicator">) => void): void {
  if (!fullYear || !(rate > 1 + 5e-5)) return;
  // Over by less than half a unit of the budget's last written decimal (2.3812 against 2.38 万元): the budget rounded, not
  // money spent beyond it.
  const b = readAmount(budget);
  const e = readAmount(executed);
  if (b && e && b.unit === e.unit && e.value - b.value <= 0.5 * 10 ** -writtenDecimals(budget) + 1e-9) return;
  add({ code: "budget-over-executed", severity: "warning", message: `预算执行：全年执行数 ${executed} 超过全年预算数 ${budget}（执行率 ${pct(rate)}）：超出预算的支出应说明资金来源和原因`, reported: executed, recomputed: budget });
}
