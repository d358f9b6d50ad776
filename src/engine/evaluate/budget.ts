import { toSimplified } from "../data/traditional";
import { pct, pts, round } from "../measure/format";
import { SMALL_UNIT } from "../data/rows";
import { amountUnitIn, readAmount, readPoints, readRate, sameUnit, writtenDecimals } from "../measure/number";
import { centOff, fromWrittenRate } from "./cent";
import { prepareBudget } from "./budgetPrepare";
import { checkOverExecuted, checkPartsSum, partsSum } from "./budgetParts";
import type { BudgetInput, BudgetResult, Finding } from "./types";

/**
 * Budget execution: rate = 执行数 / 全年预算数 (年初预算数 where no 全年 is given); score = 分值 × rate,
 * never above 分值. 分值 comes from the table, else the preset's budget weight. Amounts written in different
 * units are converted (100万元 against 800000元 is 80%); a bare number beside one with a unit takes the
 * block's unit (`unit`, e.g. from a 项目资金（万元） header) and is a finding when there is none.
 */
/**
 * `unitName`: the unit the title block names. 元 typed under 万元 (100 亿元 and more) is a warning only for a small unit
 * (a 研究室, a school, a township); for anything else (a province's department or programme) it is a note.
 */
export function scoreBudget(given: BudgetInput, presetWeight: number, tolerance: number, unitName: string | null = null): { result: BudgetResult; findings: Finding[] } {
  const { input: b, notes } = prepareBudget(given);
  const findings: Finding[] = notes.map((n) => ({ ...n, indicator: null }));
  const add = (f: Omit<Finding, "indicator">) => findings.push({ ...f, indicator: null });
  const full = readAmount(b.full_year);
  const initial = readAmount(b.initial);
  const executed = readAmount(b.executed);
  const statedWeight = readPoints(b.weight);
  // A weight of 0: the table's budget block has no 分值 and no 得分 (a 目标自评表 that only shows the rate).
  const noPoints = statedWeight === 0;
  const weight = noPoints ? 0 : statedWeight !== null && Number.isFinite(statedWeight) && statedWeight > 0 && statedWeight <= 100 ? statedWeight : presetWeight;
  const reported = readPoints(b.reported_score);
  const result: BudgetResult = { rate: null, score: null, weight, reported_score: reported !== null && Number.isFinite(reported) ? reported : null, explanation: "" };
  const budget = full ?? initial;
  const budgetName = full !== null ? "全年预算数" : "年初预算数";
  const written = b.rate_as_written ? readRate(b.rate_as_written) : null;
  if (budget === null && executed === null && written !== null && Number.isFinite(written) && written >= 0) {
    // No amounts, but the rate is written: score from it, and say so.
    const score = Math.min(weight, weight * written);
    result.rate = written;
    result.score = noPoints ? 0 : score;
    result.explanation = noPoints ? `预算数和执行数未填写，执行率按表中所写 ${b.rate_as_written}；不计分` : `预算数和执行数未填写：按表中所写执行率 ${b.rate_as_written} 计，得分 = ${pts(weight)} × ${pct(written)} = ${pts(score)}`;
    add({ code: "budget-blank", severity: "info", message: `预算执行：预算数和执行数未填写，按所写执行率 ${b.rate_as_written} 复核` });
    if (!noPoints && result.reported_score !== null && Math.abs(result.reported_score - round(score, 2)) > tolerance + 1e-9) {
      add({ code: "budget-score-mismatch", severity: "error", message: `预算执行率 ${b.rate_as_written}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}`, reported: result.reported_score, recomputed: round(score, 2) });
    } else if (!noPoints && result.reported_score !== null && centOff(result.reported_score, score, tolerance)) {
      add({ code: "budget-score-rounding", severity: "warning", message: `预算执行率 ${b.rate_as_written}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}，四舍五入到两位小数应为 ${round(score, 2).toFixed(2)}（相差 0.01）`, reported: result.reported_score, recomputed: round(score, 2) });
    }
    return { result, findings };
  }
  if (budget === null || executed === null) {
    result.explanation = budget === null ? "预算数未填写" : "执行数未填写";
    // One amount blank but the rate written (864.2 | 空 | 100% | 20): the row is filled otherwise, so the blank is an amount
    // left out, not a row not yet filled. The rate cannot be checked: scored from it as written, and told.
    // (A rate of 0 is what a formula over a blank amount shows: no rate written. Above 1000% is no rate either.)
    if (written !== null && Number.isFinite(written) && written > 0 && written <= 10 && (budget !== null || executed !== null)) {
      const score = Math.min(weight, weight * written);
      const missing = budget === null ? "预算数" : "执行数";
      result.rate = written;
      result.score = noPoints ? 0 : score;
      result.explanation = `${result.explanation}：执行率无从由金额复核，按表中所写 ${pct(written)} 计${noPoints ? "；不计分" : `，得分 = ${pts(weight)} × ${pct(written)} = ${pts(score)}`}`;
      add({ code: budget === null ? "budget-blank" : "executed-blank", severity: "warning", message: `预算执行：${missing}未填写，表中执行率为 ${pct(written)}${result.reported_score !== null ? `、得分 ${pts(result.reported_score)}` : ""}：执行率无从由金额复核，请补填${missing}`, reported: b.rate_as_written ?? null, recomputed: null });
      if (!noPoints && result.reported_score !== null && Math.abs(result.reported_score - round(score, 2)) > tolerance + 1e-9) {
        add({ code: "budget-score-mismatch", severity: "error", message: `预算执行率 ${pct(written)}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}`, reported: result.reported_score, recomputed: round(score, 2) });
      } else if (!noPoints && result.reported_score !== null && centOff(result.reported_score, score, tolerance)) {
        add({ code: "budget-score-rounding", severity: "warning", message: `预算执行率 ${pct(written)}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}，四舍五入到两位小数应为 ${round(score, 2).toFixed(2)}（相差 0.01）`, reported: result.reported_score, recomputed: round(score, 2) });
      }
      return { result, findings };
    }
    add({ code: budget === null ? "budget-blank" : "executed-blank", severity: "info", message: `预算执行：${result.explanation}` });
    return { result, findings };
  }
  // A 年度资金总额 row of zeros over 其中 rows with the figures (0 | 0 | 0 above 202.64 | 132.912 | 132.912): the total row was
  // not summed. Told as an error, and the rate is taken from the parts' sum, so the rate and score written are checked.
  const summed = budget.value === 0 && executed.value === 0 ? partsSum(b, full !== null) : null;
  if (summed) {
    add({ code: "budget-total-zero", severity: "error", message: `预算执行：年度资金总额行的${budgetName}和执行数都写作 0，其下${summed.labels.join("、")}${summed.fromTotal ? "行写明" : "合计"}${budgetName} ${summed.budget.written}、执行数 ${summed.executed.written}：合计行应为各项之和，执行率按各项合计复核`, reported: 0, recomputed: cents(summed.budget.value) });
    const again = scoreBudget({ ...b, [full !== null ? "full_year" : "initial"]: summed.budget.value, executed: summed.executed.value }, presetWeight, tolerance, unitName);
    again.result.explanation = `年度资金总额行为 0，按其下${summed.labels.join("、")}${summed.fromTotal ? "行" : "合计"}：${again.result.explanation}`;
    return { result: again.result, findings: [...findings, ...again.findings] };
  }
  if (Number.isNaN(budget.value) || Number.isNaN(executed.value) || budget.value <= 0 || executed.value < 0) {
    result.explanation = `${budgetName}“${budget.written}”或执行数“${executed.written}”不是有效金额`;
    add({ code: "budget-unreadable", severity: "error", message: `预算执行：${result.explanation}` });
    return { result, findings };
  }
  const pair = sameUnit(budget, executed, b.unit ? amountUnitIn(b.unit) : null);
  if (!pair.ok) {
    result.explanation = pair.reason;
    add({ code: "budget-unit-unknown", severity: "warning", message: `预算执行：${pair.reason}，执行率暂不计算` });
    return { result, findings };
  }
  // Amounts under 万元 of a million or more (100 亿元 and up): 元 typed under the wrong unit, unless the unit is a big one.
  if (budget.unit === null && b.unit && amountUnitIn(b.unit)?.multiplier === 1e4 && budget.value >= 1e6) {
    add({ code: "budget-unit-doubt", severity: unitName !== null && SMALL_UNIT.test(toSimplified(unitName)) ? "warning" : "info", message: `预算块标明单位为万元，${budgetName} ${budget.written} 万元即约 ${pts(Math.round(budget.value / 1e4))} 亿元：数额像是以元填写的，请核对金额或单位` });
  }
  const rate = pair.b / pair.a;
  const score = Math.min(weight, weight * rate);
  result.rate = rate;
  result.score = score;
  if (noPoints) {
    result.explanation = `执行率 = ${executed.written} / ${budget.written}（${budgetName}）${pair.note ? `（${pair.note}）` : ""}= ${pct(rate)}；表中预算执行没有分值和得分，不计分`;
    // The 其中 rows' rates and the splits are checked as on a scored block.
    checkWrittenRate(b, rate, executed.written, budget.written, add);
    checkParts(b, add);
    checkSplits(b, add);
    checkPartsSum(b, add);
    checkOverExecuted(full !== null, rate, executed.written, budget.written, add);
    return { result, findings };
  }
  result.explanation = `执行率 = ${executed.written} / ${budget.written}（${budgetName}）${pair.note ? `（${pair.note}）` : ""}= ${pct(rate)}；得分 = ${pts(weight)} × ${pct(rate)} = ${pts(score)}${weight * rate > weight ? "（不超过分值）" : ""}`;
  if (result.reported_score !== null && Math.abs(result.reported_score - round(score, 2)) > tolerance + 1e-9) {
    add({
      code: "budget-score-mismatch",
      severity: "error",
      message: `预算执行率 ${pct(rate)}，报告得分 ${pts(result.reported_score)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}`,
      reported: result.reported_score,
      recomputed: round(score, 2),
    });
  } else if (result.reported_score !== null && centOff(result.reported_score, score, tolerance) && !fromWrittenRate(b.rate_as_written, weight, result.reported_score)) {
    add({ code: "budget-score-rounding", severity: "warning", message: centMessage(b, result.reported_score, weight, rate, score), reported: result.reported_score, recomputed: round(score, 2) });
  }
  if (b.reported_score === "" && !noPoints) {
    // The block has a 得分 cell and it is blank (a bare null means the table gives no score at all).
    add({ code: "budget-score-mismatch", severity: "warning", message: `预算执行得分未填写：执行率 ${pct(rate)}，按 ${pts(weight)} × 执行率应为 ${pts(score)}`, reported: null, recomputed: round(score, 2) });
  }
  checkWrittenRate(b, rate, executed.written, budget.written, add);
  checkParts(b, add);
  checkSplits(b, add);
  checkPartsSum(b, add);
  checkOverExecuted(full !== null, rate, executed.written, budget.written, add);
  return { result, findings };
}



/**
 * The 部门整体 form's two splits of the funds (按收入性质分, 按支出性质分). Each side's parts add up to its total (blank parts
 * count 0; a side with a part that could not be read is not added up), within half a cent per part. The two sides split
 * the same funds, so they agree, unless each total is one of the block's own amounts (收入 the 全年预算数 and 支出 the 全年
 * 执行数 differ by what was not spent). Where a side's total is blank, its parts' sum stands for it.
 */
export function checkSplits(b: BudgetInput, add: (f: Omit<Finding, "indicator">) => void): void {
  const list = Array.isArray(b.splits) ? b.splits.filter((x) => x && Array.isArray(x.parts)) : [];
  const name = (x: { side: string }) => (x.side === "income" ? "按收入性质分" : "按支出性质分");
  const amount = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : null);
  const known = (x: (typeof list)[number]) => x.parts.filter((p) => p && amount(p.amount) !== null);
  for (const x of list) {
    const total = amount(x.total);
    const parts = known(x);
    if (total === null || x.partial === true || parts.length === 0) continue;
    const sum = parts.reduce((a, p) => a + (p.amount as number), 0);
    if (Math.abs(sum - total) > 0.005 * Math.max(1, parts.length) + 1e-9) {
      add({ code: "budget-split-mismatch", severity: "warning", message: `${x.cell}：${name(x)}合计 ${money(total)}，其下各项（${parts.map((p) => `${p.label} ${money(p.amount as number)}`).join("、")}）合计 ${money(sum)}`, reported: total, recomputed: cents(sum) });
    }
  }
  const UNIT: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
  const totalOf = (side: "income" | "expense") => {
    const x = list.find((y) => y.side === side);
    if (!x) return null;
    const total = amount(x.total);
    if (total !== null) return { x, total, summed: false };
    const parts = known(x);
    return parts.length && x.partial !== true ? { x, total: parts.reduce((a, p) => a + (p.amount as number), 0), summed: true } : null;
  };
  const income = totalOf("income");
  const expense = totalOf("expense");
  if (!income || !expense) return;
  // Both in one unit: the written ones converted; a unit on one side only leaves the two uncompared.
  const iu = income.x.unit ?? null;
  const eu = expense.x.unit ?? null;
  if ((iu === null) !== (eu === null)) return;
  const scale = (v: number, u: string | null) => (u ? v * (UNIT[u] ?? 1) : v);
  const a = scale(income.total, iu);
  const e = scale(expense.total, eu);
  if (Math.abs(a - e) <= (iu ? UNIT[iu] ?? 1 : 1) * 0.01 + 1e-9) return;
  // Each the block's own figure (收入 = 全年预算数, 支出 = 全年执行数): not one sum split two ways.
  const own = [b.initial, b.full_year, b.executed].map((v) => (typeof v === "number" ? v : typeof v === "string" && /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : null)).filter((v): v is number => v !== null);
  const isOwn = (t: number) => own.some((v) => Math.abs(v - t) < 0.005);
  if (!income.summed && !expense.summed && iu === null && isOwn(income.total) && isOwn(expense.total)) return;
  const said = (t: { total: number; summed: boolean; x: { unit?: string | null } }) => `${t.summed ? "各项合计" : "合计"} ${money(t.total)}${t.x.unit ?? ""}`;
  add({ code: "budget-split-mismatch", severity: "warning", message: `${expense.x.cell}：按支出性质分${said(expense)}，与按收入性质分${said(income)} 不一致${iu === eu ? `（相差 ${money(Math.abs(income.total - expense.total))}）` : ""}：两者分的是同一笔资金`, reported: cents(expense.total), recomputed: cents(income.total) });
}


/** An amount to the cent, without the scoring epsilon (2030.12, 20301200). */
function cents(n: number): number {
  return Math.round(n * 100) / 100;
}
function money(n: number): string {
  return String(cents(n));
}

/** The budget score one cent off: says so, and where the written (rounded) rate gives the reported score, that it was scored from it. */
function centMessage(b: BudgetInput, reported: number, weight: number, rate: number, score: number): string {
  const head = `预算执行率 ${pct(rate)}，报告得分 ${pts(reported)}，按 ${pts(weight)} × 执行率复核为 ${pts(score)}，四舍五入到两位小数应为 ${round(score, 2).toFixed(2)}（相差 0.01）`;
  const written = b.rate_as_written !== null && b.rate_as_written !== undefined && b.rate_as_written !== "" ? readRate(b.rate_as_written) : null;
  const w = written !== null && written > 1 && !/[%％‰]/.test(String(b.rate_as_written)) ? written / 100 : written;
  if (w !== null && Number.isFinite(w) && Math.abs(round(Math.min(weight, weight * w), 2) - reported) < 0.005) {
    return `${head}；报告得分是按表中取舍后的执行率 ${b.rate_as_written} 计的，应按金额算出的执行率计分`;
  }
  return head;
}

/** Each 其中 row's written rate against its own amounts (a row without both amounts or a rate is not checked). */
function checkParts(b: BudgetInput, add: (f: Omit<Finding, "indicator">) => void): void {
  for (const part of b.parts ?? []) {
    if (!part || typeof part !== "object") continue;
    scoredPart(b, part, add);
    if (part.rate_as_written === null || part.rate_as_written === undefined || part.rate_as_written === "") continue;
    const budget = readAmount(part.full_year) ?? readAmount(part.initial);
    const executed = readAmount(part.executed);
    // Nothing budgeted and nothing spent has no rate (0/0): a rate written there (100%) is made up.
    const written = readRate(part.rate_as_written);
    if (budget && executed && budget.value === 0 && executed.value === 0 && written !== null && written > 0) {
      add({ code: "rate-mismatch", severity: "warning", message: `“${part.label}”行预算数和执行数均为 0，执行率却写作 ${part.rate_as_written}：0 / 0 没有执行率，应留空或写“/”`, reported: part.rate_as_written, recomputed: null });
      continue;
    }
    if (!budget || !executed || !(budget.value > 0) || !(executed.value >= 0)) continue;
    const pair = sameUnit(budget, executed, b.unit ? amountUnitIn(b.unit) : null);
    if (!pair.ok) continue;
    // The total's rate over the same amounts, written the same, is told once, on the total row.
    const same = (x: number | string | null | undefined, v: number) => readAmount(x)?.value === v;
    if (String(part.rate_as_written).trim() === String(b.rate_as_written ?? "").trim() && same(b.full_year ?? b.initial, budget.value) && same(b.executed, executed.value)) continue;
    const before = { ...b, rate_as_written: part.rate_as_written };
    checkWrittenRate(before, pair.b / pair.a, executed.written, budget.written, add, `“${part.label}”行的执行率`);
  }
}

/** A written 执行率 that does not match the amounts, beyond its own rounding. */
function checkWrittenRate(b: BudgetInput, rate: number, executed: string, budget: string, add: (f: Omit<Finding, "indicator">) => void, what = "预算执行率"): void {
  if (b.rate_as_written !== null && b.rate_as_written !== undefined && b.rate_as_written !== "") {
    const read = readRate(b.rate_as_written);
    // A bare figure above 1 under a 执行率(%) header (100, 86.5) is a percentage written without its sign.
    const bare = read !== null && read > 1 && !/[%％‰]/.test(String(b.rate_as_written));
    const w = bare ? read / 100 : read;
    // Half a unit of the last digit written: of the percentage (97.80%, 86.5 under 执行率(%)), or of the fraction (0.958).
    // (A fraction's digits are the percentage's two more: 0.958 is 95.8%, held to ±0.05 point; 1 and 0.9 to ±0.5 point.)
    const fraction = !bare && !/[%％‰]/.test(String(b.rate_as_written));
    const unit = 10 ** -(fraction ? Math.max(0, writtenDecimals(b.rate_as_written) - 2) : writtenDecimals(b.rate_as_written)) / 100;
    if (w !== null && !Number.isNaN(w) && Math.abs(w - rate) > 0.5 * unit + 1e-9) {
      // Within one unit of the last digit, below: the digits cut off, not rounded (97.80% for 97.809%). Still told: the form
      // rounds half up, as score-rounding holds a score to.
      const cut = w < rate && rate - w < unit - 1e-12;
      add({ code: "rate-mismatch", severity: "warning", message: `${what}写作 ${b.rate_as_written}，按 ${executed} / ${budget} 计算为 ${pct(rate)}${cut ? "（是截去尾数，未四舍五入）" : ""}`, reported: b.rate_as_written, recomputed: pct(rate) });
    }
  }
}

/**
 * A 其中 row that repeats the block's score (其中:本年财政拨款 | … | 10 | 100% | 10 under 年度资金总额's 10): the form scores
 * the block once, on its total row; a score written again under it is counted twice by anyone adding the column. Only
 * where the total row is scored too, and the part's score is a figure (a dash or 0 is the form's "not scored here").
 * Told as a note, or as a warning where the two scores differ (see below).
 */
function scoredPart(b: BudgetInput, part: NonNullable<BudgetInput["parts"]>[number], add: (f: Omit<Finding, "indicator">) => void): void {
  // (Fields given as data may be anything: only a number or a text is read.)
  const figure = (v: unknown) => (typeof v === "number" || typeof v === "string" ? readAmount(v) : null);
  const own = figure(b.reported_score);
  const here = figure(part.reported_score);
  if (!own || !here || !(here.value > 0) || !(own.value > 0) || typeof part.label !== "string") return;
  const weight = figure(part.weight);
  const at = typeof part.score_cell === "string" && part.score_cell !== "" ? `${part.score_cell}：` : "";
  // The same score repeated is a note: many forms in use (安徽, 云南) repeat it on the 其中 row, and reviewers reading the
  // corpus listed it as a slip in one table of four; it upsets no figure EVAL checks (the total is checked against the total
  // row's score). A different score (8 under 9, one rate) is two scores for one block: a warning.
  // (A part scored by its own rate, 分值 × its own 执行率, is that form's way of scoring each source: the same habit, a note.)
  const partWeight = weight && weight.value > 0 ? weight.value : readPoints(b.weight);
  const partBudget = readAmount(part.full_year) ?? readAmount(part.initial);
  const partSpent = readAmount(part.executed);
  const ownRate = partBudget && partSpent && partBudget.value > 0 && partBudget.unit === partSpent.unit ? partSpent.value / partBudget.value : null;
  const byOwnRate = ownRate !== null && partWeight !== null && Number.isFinite(partWeight) && Math.abs(Math.min(partWeight, partWeight * ownRate) - here.value) <= 0.005 + 1e-9;
  const differs = Math.abs(here.value - own.value) > 0.005 && !byOwnRate;
  add({
    code: "budget-part-scored",
    severity: differs ? "warning" : "info",
    message: differs
      ? `${at}“${part.label}”是“其中”行，却写了得分 ${pts(here.value)}，与合计行的得分 ${pts(own.value)} 不一致：同一笔预算执行只应在合计行计分一次`
      : `${at}“${part.label}”是“其中”行，却又写了${weight && weight.value > 0 ? `分值 ${pts(weight.value)}、` : ""}得分 ${pts(here.value)}（合计行已计得分 ${pts(own.value)}）：预算执行只在合计行计分一次，其中行只填金额，逐行相加会把预算得分算两次`,
    reported: here.value,
    recomputed: null,
  });
}
