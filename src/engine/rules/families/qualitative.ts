import { pct, pts } from "../../measure/format";
import { directedCompletion } from "../../measure/compare";
import { noScore, scored, type RuleOutcome, type ScoreContext, type Scorer } from "../context";
import { judgedShare } from "../judgement";
import type { Rule, Tier } from "../types";
import type { Grade } from "../../measure/types";
import { GRADE_NAMES } from "../../measure/grade";

type Tiers = { met: Tier; partial: Tier; unmet: Tier };

/**
 * Qualitative tiers (seed 001 note 3: 达成 100–80%, 部分达成 80–50%, 未达成 50–0%; seed 000 D11: 80–60%).
 * The score is the top of the grade's tier unless the evaluator gives a share inside it.
 */
export const qualitative: Scorer<Extract<Rule, { type: "qualitative" }>> = (rule, ctx) => gradeScore(rule, ctx, "定性指标");

/** 按评判等级赋分 (seed 003): as qualitative; a quantitative target met is the top grade, unmet is proportional. */
export const graded: Scorer<Extract<Rule, { type: "graded" }>> = (rule, ctx) => {
  const c = ctx.comparison;
  if (c.ok && c.kind === "quantity") {
    const w = ctx.weight;
    const r = directedCompletion(c);
    const head = () => [...c.notes, `完成率 = ${c.lower ? `${c.targetShown} / ${c.actualShown}` : `${c.actualShown} / ${c.targetShown}`} = ${pct(r)}`];
    if (c.met) return scored(w, r, true, () => [...head(), `按评判等级：达到目标，得满分 ${pts(w)}`]);
    const s = Math.max(0, Math.min(w, w * r));
    return scored(s, r, false, () => [...head(), `按评判等级：未达到目标，按完成率得分 = ${pts(w)} × ${pct(r)} = ${pts(s)}`]);
  }
  return gradeScore(rule, ctx, "按评判等级");
};

function gradeScore(tiers: Tiers, ctx: ScoreContext, label: string): RuleOutcome {
  const c = ctx.comparison;
  let grade: Grade;
  if (c.ok && c.kind === "grade") grade = c.grade;
  else if (c.ok) grade = c.met ? "met" : "unmet";
  else return noScore(c.status, c.code, c.reason);
  const w = ctx.weight;
  const [lo, hi] = tiers[grade];
  const share = judgedShare(ctx.judgement);
  const what = () => c.kind === "grade" ? `实际“${c.actualShown}”` : `实际 ${c.actualShown}，目标 ${c.targetShown}`;
  if (share !== null) {
    if (share < lo - 1e-9 || share > hi + 1e-9) {
      return noScore("unreadable", "judgement-out-of-tier", `评价人给出的得分比例 ${pct(share)} 不在“${GRADE_NAMES[grade]}”档 ${pct(lo)}–${pct(hi)} 内`);
    }
    const s = share * w;
    return scored(s, share, grade === "met", () => [what(), `${label}：${GRADE_NAMES[grade]}（${pct(lo)}–${pct(hi)}），评价人定为 ${pct(share)}：得分 = ${pct(share)} × ${pts(w)} = ${pts(s)}`]);
  }
  // The national rule gives each tier a range of shares to be set by the evaluator (财预〔2020〕10号: 分别按照该指标对应分值区间
  // 100-80%（含）、80-60%（含）、60-0%合理确定分值): a reported score inside the tier of a target partly met or missed is that
  // setting, taken as such. A target met earns its full points: reviewers hold a deduction there with no reason to be a slip.
  const rs = ctx.reported;
  if (grade !== "met" && rs !== null && rs !== undefined && w > 0 && rs / w >= lo - 1e-9 && rs / w <= hi + 1e-9) {
    return scored(rs, rs / w, false, () => [what(), `${label}：${GRADE_NAMES[grade]}（该档 ${pct(lo)}–${pct(hi)}），报告得分 ${pts(rs)}（${pct(rs / w)}）在该档内，按评价人在档内确定的分值计`]);
  }
  const s = hi * w;
  return scored(s, hi, grade === "met", () => [what(), `${label}：${GRADE_NAMES[grade]}，取该档上限 ${pct(hi)}：得分 = ${pct(hi)} × ${pts(w)} = ${pts(s)}`]);
}
