import { DOWN_TARGET, UP_TARGET } from "../data/directions";
import { STATED_UNMET_WORDS } from "../data/grades";
import { withoutDenials } from "./grade";
import { cleanText, squeeze } from "./clean";
import { dayNumber } from "./date";
import { PUT_OFF } from "./parse";
import { plain, round } from "./format";
import { MULTIPLIERS, unitRatio } from "./units";
import type { DateMeasure, Measure, Op, QuantityMeasure } from "./types";
import type { Grade } from "./types";

/** Why a target and an actual could not be compared; `status` is the row status it leads to. */
export interface CompareError {
  ok: false;
  status: "pending" | "unreadable";
  code: "actual-blank" | "target-blank" | "unreadable" | "unit-mismatch";
  reason: string;
}

/** Two quantities compared: `ratio` is actual / target in the base unit (B/A), `met` follows the operator. */
export interface QuantityComparison {
  ok: true;
  kind: "quantity";
  ratio: number;
  met: boolean;
  lower: boolean;
  target: number;
  actual: number;
  /** How each side is shown in explanations, e.g. `14368人`, `89.80%`. */
  targetShown: string;
  actualShown: string;
  notes: string[];
  /**
   * true when a ratio of the two figures means nothing (a target of 0, or a negative target or actual): the
   * completion is then 100% when the target is met and 0% when it is not, and the notes say so.
   */
  allOrNothing?: boolean;
  /** true when the actual is a description read as reached (达成) with no figure target to compare it with. */
  qualitative?: boolean;
  /** true when the target is words (按时限完成) and the actual a percentage of it done (100%): read against 100%. */
  gradeTarget?: boolean;
  /** The two units of one kind the target and actual were written in (公里, 米), where the actual was converted. */
  converted?: { target: string; actual: string };
  /** true when the target is a deadline (11月底完成100%) and the actual only a percentage done: read against the share due. */
  dateTarget?: boolean;
}

export interface DateComparison {
  ok: true;
  kind: "date";
  met: boolean;
  daysLate: number;
  targetShown: string;
  actualShown: string;
  notes: string[];
}

export interface GradeComparison {
  ok: true;
  kind: "grade";
  grade: Grade;
  met: boolean;
  targetShown: string;
  actualShown: string;
  notes: string[];
}

export type Comparison = QuantityComparison | DateComparison | GradeComparison | CompareError;

/** Targets written `≤X` / `<X` are lower-is-better (反向); everything else higher-is-better (正向). */
export function isLower(op: Op | null): boolean {
  return op === "<=" || op === "<";
}

const EPS = 1e-9;

function meets(op: Op | null, actual: number, target: number): boolean {
  const tol = EPS * Math.max(1, Math.abs(target));
  // A target of 0 written `=0` or `0` (安全事故 0 起) is met only by 0; `≥0` by anything not below 0.
  if (target === 0 && (op === "=" || op === null)) return Math.abs(actual) <= EPS;
  switch (op) {
    case "<=":
      return actual <= target + tol;
    case "<":
      return actual < target - tol || Math.abs(target) < tol && actual <= tol;
    case ">":
      return actual > target + tol;
    default:
      // `≥X`, `=X` and a bare `X` are met when the actual reaches X (an over-achieved `=` target counts as met;
      // rules that penalise over-achievement do so through the ratio).
      return actual >= target - tol;
  }
}

/**
 * Whether a text says plainly its work was not done (1-2期未能及时培训), once its denials are out (无未完成, 没有未按时发放) and
 * leaving aside work of another year made good (上年未完成的2期已补训).
 */
function statesUnmet(text: string): boolean {
  const s = withoutDenials(text);
  // A mixed account (第3期未按时，已补考; 12项已整改) or a count of none (未及时整改问题0个) is left for the evaluator.
  if (/已补|已整改|已完成|均已|全部完成/.test(s)) return false;
  return s.split(/[，,。；;]/).some((c) => STATED_UNMET_WORDS.some((w) => c.includes(w)) && !/上年|往年|以前年度/.test(c) && !/(?:^|[^\d.])0(?:个|项|次|人|起|件|处)|零/.test(c));
}

/**
 * Compare a target with an actual. A blank actual is `pending`; units that cannot be compared (人 against %)
 * are `unit-mismatch`. A unitless number against a percentage target is read as percentage points (`0` → 0%).
 */
export function compare(target: Measure, actual: Measure): Comparison {
  if (actual.kind === "blank") return fail("pending", "actual-blank", "实际完成值未填写");
  if (actual.kind === "unreadable" && target.kind !== "blank" && statesUnmet(actual.text)) {
    // Figures the reader cannot place, but the text says plainly the work was not done: unmet, as without the figures.
    return { ok: true, kind: "grade", grade: "unmet", met: false, targetShown: shown(target), actualShown: actual.text.trim(), notes: [`实际完成值“${actual.text.trim()}”写明未完成，按未达成计`] };
  }
  if (actual.kind === "unreadable") return fail("unreadable", "unreadable", `实际完成值${actual.reason.replace(/^无法识别/, "无法识别")}`);
  if (actual.kind === "grade") {
    // A graded actual (达到预期指标, 部分达成) is the evaluator's judgement: it stands even without a target.
    if (actual.grade === "met" && (target.kind === "blank" || target.kind === "unreadable")) {
      // No target to compare with (—, 一, a description): a met description is the target reached, 100%, under any
      // rule (a ratio rule reads it as all-or-nothing). Partial and unmet descriptions stay grades.
      const why = target.kind === "blank" ? "未写目标值" : `目标“${target.text.trim()}”不是数值`;
      return { ok: true, kind: "quantity", ratio: 1, met: true, lower: false, target: 1, actual: 1, targetShown: shown(target), actualShown: actual.shown, notes: [`${why}，实际完成值“${actual.shown}”为达成：按完成 100% 计`], allOrNothing: true, qualitative: true };
    }
    const notes = target.kind === "grade" || target.kind === "blank" ? [] : [`实际完成值为定性描述“${actual.shown}”，按评价等级计`];
    return { ok: true, kind: "grade", grade: actual.grade, met: actual.grade === "met", targetShown: shown(target), actualShown: actual.shown, notes };
  }
  const direction = target.kind === "grade" || target.kind === "unreadable" ? directionOnly(target.text, actual) : null;
  if (direction) return direction;
  if (target.kind === "blank") return fail("unreadable", "target-blank", "目标值未填写");
  if (target.kind === "unreadable") return fail("unreadable", "unreadable", `目标值${target.reason}`);

  if (target.kind === "grade") {
    // 按时限完成 / 100%: a target that says "done" and an actual that says how much of it was done, read against 100%.
    if (target.grade === "met" && actual.kind === "percent" && actual.op === null && actual.change === undefined && actual.value >= 0) {
      const ratio = actual.value;
      return { ok: true, kind: "quantity", ratio, met: ratio >= 1 - 1e-9, lower: false, target: 1, actual: ratio, targetShown: target.shown, actualShown: actual.shown, notes: [`目标为定性“${target.shown}”，实际写完成 ${actual.shown}：按目标完成 100% 比较`], gradeTarget: true };
    }
    return fail("unreadable", "unit-mismatch", `目标为定性“${target.shown}”，实际为“${shown(actual)}”，无法比较`);
  }
  if (target.kind === "date" || actual.kind === "date") {
    // 11月底完成100% / 100%: a deadline with the share due (100% where none is written), and an actual that says only how
    // much was done: read against that share; the date done is not stated (indicator review says so).
    if (target.kind === "date" && actual.kind === "percent" && actual.op === null && actual.change === undefined && actual.value >= 0) {
      const due = /(?:完成|完工|到位|支付|拨付)\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(target.text.normalize("NFKC"));
      const share = due ? Number(due[1]) / 100 : 1;
      // Less than the share due says nothing sure about the deadline (98% under 及时率 is a rate of timeliness, not a share
      // done): only a share reached is read; below it the row stays not comparable, as before.
      if (share > 0 && actual.value / share >= 1 - 1e-9) {
        const ratio = actual.value / share;
        const said = due ? `按期限应完成 ${due[1]}%` : "按期限应全部完成";
        return { ok: true, kind: "quantity", ratio, met: ratio >= 1 - 1e-9, lower: false, target: share, actual: actual.value, targetShown: target.text.trim(), actualShown: actual.shown, notes: [`目标为期限“${target.text.trim()}”，实际只写完成 ${actual.shown}、未写完成时间：${said}，按完成比例比较`], dateTarget: true };
      }
    }
    if (target.kind !== "date" || actual.kind !== "date") {
      return fail("unreadable", "unit-mismatch", `目标“${shown(target)}”与实际“${shown(actual)}”一个是日期一个不是，无法比较`);
    }
    return compareDates(target, actual);
  }
  if (target.kind === "multi" || actual.kind === "multi") {
    if (target.kind !== "multi" || actual.kind !== "multi" || target.parts.length !== actual.parts.length) {
      return fail("unreadable", "unit-mismatch", `目标“${shown(target)}”与实际“${shown(actual)}”的分项不对应`);
    }
    let worst: QuantityComparison | null = null;
    for (let i = 0; i < target.parts.length; i++) {
      const c = compareQuantities(target.parts[i]!.measure, actual.parts[i]!.measure);
      if (!c.ok) return c;
      const score = c.lower ? (c.actual === 0 ? Infinity : c.target / c.actual) : c.ratio;
      const worstScore = worst ? (worst.lower ? (worst.actual === 0 ? Infinity : worst.target / worst.actual) : worst.ratio) : Infinity;
      if (!worst || score < worstScore) worst = c;
    }
    const w = worst!;
    return { ...w, targetShown: target.shown, actualShown: actual.shown, notes: [...w.notes, "多项指标值，按完成最差的一项计"] };
  }
  return compareQuantities(target, actual);
}

/** A target that names only a direction (增加, 超上年度) against an actual that states a change (增372人次): met or not. */
function directionOnly(targetText: string, actual: Measure): QuantityComparison | null {
  if ((actual.kind !== "number" && actual.kind !== "percent") || !actual.change || !(actual.value > 0)) return null;
  const t = squeeze(cleanText(targetText)).replace(/[。.,，]+$/, "");
  const way = UP_TARGET.test(t) ? "up" : DOWN_TARGET.test(t) ? "down" : null;
  if (!way) return null;
  const met = actual.change === way;
  const said = `目标“${t}”只写方向、未写数值，实际“${actual.text.trim()}”为${actual.change === "up" ? "增加" : "减少"}`;
  return { ok: true, kind: "quantity", ratio: met ? 1 : 0, met, lower: false, target: 1, actual: met ? 1 : 0, targetShown: t, actualShown: actual.text.trim(), notes: [`${said}：${met ? "达到目标，按 100%" : "与目标方向相反，按 0%"} 计`], allOrNothing: true };
}

function compareQuantities(target: QuantityMeasure, actual: QuantityMeasure): QuantityComparison | CompareError {
  const notes: string[] = [];
  let a = actual.value;
  let actualShown = actual.shown;
  let t = target.value;
  let targetShown = target.shown;
  let converted: QuantityComparison["converted"];
  if (target.kind === "percent" && actual.kind === "number") {
    if (actual.unit !== null) {
      return fail("unreadable", "unit-mismatch", `单位不一致：目标为百分比（${target.shown}），实际为“${actual.shown}”`);
    }
    // A fraction typed for a rate (0.96 against ≥95%, 1 against 100%): as points it would be a hundredth of the target.
    // Only against a floor or a level of 50% or more (≥95%, 100%), where read as a fraction it lands near the target: a
    // ceiling (≤10%) or a low rate (≥12%) keeps its points (0.5 is 0.5%).
    const fraction = actual.value > 0 && actual.value <= 1.5 && target.value >= 0.5 && (target.op === null || target.op === ">=" || target.op === ">" || target.op === "=") && actual.value / target.value >= 0.5 && actual.value / target.value <= 1.5;
    a = fraction ? actual.value : actual.value / 100;
    actualShown = `${plain(round(a * 100, 6))}%`;
    notes.push(`实际值“${actual.shown}”无单位，按 ${actualShown} 计${fraction ? "（按小数形式的百分比读取）" : ""}`);
  } else if (target.kind === "number" && actual.kind === "percent") {
    // A bare target (≥95) against a rate (96%): the target is the rate's figure, as the bare actual above; said.
    // (A target of 0 is 0% either way: 变动率 ≤0 against -6.8%.)
    if (target.unit !== null || !(target.value >= 0 && target.value <= 100)) {
      return fail("unreadable", "unit-mismatch", `单位不一致：目标为“${target.shown}”，实际为百分比（${actual.shown}）`);
    }
    t = target.value / 100;
    targetShown = `${plain(target.value)}%`;
    notes.push(`目标值“${target.shown}”未写单位，按 ${targetShown} 计`);
  } else if (target.kind === "number" && actual.kind === "number") {
    if (target.unit !== null && actual.unit !== null && target.unit !== actual.unit) {
      // Two units of one kind (12公里 against 12600米): the actual in the target's unit, said.
      const ratio = unitRatio(actual.unit, target.unit);
      if (ratio === null) return fail("unreadable", "unit-mismatch", `单位不一致：目标为“${target.shown}”，实际为“${actual.shown}”`);
      a = actual.value * ratio;
      actualShown = `${plain(round(a, 6))}${target.unit}`;
      notes.push(`实际值“${actual.shown}”换算为 ${actualShown} 计`);
      // (千米 for 公里, 千克 for 公斤: one unit under two names, nothing to tell.)
      const written = Number(/-?\d+(?:\.\d+)?/.exec(actual.text.normalize("NFKC").replace(/(\d),(?=\d{3})/g, "$1"))?.[0]);
      if (!(Math.abs(written - a) <= 1e-9 * Math.max(1, Math.abs(a)))) converted = { target: target.unit, actual: actual.shown.replace(/^[≥≤<>=]*-?[\d.,]+/, "") || actual.unit };
    }
    // A bare actual (90) against a target with a scaled unit (≤90万元) is read in the target's unit, and says so.
    // (An actual with its own scale and no unit, 99.5万 against ≤100万元, is already in the base unit: read as written.)
    const ownScale = actual.unit === null && /\d\s*[万亿千]/.test(actual.text);
    const scale = target.unit !== null && actual.unit === null && actual.op === null && !ownScale ? writtenScale(target) : null;
    if (ownScale && target.unit !== null) notes.push(`实际值“${actual.shown}”未写单位，按 ${actual.shown}${target.unit} 计`);
    if (scale) {
      a = actual.value * scale.multiplier;
      actualShown = `${actual.shown}${scale.unit}`;
      notes.push(`实际值“${actual.shown}”未写单位，按目标的单位（${scale.unit}）计`);
    }
  }
  if (actual.op !== null && actual.op !== "=") notes.push(`实际值写作“${actual.text.trim()}”，按 ${actualShown.replace(/^[≥≤<>=]+/, "")} 计`);
  if (target.change === "down") {
    // A decrease target (下降5%): the actual is the decrease achieved (下降6%, or -6%); an increase is a negative decrease.
    const d = actual.change === "down" ? a : actual.change === "up" ? -a : a < 0 ? -a : a;
    if (d !== a) notes.push(`按下降幅度 ${plain(d * (target.kind === "percent" ? 100 : 1))}${target.kind === "percent" ? "%" : ""} 计`);
    a = d;
  }
  // An actual bounded the other way at or past the target (超过3个工作日 or 24小时以上 against ≤3个工作日 / 24小时内; 不足95%
  // against ≥95%): it says the target was missed, whatever its figure.
  const past = (actual.op === ">" || actual.op === ">=") && (target.op === "<=" || target.op === "<") && a >= t ? true : (actual.op === "<" || actual.op === "<=") && (target.op === ">=" || target.op === ">") && a <= t;
  if (past) return fail("unreadable", "unreadable", `实际值“${actual.text.trim()}”只说在目标的另一侧（未达到目标），没有写实际是多少，无法按比例计分`);
  const met = meets(target.op, a, t);
  const lower = isLower(target.op);
  // Ratios of figures with a zero or negative side mean nothing (≥-5% against -50% is not 1000%): all or nothing.
  const signed = t <= 0 || a < 0;
  if (signed && !(lower && t > 0)) {
    notes.push(`目标或实际为 0 或负数，不能按比例计算完成率：${met ? "达到目标，按 100%" : "未达到目标，按 0%"} 计`);
    return { ok: true, kind: "quantity", ratio: met ? 1 : 0, met, lower, target: t, actual: a, targetShown, actualShown, notes, allOrNothing: true };
  }
  return { ok: true, kind: "quantity", ratio: a / t, met, lower, target: t, actual: a, targetShown, actualShown, notes, ...(converted ? { converted } : {}) };
}

/** The scaled unit a target is written in (`≤90万元` → 万元 × 10000); null when its unit is not scaled. */
function writtenScale(target: QuantityMeasure): { unit: string; multiplier: number } | null {
  const m = /-?\d+(?:\.\d+)?(.+)$/.exec(target.shown);
  const unit = m?.[1] ?? "";
  const multiplier = unit.length > 1 ? MULTIPLIERS[unit[0]!] : undefined;
  return multiplier ? { unit, multiplier } : null;
}

function compareDates(target: DateMeasure, actual: DateMeasure): DateComparison | CompareError {
  // A date of another event (2023年5月开工) says nothing of a deadline for finishing (12月底前完工), unless the target names it.
  if (actual.event && !target.text.includes(actual.event)) return fail("unreadable", "unreadable", `实际完成值写的是${actual.event}的日期（${actual.shown}），不是完成的日期，无法与时限比较`);
  // Neither side names its year (9月前 / 7月): both are in the table's year, compared as dates of one year.
  const sameYear = target.year === null && actual.year === null;
  // A target with no year (12月底前) against an actual that says it was put off (延期至2024年3月完成): the deadline is in the
  // year before the date it was put off to, never after it.
  const putOff = target.year === null && actual.year !== null && PUT_OFF.test(actual.text);
  let targetYear = actual.year ?? (sameYear ? 2001 : null);
  if (putOff && (dayNumber(actual, null) ?? 0) <= (dayNumber(target, actual.year) ?? 0)) targetYear = actual.year! - 1;
  const t = dayNumber(target, targetYear);
  const a = dayNumber(actual, target.year ?? (sameYear ? 2001 : null));
  if (t === null || a === null) return fail("unreadable", "unreadable", "目标和实际日期都未写年份，无法比较");
  const late = a - t;
  const met = target.op === ">=" ? late >= 0 : target.op === "<" ? late < 0 : late <= 0;
  return { ok: true, kind: "date", met, daysLate: late, targetShown: target.shown, actualShown: actual.shown, notes: sameYear ? ["目标和实际均未写年份，按同一年比较"] : [] };
}

function fail(status: CompareError["status"], code: CompareError["code"], reason: string): CompareError {
  return { ok: false, status, code, reason };
}

/** How a measure is shown in a message. */
export function shown(m: Measure): string {
  switch (m.kind) {
    case "blank":
      return "（空）";
    case "unreadable":
      return m.text.trim();
    default:
      return m.shown;
  }
}

/** Direction-aware completion: B/A for 正向, A/B for 反向 (an actual of 0 against `≤X` is 100%). */
export function directedCompletion(c: QuantityComparison): number {
  if (c.allOrNothing) return c.met ? 1 : 0;
  if (!c.lower) return c.ratio;
  if (c.actual === 0) return c.met ? 1 : 0;
  return c.target / c.actual;
}

