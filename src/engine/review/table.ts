import { LazyFinding } from "../findings";
import { pts, round } from "../measure/format";
import { levelKey, printsNoWeight, weightInName } from "../evaluate/levels";
import { normaliseRating, rate, type RatingScheme } from "../evaluate/rating";
import type { Finding, IndicatorResult, TableInput, TableResult } from "../evaluate/types";
import { readPoints as readNumber } from "../measure/number";
import { layoutDoubts, type DetectedTableInput } from "../evaluate/table";
import { OPTIONAL_ROW } from "../data/rows";
import { toSimplified } from "../data/traditional";
import { breakdownFindings } from "./breakdown";
import { goalFindings } from "./goal";
import { amountListFindings } from "./amountList";
import { yearTypoFindings } from "./yearTypo";
import { textRateFindings } from "./textRate";



export interface ReviewOptions {
  tolerance: number;
  scheme: RatingScheme;
  naWeight: number;
}

/**
 * Table-level review: weights per level and in all, the reported total against the reported scores and
 * against the recomputed total, reported subtotals, and the rating. Row-level findings come from scoring.
 */
export function reviewTable(table: TableInput, result: TableResult, opts: ReviewOptions): Finding[] {
  const out: Finding[] = [];
  // Messages are written only when read (LazyFinding): a table that passes builds no strings.
  const add = (f: Omit<Finding, "indicator" | "message"> & { message: () => string }) => out.push(new LazyFinding(f.code, f.severity, f.rows?.[0] ?? null, f.message, f.reported, f.recomputed, undefined, f.rows));
  // Checks of the whole table (weights to 100, the total) are notes when the reader was not sure it saw all rows.
  const doubts = layoutDoubts(table);
  const whole = (f: Omit<Finding, "indicator" | "message"> & { message: () => string }) =>
    add(doubts.length ? { ...f, severity: "info", message: () => `${f.message()}（表格可能不完整：${doubts[0]}${doubts.length > 1 ? ` 等 ${doubts.length} 处` : ""}，此项仅供参考）` } : f);
  const rows = result.indicators;
  const tol = opts.tolerance + 1e-9;

  // Weights: every row known → they and the budget add up to 100; per level against weights in names.
  // A row that does not apply (目标/实际 “/”) with no weight is not a missing weight.
  const weighed = rows.filter((r) => r.weight !== null || r.applicable);
  // A row whose weight cell is merged with the row above shares that weight (二者择其一): not left out.
  const shared = (r: (typeof rows)[number]) => r.weight === null && table.indicators[r.index]?.shares_weight_above === true;
  const allWeights = weighed.every((r) => r.weight !== null || shared(r));
  if (allWeights && weighed.length > 0) {
    const sum = rows.reduce((s, r) => s + (r.weight ?? 0), 0) + (result.budget?.weight ?? 0);
    const cut = sum < 100 - tol && (table as DetectedTableInput).no_total_row === true && doubts.length === 0;
    if (Math.abs(sum - 100) > tol && cut) {
      // Fewer points than 100 and no 总分 row seen: the rows below may be missing (a table cut at a page end).
      add({ code: "weights-total", severity: "info", message: () => `各指标权重${result.budget ? "（含预算执行分值）" : ""}合计 ${pts(sum)}，不到 100；表下未见总分（合计）行，表格可能不完整，此项仅供参考`, reported: sum, recomputed: 100 });
    } else if (Math.abs(sum - 100) > tol) {
      whole({ code: "weights-total", severity: "error", message: () => `各指标权重${result.budget ? "（含预算执行分值）" : ""}合计 ${pts(sum)}，不等于 100`, reported: sum, recomputed: 100 });
    }
  }
  const missing = weighed.filter((r) => r.weight === null && !shared(r)).length;
  if (missing > 0 && missing === weighed.length) {
    // A table with no weights at all (a 目标自评表 without 分值): completion only, which is its form, not a slip.
    add({ code: "weights-missing", severity: "info", message: () => `表中没有权重（分值）：${missing} 个指标只计算完成情况，不计分` });
  } else if (missing > 0 && printsNoWeight(table)) {
    // The table prints no weight at all; some were inferred (by level or by score), the rest could not be: its form.
    add({ code: "weights-missing", severity: "info", message: () => `表中没有权重（分值）：${missing} 个指标的分值无法推定，只计算完成情况，不计分` });
  } else if (missing > 0 && (table as DetectedTableInput).no_total_row === true && weighed[weighed.length - 1]!.weight === null && missing === 1) {
    // The last row of a table cut before its total (no 总分 row seen) lost its weight with the cut: a note.
    add({ code: "weights-missing", severity: "info", message: () => `最后 1 个指标未写权重；表下未见总分（合计）行，表格可能不完整，此项仅供参考` });
  } else if (missing > 0) {
    // A row with no weight and no score under a level whose stated points its weighted rows already fill
    // (产出指标(40分) = 5 × 8) is a supplementary row the table does not score: a note, not a slip.
    // A row the form marks optional (经济效益(可选项)) with no weight and no score is an option not taken: a note too.
    const optional = (r: (typeof weighed)[number]) => r.weight === null && r.reported_score === null && OPTIONAL_ROW.test(toSimplified(String(r.name).normalize("NFKC")));
    // Rows with no weight and no score beside weighted rows that already make 100 with the budget's points: the form's
    // 监测指标 (reported, not scored), a note.
    const full = Math.abs(rows.reduce((s, r) => s + (r.weight ?? 0), 0) + (result.budget?.weight ?? 0) - 100) <= tol;
    const monitored = full && weighed.every((r) => r.weight !== null || shared(r) || r.reported_score === null);
    const covered = monitored || weighed.every((r, _i) => r.weight !== null || shared(r) || (r.reported_score === null && levelFilled(table, rows, r.index)) || optional(r));
    const options = weighed.filter(optional).length;
    add({ code: "weights-missing", severity: covered ? "info" : "warning", message: () => monitored ? `${missing} 个指标未写权重也未写得分，其余指标的权重${result.budget ? "（含预算执行分值）" : ""}合计已满 100 分：是只填报完成情况的监测指标，不计分` : covered ? (options === missing ? `${missing} 个可选指标未写权重也未写得分，是未选用的可选项：不计分` : `${missing} 个指标未写权重也未写得分，其所在一级指标的分值已由其他指标占满${options ? `或是未选用的可选项` : ""}：只计算完成情况，不计分`) : `${missing} 个指标未写权重，无法复核权重合计与得分` });
  }
  for (const f of [...levelWeights(table, rows, "level1", tol), ...levelWeights(table, rows, "level2", tol), ...pointsHeadedScore(table, rows, tol)]) whole({ ...f, message: () => f.message });
  out.push(...noteLevelWeights(table, tol));
  for (const f of metLevels(table, rows, tol)) whole(f);

  // Reported total against the reported parts.
  const reportedTotal = result.reported_total;
  const reportedParts = rows.filter((r) => r.applicable).map((r) => r.reported_score);
  const budgetReported = result.budget ? result.budget.reported_score : 0;
  if (reportedTotal !== null && reportedParts.every((s) => s !== null) && budgetReported !== null && opts.naWeight === 0) {
    const sum = reportedParts.reduce<number>((s, x) => s + (x ?? 0), 0) + budgetReported;
    if (Math.abs(sum - reportedTotal) > tol) {
      whole({ code: "total-sum", severity: "error", message: () => `报告总分 ${pts(reportedTotal)}，但各项报告得分合计为 ${pts(sum)}`, reported: reportedTotal, recomputed: round(sum, 2) });
    }
  }
  const sumChecked = reportedTotal !== null && reportedParts.every((s) => s !== null) && budgetReported !== null && opts.naWeight === 0 && doubts.length === 0;
  if (reportedTotal !== null && !sumChecked) {
    // Where the total cannot be added up (rows without scores, or a table cut short), it can still be impossible:
    // the points the reported scores visibly give up cannot be won back by rows not seen (a table scores out of 100).
    const impossible = impossibleTotal(rows, result, reportedTotal, tol);
    if (impossible) add(impossible);
  }
  if (reportedTotal !== null && result.total !== null && Math.abs(reportedTotal - round(result.total, 2)) > tol) {
    const total = result.total;
    whole({ code: "total-mismatch", severity: "error", message: () => `报告总分 ${pts(reportedTotal)}，按规则复核为 ${pts(total)}`, reported: reportedTotal, recomputed: round(total, 2) });
  }
  if (result.total === null) {
    const open = rows.filter((r) => r.applicable && r.score === null).length + (result.budget && result.budget.score === null ? 1 : 0);
    add({ code: "total-incomplete", severity: "info", message: () => rows.length === 0 ? "表中只有预算执行情况，没有找到绩效指标：总分和等级不复核" : `${open} 项未能计分，总分暂不能复核（已计分部分合计 ${pts(result.partial_total)}）` });
  }
  out.push(...subtotals(table, rows, tol));

  // Rating.
  const reportedRating = normaliseRating(table.reported_rating);
  // (Grades listed as boxes, 优（√） 良（ ） …, are shown as the one ticked.)
  // (A rating with its label, 自评等级：优, is shown as the rating.)
  const written = String(table.reported_rating ?? "").replace(/\s+/g, "");
  const shownRating = reportedRating && written.length > 4 ? (/[√☑✓✔■▇☒]/.test(written) ? `${reportedRating}（表中勾选）` : reportedRating) : table.reported_rating;
  if (table.reported_rating && !reportedRating) {
    add({ code: "rating-unreadable", severity: "warning", message: () => `无法识别报告的等级“${table.reported_rating}”` });
  }
  if (reportedRating && reportedTotal !== null && reportedRating !== rate(reportedTotal, opts.scheme)) {
    add({ code: "rating-inconsistent", severity: "error", message: () => `报告总分 ${pts(reportedTotal)} 应评为“${rate(reportedTotal, opts.scheme)}”，报告为“${shownRating}”`, reported: table.reported_rating, recomputed: rate(reportedTotal, opts.scheme) });
  }
  if (reportedRating && result.rating && reportedRating !== result.rating) {
    add({ code: "rating-mismatch", severity: "error", message: () => `报告等级“${shownRating}”，按复核总分 ${pts(result.total ?? 0)} 应为“${result.rating}”`, reported: table.reported_rating, recomputed: result.rating });
  }
  // A total in 差 with no rating written: a failing self-evaluation said only as a figure. (A table whose form has no
  // rating field is left alone above 60: most forms print none; a 差 is the one a reviewer must see named and explained.
  // An evaluator's score table is rated in the evaluation report, not on the table.)
  // Only where the table's full marks are 100 (weights and the budget's points: a page holding part of a table, or a
  // table of 50 points, is not rated on its own), some row is scored (a =SUM of blank scores shows 0), and no rating is
  // written anywhere around the table.
  const d = table as DetectedTableInput;
  const assessed = d.score_only === true || d.assessor_score === true;
  const fullMarks = rows.filter((r) => r.applicable).reduce((sum, r) => sum + (r.weight ?? 0), 0) + (result.budget ? result.budget.weight : 0);
  const scoredSome = rows.some((r) => r.reported_score !== null);
  if (!assessed && !table.reported_rating && d.rating_written !== true && scoredSome && Math.abs(fullMarks - 100) <= tol && reportedTotal !== null && reportedTotal > 0 && reportedTotal <= 100 && rate(reportedTotal, opts.scheme) === "差") {
    // (Named at the total's cell where one was read: the rating belongs beside that total.)
    const at = typeof d.total_cell === "string" && d.total_cell !== "" ? d.total_cell : typeof d.total_row === "string" && d.total_row !== "" ? d.total_row : null;
    add({ code: "rating-missing", severity: "warning", message: () => `${at ? `${at}：` : ""}报告总分 ${pts(reportedTotal)} 分，按等级标准属“差”（低于 60 分），表中却没有写评价等级：自评为差的应写明等级并说明原因` });
  }
  // Sums written in words above the table (共申请预算资金…元，其中…): a whole its parts do not add up to.
  const texts = (table as DetectedTableInput).texts;
  if (Array.isArray(texts) && texts.length) out.push(...breakdownFindings(texts), ...textRateFindings(texts), ...yearTypoFindings(texts));
  out.push(...goalFindings((table as DetectedTableInput).goal_cells));
  out.push(...amountListFindings((table as DetectedTableInput).amount_lists));
  const unfilled = (table as DetectedTableInput).placeholders;
  if (Array.isArray(unfilled)) {
    for (const p of unfilled.filter((x) => x && typeof x.cell === "string" && typeof x.text === "string")) {
      const indicator = typeof p.indicator === "number" && p.indicator >= 0 && p.indicator < table.indicators.length ? p.indicator : null;
      out.push(new LazyFinding("placeholder-unfilled", "warning", indicator, () => `${p.cell}：“${p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}”仍是模板的占位日期，未填写实际日期`));
    }
  }
  // A row moved one column to the right: read one column to the left, and told, since anyone reading the columns misreads it.
  const shifted = (table as DetectedTableInput).shifted_rows;
  if (Array.isArray(shifted)) {
    for (const x of shifted.filter((y) => y && typeof y.cell === "string" && typeof y.indicator === "number" && y.indicator >= 0 && y.indicator < table.indicators.length)) {
      out.push(new LazyFinding("row-shifted", "warning", x.indicator, () => `${x.cell}：第 ${x.indicator + 1} 项整行右移了一格（一级指标“${x.level}”写在二级指标栏，实际完成值落在表格之外）：已按左移一格读取，请把这一行移回原来的列`));
    }
  }
  const noUnit = (table as DetectedTableInput).unit_blank;
  if (noUnit && typeof noUnit.cell === "string" && typeof noUnit.label === "string") {
    out.push(new LazyFinding("unit-blank", "warning", null, () => `${noUnit.cell}：“${noUnit.label}”栏空白，表中也没有别处写明单位：看不出这是哪个单位的自评表`));
  }
  const brackets = (table as DetectedTableInput).stray_brackets;
  if (Array.isArray(brackets)) {
    for (const b of brackets.filter((x) => x && typeof x.cell === "string" && typeof x.text === "string").slice(0, 5)) {
      out.push(new LazyFinding("bracket-unmatched", "warning", null, () => `${b.cell}：“${b.text}”${b.which === "close" ? "多了一个右括号" : "的左括号没有配对的右括号"}：模板文字未清理干净，或漏打了字`));
    }
  }
  return out;
}

/**
 * A reported total above what the table allows: full marks (100, or the weights' sum where that is more) less the
 * points the reported scores give up (weight − reported score, row by row, and the budget's). Null when possible.
 */
function impossibleTotal(rows: IndicatorResult[], result: TableResult, reportedTotal: number, tol: number): Omit<Finding, "indicator" | "message"> & { message: () => string } | null {
  let weights = result.budget?.weight ?? 0;
  let lost = 0;
  let seen = 0;
  for (const r of rows) {
    if (!r.applicable || r.weight === null) continue;
    weights += r.weight;
    if (r.reported_score === null || r.reported_score > r.weight) continue;
    lost += r.weight - r.reported_score;
    seen++;
  }
  const b = result.budget;
  if (b && b.weight > 0 && b.reported_score !== null && b.reported_score <= b.weight) lost += b.weight - b.reported_score;
  const full = Math.max(100, weights);
  const most = full - lost;
  if (seen === 0 || reportedTotal <= most + tol) return null;
  return {
    code: "total-impossible",
    severity: "error",
    message: () => `报告总分 ${pts(reportedTotal)} 不可能：满分 ${pts(full)}，表中各项报告得分已比分值少 ${pts(lost)} 分，总分至多 ${pts(most)}`,
    reported: reportedTotal,
    recomputed: round(most, 2),
  };
}

/** Level points written in a level's name (产出指标(70分)) against the points the table's own note sets (产出指标50分). */
function noteLevelWeights(table: TableInput, tol: number): Finding[] {
  const stated = (table as DetectedTableInput).note_level_weights ?? [];
  const seen = new Set<string>();
  const differ: { i: number; name: string; declared: number; note: (typeof stated)[number] }[] = [];
  table.indicators.forEach((row, i) => {
    const name = row.level1;
    if (!name || seen.has(name)) return;
    seen.add(name);
    const declared = row.level1_weight ?? weightInName(name);
    const key = levelKey(name);
    const note = stated.find((s) => key.includes(s.level));
    if (declared === null || declared === undefined || !note || Math.abs(declared - note.weight) <= tol) return;
    differ.push({ i, name: name.replace(/\s+/g, ""), declared, note });
  });
  if (differ.length === 0) return [];
  // One finding for the table's level points, at the first level that differs.
  const first = differ[0]!;
  const what = differ.map((d) => `“${d.name}”写明 ${pts(d.declared)} 分，注为“${d.note.level}${pts(d.note.weight)}分”`).join("；");
  return [{ code: "weights-level", severity: "warning", indicator: first.i, message: `一级指标分值与表下注（${first.note.where}）的规定不一致：${what}`, reported: first.declared, recomputed: first.note.weight }];
}

/**
 * A level (or block of goals) that states its points over rows printing no weight, every row met: each met target
 * scores full marks (财预〔2020〕10号), so the rows' reported scores must add up to the level's points. Short of them,
 * a met row lost points (年度绩效目标1(40分): 10 + 10 + 19.6 = 39.6, 98% against 98% scored as 20 × 98%); above them,
 * the scores exceed what the level can give.
 */
function metLevels(table: TableInput, rows: IndicatorResult[], tol: number): (Omit<Finding, "indicator" | "message"> & { message: () => string; rows: number[] })[] {
  if (!printsNoWeight(table)) return [];
  const groups = new Map<string, { name: string; points: number; members: number[] }>();
  const cut = (table as DetectedTableInput).no_total_row === true;
  table.indicators.forEach((row, i) => {
    const levels: [string | null | undefined, number | null | undefined][] = [[row.block, row.block_weight], [row.level1, row.level1_weight], [row.level2, row.level2_weight]];
    levels.forEach(([name, stated], depth) => {
      if (!name) return;
      const points = stated ?? weightInName(name);
      if (points === null || !(points > 0)) return;
      const key = `${depth}:${depth === 2 ? `${levelKey(row.level1)}/` : ""}${levelKey(name)}`;
      const g = groups.get(key) ?? { name: name.replace(/\s+/g, ""), points, members: [] };
      g.members.push(i);
      groups.set(key, g);
    });
  });
  const out: (Omit<Finding, "indicator" | "message"> & { message: () => string; rows: number[] })[] = [];
  const last = table.indicators.length - 1;
  for (const g of groups.values()) {
    if (cut && g.members.includes(last)) continue;
    const members = g.members.map((i) => rows[i]!);
    // Weights inferred for every row (weight-from-level): each row's own score check says which one lost points.
    if (members.length < 2 || members.every((r) => r.weight !== null) || members.some((r) => r.met !== true || r.reported_score === null || !r.applicable)) continue;
    const sum = members.reduce((s, r) => s + r.reported_score!, 0);
    if (Math.abs(sum - g.points) <= tol) continue;
    const short = sum < g.points;
    const list = members.map((r) => `第 ${r.index + 1} 项 ${pts(r.reported_score!)}`).join("、");
    out.push({
      code: short ? "level-met-short" : "weights-level",
      severity: short ? "warning" : "error",
      message: () => short ? `“${g.name}”共 ${pts(g.points)} 分，其下 ${members.length} 项均已达到目标（应各得满分），报告得分合计却只有 ${pts(sum)}（${list}）：有已达标的指标被扣分` : `“${g.name}”共 ${pts(g.points)} 分，其下各项报告得分合计 ${pts(sum)}（${list}），超过该级分值`,
      reported: round(sum, 2),
      recomputed: g.points,
      rows: g.members,
    });
  }
  return out;
}

/** Whether the level-1 group of row `i` states its points and its weighted rows add up to them. */
function levelFilled(table: TableInput, rows: IndicatorResult[], i: number): boolean {
  const name = table.indicators[i]?.level1;
  if (!name) return false;
  const key = levelKey(name);
  const declared = table.indicators[i]?.level1_weight ?? weightInName(name);
  if (declared === null || declared === undefined) return false;
  let sum = 0;
  table.indicators.forEach((row, j) => {
    if (row.level1 && levelKey(row.level1) === key) sum += rows[j]?.weight ?? 0;
  });
  return Math.abs(sum - declared) < 1e-6;
}

/**
 * Header cells written 得分 over a level's points (一级指标 | 得分 | 二级指标 | 得分 | 三级指标 | 得分 | … | 得分): told when
 * the figures bear the reading out, a level whose stated points are the sum of two or more of its rows' weights (投入 16
 * = 8 + 8). Without that, the reading stays a note in 识别.
 */
function pointsHeadedScore(table: TableInput, rows: IndicatorResult[], tol: number): Finding[] {
  const cells = (table as DetectedTableInput).points_headed_score;
  if (!Array.isArray(cells) || cells.length === 0) return [];
  // A level's figure that is its rows' weights added and not their scores added is points; one that is their scores
  // added and not their weights is a score (the header was right). Only the first, and none of the second, tells.
  let points: { name: string; declared: number; weights: number[] } | null = null;
  for (const level of ["level1", "level2"] as const) {
    const groups = new Map<string, { name: string; declared: number | null; weights: number[]; scores: number[]; complete: boolean }>();
    table.indicators.forEach((row, i) => {
      const name = row[level];
      if (!name) return;
      const g = groups.get(levelKey(name)) ?? { name: name.replace(/\s+/g, ""), declared: null, weights: [], scores: [], complete: true };
      const declared = level === "level1" ? row.level1_weight : row.level2_weight;
      if (typeof declared === "number" && g.declared === null) g.declared = declared;
      const w = rows[i]?.weight ?? null;
      const sc = rows[i]?.reported_score ?? null;
      if (w === null || sc === null) g.complete = false;
      else {
        g.weights.push(w);
        g.scores.push(sc);
      }
      groups.set(levelKey(name), g);
    });
    for (const g of groups.values()) {
      if (g.declared === null || !g.complete || g.weights.length === 0) continue;
      const isWeights = Math.abs(g.declared - g.weights.reduce((a, b) => a + b, 0)) <= tol;
      const isScores = Math.abs(g.declared - g.scores.reduce((a, b) => a + b, 0)) <= tol;
      if (isScores && !isWeights) return [];
      if (isWeights && !isScores && g.weights.length >= 2 && !points) points = { name: g.name, declared: g.declared, weights: g.weights };
    }
  }
  if (!points) return [];
  const p = points;
  return [{ code: "header-mislabel", severity: "warning", indicator: null, message: `${cells.join("、")} 表头写作“得分”，所列却是该级指标的分值（“${p.name}” ${pts(p.declared)} = ${p.weights.map((w) => pts(w)).join(" + ")}）：应写作“分值”，以免与右侧的得分混淆` }];
}

function levelWeights(table: TableInput, rows: IndicatorResult[], level: "level1" | "level2", tol: number): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { declared: number | null; sum: number; complete: boolean; name: string; last: boolean }>();
  const cut = (table as DetectedTableInput).no_total_row === true;
  // Level names repeat down the table: read each distinct name once.
  const read = new Map<string, { key: string; inName: number | null }>();
  table.indicators.forEach((row, i) => {
    // (A level given as data may be a number: read as its text.)
    const name = row[level] === null || row[level] === undefined ? "" : String(row[level]);
    if (!name) return;
    let r = read.get(name);
    if (!r) read.set(name, (r = { key: levelKey(name), inName: weightInName(name) }));
    const key = r.key;
    const declared = (level === "level1" ? row.level1_weight : row.level2_weight) ?? r.inName;
    const g = groups.get(key) ?? { declared: null, sum: 0, complete: true, name: name.replace(/\s+/g, ""), last: false };
    if (i === table.indicators.length - 1) g.last = true;
    if (declared !== null && g.declared === null) g.declared = declared;
    const w = rows[i]?.weight ?? null;
    if (w === null) g.complete = false;
    else g.sum += w;
    groups.set(key, g);
  });
  for (const g of groups.values()) {
    if (g.declared !== null && g.complete && Math.abs(g.declared - g.sum) > tol) {
      // A table with no 总分 row may be cut inside its last level: fewer points there than stated is only a note.
      const open = cut && g.last && g.sum < g.declared;
      out.push({ code: "weights-level", severity: open ? "info" : "error", indicator: null, message: `“${g.name}”写明 ${pts(g.declared)} 分，其下指标权重合计 ${pts(g.sum)}${open ? "（表下未见总分行，其余指标可能在截断处之后，此项仅供参考）" : ""}`, reported: g.declared, recomputed: g.sum });
    }
  }
  return out;
}

function subtotals(table: TableInput, rows: IndicatorResult[], tol: number): Finding[] {
  const out: Finding[] = [];
  for (const [key, stated] of Object.entries(table.level_totals ?? {})) {
    const k = levelKey(key);
    const members = rows.filter((r) => {
      const l1 = levelKey(r.level1);
      return l1 === k || (k.length === 1 && l1.startsWith(k)) || (k.length > 1 && l1.includes(k));
    });
    if (members.length === 0) continue;
    const reportedSum = members.every((r) => r.reported_score !== null) ? members.reduce((s, r) => s + (r.reported_score ?? 0), 0) : null;
    const statedScore = readNumber(stated.score ?? null);
    if (statedScore !== null && reportedSum !== null && Math.abs(statedScore - reportedSum) > tol) {
      out.push({ code: "subtotal-sum", severity: "error", indicator: null, message: `“${key}”小计 ${pts(statedScore)}，但其下报告得分合计 ${pts(reportedSum)}`, reported: statedScore, recomputed: round(reportedSum, 2) });
    }
    const statedWeight = readNumber(stated.weight ?? null);
    const weightSum = members.every((r) => r.weight !== null) ? members.reduce((s, r) => s + (r.weight ?? 0), 0) : null;
    if (statedWeight !== null && weightSum !== null && Math.abs(statedWeight - weightSum) > tol) {
      out.push({ code: "weights-level", severity: "error", indicator: null, message: `“${key}”小计写明权重 ${pts(statedWeight)}，其下指标权重合计 ${pts(weightSum)}`, reported: statedWeight, recomputed: weightSum });
    }
  }
  return out;
}
