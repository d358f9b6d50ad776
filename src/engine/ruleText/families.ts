import type { ChecklistItem, Rule } from "../rules/types";
import { basisOf } from "./bands";
import { circled, circledMarks, countOf, shareOf } from "./normalise";

const P = "(\\d+(?:\\.\\d+)?)%";

/** 按照完成比例赋分 written out (seed 000 C11): ≥200% → 0; 100–200% → (1−(r−100%))×w; 60–100% linear. */
export function readOverAchievement(s: string): Rule | null {
  if (!/\(1-\(实际完成率-100%\)\)|\(1-\(完成率-100%\)\)/.test(s)) return null;
  const floor = new RegExp(`${P}≤(?:实际)?完成率<100%`).exec(s);
  const zero = new RegExp(`(?:完成率)?≥${P}[^；]*?得0分`).exec(s) ?? new RegExp(`完成率≥${P}`).exec(s);
  if (!floor || !zero) return null;
  return { type: "completion", floor: Number(floor[1]) / 100, zeroAt: Number(zero[1]) / 100 };
}

/** Cost (seed 000 C41): >100% → 0, =100% → full, floor–100% linear. */
export function readCost(s: string): Rule | null {
  if (!/(?:>|超过)100%[^；]*?得0分/.test(s) || !/(?:等于|=)100%[^；]*?得满分/.test(s)) return null;
  const floor = new RegExp(`${P}≤(?:实际)?完成率<100%`).exec(s) ?? new RegExp(`\\(实际完成率-${P}\\)`).exec(s);
  if (!floor) return null;
  return { type: "cost", floor: Number(floor[1]) / 100, over: "zero" };
}

/** Met → full; unmet above a floor → (r − floor)/(1 − floor) × w (seed 000 C21). */
export function readFloorLinear(s: string): Rule | null {
  if (!/(?:符合|达到|完成)(?:预期)?(?:指标值|目标值|目标)?得满分/.test(s)) return null;
  const f = new RegExp(`\\((?:实际)?完成率-${P}\\)/\\(1-${P}\\)`).exec(s);
  if (!f || f[1] !== f[2]) return null;
  return { type: "floorLinear", floor: Number(f[1]) / 100 };
}

/** ≥X% full; every Y% lower deducts M points or Z% of the weight (seed 004 B12, C21). */
export function readStep(s: string): Rule | null {
  // (A rate reaching a figure, 验收合格率100%得满分, is a floor as ≥100% is.)
  const full = new RegExp(`(?:≥|(?<=[率度]))${P}(?:的)?[，]?得(?:满分|(\\d+(?:\\.\\d+)?)分)`).exec(s);
  const step = new RegExp(`每(?:降低|减少|低|下降|相差|差)${P}[，]?扣(?:(\\d+(?:\\.\\d+)?)分|${P}(?:的)?权重分|权重分的${P})`).exec(s);
  if (!full || !step) return null;
  const deductAs = step[2] !== undefined ? "points" : "share";
  const deduct = step[2] !== undefined ? Number(step[2]) : Number(step[3] ?? step[4]) / 100;
  return { type: "step", basis: basisOf(s), full: Number(full[1]) / 100, step: Number(step[1]) / 100, deduct, deductAs };
}

/** Units counted in 少一个扣1分 rules. */
const COUNT_UNIT = "[个场次项人家所件篇期批台套户座名册部处条份]";

/** 达9个得6分，少检查一个扣1分，扣完为止 / 每少一场扣0.5分: full at a count, a deduction per unit short. */
export function readPerUnit(s: string): Rule | null {
  // 每少10公斤扣1分 (亩均增产≥50公斤得满分): a deduction for every so many units short.
  const many = /每(?:少|缺|减少|低)(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3})扣(\d+(?:\.\d+)?)分/.exec(s);
  if (many && Number(many[1]) > 1 && !/%|比例/.test(s)) {
    const full = new RegExp(`(?:达到?|完成|不少于|≥)(\\d+(?:\\.\\d+)?)${many[2]}[^，；。]*?得满分`).exec(s);
    return { type: "perUnit", full: full ? Number(full[1]) : null, deduct: Number(many[3]), unit: many[2]!, per: Number(many[1]) };
  }
  const per = new RegExp(`(?:每)?(?:少|缺|减少)[\\u4e00-\\u9fa5]{0,4}?(?:一|1)(${COUNT_UNIT})[\\u4e00-\\u9fa5]{0,6}?扣(\\d+(?:\\.\\d+)?)分`).exec(s);
  if (!per || /%|比例|每(?:降低|下降|低)\d/.test(s)) return null;
  const full = new RegExp(`(?:达到?|完成|不少于|≥)(\\d+(?:\\.\\d+)?)${per[1]}[^，；。]*?得(?:满分|\\d+(?:\\.\\d+)?分)`).exec(s);
  return { type: "perUnit", full: full ? Number(full[1]) : null, deduct: Number(per[2]), unit: per[1]! };
}

/** 得分=资金到位率×权重分 (seed 004 B11); ≥X% 得满分，否则按比例得分 (D13). */
export function readRateTimesWeight(s: string): Rule | null {
  const formula = /得分=[^；，。=]*?率×权重(?:分|分值)?/.test(s);
  const prop = /否则[，]?按(?:比例|实际比例|完成比例)(?:得分|计分|赋分)/.exec(s);
  if (!formula && !prop) return null;
  const full = new RegExp(`≥${P}(?:的)?[，]?得满分`).exec(s);
  if (prop && !full) return null;
  return { type: "rateTimesWeight", basis: basisOf(s), ...(full ? { fullAt: Number(full[1]) / 100 } : {}) };
}

/** All or nothing: 得满分；否则不得分 / 全部符合…得满分 / 发现 1 例…得 0 分. */
export function readThreshold(s: string): Rule | null {
  if (/各占|缺[①-⑩]|每有一项|每符合一项|再得/.test(s)) return null;
  if (/得满分[；，。]?否则[，]?(?:不得分|得0分)/.test(s) || /发现\d+例[^；]*?(?:得0分|不得分)/.test(s)) return { type: "threshold" };
  return null;
}

/**
 * Checklists judged item by item: `N项各占1/N权重分` (shares), `缺①扣权重分的40%` (deductions), `①…得1分；②…得2分`
 * (points), and seed 000 A21's `先得20%的权重分（两项各占10%）…每符合一项，再得1/5的剩余权重分`.
 */
export function readChecklist(s: string): { rule: Rule; note: string | null } | null {
  const marks = circledMarks(s);
  const extra = /若[^；。]*?扣(\d+\/\d+|\d+%)(?:的)?权重分/.exec(s);
  const note = extra ? `另有条件“${extra[0]}”需评价人另行扣分` : null;

  const missing = [...s.matchAll(/缺([①-⑩])扣(?:权重分的)?(\d+(?:\.\d+)?)%/g)];
  if (missing.length >= 2) {
    return { rule: { type: "checklist", mode: "deductions", items: missing.map((m) => ({ label: m[1]!, share: Number(m[2]) / 100 })) }, note };
  }

  const each = /(?:以上)?(?<![一二两三四五六七八九十\d])([一二两三四五六七八九十\d]+)项各占(\d+\/\d+|\d+(?:\.\d+)?%)(?:的)?权重分/.exec(s);
  if (each) {
    const count = countOf(each[1]!);
    const share = shareOf(each[2]!);
    if (count !== null && share !== null && Math.abs(count * share - 1) <= 0.01) {
        const items: ChecklistItem[] = Array.from({ length: count }, (_, i) => ({ label: marks[i] ?? circled(i), share }));
      const mode = /每有一项不满足[，]?(?:则)?扣除/.test(s) || /否则扣除/.test(s) ? "deductions" : "shares";
      return { rule: { type: "checklist", mode, items }, note };
    }
  }

  const first = /先得(\d+(?:\.\d+)?)%的权重分[^；]*?两项各占(\d+(?:\.\d+)?)%/.exec(s);
  const rest = /每符合一项[，]?再得1\/(\d+)的剩余权重分/.exec(s);
  if (first && rest) {
    const head = Number(first[1]) / 100;
    const k = Number(rest[1]);
    const items: ChecklistItem[] = [
      { label: "①总目标", share: Number(first[2]) / 100 },
      { label: "①年度目标", share: Number(first[2]) / 100 },
      ...Array.from({ length: k }, (_, i) => ({ label: `②第${i + 1}项`, share: (1 - head) / k })),
    ];
    return { rule: { type: "checklist", mode: "shares", items }, note };
  }

  const points = [...s.matchAll(/([①-⑩])[^①-⑩]*?得(\d+(?:\.\d+)?)分/g)];
  if (points.length >= 2 && points.length === marks.length) {
    return { rule: { type: "checklist", mode: "points", items: points.map((m) => ({ label: m[1]!, points: Number(m[2]) })) }, note };
  }
  return null;
}

/** Two or more conditions on different subjects, each worth points (seed 004 C11): a points checklist. */
export function readConditionPoints(s: string, subjects: string[]): Rule | null {
  const clauses = s.split(/[；。]/).filter((c) => /得\d+(?:\.\d+)?分/.test(c));
  const distinct = new Set(subjects.map((x) => x.replace(/(?:为|达到|等于)$/, "")).filter((x) => x !== ""));
  if (clauses.length < 2 || distinct.size < 2 || distinct.size !== subjects.length) return null;
  return {
    type: "checklist",
    mode: "points",
    items: clauses.map((c, i) => ({ label: circled(i), points: Number(/得(\d+(?:\.\d+)?)分/.exec(c)![1]) })),
  };
}

/** Qualitative three tiers: 100-80%（含80%）、80-50%（含50%）、50-0% (seed 001 note 3). */
export function readTiers(s: string): Rule | null {
  const m = /100%?(?:\(含\))?-(\d+)%(?:\(含(?:\d+%)?\))?，(\d+)%?-(\d+)%(?:\(含(?:\d+%)?\))?，(\d+)%?-0%/.exec(s);
  if (!m || m[1] !== m[2] || m[3] !== m[4]) return null;
  const hi = Number(m[1]) / 100;
  const mid = Number(m[3]) / 100;
  return { type: "qualitative", met: [hi, 1], partial: [mid, hi], unmet: [0, mid] };
}

/**
 * What may stand around a plain formula without changing it: a definition in brackets (完成率=实际完成值/年度指标值), a cap
 * (最高为100%, 最高不超过分值), the full marks the formula gives anyway (达到目标得满分, 实际值≤指标值的得满分), and joining words.
 * Anything left (a figure, 不得分, 扣, a factor, 且/同时, a second condition) is a rule of its own: the phrase is then not read.
 */
function onlyFormula(s: string, formula: RegExp): boolean {
  const rest = s
    .replace(/\([^()]*\)/g, "")
    .replace(formula, "")
    .replace(/最高(?:为|不超过|不得超过|≤)?(?:100%|该指标分值|分值|权重分?|满分)|(?:得分)?最高(?:不超过|≤)(?:分值|权重分?|满分)|(?:不超过|≤)(?:分值|权重)|封顶/g, "")
    .replace(/(?:实际(?:完成)?值|完成值)?[≤≥](?:年度)?(?:指标值|目标值)(?:的)?得满分|(?:完成率|完成比例)≥100%(?:的)?得满分|(?:达到|完成|符合|实现)(?:年度)?(?:目标|指标值|目标值|预期)?(?:的)?得满分/g, "")
    .replace(/(?:完成率|完成比例)?=(?:实际(?:完成)?值|完成值)\/(?:年度)?(?:指标值|目标值)/g, "")
    .replace(/超出的|低于的|未达到的|未完成的|否则|得分=|计分|得分|赋分|按|的|[，；。:：]/g, "");
  return rest === "";
}

const COMPLETION_TIMES = /(?:完成率|完成比例|实际完成率)×(?:该指标)?(?:分值|权重分?|指标分值|标准分)/;
// (Also with what is counted named on both sides: 实际完成学校数/计划学校数×分值, 实际完成面积/计划面积×分值.)
const RATE_WRITTEN = /(?:(?:实际(?:完成)?值|完成值|实际数)\/(?:年度)?(?:指标值|目标值|计划值|计划数)|实际[\u4e00-\u9fa5]{0,10}\/(?:年度)?(?:计划|目标|预期)[\u4e00-\u9fa5]{0,10})×(?:该指标)?(?:分值|权重分?)/;
const RATE_INVERTED = /(?:(?:(?:年度)?(?:指标值|目标值|计划值))\/(?:实际(?:完成)?值|完成值|实际数)|(?:计划|目标)[\u4e00-\u9fa5]{0,10}\/实际[\u4e00-\u9fa5]{0,10})×(?:该指标)?(?:分值|权重分?)/;
const BY_SHARE = /(?:未完成|未达到|<|>|否则)?(?:的)?按(?:实际)?(?:完成)?比例(?:计分|得分|赋分)/;

/**
 * The plain formulas forms print beside each row, when they are the whole rule (完成率×分值, 得分=实际完成值/年度指标值×分值,
 * 超出的按目标值/实际值×分值计分, 未完成的按完成比例计分): the national proportional rule, its direction from the target's sign.
 */
export function readProportionalText(s: string): Rule | null {
  for (const f of [COMPLETION_TIMES, RATE_WRITTEN, RATE_INVERTED, BY_SHARE]) {
    if (f.test(s) && onlyFormula(s, new RegExp(f.source, "g"))) return { type: "proportional" };
  }
  return null;
}

/** 执行率×分值 (预算执行率=全年执行数/全年预算数): the rate itself times the points, as 得分=资金到位率×权重. */
export function readRateTimesPoints(s: string): Rule | null {
  const f = /(?:预算|资金)?(?:执行率|到位率|支付率|拨付率)×(?:该指标)?(?:分值|权重分?)/;
  if (f.test(s) && onlyFormula(s, new RegExp(f.source, "g"))) return { type: "rateTimesWeight", basis: "actual" };
  // Any other rate times the points (隐患消除率×分值, 合格率×分值, 满意度×分值): the rate itself. Not a completion rate (完成率×分值 is
  // the proportional rule) and not a rate of something to be kept low (发生率, 投诉率).
  const g = /([\u4e00-\u9fa5]{1,8}率|[\u4e00-\u9fa5]{0,8}满意度)×(?:该指标)?(?:分值|权重分?)/.exec(s);
  if (g && !/完成|发生|投诉|差错|事故|失误|违规|下降|减少|降低/.test(g[1]!) && onlyFormula(s, new RegExp(g[0].replace(/[×]/g, "\\$&"), "g"))) return { type: "rateTimesWeight", basis: "actual" };
  return null;
}

/** 按期完成得满分，逾期不得分 as the whole rule: the deadline rule (a date target only: resolveRule's kind check). */
export function readDeadlineText(s: string): Rule | null {
  return /^(?:按期|按时|如期)(?:完成)?(?:的)?得满分[，；]?(?:逾期|未按期|未按时|超期|延期|否则)(?:完成)?(?:的)?(?:不得分|得0分)[。]?$/.test(s) ? { type: "deadline" } : null;
}

/** 达到预期得满分，部分达到得分值的50%，未达到不得分, as the whole rule: three grades at fixed shares. */
export function readGradeShares(s: string): Rule | null {
  const m = /^(?:达到|达成|实现|完成)(?:预期|目标|预期目标)?(?:的)?得满分[，；]?部分(?:达到|达成|完成|实现)(?:的)?得(?:分值|权重分?|该项分值)?(?:的)?(\d+(?:\.\d+)?)%(?:[，；]?(?:未达到|未达成|未完成)(?:的)?(?:不得分|得0分))?[。]?$/.exec(s);
  if (!m) return null;
  const p = Number(m[1]) / 100;
  return p > 0 && p < 1 ? { type: "qualitative", met: [1, 1], partial: [p, p], unmet: [0, 0] } : null;
}
